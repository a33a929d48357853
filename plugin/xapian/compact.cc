/* Compaction: Xapian's Compactor over one database or several merged. */
#include <memory>
#include <new>
#include <string>

#include "errors.h"
#include "handles.h"

using nfx::guarded;

namespace {

/* Passes Xapian's word on each table to the caller. */
class Progress : public Xapian::Compactor {
 public:
  Progress(nf_xcompact_fn fn, void *ctx) : fn_(fn), ctx_(ctx) {}
  void set_status(const std::string &table, const std::string &status) override {
    if (fn_) fn_(ctx_, table.c_str(), status.c_str());
  }

 private:
  nf_xcompact_fn fn_;
  void *ctx_;
};

}  // namespace

extern "C" {

nf_status nf_xdb_compact(const char *const *paths, size_t n, const char *out, nf_xcompact_fn fn,
                         void *ctx, nf_error *err) {
  if (!paths || n == 0 || !out)
    return nf_error_set(err, NF_ERR_INVALID, "no database to compact or no output");
  return guarded(err, [&] {
    Xapian::Database all;
    for (size_t i = 0; i < n; i++) all.add_database(Xapian::Database(paths[i]));
    Progress progress(fn, ctx);
    // Several shards are merged in order, their docids renumbered one after
    // the other; MULTIPASS merges many in a tree, faster than all at once.
    all.compact(out, all.size() > 3 ? Xapian::DBCOMPACT_MULTIPASS : 0, 0, progress);
    return NF_OK;
  });
}

}  // extern "C"
