/* Reading articles: JSON Lines rows, plain-text files, directory order. */
#define _GNU_SOURCE
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsfields/input.h"
#include "testutil.h"

static char *dir;

static void setup(void) { dir = nf_test_tmpdir(); }
static void teardown(void) {
  nf_test_rmtree(dir);
  free(dir);
}

static char *path_in(const char *name) {
  char *p = malloc(strlen(dir) + strlen(name) + 2);
  sprintf(p, "%s/%s", dir, name);
  return p;
}

static char *str(nf_str s) { return s.p ? strndup(s.p, s.n) : strdup("(null)"); }

/* One JSON line and what is read from it: "id|headline|date|author|source|url|extra",
 * or the error message. */
static const struct {
  const char *line, *expect, *error;
} rows[] = {
    {"{\"id\":\"a\",\"text\":\"t\"}", "a|(null)|(null)|(null)|(null)|(null)|(null)", NULL},
    {"{\"id\":\"a\",\"text\":\"t\",\"headline\":\"H\",\"date\":\"2021-12-20\",\"author\":\"A B\","
     "\"source\":\"S\",\"url\":\"http://u\"}",
     "a|H|2021-12-20|A B|S|http://u|(null)", NULL},
    {"{\"id\":7,\"text\":\"t\"}", "7|(null)|(null)|(null)|(null)|(null)|(null)", NULL},
    {"{\"id\":\"a\",\"text\":\"t\",\"author\":[\"Jane Doe\",\"John Roe\"]}",
     "a|(null)|(null)|Jane Doe, John Roe|(null)|(null)|(null)", NULL},
    {"{\"id\":\"a\",\"text\":\"t\",\"topic\":\"war\",\"n\":[1,2]}",
     "a|(null)|(null)|(null)|(null)|(null)|{\"topic\":\"war\",\"n\":[1,2]}", NULL},
    {"{\"id\":\"a\",\"text\":\"t\",\"headline\":null}",
     "a|(null)|(null)|(null)|(null)|(null)|(null)", NULL},
    {"{\"id\":\"a\",\"text\":\"t\"", NULL,
     "invalid JSON at column 20: '}' expected near end of file"},
    {"[1,2]", NULL, "expected a JSON object, one article per line"},
    {"{\"text\":\"t\"}", NULL, "missing \"id\""},
    {"{\"id\":\"\",\"text\":\"t\"}", NULL, "\"id\" is empty"},
    {"{\"id\":[1],\"text\":\"t\"}", NULL, "\"id\" must be a string"},
    {"{\"id\":\"a\"}", NULL, "missing \"text\""},
    {"{\"id\":\"a\",\"text\":5}", NULL, "\"text\" must be a string"},
    {"{\"id\":\"a\",\"text\":\"t\",\"headline\":3}", NULL, "\"headline\" must be a string"},
    {"{\"id\":\"a\",\"text\":\"t\",\"author\":[1]}", NULL,
     "\"author\" must be a string or an array of strings"},
    /* a bad date is the analysis's to find (it parses the date once) */
    {"{\"id\":\"a\",\"text\":\"t\",\"date\":\"20 Dec 2021\"}",
     "a|(null)|20 Dec 2021|(null)|(null)|(null)|(null)", NULL},
    {"{\"id\":\"a\",\"id\":\"b\",\"text\":\"t\"}", NULL,
     "invalid JSON at column 14: duplicate object key near '\"id\"'"},
    {"{\"id\":\"a\",\"text\":\"\xff\"}", NULL, NULL /* any JSON error */},
};

/* The other keys as compact JSON, or "(null)" as str gives for an absent string. */
static char *extra_of(const nf_article *a) {
  if (!a->extra) return strdup("(null)");
  return json_dumps(a->extra, JSON_COMPACT | JSON_PRESERVE_ORDER);
}

