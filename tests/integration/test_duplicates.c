/* Near-duplicates (issue 12, item 6), on wire stories written for the test
 * (tests/fixtures/duplicates/README.md): a story, its update with a changed
 * figure and its correction share a key; another story of the same strike
 * and the next week's strike told in the same words do not.  A search folds
 * the three into one hit with "2 similar", the count and the facets still
 * count articles, similar:KEY lists the group, --no-collapse shows each. */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define NF NF_TEST_COMMAND
#define WIRE NF_TEST_FIXTURES "/duplicates/port-strike.jsonl"
/* The key of wire-001..003: FNV-1a of the first 25 folded words of their
 * text.  A change here changes every index's groups: reindex. */
#define KEY_A "290e05501f214cde"
#define KEY_004 "0f9e328c58cdea5b"
#define KEY_005 "77647a71787133b1"

static char *dir;

static void index_wire(void) {
  dir = nf_test_tmpdir();
  ck_assert_ptr_nonnull(dir);
  char *out;
  ck_assert_int_eq(nf_test_runf(&out, NULL, "%s index --quiet --db %s/db %s", NF, dir, WIRE), 0);
  free(out);
}

static void remove_wire(void) {
  nf_test_rmtree(dir);
  free(dir);
}

/* `newsfields search --db DB ARGS`: exit 0 and its standard output. */
static char *search(const char *args) {
  char *out, *err;
  int rc = nf_test_runf(&out, &err, "%s search --db %s/db %s", NF, dir, args);
  ck_assert_msg(rc == 0, "%s: exit %d; stderr: %s", args, rc, err);
  free(err);
  return out;
}

static void expect(const char *args, const char *want) {
  char *out = search(args);
  ck_assert_msg(strcmp(out, want) == 0, "%s: stdout\n%s\nwant\n%s", args, out, want);
  free(out);
}

static json_t *search_json(const char *args) {
  char *out = search(args);
  json_error_t e;
  json_t *j = json_loads(out, 0, &e);
  ck_assert_msg(json_is_object(j), "%s: not JSON: %s", args, out);
  free(out);
  return j;
}

/* The hits' ids, space-separated, in order. */
static char *ids_of(json_t *j) {
  static char buf[512];
  buf[0] = '\0';
  json_t *hits = json_object_get(j, "hits"), *h;
  size_t i;
  json_array_foreach(hits, i, h) {
    if (i) strcat(buf, " ");
    strcat(buf, json_string_value(json_object_get(h, "id")));
  }
  return buf;
}

/* The story, its update and its correction share a key; the other story
 * of the same strike and the next week's strike each have their own. */
START_TEST(the_copies_share_a_key_and_only_they) {
  json_t *j = search_json("--json --no-collapse similar:" KEY_A);
  ck_assert_str_eq(ids_of(j), "wire-001 wire-002 wire-003");
  json_decref(j);
  j = search_json("--json --no-collapse 'similar:\"" KEY_004 "\"'");
  ck_assert_str_eq(ids_of(j), "wire-004");
  json_decref(j);
  j = search_json("--json --no-collapse similar:" KEY_005);
  ck_assert_str_eq(ids_of(j), "wire-005");
  json_decref(j);
}
END_TEST

/* The text output: all five counted, three hits, the folded ones said. */
START_TEST(a_search_folds_them_into_one_hit) {
  expect("--sort date strike",
         "5 matches for strike (showing 1-3); 3 hits, 2 near-duplicates folded\n"
         "\n"
         "  1. wire-005  2024-05-09  Rotterdam dock workers strike again as pay talks fail\n"
         "    ...24-hour *strike* over pay, halting container traffic at Europe's busiest port "
         "for the second time in a week, the FNV union said. Talks with terminal operators broke "
         "down on Tuesday without a new offer...\n"
         "\n"
         "  2. wire-004  2024-05-02  Shipping lines divert Rotterdam cargo to Antwerp and Hamburg "
         "as dock strike bites\n"
         "    ...Shipping lines began diverting vessels bound for Rotterdam to Antwerp and Hamburg "
         "on Thursday as a *strike* by dock workers at the Dutch port over pay entered its first "
         "day. A spokesman for one...\n"
         "\n"
         "  3. wire-001  2024-05-02  Rotterdam dock workers strike over pay, container traffic "
         "halted\n"
         "    ...*strike* over pay, halting container traffic at Europe's busiest port, the FNV "
         "union said. About 40 container ships were waiting to berth by midday, a port authority "
         "spokeswoman said. “We have asked...\n"
         "    + 2 similar: similar:" KEY_A "\n");
  /* the offset goes by hits */
  char *out = search("-n 1 --offset 2 --sort date strike");
  ck_assert_msg(strncmp(out,
                        "5 matches for strike (showing 3-3); 3 hits, 2 near-duplicates folded\n"
                        "\n"
                        "  3. wire-001",
                        62 + 15) == 0,
                "%s", out);
  free(out);
}
END_TEST

