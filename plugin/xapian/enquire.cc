/* Searches: the Enquire, its sort order, and running it (facets: facets.cc). */
#include <memory>
#include <new>
#include <string>

#include "errors.h"
#include "handles.h"

using nfx::guarded;

extern "C" {

nf_status nf_xenquire_new(nf_xdb *db, nf_xenquire **out, nf_error *err) {
  if (!out) return nf_error_set(err, NF_ERR_INVALID, "no output handle");
  *out = nullptr;
  if (!db) return nf_error_set(err, NF_ERR_INVALID, "no database");
  return guarded(err, [&] {
    std::unique_ptr<nf_xenquire> e(new nf_xenquire(db->db));
    std::string language = db->db.get_metadata(NF_XLANGUAGE_KEY);
    e->stem = nfx::make_stem(language.empty() ? "english" : language.c_str());
    *out = e.release();
    return NF_OK;
  });
}

void nf_xenquire_free(nf_xenquire *e) { delete e; }

nf_status nf_xenquire_set_language(nf_xenquire *e, const char *language, nf_error *err) {
  if (!e) return nf_error_set(err, NF_ERR_INVALID, "no enquire");
  return guarded(err, [&] {
    e->stem = nfx::make_stem(language);
    return NF_OK;
  });
}

nf_status nf_xenquire_set_query(nf_xenquire *e, const nf_xquery *q, nf_error *err) {
  if (!e || !q) return nf_error_set(err, NF_ERR_INVALID, "no enquire or query");
  return guarded(err, [&] {
    e->enquire.set_query(q->q);
    return NF_OK;
  });
}

nf_status nf_xenquire_sort_by_relevance(nf_xenquire *e, nf_error *err) {
  if (!e) return nf_error_set(err, NF_ERR_INVALID, "no enquire");
  return guarded(err, [&] {
    e->enquire.set_sort_by_relevance();
    return NF_OK;
  });
}

nf_status nf_xenquire_sort_by_value(nf_xenquire *e, unsigned slot, int descending,
                                    nf_error *err) {
  if (!e) return nf_error_set(err, NF_ERR_INVALID, "no enquire");
  return guarded(err, [&] {
    e->enquire.set_sort_by_value_then_relevance(slot, descending != 0);  // true: descending
    return NF_OK;
  });
}

nf_status nf_xenquire_run(nf_xenquire *e, unsigned offset, unsigned limit, nf_xmset **out,
                          nf_error *err) {
  if (!out) return nf_error_set(err, NF_ERR_INVALID, "no output handle");
  *out = nullptr;
  if (!e) return nf_error_set(err, NF_ERR_INVALID, "no enquire");
  return guarded(err, [&] {
    // Spies accumulate across runs.
    if (e->terms) e->terms->reset();
    for (auto &spy : e->values) spy->reset();
    // With facets, check every document so that the spies see the whole match
    // set and the estimate is exact.
    Xapian::doccount check = e->facets.empty() ? 0 : e->db.get_doccount();
    std::unique_ptr<nf_xmset> m(new nf_xmset);
    m->mset = e->enquire.get_mset(offset, limit, check);
    m->stem = e->stem;
    for (const auto &f : e->facets)
      m->facets.push_back(f.by_value ? e->values[f.index]->results() : e->terms->results(f.index));
    *out = m.release();
    return NF_OK;
  });
}

}  // extern "C"
