/* A read-only map from lookup keys to small integers, for the tables of the
 * dateline and byline analyzers (places, agencies).  Internal.
 *
 * A key is a phrase folded (nf_fold), with '.' and '\'' dropped and every
 * other run of punctuation and space made one space: "ST. LOUIS", "St
 * Louis" and "st. louis" are all "st louis"; "N.J." is "nj".  Tables are
 * filled once (nf_keymap_add), frozen (nf_keymap_freeze), then read by any
 * number of threads. */
#ifndef NF_GAZETTEER_KEYMAP_H
#define NF_GAZETTEER_KEYMAP_H

#include <stddef.h>
#include <stdint.h>

#include "newsfields/status.h"

/* Longest key kept (bytes, with the NUL); longer phrases have no key. */
#define NF_KEY_MAX 128

/* The key of p[0..n) into buf (NF_KEY_MAX bytes, NUL-terminated); returns
 * its length, 0 when it is empty or does not fit. */
size_t nf_key_make(const char *p, size_t n, char *buf);

typedef struct nf_keymap nf_keymap;

nf_status nf_keymap_new(nf_keymap **out);
void nf_keymap_free(nf_keymap *m);
/* Add value under the key of phrase p[0..n) (before freezing).  A phrase
 * without a key is NF_ERR_INVALID. */
nf_status nf_keymap_add(nf_keymap *m, const char *p, size_t n, uint32_t value);
/* Build the lookup table; values of a key keep the order they were added in,
 * duplicates dropped. */
nf_status nf_keymap_freeze(nf_keymap *m);
/* The values of a key (made with nf_key_make): their count, and *values. */
size_t nf_keymap_get(const nf_keymap *m, const char *key, size_t n, const uint32_t **values);

#endif
