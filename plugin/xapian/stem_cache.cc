/* A stemmer that remembers its stems.  TermGenerator stems every word of
 * free text with Snowball, each time it meets it, and news copy repeats its
 * words: one thread's stemmer keeps word -> stem for the words it has seen
 * and Snowball runs once per word, not once per occurrence. */
#include <memory>
#include <string>
#include <unordered_map>

#include "errors.h"
#include "handles.h"

using nfx::guarded;

namespace {

/* Bounded memory whatever the corpus: past this many words the memo starts
 * again (the common words come back at once); longer words are not kept. */
constexpr size_t kMaxWords = 1 << 16;
constexpr size_t kMaxWordBytes = 64;

}  // namespace

struct nf_xstem {
  Xapian::Stem snowball;  // made once, for the thread's whole run
  std::unordered_map<std::string, std::string> memo;
};

namespace {

/* What a document's TermGenerator calls: the stem from the memo, else from
 * Snowball (then remembered).  It points to its nf_xstem without owning it,
 * so that no reference count is shared between the documents of a thread
 * and the writer thread that frees them (Xapian's counts are not atomic). */
class Remembering : public Xapian::StemImplementation {
 public:
  explicit Remembering(nf_xstem *s) : s_(s) {}

  std::string operator()(const std::string &word) override {
    auto found = s_->memo.find(word);
    if (found != s_->memo.end()) return found->second;
    std::string stem = s_->snowball(word);
    if (word.size() <= kMaxWordBytes) {
      if (s_->memo.size() >= kMaxWords) s_->memo.clear();
      s_->memo.emplace(word, stem);
    }
    return stem;
  }

  std::string get_description() const override { return "remembering Snowball stemmer"; }

 private:
  nf_xstem *s_;
};

}  // namespace

Xapian::Stem nfx::remembering_stem(nf_xstem *stem) {
  if (stem->snowball.is_none()) return Xapian::Stem();
  return Xapian::Stem(new Remembering(stem));
}

extern "C" {

nf_status nf_xstem_new(const char *language, nf_xstem **out, nf_error *err) {
  if (!out) return nf_error_set(err, NF_ERR_INVALID, "no output handle");
  *out = nullptr;
  return guarded(err, [&] {
    std::unique_ptr<nf_xstem> stem(new nf_xstem);
    stem->snowball = nfx::make_stem(language);
    *out = stem.release();
    return NF_OK;
  });
}

void nf_xstem_free(nf_xstem *stem) { delete stem; }

}  // extern "C"
