/* The analysis of one article: its token stream, metadata and typed results,
 * with a lookup by type and span. */
#include <stdlib.h>
#include <string.h>

#include "analysis_internal.h"
#include "core/arena.h"
#include "core/grow.h"
#include "scratch.h"
#include "tokens.h"

#define MAX_TYPES 64 /* type ids fit a 64-bit mask */

struct nf_analysis {
  nf_text *text;
  const nf_article *article;
  int has_date;
  nf_date date;
  nf_result *results;
  uint32_t *next; /* per result: the next result of its type, or NF_NO_REF */
  size_t nresults, cap, next_cap;
  nf_attr_value *attrs; /* every result's attributes, back to back */
  size_t *attr_at;      /* per result: where its attributes start in attrs */
  size_t nattrs, attr_cap, attr_at_cap;
  uint32_t first[MAX_TYPES], last[MAX_TYPES], count[MAX_TYPES];
  uint64_t may_emit, may_read;
  nf_arena strings;
  nf_scratch_table scratch; /* the analyzers' arrays, kept (scratch.h) */
};

nf_status nf_analysis_new(nf_analysis **out) {
  *out = NULL;
  nf_analysis *a = calloc(1, sizeof *a);
  if (!a || nf_text_new(&a->text) != NF_OK) {
    free(a);
    return NF_ERR_NOMEM;
  }
  a->may_emit = a->may_read = NF_ALL_TYPES;
  *out = a;
  return NF_OK;
}

void nf_analysis_free(nf_analysis *a) {
  if (!a) return;
  nf_text_free(a->text);
  free(a->results);
  free(a->next);
  free(a->attrs);
  free(a->attr_at);
  nf_arena_free(&a->strings);
  nf_scratch_table_free(&a->scratch);
  free(a);
}

nf_status nf_analysis_begin(nf_analysis *a, const nf_article *article, nf_error *err) {
  a->article = article;
  a->nresults = a->nattrs = 0;
  a->has_date = 0;
  for (size_t t = 0; t < MAX_TYPES; t++) {
    a->first[t] = a->last[t] = NF_NO_REF;
    a->count[t] = 0;
  }
  a->may_emit = a->may_read = NF_ALL_TYPES;
  nf_arena_reset(&a->strings);
  if (article->date.p) {
    nf_status s = nf_date_parse_iso(article->date.p, article->date.n, &a->date, err);
    if (s != NF_OK) return s;
    a->has_date = 1;
  }
  return nf_text_analyze(a->text, article->text.p, article->text.n, err);
}

void nf_analysis_allow(nf_analysis *a, uint64_t provides, uint64_t reads) {
  a->may_emit = provides;
  a->may_read = provides | reads;
}

const nf_text *nf_analysis_text(const nf_analysis *a) { return a->text; }

nf_scratch *nf_analysis_scratch(nf_analysis *a, const void *key, size_t count) {
  return nf_scratch_table_get(&a->scratch, key, count);
}
const nf_article *nf_analysis_article(const nf_analysis *a) { return a->article; }

int nf_analysis_date(const nf_analysis *a, nf_date *out) {
  if (a->has_date && out) *out = a->date;
  return a->has_date;
}

/* A copy of s in the arena; NULL stays NULL. */
static int copy(nf_analysis *a, const char **s) {
  if (!*s) return 1;
  return (*s = nf_arena_strndup(&a->strings, *s, strlen(*s))) != NULL;
}

/* 1 when the byte at p starts a control character: C0, DEL, or C1 (U+0080
 * to U+009F, 0xC2 0x80..0x9F in UTF-8); *len gets its length. */
static int control_at(const unsigned char *p, size_t *len) {
  *len = 1;
  if (*p < 0x20 || *p == 0x7f) return 1;
  if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) return *len = 2, 1;
  return 0;
}

/* 1 when the bytes at p are a no-break space (U+00A0), a space as far as a
 * value goes; *len gets its length. */
static int nbsp_at(const unsigned char *p, size_t *len) {
  *len = 2;
  return p[0] == 0xc2 && p[1] == 0xa0;
}

/* 1 when the bytes at p are an invisible format character: soft hyphen
 * (U+00AD), zero-width space, non-joiner and joiner (U+200B..U+200D), word
 * joiner (U+2060), byte-order mark (U+FEFF); *len gets its length.  Web
 * copy hides them inside names ("Doug <SHY>Andres"). */
static int invisible_at(const unsigned char *p, size_t *len) {
  *len = p[0] == 0xc2 ? 2 : 3;
  if (p[0] == 0xc2) return p[1] == 0xad;
  if (p[0] == 0xe2 && p[1] == 0x80) return p[2] >= 0x8b && p[2] <= 0x8d;
  if (p[0] == 0xe2 && p[1] == 0x81) return p[2] == 0xa0;
  return p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf;
}

/* A copy of s in the arena as a value: every run of spaces and control
 * characters (a name broken over two lines, a tab, a no-break space) one
 * space, none at either end, invisible format characters dropped, so that
 * no record, term or facet label holds a newline.  NULL stays NULL. */
