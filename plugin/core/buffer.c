/* A growable byte buffer. */
#include "buffer.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

nf_status nf_buf_reserve(nf_buf *b, size_t extra) {
  if (extra > (size_t)-1 - b->len - 1) return NF_ERR_NOMEM;
  size_t need = b->len + extra + 1;
  if (need <= b->cap) return NF_OK;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < need) cap = cap > ((size_t)-1) / 2 ? need : cap * 2;
  char *p = realloc(b->data, cap);
  if (!p) return NF_ERR_NOMEM;
  b->data = p;
  b->cap = cap;
  return NF_OK;
}

nf_status nf_buf_append(nf_buf *b, const char *p, size_t n) {
  nf_status s = nf_buf_reserve(b, n);
  if (s != NF_OK) return s;
  if (n) memcpy(b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = '\0';
  return NF_OK;
}

nf_status nf_buf_append_str(nf_buf *b, const char *s) { return nf_buf_append(b, s, strlen(s)); }

nf_status nf_buf_printf(nf_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) return NF_ERR_INVALID;
  nf_status s = nf_buf_reserve(b, (size_t)n);
  if (s != NF_OK) return s;
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
  return NF_OK;
}

void nf_buf_clear(nf_buf *b) {
  b->len = 0;
  if (b->data) b->data[0] = '\0';
}

void nf_buf_free(nf_buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

const char *nf_buf_str(const nf_buf *b) { return b->data ? b->data : ""; }
