/* Folded keys and facet terms, in the fields layer because the indexer, the
 * query parser and the facet counts must agree on them. */
#ifndef NF_FIELDS_KEYS_H
#define NF_FIELDS_KEYS_H

#include <stddef.h>

#include "core/buffer.h"
#include "newsfields/fieldkind.h"
#include "newsfields/schema.h"
#include "newsfields/status.h"

/* Case and accent folded, '.' and '\'' dropped, other punctuation and runs of
 * space made one space: "Washington, D.C." -> "washington dc".  Invalid
 * UTF-8 is NF_ERR_PARSE. */
nf_status nf_key_fold(const char *p, size_t n, nf_buf *out);

/* Text folded as the text layer folds tokens, appended to out.  Invalid UTF-8
 * is NF_ERR_PARSE. */
nf_status nf_key_fold_into(const char *p, size_t n, nf_buf *out);

/* A byte of a word in folded text: folded text is lower case, and bytes
 * >= 0x80 belong to letters of other scripts. */
static inline int nf_key_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* Calls fn with key when it is not empty. */
nf_status nf_key_emit(const nf_buf *key, nf_key_fn fn, void *ctx);

/* The folded key of p[0..n) (nf_key_fold) to fn, when it is not empty. */
nf_status nf_key_fold_emit(const char *p, size_t n, nf_key_fn fn, void *ctx);

/* A query key's status: NF_ERR_PARSE gets the message a query shows after
 * the field's name, "the <what> is not valid UTF-8"; s is returned. */
nf_status nf_key_query_status(nf_status s, const char *what, nf_error *err);

/* Facets.  A field of kind mode NF_KIND_TERMS without NF_KIND_FACET_ON_TERMS
 * (name, place, exact, title, agency) with facet = yes has one extra term
 * per value, "XF" + the field name in capitals, then the value's query key,
 * NF_FACET_SEPARATOR and the value as written: its own terms (every tail of
 * a name) would count one person several times.  Other fields (country) are
 * counted on their own terms. */
#define NF_FACET_PREFIX_MAX 40
#define NF_FACET_SEPARATOR '\x1f'
int nf_facet_has_own_terms(const nf_field *f);
/* The term prefix a facet is counted on, into buf (NF_FACET_PREFIX_MAX bytes). */
void nf_facet_prefix(const nf_field *f, char *buf);

#endif
