/* A plug-in's field kind end to end through the library: the vessel kind
 * (tests/fixtures/plugin/vessel_kind.c, loaded with nf_registry_load) beside
 * the built-in kinds, a schema section of it (vessel.schema), articles indexed
 * with a stand-in analyzer that records the ship names it sees as written, and
 * searches that find them by any of their names and count them as a facet.
 * (The plug-in's own analyzer comes later; this one is the test's.) */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields/kinds.h"
#include "newsfields/analyzer.h"
#include "newsfields/index.h"
#include "newsfields/input.h"
#include "newsfields/search.h"
#include "search_fixture.h"
#include "testutil.h"

#define VESSEL_SCHEMA NF_TEST_FIXTURES "/plugin/vessel.schema"

/* The ship names the stand-in analyzer knows, as articles write them. */
static const char *const written[] = {"MV Ever Given", "EVER GIVEN", "the Moskva",
                                      "RFS Moskva",    "QE2",        "Queen Elizabeth 2"};

static nf_status ships_create(const nf_analyzer_env *env, void **instance, nf_error *err) {
  (void)env, (void)err;
  *instance = (void *)written;
  return NF_OK;
}
static void ships_destroy(void *instance) { (void)instance; }

/* Every known name in the text, once, as the "vessels" values. */
static nf_status ships_analyze(const void *instance, nf_analysis *a, nf_error *err) {
  (void)instance, (void)err;
  nf_record *rec = nf_analysis_record(a);
  const char *text = nf_record_text(rec, NULL);
  nf_status s = NF_OK;
  for (size_t i = 0; s == NF_OK && i < sizeof written / sizeof *written; i++)
    if (strstr(text, written[i]))
      s = nf_record_add_value(rec, "vessels", written[i], strlen(written[i]));
  return s;
}

static const nf_analyzer_v1 ships = {NF_ANALYZER_ABI, "ships",       "ship names, for the test",
                                     ships_create,    ships_destroy, ships_analyze};

static const char articles[] =
    "{\"id\":\"v1\",\"date\":\"2021-03-23\",\"text\":\"The MV Ever Given ran aground in the Suez "
    "Canal.\"}\n"
    "{\"id\":\"v2\",\"date\":\"2021-03-29\",\"text\":\"EVER GIVEN was refloated on Monday.\"}\n"
    "{\"id\":\"v3\",\"date\":\"2022-04-14\",\"text\":\"Ukraine said it struck the Moskva.\"}\n"
    "{\"id\":\"v4\",\"date\":\"2022-04-15\",\"text\":\"RFS Moskva, the flagship, sank.\"}\n"
    "{\"id\":\"v5\",\"date\":\"2008-11-11\",\"text\":\"The QE2 left Southampton for the last "
    "time.\"}\n"
    "{\"id\":\"v6\",\"date\":\"2008-11-26\",\"text\":\"Queen Elizabeth 2 arrived in Dubai.\"}\n"
    "{\"id\":\"v7\",\"date\":\"2021-03-30\",\"text\":\"No ship is named here.\"}\n";

static char *dir, *db;
static nf_registry *reg;
static nf_schema *schema;

/* A registry with the built-in kinds and the plug-in's, and the test's
 * analyzer alone; the schema's data need nothing beside it. */
static void setup(void) {
  nf_error err;
  nf_error_clear(&err);
  ck_assert_int_eq(nf_registry_new(&reg), NF_OK);
  ck_assert_int_eq(nf_fields_register_kinds(reg, &err), NF_OK);
  ck_assert_msg(nf_registry_load(reg, NF_TEST_VESSEL, &err) == NF_OK, "%s", err.message);
  ck_assert_int_eq(nf_registry_add(reg, &ships, &err), NF_OK);
  ck_assert_msg(nf_schema_load(VESSEL_SCHEMA, reg, &schema, &err) == NF_OK, "%s", err.message);
  dir = nf_test_tmpdir();
  char input[600];
  snprintf(input, sizeof input, "%s/ships.jsonl", dir);
  ck_assert_int_eq(nf_test_write(input, articles), 0);
  db = malloc(strlen(dir) + 4);
  sprintf(db, "%s/db", dir);
  nf_analyzer_env env = {nf_schema_dir(schema)};
  nf_pipeline *p;
  ck_assert_int_eq(nf_pipeline_new(reg, &env, &p, &err), NF_OK);
  nf_index_options opts = {NULL, 0, p, 1};
  nf_indexer *ix;
  nf_input *in;
  const char *inputs[] = {input};
  ck_assert_msg(nf_indexer_open(db, schema, &opts, &ix, &err) == NF_OK, "%s", err.message);
  ck_assert_int_eq(nf_input_open(inputs, 1, &in, &err), NF_OK);
  const nf_article *a;
  while (nf_input_next(in, &a, &err) == NF_OK && a)
    ck_assert_msg(nf_indexer_add(ix, a, &err) == NF_OK, "%s", err.message);
  ck_assert_int_eq(nf_indexer_commit(ix, &err), NF_OK);
  nf_input_free(in);
  nf_indexer_free(ix);
  nf_pipeline_free(p);
}

