/* Index and query keys for the folded field kinds, in the fields layer
 * because the indexer and the query field processors must agree on them. */
#ifndef NF_FIELDS_KEYS_H
#define NF_FIELDS_KEYS_H

#include <stddef.h>

#include "core/buffer.h"
#include "newsfields/schema.h"
#include "newsfields/status.h"

#define NF_NAME_MAX_WORDS 16

/* Case and accent folded, '.' and '\'' dropped, other punctuation and runs of
 * space made one space: "Washington, D.C." -> "washington dc". */
nf_status nf_key_fold(const char *p, size_t n, nf_buf *out);

typedef nf_status (*nf_key_fn)(void *ctx, const char *key, size_t n);

/* The keys a person's name is indexed under, each folded as nf_key_fold:
 * every tail of the name ("austin", "lloyd austin") and first + last name,
 * with honorifics, suffixes (Jr., III) and middle initials left out. */
nf_status nf_name_keys(const char *p, size_t n, nf_key_fn fn, void *ctx);

/* The one key a queried name looks up: "Lloyd J. Austin III", "lloyd austin"
 * and "Mr. Lloyd Austin" all give "lloyd austin"; "Austin" gives "austin". */
nf_status nf_name_query_key(const char *p, size_t n, nf_buf *out);

/* Facets.  A name, place, exact or title field with facet = yes has one extra
 * term per value, "XF" + the field name in capitals, then the value's key,
 * NF_FACET_SEPARATOR and the value as written: its own terms (every tail of a
 * name) would count one person several times.  Other fields (country) are
 * counted on their own terms. */
#define NF_FACET_PREFIX_MAX 40
#define NF_FACET_SEPARATOR '\x1f'
int nf_facet_has_own_terms(const nf_field *f);
/* The term prefix a facet is counted on, into buf (NF_FACET_PREFIX_MAX bytes). */
void nf_facet_prefix(const nf_field *f, char *buf);

#endif
