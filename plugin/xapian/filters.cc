/* The matches of a query made of filters alone (speaker:, country:, NOT
 * ...), as bits, from the docids a reader keeps in memory: such a search
 * counts its matches, groups and facets from them and asks Xapian for the
 * hits only, instead of visiting every match to count it. */
#include <string>
#include <vector>

#include "handles.h"

namespace nfx {

namespace {

using Bits = std::vector<uint64_t>;

class FilterEvaluator {
 public:
  FilterEvaluator(const Xapian::Database &db, ReaderCache &cache, const Deadline *d)
      : db_(db), cache_(cache), deadline_(d), words_(db.get_lastdocid() / 64 + 1) {}

  /* q's matches into out; false for a query it cannot evaluate. */
  bool eval(const Xapian::Query &q, Bits &out) {
    using Q = Xapian::Query;
    switch (q.get_type()) {
      case Q::LEAF_TERM:
        return term(*q.get_terms_begin(), out);
      case Q::LEAF_MATCH_ALL:
        return term(std::string(), out);  // the empty term's postlist: every document
      case Q::LEAF_MATCH_NOTHING:
        out.assign(words_, 0);
        return true;
      case Q::OP_SCALE_WEIGHT:
      case Q::OP_AND_MAYBE:  // the optional side only weighs
        return eval(q.get_subquery(0), out);
      case Q::OP_AND:
      case Q::OP_FILTER:
        return combine(q, out, [](uint64_t a, uint64_t b) { return a & b; });
      case Q::OP_OR:
      case Q::OP_SYNONYM:
      case Q::OP_MAX:
        return combine(q, out, [](uint64_t a, uint64_t b) { return a | b; });
      case Q::OP_XOR:
        return combine(q, out, [](uint64_t a, uint64_t b) { return a ^ b; });
      case Q::OP_AND_NOT: {
        Bits rest;
        if (!eval(q.get_subquery(0), out)) return false;
        for (size_t i = 1; i < q.get_num_subqueries(); i++) {
          if (!eval(q.get_subquery(i), rest)) return false;
          for (size_t w = 0; w < words_; w++) out[w] &= ~rest[w];
        }
        return true;
      }
      default:  // phrases, value ranges, wildcards...: Xapian matches them
        return false;
    }
  }

 private:
  template <class Op>
  bool combine(const Xapian::Query &q, Bits &out, Op op) {
    Bits next;
    size_t n = q.get_num_subqueries();
    if (n == 0 || !eval(q.get_subquery(0), out)) return false;
    for (size_t i = 1; i < n; i++) {
      if (!eval(q.get_subquery(i), next)) return false;
      for (size_t w = 0; w < words_; w++) out[w] = op(out[w], next[w]);
    }
    return true;
  }

  bool term(const std::string &t, Bits &out) {
    out.assign(words_, 0);
    // a kept term needs no look-up in the index (a read of its blocks)
    const DocSet *set = cache_.kept(t);
    if (!set) {
      Xapian::doccount freq = t.empty() ? db_.get_doccount() : db_.get_termfreq(t);
      if (freq == 0) return true;
      set = cache_.docs(db_, t, freq, deadline_);
      if (!set) return false;  // past the reader's budget
    }
    if (set->as_bits) {
      for (size_t w = 0; w < words_ && w < set->bits.size(); w++) out[w] = set->bits[w];
    } else {
      for (Xapian::docid did : set->ids) set_docid(out, did);
    }
    return true;
  }

  const Xapian::Database &db_;
  ReaderCache &cache_;
  const Deadline *deadline_;
  size_t words_;
};

}  // namespace

bool only_filters(const Xapian::Query &q) {
  using Q = Xapian::Query;
  switch (q.get_type()) {
    case Q::LEAF_MATCH_ALL:
      return true;
    case Q::OP_SCALE_WEIGHT:
      // The query parser puts boolean filters alone under a weight scaled
      // by 0, a factor Xapian 1.4 shows in the description only.
      return q.get_description().compare(0, 10, "Query(0 * ") == 0;
    case Q::OP_AND_NOT:
    case Q::OP_FILTER:  // only the first subquery weighs
      return q.get_num_subqueries() > 0 && only_filters(q.get_subquery(0));
    default:
      return false;
  }
}

bool filter_matches(const Xapian::Query &q, const Xapian::Database &db, ReaderCache &cache,
                    const Deadline *d, std::vector<uint64_t> &bits) {
  return FilterEvaluator(db, cache, d).eval(q, bits);
}

std::vector<Xapian::docid> docids_of(const std::vector<uint64_t> &bits) {
  std::vector<Xapian::docid> docids;
  for (size_t w = 0; w < bits.size(); w++) {
    for (uint64_t b = bits[w]; b; b &= b - 1)
      docids.push_back(
          static_cast<Xapian::docid>(w * 64 + static_cast<unsigned>(__builtin_ctzll(b))));
  }
  return docids;
}

}  // namespace nfx
