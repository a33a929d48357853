/* The query parser, with the adapters it needs: a FieldProcessor that calls a
 * C callback, and a RangeProcessor (plus a FieldProcessor for a single date)
 * over dates kept as YYYYMMDD values. */
#include <cstdio>
#include <memory>
#include <new>
#include <string>

#include "core/date.h"
#include "errors.h"
#include "handles.h"

using nfx::guarded;

namespace {

/* Xapian 1.4.22 leaks parser state when a FieldProcessor of a boolean prefix
 * throws, so field processors record their error in the nf_xqp and return
 * MatchNothing; nf_xqp_parse then reports the first error recorded.  Range
 * processors may throw: that path is clean. */
Xapian::Query fail(nf_xqp *qp, nf_status status, const std::string &message) {
  if (!qp->parsing) throw Xapian::QueryParserError(message);  // not from nf_xqp_parse
  if (qp->failure.status == NF_OK) {
    qp->failure.status = status;
    qp->failure.message = message;
  }
  return Xapian::Query::MatchNothing;
}

bool failed(const nf_xqp *qp) { return qp->parsing && qp->failure.status != NF_OK; }

class CallbackFieldProcessor : public Xapian::FieldProcessor {
 public:
  CallbackFieldProcessor(nf_xqp *owner, std::string field, nf_xfield_fn fn, void *ctx)
      : owner_(owner), field_(std::move(field)), fn_(fn), ctx_(ctx) {}

  Xapian::Query operator()(const std::string &value) override {
    if (failed(owner_)) return Xapian::Query::MatchNothing;  // reported already
    nf_xquery *q = nullptr;
    nf_error e;
    nf_error_clear(&e);
    nf_status s = fn_(ctx_, value.data(), value.size(), &q, &e);
    if (s != NF_OK) {
      nf_xquery_free(q);
      // Out of memory and bugs keep their status; anything else is the query's fault.
      if (s != NF_ERR_NOMEM && s != NF_ERR_INTERNAL) s = NF_ERR_QUERY;
      return fail(owner_, s, e.message[0] ? e.message : nf_strerror(s));
    }
    if (!q) return fail(owner_, NF_ERR_INTERNAL, "field '" + field_ + "' gave no query");
    Xapian::Query result = q->q;
    nf_xquery_free(q);
    return result;
  }

 private:
  nf_xqp *owner_;
  std::string field_;
  nf_xfield_fn fn_;
  void *ctx_;
};

bool digits(const std::string &s, size_t from, size_t n) {
  for (size_t i = from; i < from + n; i++)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

/* YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY as YYYYMMDD; a month or a year stands
 * for its first day, or with last_day for its last.  False if malformed. */
bool parse_date(const std::string &s, bool last_day, std::string &out) {
  std::string ymd;
  if (s.size() == 10 && s[4] == '-' && s[7] == '-' && digits(s, 0, 4) && digits(s, 5, 2) &&
      digits(s, 8, 2))
    ymd = s.substr(0, 4) + s.substr(5, 2) + s.substr(8, 2);
  else if (s.size() == 8 && digits(s, 0, 8))
    ymd = s;
  else if (s.size() == 7 && s[4] == '-' && digits(s, 0, 4) && digits(s, 5, 2))
    ymd = s.substr(0, 4) + s.substr(5, 2);
  else if (s.size() == 4 && digits(s, 0, 4))
    ymd = s;
  else
    return false;
  int year = std::stoi(ymd.substr(0, 4));
  if (ymd.size() == 4) ymd += last_day ? "12" : "01";
  int month = std::stoi(ymd.substr(4, 2));
  if (month < 1 || month > 12) return false;
  if (ymd.size() == 6) {
    char dd[3];
    std::snprintf(dd, sizeof dd, "%02d", last_day ? nf_date_days_in_month(year, month) : 1);
    ymd += dd;
  }
  int day = std::stoi(ymd.substr(6, 2));
  if (day < 1 || day > nf_date_days_in_month(year, month)) return false;
  out = ymd;
  return true;
}

std::string bad_date(const std::string &field, const std::string &s) {
  return "bad date '" + s + "' in " + field + ": (use YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY)";
}

class DateRangeProcessor : public Xapian::RangeProcessor {
 public:
  /* check_range() strips "field:" from the start before operator() is called,
   * and with RP_REPEATED also from the end (date:2021..date:2022). */
  DateRangeProcessor(unsigned slot, const std::string &field)
      : Xapian::RangeProcessor(slot, field + ":", Xapian::RP_REPEATED), field_(field) {}

  Xapian::Query operator()(const std::string &begin, const std::string &end) override {
    std::string lo, hi;
    if (begin.empty() && end.empty())
      throw Xapian::QueryParserError(field_ + ": range needs a start or an end");
    if (!begin.empty() && !parse_date(begin, false, lo))
      throw Xapian::QueryParserError(bad_date(field_, begin));
    if (!end.empty() && !parse_date(end, true, hi))
      throw Xapian::QueryParserError(bad_date(field_, end));
    if (lo.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, hi);
    if (hi.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, lo);
    if (lo > hi)
      throw Xapian::QueryParserError(field_ + ": range " + begin + ".." + end +
                                     " ends before it starts");
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lo, hi);
  }

 private:
  std::string field_;
};

/* field:DATE without "..": the day, month or year as a range.  (The parser
 * tries range processors first, so field:A..B still reaches the one above.) */
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  DateFieldProcessor(nf_xqp *owner, unsigned slot, std::string field)
      : owner_(owner), slot_(slot), field_(std::move(field)) {}

