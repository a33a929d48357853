/* The record of one article, derived from its metadata and the analyzers'
 * typed results: the JSON object, and each field's values. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/grow.h"
#include "json_write.h"
#include "newsfields/record.h"
#include "newsfields/text.h"
#include "similar.h"
#include "stored.h"

struct nf_record {
  const nf_article *article;
  const nf_analysis *analysis;
  json_t *json;
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
  free(rec);
}

/* ---- the JSON object ------------------------------------------------------------ */

/* obj[key] = v, taking v; a NULL v (invalid UTF-8 or no memory) is an error. */
static nf_status set(json_t *obj, const char *key, json_t *v) {
  if (!v) return NF_ERR_PARSE;
  return json_object_set_new(obj, key, v) ? NF_ERR_NOMEM : NF_OK;
}

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }
static json_t *nstr_or_null(nf_str s) { return s.p ? json_stringn(s.p, s.n) : json_null(); }
/* [start, end], built directly: json_pack parses its format at every call,
 * a thousand instructions for each of the record's many spans. */
static json_t *span(uint32_t start, uint32_t end) {
  json_t *a = json_array();
  if (a && (json_array_append_new(a, json_integer(start)) ||
            json_array_append_new(a, json_integer(end)))) {
    json_decref(a);
    return NULL;
  }
  return a;
}

static nf_status set_metadata(nf_record *rec, nf_error *err) {
  const nf_article *a = rec->article;
  json_t *j = rec->json;
  nf_status s = set(j, "id", nstr_or_null(a->id));
  if (s == NF_OK) s = set(j, "headline", nstr_or_null(a->headline));
  if (s != NF_OK)
    return nf_error_set(err, s,
                        s == NF_ERR_PARSE ? "id or headline is not valid UTF-8" : "out of memory");
  char iso[11];
  if (rec->has_date) nf_date_iso(&rec->date, iso);
  if ((s = set(j, "date", rec->has_date ? json_string(iso) : json_null())))
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  if ((s = set(j, "url", nstr_or_null(a->url))) || (s = set(j, "source", nstr_or_null(a->source))))
    return nf_error_set(err, s, "url or source is not valid UTF-8");
  if (a->extra) {
    json_t *extra = (json_t *)a->extra; /* shared, never changed: jansson counts references */
    if (!json_is_object(extra))
      return nf_error_set(err, NF_ERR_PARSE, "the article's other keys are not a JSON object");
    if (json_object_set(j, "meta", extra)) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  }
  return NF_OK;
}

/* One member of a result's object. */
static json_t *member(const nf_record *rec, const nf_member *m, const nf_result *r) {
  uint32_t b, e;
  switch (m->kind) {
    case NF_MEMBER_VALUE:
      return str_or_null(r->value);
    case NF_MEMBER_SPAN:
      return r->start == r->end ? json_null() : span(r->start, r->end);
    case NF_MEMBER_TEXT: {
      size_t n;
      const char *text = nf_text_bytes(nf_analysis_text(rec->analysis), &n);
      return r->end <= n ? json_stringn(text + r->start, r->end - r->start) : json_null();
    }
    case NF_MEMBER_ATTR:
      return str_or_null(nf_result_attr(r, m->attr));
    case NF_MEMBER_ATTR_SPAN:
      return nf_result_attr_span(r, m->attr, &b, &e) ? span(b, e) : json_null();
    case NF_MEMBER_MENTIONS:
      return json_array(); /* filled by the caller, one span per result of the group */
  }
  return NULL;
}

static json_t *object_of(const nf_record *rec, const nf_result_type_v1 *def, const nf_result *r) {
  json_t *o = json_object();
  for (size_t i = 0; o && i < def->nmembers; i++) {
    if (set(o, def->members[i].key, member(rec, &def->members[i], r)) != NF_OK) {
      json_decref(o);
      return NULL;
    }
  }
  return o;
}

/* Adds a mention span to every MENTIONS member of a group's object. */
static nf_status add_mention(const nf_result_type_v1 *def, json_t *group, const nf_result *r) {
  for (size_t i = 0; i < def->nmembers; i++) {
    if (def->members[i].kind != NF_MEMBER_MENTIONS) continue;
    json_t *list = json_object_get(group, def->members[i].key);
    if (json_array_append_new(list, span(r->start, r->end))) return NF_ERR_NOMEM;
  }
  return NF_OK;
}

static int recorded(const nf_result *r) { return !(r->flags & NF_RESULT_HIDDEN); }

