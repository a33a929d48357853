/* Searches: the Enquire, its sort order, and running it (facets: facets.cc). */
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <vector>

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
    e->remote = db->remote;
    if (!db->writable) {  // a writer's terms change under it: no cache
      if (!db->facet_terms) db->facet_terms = std::make_shared<nfx::ReaderCache>();
      e->facet_terms = db->facet_terms;
    }
    // For tests and benchmarks: how term facets are counted.
    const char *method = std::getenv("NF_FACET_METHOD");
    if (method && std::strcmp(method, "termlists") == 0) e->method = nfx::TermFacetSpy::TERMLISTS;
    if (method && std::strcmp(method, "postlists") == 0) e->method = nfx::TermFacetSpy::POSTLISTS;
    if (method && std::strcmp(method, "memory") == 0) e->method = nfx::TermFacetSpy::MEMORY;
    // For tests and benchmarks: "off" matches a query of filters as any other.
    const char *bits = std::getenv("NF_FILTER_BITS");
    e->filter_bits = !(bits && std::strcmp(bits, "off") == 0);
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

nf_status nf_xenquire_set_facet_limit(nf_xenquire *e, unsigned limit, nf_error *err) {
  if (!e) return nf_error_set(err, NF_ERR_INVALID, "no enquire");
  e->facet_limit = limit;
  return NF_OK;
}

nf_status nf_xenquire_set_query(nf_xenquire *e, const nf_xquery *q, nf_error *err) {
  if (!e || !q) return nf_error_set(err, NF_ERR_INVALID, "no enquire or query");
  return guarded(err, [&] {
    e->enquire.set_query(q->q);
    return NF_OK;
  });
}

nf_status nf_xenquire_set_time_limit(nf_xenquire *e, double seconds, nf_error *err) {
  if (!e) return nf_error_set(err, NF_ERR_INVALID, "no enquire");
  if (!(seconds >= 0)) return nf_error_set(err, NF_ERR_INVALID, "a negative time limit");
  e->time_limit = seconds;
  return NF_OK;
}

