// An outside indexer and searcher built through pkg-config against an
// installed newsfields, using its C API (newsfields/xapian.h) with its own
// Xapian objects: the terms and values come through callbacks and are added
// with Xapian's own calls; the fields are installed on its own QueryParser.
//
//   capi SCHEMA CORPUS.jsonl DB "QUERY" [PLUGIN...]   prints the matching ids, sorted
//
// Plug-ins (shared objects, as newsfields' --plugin) are loaded by
// nf_embed_open: their analyzers run and their field kinds serve the schema.
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "newsfields/newsfields.h"

static nf_status add_term(void *ctx, const char *term, size_t n, unsigned wdf,
                          const unsigned *positions, size_t npositions) {
  auto *doc = static_cast<Xapian::Document *>(ctx);
  std::string t(term, n);
  for (size_t i = 0; i < npositions; i++) doc->add_posting(t, positions[i], 0);
  doc->add_term(t, wdf);
  return NF_OK;
}

static nf_status add_value(void *ctx, unsigned slot, const char *value, size_t n) {
  static_cast<Xapian::Document *>(ctx)->add_value(slot, std::string(value, n));
  return NF_OK;
}

static int fail(const nf_error &err) {
  char buf[2048];
  std::fprintf(stderr, "capi: %s\n", nf_error_format(&err, buf, sizeof buf));
  return 1;
}

int main(int argc, char **argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: capi SCHEMA CORPUS DB QUERY [PLUGIN...]\n");
    return 2;
  }
  nf_error err;
  nf_error_clear(&err);
  nf_embed *nf = nullptr;
  if (nf_embed_open(argv[1], argv + 5, argc - 5, &nf, &err) != NF_OK) return fail(err);
  {
    Xapian::WritableDatabase db(argv[3], Xapian::DB_CREATE_OR_OVERWRITE);
    nf_input *in = nullptr;
    const char *paths[] = {argv[2]};
    if (nf_input_open(paths, 1, &in, &err) != NF_OK) return fail(err);
    const nf_article *a;
    while (nf_input_next(in, &a, &err) == NF_OK && a) {
      nf_document *d = nullptr;
      if (nf_embed_analyse(nf, a, &d, &err) != NF_OK) return fail(err);
      Xapian::Document doc;
      if (nf_document_terms(d, add_term, &doc, &err) != NF_OK ||
          nf_document_values(d, add_value, &doc, &err) != NF_OK)
        return fail(err);
      size_t n;
      const char *data = nf_document_data(d, &n);
      doc.set_data(std::string(data, n));
      const char *uid = nf_document_unique_term(d, &n);
      db.replace_document(std::string(uid, n), doc);
      nf_document_free(d);
    }
    nf_input_free(in);
    db.commit();

    Xapian::QueryParser qp;
    qp.set_database(db);
    if (nf_embed_install(nf, &qp, &err) != NF_OK) return fail(err);
    Xapian::Enquire enquire(db);
    enquire.set_query(qp.parse_query(argv[4]));
    std::vector<std::string> ids;
    Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    for (auto m = mset.begin(); m != mset.end(); ++m) {
      Xapian::Document doc = m.get_document();
      for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        if ((*t)[0] == 'Q') ids.push_back((*t).substr(1));
    }
    std::sort(ids.begin(), ids.end());
    for (const auto &id : ids) std::printf("%s\n", id.c_str());
  }
  nf_embed_free(nf);
  return 0;
}