/* A query of filters alone has no word to show in the text: each hit's
 * snippet is its lead, cut at a word. */
START_TEST(a_query_of_filters_shows_the_leads) {
  expect("-n 2 year:2024 dateline:Rotterdam",
         "5 matches for year:2024 dateline:Rotterdam (showing 1-2); 3 hits, 2 near-duplicates "
         "folded\n"
         "\n"
         "  1. wire-001  2024-05-02  Rotterdam dock workers strike over pay, container traffic "
         "halted\n"
         "    ROTTERDAM, May 2 (Reuters) - Dock workers at the port of Rotterdam walked out on "
         "Thursday in a 48-hour strike over pay, halting container traffic at Europe's busiest "
         "port, the FNV union said. About...\n"
         "    + 2 similar: similar:" KEY_A
         "\n"
         "\n"
         "  2. wire-004  2024-05-02  Shipping lines divert Rotterdam cargo to Antwerp and Hamburg "
         "as dock strike bites\n"
         "    ROTTERDAM, May 2 (Reuters) - Shipping lines began diverting vessels bound for "
         "Rotterdam to Antwerp and Hamburg on Thursday as a strike by dock workers at the Dutch "
         "port over pay entered its first...\n");
}
END_TEST

/* One database counts its groups from the duplicates it keeps, several
 * with a spy on each match's key: the same database twice has every article
 * twice, and still three groups. */
START_TEST(groups_counted_alike_over_two_databases) {
  char *out = NULL;
  int rc = nf_test_runf(&out, NULL, "%s search -n 0 --db %s/db --db %s/db strike", NF, dir, dir);
  ck_assert_int_eq(rc, 0);
  ck_assert_str_eq(out, "10 matches for strike; 3 hits, 7 near-duplicates folded\n");
  free(out);
  out = search("-n 0 strike");
  ck_assert_str_eq(out, "5 matches for strike; 3 hits, 2 near-duplicates folded\n");
  free(out);
}
END_TEST

/* Thirty re-sends of one story, newer than two others: the first hits
 * Xapian gives are all re-sends, and folding them must look further down
 * for the second and third hit (the search asks Xapian again). */
START_TEST(many_copies_at_the_top_still_give_the_hits) {
  char *d = nf_test_tmpdir();
  char path[600], line[1024];
  snprintf(path, sizeof path, "%s/resends.jsonl", d);
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  for (int i = 1; i <= 30; i++)
    fprintf(f,
            "{\"id\": \"resend-%02d\", \"date\": \"2024-06-%02d\", \"headline\": \"Harbour "
            "pilots end walkout\", \"text\": \"ANTWERP, June 3 - Harbour pilots at the port of "
            "Antwerp ended a three-day walkout on Monday after the regional government agreed to "
            "review their pensions, the pilots' union said. Ships began moving again at noon.\"}\n",
            i, i);
  fputs(
      "{\"id\": \"other-1\", \"date\": \"2024-05-02\", \"headline\": \"Port fees to rise\", "
      "\"text\": \"HAMBURG, May 2 - The port of Hamburg will raise its fees by four percent "
      "next year to pay for dredging the Elbe, the port authority said on Thursday.\"}\n",
      f);
  fputs(
      "{\"id\": \"other-2\", \"date\": \"2024-05-01\", \"headline\": \"Port traffic "
      "slows\", \"text\": \"GDANSK, May 1 - Container traffic at the port of Gdansk fell for "
      "a second month in April as shipping lines cut calls in the Baltic, figures showed.\"}\n",
      f);
  fclose(f);
  char *out = NULL, *err = NULL;
  ck_assert_int_eq(nf_test_runf(&out, &err, "%s index --quiet --db %s/db %s", NF, d, path), 0);
  free(out);
  free(err);
  snprintf(line, sizeof line, "%s search --db %s/db --json --sort date -n 3 port", NF, d);
  ck_assert_int_eq(nf_test_runf(&out, &err, "%s", line), 0);
  json_error_t e;
  json_t *j = json_loads(out, 0, &e);
  ck_assert_msg(json_is_object(j), "not JSON: %s", out);
  ck_assert_str_eq(ids_of(j), "resend-30 other-1 other-2");
  ck_assert_int_eq(json_integer_value(json_object_get(j, "total")), 32);
  ck_assert_int_eq(json_integer_value(json_object_get(j, "groups")), 3);
  json_t *first = json_array_get(json_object_get(j, "hits"), 0);
  ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(first, "similar"), "count")),
                   29);
  json_decref(j);
  free(out);
  free(err);
  /* the offset goes by hits, past the thirty */
  snprintf(line, sizeof line, "%s search --db %s/db --json --sort date -n 1 --offset 2 port", NF,
           d);
  ck_assert_int_eq(nf_test_runf(&out, &err, "%s", line), 0);
  j = json_loads(out, 0, &e);
  ck_assert_str_eq(ids_of(j), "other-2");
  ck_assert_int_eq(
      json_integer_value(json_object_get(
          json_object_get(json_array_get(json_object_get(j, "hits"), 0), "similar"), "count")),
      0);
  json_decref(j);
  free(out);
  free(err);
  nf_test_rmtree(d);
  free(d);
}
END_TEST

