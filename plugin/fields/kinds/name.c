/* Kind `name`: person names, matched by surname, full name, or full name with
 * middle initials or suffixes, case and accents ignored.  "Lloyd J. Austin
 * III" is indexed under every tail of the name and first + last name
 * ("austin", "lloyd austin"), honorifics, suffixes (Jr., III) and middle
 * initials left out; a query looks up the whole name without them. */
#include <string.h>

#include "builtin.h"
#include "keys.h"

#define NF_NAME_MAX_WORDS 16

/* Honorifics dropped before a name, suffixes dropped after it. */
static const char *const honorifics[] = {"mr",   "mrs",   "ms",  "miss", "dr",   "prof", "sir",
                                         "dame", "madam", "mme", "m",    "herr", "frau"};
static const char *const suffixes[] = {"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"};

static int in_list(const char *p, size_t n, const char *const *list, size_t count) {
  for (size_t i = 0; i < count; i++)
    if (strlen(list[i]) == n && memcmp(list[i], p, n) == 0) return 1;
  return 0;
}

/* A name split into words, after folding: each word's span in the folded
 * text, and whether it was written as initials ("J." or "J.K."). */
typedef struct name_words {
  nf_buf folded;
  size_t start[NF_NAME_MAX_WORDS], len[NF_NAME_MAX_WORDS];
  int initials[NF_NAME_MAX_WORDS];
  size_t count;
} name_words;

static void split_words(name_words *w) {
  const char *t = nf_buf_str(&w->folded);
  size_t n = w->folded.len, i = 0;
  w->count = 0;
  while (i < n && w->count < NF_NAME_MAX_WORDS) {
    while (i < n && !nf_key_word_byte((unsigned char)t[i])) i++;
    if (i == n) break;
    size_t start = i, letters = 0, dots = 0;
    /* a word: letters, digits, and the '.' and '\'' inside it */
    while (i < n && (nf_key_word_byte((unsigned char)t[i]) || t[i] == '.' || t[i] == '\'')) {
      if (t[i] == '.')
        dots++;
      else if (t[i] != '\'')
        letters++;
      i++;
    }
    w->start[w->count] = start;
    w->len[w->count] = i - start;
    w->initials[w->count] = letters == 1 || (dots > 0 && dots == letters);
    w->count++;
  }
}

/* Copies word k without its dots and apostrophes. */
static nf_status append_word(nf_buf *out, const name_words *w, size_t k) {
  const char *p = nf_buf_str(&w->folded) + w->start[k];
  nf_status s = NF_OK;
  for (size_t i = 0; s == NF_OK && i < w->len[k]; i++)
    if (p[i] != '.' && p[i] != '\'') s = nf_buf_append_char(out, p[i]);
  return s;
}

static int word_is(const name_words *w, size_t k, const char *const *list, size_t count) {
  char tmp[16];
  size_t m = 0;
  const char *p = nf_buf_str(&w->folded) + w->start[k];
  for (size_t i = 0; i < w->len[k]; i++) {
    if (p[i] == '.' || p[i] == '\'') continue;
    if (m == sizeof tmp) return 0;
    tmp[m++] = p[i];
  }
  return in_list(tmp, m, list, count);
}

/* The words that make the name: honorifics, suffixes and middle initials
 * dropped.  keep[] gets the indexes of the kept words. */
static size_t core_words(const name_words *w, size_t *keep) {
  size_t first = 0, last = w->count;
  while (first < last && word_is(w, first, honorifics, sizeof honorifics / sizeof *honorifics))
    first++;
  while (last > first + 1 && word_is(w, last - 1, suffixes, sizeof suffixes / sizeof *suffixes))
    last--;
  size_t n = 0;
  for (size_t k = first; k < last; k++) {
    /* An initial is kept only where it stands alone or as the surname. */
    if (w->initials[k] && k + 1 < last && last - first > 1) continue;
    keep[n++] = k;
  }
  return n;
}

static nf_status join(nf_buf *out, const name_words *w, const size_t *keep, size_t from,
                      size_t to) {
  nf_buf_clear(out);
  nf_status s = NF_OK;
  for (size_t i = from; s == NF_OK && i < to; i++) {
    if (i > from) s = nf_buf_append_char(out, ' ');
    if (s == NF_OK) s = append_word(out, w, keep[i]);
  }
  return s;
}

static nf_status load_words(name_words *w, const char *p, size_t n) {
  nf_buf_clear(&w->folded);
  nf_status s = nf_key_fold_into(p, n, &w->folded);
  if (s == NF_OK) split_words(w);
  return s;
}

/* Every tail of the name and first + last name, each folded; the whole
 * name (its query key) first. */
static nf_status name_keys(const void *instance, const char *p, size_t n, nf_key_fn fn, void *ctx) {
  (void)instance;
  name_words w;
  memset(&w, 0, sizeof w);
  nf_buf key = NF_BUF_INIT;
  nf_status s = load_words(&w, p, n);
  size_t keep[NF_NAME_MAX_WORDS];
  size_t m = s == NF_OK ? core_words(&w, keep) : 0;
  /* Every tail of the name: "von der leyen", "der leyen", "leyen". */
  for (size_t from = 0; s == NF_OK && from < m; from++) {
    s = join(&key, &w, keep, from, m);
    if (s == NF_OK && key.len) s = fn(ctx, key.data, key.len);
  }
  /* First and last name, skipping the middle names: "recep erdogan". */
  if (s == NF_OK && m > 2) {
    nf_buf_clear(&key);
    s = append_word(&key, &w, keep[0]);
    if (s == NF_OK) s = nf_buf_append_char(&key, ' ');
    if (s == NF_OK) s = append_word(&key, &w, keep[m - 1]);
    if (s == NF_OK) s = fn(ctx, key.data, key.len);
  }
  nf_buf_free(&key);
  nf_buf_free(&w.folded);
  return s;
}

/* "Lloyd J. Austin III", "lloyd austin" and "Mr. Lloyd Austin" all give
 * "lloyd austin"; "Austin" gives "austin". */
static nf_status name_query_key(const void *instance, const char *p, size_t n, nf_key_fn fn,
                                void *ctx, nf_error *err) {
  (void)instance;
  name_words w;
  memset(&w, 0, sizeof w);
  nf_buf key = NF_BUF_INIT;
  nf_status s = load_words(&w, p, n);
  size_t keep[NF_NAME_MAX_WORDS];
  size_t m = s == NF_OK ? core_words(&w, keep) : 0;
  if (s == NF_OK) s = join(&key, &w, keep, 0, m);
  if (s == NF_OK) s = nf_key_emit(&key, fn, ctx);
  nf_buf_free(&key);
  nf_buf_free(&w.folded);
  return nf_key_query_status(s, "name", err);
}

const nf_field_kind_v1 nf_kind_name = {
    .abi = NF_FIELD_KIND_ABI,
    .name = "name",
    .description = "person names: surname, full name, honorifics and middle initials ignored",
    .mode = NF_KIND_TERMS,
    .flags = NF_KIND_QUERY_KEY_FIRST,
    .index_keys = name_keys,
    .query_key = name_query_key,
};