START_TEST(json_line_rows) {
  char *file = path_in("one.jsonl");
  char *content = malloc(strlen(rows[_i].line) + 3);
  sprintf(content, "\n%s\n", rows[_i].line); /* a blank line first: skipped, still counted */
  ck_assert_int_eq(nf_test_write(file, content), 0);
  nf_input *in;
  nf_error err;
  nf_error_clear(&err);
  const char *paths[] = {file};
  ck_assert_int_eq(nf_input_open(paths, 1, &in, &err), NF_OK);
  const nf_article *a;
  nf_status s = nf_input_next(in, &a, &err);
  if (rows[_i].expect) {
    ck_assert_msg(s == NF_OK, "%s", err.message);
    char got[1024];
    char *f[7] = {str(a->id),     str(a->headline), str(a->date), str(a->author),
                  str(a->source), str(a->url),      extra_of(a)};
    snprintf(got, sizeof got, "%s|%s|%s|%s|%s|%s|%s", f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
    for (int k = 0; k < 7; k++) free(f[k]);
    ck_assert_str_eq(got, rows[_i].expect);
    ck_assert_uint_eq(a->line, 2);
    ck_assert_str_eq(a->origin, file);
  } else {
    ck_assert_int_eq(s, NF_ERR_PARSE);
    char where[600];
    snprintf(where, sizeof where, "%s:2", file);
    ck_assert_str_eq(err.where, where);
    if (rows[_i].error) ck_assert_str_eq(err.message, rows[_i].error);
  }
  ck_assert_int_eq(nf_input_next(in, &a, &err), NF_OK);
  ck_assert_ptr_null(a);
  nf_input_free(in);
  free(content);
  free(file);
}
END_TEST

START_TEST(bad_line_does_not_stop_the_reader) {
  char *file = path_in("mixed.jsonl");
  nf_test_write(file, "{\"id\":\"1\",\"text\":\"a\"}\nnot json\n{\"id\":\"3\",\"text\":\"c\"}\n");
  const char *paths[] = {file};
  nf_input *in;
  nf_error err;
  const nf_article *a;
  ck_assert_int_eq(nf_input_open(paths, 1, &in, &err), NF_OK);
  ck_assert_int_eq(nf_input_next(in, &a, &err), NF_OK);
  ck_assert_int_eq(strncmp(a->id.p, "1", a->id.n), 0);
  ck_assert_int_eq(nf_input_next(in, &a, &err), NF_ERR_PARSE);
  ck_assert(nf_test_contains(err.where, "mixed.jsonl:2"));
  ck_assert_int_eq(nf_input_next(in, &a, &err), NF_OK);
  ck_assert_int_eq(strncmp(a->id.p, "3", a->id.n), 0);
  ck_assert_uint_eq(a->line, 3);
  ck_assert_int_eq(nf_input_next(in, &a, &err), NF_OK);
  ck_assert_ptr_null(a);
  ck_assert_uint_eq(nf_input_bytes(in), 53);
  nf_input_free(in);
  free(file);
}
END_TEST

START_TEST(text_file_headline_and_body) {
  char *file = path_in("story.txt");
  nf_test_write(file, "\n\n  Quake hits coast  \r\n\nTAUPO, New Zealand, March 24 - A quake.\n");
  const char *paths[] = {file};
  nf_input *in;
  nf_error err;
  const nf_article *a;
  ck_assert_int_eq(nf_input_open(paths, 1, &in, &err), NF_OK);
  ck_assert_int_eq(nf_input_next(in, &a, &err), NF_OK);
  char *h = str(a->headline), *t = str(a->text), *id = str(a->id);
  ck_assert_str_eq(h, "Quake hits coast");
  ck_assert_str_eq(t, "TAUPO, New Zealand, March 24 - A quake.\n");
  ck_assert_str_eq(id, file);
  free(h);
  free(t);
  free(id);
  nf_input_free(in);
  free(file);
}
END_TEST

START_TEST(invalid_utf8_in_a_text_file_is_replaced) {
  char *file = path_in("latin1.txt");
  nf_test_write(file, "Caf\xe9 reopens\nThe caf\xe9 in S\xe3o Paulo reopened.\n");
  const char *paths[] = {file};
  nf_input *in;
  nf_error err;
  const nf_article *a;
  ck_assert_int_eq(nf_input_open(paths, 1, &in, &err), NF_OK);
  ck_assert_int_eq(nf_input_next(in, &a, &err), NF_OK);
  char *h = str(a->headline), *t = str(a->text);
  ck_assert_str_eq(h, "Caf\xef\xbf\xbd reopens");
  ck_assert_str_eq(t, "The caf\xef\xbf\xbd in S\xef\xbf\xbdo Paulo reopened.\n");
  free(h);
  free(t);
  nf_input_free(in);
  free(file);
}
END_TEST

START_TEST(empty_text_file_is_an_error) {
  char *file = path_in("empty.txt");
  nf_test_write(file, "\n  \n");
  const char *paths[] = {file};
  nf_input *in;
  nf_error err;
  const nf_article *a;
  ck_assert_int_eq(nf_input_open(paths, 1, &in, &err), NF_OK);
  ck_assert_int_eq(nf_input_next(in, &a, &err), NF_ERR_PARSE);
  ck_assert_str_eq(err.where, file);
  ck_assert_str_eq(err.message, "empty file: no headline and no text");
  nf_input_free(in);
  free(file);
}
END_TEST

START_TEST(directories_walk_in_byte_order) {
  char *sub = path_in("b-dir"), *hidden = path_in(".hidden.jsonl");
  char *f1 = path_in("Z.txt"), *f2 = path_in("a.jsonl"), *f3 = path_in("b-dir/c.ndjson"),
       *f4 = path_in("notes.md"), *f5 = path_in("c.txt");
  char cmd[600];
  snprintf(cmd, sizeof cmd, "mkdir '%s'", sub);
  ck_assert_int_eq(system(cmd), 0);
  nf_test_write(f1, "Z head\nz body\n");
  nf_test_write(f2, "{\"id\":\"a1\",\"text\":\"x\"}\n{\"id\":\"a2\",\"text\":\"x\"}\n");
  nf_test_write(f3, "{\"id\":\"c1\",\"text\":\"x\"}\n");
  nf_test_write(f4, "# not an article\n");
  nf_test_write(f5, "C head\nc body\n");
  nf_test_write(hidden, "{\"id\":\"hidden\",\"text\":\"x\"}\n");
  const char *paths[] = {dir};
  nf_input *in;
  nf_error err;
  const nf_article *a;
  ck_assert_int_eq(nf_input_open(paths, 1, &in, &err), NF_OK);
  char order[512] = "";
  while (nf_input_next(in, &a, &err) == NF_OK && a) {
    const char *slash = memrchr(a->id.p, '/', a->id.n);
    const char *name = slash ? slash + 1 : a->id.p;
    strncat(order, name, (size_t)(a->id.p + a->id.n - name));
    strcat(order, " ");
  }
  ck_assert_str_eq(order, "Z.txt a1 a2 c1 c.txt ");
  nf_input_free(in);
  free(sub), free(hidden), free(f1), free(f2), free(f3), free(f4), free(f5);
}
END_TEST

START_TEST(missing_input_is_named) {
  const char *paths[] = {"/nonexistent/articles.jsonl"};
  nf_input *in;
  nf_error err;
  ck_assert_int_eq(nf_input_open(paths, 1, &in, &err), NF_ERR_NOT_FOUND);
  ck_assert_ptr_null(in);
  ck_assert_str_eq(err.where, "/nonexistent/articles.jsonl");
  ck_assert_int_eq(nf_input_open(paths, 0, &in, &err), NF_ERR_INVALID);
}
END_TEST

/* Every article's id, relative to dir, space-separated; the first error's
 * "where: message" appended as "!where: message". */
static void read_all(const char *const *paths, size_t n, const nf_limits *limits, char *out,
                     size_t size) {
  nf_input *in;
  nf_error err;
  const nf_article *a;
  out[0] = '\0';
  ck_assert_int_eq(nf_input_open(paths, n, &in, &err), NF_OK);
  if (limits) nf_input_set_limits(in, limits);
  for (int guard = 0; guard < 100; guard++) {
    nf_error_clear(&err);
    nf_status s = nf_input_next(in, &a, &err);
    if (s == NF_OK && !a) break;
    size_t len = strlen(out);
    if (s != NF_OK) {
      const char *where =
          strncmp(err.where, dir, strlen(dir)) == 0 ? err.where + strlen(dir) + 1 : err.where;
      snprintf(out + len, size - len, "!%s: %s ", where, err.message);
      continue;
    }
    const char *id = a->id.p;
    size_t idn = a->id.n;
    if (idn > strlen(dir) && strncmp(id, dir, strlen(dir)) == 0)
      id += strlen(dir) + 1, idn -= strlen(dir) + 1;
    snprintf(out + len, size - len, "%.*s ", (int)idn, id);
  }
  nf_input_free(in);
}

static void sh(const char *fmt, const char *arg) {
  char cmd[1024];
  snprintf(cmd, sizeof cmd, fmt, arg, arg, arg, arg);
  ck_assert_int_eq(system(cmd), 0);
}

/* Links to a parent directory are loops: each file is read once and the
 * walk ends. */
START_TEST(symbolic_link_loops_read_each_file_once) {
  sh("cd '%s' && printf 'H\\nbody\\n' > a.txt && ln -s . l1 && ln -s . l2 && ln -s . self && "
     "mkdir sub && ln -s .. sub/up && ln a.txt hard.txt",
     dir);
  const char *paths[] = {dir, dir};
  char got[2048];
  read_all(paths, 2, NULL, got, sizeof got);
  ck_assert_str_eq(got, "a.txt ");
}
END_TEST

/* A read error is an error naming the file and the line, never the end. */
START_TEST(read_errors_are_errors) {
  const char *paths[] = {"/proc/self/mem", "/dev/zero"};
  char got[2048];
  read_all(paths, 2, NULL, got, sizeof got);
  ck_assert_str_eq(got,
                   "!/proc/self/mem:1: cannot read: Input/output error "
                   "!/dev/zero:1: the file starts with NUL bytes: it is not UTF-8 text (UTF-16 "
                   "without a byte-order mark, or binary) ");
}
END_TEST

START_TEST(byte_order_marks) {
  sh("cd '%s' && printf '\\357\\273\\277{\"id\":\"bom\",\"text\":\"x\"}\\n' > a.jsonl && "
     "printf '\\377\\376{\\0\"\\0' > b.jsonl && printf '\\376\\377\\0{' > c.jsonl && "
     "printf '\\377\\376\\0\\0{\\0\\0\\0' > d.jsonl && printf '\\357\\273\\277Head\\nx\\n' > "
     "e.txt && printf '\\377\\376H\\0' > f.txt",
     dir);
  const char *paths[] = {dir};
  char got[2048];
  read_all(paths, 1, NULL, got, sizeof got);
  ck_assert_str_eq(got,
                   "bom !b.jsonl:1: the file is UTF-16, convert it to UTF-8 "
                   "!c.jsonl:1: the file is UTF-16, convert it to UTF-8 "
                   "!d.jsonl:1: the file is UTF-32, convert it to UTF-8 e.txt "
                   "!f.txt: the file is UTF-16, convert it to UTF-8 ");
}
END_TEST

/* A line over the limit is an error naming it, found before the line is all
 * in memory; the next line is read.  An article over the limit likewise; a
 * .txt file over it is not read. */
START_TEST(limits_name_the_file_and_line) {
  sh("cd '%s' && printf '{\"id\":\"1\",\"text\":\"short\"}\\n{\"id\":\"2\",\"text\":\"%%0300d\"}\\n"
     "{\"id\":\"3\",\"text\":\"ok\"}\\n' 0 > a.jsonl && printf 'H\\n%%0300d\\n' 0 > b.txt",
     dir);
  const char *paths[] = {dir};
  char got[2048];
  nf_limits lines = {{100, 0, 0}};
  read_all(paths, 1, &lines, got, sizeof got);
  ck_assert_str_eq(got,
                   "1 !a.jsonl:2: the line is longer than 100 bytes, the limit (max_line_bytes in "
                   "the schema, --max-line-bytes) 3 b.txt ");
  nf_limits articles = {{0, 200, 0}};
  read_all(paths, 1, &articles, got, sizeof got);
  ck_assert_str_eq(got,
                   "1 !a.jsonl:2: the article is 300 bytes (headline and text), more than 200, the "
                   "article limit (max_article_bytes in the schema, --max-article-bytes) 3 "
                   "!b.txt: the file is 303 bytes, more than 200, the article limit "
                   "(max_article_bytes in the schema, --max-article-bytes) ");
}
END_TEST

int main(void) {
  Suite *s = suite_create("input");
  TCase *tc = tcase_create("input");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_loop_test(tc, json_line_rows, 0, (int)(sizeof rows / sizeof rows[0]));
  tcase_add_test(tc, bad_line_does_not_stop_the_reader);
  tcase_add_test(tc, text_file_headline_and_body);
  tcase_add_test(tc, empty_text_file_is_an_error);
  tcase_add_test(tc, invalid_utf8_in_a_text_file_is_replaced);
  tcase_add_test(tc, directories_walk_in_byte_order);
  tcase_add_test(tc, missing_input_is_named);
  tcase_add_test(tc, symbolic_link_loops_read_each_file_once);
  tcase_add_test(tc, read_errors_are_errors);
  tcase_add_test(tc, byte_order_marks);
  tcase_add_test(tc, limits_name_the_file_and_line);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
