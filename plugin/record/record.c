/* The record of one article: metadata, analyzer results (JSON) and index values. */
#include <stdlib.h>
#include <string.h>

#include "core/buffer.h"
#include "core/grow.h"
#include "newsfields/date.h"
#include "record_json.h"

typedef struct value_entry {
  size_t source; /* offset of the NUL-terminated source name in the arena */
  size_t value;  /* offset of the value (NUL-terminated) in the arena */
  size_t len;
} value_entry;

struct nf_record {
  json_t *json;
  nf_buf arena; /* every value and source name, NUL-terminated, back to back */
  value_entry *values;
  size_t nvalues, cap;
  /* The article's id, text, author and source, apart from the values: the
   * text layer reads the text in place while analyzers add values, so it
   * must not move until the next nf_record_begin. */
  nf_buf meta;
  size_t id, id_len, text, text_len; /* offsets of id and text in meta */
  /* the author and source metadata: offsets in meta, when present */
  size_t author, author_len, source, source_len;
  int has_author, has_source;
  int has_date;
  nf_date date;
};

nf_status nf_record_new(nf_record **out) {
  *out = NULL;
  nf_record *rec = calloc(1, sizeof *rec);
  if (!rec) return NF_ERR_NOMEM;
  if (!(rec->json = json_object())) {
    free(rec);
    return NF_ERR_NOMEM;
  }
  *out = rec;
  return NF_OK;
}

void nf_record_free(nf_record *rec) {
  if (!rec) return;
  json_decref(rec->json);
  nf_buf_free(&rec->arena);
  nf_buf_free(&rec->meta);
  free(rec->values);
  free(rec);
}

json_t *nf_record_json(nf_record *rec) { return rec->json; }

/* Appends p[0..n) and a NUL to b; *at is its offset. */
static nf_status buf_add(nf_buf *b, const char *p, size_t n, size_t *at) {
  *at = b->len;
  nf_status s = nf_buf_append(b, p, n);
  return s ? s : nf_buf_append_char(b, '\0');
}

nf_status nf_record_add_value(nf_record *rec, const char *source, const char *value, size_t n) {
  if (NF_GROW(rec->values, rec->cap, rec->nvalues + 1) != NF_OK) return NF_ERR_NOMEM;
  value_entry *e = &rec->values[rec->nvalues];
  nf_status s = buf_add(&rec->arena, source, strlen(source), &e->source);
  if (s == NF_OK) s = buf_add(&rec->arena, value, n, &e->value);
  if (s != NF_OK) return s;
  e->len = n;
  rec->nvalues++;
  return NF_OK;
}

size_t nf_record_value_count(const nf_record *rec) { return rec->nvalues; }

void nf_record_value(const nf_record *rec, size_t i, const char **source, const char **value,
                     size_t *n) {
  const value_entry *e = &rec->values[i];
  *source = rec->arena.data + e->source;
  *value = rec->arena.data + e->value;
  *n = e->len;
}

int nf_record_date(const nf_record *rec, nf_date *out) {
  if (rec->has_date && out) *out = rec->date;
  return rec->has_date;
}

nf_status nf_record_set_json(nf_record *rec, const char *key, const char *json, size_t n,
                             nf_error *err) {
  json_error_t jerr;
  json_t *v = json_loadb(json, n, JSON_DECODE_ANY, &jerr);
  if (!v) return nf_error_set(err, NF_ERR_INVALID, "record key '%s': %s", key, jerr.text);
  if (json_object_set_new(rec->json, key, v))
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  return NF_OK;
}

const char *nf_record_id(const nf_record *rec) { return nf_buf_str(&rec->meta) + rec->id; }

const char *nf_record_text(const nf_record *rec, size_t *n) {
  if (n) *n = rec->text_len;
  return nf_buf_str(&rec->meta) + rec->text;
}

static const char *kept(const nf_record *rec, int has, size_t at, size_t len, size_t *n) {
  if (n) *n = has ? len : 0;
  return has ? nf_buf_str(&rec->meta) + at : NULL;
}

const char *nf_record_author(const nf_record *rec, size_t *n) {
  return kept(rec, rec->has_author, rec->author, rec->author_len, n);
}

const char *nf_record_source(const nf_record *rec, size_t *n) {
  return kept(rec, rec->has_source, rec->source, rec->source_len, n);
}

/* Sets key to the string s (when present) in the JSON object. */
static nf_status json_set_str(json_t *obj, const char *key, nf_str s) {
  if (!s.p) return json_object_set_new(obj, key, json_null()) ? NF_ERR_NOMEM : NF_OK;
  json_t *v = json_stringn(s.p, s.n);
  if (!v) return NF_ERR_PARSE; /* not valid UTF-8 */
  return json_object_set_new(obj, key, v) ? NF_ERR_NOMEM : NF_OK;
}

