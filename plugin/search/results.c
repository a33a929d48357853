/* Search results: hits read from the documents' data, facet values, JSON. */
#include "results_internal.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buffer.h"
#include "fields/keys.h"
#include "record/stored.h"

/* Markers Xapian puts around matched words; control characters that
 * indexed text never needs, removed from the text before snippeting. */
#define MARK_OPEN "\x01"
#define MARK_CLOSE "\x02"

/* A hit's "fields" are a summary of the record, bounded whatever the
 * article's size: a list at most this many entries (a 6 MB article names
 * thousands of countries, each mention a span)... */
#define NF_HIT_MAX_LIST 20
/* ... a list inside an entry (a country's mentions) this many ... */
#define NF_HIT_MAX_INNER 10
/* ... and a string (a quotation) this many bytes. */
#define NF_HIT_MAX_STRING 2000
/* Bytes of a snippet unless the options say. */
#define NF_DEFAULT_SNIPPET 200

typedef struct facet {
  const char *name;
  nf_facet_value *values;
  size_t size;
  char **strings; /* owned values and labels */
  size_t nstrings;
} facet;

/* One hit: what callers see, and the strings it points to, owned here. */
typedef struct hit_store {
  nf_hit pub;
  char *id, *date, *headline, *snippet, *record, *similar_key;
  nf_mark *marks;
  json_t *fields;  /* the record's summary: less its text, id, headline and date, lists bounded */
  json_t *omitted; /* what the summary left out: {"path": entries}, or NULL when nothing */
  json_t *parsed;  /* the record as parsed from the data, once: what record is the JSON of */
} hit_store;

/* One suggestion: what callers see, and its strings, owned here. */
typedef struct suggestion_store {
  nf_suggestion pub;
  char *field, *queried, *value, *label;
} suggestion_store;

struct nf_results {
  char *query;
  unsigned long total;
  unsigned long groups;
  const char *collapse; /* the collapse field's name (the schema's), or NULL */
  unsigned offset;
  hit_store *hits;
  size_t nhits;
  facet *facets;
  size_t nfacets;
  int has_histogram;
  int by_day; /* the histogram counts days */
  nf_month_count *months;
  size_t nmonths;
  suggestion_store *suggestions;
  size_t nsuggestions;
};

nf_status nf_results_new(const char *query, size_t n, unsigned offset, size_t nfacets,
                         nf_results **out, nf_error *err) {
  *out = NULL;
  nf_results *r = calloc(1, sizeof *r);
  if (r) r->facets = calloc(nfacets ? nfacets : 1, sizeof *r->facets);
  if (r && r->facets) r->query = malloc(n + 1);
  if (!r || !r->facets || !r->query) {
    nf_results_free(r);
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  }
  memcpy(r->query, query, n);
  r->query[n] = '\0';
  r->offset = offset;
  r->nfacets = nfacets;
  *out = r;
  return NF_OK;
}

static void hit_free(hit_store *h) {
  free(h->id);
  free(h->date);
  free(h->headline);
  free(h->snippet);
  free(h->marks);
  free(h->record);
  free(h->similar_key);
  json_decref(h->fields);
  json_decref(h->omitted);
  json_decref(h->parsed);
}

static void suggestion_free(suggestion_store *sg) {
  free(sg->field);
  free(sg->queried);
  free(sg->value);
  free(sg->label);
}

void nf_results_free(nf_results *r) {
  if (!r) return;
  for (size_t i = 0; i < r->nhits; i++) hit_free(&r->hits[i]);
  free(r->hits);
  for (size_t f = 0; f < r->nfacets; f++) {
    for (size_t i = 0; i < r->facets[f].nstrings; i++) free(r->facets[f].strings[i]);
    free(r->facets[f].strings);
    free(r->facets[f].values);
  }
  free(r->facets);
  free(r->months);
  for (size_t i = 0; i < r->nsuggestions; i++) suggestion_free(&r->suggestions[i]);
  free(r->suggestions);
  free(r->query);
  free(r);
}

