/* Suggestions from the index: a value no article has (a misspelt person,
 * `speaker:Miyazwa`) is compared with the values the field's terms hold,
 * and the close ones are offered with the spelling the articles use. */
#include "suggest.h"

#include <stdlib.h>
#include <string.h>

#include "core/buffer.h"
#include "fields/keys.h"
#include "results_internal.h"
#include "text/distance.h"

#define NF_MAX_SUGGESTIONS 3

typedef struct candidate {
  nf_buf value, label;
  size_t distance;
  unsigned long count, label_count;
  int label_exact; /* the label's facet key is the value itself */
} candidate;

typedef struct search_state {
  const char *key;
  size_t key_len, limit;
  int long_prefix; /* a prefix of two or more bytes: the ':' rule applies */
  candidate best[NF_MAX_SUGGESTIONS];
  size_t n;
} search_state;

/* The value a term holds after its prefix: NULL when the term belongs to a
 * longer prefix (a capital after a multi-letter one), else without the ':'
 * the prefix rule put before a value starting with a capital. */
static const char *term_value(int long_prefix, const char *rest, size_t *n) {
  if (long_prefix && *n && rest[0] >= 'A' && rest[0] <= 'Z') return NULL;
  if (long_prefix && *n && rest[0] == ':') return (*n)--, rest + 1;
  return rest;
}

static int better(const candidate *a, size_t distance, unsigned long count) {
  return distance < a->distance || (distance == a->distance && count > a->count);
}

static nf_status consider_term(void *ctx, const char *rest, size_t n, unsigned long count) {
  search_state *st = ctx;
  const char *v = term_value(st->long_prefix, rest, &n);
  if (!v || n == 0) return NF_OK;
  size_t d = nf_edit_distance(st->key, st->key_len, v, n, st->limit);
  if (d > st->limit || d == 0) return NF_OK;
  size_t at = st->n;
  while (at > 0 && better(&st->best[at - 1], d, count)) at--;
  if (at == NF_MAX_SUGGESTIONS) return NF_OK;
  if (st->n == NF_MAX_SUGGESTIONS) {
    nf_buf_free(&st->best[st->n - 1].value);
    nf_buf_free(&st->best[st->n - 1].label);
    st->n--;
  }
  memmove(&st->best[at + 1], &st->best[at], (st->n - at) * sizeof st->best[0]);
  candidate *c = &st->best[at];
  memset(c, 0, sizeof *c);
  c->distance = d;
  c->count = count;
  st->n++;
  return nf_buf_append(&c->value, v, n);
}

/* A facet term, key + separator + spelling: the spelling labels a candidate
 * whose value is the key, or its last words (a surname of a full name);
 * the most common such spelling, the key's own first. */
static nf_status consider_label(void *ctx, const char *rest, size_t n, unsigned long count) {
  search_state *st = ctx;
  const char *sep = memchr(rest, NF_FACET_SEPARATOR, n);
  if (!sep) return NF_OK;
  size_t kn = (size_t)(sep - rest);
  for (size_t i = 0; i < st->n; i++) {
    candidate *c = &st->best[i];
    size_t vn = c->value.len;
    int exact = kn == vn && memcmp(rest, c->value.data, vn) == 0;
    int tail =
        kn > vn && rest[kn - vn - 1] == ' ' && memcmp(rest + kn - vn, c->value.data, vn) == 0;
    if (!exact && !tail) continue;
    if (c->label.len &&
        (c->label_exact > exact || (c->label_exact == exact && c->label_count >= count)))
      continue;
    nf_buf_clear(&c->label);
    nf_status s = nf_buf_append(&c->label, sep + 1, n - kn - 1);
    if (s != NF_OK) return s;
    c->label_exact = exact;
    c->label_count = count;
  }
  return NF_OK;
}

static nf_status suggest_one(nf_xdb *db, const nf_query_filter *f, nf_results *r, nf_error *err) {
  const nf_field *field = f->field;
  size_t plen = strlen(field->prefix);
  search_state st;
  memset(&st, 0, sizeof st);
  st.long_prefix = plen > 1;
  size_t kn = f->term_len - plen;
  st.key = term_value(st.long_prefix, f->term + plen, &kn);
  if (!st.key) st.key = f->term + plen, kn = f->term_len - plen;
  st.key_len = kn;
  st.limit = nf_suggest_limit(nf_utf8_length(st.key, st.key_len));
  nf_status s = st.limit ? nf_xdb_each_term(db, field->prefix, consider_term, &st, err) : NF_OK;
  if (s == NF_OK && st.n && field->facet && nf_facet_has_own_terms(field)) {
    char facet[NF_FACET_PREFIX_MAX];
    nf_facet_prefix(field, facet);
    s = nf_xdb_each_term(db, facet, consider_label, &st, err);
  }
  for (size_t i = 0; i < st.n; i++) {
    candidate *c = &st.best[i];
    if (s == NF_OK) {
      nf_suggestion sg = {field->name, f->value, nf_buf_str(&c->value),
                          c->label.len ? nf_buf_str(&c->label) : NULL, c->count};
      s = nf_results_add_suggestion(r, &sg, err);
    }
    nf_buf_free(&c->value);
    nf_buf_free(&c->label);
  }
  return s;
}

nf_status nf_suggest_values(nf_xdb *db, const nf_query_parser *qp, nf_results *r, nf_error *err) {
  nf_status s = NF_OK;
  for (size_t i = 0; s == NF_OK && i < nf_query_parser_filter_count(qp); i++) {
    const nf_query_filter *f = nf_query_parser_filter(qp, i);
    int again = 0; /* a field:value written twice is suggested for once */
    for (size_t k = 0; k < i; k++)
      again |= strcmp(nf_query_parser_filter(qp, k)->term, f->term) == 0;
    unsigned long docs = 0;
    if (!again && f->field->kind->mode == NF_KIND_TERMS)
      s = nf_xdb_termfreq(db, f->term, f->term_len, &docs, err);
    if (s == NF_OK && !again && f->field->kind->mode == NF_KIND_TERMS && docs == 0)
      s = suggest_one(db, f, r, err);
  }
  return s;
}