nf_status nf_xenquire_set_collapse(nf_xenquire *e, int on, unsigned slot, nf_error *err) {
  if (!e) return nf_error_set(err, NF_ERR_INVALID, "no enquire");
  return guarded(err, [&] {
    e->collapse = on != 0;
    e->collapse_slot = slot;
    e->enquire.set_collapse_key(on ? slot : Xapian::BAD_VALUENO);
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

nf_status nf_xenquire_sort_by_value(nf_xenquire *e, unsigned slot, int descending, nf_error *err) {
  if (!e) return nf_error_set(err, NF_ERR_INVALID, "no enquire");
  return guarded(err, [&] {
    e->enquire.set_sort_by_value_then_relevance(slot, descending != 0);  // true: descending
    return NF_OK;
  });
}

/* Matches above this share of the database (1/n) are counted by postlists:
 * they stop once the facet limit's values are known (TermFacetSpy), which
 * beats reading every match's termlist from about 1/200 of the database on
 * (measured on 200,000 news articles with tests/bench/scale.sh). */
#define NF_POSTLISTS_SHARE 200
/* A reader keeps the facet terms' docids in memory, which counts faster
 * still: from 1/1000 of the database on (1,000,000 articles of the scale
 * benchmark: fielded queries with every facet, p99 277 -> 80 ms). */
#define NF_MEMORY_SHARE 1000

namespace {
/* Collects the docid of every match during the main match, so that term
 * facets need no second one.  One database only: a spy is given each
 * shard's own docids (and a remote shard takes no spy of ours); over
 * shards the docids come from a match of their own. */
class DocidSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document &doc, double) override {
    docids.push_back(doc.get_docid());
  }
  std::vector<Xapian::docid> docids;
};
}  // namespace

/* The decider that checks the enquire's deadline, or NULL without a limit.
 * A remote shard refuses a MatchDecider ("not supported for the remote
 * backend"): there Xapian's own time limit bounds the match instead (it
 * stops matching and keeps the best hits so far; the facets still check the
 * deadline). */
static const Xapian::MatchDecider *decider(nf_xenquire *e, Xapian::Enquire &enquire,
                                           nfx::DeadlineDecider &d) {
  if (!e->deadline.active()) return nullptr;
  if (!e->remote) return &d;
  enquire.set_time_limit(e->time_limit);
  return nullptr;
}

/* Every document the enquire's query matches, sorted. */
static std::vector<Xapian::docid> matching_docids(nf_xenquire *e, Xapian::doccount n) {
  Xapian::Enquire all(e->db);
  all.set_query(e->enquire.get_query());
  all.set_weighting_scheme(Xapian::BoolWeight());
  all.set_docid_order(Xapian::Enquire::ASCENDING);
  nfx::DeadlineDecider d(e->deadline);
  Xapian::MSet m = all.get_mset(0, n, 0, nullptr, decider(e, all, d));
  std::vector<Xapian::docid> docids;
  docids.reserve(m.size());
  for (Xapian::MSetIterator i = m.begin(); i != m.end(); ++i) docids.push_back(*i);
  std::sort(docids.begin(), docids.end());
  return docids;
}

/* Term facets over the whole match set (n documents), by the fastest way;
 * collected: the matches' docids when they are known already (taken), bits:
 * the same as bits when they are made already (else NULL). */
static void count_term_facets(nf_xenquire *e, Xapian::doccount n,
                              std::vector<Xapian::docid> *collected,
                              const std::vector<uint64_t> *bits) {
  using nfx::TermFacetSpy;
  if (n == 0) return;
  std::vector<Xapian::docid> docids;
  if (collected)
    docids.swap(*collected);  // in the match's order: sorted below if need be
  else
    docids = matching_docids(e, n);
  bool postlists = e->method == TermFacetSpy::POSTLISTS || e->method == TermFacetSpy::MEMORY ||
                   (e->method == TermFacetSpy::AUTO &&
                    static_cast<unsigned long long>(docids.size()) *
                            (e->facet_terms ? NF_MEMORY_SHARE : NF_POSTLISTS_SHARE) >
                        e->db.get_doccount());
  if (postlists) {
    e->terms->count_postlists(e->db, docids, bits);
  } else {
    std::sort(docids.begin(), docids.end());
    e->terms->count_termlists(e->db, docids);
  }
}

nf_status nf_xenquire_run(nf_xenquire *e, unsigned offset, unsigned limit, nf_xmset **out,
                          nf_error *err) {
  if (!out) return nf_error_set(err, NF_ERR_INVALID, "no output handle");
  *out = nullptr;
  if (!e) return nf_error_set(err, NF_ERR_INVALID, "no enquire");
  return guarded(err, [&] {
    // Counts accumulate across runs.
    if (e->terms) {
      e->terms->reset();
      e->terms->set_limit(e->facet_limit);
      e->terms->set_cache(e->facet_terms.get());
      e->terms->set_method(e->method);
    }
    e->deadline.start(e->time_limit);
    // A reader counts value facets (the histogram) from its index of the
    // values and the matches' docids, with no spy to call for each match.
    std::vector<const nfx::ValueIndex *> value_index;
    bool values_in_memory = !e->remote && e->facet_terms && !e->values.empty();
    for (size_t i = 0; values_in_memory && i < e->values.size(); i++) {
      const nfx::ValueIndex *index =
          e->facet_terms->values(e->db, e->values[i]->slot(), e->values[i]->len(), &e->deadline);
      if (!index) values_in_memory = false;  // past the reader's budget: spies
      value_index.push_back(index);
    }
    e->enquire.clear_matchspies();
    if (!values_in_memory)
      for (auto &spy : e->values) e->enquire.add_matchspy(spy->fresh());
    e->group_spy.reset();
    e->remote_group_spy.reset();
    // A reader of local databases counts the groups from the matches'
    // docids and its cache of duplicates; a writer and remote shards with a
    // spy.  Over several databases a spy sees each one's own docids, so the
    // matches' docids come from a match of their own.
    const bool local = !e->remote && e->db.size() == 1;
    const bool cached_groups = e->collapse && !e->remote && e->facet_terms;
    // A query of filters alone is counted from the reader's bits: Xapian
    // then finds the hits without visiting every match (unless a value
    // facet's spy must see them all).  filtered: the matches as bits once
    // made, for the groups and the facets alike.
    std::vector<uint64_t> filtered;
    const bool only_filters = nfx::only_filters(e->enquire.get_query());
    const bool by_bits =
        e->filter_bits && !e->remote && e->facet_terms && (e->values.empty() || values_in_memory) &&
        only_filters &&
        nfx::filter_matches(e->enquire.get_query(), e->db, *e->facet_terms, &e->deadline, filtered);
    if (!by_bits) filtered.clear();  // what an evaluation given up left
    if (by_bits) {
      // counted from the bits below
    } else if (e->collapse && e->remote) {
      e->remote_group_spy.reset(new Xapian::ValueCountMatchSpy(e->collapse_slot));
      e->enquire.add_matchspy(e->remote_group_spy.get());
    } else if (e->collapse && !cached_groups) {
      e->group_spy.reset(new nfx::GroupSpy(e->collapse_slot));
      e->enquire.add_matchspy(e->group_spy.get());
    }
    std::unique_ptr<DocidSpy> collect;
    if ((e->terms || cached_groups || values_in_memory) && local && !by_bits) {
      collect.reset(new DocidSpy);
      e->enquire.add_matchspy(collect.get());
    }
    // Check every document: the number of matches is exact (never Xapian's
    // estimate), and the value spies see the whole match set; term facets
    // are counted afterwards, knowing it.
    Xapian::doccount check = by_bits ? 0 : e->db.get_doccount();
    std::unique_ptr<nf_xmset> m(new nf_xmset);
    nfx::DeadlineDecider d(e->deadline);
    // Folded here: the matches from the first, and some more than the hits
    // for the members of groups among them.
    e->enquire.set_collapse_key(e->collapse && !cached_groups ? e->collapse_slot
                                                              : Xapian::BAD_VALUENO);
    Xapian::doccount asked = limit ? offset + limit + std::max(10u, (offset + limit) / 4) : 0;
    if (cached_groups)
      m->mset = e->enquire.get_mset(0, asked, check, nullptr, decider(e, e->enquire, d));
    else
      m->mset = e->enquire.get_mset(offset, limit, check, nullptr, decider(e, e->enquire, d));
    m->stem = e->stem;
    m->leads = only_filters;
    e->enquire.clear_matchspies();  // collect goes before the enquire
    // Spies see every match before it is collapsed: the documents are the
    // spy's total, the groups those without a key plus one per key.
    m->total = m->groups = m->mset.get_matches_estimated();
    std::vector<Xapian::docid> docids;  // every match's, once known
    bool have_docids = collect != nullptr || by_bits;
    if (collect) docids.swap(collect->docids);
    if (by_bits) {
      docids = nfx::docids_of(filtered);
      m->total = m->groups = docids.size();
    }
    if (cached_groups) {
      if (!have_docids) docids = matching_docids(e, e->db.get_doccount());
      have_docids = true;
      const nfx::DuplicateGroups &dups =
          e->facet_terms->duplicates(e->db, e->collapse_slot, &e->deadline);
      if (!by_bits) filtered = nfx::docid_bits(docids, e->db.get_lastdocid());
      std::vector<uint32_t> in = dups.matching(filtered);
      unsigned long folded = 0;
      for (uint32_t n : in) folded += n > 1 ? n - 1 : 0;
      m->total = docids.size();
      m->groups = m->total - folded;
      if (!nfx::fold_hits(*m, dups, in, offset, limit, e->collapse_slot, asked)) {
        // So many members of groups at the top that the hits are further
        // down: Xapian folds them (no spies, no count to check this time).
        e->enquire.set_collapse_key(e->collapse_slot);
        m->mset = e->enquire.get_mset(offset, limit, 0, nullptr, decider(e, e->enquire, d));
        nfx::count_hits(*m, dups, in, offset);
      }
    } else if (e->group_spy) {
      m->total = e->group_spy->documents();
      m->groups = e->group_spy->groups();
    } else if (e->remote_group_spy) {
      const Xapian::ValueCountMatchSpy &spy = *e->remote_group_spy;
      unsigned long keyed = 0, keys = 0;
      for (Xapian::TermIterator v = spy.values_begin(); v != spy.values_end(); ++v) {
        keyed += v.get_termfreq();
        keys++;
      }
      m->total = spy.get_total();
      m->groups = m->total - keyed + keys;
    }
    if (values_in_memory) {
      if (!have_docids) docids = matching_docids(e, e->db.get_doccount());
      have_docids = true;
      for (size_t i = 0; i < e->values.size(); i++) e->values[i]->count(*value_index[i], docids);
    }
    if (e->terms)
      count_term_facets(e, m->total, have_docids ? &docids : nullptr,
                        filtered.empty() ? nullptr : &filtered);
    for (const auto &f : e->facets)
      m->facets.push_back(f.by_value ? e->values[f.index]->results() : e->terms->results(f.index));
    *out = m.release();
    return NF_OK;
  });
}

}  // extern "C"
