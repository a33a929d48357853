/* Growing arrays geometrically. */
#include "grow.h"

#include <stdlib.h>

nf_status nf_grow(void **arr, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return NF_OK;
  size_t c = *cap ? *cap : 64;
  while (c < need) {
    if (c > ((size_t)-1 / 2) / elem) return NF_ERR_NOMEM;
    c *= 2;
  }
  void *p = realloc(*arr, c * elem);
  if (!p) return NF_ERR_NOMEM;
  *arr = p;
  *cap = c;
  return NF_OK;
}
