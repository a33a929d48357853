/* Searching a test database for the ids it returns. */
#ifndef NF_TEST_SEARCH_FIXTURE_H
#define NF_TEST_SEARCH_FIXTURE_H

#include <stddef.h>

#include "newsfields/schema.h"
#include "newsfields/search.h"

/* The ids a query finds in the databases (at most 100), space-separated:
 * sorted (opts NULL: the results compared as a set) or in result order
 * (opts given).  opts NULL: near-duplicates are not collapsed.  A text
 * file's id (its path) is shown by its file name.
 * "ERROR: message" when the search fails.  The caller frees the string. */
char *nf_test_search_ids(const char *const *dbs, size_t ndbs, const nf_schema *schema,
                         const char *query, const nf_search_options *opts);

#endif
