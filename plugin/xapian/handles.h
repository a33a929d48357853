/* The structs behind the opaque handles of shim.h, shared by the shim's files. */
#ifndef NF_XAPIAN_HANDLES_H
#define NF_XAPIAN_HANDLES_H

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <xapian.h>

#include "errors.h"
#include "shim.h"

namespace nfx {
class ReaderCache;
}

struct nf_xdb {
  Xapian::Database db;  // for reading; shares wdb's internals when writable
  // A reader's facet terms, made by the first enquire that counts by
  // postlists; cleared when reopen() moves to another revision.
  std::shared_ptr<nfx::ReaderCache> facet_terms;
  Xapian::WritableDatabase wdb;  // only when writable
  bool writable = false;
  bool in_txn = false;  // every change goes inside a transaction, so free can drop it
  bool remote = false;  // some shard is served by xapian-tcpsrv (a stub's "remote" line)
  bool failed = false;  // a commit failed: nothing more is written, free drops the rest
};

struct nf_xdoc {
  Xapian::Document doc;
  Xapian::TermGenerator tg;  // one per document, so positions run on between calls
};

struct nf_xquery {
  Xapian::Query q;
};

namespace nfx {
/* The first error a field processor met during one nf_xqp_parse. */
struct ParseFailure {
  nf_status status = NF_OK;
  std::string message;
};
}  // namespace nfx

struct nf_xqp {
  // Declared before qp so that they outlive it: qp holds raw pointers to them.
  std::vector<std::unique_ptr<Xapian::FieldProcessor>> fields;
  std::vector<std::unique_ptr<Xapian::RangeProcessor>> ranges;
  Xapian::QueryParser qp;
  unsigned flags = 0;
  bool parsing = false;       // inside nf_xqp_parse
  nfx::ParseFailure failure;  // the first error of the parse under way
};

namespace nfx {

/* The end of an enquire's time budget, checked while it matches and counts:
 * check() throws TimeLimitExceeded once the time is up.  It reads the clock
 * on every 32nd call only, so it is cheap to call once per document. */
class Deadline {
 public:
  /* Start the clock for a budget of seconds (0 or less: no limit). */
  void start(double seconds) {
    limit_ = seconds > 0 ? seconds : 0;
    at_ = now() + limit_;
    calls_ = 0;
  }
  bool active() const { return limit_ > 0; }
  void check() const {
    if (limit_ > 0 && (++calls_ & 31) == 0 && now() > at_) throw TimeLimitExceeded(limit_);
  }

 private:
  static double now() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
  }
  double limit_ = 0, at_ = 0;
  mutable unsigned calls_ = 0;
};

/* Accepts every document; only there to check the deadline while Xapian
 * matches (the one hook a match calls for each candidate document). */
class DeadlineDecider : public Xapian::MatchDecider {
 public:
  explicit DeadlineDecider(const Deadline &d) : d_(d) {}
  bool operator()(const Xapian::Document &) const override {
    d_.check();
    return true;
  }

 private:
  const Deadline &d_;
};

/* One facet's counts: (value, count) pairs. */
using FacetCounts = std::vector<std::pair<std::string, unsigned long>>;

/* The terms under one facet prefix, in groups of one key (one term each
 * when not keyed), each group with an upper bound of its count in any match
 * set: the sum of its terms' frequencies.  Groups by bound, highest first:
 * the k most frequent keys of a match set are among the first groups, and
 * counting can stop at the first group whose bound is below the k-th count
 * found. */
struct FacetTerms {
  struct Group {
    size_t first, n;  // terms[first, first + n)
    Xapian::doccount bound;
  };
  std::vector<std::string> terms;  // byte order
  std::vector<Xapian::doccount> freqs;
  std::vector<Group> groups;
};

/* The docids of one facet term, kept in memory: as bits (bit d % 64 of word
 * d / 64) when that is smaller than a sorted list of docids, else as the
 * list.  Counting a term against the matches then reads no postlist. */
struct DocSet {
  std::vector<uint64_t> bits;
  std::vector<Xapian::docid> ids;
  bool as_bits = false;
};

/* A collapse key of 16 lower-case hex digits (record/similar.c writes them)
 * as the number it spells; no other key can spell one, so counts by it stay
 * exact. */
bool hex64(const std::string &v, uint64_t *out);

/* The documents of a reader that share a collapse key with another, group
 * after group: a match set's number of groups is its documents less, for
 * each group, all of its matching members but one. */
