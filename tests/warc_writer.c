/* A tiny WARC writer for the tests. */
#define _GNU_SOURCE
#include "warc_writer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

char *nf_test_gzip(const char *body, size_t n, size_t *len) {
  z_stream z;
  memset(&z, 0, sizeof z);
  if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return NULL;
  size_t cap = deflateBound(&z, (uLong)n) + 32;
  char *out = malloc(cap);
  z.next_in = (unsigned char *)body;
  z.avail_in = (uInt)n;
  z.next_out = (unsigned char *)out;
  z.avail_out = (uInt)cap;
  int r = deflate(&z, Z_FINISH);
  *len = cap - z.avail_out;
  deflateEnd(&z);
  if (r != Z_STREAM_END) {
    free(out);
    return NULL;
  }
  return out;
}

int nf_test_warc_record(const char *path, int gz, const char *type, const char *uri,
                        const char *date, const char *content_type, const char *block, size_t n) {
  static unsigned serial;
  char *head;
  int hn = asprintf(
      &head,
      "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012u>"
      "\r\nWARC-Date: %s\r\n%s%s%s%s%s%sContent-Length: %zu\r\n\r\n",
      type, ++serial, date, uri ? "WARC-Target-URI: " : "", uri ? uri : "", uri ? "\r\n" : "",
      content_type ? "Content-Type: " : "", content_type ? content_type : "",
      content_type ? "\r\n" : "", n);
  if (hn < 0) return -1;
  size_t total = (size_t)hn + n + 4;
  char *rec = malloc(total);
  memcpy(rec, head, (size_t)hn);
  memcpy(rec + hn, block, n);
  memcpy(rec + hn + n, "\r\n\r\n", 4);
  free(head);
  int rc = 0;
  if (gz) {
    size_t zn;
    char *z = nf_test_gzip(rec, total, &zn);
    FILE *f = fopen(path, "ab");
    rc = z && f && fwrite(z, 1, zn, f) == zn ? 0 : -1;
    if (f) fclose(f);
    free(z);
  } else {
    FILE *f = fopen(path, "ab");
    rc = f && fwrite(rec, 1, total, f) == total ? 0 : -1;
    if (f) fclose(f);
  }
  free(rec);
  return rc;
}

char *nf_test_http(const char *status, const char *headers, const char *body, size_t n,
                   size_t *len) {
  char *head;
  int hn = asprintf(&head, "HTTP/1.1 %s\r\n%s\r\n", status, headers);
  if (hn < 0) return NULL;
  char *out = malloc((size_t)hn + n + 1);
  memcpy(out, head, (size_t)hn);
  memcpy(out + hn, body, n);
  out[hn + n] = '\0';
  free(head);
  *len = (size_t)hn + n;
  return out;
}

char *nf_test_chunked(const char *body, size_t n, size_t chunk, size_t *len) {
  char *out = malloc(n + (n / chunk + 2) * 16 + 8);
  size_t w = 0;
  for (size_t i = 0; i < n; i += chunk) {
    size_t k = n - i < chunk ? n - i : chunk;
    w += (size_t)sprintf(out + w, "%zx\r\n", k);
    memcpy(out + w, body + i, k);
    w += k;
    memcpy(out + w, "\r\n", 2);
    w += 2;
  }
  memcpy(out + w, "0\r\n\r\n", 5);
  *len = w + 5;
  return out;
}

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *p = malloc((size_t)size + 1);
  *n = fread(p, 1, (size_t)size, f);
  fclose(f);
  return p;
}

/* A response record of an HTTP response. */
static int response(const char *path, int gz, const char *uri, const char *date, const char *status,
                    const char *headers, const char *body, size_t n) {
  size_t len = 0;
  char *http = nf_test_http(status, headers, body, n, &len);
  int rc = nf_test_warc_record(path, gz, "response", uri, date,
                               "application/http; msgtype=response", http, len);
  free(http);
  return rc;
}

