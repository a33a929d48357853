/* Web archives (WARC 0.17 to 1.1, as crawlers and `wget --warc-file` write
 * them), plain or gzip-compressed (one member per record or one for all).
 * Internal to the readers.
 *
 * libarchive reads the file and undoes the compression (its "raw" format and
 * gzip filter); the records are read here, because libarchive's own WARC
 * reader (3.6) gives a record's target URI without its scheme and host,
 * skips records whose URI ends in "/" (most article permalinks), and neither
 * names nor counts the records it skips.
 *
 * A record is an article when it is a `response` whose HTTP status is 2xx and
 * whose Content-Type is HTML (text/html, application/xhtml+xml); its body is
 * de-chunked and decompressed (gzip, deflate) as the HTTP headers say.  Every
 * other record (warcinfo, request, metadata, revisit, responses of other
 * types, redirects and errors) is skipped and counted.  Offsets are of the
 * record's first byte in the uncompressed archive. */
#ifndef NF_INPUT_WARC_H
#define NF_INPUT_WARC_H

#include <stddef.h>

#include "newsfields/status.h"

/* Largest HTML body read; a larger response is a bad record. */
#define NF_WARC_MAX_BODY (64u << 20)

typedef struct nf_warc nf_warc;

typedef struct nf_warc_record {
  const char *target_uri;   /* WARC-Target-URI */
  const char *date;         /* WARC-Date ("" when absent) */
  const char *http_charset; /* the HTTP Content-Type's charset ("" when none) */
  const char *body;         /* the HTML */
  size_t body_len;
  unsigned long long offset; /* of the record */
  const char *origin;        /* "FILE (record at offset N)", for messages */
} nf_warc_record;

nf_status nf_warc_open(const char *path, nf_warc **out, nf_error *err);
void nf_warc_free(nf_warc *w);

/* The next HTML response in *out (valid until the next call), or *out =
 * NULL at the end.  A bad record (no WARC header where one should start, a
 * bad Content-Length, a body that cannot be decoded, an archive cut short)
 * is NF_ERR_PARSE naming the file and the record's offset; calling again
 * goes on at the next record found, or ends when the compressed stream
 * itself is damaged. */
nf_status nf_warc_next(nf_warc *w, const nf_warc_record **out, nf_error *err);

/* Records skipped so far (not HTML responses), and bytes of the file read. */
unsigned long nf_warc_skipped(const nf_warc *w);
unsigned long long nf_warc_bytes(const nf_warc *w);

#endif
