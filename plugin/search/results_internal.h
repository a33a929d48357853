/* Building nf_results from a Xapian result window.  Internal to layer 6. */
#ifndef NF_SEARCH_RESULTS_INTERNAL_H
#define NF_SEARCH_RESULTS_INTERNAL_H

#include "newsfields/countries.h"
#include "newsfields/schema.h"
#include "newsfields/search.h"
#include "xapian/shim.h"

nf_status nf_results_new(const char *query, size_t n, unsigned offset, size_t nfacets,
                         nf_results **out, nf_error *err);
/* Hits of the window: id, date, headline and record from each document's
 * data, and a snippet of its text around the matches. */
nf_status nf_results_fill_hits(nf_results *r, const nf_xmset *m, size_t snippet_length,
                               nf_error *err);
/* The values of facet number index, counted by the enquire's index-th spy. */
nf_status nf_results_fill_facet(nf_results *r, const nf_xmset *m, size_t index,
                                const nf_field *field, const nf_countries *countries,
                                unsigned limit, nf_error *err);

#endif
