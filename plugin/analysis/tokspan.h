/* From an earlier analyzer's byte span back to tokens.  Internal. */
#ifndef NF_ANALYSIS_TOKSPAN_H
#define NF_ANALYSIS_TOKSPAN_H

#include <stddef.h>
#include <stdint.h>

#include "newsfields/text.h"

/* The first token that ends after byte offset `at` (count when none). */
static inline size_t nf_token_at(const nf_token *toks, size_t count, uint32_t at) {
  size_t lo = 0, hi = count;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (toks[mid].end <= at)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* The tokens [*begin, *end) covering bytes [start, end); 0 when none. */
static inline int nf_tokens_of_span(const nf_token *toks, size_t count, uint32_t start,
                                    uint32_t end, size_t *tb, size_t *te) {
  size_t b = nf_token_at(toks, count, start);
  size_t e = b;
  while (e < count && toks[e].start < end) e++;
  *tb = b;
  *te = e;
  return e > b;
}

#endif