int nf_test_sample_warc(const char *path, int gz, const char *html_fixtures) {
  static const char info[] = "software: newsfields tests\r\nformat: WARC File Format 1.1\r\n";
  static const char request[] =
      "GET /?p=812 HTTP/1.1\r\nHost: harbourgazette.example\r\nUser-Agent: test\r\n\r\n";
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  static const char moved[] = "<html><body>Moved <a href=\"/grain\">here</a></body></html>";
  static const char latin1[] =
      "<html><head><title>Sheriff\xb4s office moves to new building</title></head><body>\n"
      "<div class=\"nav\"><a href=\"/\">Home</a> <a href=\"/briefs\">Briefs</a></div>\n"
      "<div class=\"brief\"><p>GRANGEVILLE, Idaho - The county sheriff\xb4s office will move to "
      "the former creamery on Main Street next month, the county commission decided on "
      "Tuesday, ending a search that began in 2019.</p>\n"
      "<p>The move costs $1.2 million, less than the \xabnew building\xbb the sheriff had asked "
      "for, said commissioner Mar\xed"
      "a Ib\xe1\xf1"
      "ez.</p></div></body></html>";
  static const char meta[] = "outlinks: https://meridian-news.example/world\r\n";
  static const char revisit[] = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n";
  char file[4096];
  size_t n, len;
  int rc = 0;
  rc |= nf_test_warc_record(path, gz, "warcinfo", NULL, "2024-05-01T10:00:00Z",
                            "application/warc-fields", info, sizeof info - 1);
  rc |= nf_test_warc_record(path, gz, "request", "http://harbourgazette.example/?p=812",
                            "2024-05-01T10:00:01Z", "application/http; msgtype=request", request,
                            sizeof request - 1);
  snprintf(file, sizeof file, "%s/wordpress.html", html_fixtures);
  char *page = slurp(file, &n);
  if (!page) return -1;
  char *body = nf_test_chunked(page, n, 700, &len);
  rc |= response(path, gz, "http://harbourgazette.example/?p=812", "2024-05-01T10:00:02Z", "200 OK",
                 "Content-Type: text/html; charset=UTF-8\r\nTransfer-Encoding: chunked\r\n", body,
                 len);
  free(body);
  free(page);
  rc |= response(path, gz, "http://harbourgazette.example/logo.png", "2024-05-01T10:00:03Z",
                 "200 OK", "Content-Type: image/png\r\n", png, sizeof png - 1);
  rc |= response(path, gz, "http://meridian-news.example/grain", "2024-05-01T10:00:04Z",
                 "301 Moved Permanently",
                 "Content-Type: text/html\r\nLocation: https://meridian-news.example/world/"
                 "grain-ships-leave-odesa-2023-07-02\r\n",
                 moved, sizeof moved - 1);
  snprintf(file, sizeof file, "%s/newsarticle.html", html_fixtures);
  page = slurp(file, &n);
  if (!page) return -1;
  body = nf_test_gzip(page, n, &len);
  rc |= response(path, gz, "https://meridian-news.example/world/grain-ships-leave-odesa-2023-07-02",
                 "2024-05-01T10:00:05Z", "200 OK",
                 "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", body, len);
  free(body);
  free(page);
  rc |=
      nf_test_warc_record(path, gz, "metadata", "http://meridian-news.example/grain",
                          "2024-05-01T10:00:06Z", "application/warc-fields", meta, sizeof meta - 1);
  rc |=
      response(path, gz, "http://valleycourier.example/briefs/7", "2024-05-01T10:00:07Z", "200 OK",
               "Content-Type: text/html; charset=ISO-8859-1\r\n", latin1, sizeof latin1 - 1);
  rc |= nf_test_warc_record(path, gz, "revisit", "http://harbourgazette.example/?p=812",
                            "2024-05-02T10:00:00Z", "application/http; msgtype=response", revisit,
                            sizeof revisit - 1);
  return rc;
}