static int copy_value(nf_analysis *a, const char **s) {
  if (!*s) return 1;
  const unsigned char *p = (const unsigned char *)*s;
  size_t n = strlen(*s), len, k = 0;
  int clean = n == 0 || (p[0] != ' ' && p[n - 1] != ' ');
  for (size_t i = 0; clean && i < n; i++) {
    if (p[i] > ' ' && p[i] < 0x7f) continue; /* printable ASCII, most bytes: none of the below */
    clean = !control_at(p + i, &len) && !nbsp_at(p + i, &len) && !invisible_at(p + i, &len) &&
            !(p[i] == ' ' && p[i + 1] == ' ');
  }
  if (clean) return copy(a, s);
  char *out = nf_arena_strndup(&a->strings, *s, n); /* room for the result */
  if (!out) return 0;
  int space = 0;
  for (size_t i = 0; i < n; i++) {
    if (invisible_at(p + i, &len)) {
      i += len - 1;
      continue;
    }
    if (p[i] == ' ' || control_at(p + i, &len) || nbsp_at(p + i, &len)) {
      space = k > 0;
      i += p[i] == ' ' ? 0 : len - 1;
      continue;
    }
    if (space) out[k++] = ' ';
    space = 0;
    out[k++] = (char)p[i];
  }
  out[k] = '\0';
  *s = out;
  return 1;
}

static int type_bit(uint64_t mask, nf_type t) { return t < MAX_TYPES && (mask >> t) & 1u; }

/* Copies r's attributes (those with a value) after the others. */
/* Where result k's attributes start (none yet: NULL, not NULL + 0). */
static nf_attr_value *attrs_of(nf_analysis *a, size_t k) {
  return a->attrs ? a->attrs + a->attr_at[k] : NULL;
}

static nf_status copy_attrs(nf_analysis *a, const nf_result *r, size_t *kept) {
  *kept = 0;
  if (NF_GROW(a->attrs, a->attr_cap, a->nattrs + r->nattrs) != NF_OK) return NF_ERR_NOMEM;
  for (uint32_t i = 0; i < r->nattrs; i++) {
    nf_attr_value v = r->attrs[i];
    if (!v.key || (!v.is_span && !v.str)) continue;
    if (!copy(a, &v.key) || !copy_value(a, &v.str)) return NF_ERR_NOMEM;
    a->attrs[a->nattrs + (*kept)++] = v;
  }
  return NF_OK;
}

nf_status nf_analysis_emit(nf_analysis *a, const nf_result *r, uint32_t *index) {
  if (!type_bit(a->may_emit, r->type)) return NF_ERR_INVALID;
  if (NF_GROW(a->results, a->cap, a->nresults + 1) != NF_OK ||
      NF_GROW(a->next, a->next_cap, a->nresults + 1) != NF_OK ||
      NF_GROW(a->attr_at, a->attr_at_cap, a->nresults + 1) != NF_OK)
    return NF_ERR_NOMEM;
  nf_attr_value *before = a->attrs;
  size_t kept;
  nf_status s = copy_attrs(a, r, &kept);
  if (s != NF_OK) return s;
  nf_result c = *r;
  if (!copy_value(a, &c.value)) return NF_ERR_NOMEM;
  size_t b, e;
  nf_toks k = nf_toks_of(a->text);
  nf_tokens_of_span(&k, c.start, c.end, &b, &e);
  c.tok_begin = (uint32_t)b;
  c.tok_end = (uint32_t)e;
  c.nattrs = (uint32_t)kept;
  c.flags = r->flags;
  uint32_t i = (uint32_t)a->nresults;
  a->attr_at[i] = a->nattrs;
  a->nattrs += kept;
  a->results[i] = c;
  /* the attributes may have moved: every result points into them again */
  if (a->attrs != before)
    for (size_t k = 0; k < a->nresults; k++) a->results[k].attrs = attrs_of(a, k);
  a->results[i].attrs = attrs_of(a, i);
  a->next[i] = NF_NO_REF;
  if (a->last[c.type] != NF_NO_REF) a->next[a->last[c.type]] = i;
  if (a->first[c.type] == NF_NO_REF) a->first[c.type] = i;
  a->last[c.type] = i;
  a->count[c.type]++;
  a->nresults++;
  if (index) *index = i;
  return NF_OK;
}

size_t nf_analysis_count(const nf_analysis *a) { return a->nresults; }

const nf_result *nf_analysis_result(const nf_analysis *a, uint32_t index) {
  return index < a->nresults && type_bit(a->may_read, a->results[index].type) ? &a->results[index]
                                                                              : NULL;
}

const nf_result *nf_analysis_next(const nf_analysis *a, nf_type type, uint32_t start, uint32_t end,
                                  size_t *cursor) {
  if (!type_bit(a->may_read, type)) return NULL;
  /* *cursor is 0 at first, then 1 + the index of the last result returned */
  uint32_t i = *cursor == 0 ? a->first[type] : a->next[*cursor - 1];
  for (; i != NF_NO_REF; i = a->next[i]) {
    const nf_result *r = &a->results[i];
    if (r->start >= start && r->end <= end) {
      *cursor = (size_t)i + 1;
      return r;
    }
  }
  if (a->last[type] != NF_NO_REF) *cursor = (size_t)a->last[type] + 1;
  return NULL;
}

const nf_result *nf_analysis_first(const nf_analysis *a, nf_type type) {
  size_t cursor = 0;
  return nf_analysis_next(a, type, 0, UINT32_MAX, &cursor);
}

size_t nf_analysis_count_of(const nf_analysis *a, nf_type type) {
  return type_bit(a->may_read, type) ? a->count[type] : 0;
}

const char *nf_result_attr(const nf_result *r, const char *key) {
  for (uint32_t i = 0; i < r->nattrs; i++)
    if (!r->attrs[i].is_span && strcmp(r->attrs[i].key, key) == 0) return r->attrs[i].str;
  return NULL;
}

int nf_result_attr_span(const nf_result *r, const char *key, uint32_t *start, uint32_t *end) {
  for (uint32_t i = 0; i < r->nattrs; i++) {
    if (r->attrs[i].is_span && strcmp(r->attrs[i].key, key) == 0) {
      *start = r->attrs[i].start;
      *end = r->attrs[i].end;
      return 1;
    }
  }
  return 0;
}
