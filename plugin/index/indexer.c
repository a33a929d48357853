/* Indexing: article -> record -> document -> database, committed in batches. */
#include "newsfields/index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "document.h"
#include "layout.h"
#include "newsfields/record.h"
#include "shards.h"
#include "worker.h"
#include "xapian/shim.h"

/* Database metadata key: the stemming language the text was indexed with. */
#define NF_META_LANGUAGE "newsfields.language"

struct nf_indexer {
  const nf_schema *schema;
  nf_xdb *db;
  nf_record *record;
  nf_analysis *analysis;
  nf_xstem *stem; /* the caller's thread's */
  const nf_pipeline *pipeline;
  nf_registry *own_registry; /* when the indexer built the default pipeline */
  nf_pipeline *own_pipeline;
  char *language;
  unsigned batch;
  unsigned long added, committed;
  nf_index_worker *worker; /* the analysis thread, or NULL */
  nf_shards *shards;       /* -j N: the shard threads, or NULL (then db is the database) */
  int failed;              /* the last article taken failed; none added since */
  int broken;              /* a commit failed: nothing more is written */
  char *db_path;
  char reached[NF_ERROR_WHERE_MAX]; /* the input position of the last article added */
};

void nf_indexer_free(nf_indexer *ix) {
  if (!ix) return;
  nf_index_worker_free(ix->worker); /* before the pipeline it uses */
  nf_shards_free(ix->shards);
  nf_xdb_free(ix->db);
  nf_record_free(ix->record);
  nf_analysis_free(ix->analysis);
  nf_xstem_free(ix->stem);
  nf_pipeline_free(ix->own_pipeline);
  nf_registry_free(ix->own_registry);
  free(ix->language);
  free(ix->db_path);
  free(ix);
}

/* The language is fixed when the database is created: stems of two
 * languages in one index would never match a query. */
static nf_status settle_language(nf_xdb *db, const char *wanted, nf_error *err) {
  char *stored = NULL;
  nf_status s = nf_xdb_get_metadata(db, NF_META_LANGUAGE, &stored, err);
  if (s != NF_OK) return s;
  if (*stored && strcmp(stored, wanted) != 0) {
    s = nf_error_set(err, NF_ERR_INVALID, "the database was indexed with language '%s', not '%s'",
                     stored, wanted);
  } else if (!*stored) {
    s = nf_xdb_set_metadata(db, NF_META_LANGUAGE, wanted, err);
  }
  free(stored);
  return s;
}

/* Open one database for writing, settling its language. */
static nf_status open_db(const char *path, const char *language, nf_xdb **db, nf_error *err) {
  nf_status s = nf_xdb_open_writable(path, db, err);
  if (s == NF_ERR_DB_LOCKED)
    nf_error_set_at(err, s, path, 0,
                    "the database is locked: another process is writing to it (wait for it to "
                    "finish, then run again)");
  if (s == NF_OK) s = settle_language(*db, language, err);
  return s;
}

/* The layout on disk matches the shards asked for (one database for -j 1),
 * or an error saying what to do. */
static nf_status check_layout(const char *db_path, unsigned want, nf_error *err) {
  unsigned have;
  nf_status s = nf_layout_shards(db_path, &have, err);
  if (s != NF_OK || have == 0 || have == want) return s;
  if (have >= 2)
    return nf_error_set_at(err, NF_ERR_INVALID, db_path, 0,
                           "the index is split into %u shards: index into it with -j %u (or "
                           "merge the shards into one database with `newsfields compact`, then "
                           "use -j 1)",
                           have, have);
  return nf_error_set_at(err, NF_ERR_INVALID, db_path, 0,
                         "the index is one database: index into it with -j 1 (a database is not "
                         "split into shards; -j %u makes a new index in a new --db)",
                         want);
}

/* -j N: N shard databases under db_path, the stub naming them, a thread
 * each. */
static nf_status open_shards(nf_indexer *ix, const char *db_path, unsigned n, nf_error *err) {
  nf_xdb *dbs[NF_LAYOUT_MAX_SHARDS] = {NULL};
  char *paths[NF_LAYOUT_MAX_SHARDS] = {NULL};
  nf_status s = nf_layout_make_dir(db_path, err);
  for (unsigned k = 0; s == NF_OK && k < n; k++) {
    if (!(paths[k] = nf_layout_shard_path(db_path, k)))
      s = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
    if (s == NF_OK) s = open_db(paths[k], ix->language, &dbs[k], err);
  }
  if (s == NF_OK) s = nf_layout_write_stub(db_path, n, err);
  if (s == NF_OK) {
    s = nf_shards_start(dbs, (const char *const *)paths, n, ix->schema, ix->pipeline, ix->language,
                        ix->batch, &ix->shards, err);
  } else {
    for (unsigned k = 0; k < n; k++) nf_xdb_free(dbs[k]);
  }
  for (unsigned k = 0; k < n; k++) free(paths[k]);
  return s;
}

/* The stemmer of the caller's thread, when the language exists (Xapian
 * knows it), or an error naming it. */