static nf_status add_str_value(nf_record *rec, const char *source, nf_str s) {
  if (!s.p || s.n == 0) return NF_OK;
  return nf_record_add_value(rec, source, s.p, s.n);
}

static nf_status begin_metadata(nf_record *rec, const nf_article *a, nf_error *err) {
  json_t *j = rec->json;
  nf_status s = json_set_str(j, "id", a->id);
  if (!s) s = json_set_str(j, "headline", a->headline);
  if (s)
    return nf_error_set(err, s,
                        s == NF_ERR_PARSE ? "id or headline is not valid UTF-8" : "out of memory");
  nf_date date;
  char iso[11], compact[9];
  if (a->date.p) {
    if ((s = nf_date_parse_iso(a->date.p, a->date.n, &date, err))) return s;
    rec->has_date = 1;
    rec->date = date;
    nf_date_iso(&date, iso);
    nf_date_compact(&date, compact);
    if (json_object_set_new(j, "date", json_string(iso))) return NF_ERR_NOMEM;
  } else if (json_object_set_new(j, "date", json_null())) {
    return NF_ERR_NOMEM;
  }
  if ((s = json_set_str(j, "url", a->url)) || (s = json_set_str(j, "source", a->source)))
    return nf_error_set(err, s, "url or source is not valid UTF-8");
  if (a->extra.p) {
    json_error_t jerr;
    json_t *extra = json_loadb(a->extra.p, a->extra.n, 0, &jerr);
    if (!extra || !json_is_object(extra)) {
      json_decref(extra);
      return nf_error_set(err, NF_ERR_PARSE, "the article's other keys are not a JSON object");
    }
    if (json_object_set_new(j, "meta", extra)) return NF_ERR_NOMEM;
  }
  if ((s = buf_add(&rec->meta, a->id.p, a->id.n, &rec->id))) return s;
  rec->id_len = a->id.n;
  if ((s = buf_add(&rec->meta, a->text.p ? a->text.p : "", a->text.n, &rec->text))) return s;
  rec->text_len = a->text.n;
  if ((s = add_str_value(rec, "id", a->id)) || (s = add_str_value(rec, "headline", a->headline)) ||
      (s = add_str_value(rec, "text", a->text)) || (s = add_str_value(rec, "source", a->source)))
    return s;
  if (a->date.p) {
    if ((s = nf_record_add_value(rec, "date", compact, 8))) return s;
    if ((s = nf_record_add_value(rec, "year", compact, 4))) return s;
  }
  if (a->author.p) {
    if ((s = buf_add(&rec->meta, a->author.p, a->author.n, &rec->author))) return s;
    rec->author_len = a->author.n;
    rec->has_author = 1;
  }
  if (a->source.p) {
    if ((s = buf_add(&rec->meta, a->source.p, a->source.n, &rec->source))) return s;
    rec->source_len = a->source.n;
    rec->has_source = 1;
  }
  return NF_OK;
}

nf_status nf_record_begin(nf_record *rec, const nf_article *a, nf_error *err) {
  json_object_clear(rec->json);
  nf_buf_clear(&rec->arena);
  nf_buf_clear(&rec->meta);
  rec->nvalues = 0;
  rec->id = rec->id_len = rec->text = rec->text_len = 0;
  rec->has_date = 0;
  rec->has_author = rec->has_source = 0;
  if (!a->id.p || a->id.n == 0) return nf_error_set(err, NF_ERR_PARSE, "the article has no id");
  if (a->id.n > NF_RECORD_MAX_ID)
    return nf_error_set(err, NF_ERR_PARSE, "the id is longer than %d bytes", NF_RECORD_MAX_ID);
  if (!a->text.p) return nf_error_set(err, NF_ERR_PARSE, "the article has no text");
  nf_status s = begin_metadata(rec, a, err);
  if (s == NF_ERR_NOMEM) nf_error_set(err, s, "out of memory");
  return s;
}

nf_status nf_record_to_json(const nf_record *rec, unsigned flags, char **out, nf_error *err) {
  *out = NULL;
  json_t *obj = rec->json;
  json_t *copy = NULL;
  if (flags & NF_RECORD_JSON_TEXT) {
    copy = json_copy(rec->json);
    size_t n;
    const char *text = nf_record_text(rec, &n);
    json_t *t = copy ? json_stringn(text, n) : NULL;
    if (!t || json_object_set_new(copy, "text", t)) {
      json_decref(copy);
      return nf_error_set(err, t ? NF_ERR_NOMEM : NF_ERR_PARSE,
                          t ? "out of memory" : "the text is not valid UTF-8");
    }
    obj = copy;
  }
  size_t jflags =
      JSON_PRESERVE_ORDER | ((flags & NF_RECORD_JSON_PRETTY) ? JSON_INDENT(2) : JSON_COMPACT);
  *out = json_dumps(obj, jflags);
  json_decref(copy);
  if (!*out) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  return NF_OK;
}
