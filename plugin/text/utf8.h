/* UTF-8 decoding helpers shared by the text layer.  Internal. */
#ifndef NF_TEXT_UTF8_H
#define NF_TEXT_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "core/buffer.h"
#include "newsfields/status.h"

/* The length (1..4) of the well-formed sequence at p[0..n), n >= 1, or 0 when
 * it is ill-formed; then *bad is the length of its maximal subpart (>= 1),
 * the bytes one U+FFFD replaces. */
size_t nf_utf8_check(const unsigned char *p, size_t n, size_t *bad);

/* Offset of the first ill-formed byte, or n when p[0..n) is valid. */
size_t nf_utf8_first_invalid(const unsigned char *p, size_t n);

/* Append the sanitized p[0..n) to out; *replacements gets the count. */
nf_status nf_utf8_sanitize_into(nf_buf *out, const char *p, size_t n, size_t *replacements);

/* Decode one code point of text known to be valid; returns its length. */
static inline size_t nf_utf8_decode(const unsigned char *p, int32_t *cp) {
  unsigned c = p[0];
  if (c < 0x80) {
    *cp = (int32_t)c;
    return 1;
  }
  if (c < 0xE0) {
    *cp = (int32_t)(((c & 0x1Fu) << 6) | (p[1] & 0x3Fu));
    return 2;
  }
  if (c < 0xF0) {
    *cp = (int32_t)(((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu));
    return 3;
  }
  *cp = (int32_t)(((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) |
                  (p[3] & 0x3Fu));
  return 4;
}

/* The start of the code point that ends at p[i] (i > 0) in valid text. */
static inline size_t nf_utf8_prev(const unsigned char *p, size_t i) {
  do i--;
  while (i > 0 && (p[i] & 0xC0) == 0x80);
  return i;
}

#define NF_UTF8_REPLACEMENT "\xEF\xBF\xBD"

#endif