/* --json: "groups" after "total", each hit's "similar" {count, key}. */
START_TEST(the_json_says_how_many_and_which) {
  json_t *j = search_json("--json --sort date strike");
  ck_assert_int_eq(json_integer_value(json_object_get(j, "total")), 5);
  ck_assert_int_eq(json_integer_value(json_object_get(j, "groups")), 3);
  ck_assert_str_eq(ids_of(j), "wire-005 wire-004 wire-001");
  const char *want[] = {"{\"count\":0,\"key\":\"" KEY_005 "\"}",
                        "{\"count\":0,\"key\":\"" KEY_004 "\"}",
                        "{\"count\":2,\"key\":\"" KEY_A "\"}"};
  for (size_t i = 0; i < 3; i++) {
    char *s = json_dumps(json_object_get(json_array_get(json_object_get(j, "hits"), i), "similar"),
                         JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);
    ck_assert_str_eq(s, want[i]);
    free(s);
  }
  json_decref(j);
  char *out = search("--json -n 0 strike");
  ck_assert_msg(
      nf_test_contains(out, "{\"query\":\"strike\",\"total\":5,\"groups\":3,\"offset\":0,"), "%s",
      out);
  free(out);
}
END_TEST

/* --no-collapse: each article a hit, no "groups", no "similar". */
START_TEST(no_collapse_shows_each) {
  char *out = search("--no-collapse -n 0 strike");
  ck_assert_str_eq(out, "5 matches for strike\n");
  free(out);
  out = search("--no-collapse --json strike");
  ck_assert_msg(!nf_test_contains(out, "\"groups\"") && !nf_test_contains(out, "\"similar\""), "%s",
                out);
  free(out);
  json_t *j = search_json("--no-collapse --json --sort date strike");
  ck_assert_int_eq(json_array_size(json_object_get(j, "hits")), 5);
  json_decref(j);
}
END_TEST

/* Facets and the histogram count articles, collapsed or not. */
START_TEST(facets_count_articles) {
  const char *args[] = {"--json -f dateline strike", "--json --no-collapse -f dateline strike"};
  for (size_t i = 0; i < 2; i++) {
    json_t *j = search_json(args[i]);
    json_t *dl = json_array_get(json_object_get(json_object_get(j, "facets"), "dateline"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(dl, "value")), "rotterdam");
    ck_assert_int_eq(json_integer_value(json_object_get(dl, "count")), 5);
    json_t *month = json_array_get(json_object_get(j, "histogram"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(month, "month")), "2024-05");
    ck_assert_int_eq(json_integer_value(json_object_get(month, "count")), 5);
    json_decref(j);
  }
}
END_TEST

/* The export writes every article, near-duplicates included. */
START_TEST(export_writes_every_article) {
  expect("--format csv --columns id --sort date strike",
         "id\r\nwire-005\r\nwire-004\r\nwire-001\r\nwire-003\r\nwire-002\r\n");
}
END_TEST

/* A key that no article has finds nothing; an empty one is an error. */
START_TEST(bad_keys) {
  expect("-n 0 similar:0000000000000000", "0 matches for similar:0000000000000000\n");
  char *out, *err;
  int rc = nf_test_runf(&out, &err, "%s search --db %s/db similar:", NF, dir);
  ck_assert_int_ne(rc, 0);
  ck_assert_msg(nf_test_contains(err, "similar:"), "%s", err);
  free(out);
  free(err);
}
END_TEST

int main(void) {
  Suite *s = suite_create("duplicates");
  TCase *tc = tcase_create("near-duplicates");
  tcase_add_unchecked_fixture(tc, index_wire, remove_wire);
  tcase_add_test(tc, the_copies_share_a_key_and_only_they);
  tcase_add_test(tc, a_search_folds_them_into_one_hit);
  tcase_add_test(tc, a_query_of_filters_shows_the_leads);
  tcase_add_test(tc, groups_counted_alike_over_two_databases);
  tcase_add_test(tc, many_copies_at_the_top_still_give_the_hits);
  tcase_add_test(tc, the_json_says_how_many_and_which);
  tcase_add_test(tc, no_collapse_shows_each);
  tcase_add_test(tc, facets_count_articles);
  tcase_add_test(tc, export_writes_every_article);
  tcase_add_test(tc, bad_keys);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
