/* Indexing: article -> record -> document -> database, committed in batches. */
#include "newsfields/index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "document.h"
#include "newsfields/record.h"
#include "worker.h"
#include "xapian/shim.h"

/* Database metadata key: the stemming language the text was indexed with. */
#define NF_META_LANGUAGE "newsfields.language"

struct nf_indexer {
  const nf_schema *schema;
  nf_xdb *db;
  nf_record *record;
  nf_analysis *analysis;
  const nf_pipeline *pipeline;
  nf_registry *own_registry; /* when the indexer built the default pipeline */
  nf_pipeline *own_pipeline;
  char *language;
  unsigned batch;
  unsigned long added, committed;
  nf_index_worker *worker; /* the analysis thread, or NULL */
  int failed;              /* the last article taken failed; none added since */
  int broken;              /* a commit failed: nothing more is written */
  char *db_path;
  char reached[NF_ERROR_WHERE_MAX]; /* the input position of the last article added */
};

void nf_indexer_free(nf_indexer *ix) {
  if (!ix) return;
  nf_index_worker_free(ix->worker); /* before the pipeline it uses */
  nf_xdb_free(ix->db);
  nf_record_free(ix->record);
  nf_analysis_free(ix->analysis);
  nf_pipeline_free(ix->own_pipeline);
  nf_registry_free(ix->own_registry);
  free(ix->language);
  free(ix->db_path);
  free(ix);
}

/* The language is fixed when the database is created: stems of two
 * languages in one index would never match a query. */
static nf_status settle_language(nf_indexer *ix, const char *wanted, nf_error *err) {
  char *stored = NULL;
  nf_status s = nf_xdb_get_metadata(ix->db, NF_META_LANGUAGE, &stored, err);
  if (s != NF_OK) return s;
  if (*stored && strcmp(stored, wanted) != 0) {
    s = nf_error_set(err, NF_ERR_INVALID, "the database was indexed with language '%s', not '%s'",
                     stored, wanted);
  } else if (!*stored) {
    s = nf_xdb_set_metadata(ix->db, NF_META_LANGUAGE, wanted, err);
  }
  free(stored);
  if (s == NF_OK && !(ix->language = strdup(wanted)))
    s = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  return s;
}

/* The stemmer language exists (Xapian knows it), or an error naming it. */
static nf_status check_language(const char *language, nf_error *err) {
  nf_xdoc *doc = NULL;
  nf_error inner;
  nf_error_clear(&inner);
  nf_status s = nf_xdoc_new(language, &doc, &inner);
  nf_xdoc_free(doc);
  if (s == NF_OK) return NF_OK;
  return nf_error_set(err, NF_ERR_INVALID,
                      "unknown stemming language '%s': give a Snowball stemmer (english, french, "
                      "german, ...) or none",
                      language ? language : "");
}

nf_status nf_indexer_open(const char *db_path, const nf_schema *schema,
                          const nf_index_options *opts, nf_indexer **out, nf_error *err) {
  *out = NULL;
  nf_indexer *ix = calloc(1, sizeof *ix);
  if (!ix) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  ix->schema = schema;
  ix->batch = opts && opts->batch ? opts->batch : nf_schema_batch(schema);
  const char *language = opts && opts->language ? opts->language : nf_schema_language(schema);
  nf_status s = nf_record_new(&ix->record);
  if (s == NF_OK) s = nf_analysis_new(&ix->analysis);
  if (s != NF_OK) s = nf_error_set(err, s, "out of memory");
  if (s == NF_OK && opts && opts->pipeline) {
    ix->pipeline = opts->pipeline;
  } else if (s == NF_OK) {
    s = nf_pipeline_default(nf_schema_dir(schema), NULL, 0, &ix->own_registry, &ix->own_pipeline,
                            err);
    ix->pipeline = ix->own_pipeline;
  }
  /* Options are checked before the database is touched: a stemmer that
   * does not exist must not be written as the database's language. */
  if (s == NF_OK) s = check_language(language, err);
  if (s == NF_OK && !(ix->db_path = strdup(db_path)))
    s = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  if (s == NF_OK) s = nf_xdb_open_writable(db_path, &ix->db, err);
  if (s == NF_ERR_DB_LOCKED)
    nf_error_set_at(err, s, db_path, 0,
                    "the database is locked: another process is writing to it (wait for it to "
                    "finish, then run again)");
  if (s == NF_OK) s = settle_language(ix, language, err);
  unsigned threads = opts ? opts->threads : 0;
  if (threads == 0) threads = sysconf(_SC_NPROCESSORS_ONLN) >= 2 ? 2 : 1;
  if (s == NF_OK && threads >= 2)
    s = nf_index_worker_start(schema, ix->pipeline, ix->language, &ix->worker, err);
  if (s != NF_OK) {
    nf_indexer_free(ix);
    return s;
  }
  *out = ix;
  return NF_OK;
}

