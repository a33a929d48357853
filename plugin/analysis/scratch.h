/* Working arrays that the built-in analyzers keep from one article to the
 * next.  Each lives in the nf_analysis, which is per thread, so an analyzer
 * whose instance threads share reuses memory without sharing it.  Allocated
 * and freed afresh per article, the arrays cost a malloc and a free each,
 * and with glibc's allocator a large one also cost a malloc_consolidate of
 * every small chunk the article before had freed.  A slot holds one array
 * of one type, its capacity counted in elements of that type.  Offered by
 * the analysis layer to the analyzers. */
#ifndef NF_ANALYSIS_SCRATCH_H
#define NF_ANALYSIS_SCRATCH_H

#include <stddef.h>

#include "newsfields/analyzer.h"

typedef enum nf_scratch_slot {
  NF_SCRATCH_BYLINE_FOUND,
  NF_SCRATCH_COUNTRY_CANDIDATES,
  NF_SCRATCH_COUNTRY_MENTIONS,
  NF_SCRATCH_OFFICIAL_MARKS,
  NF_SCRATCH_OFFICIAL_COUNTRY_AT,
  NF_SCRATCH_OFFICIAL_COUNTRIES,
  NF_SCRATCH_OFFICIAL_TITLES,
  NF_SCRATCH_OFFICIAL_OFFICIALS,
  NF_SCRATCH_OFFICIAL_NAME_AT,
  NF_SCRATCH_OFFICIAL_FIRST_RESULT,
  NF_SCRATCH_OFFICIAL_RESULT_OF,
  NF_SCRATCH_OFFICIAL_PERSONS,
  NF_SCRATCH_OFFICIAL_PERSON_MENTIONS,
  NF_SCRATCH_SPEAKER_PERSONS,
  NF_SCRATCH_SPEAKER_TITLES,
  NF_SCRATCH_SPEAKER_COUNTRIES,
  NF_SCRATCH_SPEAKER_TOKEN_MAPS,
  NF_SCRATCH_SPEAKER_CUES,
  NF_SCRATCH_SPEAKER_QUOTES,
  NF_SCRATCH_SPEAKER_OF_PIECE,
  NF_SCRATCH_SLOTS
} nf_scratch_slot;

typedef struct nf_scratch {
  void *p;
  size_t cap; /* elements */
} nf_scratch;

/* The slot of the analysis (the same one for every article). */
nf_scratch *nf_analysis_scratch(nf_analysis *a, nf_scratch_slot slot);

/* Room for n elements of size elem (at least one), what it held before not
 * to be relied on: NULL when out of memory. */
void *nf_scratch_room(nf_scratch *s, size_t n, size_t elem);
#define NF_SCRATCH_ROOM(s, n, ptr) ((ptr) = nf_scratch_room((s), (n), sizeof *(ptr)))

/* An article's growing array (NF_GROW) lent by a slot at the start, and
 * kept by it at the end, instead of a first malloc and a last free. */
#define NF_SCRATCH_LEND(s, arr, arr_cap) ((arr) = (s)->p, (arr_cap) = (s)->cap)
#define NF_SCRATCH_KEEP(s, arr, arr_cap) ((s)->p = (arr), (s)->cap = (arr_cap))

/* Frees every slot's array (nf_analysis_free). */
void nf_scratch_free_all(nf_scratch *slots, size_t n);

#endif
