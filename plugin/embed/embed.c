/* newsfields inside a caller's own Xapian program (newsfields/xapian.h):
 * the indexer's documents and the searcher's query parser, handed over. */
#include "newsfields/xapian.h"

#include <stdlib.h>
#include <string.h>

#include "index/document.h"
#include "newsfields/analyzer.h"
#include "newsfields/record.h"
#include "newsfields/registry.h"
#include "search/query.h"
#include "xapian/shim.h"

struct nf_embed {
  nf_registry *registry;
  nf_schema *schema;
  nf_pipeline *pipeline;
  nf_analysis *analysis;
  nf_record *record;
  nf_xstem *stem;
  nf_query_parser **installed; /* one per caller's query parser */
  size_t ninstalled;
};

struct nf_document {
  nf_xdoc *doc;
  char *data;
  size_t data_len;
  char *uid;
  size_t uid_len;
};

void nf_embed_free(nf_embed *e) {
  if (!e) return;
  for (size_t i = 0; i < e->ninstalled; i++) nf_query_parser_free(e->installed[i]);
  free(e->installed);
  nf_record_free(e->record);
  nf_analysis_free(e->analysis);
  nf_xstem_free(e->stem);
  nf_pipeline_free(e->pipeline);
  nf_schema_free(e->schema);
  nf_registry_free(e->registry);
  free(e);
}

nf_status nf_embed_open(const char *schema_path, const char *const *plugins, size_t nplugins,
                        nf_embed **out, nf_error *err) {
  if (!out) return nf_error_set(err, NF_ERR_INVALID, "no output handle");
  *out = NULL;
  nf_embed *e = calloc(1, sizeof *e);
  if (!e) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  /* one registry: the plug-ins' analyzers run, their kinds serve the schema */
  nf_status s = nf_registry_default(&e->registry, err);
  for (size_t i = 0; s == NF_OK && plugins && i < nplugins; i++)
    s = nf_registry_load(e->registry, plugins[i], err);
  char *found = NULL;
  if (s == NF_OK && !schema_path && !(schema_path = found = nf_schema_default_path()))
    s = nf_error_set(err, NF_ERR_NOT_FOUND,
                     "no schema found: give its path or set NEWSFIELDS_SCHEMA");
  if (s == NF_OK) s = nf_schema_load(schema_path, e->registry, &e->schema, err);
  free(found);
  if (s == NF_OK) {
    nf_analyzer_env env = {nf_schema_dir(e->schema), e->registry};
    s = nf_pipeline_new(e->registry, &env, &e->pipeline, err);
  }
  if (s == NF_OK && (nf_analysis_new(&e->analysis) != NF_OK || nf_record_new(&e->record) != NF_OK))
    s = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  if (s == NF_OK) s = nf_xstem_new(nf_schema_language(e->schema), &e->stem, err);
  if (s != NF_OK) {
    nf_embed_free(e);
    return s;
  }
  *out = e;
  return NF_OK;
}

const nf_schema *nf_embed_schema(const nf_embed *e) { return e ? e->schema : NULL; }

void nf_document_free(nf_document *d) {
  if (!d) return;
  nf_xdoc_free(d->doc);
  free(d->data);
  free(d->uid);
  free(d);
}

nf_status nf_embed_analyse(nf_embed *e, const nf_article *article, nf_document **out,
                           nf_error *err) {
  if (!out) return nf_error_set(err, NF_ERR_INVALID, "no output handle");
  *out = NULL;
  if (!e || !article) return nf_error_set(err, NF_ERR_INVALID, "no newsfields or no article");
  nf_document *d = calloc(1, sizeof *d);
  if (!d) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  /* the record whole (layout 1), not as the index stores it: the caller's
   * program reads this data itself */
  nf_status s = nf_document_from_article(e->schema, e->pipeline, e->analysis, e->record, article,
                                         e->stem, 0, &d->doc, &d->uid, &d->uid_len, err);
  if (s == NF_OK) s = nf_xdoc_get_data(d->doc, &d->data, &d->data_len, err);
  if (s != NF_OK) {
    nf_document_free(d);
    return s;
  }
  *out = d;
  return NF_OK;
}

nf_status nf_document_terms(const nf_document *d, nf_document_term_fn fn, void *ctx,
                            nf_error *err) {
  if (!d) return nf_error_set(err, NF_ERR_INVALID, "no document");
  return nf_xdoc_each_term(d->doc, fn, ctx, err);
}

nf_status nf_document_values(const nf_document *d, nf_document_value_fn fn, void *ctx,
                             nf_error *err) {
  if (!d) return nf_error_set(err, NF_ERR_INVALID, "no document");
  return nf_xdoc_each_value(d->doc, fn, ctx, err);
}

const char *nf_document_data(const nf_document *d, size_t *n) {
  if (n) *n = d ? d->data_len : 0;
  return d ? d->data : NULL;
}

const char *nf_document_unique_term(const nf_document *d, size_t *n) {
  if (n) *n = d ? d->uid_len : 0;
  return d ? d->uid : NULL;
}

nf_status nf_document_add_to(const nf_document *d, void *xapian_document, nf_error *err) {
  if (!d) return nf_error_set(err, NF_ERR_INVALID, "no document");
  return nf_xdoc_copy_into(d->doc, xapian_document, err);
}

nf_status nf_embed_install(nf_embed *e, void *xapian_queryparser, nf_error *err) {
  if (!e) return nf_error_set(err, NF_ERR_INVALID, "no newsfields");
  nf_query_parser **grown = realloc(e->installed, (e->ninstalled + 1) * sizeof *grown);
  if (!grown) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  e->installed = grown;
  nf_query_parser *qp;
  nf_status s = nf_query_parser_wrap(e->schema, xapian_queryparser, &qp, err);
  if (s == NF_OK) e->installed[e->ninstalled++] = qp;
  return s;
}

nf_status nf_embed_query_term(nf_embed *e, const char *field, const char *value, size_t n,
                              char **term, size_t *term_len, nf_error *err) {
  if (!term) return nf_error_set(err, NF_ERR_INVALID, "no output term");
  *term = NULL;
  if (term_len) *term_len = 0;
  if (!e || !field || (!value && n))
    return nf_error_set(err, NF_ERR_INVALID, "no newsfields, field or value");
  const nf_field *f = nf_schema_find(e->schema, field);
  if (!f) return nf_error_set(err, NF_ERR_NOT_FOUND, "no field '%s' in the schema", field);
  size_t len = 0;
  nf_status s;
  if (f->kind->mode == NF_KIND_TERMS) {
    s = nf_query_field_term(f, value ? value : "", n, term, &len, err);
  } else if (f->kind->mode == NF_KIND_UNIQUE) {
    *term = nf_xterm_make(f->prefix, value ? value : "", n, &len);
    s = *term ? NF_OK : nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  } else {
    s = nf_error_set(err, NF_ERR_INVALID, "field '%s' is not a term field", field);
  }
  if (term_len) *term_len = len;
  return s;
}