/* A failed commit names the database, the articles lost and how far the
 * input was read; the database keeps the batches committed before. */
static nf_status commit_now(nf_indexer *ix, nf_error *err) {
  if (ix->broken)
    return nf_error_set_at(err, NF_ERR_DB, ix->db_path, 0,
                           "an earlier commit failed: nothing more is written");
  nf_error inner;
  nf_error_clear(&inner);
  nf_status s = nf_xdb_commit(ix->db, &inner);
  if (s == NF_OK) {
    ix->committed = ix->added;
    return NF_OK;
  }
  ix->broken = 1;
  return nf_error_set_at(err, s, ix->db_path, 0,
                         "cannot commit articles %lu to %lu (input read up to %s): %s; the "
                         "database keeps the %lu articles committed before",
                         ix->committed + 1, ix->added, ix->reached[0] ? ix->reached : "?",
                         inner.message, ix->committed);
}

/* Write one analysed article; commit when a batch is full. */
static nf_status write_doc(nf_indexer *ix, nf_xdoc *doc, const char *uid, size_t uid_len,
                           nf_error *err) {
  nf_status s = nf_xdb_replace(ix->db, uid, uid_len, doc, err);
  if (s != NF_OK) return s;
  ix->added++;
  if (ix->added - ix->committed >= ix->batch) return commit_now(ix, err);
  return NF_OK;
}

/* Write the oldest result of the analysis thread, waiting for it when wait
 * is set; *took says whether there was one. */
static nf_status write_next(nf_indexer *ix, int wait, int *took, nf_error *err) {
  nf_worked r;
  *took = nf_index_worker_take(ix->worker, wait, &r);
  if (!*took) return NF_OK;
  nf_status s = r.status;
  if (s != NF_OK) {
    if (err) *err = r.err;
    ix->failed = 1;
  } else {
    s = write_doc(ix, r.doc, r.uid, r.uid_len, err);
  }
  nf_xdoc_free(r.doc);
  free(r.uid);
  return s;
}

nf_status nf_indexer_flush(nf_indexer *ix, nf_error *err) {
  int took = 1;
  nf_status s = NF_OK;
  while (ix->worker && took && s == NF_OK) s = write_next(ix, 1, &took, err);
  return s;
}

nf_status nf_indexer_commit(nf_indexer *ix, nf_error *err) {
  if (ix->broken) return commit_now(ix, err);
  if (ix->worker && ix->failed) nf_index_worker_discard(ix->worker);
  ix->failed = 0;
  nf_status s = nf_indexer_flush(ix, err);
  return s == NF_OK ? commit_now(ix, err) : s;
}

/* Analyse and write in the caller's thread. */
static nf_status add_here(nf_indexer *ix, const nf_article *article, nf_error *err) {
  nf_xdoc *doc;
  char *uid;
  size_t uid_len = 0;
  nf_status s = nf_document_from_article(ix->schema, ix->pipeline, ix->analysis, ix->record,
                                         article, ix->language, &doc, &uid, &uid_len, err);
  if (s == NF_OK) s = write_doc(ix, doc, uid, uid_len, err);
  free(uid);
  nf_xdoc_free(doc);
  return s;
}

nf_status nf_indexer_add(nf_indexer *ix, const nf_article *article, nf_error *err) {
  ix->failed = 0;
  if (ix->broken) return commit_now(ix, err);
  if (article->origin && article->line)
    snprintf(ix->reached, sizeof ix->reached, "%s:%lu", article->origin, article->line);
  else if (article->origin)
    snprintf(ix->reached, sizeof ix->reached, "%s", article->origin);
  if (!ix->worker) return add_here(ix, article, err);
  int took = 1;
  nf_status s = NF_OK;
  /* Make room by writing the oldest; queue this article even when that one
   * failed, so that a caller going on past the error loses nothing. */
  if (nf_index_worker_full(ix->worker)) s = write_next(ix, 1, &took, err);
  if (s != NF_OK && s != NF_ERR_PARSE && s != NF_ERR_LIMIT) return s; /* not one article's */
  nf_status queued = nf_index_worker_submit(ix->worker, article, s == NF_OK ? err : NULL);
  if (s != NF_OK) return queued == NF_OK ? s : queued;
  if (queued != NF_OK) return queued;
  while (s == NF_OK && took) s = write_next(ix, 0, &took, err);
  return s;
}

unsigned long nf_indexer_added(const nf_indexer *ix) { return ix->added; }
unsigned long nf_indexer_committed(const nf_indexer *ix) { return ix->committed; }
int nf_indexer_broken(const nf_indexer *ix) { return ix->broken; }

nf_status nf_indexer_doccount(nf_indexer *ix, unsigned long *out, nf_error *err) {
  return nf_xdb_doccount(ix->db, out, err);
}
