/* The newsfields command end to end, and its databases read by Xapian's own
 * tools (quest, xapian-delve) and by Python's xapian module. */
#include <check.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsfields/version.h"
#include "testutil.h"

#define NF NF_TEST_COMMAND
#define FIXTURE NF_TEST_FIXTURES "/articles.jsonl"
/* Debian's own python3, which has the python3-xapian module. */
#define PYTHON "/usr/bin/python3"

static char *dir;

static void setup(void) { dir = nf_test_tmpdir(); }
static void teardown(void) {
  nf_test_rmtree(dir);
  free(dir);
}

static void index_fixture(void) {
  char *out;
  ck_assert_int_eq(nf_test_runf(&out, NULL, "%s index --quiet --db %s/db %s", NF, dir, FIXTURE), 0);
  ck_assert_str_eq(out, "");
  free(out);
}

START_TEST(index_twice_keeps_the_count) {
  char *out;
  ck_assert_int_eq(nf_test_runf(&out, NULL, "%s index --db %s/db %s", NF, dir, FIXTURE), 0);
  ck_assert(nf_test_contains(out, "indexed 6 articles (0 skipped)"));
  ck_assert(nf_test_contains(out, "has 6 documents"));
  free(out);
  ck_assert_int_eq(nf_test_runf(&out, NULL, "%s index --db %s/db %s", NF, dir, FIXTURE), 0);
  ck_assert(nf_test_contains(out, "has 6 documents"));
  free(out);
}
END_TEST

START_TEST(malformed_line_names_file_and_line_and_keeps_what_came_before) {
  char bad[600];
  snprintf(bad, sizeof bad, "%s/bad.jsonl", dir);
  nf_test_write(bad,
                "{\"id\":\"ok-1\",\"text\":\"first good article\"}\n"
                "{\"id\":\"ok-2\",\"text\":\"second good article\"}\n"
                "{\"id\":\"broken\",\"text\":\"no closing brace\"\n"
                "{\"id\":\"ok-4\",\"text\":\"after the bad line\"}\n");
  char *out, *err;
  int rc = nf_test_runf(&out, &err, "%s index --db %s/db %s", NF, dir, bad);
  ck_assert_int_eq(rc, 1);
  char where[700];
  snprintf(where, sizeof where, "newsfields: %s:3: invalid JSON", bad);
  ck_assert_msg(nf_test_contains(err, where), "stderr: %s", err);
  ck_assert(nf_test_contains(err, "--skip-bad"));
  ck_assert(nf_test_contains(out, "indexed 2 articles"));
  free(out);
  free(err);
  /* The two articles before the bad line are committed. */
  ck_assert_int_eq(nf_test_runf(&out, NULL, "%s search --db %s/db --json article", NF, dir), 0);
  ck_assert(nf_test_contains(out, "\"total\":2"));
  free(out);

  rc = nf_test_runf(&out, &err, "%s index --skip-bad --db %s/db2 %s", NF, dir, bad);
  ck_assert_int_eq(rc, 0);
  ck_assert(nf_test_contains(out, "indexed 3 articles (1 skipped)"));
  snprintf(where, sizeof where, "newsfields: skipped: %s:3:", bad);
  ck_assert_msg(nf_test_contains(err, where), "stderr: %s", err);
  free(out);
  free(err);
}
END_TEST

START_TEST(bad_date_is_reported_with_its_line) {
  char bad[600];
  snprintf(bad, sizeof bad, "%s/date.jsonl", dir);
  nf_test_write(bad, "{\"id\":\"d\",\"text\":\"x\",\"date\":\"2021-02-30\"}\n");
  char *err;
  ck_assert_int_eq(nf_test_runf(NULL, &err, "%s index --db %s/db %s", NF, dir, bad), 1);
  char want[800];
  snprintf(want, sizeof want,
           "newsfields: %s:1: date '2021-02-30' is not an ISO 8601 date (YYYY-MM-DD)", bad);
  ck_assert_msg(nf_test_contains(err, want), "stderr: %s", err);
  free(err);
}
END_TEST

