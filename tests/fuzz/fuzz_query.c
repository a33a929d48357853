/* libFuzzer target: query parsing and search on a small index (made once
 * from the test fixtures' articles), with facets and the histogram. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "newsfields/index.h"
#include "newsfields/input.h"
#include "newsfields/search.h"

static nf_schema *schema;
static nf_searcher *searcher;

static void build_index(const char *db) {
  nf_error err;
  nf_indexer *ix;
  nf_input *in;
  const char *paths[] = {NF_FUZZ_FIXTURES "/articles.jsonl"};
  nf_index_options io = {NULL, 0, NULL, 1, 0};
  if (nf_indexer_open(db, schema, &io, &ix, &err) != NF_OK ||
      nf_input_open(paths, 1, &in, &err) != NF_OK)
    abort();
  const nf_article *a;
  while (nf_input_next(in, &a, &err) == NF_OK && a) nf_indexer_add(ix, a, &err);
  if (nf_indexer_commit(ix, &err) != NF_OK) abort();
  nf_indexer_free(ix);
  nf_input_free(in);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  nf_error err;
  char dir[] = "/tmp/newsfields-fuzz-XXXXXX";
  if (!mkdtemp(dir)) abort();
  char db[64];
  snprintf(db, sizeof db, "%s/db", dir);
  if (nf_schema_load(NF_FUZZ_SCHEMA_DIR "/newsfields.schema", NULL, &schema, &err) != NF_OK)
    abort();
  build_index(db);
  const char *dbs[] = {db};
  if (nf_searcher_open(dbs, 1, schema, NULL, &searcher, &err) != NF_OK) abort();
  nf_search_limits limits = {64, 8, 1.0};
  nf_searcher_set_limits(searcher, &limits, &err);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *const facets[] = {"country", "speaker", "official", "date"};
  nf_search_options o;
  memset(&o, 0, sizeof o);
  o.limit = 5;
  o.facets = facets;
  o.nfacets = 4;
  o.facet_limit = 5;
  nf_results *r = NULL;
  nf_error err;
  if (nf_search(searcher, (const char *)data, size, &o, &r, &err) == NF_OK) {
    char *json = NULL;
    if (nf_results_to_json(r, 0, &json, &err) == NF_OK) free(json);
  }
  nf_results_free(r);
  return 0;
}
