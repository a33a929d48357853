/* Building nf_results from a Xapian result window.  Internal to the search layer. */
#ifndef NF_SEARCH_RESULTS_INTERNAL_H
#define NF_SEARCH_RESULTS_INTERNAL_H

#include <jansson.h>

#include "newsfields/schema.h"
#include "newsfields/search.h"
#include "xapian/shim.h"

nf_status nf_results_new(const char *query, size_t n, unsigned offset, size_t nfacets,
                         nf_results **out, nf_error *err);
/* Hits of the window: id, date, headline and record from each document's
 * data, a snippet of its text around the matches, and its near-duplicates
 * when the search collapsed on the field named collapse (NULL: it did not). */
nf_status nf_results_fill_hits(nf_results *r, const nf_xmset *m, const nf_search_options *opts,
                               const char *collapse, nf_error *err);
/* Facet number f of the results, counted by the enquire's facet number index;
 * labelled by the spelling in the facet terms or by the field's kind. */
nf_status nf_results_fill_facet(nf_results *r, const nf_xmset *m, size_t f, size_t index,
                                const nf_field *field, unsigned limit, nf_error *err);
/* The histogram, from a value facet of the date slot cut to YYYYMM (index);
 * marks the results as having one. */
nf_status nf_results_fill_histogram(nf_results *r, const nf_xmset *m, size_t index, nf_error *err);

/* Hit i's record (nf_hit.record) as parsed from the document's data when
 * the hit was made: borrowed, read-only, valid while r is. */
const json_t *nf_results_hit_record(const nf_results *r, size_t i);

/* Adds a suggestion (the strings are copied). */
nf_status nf_results_add_suggestion(nf_results *r, const nf_suggestion *sg, nf_error *err);

#endif
