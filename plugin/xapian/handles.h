/* The structs behind the opaque handles of shim.h, shared by the shim's files. */
#ifndef NF_XAPIAN_HANDLES_H
#define NF_XAPIAN_HANDLES_H

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "shim.h"

struct nf_xdb {
  Xapian::Database db;          // for reading; shares wdb's internals when writable
  Xapian::WritableDatabase wdb;  // only when writable
  bool writable = false;
  bool in_txn = false;  // every change goes inside a transaction, so free can drop it
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
  nfx::ParseFailure *failure = nullptr;  // on nf_xqp_parse's stack while it runs
};

namespace nfx {

/* Counts, for each matching document, each distinct term with the prefix. */
class TermFacetSpy : public Xapian::MatchSpy {
 public:
  explicit TermFacetSpy(std::string prefix) : prefix_(std::move(prefix)) {}
  void operator()(const Xapian::Document &doc, double wt) override;
  void reset() { counts_.clear(); }
  /* (value, count) pairs: prefix and inserted ':' removed, most frequent first. */
  std::vector<std::pair<std::string, unsigned long>> results() const;

 private:
  std::string prefix_;
  std::map<std::string, unsigned long> counts_;  // by full term
};

}  // namespace nfx

struct nf_xenquire {
  std::vector<std::unique_ptr<nfx::TermFacetSpy>> facets;  // outlive enquire
  Xapian::Database db;
  Xapian::Enquire enquire;
  Xapian::Stem stem;  // for snippets: the query parser's
  explicit nf_xenquire(const Xapian::Database &d) : db(d), enquire(d) {}
};

struct nf_xmset {
  Xapian::MSet mset;
  Xapian::Stem stem;
  std::vector<std::vector<std::pair<std::string, unsigned long>>> facets;
};

namespace nfx {
/* The stemmer for a language name: "none", "" or NULL give no stemming. */
Xapian::Stem make_stem(const char *language);
}  // namespace nfx

#endif
