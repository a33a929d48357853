/* The record as the index stores it (layout 2, stored.h): what a reader puts
 * back exactly is left out, so the index is smaller and reads the same. */
#include "stored.h"

#include <stdlib.h>
#include <string.h>

#include "json_write.h"

/* How a key of the record is stored, and what its absence means. */
typedef enum {
  K_VALUE,    /* any value; absent: its Omega line's value when it has one, else null */
  K_OPTIONAL, /* any value, never left out; absent: absent ("meta") */
  K_LIST,     /* an array; absent: the list it is derived from, else [] */
  K_OBJECT,   /* an object of the members, or null; absent: null */
  K_OBJECTS   /* an array of objects of the members; absent: [] */
} key_shape;

/* A list that is the distinct values of one member of another key's
 * objects, those whose kind member is (or is not) a value: the speakers are
 * the quotations' speakers of kind "person", the bodies the others'. */
typedef struct derived_list {
  const char *objects, *member, *kind, *kind_value;
  int same_kind; /* 1: the kind is kind_value; 0: it is not */
} derived_list;

static const derived_list speakers_of_quotes = {"quotes", "speaker", "speaker_kind", "person", 1};
static const derived_list bodies_of_quotes = {"quotes", "speaker", "speaker_kind", "person", 0};

typedef struct stored_key {
  const char *key;
  key_shape shape;
  const char *line;            /* K_VALUE: the Omega line that has the same value, or NULL */
  const derived_list *derived; /* K_LIST: what it is made of, or NULL */
  const char *const *members;  /* K_OBJECT, K_OBJECTS: every member, in order */
  size_t nmembers;
  int text, span; /* the member that is the text under the span member, or -1 */
} stored_key;

/* Layout 2, fixed: the record's metadata, then the built-in result types in
 * the order of their ids with their members (plugin/registry/types.c).  Not
 * read from the registry, so that what an index holds reads the same
 * whatever later versions change there: a record that does not have this
 * shape is stored whole (layout 1). */
static const char *const country_members[] = {"code", "name", "mentions"};
static const char *const dateline_members[] = {"place", "written", "region", "country",
                                               "date",  "agency",  "span"};
static const char *const byline_members[] = {"name", "org", "role", "span", "source"};
static const char *const credit_members[] = {"name", "org", "span"};
static const char *const official_members[] = {"person", "title", "country", "org", "span"};
static const char *const quote_members[] = {"speaker", "speaker_span", "speaker_kind",
                                            "cue",     "content",      "content_span"};

#define MEMBERS(m) (m), sizeof(m) / sizeof((m)[0])

static const stored_key layout2[] = {
    {"id", K_VALUE, NULL, NULL, NULL, 0, -1, -1},
    {"headline", K_VALUE, "caption", NULL, NULL, 0, -1, -1},
    {"date", K_VALUE, "date", NULL, NULL, 0, -1, -1},
    {"url", K_VALUE, "url", NULL, NULL, 0, -1, -1},
    {"source", K_VALUE, NULL, NULL, NULL, 0, -1, -1},
    {"meta", K_OPTIONAL, NULL, NULL, NULL, 0, -1, -1},
    {"countries", K_OBJECTS, NULL, NULL, MEMBERS(country_members), -1, -1},
    {"dateline", K_OBJECT, NULL, NULL, MEMBERS(dateline_members), -1, -1},
    {"byline", K_OBJECTS, NULL, NULL, MEMBERS(byline_members), -1, -1},
    {"credits", K_OBJECTS, NULL, NULL, MEMBERS(credit_members), -1, -1},
    {"agency", K_VALUE, NULL, NULL, NULL, 0, -1, -1},
    {"officials", K_OBJECTS, NULL, NULL, MEMBERS(official_members), -1, -1},
    {"quotes", K_OBJECTS, NULL, NULL, MEMBERS(quote_members), 4, 5},
    {"speakers", K_LIST, NULL, &speakers_of_quotes, NULL, 0, -1, -1},
    {"bodies", K_LIST, NULL, &bodies_of_quotes, NULL, 0, -1, -1},
};
#define NKEYS (sizeof layout2 / sizeof layout2[0])

static const stored_key *layout_key(const char *key) {
  for (size_t i = 0; i < NKEYS; i++)
    if (strcmp(layout2[i].key, key) == 0) return &layout2[i];
  return NULL;
}

/* ---- the shape -------------------------------------------------------------------- */

