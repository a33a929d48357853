/* A record made into a Xapian document, field by field as the schema says. */
#include "document.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buffer.h"
#include "core/date.h"
#include "fields/keys.h"
#include "record/stored.h"

/* Positions left between two free-text values, so no phrase spans both. */
#define NF_FIELD_GAP 100

typedef struct term_ctx {
  nf_xdoc *doc;
  const char *prefix;
  nf_error *err;
  nf_buf *first; /* NF_KIND_QUERY_KEY_FIRST: where the first key goes, else NULL */
  int taken;
} term_ctx;

static nf_status add_key_term(void *ctx, const char *key, size_t n) {
  term_ctx *t = ctx;
  if (t->first && !t->taken) {
    t->taken = 1;
    nf_buf_clear(t->first);
    nf_status s = nf_buf_append(t->first, key, n);
    if (s != NF_OK) return s;
  }
  return nf_xdoc_add_boolean_term(t->doc, t->prefix, key, n, t->err);
}

/* The first key a kind gives (it gives one at most). */
typedef struct key_ctx {
  nf_buf *key;
  int taken;
} key_ctx;

static nf_status take_key(void *ctx, const char *key, size_t n) {
  key_ctx *k = ctx;
  if (k->taken) return NF_OK;
  k->taken = 1;
  return nf_buf_append(k->key, key, n);
}

/* The value's query key into key (empty when it has none: a value the kind
 * does not know gets no facet term). */
static nf_status query_key(const nf_field *f, const char *v, size_t n, nf_buf *key, nf_error *err) {
  nf_buf_clear(key);
  key_ctx k = {key, 0};
  nf_status s = f->kind->query_key(f->kind_instance, v, n, take_key, &k, err);
  if (s == NF_ERR_QUERY) {
    nf_buf_clear(key);
    nf_error_clear(err);
    s = NF_OK;
  }
  return s;
}

/* The facet term of a value: its key (what a filter query looks up), a
 * separator, and the value as written (what people read). */
static nf_status add_facet_term(nf_xdoc *doc, const nf_field *f, const char *v, size_t n,
                                nf_buf *key, nf_error *err) {
  char prefix[NF_FACET_PREFIX_MAX];
  nf_facet_prefix(f, prefix);
  nf_status s;
  if ((s = nf_buf_append_char(key, NF_FACET_SEPARATOR)) || (s = nf_buf_append(key, v, n))) return s;
  return nf_xdoc_add_boolean_term(doc, prefix, key->data, key->len, err);
}

/* The terms of one value of a field of kind mode NF_KIND_TERMS. */
static nf_status add_value_terms(nf_xdoc *doc, const nf_field *f, const char *v, size_t n,
                                 nf_buf *key, nf_error *err) {
  int facet = f->facet && nf_facet_has_own_terms(f);
  int first_is_query =
      facet && (f->kind->flags & NF_KIND_QUERY_KEY_FIRST) && !(f->kind->flags & NF_KIND_ONE_KEY);
  term_ctx ctx = {doc, f->prefix, err, first_is_query ? key : NULL, 0};
  nf_status s;
  if (f->kind->flags & NF_KIND_ONE_KEY) {
    /* one key, computed once, for the term and the facet */
    s = query_key(f, v, n, key, err);
    if (s == NF_OK && key->len) s = add_key_term(&ctx, key->data, key->len);
  } else {
    /* the facet's key is the query key: the first index key when the kind
     * says so, else normalised again */
    if (first_is_query) nf_buf_clear(key);
    s = f->kind->index_keys(f->kind_instance, v, n, add_key_term, &ctx);
    if (s == NF_OK && facet && !first_is_query) s = query_key(f, v, n, key, err);
  }
  if (s == NF_OK && facet && key->len) s = add_facet_term(doc, f, v, n, key, err);
  return s;
}

