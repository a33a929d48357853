/* The query parser, set up from the schema: one prefix, range or field
 * processor per field as its kind's mode says, so that each value is
 * normalised by the same kind that normalised it for the index. */
#include "query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buffer.h"

/* What a field processor needs: its field (kind and instance), and the
 * parser, which keeps the filters it made. */
typedef struct field_binding {
  const nf_field *field;
  nf_query_parser *owner;
} field_binding;

struct nf_query_parser {
  nf_xqp *qp;
  field_binding *bindings;  /* one per schema field */
  nf_query_filter *filters; /* of the last parse */
  size_t nfilters, cap;
  int record; /* 0 for a caller's parser (nf_query_parser_wrap) */
};

static void clear_filters(nf_query_parser *qp) {
  for (size_t i = 0; i < qp->nfilters; i++) {
    free(qp->filters[i].value);
    free(qp->filters[i].term);
  }
  qp->nfilters = 0;
}

/* Keeps field:value and its term; out of memory only loses the record. */
static void record_filter(nf_query_parser *qp, const nf_field *f, const char *value, size_t n,
                          const char *term, size_t term_len) {
  if (!qp->record) return;
  if (qp->nfilters == qp->cap) {
    size_t cap = qp->cap ? 2 * qp->cap : 8;
    nf_query_filter *grown = realloc(qp->filters, cap * sizeof *grown);
    if (!grown) return;
    qp->filters = grown;
    qp->cap = cap;
  }
  nf_query_filter *r = &qp->filters[qp->nfilters];
  r->field = f;
  r->value = strndup(value, n);
  r->term = malloc(term_len + 1);
  if (!r->value || !r->term) {
    free(r->value);
    free(r->term);
    return;
  }
  memcpy(r->term, term, term_len);
  r->term[term_len] = '\0';
  r->term_len = term_len;
  qp->nfilters++;
}

size_t nf_query_parser_filter_count(const nf_query_parser *qp) { return qp->nfilters; }
const nf_query_filter *nf_query_parser_filter(const nf_query_parser *qp, size_t i) {
  return i < qp->nfilters ? &qp->filters[i] : NULL;
}

/* The first key the kind gives; a kind gives one at most. */
typedef struct key_ctx {
  nf_buf key;
  int taken;
} key_ctx;

static nf_status take_key(void *ctx, const char *key, size_t n) {
  key_ctx *k = ctx;
  if (k->taken) return NF_OK;
  k->taken = 1;
  return nf_buf_append(&k->key, key, n);
}

nf_status nf_query_field_term(const nf_field *f, const char *value, size_t n, char **term,
                              size_t *term_len, nf_error *err) {
  *term = NULL;
  *term_len = 0;
  key_ctx k = {NF_BUF_INIT, 0};
  nf_status s = f->kind->query_key(f->kind_instance, value, n, take_key, &k, err);
  if (s == NF_ERR_PARSE) {
    /* the kind says what is wrong, the query names the field */
    char why[NF_ERROR_MESSAGE_MAX / 2];
    snprintf(why, sizeof why, "%.*s", (int)sizeof why - 1, err ? err->message : "");
    s = nf_error_set(err, NF_ERR_QUERY, "%s: %s", f->name, why);
  } else if (s == NF_OK && k.key.len == 0) {
    s = nf_error_set(err, NF_ERR_QUERY, "%s:%.*s has nothing to search for", f->name, (int)n,
                     value);
  } else if (s == NF_OK && !(*term = nf_xterm_make(f->prefix, k.key.data, k.key.len, term_len))) {
    s = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  }
  nf_buf_free(&k.key);
  return s;
}

/* field:value, the value made the kind's query key: speaker:"Lloyd J.
 * Austin III" is speaker:"lloyd austin", country:Lithuanian is country:lt. */
static nf_status kind_processor(void *ctx, const char *value, size_t n, nf_xquery **out,
                                nf_error *err) {
  const field_binding *b = ctx;
  char *term;
  size_t len;
  nf_status s = nf_query_field_term(b->field, value, n, &term, &len, err);
  if (s == NF_OK) s = nf_xquery_term(term, len, out, err);
  if (s == NF_OK) record_filter(b->owner, b->field, value, n, term, len);
  free(term);
  return s;
}

static nf_status bind_field(nf_query_parser *qp, field_binding *b, nf_error *err) {
  const nf_field *f = b->field;
  switch (f->kind->mode) {
    case NF_KIND_FREE_TEXT:
      return nf_xqp_add_prefix(qp->qp, f->name, f->prefix, err);
    case NF_KIND_TERMS:
      /* as Omega's prefixes: a field with many values per article is
       * non-exclusive (repeated filters AND), one with one exclusive (OR) */
      return nf_xqp_add_field_processor(qp->qp, f->name,
                                        f->multi ? NF_XFIELD_NONEXCLUSIVE : NF_XFIELD_EXCLUSIVE,
                                        kind_processor, b, err);
    case NF_KIND_DATE:
      return nf_xqp_add_date_range(qp->qp, f->name, f->slot, err);
    case NF_KIND_UNIQUE:
      return nf_xqp_add_boolean_prefix(qp->qp, f->name, f->prefix, err);
  }
  return nf_error_set(err, NF_ERR_INTERNAL, "field %s: kind '%s' has an unknown mode", f->name,
                      f->kind->name);
}

void nf_query_parser_free(nf_query_parser *qp) {
  if (!qp) return;
  nf_xqp_free(qp->qp);
  free(qp->bindings);
  clear_filters(qp);
  free(qp->filters);
  free(qp);
}

/* The parser over xqp (taken in every case), with every field bound. */
static nf_status parser_over(const nf_schema *schema, nf_xqp *xqp, nf_query_parser **out,
                             nf_error *err) {
  *out = NULL;
  size_t n = nf_schema_field_count(schema);
  nf_query_parser *qp = calloc(1, sizeof *qp);
  if (qp) qp->bindings = calloc(n ? n : 1, sizeof *qp->bindings);
  if (!qp || !qp->bindings) {
    if (qp) free(qp->bindings);
    free(qp);
    nf_xqp_free(xqp);
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  }
  qp->qp = xqp;
  nf_status s = NF_OK;
  for (size_t i = 0; s == NF_OK && i < n; i++) {
    qp->bindings[i].field = nf_schema_field(schema, i);
    qp->bindings[i].owner = qp;
    s = bind_field(qp, &qp->bindings[i], err);
  }
  if (s != NF_OK) {
    nf_query_parser_free(qp);
    return s;
  }
  *out = qp;
  return NF_OK;
}

nf_status nf_query_parser_new(const nf_schema *schema, nf_xdb *db, const char *language,
                              nf_query_parser **out, nf_error *err) {
  *out = NULL;
  nf_xqp *xqp;
  nf_status s = nf_xqp_new(db, language, &xqp, err);
  if (s == NF_OK) s = parser_over(schema, xqp, out, err);
  if (s == NF_OK) (*out)->record = 1;
  return s;
}

nf_status nf_query_parser_wrap(const nf_schema *schema, void *xapian_queryparser,
                               nf_query_parser **out, nf_error *err) {
  *out = NULL;
  nf_xqp *xqp;
  nf_status s = nf_xqp_wrap(xapian_queryparser, &xqp, err);
  return s == NF_OK ? parser_over(schema, xqp, out, err) : s;
}

nf_status nf_query_parser_parse(nf_query_parser *qp, const char *p, size_t n, nf_xquery **out,
                                nf_error *err) {
  clear_filters(qp);
  return nf_xqp_parse(qp->qp, p, n, out, err);
}
