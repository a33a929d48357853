/* A string arena of chained blocks. */
#include "arena.h"

#include <stdlib.h>
#include <string.h>

#define NF_ARENA_BLOCK 8192

struct nf_arena_block {
  nf_arena_block *next;
  size_t used, size;
  char data[];
};

char *nf_arena_strndup(nf_arena *a, const char *p, size_t n) {
  nf_arena_block *b = a->head;
  if (!b || b->size - b->used < n + 1) {
    size_t size = n + 1 > NF_ARENA_BLOCK ? n + 1 : NF_ARENA_BLOCK;
    nf_arena_block *nb = malloc(sizeof *nb + size);
    if (!nb) return NULL;
    nb->next = b;
    nb->used = 0;
    nb->size = size;
    a->head = b = nb;
  }
  char *s = b->data + b->used;
  if (n) memcpy(s, p, n);
  s[n] = '\0';
  b->used += n + 1;
  return s;
}

void nf_arena_reset(nf_arena *a) {
  nf_arena_block *b = a->head;
  if (!b) return;
  /* keep the newest block, free the rest */
  nf_arena_block *rest = b->next;
  while (rest) {
    nf_arena_block *next = rest->next;
    free(rest);
    rest = next;
  }
  b->next = NULL;
  b->used = 0;
}

void nf_arena_free(nf_arena *a) {
  nf_arena_block *b = a->head;
  while (b) {
    nf_arena_block *next = b->next;
    free(b);
    b = next;
  }
  a->head = NULL;
}
