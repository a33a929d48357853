/* Web archives: HTML responses as articles, other records skipped and
 * counted, and damaged archives reported with the file and record offset. */
#define _GNU_SOURCE
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "newsfields/input.h"
#include "testutil.h"
#include "warc_writer.h"

#define HTML_FIXTURES NF_TEST_FIXTURES "/html"

static char *dir;

static void setup(void) { dir = nf_test_tmpdir(); }
static void teardown(void) {
  nf_test_rmtree(dir);
  free(dir);
}

static char *path_in(const char *name) {
  char *p;
  ck_assert_int_ge(asprintf(&p, "%s/%s", dir, name), 0);
  return p;
}

static long file_size(const char *path) {
  FILE *f = fopen(path, "rb");
  ck_assert_ptr_nonnull(f);
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fclose(f);
  return n;
}

static void append(const char *path, const char *bytes) {
  FILE *f = fopen(path, "ab");
  ck_assert_ptr_nonnull(f);
  fputs(bytes, f);
  fclose(f);
}

/* An HTML response record with a short page. */
static void page(const char *path, int gz, const char *uri, const char *headers, const char *body) {
  size_t n;
  char *http = nf_test_http("200 OK", headers, body, strlen(body), &n);
  ck_assert_int_eq(nf_test_warc_record(path, gz, "response", uri, "2024-05-01T10:00:00Z",
                                       "application/http; msgtype=response", http, n),
                   0);
  free(http);
}

#define BODY "<html><body><p>A story, with a comma, long enough to be the text.</p></body></html>"

/* "id|headline|date|url" of each article, then "skipped N"; errors as
 * "ERROR where: message". */
static char *read_all(const char *path) {
  nf_input *in;
  nf_error err;
  const char *paths[] = {path};
  ck_assert_int_eq(nf_input_open(paths, 1, &in, &err), NF_OK);
  char *out = strdup("");
  for (int guard = 0; guard < 100; guard++) {
    const nf_article *a;
    nf_error_clear(&err);
    nf_status s = nf_input_next(in, &a, &err);
    if (s == NF_OK && !a) break;
    char *line;
    if (s == NF_OK)
      ck_assert_int_ge(
          asprintf(&line, "%.*s|%.*s|%.*s|%.*s\n", (int)a->id.n, a->id.p, (int)a->headline.n,
                   a->headline.p ? a->headline.p : "", (int)a->date.n, a->date.p ? a->date.p : "",
                   (int)a->url.n, a->url.p),
          0);
    else
      ck_assert_int_ge(asprintf(&line, "ERROR %s: %s\n", err.where, err.message), 0);
    char *joined;
    ck_assert_int_ge(asprintf(&joined, "%s%s", out, line), 0);
    free(out);
    free(line);
    out = joined;
  }
  char *joined;
  ck_assert_int_ge(asprintf(&joined, "%sskipped %lu\n", out, nf_input_skipped(in)), 0);
  free(out);
  nf_input_free(in);
  return joined;
}

START_TEST(sample_archive) {
  char *path = path_in(_i ? "sample.warc.gz" : "sample.warc");
  ck_assert_int_eq(nf_test_sample_warc(path, _i, HTML_FIXTURES), 0);
  char *got = read_all(path);
  ck_assert_str_eq(got,
                   "http://harbourgazette.example/?p=812|Ferry strike strands islanders for a "
                   "third day|2022-03-14|http://harbourgazette.example/?p=812\n"
                   "https://meridian-news.example/world/grain-ships-leave-odesa-2023-07-02|Grain "
                   "ships leave Odesa under new corridor deal|2023-07-02|https://meridian-news."
                   "example/world/grain-ships-leave-odesa-2023-07-02\n"
                   "http://valleycourier.example/briefs/7|Sheriff\xc2\xb4s office moves to new "
                   "building|2024-05-01|http://valleycourier.example/briefs/7\n"
                   "skipped 6\n");
  free(got);
  free(path);
}
END_TEST

/* Damaged archives: the error names the file and the record's offset; the
 * reader goes on at the next record it can find. */
START_TEST(garbage_between_records) {
  char *path = path_in("garbage.warc");
  page(path, 0, "http://a.example/1", "Content-Type: text/html\r\n", BODY);
  long offset = file_size(path);
  append(path, "this line is no record\r\nnor this one\r\n");
  page(path, 0, "http://a.example/2", "Content-Type: text/html\r\n", BODY);
  char *got = read_all(path), *want;
  ck_assert_int_ge(asprintf(&want,
                            "http://a.example/1||2024-05-01|http://a.example/1\n"
                            "ERROR %s (record at offset %ld): not a WARC record: no \"WARC/\" "
                            "version line\n"
                            "http://a.example/2||2024-05-01|http://a.example/2\n"
                            "skipped 0\n",
                            path, offset),
                   0);
  ck_assert_str_eq(got, want);
  free(got), free(want), free(path);
}
END_TEST

START_TEST(bad_content_length) {
  char *path = path_in("length.warc");
  append(path,
         "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://a.example/0\r\n"
         "Content-Length: 12x\r\n\r\nHTTP/1.1 200\r\n\r\n\r\n");
  page(path, 0, "http://a.example/1", "Content-Type: text/html; charset=utf-8\r\n", BODY);
  char *got = read_all(path), *want;
  ck_assert_int_ge(asprintf(&want,
                            "ERROR %s (record at offset 0): bad or missing Content-Length '12x'\n"
                            "http://a.example/1||2024-05-01|http://a.example/1\n"
                            "skipped 0\n",
                            path),
                   0);
  ck_assert_str_eq(got, want);
  free(got), free(want), free(path);
}
END_TEST

