/* newsfields — indexing articles into a Xapian database.
 *
 * article -> analyzers -> record -> document, as the schema says.  Articles
 * with an id already in the database replace the old document.  Changes are
 * committed every `batch` articles (the schema's, unless set) and by
 * nf_indexer_commit; nf_indexer_free discards what was not committed. */
#ifndef NEWSFIELDS_INDEX_H
#define NEWSFIELDS_INDEX_H

#include "newsfields/analyzer.h"
#include "newsfields/article.h"
#include "newsfields/export.h"
#include "newsfields/schema.h"
#include "newsfields/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nf_indexer nf_indexer;

typedef struct nf_index_options {
  const char *language;         /* stemmer; NULL: the schema's */
  unsigned batch;               /* articles per commit; 0: the schema's */
  const nf_pipeline *pipeline;  /* analyzers; NULL: the built-in ones, with
                                   their data from the schema's directory */
} nf_index_options;

/* Create the database at db_path if missing, else open it for writing.  The
 * schema must outlive the indexer.  opts may be NULL. */
NF_API nf_status nf_indexer_open(const char *db_path, const nf_schema *schema,
                                 const nf_index_options *opts, nf_indexer **out, nf_error *err);
/* Analyze and index one article.  NF_ERR_PARSE for a bad article (nothing is
 * indexed for it and the indexer stays usable); other errors are fatal. */
NF_API nf_status nf_indexer_add(nf_indexer *ix, const nf_article *article, nf_error *err);
NF_API nf_status nf_indexer_commit(nf_indexer *ix, nf_error *err);
/* Articles indexed since open, and of those, how many are committed. */
NF_API unsigned long nf_indexer_added(const nf_indexer *ix);
NF_API unsigned long nf_indexer_committed(const nf_indexer *ix);
/* Documents in the database (committed or not). */
NF_API nf_status nf_indexer_doccount(nf_indexer *ix, unsigned long *out, nf_error *err);
NF_API void nf_indexer_free(nf_indexer *ix);

#ifdef __cplusplus
}
#endif
#endif
