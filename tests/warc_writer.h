/* A tiny WARC writer for the tests: records, HTTP responses, chunked and
 * gzip bodies, and the sample archive that tests/fixtures/warc/ describes. */
#ifndef NF_TEST_WARC_WRITER_H
#define NF_TEST_WARC_WRITER_H

#include <stddef.h>

/* Appends one WARC/1.1 record to path (as its own gzip member when gz).
 * uri and content_type may be NULL.  Returns 0 on success. */
int nf_test_warc_record(const char *path, int gz, const char *type, const char *uri,
                        const char *date, const char *content_type, const char *block, size_t n);

/* "HTTP/1.1 STATUS\r\n" + headers (each ending "\r\n") + "\r\n" + body;
 * malloc'd, its length in *len. */
char *nf_test_http(const char *status, const char *headers, const char *body, size_t n,
                   size_t *len);

/* body in chunked transfer encoding (chunks of `chunk` bytes); malloc'd. */
char *nf_test_chunked(const char *body, size_t n, size_t chunk, size_t *len);

/* body as one gzip member; malloc'd. */
char *nf_test_gzip(const char *body, size_t n, size_t *len);

/* The sample archive: three HTML pages (the fixtures wordpress.html chunked
 * and newsarticle.html gzip-encoded, and a Latin-1 page whose charset only
 * the HTTP header gives) among six records that are no article.  Returns 0
 * on success. */
int nf_test_sample_warc(const char *path, int gz, const char *html_fixtures);

#endif
