/* The nf_text object: runs the passes and hands out their results. */
#include <stdlib.h>
#include <string.h>

#include "text_internal.h"
#include "utf8.h"

nf_status nf_text_new(nf_text **out) {
  if (!out) return NF_ERR_INVALID;
  *out = calloc(1, sizeof **out);
  if (!*out) return NF_ERR_NOMEM;
  (*out)->s = (const unsigned char *)"";
  return NF_OK;
}

void nf_text_free(nf_text *t) {
  if (!t) return;
  nf_buf_free(&t->clean);
  nf_buf_free(&t->folds);
  free(t->tok);
  free(t->para);
  free(t->sent);
  free(t->quote);
  free(t->stack);
  free(t);
}

static void reset(nf_text *t) {
  t->s = (const unsigned char *)"";
  t->n = 0;
  t->replacements = 0;
  t->ntok = t->npara = t->nsent = t->nquote = 0;
  nf_buf_clear(&t->folds);
}

nf_status nf_find_paragraphs(nf_text *t) {
  for (size_t k = 0; k < t->ntok; k++) {
    if (!(t->tok[k].flags & NF_TOK_PARA_START)) continue;
    nf_status st = NF_GROW(t->para, t->para_cap, t->npara + 1);
    if (st != NF_OK) return st;
    if (t->npara) t->para[t->npara - 1].tok_end = (uint32_t)k;
    t->para[t->npara++].tok_begin = (uint32_t)k;
  }
  if (t->npara) t->para[t->npara - 1].tok_end = (uint32_t)t->ntok;
  for (size_t p = 0; p < t->npara; p++) {
    nf_paragraph *g = &t->para[p];
    g->span.start = t->tok[g->tok_begin].start;
    g->span.end = t->tok[g->tok_end - 1].end;
  }
  return NF_OK;
}

static const char *pass_name(int pass) {
  static const char *const names[] = {"tokenizing", "finding paragraphs", "finding quotations",
                                      "finding sentences"};
  return names[pass];
}

/* The passes over a text, in order; pass_name(k) names the k-th. */
static nf_status (*const passes[4])(nf_text *) = {nf_tokenize, nf_find_paragraphs, nf_find_quotes,
                                                  nf_find_sentences};

nf_status nf_text_analyze(nf_text *t, const char *p, size_t n, nf_error *err) {
  if (!t) return nf_error_set(err, NF_ERR_INVALID, "nf_text_analyze: no nf_text");
  reset(t);
  if (!p && n) return nf_error_set(err, NF_ERR_INVALID, "nf_text_analyze: NULL text");
  if (n >= UINT32_MAX)
    return nf_error_set(err, NF_ERR_INVALID, "text of %zu bytes is too long (limit 4 GiB)", n);
  const unsigned char *s = p ? (const unsigned char *)p : (const unsigned char *)"";
  size_t bad = nf_utf8_first_invalid(s, n);
  if (bad == n) {
    t->s = s;
    t->n = n;
  } else {
    nf_buf_clear(&t->clean);
    nf_status st = nf_utf8_sanitize_into(&t->clean, p, n, &t->replacements);
    if (st != NF_OK) {
      reset(t);
      return nf_error_set(err, st, "sanitizing the text: %s", nf_strerror(st));
    }
    if (t->clean.len >= UINT32_MAX) {
      reset(t);
      return nf_error_set(err, NF_ERR_INVALID, "sanitized text is too long (limit 4 GiB)");
    }
    t->s = (const unsigned char *)t->clean.data;
    t->n = t->clean.len;
  }
  for (int k = 0; k < 4; k++) {
    nf_status st = passes[k](t);
    if (st != NF_OK) {
      reset(t);
      return nf_error_set(err, st, "%s: %s", pass_name(k), nf_strerror(st));
    }
  }
  return NF_OK;
}

const char *nf_text_bytes(const nf_text *t, size_t *n) {
  if (n) *n = t ? t->n : 0;
  return t ? (const char *)t->s : "";
}

size_t nf_text_replacements(const nf_text *t) { return t ? t->replacements : 0; }

const nf_token *nf_text_tokens(const nf_text *t, size_t *count) {
  if (count) *count = t ? t->ntok : 0;
  return t ? t->tok : NULL;
}

const char *nf_text_folds(const nf_text *t) { return t && t->folds.data ? t->folds.data : ""; }

const char *nf_text_folded(const nf_text *t, size_t i, size_t *len) {
  if (!t || i >= t->ntok) {
    if (len) *len = 0;
    return NULL;
  }
  if (len) *len = t->tok[i].fold_len;
  return t->folds.data + t->tok[i].fold;
}

const nf_sentence *nf_text_sentences(const nf_text *t, size_t *count) {
  if (count) *count = t ? t->nsent : 0;
  return t ? t->sent : NULL;
}

const nf_paragraph *nf_text_paragraphs(const nf_text *t, size_t *count) {
  if (count) *count = t ? t->npara : 0;
  return t ? t->para : NULL;
}

const nf_quote *nf_text_quotes(const nf_text *t, size_t *count) {
  if (count) *count = t ? t->nquote : 0;
  return t ? t->quote : NULL;
}

size_t nf_text_sentence_of(const nf_text *t, size_t i) {
  if (!t || i >= t->ntok || !t->nsent) return (size_t)-1;
  size_t lo = 0, hi = t->nsent;
  while (hi - lo > 1) { /* the last sentence that begins at or before i */
    size_t mid = lo + (hi - lo) / 2;
    if (t->sent[mid].tok_begin <= i)
      lo = mid;
    else
      hi = mid;
  }
  return lo;
}

const char *nf_token_kind_name(int kind) {
  switch (kind) {
    case NF_TOKEN_WORD:
      return "word";
    case NF_TOKEN_NUMBER:
      return "number";
    case NF_TOKEN_PUNCT:
      return "punct";
    case NF_TOKEN_QUOTE:
      return "quote";
    case NF_TOKEN_APOSTROPHE:
      return "apostrophe";
    case NF_TOKEN_HYPHEN:
      return "hyphen";
    case NF_TOKEN_DASH:
      return "dash";
    case NF_TOKEN_SYMBOL:
      return "symbol";
    default:
      return "?";
  }
}
