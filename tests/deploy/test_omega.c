/* Omega: Debian's omega CGI with schema/omega/newsfields on the sample
 * corpus indexed by the command: hits, captions, dates (from modtime, and
 * DATEVALUE over slot 0), samples, urls and filter links, as
 * schema/omega/README.md sets it up. */
#define _GNU_SOURCE /* asprintf */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

#define OMEGA "/usr/lib/cgi-bin/omega/omega"

static char *dir;

static void setup(void) {
  dir = nf_test_tmpdir();
  char *cmd, *out = NULL;
  ck_assert(asprintf(&cmd,
                     "cd '%s' && mkdir data log && '%s' index -q --schema '%s/newsfields.schema' "
                     "--db data/news '%s/sample.jsonl' && printf 'database_dir %s/data\\n"
                     "template_dir %s/omega\\nlog_dir %s/log\\n' > omega.conf",
                     dir, NF_TEST_COMMAND, NF_TEST_SCHEMA_DIR, NF_TEST_CORPUS, dir,
                     NF_TEST_SCHEMA_DIR, dir) > 0);
  int rc = nf_test_run(cmd, 1, &out);
  ck_assert_msg(rc == 0, "%s: %s", cmd, out);
  free(out);
  free(cmd);
}

static void teardown(void) {
  nf_test_rmtree(dir);
  free(dir);
}

static char *omega(const char *params) {
  char *cmd, *out = NULL;
  ck_assert(asprintf(&cmd, "OMEGA_CONFIG_FILE='%s/omega.conf' %s DB=news FMT=newsfields %s", dir,
                     OMEGA, params) > 0);
  int rc = nf_test_run(cmd, 0, &out);
  ck_assert_msg(rc == 0, "%s: exit %d\n%s", cmd, rc, out);
  free(cmd);
  return out;
}

/* The lines of out that contain needle, joined. */
static char *lines_with(const char *out, const char *needle) {
  size_t cap = strlen(out) + 1, n = 0;
  char *got = calloc(1, cap);
  for (const char *p = out; *p;) {
    const char *eol = strchr(p, '\n');
    size_t len = eol ? (size_t)(eol - p) + 1 : strlen(p);
    if (memmem(p, len, needle, strlen(needle))) {
      memcpy(got + n, p, len);
      n += len;
    }
    p += len;
  }
  return got;
}

START_TEST(speaker_and_country) {
  if (access(OMEGA, X_OK) != 0) ck_abort_msg("%s is missing: apt-get install xapian-omega", OMEGA);
  char *out = omega("'P=speaker:austin country:lt'");
  ck_assert_msg(nf_test_contains(out, "<p class=\"total\">3 matches</p>"), "%s", out);
  char *captions = lines_with(out, "class=\"caption\"");
  ck_assert_str_eq(
      captions,
      "<a class=\"caption\" "
      "href=\"https://example.com/world/europe/2021/12/20/lithuania-us-defense-procurement-pact\">"
      "Lithuania, U.S. sign defense procurement pact as China and Russia turn up the heat</a>\n"
      "<a class=\"caption\" href=\"https://example.com/ap/2022/02/22/us-troops-baltics-austin\">US "
      "to shift troops and jets to Baltics as Russia moves on Ukraine</a>\n"
      "<a class=\"caption\" "
      "href=\"https://example.com/world/europe/2023/07/11/nato-vilnius-summit-austin\">NATO summit "
      "opens in Vilnius with Sweden cleared to join; Austin says Ukraine’s future is in "
      "NATO</a>\n");
  char *dates = lines_with(out, "class=\"date\"");
  ck_assert_str_eq(dates,
                   "<span class=\"date\">2021-12-20</span>\n"
                   "<span class=\"date\">2022-02-22</span>\n"
                   "<span class=\"date\">2023-07-11</span>\n");
  ck_assert_msg(nf_test_contains(out,
                                 "<p class=\"sample\">VILNIUS, Dec 20 (Reuters) - Lithuania "
                                 "and the United States agreed on Monday"),
                "%s", out);
  ck_assert_msg(nf_test_contains(out, "&amp;B=Nlt\">Nlt</a>"), "%s", out);
  free(captions);
  free(dates);
  free(out);
}
END_TEST

START_TEST(date_value_range) {
  char *out = omega("'P=speaker:austin country:lt' DATEVALUE=0 START=20211201 END=20211231");
  ck_assert_msg(nf_test_contains(out, "<p class=\"total\">1 matches</p>"), "%s", out);
  char *dates = lines_with(out, "class=\"date\"");
  ck_assert_str_eq(dates, "<span class=\"date\">2021-12-20</span>\n");
  free(dates);
  free(out);
}
END_TEST

/* Repeated filters of a field with many values per article AND, as the
 * command's do (non-exclusive prefixes): Lithuania 8, Poland 5, both 3;
 * those of a field with one value OR (London 1, Vilnius 3). */
START_TEST(repeated_filters_and_as_the_command) {
  char *out = omega("'P=country:lt country:pl'");
  ck_assert_msg(nf_test_contains(out, "<p class=\"total\">3 matches</p>"), "%s", out);
  free(out);
  out = omega("'P=speaker:austin speaker:anusauskas'");
  ck_assert_msg(nf_test_contains(out, "<p class=\"total\">1 matches</p>"), "%s", out);
  free(out);
  out = omega("'P=dateline:london dateline:vilnius'");
  ck_assert_msg(nf_test_contains(out, "<p class=\"total\">4 matches</p>"), "%s", out);
  free(out);
}
END_TEST

int main(void) {
  Suite *s = suite_create("omega");
  TCase *tc = tcase_create("omega CGI");
  tcase_add_unchecked_fixture(tc, setup, teardown);
  tcase_add_test(tc, speaker_and_country);
  tcase_add_test(tc, date_value_range);
  tcase_add_test(tc, repeated_filters_and_as_the_command);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
