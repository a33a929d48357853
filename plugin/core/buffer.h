/* A growable byte buffer, always NUL-terminated.  Internal. */
#ifndef NF_CORE_BUFFER_H
#define NF_CORE_BUFFER_H

#include <stddef.h>

#include "newsfields/export.h"
#include "newsfields/status.h"

typedef struct nf_buf {
  char *data; /* NULL until the first append */
  size_t len;
  size_t cap;
} nf_buf;

#define NF_BUF_INIT \
  { NULL, 0, 0 }

nf_status nf_buf_reserve(nf_buf *b, size_t extra);
nf_status nf_buf_append(nf_buf *b, const char *p, size_t n);
nf_status nf_buf_append_str(nf_buf *b, const char *s);
/* Inline: the JSON writer, the key folders and the document data append
 * byte by byte, and a call through nf_buf_append for each byte showed. */
static inline nf_status nf_buf_append_char(nf_buf *b, char c) {
  if (b->len + 1 < b->cap) { /* room for c and the NUL */
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
    return NF_OK;
  }
  return nf_buf_append(b, &c, 1);
}
nf_status nf_buf_printf(nf_buf *b, const char *fmt, ...) NF_PRINTF(2, 3);
/* Empty the buffer, keeping its memory. */
void nf_buf_clear(nf_buf *b);
void nf_buf_free(nf_buf *b);
/* The contents as a C string ("" when nothing was appended). */
const char *nf_buf_str(const nf_buf *b);

#endif