START_TEST(usage_errors_exit_2) {
  static const char *const args[] = {"",
                                     "frobnicate",
                                     "index",
                                     "index --batch 0 x",
                                     "search --sort sideways x",
                                     "search --limit lots x"};
  for (size_t i = 0; i < sizeof args / sizeof args[0]; i++) {
    char *err;
    ck_assert_int_eq(nf_test_runf(NULL, &err, "%s %s", NF, args[i]), 2);
    ck_assert_msg(*err != '\0', "no message for '%s'", args[i]);
    free(err);
  }
  char *out;
  ck_assert_int_eq(nf_test_runf(&out, NULL, "%s index --help", NF), 0);
  ck_assert(nf_test_contains(out, "Usage: newsfields index"));
  free(out);
  ck_assert_int_eq(nf_test_runf(&out, NULL, "%s --version", NF), 0);
  ck_assert(nf_test_contains(out, "newsfields 0."));
  char version[128];
  snprintf(version, sizeof version, "newsfields %s (Xapian %s)\n", nf_version(),
           nf_xapian_version());
  ck_assert_str_eq(out, version);
  free(out);
}
END_TEST

START_TEST(missing_database_and_bad_query_fail_cleanly) {
  char *err;
  ck_assert_int_eq(nf_test_runf(NULL, &err, "%s search --db %s/nothing x", NF, dir), 1);
  ck_assert_msg(nf_test_contains(err, "newsfields: "), "stderr: %s", err);
  free(err);
  index_fixture();
  ck_assert_int_eq(
      nf_test_runf(NULL, &err, "%s search --db %s/db 'date:2021-99-99..2022'", NF, dir), 1);
  ck_assert_msg(nf_test_contains(err, "2021-99-99"), "stderr: %s", err);
  free(err);
  ck_assert_int_eq(nf_test_runf(NULL, &err, "%s search --db %s/db --facets nosuch x", NF, dir), 1);
  ck_assert_msg(nf_test_contains(err, "'nosuch' is not a facet field"), "stderr: %s", err);
  free(err);
}
END_TEST

START_TEST(search_prints_hits_and_json) {
  index_fixture();
  char *out;
  ck_assert_int_eq(nf_test_runf(&out, NULL, "%s search --db %s/db --facets byline oil", NF, dir),
                   0);
  ck_assert_msg(nf_test_contains(out, "1 match for oil (showing 1-1)"), "%s", out);
  ck_assert(nf_test_contains(out, "  1. fx-002  2021-12-03  Oil prices climb on supply worries"));
  ck_assert(nf_test_contains(out, "*Oil* prices climbed"));
  ck_assert(nf_test_contains(out, "byline: Ana Costa (1)"));
  free(out);
  ck_assert_int_eq(
      nf_test_runf(&out, NULL, "%s search --db %s/db --json --sort date --limit 2 'byline:doe'", NF,
                   dir),
      0);
  json_error_t jerr;
  json_t *root = json_loads(out, 0, &jerr);
  ck_assert_msg(root != NULL, "not JSON: %s", out);
  ck_assert_int_eq(json_integer_value(json_object_get(root, "total")), 2);
  ck_assert_int_eq(json_integer_value(json_object_get(root, "offset")), 0);
  json_t *hits = json_object_get(root, "hits");
  ck_assert_uint_eq(json_array_size(hits), 2);
  ck_assert_str_eq(json_string_value(json_object_get(json_array_get(hits, 0), "id")), "fx-001");
  ck_assert_str_eq(json_string_value(json_object_get(json_array_get(hits, 1), "id")), "fx-005");
  json_t *fields = json_object_get(json_array_get(hits, 0), "fields");
  ck_assert_str_eq(json_string_value(json_object_get(json_object_get(fields, "meta"), "desk")),
                   "europe");
  json_decref(root);
  free(out);
}
END_TEST

START_TEST(standard_input_and_text_files) {
  char txt[600];
  snprintf(txt, sizeof txt, "%s/note.txt", dir);
  nf_test_write(txt, "Harbour reopens\n\nThe harbour reopened on Thursday after repairs.\n");
  char *out;
  ck_assert_int_eq(
      nf_test_runf(&out, NULL, "%s index --quiet --db %s/db - %s < %s", NF, dir, txt, FIXTURE), 0);
  free(out);
  ck_assert_int_eq(
      nf_test_runf(&out, NULL, "%s search --db %s/db --json 'headline:harbour'", NF, dir), 0);
  char want[700];
  snprintf(want, sizeof want, "\"id\":\"%s\"", txt);
  ck_assert_msg(nf_test_contains(out, want), "%s", out);
  free(out);
  ck_assert_int_eq(nf_test_runf(&out, NULL, "%s search --db %s/db --json ''", NF, dir), 0);
  ck_assert(nf_test_contains(out, "\"total\":7"));
  free(out);
}
END_TEST