static int object_fits(const json_t *o, const stored_key *k) {
  if (!json_is_object(o) || json_object_size(o) != k->nmembers) return 0;
  size_t i = 0;
  const char *key;
  json_t *v;
  json_object_foreach((json_t *)o, key, v) {
    if (strcmp(key, k->members[i++]) != 0) return 0;
  }
  return 1;
}

static int value_fits(const json_t *v, const stored_key *k) {
  switch (k->shape) {
    case K_VALUE:
    case K_OPTIONAL:
      return 1;
    case K_LIST:
      return json_is_array(v);
    case K_OBJECT:
      return json_is_null(v) || object_fits(v, k);
    case K_OBJECTS:
      if (!json_is_array(v)) return 0;
      for (size_t i = 0; i < json_array_size(v); i++)
        if (!object_fits(json_array_get(v, i), k)) return 0;
      return 1;
  }
  return 0;
}

/* Whether the record has layout 2's keys in its order (meta may be missing),
 * each of its shape, and only then other keys (a plug-in's types). */
static int record_fits(const json_t *rec) {
  if (json_object_get(rec, "text")) return 0; /* the text is the writer's to add */
  size_t next = 0;
  const char *key;
  json_t *v;
  json_object_foreach((json_t *)rec, key, v) {
    size_t j = next;
    while (j < NKEYS && strcmp(layout2[j].key, key) != 0) j++;
    for (size_t i = next; i < j; i++)
      if (layout2[i].shape != K_OPTIONAL) return 0; /* missing, or out of order */
    if (j < NKEYS && !value_fits(v, &layout2[j])) return 0;
    next = j < NKEYS ? j + 1 : NKEYS;
  }
  for (size_t i = next; i < NKEYS; i++)
    if (layout2[i].shape != K_OPTIONAL) return 0;
  return 1;
}

/* ---- what is left out --------------------------------------------------------------- */

/* The span [*s, *e) a span member gives within a text of n bytes: 1, else 0. */
static int span_in_text(const json_t *span, size_t n, size_t *s, size_t *e) {
  if (!json_is_array(span) || json_array_size(span) != 2) return 0;
  const json_t *a = json_array_get(span, 0), *b = json_array_get(span, 1);
  if (!json_is_integer(a) || !json_is_integer(b)) return 0;
  json_int_t x = json_integer_value(a), y = json_integer_value(b);
  if (x < 0 || y < x || (unsigned long long)y > n) return 0;
  *s = (size_t)x;
  *e = (size_t)y;
  return 1;
}

/* Whether member i of object o is what a reader puts back when it is
 * absent: the text under the span for the text member (as record.c writes
 * it: null when the span is not within the text), else null. */
static int member_is_default(const json_t *o, const stored_key *k, size_t i, const json_t *v,
                             const char *text, size_t n) {
  size_t s, e;
  if ((int)i != k->text || !span_in_text(json_object_get(o, k->members[k->span]), n, &s, &e))
    return json_is_null(v);
  return json_is_string(v) && json_string_length(v) == e - s &&
         memcmp(json_string_value(v), text + s, e - s) == 0;
}

/* The value of the line `name=value` among Omega's lines (each after a
 * '\n'): 1 and *v, *vn set, else 0. */
static int line_value(const char *lines, size_t n, const char *name, const char **v, size_t *vn) {
  size_t len = strlen(name);
  for (const char *p = lines, *end = lines + n; p && p < end;) {
    p = memchr(p, '\n', (size_t)(end - p));
    if (!p) break;
    p++;
    if ((size_t)(end - p) > len && memcmp(p, name, len) == 0 && p[len] == '=') {
      const char *start = p + len + 1, *stop = memchr(start, '\n', (size_t)(end - start));
      *v = start;
      *vn = (size_t)((stop ? stop : end) - start);
      return 1;
    }
  }
  return 0;
}

/* The distinct values of a derived list (see derived_list) in record: a
 * new reference, NULL when out of memory. */
static json_t *derived_values(const derived_list *d, const json_t *record) {
  const json_t *objects = json_object_get(record, d->objects);
  json_t *list = json_array();
  for (size_t i = 0; list && i < json_array_size(objects); i++) {
    const json_t *o = json_array_get(objects, i);
    json_t *v = json_object_get(o, d->member), *kind = json_object_get(o, d->kind);
    int same = json_is_string(kind) && strcmp(json_string_value(kind), d->kind_value) == 0;
    if (!json_is_string(v) || !json_string_length(v) || same != d->same_kind) continue;
    int seen = 0;
    for (size_t k = 0; !seen && k < json_array_size(list); k++)
      seen = json_equal(json_array_get(list, k), v);
    if (!seen && json_array_append(list, v)) {
      json_decref(list);
      return NULL;
    }
  }
  return list;
}