START_TEST(truncated_record) {
  char *path = path_in("cut.warc");
  page(path, 0, "http://a.example/1", "Content-Type: text/html\r\n", BODY);
  long offset = file_size(path);
  page(path, 0, "http://a.example/2", "Content-Type: text/html\r\n", BODY);
  /* cut 50 bytes into the second record's block */
  FILE *f = fopen(path, "rb");
  char head[4096];
  fseek(f, offset, SEEK_SET);
  size_t n = fread(head, 1, sizeof head - 1, f);
  fclose(f);
  head[n] = '\0';
  long block = offset + (long)(strstr(head, "\r\n\r\n") - head) + 4;
  long length = atol(strstr(head, "Content-Length: ") + 16);
  ck_assert_int_eq(truncate(path, block + 50), 0);
  char *got = read_all(path), *want;
  ck_assert_int_ge(asprintf(&want,
                            "http://a.example/1||2024-05-01|http://a.example/1\n"
                            "ERROR %s (record at offset %ld): the archive ends inside the "
                            "record: 50 bytes of %ld\n"
                            "skipped 0\n",
                            path, offset, length),
                   0);
  ck_assert_str_eq(got, want);
  free(got), free(want), free(path);
}
END_TEST

START_TEST(damaged_gzip) {
  char *path = path_in("damaged.warc.gz");
  page(path, 1, "http://a.example/1", "Content-Type: text/html\r\n", BODY);
  /* a page larger than what libarchive reads ahead and decompresses at once */
  size_t big = 1u << 20;
  char *body = malloc(big + 1);
  for (size_t i = 0; i < big; i++) body[i] = (char)('a' + (i * 7919) % 26);
  memcpy(body, "<p>", 3);
  body[big] = '\0';
  page(path, 1, "http://a.example/2", "Content-Type: text/html\r\n", body);
  free(body);
  long last = file_size(path);
  page(path, 1, "http://a.example/3", "Content-Type: text/html\r\n", BODY);
  /* garble the third member's deflate data: the file ends there, with an
   * error (libarchive takes the end of the member before with it) */
  FILE *f = fopen(path, "r+b");
  fseek(f, last + 20, SEEK_SET);
  fwrite("\xff\xff\xff\xff\xff\xff\xff\xff", 1, 8, f);
  fclose(f);
  char *got = read_all(path);
  ck_assert_msg(strncmp(got, "http://a.example/1||2024-05-01|http://a.example/1\nERROR ", 56) == 0,
                "%s", got);
  ck_assert_msg(nf_test_contains(got, path) && nf_test_contains(got, "gzip decompression failed"),
                "%s", got);
  ck_assert(nf_test_contains(got, "\nskipped 0\n"));
  ck_assert(!nf_test_contains(got, "http://a.example/3"));
  free(got), free(path);
}
END_TEST

/* Responses that are pages but cannot be read: errors naming the record. */
static const struct {
  const char *headers, *body, *error;
} bad_bodies[] = {
    {"Content-Type: text/html\r\n", "\x89PNG\r\n\x1a\n\x01\x02\x03\x04\x05\x06\x07\x08\x01\x02",
     "binary data, not HTML"},
    {"Content-Type: text/html\r\nContent-Encoding: gzip\r\n", "\x01\x02\x03 not gzip",
     "a compressed body that does not inflate"},
    {"Content-Type: text/html\r\nContent-Encoding: br\r\n", "\x01\x02\x03 brotli",
     "a Content-Encoding that cannot be decoded"},
    {"Content-Type: text/html\r\n", "<html><body><script>only()</script></body></html>",
     "no text in the page"},
};

START_TEST(bad_bodies_rows) {
  char *path = path_in("bodies.warc");
  page(path, 0, "http://a.example/bad", bad_bodies[_i].headers, bad_bodies[_i].body);
  page(path, 0, "http://a.example/good", "Content-Type: text/html\r\n", BODY);
  char *got = read_all(path), *want;
  ck_assert_int_ge(asprintf(&want,
                            "ERROR %s (record at offset 0): %s\n"
                            "http://a.example/good||2024-05-01|http://a.example/good\n"
                            "skipped 0\n",
                            path, bad_bodies[_i].error),
                   0);
  ck_assert_str_eq(got, want);
  free(got), free(want), free(path);
}
END_TEST

START_TEST(empty_archive) {
  char *path = path_in("empty.warc");
  append(path, "");
  char *got = read_all(path);
  ck_assert_str_eq(got, "skipped 0\n");
  free(got), free(path);
}
END_TEST

int main(void) {
  Suite *s = suite_create("warc");
  TCase *tc = tcase_create("warc");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_loop_test(tc, sample_archive, 0, 2);
  tcase_add_test(tc, garbage_between_records);
  tcase_add_test(tc, bad_content_length);
  tcase_add_test(tc, truncated_record);
  tcase_add_test(tc, damaged_gzip);
  tcase_add_loop_test(tc, bad_bodies_rows, 0, (int)(sizeof bad_bodies / sizeof bad_bodies[0]));
  tcase_add_test(tc, empty_archive);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
