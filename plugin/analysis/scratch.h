/* Working arrays that the built-in analyzers keep from one article to the
 * next.  Each lives in the nf_analysis, which is per thread, so an analyzer
 * whose instance threads share reuses memory without sharing it.  Allocated
 * and freed afresh per article, the arrays cost a malloc and a free each,
 * and with glibc's allocator a large one also cost a malloc_consolidate of
 * every small chunk the article before had freed.  A slot holds one array
 * of one type, its capacity counted in elements of that type.  An analyzer
 * names its own slots (an enum of its own) and finds them by a key of its
 * own, so this layer knows none of its users.  Offered by the analysis
 * layer to the analyzers. */
#ifndef NF_ANALYSIS_SCRATCH_H
#define NF_ANALYSIS_SCRATCH_H

#include <stddef.h>

#include "newsfields/analyzer.h"

typedef struct nf_scratch {
  void *p;
  size_t cap; /* elements */
} nf_scratch;

/* The count slots kept under key (the address of a static object of the
 * analyzer's), the same ones for every article of the analysis; made empty
 * on first use, and count must not change for a key.  NULL when out of
 * memory. */
nf_scratch *nf_analysis_scratch(nf_analysis *a, const void *key, size_t count);

/* Room for n elements of size elem (at least one), what it held before not
 * to be relied on: NULL when out of memory. */
void *nf_scratch_room(nf_scratch *s, size_t n, size_t elem);
#define NF_SCRATCH_ROOM(s, n, ptr) ((ptr) = nf_scratch_room((s), (n), sizeof *(ptr)))

/* An article's growing array (NF_GROW) lent by a slot at the start, and
 * kept by it at the end, instead of a first malloc and a last free. */
#define NF_SCRATCH_LEND(s, arr, arr_cap) ((arr) = (s)->p, (arr_cap) = (s)->cap)
#define NF_SCRATCH_KEEP(s, arr, arr_cap) ((s)->p = (arr), (s)->cap = (arr_cap))

/* The analysis's slots, by key (nf_analysis_scratch). */
typedef struct nf_scratch_table {
  struct nf_scratch_group *groups;
  size_t n, cap;
} nf_scratch_table;

/* The slots under key, made on first use: NULL when out of memory. */
nf_scratch *nf_scratch_table_get(nf_scratch_table *t, const void *key, size_t count);
/* Frees every slot's array and the table's own (nf_analysis_free). */
void nf_scratch_table_free(nf_scratch_table *t);

#endif