struct DuplicateGroups {
  std::vector<Xapian::docid> members;
  std::vector<size_t> starts;  // group i is members[starts[i], starts[i + 1])
  std::vector<std::pair<Xapian::docid, uint32_t>> by_docid;  // (member, its group), sorted
  /* The group of a document, or -1 when it shares its key with no other. */
  long group_of(Xapian::docid did) const;
  /* The matching members of each group; match: the matches' docids as bits. */
  std::vector<uint32_t> matching(const std::vector<uint64_t> &match) const;
};

/* Keeps in m the hits [offset, offset + limit) of m's unfolded matches
 * (asked of Xapian: none left out when fewer came) with each group's best
 * only; in: each group's matching members.  False when m's matches ran out
 * first and Xapian has more: ask again for more. */
bool fold_hits(nf_xmset &m, const DuplicateGroups &dups, const std::vector<uint32_t> &in,
               unsigned offset, unsigned limit, Xapian::valueno slot, Xapian::doccount asked);

/* Keeps in m the hits of an MSet that Xapian folded (from offset), with
 * exact counts of the matches each stands for. */
void count_hits(nf_xmset &m, const DuplicateGroups &dups, const std::vector<uint32_t> &in,
                unsigned offset);

/* The docids as bits (bit d % 64 of word d / 64) up to last. */
std::vector<uint64_t> docid_bits(const std::vector<Xapian::docid> &docids, Xapian::docid last);

inline void set_docid(std::vector<uint64_t> &bits, Xapian::docid did) {
  bits[did / 64] |= uint64_t{1} << (did % 64);
}

inline bool has_docid(const std::vector<uint64_t> &bits, Xapian::docid did) {
  return did / 64 < bits.size() && (bits[did / 64] >> (did % 64) & 1);
}

/* Whether q is the query parser's query of filters alone (or every
 * document): no match weighs more than another. */
bool only_filters(const Xapian::Query &q);

/* q's matches as bits (bit d % 64 of word d / 64) from the docids of its
 * terms that cache keeps; false when q holds more than terms and the
 * operators of sets, or a term is past the cache's budget. */
bool filter_matches(const Xapian::Query &q, const Xapian::Database &db, ReaderCache &cache,
                    const Deadline *d, std::vector<uint64_t> &bits);

/* The docids whose bits are set, in order. */
std::vector<Xapian::docid> docids_of(const std::vector<uint64_t> &bits);

/* A value slot's values cut to some length, document by document: the
 * number of each document's value in labels (0: it has none), so that a
 * value facet (the histogram) counts a match set's docids with no spy. */
struct ValueIndex {
  std::vector<std::string> labels;  // labels[0] is no value
  std::vector<uint32_t> of;         // by docid
  size_t bytes() const { return of.size() * sizeof(uint32_t); }
};

/* The bytes of facet terms' docids one reader keeps (64 MB: a term in every
 * article of a 1,000,000-article index takes 125 kB); past them the rest are
 * counted from their postlists. */
#define NF_FACET_DOCS_BUDGET (64u << 20)

/* FacetTerms by prefix, and facet terms' docids, for one revision of a
 * reader (it is one thread's at a time, as the database is). */
class ReaderCache {
 public:
  std::shared_ptr<const FacetTerms> get(const std::string &key) const {
    auto it = by_key_.find(key);
    return it == by_key_.end() ? nullptr : it->second;
  }
  void put(const std::string &key, std::shared_ptr<const FacetTerms> t) { by_key_[key] = t; }
  /* The docids of term when they are kept already, else NULL. */
  const DocSet *kept(const std::string &term) const {
    auto it = docs_.find(term);
    return it == docs_.end() ? nullptr : &it->second;
  }
  /* The docids of term (freq of them), read from its postlist the first
   * time; NULL once the budget is spent.  d is checked for each posting. */
  const DocSet *docs(const Xapian::Database &db, const std::string &term, Xapian::doccount freq,
                     const Deadline *d);
  /* The groups of duplicates under a collapse slot, read from its values
   * the first time (duplicates.cc).  d is checked for each value. */
  const DuplicateGroups &duplicates(const Xapian::Database &db, Xapian::valueno slot,
                                    const Deadline *d);
  /* The values of slot cut to len bytes (0: whole), read from its value
   * stream the first time (facets.cc); NULL once the budget is spent. */
  const ValueIndex *values(const Xapian::Database &db, Xapian::valueno slot, size_t len,
                           const Deadline *d);
  void clear() {
    by_key_.clear();
    docs_.clear();
    docs_bytes_ = 0;
    dups_.reset();
    values_.clear();
  }

