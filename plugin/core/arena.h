/* A string arena whose pointers stay valid until it is reset: blocks are
 * chained, never moved.  Internal. */
#ifndef NF_CORE_ARENA_H
#define NF_CORE_ARENA_H

#include <stddef.h>

typedef struct nf_arena_block nf_arena_block;

typedef struct nf_arena {
  nf_arena_block *head; /* the block being filled; older ones follow */
} nf_arena;

#define NF_ARENA_INIT \
  { NULL }

/* A NUL-terminated copy of p[0..n), or NULL when out of memory. */
char *nf_arena_strndup(nf_arena *a, const char *p, size_t n);
/* Forget every string; keeps one block for reuse. */
void nf_arena_reset(nf_arena *a);
void nf_arena_free(nf_arena *a);

#endif