START_TEST(agency_variants_are_one_value) {
  char in[600];
  snprintf(in, sizeof in, "%s/agency.jsonl", dir);
  nf_test_write(in,
                "{\"id\":\"ap-1\",\"text\":\"WASHINGTON (AP) \u2014 Talks resumed on Monday.\"}\n"
                "{\"id\":\"rt-1\",\"text\":\"LONDON, March 3 (Reuters) - Shares fell.\"}\n");
  char *out;
  ck_assert_int_eq(nf_test_runf(&out, NULL, "%s index --quiet --db %s/db %s", NF, dir, in), 0);
  free(out);
  static const char *const queries[] = {"agency:AP", "agency:ap", "agency:\\\"Associated Press\\\"",
                                        "agency:\\\"A.P.\\\""};
  for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
    ck_assert_int_eq(
        nf_test_runf(&out, NULL, "%s search --db %s/db --json \"%s\"", NF, dir, queries[i]), 0);
    ck_assert_msg(nf_test_contains(out, "\"total\":1") && nf_test_contains(out, "\"id\":\"ap-1\""),
                  "%s: %s", queries[i], out);
    free(out);
  }
  ck_assert_int_eq(nf_test_runf(&out, NULL, "%s search --db %s/db --json agency:Reuter", NF, dir),
                   0);
  ck_assert_msg(nf_test_contains(out, "\"id\":\"rt-1\""), "%s", out);
  free(out);
}
END_TEST

START_TEST(quest_finds_an_article_by_id) {
  index_fixture();
  char *out;
  ck_assert_int_eq(
      nf_test_runf(&out, NULL, "quest -d %s/db --boolean-prefix=id:Q 'id:fx-003'", dir), 0);
  ck_assert_msg(nf_test_contains(out, "MSet:"), "%s", out);
  ck_assert_msg(nf_test_contains(out, "\"id\":\"fx-003\""), "%s", out);
  ck_assert(!nf_test_contains(out, "\"id\":\"fx-002\""));
  free(out);
  ck_assert_int_eq(nf_test_runf(&out, NULL,
                                "quest -d %s/db --prefix=headline:S --boolean-prefix=byline:A "
                                "'headline:oil byline:costa'",
                                dir),
                   0);
  ck_assert_msg(nf_test_contains(out, "\"id\":\"fx-002\""), "%s", out);
  free(out);
}
END_TEST

START_TEST(delve_shows_the_documented_terms) {
  index_fixture();
  char *out;
  ck_assert_int_eq(nf_test_runf(&out, NULL, "xapian-delve -t Qfx-001 %s/db", dir), 0);
  ck_assert_msg(nf_test_contains(out, "Posting List for term 'Qfx-001'"), "%s", out);
  free(out);
  ck_assert_int_eq(nf_test_runf(&out, NULL, "xapian-delve -r 1 %s/db", dir), 0);
  static const char *const terms[] = {
      "Qfx-001", "Ajane doe", "Adoe", "XYEAR2021", "Svilnius", "Zminist", "XSOURCEwire service"};
  for (size_t i = 0; i < sizeof terms / sizeof terms[0]; i++)
    ck_assert_msg(nf_test_contains(out, terms[i]), "no term %s in %s", terms[i], out);
  free(out);
  ck_assert_int_eq(nf_test_runf(&out, NULL, "xapian-delve -V0 %s/db", dir), 0);
  ck_assert_msg(nf_test_contains(out, "20211220"), "%s", out);
  free(out);
}
END_TEST

START_TEST(python_xapian_reads_the_database) {
  index_fixture();
  char script[700];
  snprintf(script, sizeof script, "%s/q.py", dir);
  nf_test_write(script,
                "import json, sys, xapian\n"
                "db = xapian.Database(sys.argv[1])\n"
                "qp = xapian.QueryParser()\n"
                "qp.set_stemmer(xapian.Stem(db.get_metadata('newsfields.language').decode()))\n"
                "qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)\n"
                "qp.add_prefix('headline', 'S')\n"
                "qp.add_boolean_prefix('byline', 'A')\n"
                "qp.add_boolean_prefix('year', 'XYEAR')\n"
                "rp = xapian.DateRangeProcessor(0, 'date:')\n"
                "qp.add_rangeprocessor(rp)\n"
                "e = xapian.Enquire(db)\n"
                "e.set_query(qp.parse_query(sys.argv[2]))\n"
                "ids = sorted(json.loads(m.document.get_data().split(b'\\n')[0])['id'] for m in "
                "e.get_mset(0, 10))\n"
                "print(' '.join(ids))\n");
  static const struct {
    const char *query, *ids;
  } rows[] = {
      {"byline:doe", "fx-001 fx-005"},
      {"headline:prices", "fx-002"},
      {"climbing", "fx-002"},
      {"year:2022", "fx-003 fx-004"},
      {"date:20211201..20211231", "fx-001 fx-002"},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    char *out, *err;
    int rc = nf_test_runf(&out, &err, PYTHON " %s %s/db '%s'", script, dir, rows[i].query);
    ck_assert_msg(rc == 0, "python failed: %s", err);
    char want[200];
    snprintf(want, sizeof want, "%s\n", rows[i].ids);
    ck_assert_msg(strcmp(out, want) == 0, "%s: got '%s'", rows[i].query, out);
    free(out);
    free(err);
  }
}
END_TEST