/* What a reader puts back for a key absent from layout 2, record being the
 * record with the keys before it: the value of its Omega line when the data
 * has the line, the list it is derived from, else null or [].  A new
 * reference, NULL when out of memory. */
static json_t *default_of(const stored_key *k, const json_t *record, const char *lines, size_t n) {
  const char *lv;
  size_t ln;
  json_t *v = k->line && line_value(lines, n, k->line, &lv, &ln) ? json_stringn(lv, ln) : NULL;
  if (v) return v;
  if (k->derived) return derived_values(k->derived, record);
  return k->shape == K_LIST || k->shape == K_OBJECTS ? json_array() : json_null();
}

/* Whether a key is what a reader puts back when it is absent. */
static int key_is_default(const stored_key *k, const json_t *v, const json_t *record,
                          const char *lines, size_t n) {
  if (k->shape == K_OPTIONAL) return 0;
  json_t *d = default_of(k, record, lines, n);
  int same = d && json_equal(v, d);
  json_decref(d);
  return same;
}

/* ---- writing ------------------------------------------------------------------------ */

static nf_status write_key(nf_buf *b, const char *key, int *first) {
  nf_status s = *first ? NF_OK : nf_buf_append_char(b, ',');
  *first = 0;
  if (s == NF_OK) s = nf_json_write_string(b, key, strlen(key));
  return s == NF_OK ? nf_buf_append_char(b, ':') : s;
}

/* What layout 2 leaves out of a key or member ("key":value) is added to
 * *left_out, the bytes layout 1 has more: nf_stored_write gives the size of
 * the record whole without writing it twice. */
static size_t member_length(const char *key, const json_t *v) {
  return nf_json_string_length(key, strlen(key)) + 1 + nf_json_length(v);
}

static nf_status write_object(nf_buf *b, const json_t *o, const stored_key *k, const char *text,
                              size_t n, size_t *left_out) {
  nf_status s = nf_buf_append_char(b, '{');
  int first = 1;
  size_t i = 0, written = 0;
  const char *key;
  json_t *v;
  json_object_foreach((json_t *)o, key, v) {
    if (s == NF_OK && !member_is_default(o, k, i, v, text, n)) {
      s = write_key(b, key, &first);
      if (s == NF_OK) s = nf_json_write(b, v);
      written++;
    } else {
      *left_out += member_length(key, v);
    }
    i++;
  }
  /* the commas between members: i - 1 whole, written - 1 here */
  if (i) *left_out += (i - 1) - (written ? written - 1 : 0);
  return s == NF_OK ? nf_buf_append_char(b, '}') : s;
}

static nf_status write_value(nf_buf *b, const json_t *v, const stored_key *k, const char *text,
                             size_t n, size_t *left_out) {
  if (k && k->shape == K_OBJECT && json_is_object(v))
    return write_object(b, v, k, text, n, left_out);
  if (!k || k->shape != K_OBJECTS) return nf_json_write(b, v);
  nf_status s = nf_buf_append_char(b, '[');
  for (size_t i = 0; s == NF_OK && i < json_array_size(v); i++) {
    if (i) s = nf_buf_append_char(b, ',');
    if (s == NF_OK) s = write_object(b, json_array_get(v, i), k, text, n, left_out);
  }
  return s == NF_OK ? nf_buf_append_char(b, ']') : s;
}

nf_status nf_stored_write(nf_buf *b, const json_t *rec, const char *text, size_t n,
                          const char *lines, size_t nlines, int *layout, size_t *whole_len) {
  int compact = *layout >= 2 && record_fits(rec);
  *layout = compact ? 2 : 1;
  size_t start = b->len, left_out = 0;
  nf_status s = nf_buf_append_char(b, '{');
  int first = 1;
  const char *key;
  json_t *v;
  json_object_foreach((json_t *)rec, key, v) {
    const stored_key *k = compact ? layout_key(key) : NULL;
    if (s != NF_OK) continue;
    if (k && key_is_default(k, v, rec, lines, nlines)) {
      left_out += 1 + member_length(key, v); /* its comma: "text" always follows */
      continue;
    }
    s = write_key(b, key, &first);
    if (s == NF_OK) s = write_value(b, v, k, text, n, &left_out);
  }
  if (s == NF_OK) s = write_key(b, "text", &first);
  if (s == NF_OK) s = nf_json_write_string(b, text, n);
  if (s == NF_OK) s = nf_buf_append_char(b, '}');
  if (whole_len) *whole_len = b->len - start + left_out;
  return s;
}

