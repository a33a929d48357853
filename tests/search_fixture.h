/* Searching a test database for the ids it returns. */
#ifndef NF_TEST_SEARCH_FIXTURE_H
#define NF_TEST_SEARCH_FIXTURE_H

#include <stddef.h>

#include "newsfields/index.h"
#include "newsfields/schema.h"
#include "newsfields/search.h"

/* Indexes every article of the input files into the database at path
 * (opts as nf_indexer_open's) and commits; returns how many were added. */
unsigned long nf_test_index_files(const char *path, const nf_schema *schema,
                                  const nf_index_options *opts, const char *const *inputs,
                                  size_t n);

/* The ids a query finds in the databases (at most 100), space-separated:
 * sorted (opts NULL: the results compared as a set) or in result order
 * (opts given).  opts NULL: near-duplicates are not collapsed.  A text
 * file's id (its path) is shown by its file name.
 * "ERROR: message" when the search fails.  The caller frees the string. */
char *nf_test_search_ids(const char *const *dbs, size_t ndbs, const nf_schema *schema,
                         const char *query, const nf_search_options *opts);

#endif
