/* `newsfields search` telling the truth (issue 12), checked on the sample
 * corpus with the command's exact output: the exact number of matches,
 * repeated filters of one field, unknown and empty fields, errors as JSON,
 * close suggestions only, and the snippet's marks. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define NF NF_TEST_COMMAND
#define SAMPLE NF_TEST_CORPUS "/sample.jsonl"

static char *dir;

static void index_sample(void) {
  dir = nf_test_tmpdir();
  ck_assert_ptr_nonnull(dir);
  char *out;
  ck_assert_int_eq(nf_test_runf(&out, NULL, "%s index --quiet --db %s/db %s", NF, dir, SAMPLE), 0);
  free(out);
}

static void remove_sample(void) {
  nf_test_rmtree(dir);
  free(dir);
}

/* Runs `newsfields search --db DB ARGS` and checks the exit status, the
 * whole of standard output and the whole of standard error. */
static void expect(const char *args, int rc, const char *want_out, const char *want_err) {
  char *out, *err;
  int got = nf_test_runf(&out, &err, "%s search --db %s/db %s", NF, dir, args);
  ck_assert_msg(got == rc, "%s: exit %d, want %d; stderr: %s", args, got, rc, err);
  ck_assert_msg(strcmp(out, want_out) == 0, "%s: stdout\n%s\nwant\n%s", args, out, want_out);
  ck_assert_msg(strcmp(err, want_err) == 0, "%s: stderr\n%s\nwant\n%s", args, err, want_err);
  free(out);
  free(err);
}

/* The first line of the text output. */
static void expect_head(const char *args, const char *want) {
  char *out;
  ck_assert_int_eq(nf_test_runf(&out, NULL, "%s search --db %s/db %s", NF, dir, args), 0);
  char *nl = strchr(out, '\n');
  if (nl) *nl = '\0';
  ck_assert_msg(strcmp(out, want) == 0, "%s: got '%s', want '%s'", args, out, want);
  free(out);
}

START_TEST(the_count_is_exact) {
  expect("-n 0 date:2019", 0, "6 matches for date:2019\n", "");
  expect_head("-n 1 date:2019", "6 matches for date:2019 (showing 1-1)");
  expect_head("-n 1 --offset 5 date:2019", "6 matches for date:2019 (showing 6-6)");
  expect_head("-n 2 said", "36 matches for said (showing 1-2)");
}
END_TEST

/* Repeated filters of a field with many values per article AND, of a field
 * with one OR (Omega's non-exclusive and exclusive prefixes). */
START_TEST(repeated_filters_and_or_or_by_the_field) {
  /* countries: Lithuania 8, Poland 5, both 3 */
  expect("-n 0 country:Lithuania", 0, "8 matches for country:Lithuania\n", "");
  expect("-n 0 country:Poland", 0, "5 matches for country:Poland\n", "");
  expect("-n 0 'country:Lithuania country:Poland'", 0,
         "3 matches for country:Lithuania country:Poland\n", "");
  expect("-n 0 'country:Lithuania OR country:Poland'", 0,
         "10 matches for country:Lithuania OR country:Poland\n", "");
  expect("-n 0 'speaker:Austin speaker:Anusauskas'", 0,
         "1 match for speaker:Austin speaker:Anusauskas\n", "");
  /* dateline: London 1, Vilnius 3; an article has one dateline: either */
  expect("-n 0 'dateline:London dateline:Vilnius'", 0,
         "4 matches for dateline:London dateline:Vilnius\n", "");
  expect("-n 0 'year:2019 year:2021'", 0, "11 matches for year:2019 year:2021\n", "");
  expect("-n 0 'date:2019 date:2021..2022'", 0, "23 matches for date:2019 date:2021..2022\n", "");
  /* the groups combine with AND */
  expect("-n 0 'country:Lithuania country:Poland year:2019 year:2021'", 0,
         "1 match for country:Lithuania country:Poland year:2019 year:2021\n", "");
}
END_TEST

#define FIELDS                                                                                  \
  "; the fields are text:, headline:, byline:, credit:, dateline:, agency:, country:, title:, " \
  "official:, officialorg:, speaker:, speakerorg:, speakercountry:, officialcountry:, date:, "  \
  "year:, source:, similar:, id:"

/* A field the schema does not have, or one with no value, is an error
 * listing the fields; text with a colon is text. */
