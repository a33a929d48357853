// newsfields — a header-only C++ face of newsfields/xapian.h for programs that
// use Xapian's own classes.
//
//   newsfields::Embed nf;                    // the installed schema, or Embed("x.schema")
//   Xapian::Document doc;
//   std::string uid = nf.index(article, doc);  // analyse, add terms/values/data
//   db.replace_document(uid, doc);
//   Xapian::QueryParser qp;
//   nf.install(qp);                          // speaker:, country:, title:, date:, ...
//
// Errors are thrown as newsfields::Error (a std::runtime_error with the
// status).  The query parsers installed on use the Embed's processors: keep
// the Embed alive while they parse.
#ifndef NEWSFIELDS_NEWSFIELDS_HPP
#define NEWSFIELDS_NEWSFIELDS_HPP

#include <xapian.h>

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include "newsfields/newsfields.h"

namespace newsfields {

class Error : public std::runtime_error {
 public:
  Error(nf_status status, const nf_error &err)
      : std::runtime_error(describe(status, err)), status_(status) {}
  nf_status status() const { return status_; }

 private:
  static std::string describe(nf_status status, const nf_error &err) {
    char buf[NF_ERROR_WHERE_MAX + NF_ERROR_MESSAGE_MAX + 4];
    const char *text = nf_error_format(&err, buf, sizeof buf);
    return text && *text ? text : nf_strerror(status);
  }
  nf_status status_;
};

namespace detail {
inline void check(nf_status s, const nf_error &err) {
  if (s != NF_OK) throw Error(s, err);
}
}  // namespace detail

// What newsfields would index for one article.
class Document {
 public:
  explicit Document(nf_document *d) : d_(d) {}
  Document(Document &&o) noexcept : d_(o.d_) { o.d_ = nullptr; }
  Document(const Document &) = delete;
  Document &operator=(const Document &) = delete;
  Document &operator=(Document &&) = delete;
  ~Document() { nf_document_free(d_); }

  struct Term {
    std::string term;
    unsigned wdf;
    std::vector<unsigned> positions;
  };
  std::vector<Term> terms() const {
    std::vector<Term> out;
    nf_error err;
    nf_error_clear(&err);
    detail::check(nf_document_terms(d_, add_term, &out, &err), err);
    return out;
  }
  std::vector<std::pair<unsigned, std::string>> values() const {
    std::vector<std::pair<unsigned, std::string>> out;
    nf_error err;
    nf_error_clear(&err);
    detail::check(nf_document_values(d_, add_value, &out, &err), err);
    return out;
  }
  std::string data() const {
    size_t n;
    const char *p = nf_document_data(d_, &n);
    return std::string(p, n);
  }
  std::string uid_term() const {
    size_t n;
    const char *p = nf_document_unique_term(d_, &n);
    return std::string(p, n);
  }
  // Adds the terms (wdf and positions kept), values and data to doc.
  void add_to(Xapian::Document &doc) const {
    nf_error err;
    nf_error_clear(&err);
    detail::check(nf_document_add_to(d_, &doc, &err), err);
  }

 private:
  static nf_status add_term(void *ctx, const char *t, size_t n, unsigned wdf, const unsigned *pos,
                            size_t npos) {
    try {
      static_cast<std::vector<Term> *>(ctx)->push_back(
          Term{std::string(t, n), wdf, std::vector<unsigned>(pos, pos + npos)});
    } catch (...) {
      return NF_ERR_NOMEM;
    }
    return NF_OK;
  }
  static nf_status add_value(void *ctx, unsigned slot, const char *v, size_t n) {
    try {
      static_cast<std::vector<std::pair<unsigned, std::string>> *>(ctx)->emplace_back(
          slot, std::string(v, n));
    } catch (...) {
      return NF_ERR_NOMEM;
    }
    return NF_OK;
  }
  nf_document *d_;
};

class Embed {
 public:
  // schema_path empty: the installed schema (or $NEWSFIELDS_SCHEMA).
  explicit Embed(const std::string &schema_path = std::string(),
                 const std::vector<std::string> &plugins = {}) {
    std::vector<const char *> paths;
    for (const auto &p : plugins) paths.push_back(p.c_str());
    nf_error err;
    nf_error_clear(&err);
    detail::check(nf_embed_open(schema_path.empty() ? nullptr : schema_path.c_str(), paths.data(),
                                paths.size(), &e_, &err),
                  err);
  }
  Embed(const Embed &) = delete;
  Embed &operator=(const Embed &) = delete;
  ~Embed() { nf_embed_free(e_); }

  nf_embed *get() const { return e_; }
  const nf_schema *schema() const { return nf_embed_schema(e_); }

  Document analyse(const nf_article &article) {
    nf_document *d = nullptr;
    nf_error err;
    nf_error_clear(&err);
    detail::check(nf_embed_analyse(e_, &article, &d, &err), err);
    return Document(d);
  }
  // Analyses the article into doc; returns the unique term for replace_document.
  std::string index(const nf_article &article, Xapian::Document &doc) {
    Document d = analyse(article);
    d.add_to(doc);
    return d.uid_term();
  }
  void install(Xapian::QueryParser &qp) {
    nf_error err;
    nf_error_clear(&err);
    detail::check(nf_embed_install(e_, &qp, &err), err);
  }
  // The term field:value looks up ("country", "Lithuania" -> "Nlt").
  std::string query_term(const std::string &field, const std::string &value) {
    char *t = nullptr;
    size_t n = 0;
    nf_error err;
    nf_error_clear(&err);
    detail::check(nf_embed_query_term(e_, field.c_str(), value.data(), value.size(), &t, &n, &err),
                  err);
    std::string out(t, n);
    std::free(t);
    return out;
  }

 private:
  nf_embed *e_ = nullptr;
};

}  // namespace newsfields

#endif
