/* The near-duplicate key: a hash of the folded words opening the text. */
#include "similar.h"

#include <stdint.h>
#include <stdio.h>

#define FNV64_OFFSET 0xcbf29ce484222325ull
#define FNV64_PRIME 0x100000001b3ull

static uint64_t fnv_bytes(uint64_t h, const char *p, size_t n) {
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)p[i];
    h *= FNV64_PRIME;
  }
  return h;
}

int nf_similar_key(const nf_text *t, char out[NF_SIMILAR_KEY_LEN + 1]) {
  out[0] = '\0';
  size_t count = 0;
  const nf_token *tok = t ? nf_text_tokens(t, &count) : NULL;
  uint64_t h = FNV64_OFFSET;
  size_t words = 0;
  for (size_t i = 0; i < count && words < NF_SIMILAR_WORDS; i++) {
    if (tok[i].kind != NF_TOKEN_WORD && tok[i].kind != NF_TOKEN_NUMBER) continue;
    size_t n;
    const char *w = nf_text_folded(t, i, &n);
    if (!w || n == 0) continue;
    if (words) h = fnv_bytes(h, " ", 1); /* "ab c" and "a bc" differ */
    h = fnv_bytes(h, w, n);
    words++;
  }
  if (!words) return 0;
  snprintf(out, NF_SIMILAR_KEY_LEN + 1, "%016llx", (unsigned long long)h);
  return 1;
}