static char *dup_json_string(json_t *obj, const char *key) {
  json_t *v = json_object_get(obj, key);
  if (!json_is_string(v)) return NULL;
  return strndup(json_string_value(v), json_string_length(v));
}

/* Splits a snippet with markers into plain text (white space runs made one
 * space) and the spans of the marks. */
static nf_status unmark(const char *marked, hit_store *h) {
  size_t n = strlen(marked), nmarks = 0;
  for (size_t i = 0; i < n; i++) nmarks += marked[i] == MARK_OPEN[0];
  char *plain = malloc(n + 1);
  nf_mark *marks = calloc(nmarks ? nmarks : 1, sizeof *marks);
  if (!plain || !marks) {
    free(plain);
    free(marks);
    return NF_ERR_NOMEM;
  }
  size_t len = 0, k = 0;
  for (size_t i = 0; i < n; i++) {
    char c = marked[i];
    if (c == MARK_OPEN[0] && k < nmarks) {
      marks[k].start = len;
    } else if (c == MARK_CLOSE[0] && k < nmarks) {
      marks[k++].end = len;
    } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      /* paragraphs and line breaks of the text read as one line */
      if (len && plain[len - 1] != ' ') plain[len++] = ' ';
    } else {
      plain[len++] = c;
    }
  }
  plain[len] = '\0';
  h->snippet = plain;
  h->marks = marks;
  h->pub.nmarks = k;
  return NF_OK;
}

/* Text with the marker characters taken out, so they cannot be confused. */
static char *clean_text(const char *p, size_t n) {
  char *t = malloc(n + 1);
  if (!t) return NULL;
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (p[i] != MARK_OPEN[0] && p[i] != MARK_CLOSE[0]) t[k++] = p[i];
  t[k] = '\0';
  return t;
}

/* Counts what a summary leaves out under a path ("countries.mentions"). */
static void count_omitted(json_t **omitted, const char *path, size_t n) {
  if (!*omitted) *omitted = json_object();
  json_t *was = json_object_get(*omitted, path);
  json_int_t before = json_is_integer(was) ? json_integer_value(was) : 0;
  json_object_set_new(*omitted, path, json_integer(before + (json_int_t)n));
}

/* A value of the record bounded: lists at the top at most NF_HIT_MAX_LIST
 * entries, lists inside them at most NF_HIT_MAX_INNER, strings at most
 * NF_HIT_MAX_STRING bytes (cut at a UTF-8 boundary, "..." after).  What is
 * left out is counted in *omitted under the value's path.  A new
 * reference, NULL when out of memory. */
static json_t *summary(json_t *v, const char *path, int depth, json_t **omitted) {
  if (json_is_array(v)) {
    size_t n = json_array_size(v), max = depth == 0 ? NF_HIT_MAX_LIST : NF_HIT_MAX_INNER;
    size_t keep = n > max ? max : n;
    if (keep < n) count_omitted(omitted, path, n - keep);
    json_t *out = json_array();
    for (size_t i = 0; out && i < keep; i++)
      if (json_array_append_new(out, summary(json_array_get(v, i), path, depth + 1, omitted))) {
        json_decref(out);
        return NULL;
      }
    return out;
  }
  if (json_is_object(v)) {
    json_t *out = json_object();
    const char *key;
    json_t *member;
    json_object_foreach(v, key, member) {
      char sub[256];
      snprintf(sub, sizeof sub, "%s%s%s", path, *path ? "." : "", key);
      if (!out || json_object_set_new(out, key, summary(member, sub, depth, omitted))) {
        json_decref(out);
        return NULL;
      }
    }
    return out;
  }
  if (json_is_string(v) && json_string_length(v) > NF_HIT_MAX_STRING) {
    const char *p = json_string_value(v);
    size_t n = NF_HIT_MAX_STRING;
    while (n && ((unsigned char)p[n] & 0xC0) == 0x80) n--;
    char *cut = malloc(n + 4);
    if (!cut) return NULL;
    memcpy(cut, p, n);
    memcpy(cut + n, "...", 4);
    json_t *out = json_string(cut);
    free(cut);
    return out;
  }
  return json_incref(v);
}

