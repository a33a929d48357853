/* The query parser, set up from the schema: one prefix or field processor per
 * field, so that each value is normalised as the indexer normalised it. */
#include "query.h"

#include <stdlib.h>
#include <string.h>

#include "core/buffer.h"
#include "fields/keys.h"
#include "fields/titles.h"
#include "gazetteer/agencies.h"

/* What a field processor needs: its field, and the tables. */
typedef struct field_binding {
  const nf_field *field;
  nf_countries *countries;
  const nf_agencies *agencies;
} field_binding;

struct nf_query_parser {
  nf_xqp *qp;
  field_binding *bindings; /* one per schema field */
};

/* Turns the folded key into the field's boolean term query. */
static nf_status key_query(const nf_field *f, const nf_buf *key, const char *value, size_t n,
                           nf_xquery **out, nf_error *err) {
  if (key->len == 0)
    return nf_error_set(err, NF_ERR_QUERY, "%s:%.*s has nothing to search for", f->name, (int)n,
                        value);
  return nf_xquery_boolean_term(f->prefix, key->data, key->len, out, err);
}

static nf_status name_processor(void *ctx, const char *value, size_t n, nf_xquery **out,
                                nf_error *err) {
  const nf_field *f = ((field_binding *)ctx)->field;
  nf_buf key = NF_BUF_INIT;
  nf_status s = nf_name_query_key(value, n, &key);
  if (s == NF_OK)
    s = key_query(f, &key, value, n, out, err);
  else
    s = nf_error_set(err, NF_ERR_QUERY, "%s: the name is not valid UTF-8", f->name);
  nf_buf_free(&key);
  return s;
}

static nf_status folded_processor(void *ctx, const char *value, size_t n, nf_xquery **out,
                                  nf_error *err) {
  const nf_field *f = ((field_binding *)ctx)->field;
  nf_buf key = NF_BUF_INIT;
  nf_status s = nf_key_fold(value, n, &key);
  if (s == NF_OK)
    s = key_query(f, &key, value, n, out, err);
  else
    s = nf_error_set(err, NF_ERR_QUERY, "%s: the value is not valid UTF-8", f->name);
  nf_buf_free(&key);
  return s;
}

/* title:"Minister of Defence" is title:"defense minister", as indexed. */
static nf_status title_processor(void *ctx, const char *value, size_t n, nf_xquery **out,
                                 nf_error *err) {
  const nf_field *f = ((field_binding *)ctx)->field;
  nf_buf key = NF_BUF_INIT;
  nf_status s = nf_title_normalize(value, n, &key, NULL);
  if (s == NF_OK)
    s = key_query(f, &key, value, n, out, err);
  else
    s = nf_error_set(err, NF_ERR_QUERY, "%s: the value is not valid UTF-8", f->name);
  nf_buf_free(&key);
  return s;
}

/* agency:"Associated Press" is agency:AP, as the analyzers index it. */
static nf_status agency_processor(void *ctx, const char *value, size_t n, nf_xquery **out,
                                  nf_error *err) {
  const field_binding *b = ctx;
  const char *canonical = b->agencies ? nf_agencies_find(b->agencies, value, n) : NULL;
  if (canonical) {
    value = canonical;
    n = strlen(canonical);
  }
  return folded_processor(ctx, value, n, out, err);
}

/* country:Lithuania, country:Lithuanian, country:LT and country:"Republic of
 * Lithuania" are all Nlt; an unknown country is an error naming the nearest. */
static nf_status country_processor(void *ctx, const char *value, size_t n, nf_xquery **out,
                                   nf_error *err) {
  const field_binding *b = ctx;
  char code[4];
  nf_status s = nf_countries_resolve(b->countries, value, n, code, err);
  if (s == NF_ERR_NOT_FOUND) {
    if (err) err->status = NF_ERR_QUERY; /* the message stays: it names the nearest */
    return NF_ERR_QUERY;
  }
  if (s != NF_OK) return s;
  return nf_xquery_boolean_term(b->field->prefix, code, strlen(code), out, err);
}

static nf_status bind_field(nf_query_parser *qp, field_binding *b, nf_error *err) {
  const nf_field *f = b->field;
  switch (f->kind) {
    case NF_FIELD_TEXT:
      return nf_xqp_add_prefix(qp->qp, f->name, f->prefix, err);
    case NF_FIELD_NAME:
      return nf_xqp_add_field_processor(qp->qp, f->name, 1, name_processor, b, err);
    case NF_FIELD_COUNTRY:
      if (b->countries)
        return nf_xqp_add_field_processor(qp->qp, f->name, 1, country_processor, b, err);
      return nf_xqp_add_field_processor(qp->qp, f->name, 1, folded_processor, b, err);
    case NF_FIELD_TITLE:
      return nf_xqp_add_field_processor(qp->qp, f->name, 1, title_processor, b, err);
    case NF_FIELD_PLACE:
    case NF_FIELD_EXACT:
      return nf_xqp_add_field_processor(qp->qp, f->name, 1, folded_processor, b, err);
    case NF_FIELD_AGENCY:
      return nf_xqp_add_field_processor(qp->qp, f->name, 1, agency_processor, b, err);
    case NF_FIELD_DATE:
      return nf_xqp_add_date_range(qp->qp, f->name, f->slot, err);
    case NF_FIELD_ID:
      return nf_xqp_add_boolean_prefix(qp->qp, f->name, f->prefix, err);
  }
  return nf_error_set(err, NF_ERR_INTERNAL, "field %s has an unknown kind", f->name);
}

void nf_query_parser_free(nf_query_parser *qp) {
  if (!qp) return;
  nf_xqp_free(qp->qp);
  free(qp->bindings);
  free(qp);
}

nf_status nf_query_parser_new(const nf_schema *schema, nf_xdb *db, const char *language,
                              const nf_query_tables *tables, nf_query_parser **out, nf_error *err) {
  *out = NULL;
  size_t n = nf_schema_field_count(schema);
  nf_query_parser *qp = calloc(1, sizeof *qp);
  if (qp) qp->bindings = calloc(n ? n : 1, sizeof *qp->bindings);
  if (!qp || !qp->bindings) {
    nf_query_parser_free(qp);
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  }
  nf_status s = nf_xqp_new(db, language, &qp->qp, err);
  for (size_t i = 0; s == NF_OK && i < n; i++) {
    qp->bindings[i].field = nf_schema_field(schema, i);
    qp->bindings[i].countries = tables ? tables->countries : NULL;
    qp->bindings[i].agencies = tables ? tables->agencies : NULL;
    s = bind_field(qp, &qp->bindings[i], err);
  }
  if (s != NF_OK) {
    nf_query_parser_free(qp);
    return s;
  }
  *out = qp;
  return NF_OK;
}

nf_status nf_query_parser_parse(nf_query_parser *qp, const char *p, size_t n, nf_xquery **out,
                                nf_error *err) {
  return nf_xqp_parse(qp->qp, p, n, out, err);
}
