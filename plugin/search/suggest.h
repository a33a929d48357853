/* "Did you mean": indexed values close to a query's values that no article
 * has.  Internal to the search layer. */
#ifndef NF_SEARCH_SUGGEST_H
#define NF_SEARCH_SUGGEST_H

#include "newsfields/search.h"
#include "query.h"
#include "xapian/shim.h"

/* For each field:value of boolean terms the parser read whose term no
 * document has, the indexed values of that field within nf_suggest_limit
 * of its key (at most three, closest then most frequent first), added to r
 * with the spelling the field's facet terms give them. */
nf_status nf_suggest_values(nf_xdb *db, const nf_query_parser *qp, nf_results *r, nf_error *err);

#endif
