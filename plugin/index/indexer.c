/* Indexing: article -> record -> document -> database, committed in batches. */
#include "newsfields/index.h"

#include <stdlib.h>
#include <string.h>

#include "index/document.h"
#include "newsfields/record.h"
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
};

void nf_indexer_free(nf_indexer *ix) {
  if (!ix) return;
  nf_xdb_free(ix->db);
  nf_record_free(ix->record);
  nf_analysis_free(ix->analysis);
  nf_pipeline_free(ix->own_pipeline);
  nf_registry_free(ix->own_registry);
  free(ix->language);
  free(ix);
}

/* The language is fixed when the database is created: stems of two
 * languages in one index would never match a query. */
static nf_status settle_language(nf_indexer *ix, const char *wanted, nf_error *err) {
  char *stored = NULL;
  nf_status s = nf_xdb_get_metadata(ix->db, NF_META_LANGUAGE, &stored, err);
  if (s != NF_OK) return s;
  if (*stored && strcmp(stored, wanted) != 0) {
    s = nf_error_set(err, NF_ERR_INVALID,
                     "the database was indexed with language '%s', not '%s'", stored, wanted);
  } else if (!*stored) {
    s = nf_xdb_set_metadata(ix->db, NF_META_LANGUAGE, wanted, err);
  }
  free(stored);
  if (s == NF_OK && !(ix->language = strdup(wanted)))
    s = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  return s;
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
  if (s == NF_OK) s = nf_xdb_open_writable(db_path, &ix->db, err);
  if (s == NF_OK) s = settle_language(ix, language, err);
  if (s != NF_OK) {
    nf_indexer_free(ix);
    return s;
  }
  *out = ix;
  return NF_OK;
}

nf_status nf_indexer_commit(nf_indexer *ix, nf_error *err) {
  nf_status s = nf_xdb_commit(ix->db, err);
  if (s == NF_OK) ix->committed = ix->added;
  return s;
}

nf_status nf_indexer_add(nf_indexer *ix, const nf_article *article, nf_error *err) {
  nf_status s = nf_record_begin(ix->record, article, err);
  if (s == NF_OK) s = nf_pipeline_run(ix->pipeline, ix->analysis, ix->record, err);
  if (s != NF_OK) return s;
  nf_xdoc *doc = NULL;
  char *uid = NULL;
  size_t uid_len = 0;
  s = nf_document_build(ix->schema, ix->record, ix->language, &doc, err);
  if (s == NF_OK && nf_document_uid_term(ix->schema, ix->record, &uid, &uid_len) != NF_OK)
    s = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  if (s == NF_OK) s = nf_xdb_replace(ix->db, uid, uid_len, doc, err);
  free(uid);
  nf_xdoc_free(doc);
  if (s != NF_OK) return s;
  ix->added++;
  if (ix->added - ix->committed >= ix->batch) return nf_indexer_commit(ix, err);
  return NF_OK;
}

unsigned long nf_indexer_added(const nf_indexer *ix) { return ix->added; }
unsigned long nf_indexer_committed(const nf_indexer *ix) { return ix->committed; }

nf_status nf_indexer_doccount(nf_indexer *ix, unsigned long *out, nf_error *err) {
  return nf_xdb_doccount(ix->db, out, err);
}
