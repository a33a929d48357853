/* Working arrays kept from one article to the next: see scratch.h. */
#include "scratch.h"

#include <stdlib.h>

#include "core/grow.h"

/* One analyzer's slots.  The table holds a handful (one per built-in
 * analyzer that keeps arrays), so a linear search finds them. */
typedef struct nf_scratch_group {
  const void *key;
  nf_scratch *slots;
  size_t count;
} nf_scratch_group;

void *nf_scratch_room(nf_scratch *s, size_t n, size_t elem) {
  return nf_grow(&s->p, &s->cap, n ? n : 1, elem) == NF_OK ? s->p : NULL;
}

nf_scratch *nf_scratch_table_get(nf_scratch_table *t, const void *key, size_t count) {
  for (size_t i = 0; i < t->n; i++)
    if (t->groups[i].key == key) return t->groups[i].slots;
  if (NF_GROW(t->groups, t->cap, t->n + 1) != NF_OK) return NULL;
  nf_scratch *slots = calloc(count ? count : 1, sizeof *slots);
  if (!slots) return NULL;
  t->groups[t->n++] = (nf_scratch_group){key, slots, count};
  return slots;
}

void nf_scratch_table_free(nf_scratch_table *t) {
  for (size_t g = 0; g < t->n; g++) {
    for (size_t i = 0; i < t->groups[g].count; i++) free(t->groups[g].slots[i].p);
    free(t->groups[g].slots);
  }
  free(t->groups);
  *t = (nf_scratch_table){NULL, 0, 0};
}