static nf_status fill_hit(hit_store *h, const nf_xmset *m, size_t i, const nf_search_options *opts,
                          nf_error *err) {
  size_t snippet_length = opts->snippet_length ? opts->snippet_length : NF_DEFAULT_SNIPPET;
  h->pub.rank = nf_xmset_rank(m, i) + 1;
  h->pub.score = nf_xmset_weight(m, i);
  h->pub.percent = nf_xmset_percent(m, i);
  char *data;
  size_t n;
  nf_status s = nf_xmset_data(m, i, &data, &n, err);
  if (s != NF_OK) return s;
  json_error_t jerr;
  /* the record is the data's first line; Omega's lines follow it */
  json_t *doc = json_loadb(data, n, JSON_DISABLE_EOF_CHECK, &jerr);
  /* what the index's layout left out, put back: the record reads as it was */
  if (json_is_object(doc) && nf_stored_expand(doc, data, n) != NF_OK) s = NF_ERR_NOMEM;
  free(data);
  if (s != NF_OK) {
    json_decref(doc);
    return nf_error_set(err, s, "out of memory");
  }
  if (!json_is_object(doc)) {
    json_decref(doc);
    return nf_error_set(err, NF_ERR_DB_CORRUPT,
                        "document %u has no newsfields record (not indexed by newsfields?)",
                        nf_xmset_docid(m, i));
  }
  h->id = dup_json_string(doc, "id");
  h->date = dup_json_string(doc, "date");
  h->headline = dup_json_string(doc, "headline");
  json_t *text = json_object_get(doc, "text");
  char *marked = NULL;
  if (json_is_string(text) && !opts->no_snippet) {
    char *clean = clean_text(json_string_value(text), json_string_length(text));
    if (!clean) s = NF_ERR_NOMEM;
    if (s == NF_OK)
      s = nf_xmset_snippet(m, clean, strlen(clean), snippet_length, MARK_OPEN, MARK_CLOSE, &marked,
                           err);
    free(clean);
  }
  if (s == NF_OK) s = unmark(marked ? marked : "", h);
  free(marked);
  if (!opts->with_text) json_object_del(doc, "text");
  if (s == NF_OK) h->record = json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER);
  /* kept for the export, which reads the record's keys: not parsed again
   * (a shallow copy: the summary below drops keys of doc, not of it) */
  if (s == NF_OK && !(h->parsed = json_copy(doc))) s = NF_ERR_NOMEM;
  json_object_del(doc, "text");
  /* what the hit shows on its own is not repeated under "fields"; the
   * rest is summarised (the whole record is nf_searcher_document's) */
  if (s == NF_OK) {
    json_object_del(doc, "id");
    json_object_del(doc, "headline");
    json_object_del(doc, "date");
    h->fields = summary(doc, "", 0, &h->omitted);
  }
  json_decref(doc);
  if (s == NF_OK && (!h->id || !h->record || !h->fields)) s = NF_ERR_NOMEM;
  if (s == NF_ERR_NOMEM) nf_error_set(err, s, "out of memory");
  if (s == NF_OK) {
    char *key = NULL;
    s = nf_xmset_collapse_key(m, i, &key, err);
    if (s == NF_OK && *key)
      h->similar_key = key;
    else
      free(key);
  }
  h->pub = (nf_hit){.rank = h->pub.rank,
                    .score = h->pub.score,
                    .percent = h->pub.percent,
                    .id = h->id,
                    .date = h->date,
                    .headline = h->headline,
                    .snippet = h->snippet,
                    .marks = h->marks,
                    .nmarks = h->pub.nmarks,
                    .record = h->record,
                    .similar = nf_xmset_collapse_count(m, i),
                    .similar_key = h->similar_key};
  return s;
}

