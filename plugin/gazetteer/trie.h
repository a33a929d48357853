/* What the trie tells the rest of its layer beyond the public API
 * (newsfields/gazetteer.h).  Internal to the gazetteer layer. */
#ifndef NF_GAZETTEER_TRIE_H
#define NF_GAZETTEER_TRIE_H

#include <stdint.h>

#include "newsfields/gazetteer.h"

/* nf_gazetteer_add, and the hash (nf_token.hash) of the phrase's first token
 * into *first_hash: the token a match of the phrase starts at has it. */
nf_status nf_gazetteer_add_first_hash(nf_gazetteer *g, const char *phrase, size_t n, uint32_t value,
                                      uint32_t *first_hash, nf_error *err);

#endif