/* The record key of one result type. */
static nf_status set_type(nf_record *rec, nf_type t, const nf_result_type_v1 *def) {
  const nf_analysis *a = rec->analysis;
  size_t cursor = 0;
  const nf_result *r;
  if (def->layout == NF_LAYOUT_VALUE || def->layout == NF_LAYOUT_OBJECT) {
    while ((r = nf_analysis_next(a, t, 0, UINT32_MAX, &cursor)) && !recorded(r)) {
    }
    json_t *v = !r                               ? json_null()
                : def->layout == NF_LAYOUT_VALUE ? str_or_null(r->value)
                                                 : object_of(rec, def, r);
    return set(rec->json, def->record_key, v);
  }
  json_t *list = json_array();
  json_t *groups = def->layout == NF_LAYOUT_GROUPS ? json_object() : NULL;
  nf_status s = set(rec->json, def->record_key, list);
  if (s == NF_OK && def->layout == NF_LAYOUT_GROUPS && !groups) s = NF_ERR_NOMEM;
  while (s == NF_OK && (r = nf_analysis_next(a, t, 0, UINT32_MAX, &cursor))) {
    if (!recorded(r)) continue;
    json_t *item = NULL;
    if (def->layout == NF_LAYOUT_VALUES) {
      item = str_or_null(r->value);
    } else if (def->layout == NF_LAYOUT_OBJECTS) {
      item = object_of(rec, def, r);
    } else { /* groups, by value */
      const char *key = r->value ? r->value : "";
      json_t *group = json_object_get(groups, key);
      if (!group) {
        item = group = object_of(rec, def, r);
        if (group && json_object_set(groups, key, group)) s = NF_ERR_NOMEM;
      }
      if (group && s == NF_OK) s = add_mention(def, group, r);
      if (!group) s = NF_ERR_PARSE;
      if (!item || s != NF_OK) continue;
    }
    if (s == NF_OK && (!item || json_array_append_new(list, item))) s = NF_ERR_PARSE;
  }
  json_decref(groups);
  return s;
}

static nf_status set_results(nf_record *rec, const nf_pipeline *p, nf_error *err) {
  const nf_registry *reg = nf_pipeline_registry(p);
  for (nf_type t = 1; t <= nf_registry_type_count(reg); t++) {
    const nf_result_type_v1 *def = nf_registry_type_def(reg, t);
    if (def->layout == NF_LAYOUT_NONE || !nf_pipeline_provides(p, t)) continue;
    nf_status s = set_type(rec, t, def);
    if (s == NF_ERR_PARSE)
      return nf_error_set(err, s, "the results of type '%s' are not valid UTF-8", def->name);
    if (s != NF_OK) return nf_error_set(err, s, "out of memory");
  }
  return NF_OK;
}

/* ---- extraction ----------------------------------------------------------------- */

/* The date the text gives, when the metadata has none. */
static void settle_date(nf_record *rec) {
  rec->has_date = nf_analysis_date(rec->analysis, &rec->date);
  const nf_result *r = rec->has_date ? NULL : nf_analysis_first(rec->analysis, NF_TYPE_DATE);
  if (r && r->value && nf_date_parse_iso(r->value, strlen(r->value), &rec->date, NULL) == NF_OK)
    rec->has_date = 1;
}

nf_status nf_record_extract(nf_record *rec, const nf_pipeline *p, nf_analysis *a,
                            const nf_article *article, nf_error *err) {
  json_object_clear(rec->json);
  rec->article = article;
  rec->analysis = a;
  rec->has_date = 0;
  if (!article->id.p || article->id.n == 0)
    return nf_error_set(err, NF_ERR_PARSE, "the article has no id");
  if (article->id.n > NF_RECORD_MAX_ID)
    return nf_error_set(err, NF_ERR_PARSE, "the id is longer than %d bytes", NF_RECORD_MAX_ID);
  if (!article->text.p) return nf_error_set(err, NF_ERR_PARSE, "the article has no text");
  nf_status s = nf_pipeline_run(p, a, article, err);
  if (s != NF_OK) return s;
  settle_date(rec);
  s = set_metadata(rec, err);
  if (s == NF_OK) s = set_results(rec, p, err);
  return s;
}

const nf_article *nf_record_article(const nf_record *rec) { return rec->article; }

const char *nf_record_id(const nf_record *rec, size_t *n) {
  if (n) *n = rec->article->id.n;
  return rec->article->id.p;
}

const char *nf_record_text(const nf_record *rec, size_t *n) {
  if (n) *n = rec->article->text.n;
  return rec->article->text.p;
}