/* Adds one value of a field to the document. */
static nf_status add_field_value(nf_xdoc *doc, const nf_field *f, const char *v, size_t n,
                                 nf_buf *key, int *first_value, nf_error *err) {
  nf_status s = NF_OK;
  switch (f->kind->mode) {
    case NF_KIND_FREE_TEXT:
      s = nf_xdoc_index_text(doc, v, n, f->prefix, err);
      nf_xdoc_increase_termpos(doc, NF_FIELD_GAP);
      break;
    case NF_KIND_TERMS:
      s = add_value_terms(doc, f, v, n, key, err);
      break;
    case NF_KIND_UNIQUE:
      s = nf_xdoc_add_boolean_term(doc, f->prefix, v, n, err);
      break;
    case NF_KIND_DATE:
      break; /* only a value slot */
  }
  if (s == NF_OK && f->slot != NF_NO_SLOT && *first_value) {
    s = nf_xdoc_set_value(doc, f->slot, v, n, err);
    *first_value = 0;
  }
  if (s == NF_ERR_PARSE) return nf_error_set(err, s, "field %s: value is not valid UTF-8", f->name);
  if (s == NF_ERR_NOMEM) return nf_error_set(err, s, "out of memory");
  return s;
}

typedef struct value_ctx {
  nf_xdoc *doc;
  const nf_field *field;
  nf_buf *key;
  int first_value;
  nf_error *err;
} value_ctx;

static nf_status add_value(void *ctx, const char *v, size_t n) {
  value_ctx *c = ctx;
  return add_field_value(c->doc, c->field, v, n, c->key, &c->first_value, c->err);
}

/* Seconds since 1970 of 00:00 UTC on a date (no time zone); the calendar
 * is core/date.c's. */
static long long epoch_of(const nf_date *d) {
  long days = nf_date_day_number(d->year, d->month, d->day) - nf_date_day_number(1970, 1, 1);
  return (long long)days * 86400;
}

/* name=value on a line of its own, the value (n bytes, up to a NUL) with its
 * line breaks made spaces, cut to at most max bytes at a UTF-8 boundary (0:
 * whole).  A NULL value makes no line. */
static nf_status omega_line(nf_buf *b, const char *name, const char *v, size_t n, size_t max) {
  if (!v) return NF_OK;
  const char *nul = memchr(v, '\0', n);
  if (nul) n = (size_t)(nul - v);
  size_t whole = n;
  if (max && n > max) {
    n = max;
    while (n && ((unsigned char)v[n] & 0xC0) == 0x80) n--;
  }
  nf_status s = nf_buf_append_char(b, '\n');
  if (s == NF_OK) s = nf_buf_append(b, name, strlen(name));
  if (s == NF_OK) s = nf_buf_append_char(b, '=');
  size_t at = b->len;
  if (s == NF_OK) s = nf_buf_append(b, v, n); /* at once, then its line breaks made spaces */
  for (size_t i = at; s == NF_OK && i < b->len; i++)
    if (b->data[i] == '\n' || b->data[i] == '\r') b->data[i] = ' ';
  if (s == NF_OK && n < whole) s = nf_buf_append(b, "...", 3);
  return s;
}

static nf_status omega_str(nf_buf *b, const char *name, nf_str v, size_t max) {
  return omega_line(b, name, v.p, v.n, max);
}

/* Omega's lines: the fields its templates read ($field{caption}, sample,
 * url, modtime for $date), one name=value line each (schema/omega/README.md),
 * taken from the article and the record's date as they are (not from the
 * JSON again). */
static nf_status omega_lines(const nf_record *rec, nf_buf *b) {
  const nf_article *a = nf_record_article(rec);
  nf_status s = omega_str(b, "caption", a->headline.p ? a->headline : a->id, 0);
  if (s == NF_OK) s = omega_str(b, "sample", a->text, 300);
  if (s == NF_OK) s = omega_str(b, "url", a->url, 0);
  nf_date d;
  if (s == NF_OK && nf_record_date(rec, &d)) {
    char iso[11], modtime[32];
    nf_date_iso(&d, iso);
    s = omega_line(b, "date", iso, strlen(iso), 0);
    long long t = epoch_of(&d);
    snprintf(modtime, sizeof modtime, "%lld", t);
    if (s == NF_OK && t >= 0) s = omega_line(b, "modtime", modtime, strlen(modtime), 0);
  }
  return s;
}

/* The record's JSON with its text, as nf_record_to_json writes it, appended
 * to b; *json_len its bytes. */
static nf_status whole_json(const nf_record *rec, nf_buf *b, size_t *json_len, nf_error *err) {
  char *json;
  nf_status s = nf_record_to_json(rec, NF_RECORD_JSON_TEXT, &json, err);
  if (s != NF_OK) return s;
  *json_len = strlen(json);
  s = nf_buf_append(b, json, *json_len);
  free(json);
  return s;
}