  Xapian::Query operator()(const std::string &value) override {
    std::string lo, hi;
    if (!parse_date(value, false, lo) || !parse_date(value, true, hi))
      return fail(owner_, NF_ERR_QUERY, bad_date(field_, value));
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot_, lo, hi);
  }

 private:
  nf_xqp *owner_;
  unsigned slot_;
  std::string field_;
};

nf_status check_field(nf_xqp *qp, const char *field, nf_error *err) {
  if (!qp) return nf_error_set(err, NF_ERR_INVALID, "no query parser");
  if (!field || !*field) return nf_error_set(err, NF_ERR_INVALID, "empty field name");
  return NF_OK;
}

}  // namespace

extern "C" {

nf_status nf_xqp_new(nf_xdb *db, const char *language, nf_xqp **out, nf_error *err) {
  if (!out) return nf_error_set(err, NF_ERR_INVALID, "no output handle");
  *out = nullptr;
  return guarded(err, [&] {
    std::unique_ptr<nf_xqp> qp(new nf_xqp);
    qp->qp.set_stemmer(nfx::make_stem(language));
    qp->qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    if (db) qp->qp.set_database(db->db);
    qp->flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_BOOLEAN_ANY_CASE |
                Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_LOVEHATE |
                Xapian::QueryParser::FLAG_PURE_NOT;
    *out = qp.release();
    return NF_OK;
  });
}

void nf_xqp_free(nf_xqp *qp) { delete qp; }

nf_status nf_xqp_wrap(void *xapian_queryparser, nf_xqp **out, nf_error *err) {
  if (!out) return nf_error_set(err, NF_ERR_INVALID, "no output handle");
  *out = nullptr;
  if (!xapian_queryparser) return nf_error_set(err, NF_ERR_INVALID, "no query parser");
  return guarded(err, [&] {
    std::unique_ptr<nf_xqp> qp(new nf_xqp);
    qp->qp = *static_cast<Xapian::QueryParser *>(xapian_queryparser);  // shares its internals
    *out = qp.release();
    return NF_OK;
  });
}

nf_status nf_xqp_add_prefix(nf_xqp *qp, const char *field, const char *prefix, nf_error *err) {
  nf_status s = check_field(qp, field, err);
  if (s != NF_OK) return s;
  return guarded(err, [&] {
    qp->qp.add_prefix(field, prefix ? prefix : "");
    return NF_OK;
  });
}

nf_status nf_xqp_add_boolean_prefix(nf_xqp *qp, const char *field, const char *prefix,
                                    nf_error *err) {
  nf_status s = check_field(qp, field, err);
  if (s != NF_OK) return s;
  if (!prefix || !*prefix) return nf_error_set(err, NF_ERR_INVALID, "empty boolean prefix");
  return guarded(err, [&] {
    qp->qp.add_boolean_prefix(field, prefix);
    return NF_OK;
  });
}

nf_status nf_xqp_add_field_processor(nf_xqp *qp, const char *field, int boolean, nf_xfield_fn fn,
                                     void *ctx, nf_error *err) {
  nf_status s = check_field(qp, field, err);
  if (s != NF_OK) return s;
  if (!fn) return nf_error_set(err, NF_ERR_INVALID, "no field processor for '%s'", field);
  return guarded(err, [&] {
    auto proc = std::make_unique<CallbackFieldProcessor>(qp, field, fn, ctx);
    qp->fields.reserve(qp->fields.size() + 1);  // so push_back cannot throw below
    if (boolean == NF_XFIELD_NONEXCLUSIVE)
      qp->qp.add_boolean_prefix(field, proc.get(), false);
    else if (boolean)
      qp->qp.add_boolean_prefix(field, proc.get());
    else
      qp->qp.add_prefix(field, proc.get());
    qp->fields.push_back(std::move(proc));
    return NF_OK;
  });
}

nf_status nf_xqp_add_date_range(nf_xqp *qp, const char *field, unsigned slot, nf_error *err) {
  nf_status s = check_field(qp, field, err);
  if (s != NF_OK) return s;
  return guarded(err, [&] {
    auto range = std::make_unique<DateRangeProcessor>(slot, field);
    auto single = std::make_unique<DateFieldProcessor>(qp, slot, field);
    qp->ranges.reserve(qp->ranges.size() + 1);  // so push_back cannot throw below
    qp->fields.reserve(qp->fields.size() + 1);
    // One group with the single dates, whose grouping is the field's name:
    // date:2019 date:2021..2022 is either (an article has one date).
    const std::string grouping(field);
    qp->qp.add_rangeprocessor(range.get(), &grouping);
    qp->ranges.push_back(std::move(range));
    qp->qp.add_boolean_prefix(field, single.get());
    qp->fields.push_back(std::move(single));
    return NF_OK;
  });
}

nf_status nf_xqp_parse(nf_xqp *qp, const char *p, size_t n, nf_xquery **out, nf_error *err) {
  if (!out) return nf_error_set(err, NF_ERR_INVALID, "no output handle");
  *out = nullptr;
  if (!qp || (!p && n)) return nf_error_set(err, NF_ERR_INVALID, "no query parser or text");
  qp->failure = nfx::ParseFailure();  // filled by the field processors, see fail()
  qp->parsing = true;
  nf_status s = guarded(err, [&] {
    Xapian::Query q = qp->qp.parse_query(std::string(p ? p : "", n), qp->flags);
    if (qp->failure.status == NF_OK) *out = new nf_xquery{q};
    return NF_OK;
  });
  qp->parsing = false;
  if (qp->failure.status != NF_OK) {  // the processor's error explains any later one
    delete *out;
    *out = nullptr;
    return nf_error_set(err, qp->failure.status, "%s", qp->failure.message.c_str());
  }
  return s;
}

}  // extern "C"
