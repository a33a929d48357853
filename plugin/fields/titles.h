/* The normal form of an official's title, shared by the official analyzer,
 * the indexer and the query parser, so that "Defence Minister", "Defense
 * Minister", "Minister of Defense" and "minister of national defence" are
 * one title wherever they are written or asked for.
 *
 * The rules are code, not data: an index and the queries against it must
 * agree whatever the gazetteer files say.  Folded (case, accents), "the",
 * "a" and modifiers that leave the office the same (former, acting, then-)
 * dropped, one spelling (defence → defense, Gen. → general, spokeswoman →
 * spokesperson, chairman → chair), modifiers before the head ("minister of
 * trade and industry" → "trade and industry minister"; "secretary of state"
 * and "chief of staff" stay as they are), and the head in the singular.
 * Internal. */
#ifndef NF_FIELDS_TITLES_H
#define NF_FIELDS_TITLES_H

#include <stddef.h>

#include "core/buffer.h"
#include "newsfields/status.h"

/* The normalised title into out ("" when nothing is left); *head_start (may
 * be NULL) gets the offset of the head word in out.  NF_ERR_PARSE for
 * invalid UTF-8. */
nf_status nf_title_normalize(const char *p, size_t n, nf_buf *out, size_t *head_start);

typedef nf_status (*nf_title_key_fn)(void *ctx, const char *key, size_t n);

/* The keys a title already normalised is indexed under, its head word at
 * byte `head` (as nf_title_normalize gives it): the title itself first,
 * then its head word when that differs ("defense minister", "minister"). */
nf_status nf_title_normal_keys(const char *title, size_t n, size_t head, nf_title_key_fn fn,
                               void *ctx);

#endif