 private:
  std::map<std::string, std::shared_ptr<const FacetTerms>> by_key_;
  std::unordered_map<std::string, DocSet> docs_;  // pointers to its values stay valid
  size_t docs_bytes_ = 0;
  std::unique_ptr<DuplicateGroups> dups_;
  Xapian::valueno dups_slot_ = Xapian::BAD_VALUENO;
  std::map<std::pair<Xapian::valueno, size_t>, ValueIndex> values_;
};

/* Counts the terms under several prefixes over a match set: as a spy, or
 * from the matching docids by each one's termlist (one walk for all the
 * prefixes: a walk per facet would read each termlist again) or, for a
 * large match set, by the postlists of the prefixes' terms (a termlist is
 * read whole, and inflated, for the few terms a facet wants).  With a
 * reader's cache, a term's postlist is read once per revision into memory
 * (DocSet) and counted against the matches' bits from there. */
class TermFacetSpy : public Xapian::MatchSpy {
 public:
  /* POSTLISTS reads every term's postlist each time; MEMORY keeps them in
   * the cache (a cache of its own without a reader's), as AUTO does for a
   * large match set of a reader. */
  enum Method { AUTO, TERMLISTS, POSTLISTS, MEMORY };
  /* A prefix to count; returns its number for results().  keyed: each value
   * is a key, the byte sep and a spelling; a document counts once per key. */
  size_t add(const std::string &prefix, bool keyed, char sep);
  void operator()(const Xapian::Document &doc, double wt) override;
  void reset();
  /* Counts the documents of db whose docids are in matches (sorted for
   * count_termlists, in any order for count_postlists; bits: the same as
   * bits when the caller has them). */
  void count_termlists(const Xapian::Database &db, const std::vector<Xapian::docid> &matches);
  void count_postlists(const Xapian::Database &db, const std::vector<Xapian::docid> &matches,
                       const std::vector<uint64_t> *bits = nullptr);
  /* Prefix and inserted ':' removed, most frequent first, ties by value; a
   * keyed value is key+sep+the spelling most documents gave.  At most the
   * limit's number of values. */
  FacetCounts results(size_t i) const;
  /* Checked for each document and posting the counts visit (NULL: none). */
  void set_deadline(const Deadline *d) { deadline_ = d; }
  /* Only the k most frequent values of each prefix are wanted (0: all):
   * counting by postlists stops once no other value can be among them. */
  void set_limit(size_t k) { limit_ = k; }
  /* Where the facet terms of a reader are kept between runs (NULL: made
   * for each run). */
  void set_cache(ReaderCache *c) { cache_ = c; }
  /* How count_postlists reads a term: AUTO, POSTLISTS or MEMORY. */
  void set_method(Method m) { method_ = m; }

 private:
  struct Prefix {
    std::string prefix;
    bool keyed = false, multi = false;  // multi: a capital after it means a longer prefix
    char sep = 0;
    std::map<std::string, unsigned long> counts;   // by full term
    std::map<std::string, unsigned long> repeats;  // keyed: documents with a key twice
  };
  void count(Prefix &p, Xapian::TermIterator &t, const Xapian::TermIterator &end);
  template <class Open>
  void walk(Open open);
  std::shared_ptr<const FacetTerms> facet_terms(const Xapian::Database &db, const Prefix &p);
  std::vector<const DocSet *> group_docs(const Xapian::Database &db, const FacetTerms &ft,
                                         const FacetTerms::Group &g, ReaderCache *cache);
  std::vector<Prefix> prefixes_;
  std::vector<size_t> order_;  // prefixes_ by byte order of prefix, the walk's order
  const Deadline *deadline_ = nullptr;
  size_t limit_ = 0;
  ReaderCache *cache_ = nullptr;
  Method method_ = AUTO;
  void check_deadline() const {
    if (deadline_) deadline_->check();
  }
};

/* Counts a value slot's values cut to their first len bytes (0: whole),
 * through Xapian's own ValueCountMatchSpy: a remote database (xapian-tcpsrv)
 * knows it, where it would refuse a spy of ours. */
class ValueFacetSpy {
 public:
  ValueFacetSpy(unsigned slot, size_t len)
      : slot_(slot), len_(len), spy_(new Xapian::ValueCountMatchSpy(slot)) {}
  /* A spy with no counts, for the next run (a ValueCountMatchSpy has no reset). */
  Xapian::MatchSpy *fresh() {
    spy_.reset(new Xapian::ValueCountMatchSpy(slot_));
    counted_ = false;
    return spy_.get();
  }
  FacetCounts results() const;  // most frequent first, ties by value
  /* Counts the matches' docids from a reader's index of the values (not
   * as a spy): results() gives these counts until fresh(). */
  void count(const ValueIndex &index, const std::vector<Xapian::docid> &matches);
  unsigned slot() const { return slot_; }
  size_t len() const { return len_; }