/* The document data: the record as JSON on the first line (compact: one
 * line; in the stored layout, record/stored.h, when asked), then Omega's
 * lines.  Omega takes the line after one with no '=' (the JSON) as part of
 * it, so a line of no use to it comes first: newsfields=N, the record's
 * layout.  *json_len gets the bytes of the record's JSON as
 * nf_record_to_json writes it, whatever the layout (the record limit is on
 * those). */
static nf_status document_data(const nf_record *rec, unsigned flags, nf_buf *b, size_t *json_len,
                               nf_error *err) {
  nf_buf lines = NF_BUF_INIT;
  int layout = 1;
  nf_status s = omega_lines(rec, &lines);
  if (s == NF_OK)
    s = (flags & NF_DOCUMENT_STORED)
            ? nf_record_stored_json(rec, nf_buf_str(&lines), lines.len, b, &layout, json_len, err)
            : whole_json(rec, b, json_len, err);
  char version[2] = {(char)('0' + layout), '\0'};
  if (s == NF_OK) s = omega_line(b, "newsfields", version, 1, 0);
  if (s == NF_OK) s = nf_buf_append(b, nf_buf_str(&lines), lines.len);
  nf_buf_free(&lines);
  if (s == NF_ERR_NOMEM) nf_error_set(err, s, "out of memory");
  return s;
}

nf_status nf_document_build(const nf_schema *schema, const nf_record *rec, nf_xstem *stem,
                            unsigned flags, nf_xdoc **out, nf_error *err) {
  *out = NULL;
  nf_xdoc *doc;
  nf_status s = nf_record_check_limits(rec, schema, NULL, err);
  if (s == NF_OK) s = nf_xdoc_new_stemmed(stem, &doc, err);
  if (s != NF_OK) return s;
  nf_buf key = NF_BUF_INIT;
  for (size_t fi = 0; s == NF_OK && fi < nf_schema_field_count(schema); fi++) {
    value_ctx ctx = {doc, nf_schema_field(schema, fi), &key, 1, err};
    s = nf_record_values(rec, ctx.field, add_value, &ctx);
    if (s == NF_ERR_NOMEM && !err->message[0]) nf_error_set(err, s, "out of memory");
  }
  nf_buf_free(&key);
  nf_buf omega = NF_BUF_INIT;
  size_t json_len = 0;
  if (s == NF_OK) s = document_data(rec, flags, &omega, &json_len, err);
  if (s == NF_OK) s = nf_record_check_size(rec, schema, json_len, err);
  if (s == NF_OK) s = nf_xdoc_set_data(doc, omega.data, omega.len, err);
  nf_buf_free(&omega);
  if (s != NF_OK) {
    nf_xdoc_free(doc);
    return s;
  }
  *out = doc;
  return NF_OK;
}

nf_status nf_document_uid_term(const nf_schema *schema, const nf_record *rec, char **out,
                               size_t *n) {
  const char *prefix = "Q";
  for (size_t i = 0; i < nf_schema_field_count(schema); i++) {
    const nf_field *f = nf_schema_field(schema, i);
    if (f->kind->mode == NF_KIND_UNIQUE) prefix = f->prefix;
  }
  size_t len;
  const char *id = nf_record_id(rec, &len);
  *out = nf_xterm_make(prefix, id, len, n);
  return *out ? NF_OK : NF_ERR_NOMEM;
}

nf_status nf_document_from_article(const nf_schema *schema, const nf_pipeline *p, nf_analysis *an,
                                   nf_record *rec, const nf_article *article, nf_xstem *stem,
                                   unsigned flags, nf_xdoc **doc, char **uid, size_t *uid_len,
                                   nf_error *err) {
  *doc = NULL;
  *uid = NULL;
  nf_status s = nf_record_extract(rec, p, an, article, err);
  if (s == NF_OK) s = nf_document_build(schema, rec, stem, flags, doc, err);
  if (s == NF_OK && nf_document_uid_term(schema, rec, uid, uid_len) != NF_OK)
    s = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  if (s != NF_OK) {
    nf_xdoc_free(*doc);
    *doc = NULL;
  }
  return s;
}