static nf_status make_stem(const char *language, nf_xstem **stem, nf_error *err) {
  nf_error inner;
  nf_error_clear(&inner);
  nf_status s = nf_xstem_new(language, stem, &inner);
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
  if (s == NF_OK) s = make_stem(language, &ix->stem, err);
  unsigned shards = opts && opts->shards ? opts->shards : 1;
  if (s == NF_OK && shards > NF_LAYOUT_MAX_SHARDS)
    s = nf_error_set(err, NF_ERR_INVALID, "at most %d shards, not %u", NF_LAYOUT_MAX_SHARDS,
                     shards);
  if (s == NF_OK && (!(ix->db_path = strdup(db_path)) || !(ix->language = strdup(language))))
    s = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  if (s == NF_OK) s = check_layout(db_path, shards, err);
  if (s == NF_OK && shards >= 2) {
    s = open_shards(ix, db_path, shards, err);
  } else if (s == NF_OK) {
    s = open_db(db_path, language, &ix->db, err);
  }
  unsigned threads = opts ? opts->threads : 0;
  if (threads == 0) threads = sysconf(_SC_NPROCESSORS_ONLN) >= 2 ? 2 : 1;
  if (s == NF_OK && threads >= 2 && !ix->shards)
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
  if (ix->shards) {
    nf_status s = nf_shards_commit(ix->shards, err);
    ix->committed = nf_shards_committed(ix->shards);
    if (s != NF_OK) ix->broken = 1;
    return s;
  }
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
  *took = ix->shards ? nf_shards_take(ix->shards, wait, &r)
                     : nf_index_worker_take(ix->worker, wait, &r);
  if (!*took) return NF_OK;
  nf_status s = r.status;
  if (s != NF_OK) {
    if (err) *err = r.err;
    ix->failed = 1;
  } else if (ix->shards) {
    ix->added++; /* its shard's thread writes it */
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
  while ((ix->worker || ix->shards) && took && s == NF_OK) s = write_next(ix, 1, &took, err);
  return s;
}

/* The shards' error once one failed to write or commit: nothing more goes in. */
static nf_status shards_failed(nf_indexer *ix, nf_error *err) {
  if (!ix->shards || !nf_shards_broken(ix->shards, err)) return NF_OK;
  ix->broken = 1;
  return err ? err->status : NF_ERR_DB;
}

/* Room for the article in the queue of the thread(s). */
static int room_for(const nf_indexer *ix, const nf_article *article) {
  return ix->shards ? nf_shards_room(ix->shards, article) : !nf_index_worker_full(ix->worker);
}

nf_status nf_indexer_commit(nf_indexer *ix, nf_error *err) {
  if (ix->broken) return ix->shards ? shards_failed(ix, err) : commit_now(ix, err);
  if (ix->worker && ix->failed) nf_index_worker_discard(ix->worker);
  if (ix->shards && ix->failed) nf_shards_discard(ix->shards);
  ix->failed = 0;
  nf_status s = nf_indexer_flush(ix, err);
  return s == NF_OK ? commit_now(ix, err) : s;
}

/* Analyse and write in the caller's thread. */
static nf_status add_here(nf_indexer *ix, const nf_article *article, nf_error *err) {
  nf_xdoc *doc;
  char *uid;
  size_t uid_len = 0;
  nf_status s =
      nf_document_from_article(ix->schema, ix->pipeline, ix->analysis, ix->record, article,
                               ix->stem, NF_DOCUMENT_STORED, &doc, &uid, &uid_len, err);
  if (s == NF_OK) s = write_doc(ix, doc, uid, uid_len, err);
  free(uid);
  nf_xdoc_free(doc);
  return s;
}

nf_status nf_indexer_add(nf_indexer *ix, const nf_article *article, nf_error *err) {
  ix->failed = 0;
  if (ix->broken) return ix->shards ? shards_failed(ix, err) : commit_now(ix, err);
  nf_status failed = shards_failed(ix, err);
  if (failed != NF_OK) return failed;
  if (article->origin && article->line)
    snprintf(ix->reached, sizeof ix->reached, "%s:%lu", article->origin, article->line);
  else if (article->origin)
    snprintf(ix->reached, sizeof ix->reached, "%s", article->origin);
  if (!ix->worker && !ix->shards) return add_here(ix, article, err);
  int took = 1;
  nf_status s = NF_OK;
  /* Make room by writing the oldest; queue this article even when one
   * failed (each taken frees a place), so that a caller going on past the
   * error loses nothing. */
  while (s == NF_OK && took && !room_for(ix, article)) s = write_next(ix, 1, &took, err);
  if (s != NF_OK && s != NF_ERR_PARSE && s != NF_ERR_LIMIT) return s; /* not one article's */
  nf_status queued = ix->shards
                         ? nf_shards_submit(ix->shards, article, s == NF_OK ? err : NULL)
                         : nf_index_worker_submit(ix->worker, article, s == NF_OK ? err : NULL);
  if (s != NF_OK) return queued == NF_OK ? s : queued;
  if (queued != NF_OK) return queued;
  while (s == NF_OK && took) s = write_next(ix, 0, &took, err);
  return s;
}

unsigned long nf_indexer_added(const nf_indexer *ix) { return ix->added; }
unsigned long nf_indexer_committed(const nf_indexer *ix) {
  return ix->shards ? nf_shards_committed(ix->shards) : ix->committed;
}
int nf_indexer_broken(const nf_indexer *ix) {
  return ix->broken || (ix->shards && nf_shards_broken(ix->shards, NULL));
}

nf_status nf_indexer_doccount(nf_indexer *ix, unsigned long *out, nf_error *err) {
  if (ix->shards) return nf_shards_doccount(ix->shards, out, err);
  return nf_xdb_doccount(ix->db, out, err);
}
