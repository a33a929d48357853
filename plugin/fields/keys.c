/* Folded keys: the one normal form a value takes both in a term and in a
 * query, so that `dateline:Kyiv` or `year:2021` find what the indexer
 * stored; and the facet terms' layout. */
#include "keys.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsfields/text.h"

/* As the text layer folds tokens, so that a key and the analyzers agree on
 * every letter.  A query can hold any bytes: invalid UTF-8 is checked here. */
nf_status nf_key_fold_into(const char *p, size_t n, nf_buf *out) {
  if (nf_utf8_validate(p, n, NULL) != NF_OK) return NF_ERR_PARSE;
  size_t len;
  nf_fold(p, n, NULL, 0, &len); /* the length it needs */
  nf_status s = nf_buf_reserve(out, len);
  if (s != NF_OK) return s;
  s = nf_fold(p, n, out->data + out->len, len + 1, &len);
  if (s != NF_OK) return s;
  out->len += len;
  return NF_OK;
}

nf_status nf_key_fold(const char *p, size_t n, nf_buf *out) {
  nf_buf_clear(out);
  nf_buf folded = NF_BUF_INIT;
  nf_status s = nf_key_fold_into(p, n, &folded);
  if (s != NF_OK) {
    nf_buf_free(&folded);
    return s;
  }
  int pending_space = 0;
  for (size_t i = 0; s == NF_OK && i < folded.len; i++) {
    unsigned char c = (unsigned char)folded.data[i];
    if (c == '.' || c == '\'') continue; /* "U.S." is "us", "O'Brien" is "obrien" */
    if (!nf_key_word_byte(c)) {
      pending_space = out->len > 0;
      continue;
    }
    if (pending_space) s = nf_buf_append_char(out, ' ');
    pending_space = 0;
    if (s == NF_OK) s = nf_buf_append_char(out, (char)c);
  }
  nf_buf_free(&folded);
  return s;
}

nf_status nf_key_emit(const nf_buf *key, nf_key_fn fn, void *ctx) {
  return key->len ? fn(ctx, key->data, key->len) : NF_OK;
}

nf_status nf_key_fold_emit(const char *p, size_t n, nf_key_fn fn, void *ctx) {
  nf_buf key = NF_BUF_INIT;
  nf_status s = nf_key_fold(p, n, &key);
  if (s == NF_OK) s = nf_key_emit(&key, fn, ctx);
  nf_buf_free(&key);
  return s;
}

nf_status nf_key_query_status(nf_status s, const char *what, nf_error *err) {
  if (s == NF_ERR_PARSE) return nf_error_set(err, s, "the %s is not valid UTF-8", what);
  return s;
}

int nf_facet_has_own_terms(const nf_field *f) {
  return f->kind->mode == NF_KIND_TERMS && !(f->kind->flags & NF_KIND_FACET_ON_TERMS);
}

void nf_facet_prefix(const nf_field *f, char *buf) {
  if (!nf_facet_has_own_terms(f)) {
    snprintf(buf, NF_FACET_PREFIX_MAX, "%s", f->prefix ? f->prefix : "");
    return;
  }
  size_t i = 0;
  buf[i++] = 'X';
  buf[i++] = 'F';
  for (const char *p = f->name; *p && i + 1 < NF_FACET_PREFIX_MAX; p++)
    buf[i++] = (*p >= 'a' && *p <= 'z') ? (char)(*p - 'a' + 'A') : (*p == '_' ? 'U' : *p);
  buf[i] = '\0';
}
