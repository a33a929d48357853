/* Facets asked for their k most frequent values are exact: counting by
 * postlists stops early (no value past the point can be among the k), and
 * what it reports is the first k values of a full count, by termlists, with
 * the same counts, labels and order of ties; over one database and over two
 * shards, for every facet field, several k and queries from everything to
 * one article. */
#define _GNU_SOURCE
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsfields/registry.h"
#include "newsfields/schema.h"
#include "newsfields/search.h"
#include "testutil.h"

#define SAMPLE NF_TEST_CORPUS "/sample.jsonl"

static char *dir;
static nf_registry *reg;
static nf_schema *schema;

static void setup(void) {
  nf_error err;
  ck_assert_int_eq(nf_registry_default(&reg, &err), NF_OK);
  ck_assert_int_eq(nf_schema_load(NF_TEST_SCHEMA_DIR "/newsfields.schema", reg, &schema, &err),
                   NF_OK);
  dir = nf_test_tmpdir();
  ck_assert_int_eq(nf_test_runf(NULL, NULL, "cd '%s' && '%s' index -q --db one '%s'", dir,
                                NF_TEST_COMMAND, SAMPLE),
                   0);
  ck_assert_int_eq(nf_test_runf(NULL, NULL, "cd '%s' && '%s' index -q -j 2 --db two '%s'", dir,
                                NF_TEST_COMMAND, SAMPLE),
                   0);
}

static void teardown(void) {
  nf_schema_free(schema);
  nf_registry_free(reg);
  nf_test_rmtree(dir);
  free(dir);
}

/* The facet's values as "value|label|count" lines, counted by method. */
static char *facet(nf_searcher *s, const char *method, const char *field, const char *query,
                   unsigned limit) {
  setenv("NF_FACET_METHOD", method, 1);
  const char *facets[] = {field};
  nf_search_options o = {
      .sort = NF_SORT_RELEVANCE, .facets = facets, .nfacets = 1, .facet_limit = limit};
  nf_results *r;
  nf_error err;
  ck_assert_msg(nf_search(s, query, strlen(query), &o, &r, &err) == NF_OK, "%s", err.message);
  char *out = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&out, &len);
  for (size_t i = 0; i < nf_results_facet_size(r, 0); i++) {
    const nf_facet_value *v = nf_results_facet_value(r, 0, i);
    fprintf(f, "%s|%s|%lu\n", v->value, v->label, v->count);
  }
  fclose(f);
  nf_results_free(r);
  unsetenv("NF_FACET_METHOD");
  return out;
}

/* The first k lines of text. */
static void first_lines(char *text, unsigned k) {
  char *p = text;
  for (unsigned i = 0; i < k && (p = strchr(p, '\n')); i++) p++;
  if (p) *p = '\0';
}

static const char *const queries[] = {"",     "minister",       "country:Russia",
                                      "said", "speaker:Austin", "date:2021"};

START_TEST(top_values_are_exact) {
  const char *names[] = {"one", "two"};
  unsigned checked = 0;
  for (size_t d = 0; d < 2; d++) {
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, names[d]);
    const char *dbs[] = {path};
    nf_searcher *s;
    nf_error err;
    ck_assert_int_eq(nf_searcher_open(dbs, 1, schema, NULL, &s, &err), NF_OK);
    for (size_t f = 0; f < nf_schema_field_count(schema); f++) {
      const nf_field *field = nf_schema_field(schema, f);
      if (!field->facet) continue;
      for (size_t q = 0; q < sizeof queries / sizeof *queries; q++) {
        char *all = facet(s, "termlists", field->name, queries[q], 0);
        const unsigned ks[] = {1, 2, 3, 5, 10};
        for (size_t i = 0; i < sizeof ks / sizeof *ks; i++) {
          char *want = strdup(all);
          first_lines(want, ks[i]);
          for (size_t m = 0; m < 2; m++) { /* by postings, and from memory */
            char *top = facet(s, m ? "memory" : "postlists", field->name, queries[q], ks[i]);
            ck_assert_msg(strcmp(top, want) == 0, "%s, %s '%s' top %u (%s):\n%s\nwant:\n%s",
                          names[d], field->name, queries[q], ks[i], m ? "memory" : "postlists", top,
                          want);
            free(top);
          }
          if (*want) checked++;
          free(want);
        }
        free(all);
      }
    }
    nf_searcher_free(s);
  }
  ck_assert_uint_gt(checked, 400);
}
END_TEST

int main(void) {
  Suite *s = suite_create("facet_limit");
  TCase *tc = tcase_create("facet_limit");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, top_values_are_exact);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
