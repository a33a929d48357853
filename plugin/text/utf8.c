/* UTF-8 validation and sanitizing (Unicode 15, Table 3-7: well-formed byte
 * sequences; replacement by maximal subparts, section 3.9). */
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

#include "newsfields/text.h"

size_t nf_utf8_check(const unsigned char *p, size_t n, size_t *bad) {
  unsigned c = p[0];
  if (c < 0x80) return 1;
  size_t len;
  unsigned lo = 0x80, hi = 0xBF; /* the allowed range of the second byte */
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0)
      lo = 0xA0; /* overlong */
    else if (c == 0xED)
      hi = 0x9F; /* surrogates */
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0)
      lo = 0x90; /* overlong */
    else if (c == 0xF4)
      hi = 0x8F; /* above U+10FFFF */
  } else {
    *bad = 1; /* 80..C1, F5..FF never start a sequence */
    return 0;
  }
  size_t i = 1;
  for (; i < len && i < n; i++) {
    unsigned b = p[i];
    if (i == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) break;
  }
  if (i == len) return len;
  *bad = i; /* the valid prefix, at least the lead byte */
  return 0;
}

size_t nf_utf8_first_invalid(const unsigned char *p, size_t n) {
  size_t i = 0;
  while (i < n) {
    /* ASCII eight bytes at a time: most news text is mostly ASCII. */
    while (i + 8 <= n) {
      uint64_t w;
      memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    if (p[i] < 0x80) {
      i++;
      continue;
    }
    size_t bad, len = nf_utf8_check(p + i, n - i, &bad);
    if (!len) return i;
    i += len;
  }
  return n;
}

nf_status nf_utf8_validate(const char *p, size_t n, size_t *bad_offset) {
  if (!p && n) return NF_ERR_INVALID;
  size_t at = n ? nf_utf8_first_invalid((const unsigned char *)p, n) : 0;
  if (bad_offset) *bad_offset = at;
  return at == n ? NF_OK : NF_ERR_PARSE;
}

nf_status nf_utf8_sanitize_into(nf_buf *out, const char *p, size_t n, size_t *replacements) {
  const unsigned char *s = (const unsigned char *)p;
  size_t count = 0, i = 0;
  nf_status st = nf_buf_reserve(out, n);
  while (st == NF_OK && i < n) {
    size_t good = nf_utf8_first_invalid(s + i, n - i);
    st = nf_buf_append(out, p + i, good);
    i += good;
    if (st != NF_OK || i >= n) break;
    size_t bad = 1;
    nf_utf8_check(s + i, n - i, &bad);
    st = nf_buf_append(out, NF_UTF8_REPLACEMENT, 3);
    count++;
    i += bad;
  }
  if (replacements) *replacements = count;
  return st;
}

nf_status nf_utf8_sanitize(const char *p, size_t n, char **out, size_t *out_len,
                           size_t *replacements) {
  if (!out) return NF_ERR_INVALID;
  *out = NULL;
  if (out_len) *out_len = 0;
  if (replacements) *replacements = 0;
  if (!p && n) return NF_ERR_INVALID;
  nf_buf b = NF_BUF_INIT;
  nf_status st = nf_buf_reserve(&b, 0); /* a NUL-terminated result even when empty */
  if (st == NF_OK) st = nf_utf8_sanitize_into(&b, p, n, replacements);
  if (st != NF_OK) {
    nf_buf_free(&b);
    if (replacements) *replacements = 0;
    return st;
  }
  b.data[b.len] = '\0';
  *out = b.data;
  if (out_len) *out_len = b.len;
  return NF_OK;
}