START_TEST(unknown_and_empty_fields_are_errors) {
  expect("-n 0 speakr:Baker", 1, "",
         "newsfields: speakr: is not a field (did you mean speaker:?)" FIELDS "\n");
  expect("-n 0 Country:Japan", 1, "",
         "newsfields: Country: is not a field (did you mean country:?)" FIELDS "\n");
  expect("-n 0 'oil site:example'", 1, "", "newsfields: site: is not a field" FIELDS "\n");
  expect("-n 0 speaker:", 1, "",
         "newsfields: speaker: has no value: write it right after the colon, speaker:VALUE or "
         "speaker:\"two words\"" FIELDS "\n");
  expect("-n 0 'speaker: Baker'", 1, "",
         "newsfields: speaker: has no value: write it right after the colon, speaker:VALUE or "
         "speaker:\"two words\"" FIELDS "\n");
  expect("--json -n 0 speakr:Baker", 1,
         "{\"error\":{\"message\":\"speakr: is not a field (did you mean speaker:?)" FIELDS
         "\",\"status\":400}}\n",
         "newsfields: speakr: is not a field (did you mean speaker:?)" FIELDS "\n");
  /* a colon in text: after a word with a space, in a time, a URL, a phrase */
  expect("-n 0 'Note: the Bank'", 0, "36 matches for Note: the Bank\n", "");
  expect("-n 0 'talks at 10:30'", 0, "31 matches for talks at 10:30\n", "");
  expect("-n 0 https://example.com/markets", 0, "0 matches for https://example.com/markets\n", "");
  expect("-n 0 '\"speakr:Baker\"'", 0, "0 matches for \"speakr:Baker\"\n", "");
  expect("-n 0 'date:2021..date:2022'", 0, "17 matches for date:2021..date:2022\n", "");
}
END_TEST

/* --help lists the schema's fields, grouped by how repeated filters of
 * them combine (speakercountry: and officialcountry: among them). */
START_TEST(help_lists_the_fields_of_the_schema) {
  char *out;
  ck_assert_int_eq(nf_test_runf(&out, NULL, "%s search --schema %s/newsfields.schema --help", NF,
                                NF_TEST_SCHEMA_DIR),
                   0);
  char want[2048];
  snprintf(want, sizeof want,
           "\nFields of %s/newsfields.schema:\n"
           "  free text:\n"
           "    text: headline:\n"
           "  many values per article; repeated, all must match (AND):\n"
           "    byline: credit: country: title: official: officialorg: speaker:\n"
           "    speakerorg: speakercountry: officialcountry:\n"
           "  one value per article; repeated, any may match (OR):\n"
           "    dateline: agency: year: source: similar: id:\n"
           "  dates, ranges (2021-12-01..2021-12-31, 2021-12, 2021..); repeated,\n"
           "  any may match (OR):\n"
           "    date:\n"
           "Near-duplicates are folded on similar: (collapse = yes).\n"
           "Filters of different fields all apply (AND); OR and brackets say otherwise.\n"
           "A field the schema does not have (speakr:) or one with no value (speaker:)\n"
           "is an error.\n",
           NF_TEST_SCHEMA_DIR);
  const char *fields = strstr(out, "\nFields of ");
  ck_assert_msg(fields && strcmp(fields, want) == 0, "%s", out);
  ck_assert(nf_test_contains(out, "Usage: newsfields search [OPTIONS] QUERY...\n"));
  free(out);
}
END_TEST

/* The snippet's marks are byte offsets; "segments" cut the snippet at them
 * for clients that index strings otherwise (the ’ before the mark is 3
 * bytes, 1 UTF-16 unit: byte 124 is JavaScript's index 122). */
START_TEST(marks_are_bytes_and_segments_need_no_arithmetic) {
  char *out;
  ck_assert_int_eq(nf_test_runf(&out, NULL, "%s search --db %s/db --json -n 1 Anušauskas", NF, dir),
                   0);
  ck_assert_msg(nf_test_contains(out,
                                 "\"snippet\":\"...compete for each other’s military contracts, "
                                 "the Lithuanian defense ministry said. Lithuanian Defense "
                                 "Minister Arvydas Anušauskas and U.S. Secretary of Defense "
                                 "Lloyd J. Austin III put their names...\","
                                 "\"marks\":[[124,135]],"
                                 "\"segments\":[{\"text\":\"...compete for each other’s "
                                 "military contracts, the Lithuanian defense ministry said. "
                                 "Lithuanian Defense Minister Arvydas \",\"mark\":false},"
                                 "{\"text\":\"Anušauskas\",\"mark\":true},"
                                 "{\"text\":\" and U.S. Secretary of Defense Lloyd J. Austin III "
                                 "put their names...\",\"mark\":false}]"),
                "%s", out);
  free(out);
}
END_TEST