/* ---- plug-ins: --plugin and `plugins =` ------------------------------------- */

#define VESSEL_SCHEMA NF_TEST_FIXTURES "/plugin/vessel.schema"
#define UNKNOWN_VESSEL                                                                  \
  "vessel.schema:15: unknown kind 'vessel' (text, name, place, exact, country, title, " \
  "date, id, agency, org)"

/* dir/s: the default schema's data files, the plug-in as vessel.so, and
 * ships.schema, the default schema with a [field vessel]. */
static void ships_schema(void) {
  ck_assert_int_eq(
      nf_test_runf(NULL, NULL,
                   "mkdir %s/s && ln -s %s/* %s/s/ && rm %s/s/newsfields.schema && "
                   "ln -s %s %s/s/vessel.so && cp %s/newsfields.schema %s/s/ships.schema && "
                   "cp %s/plugin/vessels.txt %s/s/",
                   dir, NF_TEST_SCHEMA_DIR, dir, dir, NF_TEST_VESSEL, dir, NF_TEST_SCHEMA_DIR, dir,
                   NF_TEST_FIXTURES, dir),
      0);
  char path[600];
  snprintf(path, sizeof path, "%s/s/ships.schema", dir);
  FILE *f = fopen(path, "a");
  ck_assert_ptr_nonnull(f);
  fputs("\n[field vessel]\nkind = vessel\nprefix = XVESSEL\nsource = vessel\nfacet = yes\n", f);
  fclose(f);
}

/* search and serve take --plugin, for a schema with a plug-in's kind: the
 * query is normalised by the plug-in's kind. */
START_TEST(search_loads_plugins_for_the_schema) {
  index_fixture();
  char *out, *err;
  ck_assert_int_eq(
      nf_test_runf(&out, &err, "%s search --db %s/db --schema %s vessel:x", NF, dir, VESSEL_SCHEMA),
      1);
  ck_assert_msg(nf_test_contains(err, UNKNOWN_VESSEL), "stderr: %s", err);
  ck_assert_str_eq(out, "");
  free(out);
  free(err);
  ck_assert_int_eq(nf_test_runf(&out, &err,
                                "%s search --db %s/db --schema %s --plugin %s --explain --json "
                                "'vessel:\"M/V Ever Given\" OR vessel:\"the Moskva\"'",
                                NF, dir, VESSEL_SCHEMA, NF_TEST_VESSEL),
                   0);
  ck_assert_msg(nf_test_contains(err, "Query((0 * XVESSELever given OR 0 * XVESSELmoskva))"),
                "stderr: %s", err);
  ck_assert_msg(nf_test_contains(out, "\"total\":0"), "%s", out);
  free(out);
  free(err);
  /* -p too, and a plug-in that does not load */
  ck_assert_int_eq(
      nf_test_runf(&out, &err, "%s search --db %s/db --schema %s -p %s/none.so vessel:x", NF, dir,
                   VESSEL_SCHEMA, dir),
      1);
  ck_assert_msg(nf_test_contains(err, "none.so: cannot load"), "stderr: %s", err);
  free(out);
  free(err);
}
END_TEST

/* index and extract take --plugin too; a schema that names its plug-in needs
 * none; naming it both ways loads it twice, which is an error. */
