// An outside indexer and searcher built with find_package(newsfields)
// against an installed newsfields, through newsfields/newsfields.hpp: each
// article analysed into its own Xapian::Document, the fields installed on
// its own QueryParser.
//
//   hpp SCHEMA CORPUS.jsonl DB "QUERY"   prints the matching ids, sorted
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "newsfields/newsfields.hpp"

int main(int argc, char **argv) {
  if (argc != 5) {
    std::cerr << "usage: hpp SCHEMA CORPUS DB QUERY\n";
    return 2;
  }
  try {
    newsfields::Embed nf(argv[1]);
    Xapian::WritableDatabase db(argv[3], Xapian::DB_CREATE_OR_OVERWRITE);
    nf_error err;
    nf_error_clear(&err);
    nf_input *in = nullptr;
    const char *paths[] = {argv[2]};
    if (nf_input_open(paths, 1, &in, &err) != NF_OK) throw newsfields::Error(NF_ERR_IO, err);
    const nf_article *a;
    while (nf_input_next(in, &a, &err) == NF_OK && a) {
      Xapian::Document doc;
      std::string uid = nf.index(*a, doc);
      db.replace_document(uid, doc);
    }
    nf_input_free(in);
    db.commit();

    Xapian::QueryParser qp;
    qp.set_database(db);
    nf.install(qp);
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
    for (const auto &id : ids) std::cout << id << "\n";
  } catch (const Xapian::Error &e) {
    std::cerr << "hpp: " << e.get_description() << "\n";
    return 1;
  } catch (const std::exception &e) {
    std::cerr << "hpp: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
