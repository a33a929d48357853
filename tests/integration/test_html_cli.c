/* The newsfields command on web pages: HTML files and WARC archives, as
 * `newsfields extract` prints them and as `newsfields index` indexes them.
 * The expected records are tests/fixtures/html/extract.expected and
 * tests/fixtures/warc/extract.expected: each record's input fields, bylines
 * and text (the other analyzers' keys are their own tests' business). */
#define _GNU_SOURCE
#include <check.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "warc_writer.h"

#define NF NF_TEST_COMMAND
#define FIXTURES NF_TEST_FIXTURES

static char *dir;

static void setup(void) { dir = nf_test_tmpdir(); }
static void teardown(void) {
  nf_test_rmtree(dir);
  free(dir);
}

/* The keys of a record that reading pages decides. */
static json_t *projection(const char *line) {
  static const char *const keys[] = {"id",     "headline", "date",   "url",
                                     "source", "meta",     "byline", "text"};
  json_error_t jerr;
  json_t *rec = json_loads(line, 0, &jerr);
  ck_assert_msg(rec, "not JSON: %s", line);
  json_t *out = json_object();
  for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
    json_t *v = json_object_get(rec, keys[i]);
    json_object_set(out, keys[i], v ? v : json_null());
  }
  json_decref(rec);
  return out;
}

/* Every line of the command's output against the expected file's. */
static void assert_records(const char *got, const char *expected_path) {
  FILE *f = fopen(expected_path, "r");
  ck_assert_ptr_nonnull(f);
  char *want = NULL;
  size_t cap = 0;
  const char *p = got;
  int n = 0;
  while (getline(&want, &cap, f) > 0) {
    const char *nl = strchr(p, '\n');
    ck_assert_msg(nl, "record %d missing; output:\n%s", n + 1, got);
    char *line = strndup(p, (size_t)(nl - p));
    json_t *a = projection(line);
    json_error_t jerr;
    json_t *b = json_loads(want, 0, &jerr);
    ck_assert_ptr_nonnull(b);
    char *as = json_dumps(a, JSON_COMPACT), *bs = json_dumps(b, JSON_COMPACT);
    ck_assert_msg(json_equal(a, b), "record %d:\n got: %s\nwant: %s", n + 1, as, bs);
    free(as), free(bs);
    json_decref(a), json_decref(b);
    free(line);
    p = nl + 1;
    n++;
  }
  ck_assert_msg(*p == '\0', "more records than expected: %s", p);
  ck_assert_int_gt(n, 0);
  free(want);
  fclose(f);
}

START_TEST(extract_html_pages) {
  char *out, *err;
  /* relative paths: a page with no canonical URL has its path as id */
  ck_assert_int_eq(nf_test_runf(&out, &err, "cd '%s' && %s extract --text html", FIXTURES, NF), 0);
  ck_assert_str_eq(err, "");
  assert_records(out, FIXTURES "/html/extract.expected");
  free(out), free(err);
}
END_TEST

START_TEST(extract_warc) {
  char *path;
  ck_assert_int_ge(asprintf(&path, "%s/sample.warc%s", dir, _i ? ".gz" : ""), 0);
  ck_assert_int_eq(nf_test_sample_warc(path, _i, FIXTURES "/html"), 0);
  char *out, *err;
  ck_assert_int_eq(nf_test_runf(&out, &err, "%s extract --text '%s'", NF, path), 0);
  ck_assert_str_eq(err, "newsfields: passed over 6 web archive records that are no HTML page\n");
  assert_records(out, FIXTURES "/warc/extract.expected");
  free(out), free(err), free(path);
}
END_TEST

/* A bad record stops the run naming the file and offset; --skip-bad goes on
 * at the next record. */
START_TEST(bad_record_and_skip_bad) {
  char *path;
  ck_assert_int_ge(asprintf(&path, "%s/bad.warc", dir), 0);
  ck_assert_int_eq(nf_test_sample_warc(path, 0, FIXTURES "/html"), 0);
  FILE *f = fopen(path, "ab");
  long offset = ftell(f);
  fputs("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\n", f);
  fclose(f);
  ck_assert_int_eq(nf_test_sample_warc(path, 0, FIXTURES "/html"), 0);
  char *out, *err, *want;
  ck_assert_int_eq(nf_test_runf(&out, &err, "%s extract '%s'", NF, path), 1);
  ck_assert_int_ge(asprintf(&want,
                            "newsfields: %s (record at offset %ld): bad or missing "
                            "Content-Length 'many'\n"
                            "newsfields: passed over 6 web archive records that are no HTML "
                            "page\n",
                            path, offset),
                   0);
  ck_assert_str_eq(err, want);
  int lines = 0; /* the three articles before the bad record */
  for (const char *c = out; *c; c++) lines += *c == '\n';
  ck_assert_int_eq(lines, 3);
  free(out), free(err), free(want);
  ck_assert_int_eq(nf_test_runf(&out, &err, "%s extract --skip-bad '%s'", NF, path), 0);
  lines = 0; /* the three articles before it and the three after */
  for (const char *c = out; *c; c++) lines += *c == '\n';
  ck_assert_int_eq(lines, 6);
  ck_assert_int_ge(asprintf(&want,
                            "newsfields: skipped: %s (record at offset %ld): bad or "
                            "missing Content-Length 'many'\n"
                            "newsfields: passed over 12 web archive records that are no HTML "
                            "page\n",
                            path, offset),
                   0);
  ck_assert_str_eq(err, want);
  free(out), free(err), free(want), free(path);
}
END_TEST

/* Pages indexed: the metadata author is a byline to search. */
START_TEST(index_and_search_pages) {
  char *out;
  ck_assert_int_eq(
      nf_test_runf(&out, NULL, "%s index --quiet --db %s/db %s/html", NF, dir, FIXTURES), 0);
  free(out);
  ck_assert_int_eq(nf_test_runf(&out, NULL, "%s search --db %s/db --json 'byline:Kovac'", NF, dir),
                   0);
  json_error_t jerr;
  json_t *r = json_loads(out, 0, &jerr);
  ck_assert_ptr_nonnull(r);
  ck_assert_int_eq(json_integer_value(json_object_get(r, "total")), 1);
  ck_assert_str_eq(
      json_string_value(json_object_get(json_array_get(json_object_get(r, "hits"), 0), "id")),
      "https://harbourgazette.example/2022/03/14/ferry-strike-strands-islanders/");
  json_decref(r);
  free(out);
}
END_TEST

int main(void) {
  Suite *s = suite_create("html_cli");
  TCase *tc = tcase_create("html_cli");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, extract_html_pages);
  tcase_add_loop_test(tc, extract_warc, 0, 2);
  tcase_add_test(tc, bad_record_and_skip_bad);
  tcase_add_test(tc, index_and_search_pages);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
