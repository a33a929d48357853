/* Queries built by hand: terms, value ranges, combinations. */
#include <new>
#include <string>
#include <vector>

#include "errors.h"
#include "handles.h"

using nfx::guarded;

namespace {

nf_status wrap(Xapian::Query q, nf_xquery **out) {
  *out = new nf_xquery{q};  // a Query is a counted handle: the copy is cheap
  return NF_OK;
}

}  // namespace

extern "C" {

nf_status nf_xquery_term(const char *term, size_t n, nf_xquery **out, nf_error *err) {
  if (!out) return nf_error_set(err, NF_ERR_INVALID, "no output handle");
  *out = nullptr;
  if (!term || n == 0) return nf_error_set(err, NF_ERR_INVALID, "empty term");
  return guarded(err, [&] { return wrap(Xapian::Query(std::string(term, n)), out); });
}

nf_status nf_xquery_boolean_term(const char *prefix, const char *value, size_t n, nf_xquery **out,
                                 nf_error *err) {
  if (!out) return nf_error_set(err, NF_ERR_INVALID, "no output handle");
  *out = nullptr;
  if (!value && n) return nf_error_set(err, NF_ERR_INVALID, "no value");
  return guarded(err, [&] {
    std::string term = nfx::make_term(prefix, value, n);
    if (term.empty()) return nf_error_set(err, NF_ERR_INVALID, "empty boolean term");
    return wrap(Xapian::Query(term), out);  // over-long: built, matches nothing
  });
}

nf_status nf_xquery_value_range(unsigned slot, const char *lo, const char *hi, nf_xquery **out,
                                nf_error *err) {
  if (!out) return nf_error_set(err, NF_ERR_INVALID, "no output handle");
  *out = nullptr;
  return guarded(err, [&] {
    if (lo && hi) return wrap(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lo, hi), out);
    if (lo) return wrap(Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, lo), out);
    if (hi) return wrap(Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, hi), out);
    return nf_error_set(err, NF_ERR_INVALID, "value range with neither end");
  });
}

nf_status nf_xquery_combine(nf_xop op, const nf_xquery *const *subs, size_t n, nf_xquery **out,
                            nf_error *err) {
  if (!out) return nf_error_set(err, NF_ERR_INVALID, "no output handle");
  *out = nullptr;
  if (!subs && n) return nf_error_set(err, NF_ERR_INVALID, "no subqueries");
  Xapian::Query::op xop;
  switch (op) {
    case NF_XOP_AND:
      xop = Xapian::Query::OP_AND;
      break;
    case NF_XOP_OR:
      xop = Xapian::Query::OP_OR;
      break;
    case NF_XOP_AND_NOT:
      xop = Xapian::Query::OP_AND_NOT;
      break;
    case NF_XOP_FILTER:
      xop = Xapian::Query::OP_FILTER;
      break;
    default:
      return nf_error_set(err, NF_ERR_INVALID, "unknown query operator %d", (int)op);
  }
  return guarded(err, [&] {
    std::vector<Xapian::Query> qs;
    qs.reserve(n);
    for (size_t i = 0; i < n; i++) {
      if (!subs[i]) return nf_error_set(err, NF_ERR_INVALID, "subquery %zu is NULL", i);
      qs.push_back(subs[i]->q);
    }
    return wrap(Xapian::Query(xop, qs.begin(), qs.end()), out);
  });
}

nf_status nf_xquery_match_all(nf_xquery **out, nf_error *err) {
  if (!out) return nf_error_set(err, NF_ERR_INVALID, "no output handle");
  *out = nullptr;
  return guarded(err, [&] { return wrap(Xapian::Query::MatchAll, out); });
}

nf_status nf_xquery_match_nothing(nf_xquery **out, nf_error *err) {
  if (!out) return nf_error_set(err, NF_ERR_INVALID, "no output handle");
  *out = nullptr;
  return guarded(err, [&] { return wrap(Xapian::Query::MatchNothing, out); });
}

nf_status nf_xquery_cost_of(const nf_xquery *q, nf_xquery_cost *out, nf_error *err) {
  if (!q || !out) return nf_error_set(err, NF_ERR_INVALID, "no query or output");
  *out = nf_xquery_cost{0, 0, 0};
  return guarded(err, [&] {
    // A stack, not recursion: brackets can nest as deep as the text allows.
    std::vector<Xapian::Query> stack{q->q};
    while (!stack.empty()) {
      Xapian::Query node = std::move(stack.back());
      stack.pop_back();
      switch (node.get_type()) {
        case Xapian::Query::LEAF_TERM:
        case Xapian::Query::OP_VALUE_RANGE:
        case Xapian::Query::OP_VALUE_GE:
        case Xapian::Query::OP_VALUE_LE:
          out->terms++;
          break;
        case Xapian::Query::OP_PHRASE:
        case Xapian::Query::OP_NEAR:
          out->phrases++;
          break;
        case Xapian::Query::OP_WILDCARD:
          out->wildcards++;
          out->terms++;
          break;
        default:
          break;
      }
      for (size_t i = 0, n = node.get_num_subqueries(); i < n; i++)
        stack.push_back(node.get_subquery(i));
    }
    return NF_OK;
  });
}

char *nf_xquery_describe(const nf_xquery *q) {
  if (!q) return nullptr;
  try {
    return nfx::dup_string(q->q.get_description());
  } catch (...) {
    return nullptr;
  }
}

void nf_xquery_free(nf_xquery *q) { delete q; }

}  // extern "C"