/* Suggestions are close or none: a country far from every name gets none,
 * and a value no article has gets the close indexed values when the query
 * finds nothing. */
START_TEST(suggestions_are_close_or_none) {
  expect("-n 0 country:Persia", 1, "", "newsfields: country:Persia is not a country I know\n");
  expect("-n 0 country:EU", 1, "", "newsfields: country:EU is not a country I know\n");
  expect("-n 0 country:Lithuana", 1, "",
         "newsfields: country:Lithuana is not a country I know; did you mean Lithuania?\n");
  expect("speaker:Anusauskis", 0,
         "0 matches for speaker:Anusauskis\n"
         "did you mean speaker:anusauskas? (Arvydas Anušauskas, 1 article)\n",
         "");
  expect("'speaker:\"Lloyd Austen\" official:Austn'", 0,
         "0 matches for speaker:\"Lloyd Austen\" official:Austn\n"
         "did you mean speaker:\"lloyd austin\"? (Lloyd Austin, 5 articles)\n"
         "did you mean official:austin? (Lloyd Austin, 5 articles)\n",
         "");
  expect("speaker:Zzyzx", 0, "0 matches for speaker:Zzyzx\n", ""); /* nothing close */
  /* values that are there but not together: nothing to suggest */
  expect("'speaker:Lloyd speaker:Anusauskas'", 0,
         "0 matches for speaker:Lloyd speaker:Anusauskas\n", "");
  expect("--json speaker:Anusauskis", 0,
         "{\"query\":\"speaker:Anusauskis\",\"total\":0,\"groups\":0,\"offset\":0,\"hits\":[],"
         "\"facets\":{},"
         "\"suggestions\":[{\"field\":\"speaker\",\"queried\":\"Anusauskis\",\"value\":"
         "\"anusauskas\",\"label\":\"Arvydas Anušauskas\",\"count\":1}],\"histogram\":[]}\n",
         "");
}
END_TEST

/* With --json an error is the HTTP API's JSON on standard output, with the
 * exit status; standard error keeps the message for people. */
START_TEST(json_errors_are_json_on_stdout) {
  expect("--json country:Atlantis", 1,
         "{\"error\":{\"message\":\"country:Atlantis is not a country I know\",\"status\":400}}\n",
         "newsfields: country:Atlantis is not a country I know\n");
  expect("--json --limit lots oil", 2,
         "{\"error\":{\"message\":\"--limit needs a number up to 100000, not 'lots'\","
         "\"status\":400}}\n",
         "newsfields search: --limit needs a number up to 100000, not 'lots'\n"
         "Try 'newsfields search --help'.\n");
  expect("--limit lots --json oil", 2,
         "{\"error\":{\"message\":\"--limit needs a number up to 100000, not 'lots'\","
         "\"status\":400}}\n",
         "newsfields search: --limit needs a number up to 100000, not 'lots'\n"
         "Try 'newsfields search --help'.\n");
  expect(
      "--json 'date:2019-02-30'", 1,
      "{\"error\":{\"message\":\"bad date '2019-02-30' in date: (use YYYY-MM-DD, YYYYMMDD, "
      "YYYY-MM or YYYY)\",\"status\":400}}\n",
      "newsfields: bad date '2019-02-30' in date: (use YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY)\n");
  /* without --json, standard output stays empty */
  expect("country:Atlantis", 1, "", "newsfields: country:Atlantis is not a country I know\n");
}
END_TEST

/* --skip-bad names the article once: no second "newsfields:" inside. */
START_TEST(skipped_articles_are_reported_once) {
  char bad[600], *out, *err;
  snprintf(bad, sizeof bad, "%s/bad.jsonl", dir);
  nf_test_write(bad, "{\"id\":\"ok\",\"text\":\"fine\"}\n{\"id\":\"no-text\"}\n");
  char want[1200];
  snprintf(want, sizeof want, "newsfields: skipped: %s:2: missing \"text\"\n", bad);
  ck_assert_int_eq(nf_test_runf(&out, &err, "%s extract --skip-bad %s", NF, bad), 0);
  ck_assert_msg(strcmp(err, want) == 0, "extract: %s", err);
  free(out);
  free(err);
  ck_assert_int_eq(
      nf_test_runf(&out, &err, "%s index --quiet --skip-bad --db %s/bad.db %s", NF, dir, bad), 0);
  ck_assert_msg(strcmp(err, want) == 0, "index: %s", err);
  free(out);
  free(err);
}
END_TEST

