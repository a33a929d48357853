/* How far apart two spellings are, for suggestions: "did you mean".  Offered
 * to the layers that suggest (the country table, the search). */
#ifndef NF_TEXT_DISTANCE_H
#define NF_TEXT_DISTANCE_H

#include <stddef.h>

/* The Damerau-Levenshtein distance (optimal string alignment: insertions,
 * deletions, substitutions and swaps of two neighbours, each 1) between
 * a[0..n) and b[0..m), counted in code points (a byte that is not UTF-8 is
 * one), or limit + 1 when it is more than limit (or a text is over 64 code
 * points). */
size_t nf_edit_distance(const char *a, size_t n, const char *b, size_t m, size_t limit);

/* The largest distance a suggestion may be from a spelling of n code
 * points: 0 below 4 (a short word is close to too many), 1 up to 7, 2 from
 * 8.  "Irak" suggests Iraq and "Phillipines" Philippines, "EU" and
 * "Persia" nothing. */
size_t nf_suggest_limit(size_t n);

/* Code points in UTF-8 (the bytes that do not continue a sequence). */
size_t nf_utf8_length(const char *p, size_t n);

#endif