nf_status nf_results_fill_hits(nf_results *r, const nf_xmset *m, const nf_search_options *opts,
                               const char *collapse, nf_error *err) {
  r->total = nf_xmset_total(m);
  r->groups = nf_xmset_groups(m);
  r->collapse = collapse;
  size_t n = nf_xmset_size(m);
  r->hits = calloc(n ? n : 1, sizeof *r->hits);
  if (!r->hits) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  for (size_t i = 0; i < n; i++) {
    r->nhits = i + 1;
    nf_status s = fill_hit(&r->hits[i], m, i, opts, err);
    if (s != NF_OK) return s;
  }
  return NF_OK;
}

static char *keep(facet *f, char *s) {
  if (s) f->strings[f->nstrings++] = s;
  return s;
}

static int by_count(const void *a, const void *b) {
  const nf_facet_value *x = a, *y = b;
  if (x->count != y->count) return x->count > y->count ? -1 : 1;
  return strcmp(x->value, y->value);
}

static nf_status take_label(void *ctx, const char *label, size_t n) {
  char **out = ctx;
  if (*out) return NF_OK; /* the first label */
  *out = strndup(label, n);
  return *out ? NF_OK : NF_ERR_NOMEM;
}

/* The label of a key the facet counts on the field's own terms: the kind's
 * facet_label, else the key itself.  NULL when out of memory. */
static char *kind_label(const nf_field *field, const char *key) {
  char *label = NULL;
  const nf_field_kind_v1 *kind = field->kind;
  if ((kind->flags & NF_KIND_FACET_ON_TERMS) && kind->facet_label &&
      kind->facet_label(field->kind_instance, key, strlen(key), take_label, &label) != NF_OK) {
    free(label);
    return NULL;
  }
  return label ? label : strdup(key);
}

nf_status nf_results_fill_facet(nf_results *r, const nf_xmset *m, size_t f, size_t index,
                                const nf_field *field, unsigned limit, nf_error *err) {
  facet *fc = &r->facets[f];
  fc->name = field->name;
  size_t n = nf_xmset_facet_size(m, index);
  if (limit && n > limit) n = limit; /* most frequent first already */
  fc->values = calloc(n ? n : 1, sizeof *fc->values);
  fc->strings = calloc(2 * n + 1, sizeof *fc->strings);
  if (!fc->values || !fc->strings) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  /* Own facet terms are counted once per key by the shim, and carry the
   * most common spelling of it: key, separator, spelling. */
  int own_terms = nf_facet_has_own_terms(field);
  for (size_t i = 0; i < n; i++) {
    const char *term = nf_xmset_facet_value(m, index, i);
    unsigned long count = nf_xmset_facet_count(m, index, i);
    const char *sep = own_terms ? strchr(term, NF_FACET_SEPARATOR) : NULL;
    char *value = sep ? strndup(term, (size_t)(sep - term)) : strdup(term);
    char *label = sep ? strdup(sep + 1) : kind_label(field, term);
    if (!keep(fc, value) || !keep(fc, label)) {
      free(label);
      return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
    }
    fc->values[fc->size++] = (nf_facet_value){value, label, count};
  }
  qsort(fc->values, fc->size, sizeof *fc->values, by_count);
  return NF_OK;
}

static int by_month(const void *a, const void *b) {
  return strcmp(((const nf_month_count *)a)->month, ((const nf_month_count *)b)->month);
}

static int is_digits(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (p[i] < '0' || p[i] > '9') return 0;
  return 1;
}