START_TEST(index_and_extract_load_plugins) {
  ships_schema();
  char *out, *err;
  ck_assert_int_eq(nf_test_runf(&out, &err, "%s index -q --db %s/db --schema %s/s/ships.schema %s",
                                NF, dir, dir, FIXTURE),
                   1);
  ck_assert_msg(nf_test_contains(err, "unknown kind 'vessel'"), "stderr: %s", err);
  free(out);
  free(err);
  ck_assert_int_eq(
      nf_test_runf(&out, &err, "%s index -q --db %s/db --schema %s/s/ships.schema --plugin %s %s",
                   NF, dir, dir, NF_TEST_VESSEL, FIXTURE),
      0);
  free(out);
  free(err);
  ck_assert_int_eq(
      nf_test_runf(&out, &err,
                   "%s search --db %s/db --schema %s/s/ships.schema -p %s --facets vessel "
                   "'byline:costa vessel:\"EVER GIVEN\"'",
                   NF, dir, dir, NF_TEST_VESSEL),
      0);
  ck_assert_str_eq(out, "0 matches for byline:costa vessel:\"EVER GIVEN\"\n\nvessel: (none)\n");
  free(out);
  free(err);
  ck_assert_int_eq(nf_test_runf(&out, &err, "%s extract --schema %s/s/ships.schema --plugin %s %s",
                                NF, dir, NF_TEST_VESSEL, FIXTURE),
                   0);
  ck_assert_msg(nf_test_contains(out, "\"id\":\"fx-001\""), "%s", out);
  free(out);
  free(err);

  /* [index] after the fields: the plug-ins load before the kinds resolve */
  ck_assert_int_eq(
      nf_test_runf(NULL, NULL, "printf '[index]\\nplugins = vessel.so\\n' >> %s/s/ships.schema",
                   dir),
      0);
  ck_assert_int_eq(nf_test_runf(&out, &err, "%s index -q --db %s/db2 --schema %s/s/ships.schema %s",
                                NF, dir, dir, FIXTURE),
                   0);
  free(out);
  free(err);
  ck_assert_int_eq(
      nf_test_runf(&out, &err, "%s search --db %s/db2 --schema %s/s/ships.schema byline:costa", NF,
                   dir, dir),
      0);
  ck_assert_msg(nf_test_contains(out, "fx-002"), "%s", out);
  free(out);
  free(err);
  ck_assert_int_eq(
      nf_test_runf(&out, &err, "%s search --db %s/db2 --schema %s/s/ships.schema -p %s x", NF, dir,
                   dir, NF_TEST_VESSEL),
      1);
  ck_assert_msg(nf_test_contains(err, "a result type named 'vessel' is already registered"),
                "stderr: %s", err);
  free(out);
  free(err);
}
END_TEST

START_TEST(installed_command_finds_its_schema) {
  char *out, *err;
  int rc =
      nf_test_runf(&out, &err, "cmake --install %s --prefix %s/prefix", NF_TEST_BINARY_DIR, dir);
  ck_assert_msg(rc == 0, "install failed: %s", err);
  free(out);
  free(err);
  static const char *const files[] = {
      "bin/newsfields", "lib/libnewsfields.a", "include/newsfields/newsfields.h",
      "share/newsfields/newsfields.schema", "lib/pkgconfig/newsfields.pc"};
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
    ck_assert_msg(nf_test_runf(NULL, NULL, "test -e %s/prefix/%s", dir, files[i]) == 0, "no %s",
                  files[i]);
  }
  ck_assert_int_eq(nf_test_runf(NULL, NULL, "ls %s/prefix/lib/libnewsfields.so.0", dir), 0);
  /* Run from elsewhere, with no schema option or variable. */
  rc = nf_test_runf(
      &out, &err, "cd / && env -u NEWSFIELDS_SCHEMA %s/prefix/bin/newsfields index --db %s/idb %s",
      dir, dir, FIXTURE);
  ck_assert_msg(rc == 0, "index failed: %s", err);
  free(out);
  free(err);
  rc = nf_test_runf(
      &out, &err,
      "cd / && env -u NEWSFIELDS_SCHEMA %s/prefix/bin/newsfields search --db %s/idb byline:costa",
      dir, dir);
  ck_assert_msg(rc == 0, "search failed: %s", err);
  ck_assert(nf_test_contains(out, "fx-002"));
  free(out);
  free(err);
}
END_TEST

int main(void) {
  Suite *s = suite_create("cli");
  TCase *tc = tcase_create("cli");
  tcase_set_timeout(tc, 120);
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, index_twice_keeps_the_count);
  tcase_add_test(tc, malformed_line_names_file_and_line_and_keeps_what_came_before);
  tcase_add_test(tc, bad_date_is_reported_with_its_line);
  tcase_add_test(tc, usage_errors_exit_2);
  tcase_add_test(tc, missing_database_and_bad_query_fail_cleanly);
  tcase_add_test(tc, search_prints_hits_and_json);
  tcase_add_test(tc, standard_input_and_text_files);
  tcase_add_test(tc, quest_finds_an_article_by_id);
  tcase_add_test(tc, agency_variants_are_one_value);
  tcase_add_test(tc, delve_shows_the_documented_terms);
  tcase_add_test(tc, python_xapian_reads_the_database);
  tcase_add_test(tc, search_loads_plugins_for_the_schema);
  tcase_add_test(tc, index_and_extract_load_plugins);
  tcase_add_test(tc, installed_command_finds_its_schema);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