int nf_record_date(const nf_record *rec, nf_date *out) {
  if (rec->has_date && out) *out = rec->date;
  return rec->has_date;
}

/* The record with its text appended (without copying the object) into b, in
 * the layout *layout asks at most (stored.h); *layout is the one written,
 * *whole_len (may be NULL) the bytes of layout 1. */
static nf_status with_text(const nf_record *rec, const char *lines, size_t nlines, nf_buf *b,
                           int *layout, size_t *whole_len, nf_error *err) {
  size_t n;
  const char *text = nf_record_text(rec, &n);
  if (nf_utf8_validate(text, n, NULL) != NF_OK)
    return nf_error_set(err, NF_ERR_PARSE, "the text is not valid UTF-8");
  if (nf_stored_write(b, rec->json, text, n, lines, nlines, layout, whole_len) != NF_OK)
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  return NF_OK;
}

nf_status nf_record_stored_json(const nf_record *rec, const char *lines, size_t nlines, nf_buf *b,
                                int *layout, size_t *json_len, nf_error *err) {
  *layout = NF_STORED_LAYOUT;
  nf_status s = with_text(rec, lines, nlines, b, layout, json_len, err);
  if (s != NF_OK || !json_len || !json_object_get(rec->json, "text")) return s;
  /* a type's own "text" key: nf_record_to_json writes the record another
   * way (the article's text in its place), so measure what it writes */
  char *json;
  if ((s = nf_record_to_json(rec, NF_RECORD_JSON_TEXT, &json, err)) != NF_OK) return s;
  *json_len = strlen(json);
  free(json);
  return NF_OK;
}

/* The compact JSON, text appended (flags & NF_RECORD_JSON_TEXT) without
 * copying the object: what every article indexed makes. */
static nf_status compact_json(const nf_record *rec, unsigned flags, char **out, nf_error *err) {
  nf_buf b = NF_BUF_INIT;
  int layout = 1; /* whole */
  nf_status s = (flags & NF_RECORD_JSON_TEXT) ? with_text(rec, "", 0, &b, &layout, NULL, err)
                                              : nf_json_write(&b, rec->json);
  if (s == NF_OK) s = nf_buf_append_char(&b, '\0');
  if (s != NF_OK) {
    nf_buf_free(&b);
    return s == NF_ERR_NOMEM ? nf_error_set(err, s, "out of memory") : s;
  }
  *out = b.data;
  return NF_OK;
}