 private:
  unsigned slot_;
  size_t len_;
  std::unique_ptr<Xapian::ValueCountMatchSpy> spy_;
  bool counted_ = false;  // by count(), into counts_
  FacetCounts counts_;
};

/* Counts the matches and their groups by a collapse slot's value: each
 * document without a value is a group of its own, the others one group a
 * value.  A spy of ours, faster than Xapian's ValueCountMatchSpy (a hash
 * set, no counts); a remote shard is counted by that one instead, a
 * reader of one database from its DuplicateGroups. */
class GroupSpy : public Xapian::MatchSpy {
 public:
  explicit GroupSpy(Xapian::valueno slot) : slot_(slot) {}
  void operator()(const Xapian::Document &doc, double) override {
    docs_++;
    std::string v = doc.get_value(slot_);
    uint64_t h;
    if (v.empty())
      alone_++;
    else if (hex64(v, &h))
      hashes_.insert(h);  // newsfields' own keys: no string to allocate
    else
      keys_.insert(std::move(v));
  }
  unsigned long documents() const { return docs_; }
  unsigned long groups() const { return alone_ + hashes_.size() + keys_.size(); }

 private:
  Xapian::valueno slot_;
  unsigned long docs_ = 0, alone_ = 0;
  std::unordered_set<uint64_t> hashes_;
  std::unordered_set<std::string> keys_;
};

/* Which spy counts facet number i of an enquire. */
struct FacetRef {
  bool by_value;
  size_t index;  // into TermFacetSpy::results, or nf_xenquire::values
};

}  // namespace nfx

struct nf_xenquire {
  nfx::TermFacetSpy::Method method = nfx::TermFacetSpy::AUTO;  // NF_FACET_METHOD
  // The spies are declared before enquire so that they outlive it.
  std::unique_ptr<nfx::TermFacetSpy> terms;  // every term facet; made by the first
  std::vector<std::unique_ptr<nfx::ValueFacetSpy>> values;
  // Count the collapse slot's values over every match, for the exact
  // numbers of documents and groups: ours, or Xapian's over a remote shard
  // (xapian-tcpsrv knows no spy of ours).
  std::unique_ptr<nfx::GroupSpy> group_spy;
  std::unique_ptr<Xapian::ValueCountMatchSpy> remote_group_spy;
  std::vector<nfx::FacetRef> facets;
  Xapian::Database db;
  Xapian::Enquire enquire;
  Xapian::Stem stem;      // for snippets: the query parser's
  double time_limit = 0;  // seconds for one run, 0: none
  bool remote = false;    // a remote shard takes no MatchDecider, nor a spy of ours
  std::shared_ptr<nfx::ReaderCache> facet_terms;  // the reader's, or NULL
  unsigned facet_limit = 0;                       // values wanted per term facet, 0: all
  nfx::Deadline deadline;
  bool collapse = false;  // fold the matches sharing collapse_slot's value
  unsigned collapse_slot = 0;
  bool filter_bits = true;  // count a query of filters from the reader's bits (NF_FILTER_BITS)
  explicit nf_xenquire(const Xapian::Database &d) : db(d), enquire(d) {}
};

struct nf_xmset {
  Xapian::MSet mset;
  // When the near-duplicates were folded here, not by Xapian (fold.cc): the
  // hits as positions in mset, the matches each stands for besides itself,
  // its collapse key, and the rank of the first hit.
  bool folded = false;
  std::vector<Xapian::doccount> picks;
  std::vector<unsigned long> counts;
  std::vector<std::string> keys;
  unsigned first_rank = 0;
  unsigned long total = 0;   // matching documents, exact
  unsigned long groups = 0;  // hits once collapsed (total when not collapsing)
  Xapian::Stem stem;
  bool leads = false;  // filters alone: no word to show, snippets are the articles' leads
  std::vector<nfx::FacetCounts> facets;
};

namespace nfx {
/* The stemmer for a language name: "none", "" or NULL give no stemming. */
Xapian::Stem make_stem(const char *language);
/* A stemmer for one document's TermGenerator that stems as stem's language
 * does, from stem's memo (stem_cache.cc); stem must outlive its use. */
Xapian::Stem remembering_stem(nf_xstem *stem);
}  // namespace nfx

#endif
