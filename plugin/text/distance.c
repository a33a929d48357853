/* Edit distance between spellings, bounded, for "did you mean". */
#include "distance.h"

#include <stdint.h>

#include "utf8.h"

#define MAX_POINTS 64

/* The code points of p; a byte that is not UTF-8 counts as one (as
 * -1 - byte, equal to itself alone).  More than MAX_POINTS: MAX_POINTS + 1. */
static size_t decode(const char *p, size_t n, int32_t *out) {
  const unsigned char *u = (const unsigned char *)p;
  size_t k = 0;
  for (size_t i = 0; i < n && k <= MAX_POINTS; k++) {
    size_t bad, len = nf_utf8_check(u + i, n - i, &bad);
    int32_t cp = -1 - (int32_t)u[i];
    if (len)
      nf_utf8_decode(u + i, &cp);
    else
      len = 1;
    i += len;
    if (k < MAX_POINTS) out[k] = cp;
  }
  return k;
}

size_t nf_utf8_length(const char *p, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += ((unsigned char)p[i] & 0xC0u) != 0x80u;
  return k;
}

static size_t min3(size_t a, size_t b, size_t c) {
  size_t m = a < b ? a : b;
  return m < c ? m : c;
}

size_t nf_edit_distance(const char *a, size_t n, const char *b, size_t m, size_t limit) {
  int32_t x[MAX_POINTS], y[MAX_POINTS];
  size_t xn = decode(a, n, x), yn = decode(b, m, y);
  if (xn > MAX_POINTS || yn > MAX_POINTS) return limit + 1;
  if (xn > yn + limit || yn > xn + limit) return limit + 1;
  /* three rows: the one before last (for swaps), the last, this one */
  size_t rows[3][MAX_POINTS + 1];
  size_t *before = rows[0], *last = rows[1], *row = rows[2];
  for (size_t j = 0; j <= yn; j++) last[j] = j;
  for (size_t i = 1; i <= xn; i++) {
    row[0] = i;
    size_t best = row[0];
    for (size_t j = 1; j <= yn; j++) {
      size_t v = min3(last[j] + 1, row[j - 1] + 1, last[j - 1] + (x[i - 1] != y[j - 1]));
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] && before[j - 2] + 1 < v)
        v = before[j - 2] + 1;
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    size_t *t = before;
    before = last;
    last = row;
    row = t;
  }
  return last[yn] <= limit ? last[yn] : limit + 1;
}

size_t nf_suggest_limit(size_t n) { return n < 4 ? 0 : n < 8 ? 1 : 2; }
