/* Growing arrays geometrically, so that appending is amortised O(1) and an
 * array kept from one article to the next stops allocating.  Internal. */
#ifndef NF_CORE_GROW_H
#define NF_CORE_GROW_H

#include <stddef.h>

#include "newsfields/status.h"

/* Grow *arr (elements of size elem) to hold at least need elements. */
nf_status nf_grow(void **arr, size_t *cap, size_t need, size_t elem);

#define NF_GROW(arr, cap, need) \
  ((need) <= (cap) ? NF_OK : nf_grow((void **)&(arr), &(cap), (need), sizeof *(arr)))

#endif