static void teardown(void) {
  nf_schema_free(schema);
  nf_registry_free(reg);
  nf_test_rmtree(dir);
  free(dir);
  free(db);
}

/* A query, and the ids it finds (or its error). */
static const struct {
  const char *query, *ids;
} queries[] = {
    {"vessel:\"Ever Given\"", "v1 v2"},
    {"vessel:\"M/V EVER GIVEN\"", "v1 v2"},
    {"vessel:\"ever given\" date:2021-03-25..", "v2"},
    {"vessel:Moskva", "v3 v4"},
    {"vessel:\"the Moskva\"", "v3 v4"},
    {"vessel:\"RFS Moskva\" OR vessel:QE2", "v3 v4 v5 v6"},
    {"vessel:\"Queen Elizabeth II\"", "v5 v6"},
    {"vessel:Ever", ""},
    {"vessel:\"the\"", ""},
    {"vessel:\"//\"", "ERROR: vessel:// has nothing to search for"},
    {"ship", "v7"},
};

START_TEST(vessel_queries) {
  const char *dbs[] = {db};
  char *ids = nf_test_search_ids(dbs, 1, schema, queries[_i].query, NULL);
  ck_assert_msg(strcmp(ids, queries[_i].ids) == 0, "%s: got '%s'", queries[_i].query, ids);
  free(ids);
}
END_TEST

/* Each ship counted once per article, under its key, whichever name the
 * articles gave it; the key as a filter finds what it counted. */
START_TEST(vessel_facet) {
  const char *dbs[] = {db}, *facets[] = {"vessel"};
  nf_searcher *s;
  nf_results *r;
  nf_error err;
  ck_assert_int_eq(nf_searcher_open(dbs, 1, schema, NULL, &s, &err), NF_OK);
  nf_search_options o = {0, 10, NF_SORT_RELEVANCE, facets, 1, 0, 0};
  ck_assert_int_eq(nf_search(s, "", 0, &o, &r, &err), NF_OK);
  ck_assert_uint_eq(nf_results_facet_count(r), 1);
  ck_assert_str_eq(nf_results_facet_name(r, 0), "vessel");
  static const struct {
    const char *value;
    unsigned long count;
  } want[] = {{"ever given", 2}, {"moskva", 2}, {"queen elizabeth 2", 2}};
  ck_assert_uint_eq(nf_results_facet_size(r, 0), 3);
  for (size_t i = 0; i < 3; i++) {
    const nf_facet_value *v = nf_results_facet_value(r, 0, i);
    ck_assert_str_eq(v->value, want[i].value);
    ck_assert_uint_eq(v->count, want[i].count);
    int known = 0; /* labelled with a name as written */
    for (size_t k = 0; k < sizeof written / sizeof *written; k++)
      known |= !strcmp(v->label, written[k]);
    ck_assert_msg(known, "label %s", v->label);
    char filter[128];
    snprintf(filter, sizeof filter, "vessel:\"%s\"", v->value);
    nf_results *f;
    ck_assert_int_eq(nf_search(s, filter, strlen(filter), &o, &f, &err), NF_OK);
    ck_assert_uint_eq(nf_results_total(f), v->count);
    nf_results_free(f);
  }
  nf_results_free(r);
  nf_searcher_free(s);
}
END_TEST

int main(void) {
  Suite *s = suite_create("vessel");
  TCase *tc = tcase_create("vessel");
  tcase_set_timeout(tc, 120);
  tcase_add_unchecked_fixture(tc, setup, teardown);
  tcase_add_loop_test(tc, vessel_queries, 0, (int)(sizeof queries / sizeof queries[0]));
  tcase_add_test(tc, vessel_facet);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