/* --format csv and jsonl: every match (or --limit of them), the columns
 * asked for, lists joined, CSV quoted by RFC 4180 with CRLF lines. */
START_TEST(export_formats) {
  expect(
      "--format csv --columns id,date,headline,dateline,countries,officials --sort date "
      "'country:lt date:2021'",
      0,
      "id,date,headline,dateline,countries,officials\r\n"
      "nf-sample-016,2021-12-20,\"Lithuania, U.S. sign defense procurement pact as China and "
      "Russia turn up the heat\",Vilnius,Lithuania; United States; Russia; Ukraine; China; "
      "Belarus; Taiwan,Arvydas Anušauskas (defense minister); Lloyd J. Austin III (defense "
      "secretary); Uzra Zeya (undersecretary of state); Gabrielius Landsbergis (foreign "
      "minister)\r\n"
      "nf-sample-014,2021-11-21,China downgrades diplomatic ties with Lithuania to charge "
      "d'affaires level,Beijing,China; Lithuania; Taiwan,Zhao Lijian (foreign ministry "
      "spokesperson)\r\n"
      "nf-sample-013,2021-08-03,Lithuania starts turning back migrants crossing from "
      "Belarus,Vilnius,Lithuania; Belarus; Iraq; Latvia; Poland,Agnė Bilotaitė (interior "
      "minister); Alexander Lukashenko (president); Gabrielius Landsbergis (foreign "
      "minister)\r\n",
      "");
  expect(
      "--format jsonl --columns id,date,speakers,dateline -n 2 --offset 1 --sort date "
      "country:lt",
      0,
      "{\"id\":\"nf-sample-031\",\"date\":\"2023-03-06\",\"speakers\":[\"Kaja Kallas\",\"Martin "
      "Helme\"],\"dateline\":null}\n"
      "{\"id\":\"nf-sample-022\",\"date\":\"2022-06-20\",\"speakers\":[\"Dmitry Peskov\",\"Anton "
      "Alikhanov\",\"Gabrielius Landsbergis\",\"Josep Borrell\",\"Vaidas Kulikauskas\"],"
      "\"dateline\":null}\n",
      "");
  /* all of them, not a page: the default columns */
  char *out;
  ck_assert_int_eq(nf_test_runf(&out, NULL, "%s search --db %s/db --format csv said", NF, dir), 0);
  size_t lines = 0;
  for (const char *p = out; (p = strstr(p, "\r\n")); p += 2) lines++;
  ck_assert_uint_eq(lines, 36 + 1);
  ck_assert(strncmp(out, "id,date,headline\r\n", 18) == 0);
  free(out);
  expect("--format xml x", 2, "",
         "newsfields search: --format is text, json, csv or jsonl, not 'xml'\n"
         "Try 'newsfields search --help'.\n");
  expect("--columns id x", 2, "",
         "newsfields search: --columns goes with --format csv or jsonl\n"
         "Try 'newsfields search --help'.\n");
  expect("--format csv country:Atlantis", 1, "",
         "newsfields: country:Atlantis is not a country I know\n");
}
END_TEST

int main(void) {
  Suite *s = suite_create("search_cli");
  TCase *tc = tcase_create("search_cli");
  tcase_set_timeout(tc, 120);
  tcase_add_unchecked_fixture(tc, index_sample, remove_sample);
  tcase_add_test(tc, the_count_is_exact);
  tcase_add_test(tc, repeated_filters_and_or_or_by_the_field);
  tcase_add_test(tc, unknown_and_empty_fields_are_errors);
  tcase_add_test(tc, help_lists_the_fields_of_the_schema);
  tcase_add_test(tc, marks_are_bytes_and_segments_need_no_arithmetic);
  tcase_add_test(tc, suggestions_are_close_or_none);
  tcase_add_test(tc, json_errors_are_json_on_stdout);
  tcase_add_test(tc, skipped_articles_are_reported_once);
  tcase_add_test(tc, export_formats);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