nf_status nf_results_fill_histogram(nf_results *r, const nf_xmset *m, size_t index, nf_error *err) {
  size_t n = nf_xmset_facet_size(m, index);
  r->months = calloc(n ? n : 1, sizeof *r->months);
  if (!r->months) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  r->has_histogram = 1;
  for (size_t i = 0; i < n; i++) {
    const char *v = nf_xmset_facet_value(m, index, i);
    /* YYYYMM or YYYYMMDD, as the indexer writes dates; anything else is not one */
    size_t len = strlen(v);
    if ((len != 6 && len != 8) || !is_digits(v, len)) continue;
    nf_month_count *mc = &r->months[r->nmonths++];
    if (len == 8) {
      snprintf(mc->month, sizeof mc->month, "%.4s-%.2s-%.2s", v, v + 4, v + 6);
      r->by_day = 1;
    } else {
      snprintf(mc->month, sizeof mc->month, "%.4s-%.2s", v, v + 4);
    }
    mc->count = nf_xmset_facet_count(m, index, i);
  }
  qsort(r->months, r->nmonths, sizeof *r->months, by_month);
  return NF_OK;
}

nf_status nf_results_add_suggestion(nf_results *r, const nf_suggestion *sg, nf_error *err) {
  suggestion_store *grown = realloc(r->suggestions, (r->nsuggestions + 1) * sizeof *grown);
  if (!grown) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  r->suggestions = grown;
  suggestion_store c = {{NULL, NULL, NULL, NULL, sg->count},
                        strdup(sg->field),
                        strdup(sg->queried),
                        strdup(sg->value),
                        strdup(sg->label ? sg->label : sg->value)};
  if (!c.field || !c.queried || !c.value || !c.label) {
    suggestion_free(&c);
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  }
  c.pub = (nf_suggestion){c.field, c.queried, c.value, c.label, sg->count};
  r->suggestions[r->nsuggestions++] = c;
  return NF_OK;
}

const json_t *nf_results_hit_record(const nf_results *r, size_t i) {
  return i < r->nhits ? r->hits[i].parsed : NULL;
}

size_t nf_results_suggestion_count(const nf_results *r) { return r->nsuggestions; }
const nf_suggestion *nf_results_suggestion(const nf_results *r, size_t i) {
  return i < r->nsuggestions ? &r->suggestions[i].pub : NULL;
}

unsigned long nf_results_total(const nf_results *r) { return r->total; }
unsigned long nf_results_groups(const nf_results *r) { return r->collapse ? r->groups : r->total; }
const char *nf_results_collapse_field(const nf_results *r) { return r->collapse; }
size_t nf_results_size(const nf_results *r) { return r->nhits; }
const nf_hit *nf_results_hit(const nf_results *r, size_t i) {
  return i < r->nhits ? &r->hits[i].pub : NULL;
}
size_t nf_results_facet_count(const nf_results *r) { return r->nfacets; }
const char *nf_results_facet_name(const nf_results *r, size_t f) { return r->facets[f].name; }
size_t nf_results_facet_size(const nf_results *r, size_t f) { return r->facets[f].size; }
const nf_facet_value *nf_results_facet_value(const nf_results *r, size_t f, size_t i) {
  return i < r->facets[f].size ? &r->facets[f].values[i] : NULL;
}
int nf_results_has_histogram(const nf_results *r) { return r->has_histogram; }
size_t nf_results_histogram_size(const nf_results *r) { return r->nmonths; }
const nf_month_count *nf_results_histogram_month(const nf_results *r, size_t i) {
  return i < r->nmonths ? &r->months[i] : NULL;
}

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

/* One piece of the snippet, marked or not; an empty one is left out. */
static void add_segment(json_t *segments, const char *p, size_t n, int mark) {
  if (n) json_array_append_new(segments, json_pack("{s:s%,s:b}", "text", p, n, "mark", mark));
}

/* The snippet cut at its marks, [{"text", "mark"}], for a client that
 * would otherwise turn the byte offsets of "marks" into its own string
 * indexes (UTF-16 in JavaScript, code points in Python).  The marks fall
 * between UTF-8 sequences, so every piece is valid text. */
static json_t *segments_json(const nf_hit *h) {
  json_t *segments = json_array();
  size_t at = 0, n = strlen(h->snippet);
  for (size_t i = 0; segments && i < h->nmarks; i++) {
    const nf_mark *m = &h->marks[i];
    if (m->start < at || m->end < m->start || m->end > n) continue;
    add_segment(segments, h->snippet + at, m->start - at, 0);
    add_segment(segments, h->snippet + m->start, m->end - m->start, 1);
    at = m->end;
  }
  if (segments) add_segment(segments, h->snippet + at, n - at, 0);
  return segments;
}

