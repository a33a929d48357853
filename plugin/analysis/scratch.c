/* Working arrays kept from one article to the next: see scratch.h. */
#include "scratch.h"

#include <stdlib.h>

#include "core/grow.h"

void *nf_scratch_room(nf_scratch *s, size_t n, size_t elem) {
  return nf_grow(&s->p, &s->cap, n ? n : 1, elem) == NF_OK ? s->p : NULL;
}

void nf_scratch_free_all(nf_scratch *slots, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(slots[i].p);
    slots[i].p = NULL;
    slots[i].cap = 0;
  }
}
