/* newsfields — indexing articles into a Xapian database.
 *
 * article -> analyzers -> record -> document, as the schema says.  Articles
 * with an id already in the database replace the old document.  Changes are
 * committed every `batch` articles (the schema's, unless set) and by
 * nf_indexer_commit; nf_indexer_free discards what was not committed.
 *
 * With an analysis thread (the default on a machine with two cores or
 * more), nf_indexer_add queues the article: the thread analyses it while
 * the caller's thread writes earlier ones to Xapian, in input order.  A bad
 * article's error then comes back from a later nf_indexer_add or from
 * nf_indexer_flush, naming its file and line; every article before it has
 * been written, none after it.
 *
 * With shards (opts->shards >= 2) each shard has a thread analysing and
 * writing the articles whose id hashes to it; results are still taken in
 * input order, so errors and what is committed are as with one database.
 * nf_index_compact merges the shards into one database. */
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
  const char *language;        /* stemmer; NULL: the schema's */
  unsigned batch;              /* articles per commit; 0: the schema's */
  const nf_pipeline *pipeline; /* analyzers; NULL: the built-in ones, with
                                  their data from the schema's directory */
  unsigned threads;            /* 1: analyse in the caller's thread; 2: in a
                                  thread of its own; 0: 2 when the machine
                                  has two cores or more */
  unsigned shards;             /* 0 or 1: one database at db_path; N >= 2:
                                  N shards under the directory db_path (one
                                  Xapian database each, db_path/shardK,
                                  joined by the stub db_path/XAPIANDB that
                                  Xapian opens as one database), a thread
                                  each analysing and writing the articles
                                  whose id hashes to it (threads is then
                                  unused).  An existing index must have as
                                  many shards (NF_ERR_INVALID otherwise). */
} nf_index_options;

/* Create the database at db_path if missing, else open it for writing.  The
 * schema must outlive the indexer.  opts may be NULL. */
NF_API nf_status nf_indexer_open(const char *db_path, const nf_schema *schema,
                                 const nf_index_options *opts, nf_indexer **out, nf_error *err);
/* Analyze and index one article.  NF_ERR_PARSE for a bad article, NF_ERR_LIMIT
 * for one whose record is over the schema's record limit (nothing is indexed
 * for it and the indexer stays usable); other errors are fatal. */
NF_API nf_status nf_indexer_add(nf_indexer *ix, const nf_article *article, nf_error *err);
/* Write every article still being analysed.  A bad one stops the flush
 * with its error (NF_ERR_PARSE); calling again goes on after it. */
NF_API nf_status nf_indexer_flush(nf_indexer *ix, nf_error *err);
/* Flush, then commit.  Right after an article failed (and no nf_indexer_add
 * since), the articles queued after it are dropped, so that the commit
 * holds exactly those before it. */
NF_API nf_status nf_indexer_commit(nf_indexer *ix, nf_error *err);
/* Articles indexed since open, and of those, how many are committed. */
NF_API unsigned long nf_indexer_added(const nf_indexer *ix);
NF_API unsigned long nf_indexer_committed(const nf_indexer *ix);
/* 1 after a commit failed (a full disk, a write error): the error named the
 * database, the articles lost and the input position; the database keeps
 * what was committed before, and nothing more is written (every call fails
 * again). */
NF_API int nf_indexer_broken(const nf_indexer *ix);
/* Documents in the database (committed or not). */
NF_API nf_status nf_indexer_doccount(nf_indexer *ix, unsigned long *out, nf_error *err);
NF_API void nf_indexer_free(nf_indexer *ix);

/* What Xapian says of each table while it compacts: its name, and "" when
 * it starts, "Done (...)" or "doesn't exist" when it ends. */
typedef void (*nf_compact_progress)(void *ctx, const char *table, const char *status);
/* Compact the index at db_path, one database or the shards of `index -j N`,
 * into one database.  output NULL: in place (the writers' lock is held
 * meanwhile, the compacted database replaces db_path, which is then one
 * database: index into it with -j 1); else into a new database at output,
 * db_path unchanged.  fn may be NULL. */
NF_API nf_status nf_index_compact(const char *db_path, const char *output, nf_compact_progress fn,
                                  void *ctx, nf_error *err);

#ifdef __cplusplus
}
#endif
#endif
