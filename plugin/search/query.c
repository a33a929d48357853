/* The query parser, set up from the schema: one prefix or field processor per
 * field, so that each value is normalised as the indexer normalised it. */
#include "search/query.h"

#include <stdlib.h>
#include <string.h>

#include "core/buffer.h"
#include "index/keys.h"

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
  const nf_field *f = ctx;
  nf_buf key = NF_BUF_INIT;
  nf_status s = nf_name_query_key(value, n, &key);
  if (s == NF_OK) s = key_query(f, &key, value, n, out, err);
  else s = nf_error_set(err, NF_ERR_QUERY, "%s: the name is not valid UTF-8", f->name);
  nf_buf_free(&key);
  return s;
}

static nf_status folded_processor(void *ctx, const char *value, size_t n, nf_xquery **out,
                                  nf_error *err) {
  const nf_field *f = ctx;
  nf_buf key = NF_BUF_INIT;
  nf_status s = nf_key_fold(value, n, &key);
  if (s == NF_OK) s = key_query(f, &key, value, n, out, err);
  else s = nf_error_set(err, NF_ERR_QUERY, "%s: the value is not valid UTF-8", f->name);
  nf_buf_free(&key);
  return s;
}

nf_status nf_query_parser_new(const nf_schema *schema, nf_xdb *db, const char *language,
                              nf_xqp **out, nf_error *err) {
  *out = NULL;
  nf_xqp *qp;
  nf_status s = nf_xqp_new(db, language, &qp, err);
  for (size_t i = 0; s == NF_OK && i < nf_schema_field_count(schema); i++) {
    const nf_field *f = nf_schema_field(schema, i);
    /* The field stays usable through the parser: the schema outlives it. */
    void *ctx = (void *)f;
    switch (f->kind) {
      case NF_FIELD_TEXT:
        s = nf_xqp_add_prefix(qp, f->name, f->prefix, err);
        break;
      case NF_FIELD_NAME:
        s = nf_xqp_add_field_processor(qp, f->name, 1, name_processor, ctx, err);
        break;
      case NF_FIELD_PLACE:
      case NF_FIELD_EXACT:
      case NF_FIELD_TITLE:
      case NF_FIELD_COUNTRY:
        s = nf_xqp_add_field_processor(qp, f->name, 1, folded_processor, ctx, err);
        break;
      case NF_FIELD_DATE:
        s = nf_xqp_add_date_range(qp, f->name, f->slot, err);
        break;
      case NF_FIELD_ID:
        s = nf_xqp_add_boolean_prefix(qp, f->name, f->prefix, err);
        break;
    }
  }
  if (s != NF_OK) {
    nf_xqp_free(qp);
    return s;
  }
  *out = qp;
  return NF_OK;
}
