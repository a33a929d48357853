/* Small questions about tokens, asked by every analyzer: the token stream of
 * one article with its folded forms (nf_toks), tests on token i that are
 * false past the end of the stream, and the way back from an earlier
 * analyzer's byte span to tokens.  Offered by the analysis layer;
 * header-only. */
#ifndef NF_ANALYSIS_TOKENS_H
#define NF_ANALYSIS_TOKENS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "newsfields/text.h"

/* The token stream of one article, with its folded forms. */
typedef struct nf_toks {
  const nf_token *v;
  size_t n;
  const char *folds;
  const char *bytes;
} nf_toks;

static inline nf_toks nf_toks_of(const nf_text *t) {
  nf_toks k;
  size_t len;
  k.v = nf_text_tokens(t, &k.n);
  k.folds = nf_text_folds(t);
  k.bytes = nf_text_bytes(t, &len);
  return k;
}

/* The folded form of token i (i < k->n). */
static inline const char *nf_tok_fold(const nf_toks *k, size_t i) {
  return k->folds + k->v[i].fold;
}

/* s equals w.  The first bytes are compared inline: the analyzers ask of
 * nearly every token whether it is some word, and most differ at once. */
static inline int nf_str_is(const char *s, const char *w) {
  return s[0] == w[0] && (s[0] == '\0' || strcmp(s + 1, w + 1) == 0);
}

/* Token i folds to exactly s. */
static inline int nf_tok_is(const nf_toks *k, size_t i, const char *s) {
  return i < k->n && nf_str_is(k->folds + k->v[i].fold, s);
}

/* Fold s is one of the NULL-terminated list. */
static inline int nf_in_list(const char *s, const char *const *list) {
  for (; *list; list++)
    if (nf_str_is(s, *list)) return 1;
  return 0;
}

/* Token i folds to one of the NULL-terminated list. */
static inline int nf_tok_in(const nf_toks *k, size_t i, const char *const *list) {
  return i < k->n && nf_in_list(k->folds + k->v[i].fold, list);
}

static inline int nf_tok_flag(const nf_toks *k, size_t i, unsigned flag) {
  return i < k->n && (k->v[i].flags & flag) != 0;
}

static inline int nf_tok_kind(const nf_toks *k, size_t i, int kind) {
  return i < k->n && k->v[i].kind == kind;
}

/* Token i is the punctuation s: ",", "(", "--". */
static inline int nf_tok_punct(const nf_toks *k, size_t i, const char *s) {
  return nf_tok_kind(k, i, NF_TOKEN_PUNCT) && nf_str_is(k->folds + k->v[i].fold, s);
}

/* Token i is the one-byte punctuation or symbol c: "(", "/", "|" (no string
 * compare: this is asked of every token). */
static inline int nf_tok_char(const nf_toks *k, size_t i, char c) {
  return i < k->n && (k->v[i].kind == NF_TOKEN_PUNCT || k->v[i].kind == NF_TOKEN_SYMBOL) &&
         k->v[i].end - k->v[i].start == 1 && k->bytes[k->v[i].start] == c;
}

/* A word with a letter in it. */
static inline int nf_tok_word(const nf_toks *k, size_t i) {
  return nf_tok_kind(k, i, NF_TOKEN_WORD) && nf_tok_flag(k, i, NF_TOK_HAS_LETTER);
}

/* Starts a line (or the text). */
static inline int nf_tok_line_start(const nf_toks *k, size_t i) {
  return i >= k->n || (k->v[i].flags & NF_TOK_LINE_START) != 0;
}

/* The first token of the next line after token i (k->n at the end). */
static inline size_t nf_tok_line_end(const nf_toks *k, size_t i) {
  size_t j = i + 1;
  while (j < k->n && !(k->v[j].flags & NF_TOK_LINE_START)) j++;
  return j;
}

/* The first token that ends after byte offset `at` (k->n when none). */
static inline size_t nf_token_at(const nf_toks *k, uint32_t at) {
  size_t lo = 0, hi = k->n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (k->v[mid].end <= at)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* The tokens [*tb, *te) covering bytes [start, end); 0 when none. */
static inline int nf_tokens_of_span(const nf_toks *k, uint32_t start, uint32_t end, size_t *tb,
                                    size_t *te) {
  size_t b = nf_token_at(k, start);
  size_t e = b;
  while (e < k->n && k->v[e].start < end) e++;
  *tb = b;
  *te = e;
  return e > b;
}

#endif