/* ---- reading ------------------------------------------------------------------------ */

int nf_stored_layout(const char *data, size_t n) {
  static const char line[] = "\nnewsfields=";
  const char *nl = memchr(data, '\n', n);
  size_t at = nl ? (size_t)(nl - data) : n, len = sizeof line - 1;
  if (n - at <= len || memcmp(data + at, line, len) != 0) return 1;
  int layout = 0;
  for (at += len; at < n && data[at] >= '0' && data[at] <= '9' && layout < 1000; at++)
    layout = layout * 10 + (data[at] - '0');
  return layout ? layout : 1;
}

/* An object of layout 2 with its members put back: a new reference. */
static json_t *expand_object(json_t *stored, const stored_key *k, const char *text, size_t n) {
  if (!json_is_object(stored)) return json_incref(stored);
  json_t *o = json_object();
  for (size_t i = 0; o && i < k->nmembers; i++) {
    json_t *v = json_object_get(stored, k->members[i]);
    size_t s, e;
    if (v)
      v = json_incref(v);
    else if ((int)i == k->text &&
             span_in_text(json_object_get(stored, k->members[k->span]), n, &s, &e))
      v = json_stringn(text + s, e - s);
    else
      v = json_null();
    if (!v || json_object_set_new(o, k->members[i], v)) {
      json_decref(o);
      return NULL;
    }
  }
  return o;
}

static json_t *expand_value(json_t *v, const stored_key *k, const char *text, size_t n) {
  if (k->shape == K_OBJECT) return expand_object(v, k, text, n);
  if (k->shape != K_OBJECTS || !json_is_array(v)) return json_incref(v);
  json_t *list = json_array();
  for (size_t i = 0; list && i < json_array_size(v); i++)
    if (json_array_append_new(list, expand_object(json_array_get(v, i), k, text, n))) {
      json_decref(list);
      return NULL;
    }
  return list;
}

nf_status nf_stored_expand(json_t *record, const char *data, size_t dn) {
  if (!json_is_object(record)) return NF_ERR_INVALID;
  if (nf_stored_layout(data, dn) != NF_STORED_LAYOUT) return NF_OK;
  const char *nl = memchr(data, '\n', dn), *lines = nl ? nl : data + dn;
  size_t nlines = (size_t)(data + dn - lines);
  json_t *text = json_object_get(record, "text");
  const char *t = json_is_string(text) ? json_string_value(text) : "";
  size_t n = json_is_string(text) ? json_string_length(text) : 0;
  json_t *out = json_object();
  for (size_t i = 0; out && i < NKEYS; i++) {
    const stored_key *k = &layout2[i];
    json_t *v = json_object_get(record, k->key);
    if (!v && k->shape == K_OPTIONAL) continue;
    v = v ? expand_value(v, k, t, n) : default_of(k, out, lines, nlines);
    if (!v || json_object_set_new(out, k->key, v)) {
      json_decref(out);
      out = NULL;
    }
  }
  const char *key;
  json_t *v;
  json_object_foreach(record, key, v) {
    if (out && !layout_key(key) && json_object_set(out, key, v)) {
      json_decref(out);
      out = NULL;
    }
  }
  nf_status s = out && json_object_clear(record) == 0 && json_object_update(record, out) == 0
                    ? NF_OK
                    : NF_ERR_NOMEM;
  json_decref(out);
  return s;
}

nf_status nf_stored_record_line(const char *data, size_t n, char **out, size_t *len) {
  *out = NULL;
  *len = 0;
  const char *nl = memchr(data, '\n', n);
  size_t line = nl ? (size_t)(nl - data) : n;
  if (nf_stored_layout(data, n) != NF_STORED_LAYOUT) {
    if (!(*out = malloc(line + 1))) return NF_ERR_NOMEM;
    memcpy(*out, data, line);
    (*out)[line] = '\0';
    *len = line;
    return NF_OK;
  }
  json_t *rec = json_loadb(data, line, JSON_ALLOW_NUL, NULL);
  nf_status s = !json_is_object(rec) ? NF_ERR_DB_CORRUPT : nf_stored_expand(rec, data, n);
  nf_buf b = NF_BUF_INIT;
  if (s == NF_OK) s = nf_json_write(&b, rec);
  json_decref(rec);
  if (s != NF_OK) {
    nf_buf_free(&b);
    return s;
  }
  *out = b.data;
  *len = b.len;
  return NF_OK;
}
