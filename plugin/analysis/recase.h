/* Names and places written in capitals, as people write them:
 * "JANE O'NEILL" -> "Jane O'Neill", "McDONALD" -> "McDonald",
 * "RIO DE JANEIRO" -> "Rio de Janeiro".  Internal to the analyzers. */
#ifndef NF_ANALYSIS_RECASE_H
#define NF_ANALYSIS_RECASE_H

#include <stddef.h>

enum {
  NF_RECASE_PLACE = 1u << 0, /* place particles (of, upon, de) rather than name ones (van, bin) */
  NF_RECASE_LOWER = 1u << 1  /* also capitalize words written all in lower case */
};

/* Recase p[0..n) word by word (words split at spaces): a word mostly in
 * capitals (or, with NF_RECASE_LOWER, all in lower case) is lower-cased and
 * capitalized at its start and after - . and O'/D'/L', with "Mc" kept as
 * "McX"; particles inside the name stay lower case; Roman numerals (III)
 * and words already in mixed case are kept.  Writes a NUL-terminated result
 * to out and returns its length, or 0 when it does not fit in cap bytes. */
size_t nf_recase(const char *p, size_t n, unsigned flags, char *out, size_t cap);

#endif