static json_t *hit_json(const hit_store *hs) {
  const nf_hit *h = &hs->pub;
  json_t *marks = json_array(), *segments = segments_json(h);
  for (size_t i = 0; marks && i < h->nmarks; i++)
    json_array_append_new(
        marks, json_pack("[I,I]", (json_int_t)h->marks[i].start, (json_int_t)h->marks[i].end));
  json_t *hit = json_pack("{s:i,s:s,s:f,s:i,s:o,s:o,s:s,s:o,s:o,s:o}", "rank", (int)h->rank, "id",
                          h->id, "score", h->score, "percent", h->percent, "date",
                          str_or_null(h->date), "headline", str_or_null(h->headline), "snippet",
                          h->snippet, "marks", marks ? marks : json_null(), "segments",
                          segments ? segments : json_null(), "fields", json_incref(hs->fields));
  if (hit && hs->omitted) json_object_set(hit, "omitted", hs->omitted);
  if (hit && h->similar_key)
    json_object_set_new(
        hit, "similar",
        json_pack("{s:I,s:s}", "count", (json_int_t)h->similar, "key", h->similar_key));
  return hit;
}

nf_status nf_results_to_json(const nf_results *r, int pretty, char **out, nf_error *err) {
  *out = NULL;
  json_t *hits = json_array(), *facets = json_object();
  for (size_t i = 0; hits && i < r->nhits; i++) json_array_append_new(hits, hit_json(&r->hits[i]));
  for (size_t f = 0; facets && f < r->nfacets; f++) {
    json_t *values = json_array();
    for (size_t i = 0; values && i < r->facets[f].size; i++) {
      const nf_facet_value *v = &r->facets[f].values[i];
      json_array_append_new(values, json_pack("{s:s,s:s,s:I}", "value", v->value, "label", v->label,
                                              "count", (json_int_t)v->count));
    }
    json_object_set_new(facets, r->facets[f].name, values ? values : json_array());
  }
  json_t *suggestions = json_array();
  for (size_t i = 0; suggestions && i < r->nsuggestions; i++) {
    const nf_suggestion *sg = &r->suggestions[i].pub;
    json_array_append_new(
        suggestions,
        json_pack("{s:s,s:s,s:s,s:s,s:I}", "field", sg->field, "queried", sg->queried, "value",
                  sg->value, "label", sg->label, "count", (json_int_t)sg->count));
  }
  json_t *root = json_pack("{s:s,s:I}", "query", r->query, "total", (json_int_t)r->total);
  /* groups: the hits once near-duplicates are folded; total counts articles */
  if (root && r->collapse) json_object_set_new(root, "groups", json_integer((json_int_t)r->groups));
  json_t *rest = json_pack("{s:i,s:o,s:o,s:o}", "offset", (int)r->offset, "hits",
                           hits ? hits : json_array(), "facets", facets ? facets : json_object(),
                           "suggestions", suggestions ? suggestions : json_array());
  if (root && (!rest || json_object_update(root, rest))) {
    json_decref(root);
    root = NULL;
  }
  json_decref(rest);
  if (root && r->has_histogram) {
    json_t *months = json_array();
    for (size_t i = 0; months && i < r->nmonths; i++)
      json_array_append_new(
          months, json_pack("{s:s,s:I}", r->by_day ? "day" : "month", r->months[i].month, "count",
                            (json_int_t)r->months[i].count));
    json_object_set_new(root, "histogram", months ? months : json_array());
  }
  if (root) *out = json_dumps(root, JSON_PRESERVE_ORDER | (pretty ? JSON_INDENT(2) : JSON_COMPACT));
  json_decref(root);
  if (!*out) return nf_error_set(err, NF_ERR_NOMEM, "cannot write the results as JSON");
  return NF_OK;
}
