/* Searches: the Enquire, its sort order, term facets, and running it. */
#include <algorithm>
#include <memory>
#include <new>
#include <string>

#include "errors.h"
#include "handles.h"

using nfx::guarded;

namespace nfx {

void TermFacetSpy::operator()(const Xapian::Document &doc, double) {
  Xapian::TermIterator t = doc.termlist_begin();
  Xapian::TermIterator end = doc.termlist_end();
  t.skip_to(prefix_);
  for (; t != end; ++t) {
    std::string term = *t;
    if (term.compare(0, prefix_.size(), prefix_) != 0) break;
    ++counts_[term];  // a termlist holds each term once
  }
}

std::vector<std::pair<std::string, unsigned long>> TermFacetSpy::results() const {
  // After a multi-letter prefix a value starting with a capital always has a
  // ':' before it (the ':' rule), so a capital there means a longer prefix
  // (XTITLE vs XTITLEWORD): not this facet's term.
  bool multi = prefix_.size() > 1 && prefix_.back() != ':';
  std::vector<std::pair<std::string, unsigned long>> out;
  for (const auto &kv : counts_) {
    std::string value = kv.first.substr(prefix_.size());
    if (multi && !value.empty()) {
      if (value[0] >= 'A' && value[0] <= 'Z') continue;
      if (value[0] == ':' && nfx::needs_colon(prefix_, value.data() + 1, value.size() - 1))
        value.erase(0, 1);
    }
    out.emplace_back(std::move(value), kv.second);
  }
  std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  return out;
}

}  // namespace nfx

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

nf_status nf_xenquire_add_term_facet(nf_xenquire *e, const char *prefix, size_t *out_index,
                                     nf_error *err) {
  if (!e || !prefix || !*prefix || !out_index)
    return nf_error_set(err, NF_ERR_INVALID, "no enquire, prefix or output");
  return guarded(err, [&] {
    auto spy = std::make_unique<nfx::TermFacetSpy>(prefix);
    e->facets.reserve(e->facets.size() + 1);  // so push_back cannot throw below
    e->enquire.add_matchspy(spy.get());
    e->facets.push_back(std::move(spy));
    *out_index = e->facets.size() - 1;
    return NF_OK;
  });
}

nf_status nf_xenquire_run(nf_xenquire *e, unsigned offset, unsigned limit, nf_xmset **out,
                          nf_error *err) {
  if (!out) return nf_error_set(err, NF_ERR_INVALID, "no output handle");
  *out = nullptr;
  if (!e) return nf_error_set(err, NF_ERR_INVALID, "no enquire");
  return guarded(err, [&] {
    for (auto &spy : e->facets) spy->reset();  // spies accumulate across runs
    // With facets, check every document so that the spies see the whole match
    // set and the estimate is exact.
    Xapian::doccount check = e->facets.empty() ? 0 : e->db.get_doccount();
    std::unique_ptr<nf_xmset> m(new nf_xmset);
    m->mset = e->enquire.get_mset(offset, limit, check);
    m->stem = e->stem;
    for (const auto &spy : e->facets) m->facets.push_back(spy->results());
    *out = m.release();
    return NF_OK;
  });
}

}  // extern "C"
