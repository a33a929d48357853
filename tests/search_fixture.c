/* Searching a test database for the ids it returns. */
#include "search_fixture.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsfields/input.h"
#include "testutil.h"

#define NF_TEST_MAX_IDS 100

unsigned long nf_test_index_files(const char *path, const nf_schema *schema,
                                  const nf_index_options *opts, const char *const *inputs,
                                  size_t n) {
  nf_error err;
  nf_indexer *ix;
  nf_input *in;
  ck_assert_msg(nf_indexer_open(path, schema, opts, &ix, &err) == NF_OK, "%s", err.message);
  ck_assert_int_eq(nf_input_open(inputs, n, &in, &err), NF_OK);
  const nf_article *a;
  while (nf_input_next(in, &a, &err) == NF_OK && a)
    ck_assert_msg(nf_indexer_add(ix, a, &err) == NF_OK, "%s", err.message);
  ck_assert_int_eq(nf_indexer_commit(ix, &err), NF_OK);
  unsigned long count = nf_indexer_added(ix);
  nf_input_free(in);
  nf_indexer_free(ix);
  return count;
}

char *nf_test_search_ids(const char *const *dbs, size_t ndbs, const nf_schema *schema,
                         const char *query, const nf_search_options *opts) {
  /* every matching article, near-duplicates too, unless opts says */
  nf_search_options o = {.limit = NF_TEST_MAX_IDS, .sort = NF_SORT_RELEVANCE, .no_collapse = 1};
  if (opts) o = *opts;
  nf_searcher *s;
  nf_results *r;
  nf_error err;
  nf_error_clear(&err);
  ck_assert_msg(nf_searcher_open(dbs, ndbs, schema, NULL, &s, &err) == NF_OK, "%s", err.message);
  char *out = calloc(1, 4096);
  if (nf_search(s, query, strlen(query), &o, &r, &err) != NF_OK) {
    snprintf(out, 4096, "ERROR: %s", err.message);
    nf_searcher_free(s);
    return out;
  }
  size_t n = nf_results_size(r);
  ck_assert_uint_le(n, NF_TEST_MAX_IDS);
  const char *ids[NF_TEST_MAX_IDS];
  for (size_t i = 0; i < n; i++) {
    const char *id = nf_results_hit(r, i)->id;
    ids[i] = strrchr(id, '/') ? strrchr(id, '/') + 1 : id;
  }
  if (!opts) qsort(ids, n, sizeof ids[0], nf_test_cmp_str);
  for (size_t i = 0; i < n; i++) {
    if (i) strcat(out, " ");
    strcat(out, ids[i]);
  }
  nf_results_free(r);
  nf_searcher_free(s);
  return out;
}