nf_status nf_record_to_json(const nf_record *rec, unsigned flags, char **out, nf_error *err) {
  *out = NULL;
  if (!(flags & NF_RECORD_JSON_PRETTY) && !json_object_get(rec->json, "text"))
    return compact_json(rec, flags, out, err);
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

/* ---- field values --------------------------------------------------------------- */

/* The values already given for a field: each once (an open-addressing set).
 * Its first slots are on the stack, as a field has a few values an article
 * at most: no allocation for each of the schema's fields per article. */
#define SEEN_INLINE 32
typedef struct seen_set {
  const char **p;
  size_t *n;
  size_t cap, count;
  const char *inline_p[SEEN_INLINE];
  size_t inline_n[SEEN_INLINE];
} seen_set;

static void seen_init(seen_set *s) {
  memset(s->inline_p, 0, sizeof s->inline_p);
  s->p = s->inline_p;
  s->n = s->inline_n;
  s->cap = SEEN_INLINE;
  s->count = 0;
}

static void seen_free(seen_set *s) {
  if (s->p == s->inline_p) return;
  free(s->p);
  free(s->n);
}

static uint64_t hash_bytes(const char *p, size_t n) {
  uint64_t h = 1469598103934665603u; /* FNV-1a */
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 1099511628211u;
  return h;
}

/* 1 when (p, n) is new (and now remembered), 0 when seen, -1 out of memory. */
static int seen_add(seen_set *s, const char *p, size_t n) {
  if (2 * (s->count + 1) > s->cap) {
    size_t cap = s->cap ? 2 * s->cap : 16;
    const char **np = calloc(cap, sizeof *np);
    size_t *nn = calloc(cap, sizeof *nn);
    if (!np || !nn) {
      free(np);
      free(nn);
      return -1;
    }
    for (size_t i = 0; i < s->cap; i++) {
      if (!s->p[i]) continue;
      size_t k = hash_bytes(s->p[i], s->n[i]) & (cap - 1);
      while (np[k]) k = (k + 1) & (cap - 1);
      np[k] = s->p[i];
      nn[k] = s->n[i];
    }
    seen_free(s);
    s->p = np;
    s->n = nn;
    s->cap = cap;
  }
  size_t k = hash_bytes(p, n) & (s->cap - 1);
  for (; s->p[k]; k = (k + 1) & (s->cap - 1))
    if (s->n[k] == n && memcmp(s->p[k], p, n) == 0) return 0;
  s->p[k] = p;
  s->n[k] = n;
  s->count++;
  return 1;
}

static nf_status give(seen_set *seen, const char *p, size_t n, nf_value_fn fn, void *ctx) {
  if (!p || n == 0) return NF_OK;
  int fresh = seen_add(seen, p, n);
  if (fresh < 0) return NF_ERR_NOMEM;
  return fresh ? fn(ctx, p, n) : NF_OK;
}

static nf_status meta_value(const nf_record *rec, nf_meta meta, seen_set *seen, nf_value_fn fn,
                            void *ctx, char *buf) {
  const nf_article *a = rec->article;
  switch (meta) {
    case NF_META_ID:
      return give(seen, a->id.p, a->id.n, fn, ctx);
    case NF_META_TEXT:
      return give(seen, a->text.p, a->text.n, fn, ctx);
    case NF_META_HEADLINE:
      return give(seen, a->headline.p, a->headline.n, fn, ctx);
    case NF_META_URL:
      return give(seen, a->url.p, a->url.n, fn, ctx);
    case NF_META_SOURCE:
      return give(seen, a->source.p, a->source.n, fn, ctx);
    case NF_META_DATE:
    case NF_META_YEAR:
      if (!rec->has_date) return NF_OK;
      nf_date_compact(&rec->date, buf);
      return give(seen, buf, meta == NF_META_DATE ? 8 : 4, fn, ctx);
    case NF_META_SIMILAR: {
      char key[NF_SIMILAR_KEY_LEN + 1];
      if (!nf_similar_key(nf_analysis_text(rec->analysis), key)) return NF_OK;
      return fn(ctx, key, NF_SIMILAR_KEY_LEN); /* on the stack: no need to dedupe */
    }
    case NF_META_NONE:
      break;
  }
  return NF_OK;
}

nf_status nf_record_values(const nf_record *rec, const nf_field *field, nf_value_fn fn, void *ctx) {
  seen_set seen;
  seen_init(&seen);
  char date[2][9];
  nf_status s = NF_OK;
  for (size_t i = 0; s == NF_OK && i < field->nsources; i++) {
    const nf_field_source *src = &field->sources[i];
    if (src->meta != NF_META_NONE) {
      s = meta_value(rec, src->meta, &seen, fn, ctx, date[src->meta == NF_META_YEAR]);
      continue;
    }
    size_t cursor = 0;
    const nf_result *r;
    while (s == NF_OK && (r = nf_analysis_next(rec->analysis, src->type, 0, UINT32_MAX, &cursor))) {
      if (r->flags & (NF_RESULT_HIDDEN | NF_RESULT_UNINDEXED)) continue;
      const char *v = src->attr ? nf_result_attr(r, src->attr) : r->value;
      if (v) s = give(&seen, v, strlen(v), fn, ctx);
    }
  }
  seen_free(&seen);
  return s;
}

nf_status nf_record_check_limits(const nf_record *rec, const nf_schema *schema, const char *json,
                                 nf_error *err) {
  return nf_record_check_size(rec, schema, json ? strlen(json) : 0, err);
}

nf_status nf_record_check_size(const nf_record *rec, const nf_schema *schema, size_t bytes,
                               nf_error *err) {
  size_t quotes = rec->analysis ? nf_analysis_count_of(rec->analysis, NF_TYPE_QUOTE) : 0;
  size_t max_quotes = nf_schema_limit(schema, NF_LIMIT_QUOTES);
  if (quotes > max_quotes)
    return nf_error_set(err, NF_ERR_LIMIT,
                        "the article has %zu quotations, more than %zu, the quotation limit "
                        "(max_quotes in the schema, --max-quotes)",
                        quotes, max_quotes);
  size_t max_bytes = nf_schema_limit(schema, NF_LIMIT_RECORD_BYTES);
  if (bytes > max_bytes)
    return nf_error_set(err, NF_ERR_LIMIT,
                        "the record is %zu bytes as JSON, more than %zu, the record limit "
                        "(max_record_bytes in the schema, --max-record-bytes)",
                        bytes, max_bytes);
  return NF_OK;
}
