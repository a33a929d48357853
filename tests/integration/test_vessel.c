#define _GNU_SOURCE /* asprintf */
/* A plug-in end to end, built outside the library and touching no file of
 * the project: vessel.so (tests/fixtures/plugin/vessel_plugin.c) registers a
 * result type, an analyzer that finds ships of its list and a field kind
 * that normalises their names.  Through the library: a schema section of the
 * kind (vessel.schema), articles indexed, searches that find a ship by any of
 * its names, and the ships counted as a facet.  Through the command: the
 * default schema with a vessel section and the plug-in named in it, the
 * sample corpus and the ship stories indexed, searched and faceted. */
#include <check.h>
#include <jansson.h>
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

/* The ships as the articles below write them, with their prefix. */
static const char *const written[] = {"MV Ever Given", "EVER GIVEN", "Moskva",
                                      "RFS Moskva",    "QE2",        "Queen Elizabeth 2"};

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

/* A registry with the built-in kinds and the plug-in (its analyzer alone
 * runs); its list of ships is beside vessel.schema. */
static void setup(void) {
  nf_error err;
  nf_error_clear(&err);
  ck_assert_int_eq(nf_registry_new(&reg), NF_OK);
  ck_assert_int_eq(nf_fields_register_kinds(reg, &err), NF_OK);
  ck_assert_msg(nf_registry_load(reg, NF_TEST_VESSEL, &err) == NF_OK, "%s", err.message);
  ck_assert_msg(nf_schema_load(VESSEL_SCHEMA, reg, &schema, &err) == NF_OK, "%s", err.message);
  dir = nf_test_tmpdir();
  char input[600];
  snprintf(input, sizeof input, "%s/ships.jsonl", dir);
  ck_assert_int_eq(nf_test_write(input, articles), 0);
  db = malloc(strlen(dir) + 4);
  sprintf(db, "%s/db", dir);
  nf_analyzer_env env = {nf_schema_dir(schema), reg};
  nf_pipeline *p;
  ck_assert_int_eq(nf_pipeline_new(reg, &env, &p, &err), NF_OK);
  nf_index_options opts = {NULL, 0, p, 1, 0};
  const char *inputs[] = {input};
  nf_test_index_files(db, schema, &opts, inputs, 1);
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
  nf_search_options o = {.limit = 10, .sort = NF_SORT_RELEVANCE, .facets = facets, .nfacets = 1};
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

/* ---- through the command ---------------------------------------------------- */

/* Runs a command line; its standard output (malloc'd), asserting success. */
static char *run_ok(const char *fmt, const char *a, const char *b) {
  char cmd[4096], *out = NULL, *errs = NULL;
  snprintf(cmd, sizeof cmd, fmt, a, b);
  int rc = nf_test_run2(cmd, &out, &errs);
  ck_assert_msg(rc == 0, "%s: exit %d: %s", cmd, rc, errs);
  free(errs);
  return out;
}

/* The default schema, its data files linked beside it, with a vessel field
 * and the plug-in named in [index]: a deployment's own schema directory. */
static char *deployment_schema(const char *root) {
  char cmd[2048], *out = NULL;
  snprintf(cmd, sizeof cmd,
           "mkdir -p '%s/schema' && for f in '%s'/*; do ln -s \"$f\" '%s/schema/'; done && "
           "rm '%s/schema/newsfields.schema' && cp '%s/plugin/vessels.txt' '%s/schema/'",
           root, NF_TEST_SCHEMA_DIR, root, root, NF_TEST_FIXTURES, root);
  ck_assert_int_eq(nf_test_run(cmd, 1, &out), 0);
  free(out);
  char path[1024], *text;
  snprintf(path, sizeof path, "%s/newsfields.schema", NF_TEST_SCHEMA_DIR);
  FILE *in = fopen(path, "r");
  ck_assert_ptr_nonnull(in);
  size_t cap = 1 << 16, n = 0;
  text = malloc(cap);
  n = fread(text, 1, cap - 1, in);
  fclose(in);
  text[n] = '\0';
  char *schema_text;
  const char *at = strstr(text, "[index]\n");
  ck_assert_ptr_nonnull(at);
  ck_assert_int_ge(asprintf(&schema_text,
                            "%.*s[index]\nplugins = %s\n%s\n[field vessel]\nkind = vessel\n"
                            "prefix = XVESSEL\nsource = vessel\nfacet = yes\nlabel = Ship\n",
                            (int)(at - text), text, NF_TEST_VESSEL, at + 8),
                   0);
  free(text);
  char *schema_path;
  ck_assert_int_ge(asprintf(&schema_path, "%s/schema/newsfields.schema", root), 0);
  ck_assert_int_eq(nf_test_write(schema_path, schema_text), 0);
  free(schema_text);
  return schema_path;
}

/* The ids of `search --json` output, in rank order, one a line. */
static char *ids_of(char *json) {
  json_t *root = json_loads(json, 0, NULL);
  ck_assert_msg(root != NULL, "not JSON: %s", json);
  free(json);
  char *ids = calloc(1, 1024);
  json_t *hit;
  size_t i;
  json_array_foreach(json_object_get(root, "hits"), i, hit) {
    strcat(ids, json_string_value(json_object_get(hit, "id")));
    strcat(ids, "\n");
  }
  json_decref(root);
  return ids;
}

START_TEST(vessel_through_the_command) {
  char *root = nf_test_tmpdir(), *schema_path = deployment_schema(root), *db, *input, *opts;
  ck_assert_int_ge(asprintf(&db, "%s/db", root), 0);
  ck_assert_int_ge(asprintf(&input, "%s/ships.jsonl", root), 0);
  ck_assert_int_eq(nf_test_write(input, articles), 0);
  ck_assert_int_ge(asprintf(&opts, "--schema '%s' --db '%s'", schema_path, db), 0);
  /* the record lists the ships as written */
  char *out = run_ok(NF_TEST_COMMAND " extract --schema '%s' '%s'", schema_path, input);
  ck_assert_msg(nf_test_contains(out, "\"vessels\":[{\"name\":\"MV Ever Given\",\"span\":[4,17]}]"),
                "%s", out);
  ck_assert_msg(nf_test_contains(out, "\"vessels\":[{\"name\":\"EVER GIVEN\",\"span\":[0,10]}]"),
                "%s", out);
  free(out);
  /* the sample corpus and the ship stories in one index */
  free(run_ok(NF_TEST_COMMAND " index -q %s " NF_TEST_CORPUS "/sample.jsonl '%s'", opts, input));
  /* the kind's normalisation at query time, beside the built-in fields */
  out = ids_of(run_ok(NF_TEST_COMMAND " search %s --json 'vessel:\"M/V EVER GIVEN\"'", opts, NULL));
  ck_assert_str_eq(out, "v1\nv2\n");
  free(out);
  out = ids_of(run_ok(NF_TEST_COMMAND
                      " search %s --json --sort date 'vessel:QE2 OR vessel:\"the Moskva\"'",
                      opts, NULL));
  ck_assert_str_eq(out, "v4\nv3\nv6\nv5\n");
  free(out);
  out = ids_of(run_ok(NF_TEST_COMMAND
                      " search %s --json --sort date 'speaker:Austin country:Lithuania'",
                      opts, NULL));
  ck_assert_str_eq(out, "nf-sample-035\nnf-sample-017\nnf-sample-016\n"); /* newest first */
  free(out);
  /* a facet of the plug-in's field, counted once per ship and article */
  out = run_ok(NF_TEST_COMMAND " search %s --json -n 0 --facets vessel ''", opts, NULL);
  ck_assert_msg(nf_test_contains(out, "\"value\":\"ever given\""), "%s", out);
  ck_assert_msg(nf_test_contains(out, "\"value\":\"queen elizabeth 2\""), "%s", out);
  ck_assert_msg(nf_test_contains(out, "\"count\":2"), "%s", out);
  free(out);
  nf_test_rmtree(root);
  free(root);
  free(schema_path);
  free(db);
  free(input);
  free(opts);
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
  TCase *cli = tcase_create("command");
  tcase_set_timeout(cli, 120);
  tcase_add_test(cli, vessel_through_the_command);
  suite_add_tcase(s, cli);
  return nf_test_main(s);
}
