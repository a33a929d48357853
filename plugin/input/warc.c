/* WARC records over libarchive's decompression; HTTP bodies de-chunked and
 * inflated with zlib. */
#include "warc.h"

#include <archive.h>
#include <archive_entry.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#include "core/buffer.h"
#include "html_charset.h"

#define READ_CHUNK 65536
#define MAX_HEADER 65536 /* bytes of a WARC or HTTP header */
#define FIELD_MAX 2048   /* bytes of a header field's value kept */

struct nf_warc {
  struct archive *a;
  char *path;
  nf_buf buf; /* decompressed bytes; data[pos..len) not yet consumed */
  size_t pos;
  unsigned long long base; /* archive offset of buf.data[0] */
  int eof, resync;
  int damaged, reported; /* the compressed stream failed; said so */
  unsigned long long damage_at;
  char damage[160];
  unsigned long skipped;
  nf_buf body, tmp, origin;
  char target[FIELD_MAX], date[64], charset[NF_CHARSET_MAX];
  nf_warc_record rec;
};

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int istarts(const char *p, size_t n, const char *prefix) {
  size_t k = strlen(prefix);
  if (n < k) return 0;
  for (size_t i = 0; i < k; i++)
    if (lower((unsigned char)p[i]) != lower((unsigned char)prefix[i])) return 0;
  return 1;
}

nf_status nf_warc_open(const char *path, nf_warc **out, nf_error *err) {
  *out = NULL;
  nf_warc *w = calloc(1, sizeof *w);
  if (!w || !(w->path = strdup(path)) || !(w->a = archive_read_new())) {
    nf_warc_free(w);
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  }
  struct stat st;
  if (stat(path, &st) == 0 && st.st_size == 0) { /* an empty file: no records */
    w->eof = 1;
    *out = w;
    return NF_OK;
  }
  archive_read_support_filter_gzip(w->a);
  archive_read_support_format_raw(w->a);
  struct archive_entry *entry;
  if (archive_read_open_filename(w->a, path, READ_CHUNK) != ARCHIVE_OK) {
    nf_status s =
        nf_error_set_at(err, NF_ERR_IO, path, 0, "cannot open: %s", archive_error_string(w->a));
    nf_warc_free(w);
    return s;
  }
  int r = archive_read_next_header(w->a, &entry);
  if (r == ARCHIVE_EOF) {
    w->eof = 1; /* an empty file: no records */
  } else if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
    nf_status s =
        nf_error_set_at(err, NF_ERR_PARSE, path, 0, "cannot read: %s", archive_error_string(w->a));
    nf_warc_free(w);
    return s;
  }
  *out = w;
  return NF_OK;
}

void nf_warc_free(nf_warc *w) {
  if (!w) return;
  if (w->a) archive_read_free(w->a);
  free(w->path);
  nf_buf_free(&w->buf);
  nf_buf_free(&w->body);
  nf_buf_free(&w->tmp);
  nf_buf_free(&w->origin);
  free(w);
}

unsigned long nf_warc_skipped(const nf_warc *w) { return w->skipped; }
unsigned long long nf_warc_bytes(const nf_warc *w) { return w->base + w->pos; }

static size_t avail(const nf_warc *w) { return w->buf.len - w->pos; }
static const char *at(const nf_warc *w) { return w->buf.data + w->pos; }

/* Reads until need bytes are buffered or the archive ends.  A damaged
 * compressed stream ends it too (w->damaged): what came before it is read. */
static nf_status fill(nf_warc *w, size_t need, nf_error *err) {
  while (avail(w) < need && !w->eof) {
    if (w->pos) { /* keep the unread bytes at the start */
      memmove(w->buf.data, at(w), avail(w));
      w->base += w->pos;
      w->buf.len -= w->pos;
      w->pos = 0;
    }
    /* small reads: a damaged member loses no more than the read that hits it */
    if (nf_buf_reserve(&w->buf, READ_CHUNK))
      return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
    la_ssize_t got = archive_read_data(w->a, w->buf.data + w->buf.len, READ_CHUNK);
    if (got < 0) {
      w->eof = w->damaged = 1;
      w->damage_at = w->base + w->buf.len;
      snprintf(w->damage, sizeof w->damage, "%s", archive_error_string(w->a));
      break;
    }
    if (got == 0) w->eof = 1;
    w->buf.len += (size_t)got;
  }
  return NF_OK;
}

/* Consumes n bytes (buffered or not). */
static nf_status consume(nf_warc *w, unsigned long long n, nf_error *err) {
  while (n) {
    if (!avail(w)) {
      nf_status s = fill(w, 1, err);
      if (s != NF_OK) return s;
      if (!avail(w)) return NF_OK; /* the end: the caller checks lengths */
    }
    size_t k = avail(w) < n ? avail(w) : (size_t)n;
    w->pos += k;
    n -= k;
  }
  return NF_OK;
}

/* The end of a header block (after its blank line) within p[0..n), or 0. */
static size_t header_end(const char *p, size_t n) {
  for (size_t i = 0; i + 1 < n; i++) {
    if (p[i] != '\n') continue;
    if (p[i + 1] == '\n') return i + 2;
    if (p[i + 1] == '\r' && i + 2 < n && p[i + 2] == '\n') return i + 3;
  }
  return 0;
}

/* The value of a header field in the block p[0..n), trimmed, into out. */
static int field(const char *p, size_t n, const char *name, char *out, size_t cap) {
  size_t k = strlen(name);
  const char *end = p + n;
  for (const char *line = p; line < end;) {
    const char *nl = memchr(line, '\n', (size_t)(end - line));
    const char *stop = nl ? nl : end;
    if ((size_t)(stop - line) > k && istarts(line, (size_t)(stop - line), name) && line[k] == ':') {
      const char *v = line + k + 1;
      while (v < stop && (*v == ' ' || *v == '\t')) v++;
      const char *e = stop;
      while (e > v && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t')) e--;
      size_t len = (size_t)(e - v) < cap - 1 ? (size_t)(e - v) : cap - 1;
      memcpy(out, v, len);
      out[len] = '\0';
      return 1;
    }
    line = nl ? nl + 1 : end;
  }
  out[0] = '\0';
  return 0;
}

static nf_status bad(nf_warc *w, unsigned long long offset, nf_error *err, const char *fmt,
                     const char *detail) {
  char where[NF_ERROR_WHERE_MAX];
  snprintf(where, sizeof where, "%s (record at offset %llu)", w->path, offset);
  return nf_error_set_at(err, NF_ERR_PARSE, where, 0, fmt, detail);
}

/* De-chunks w->body in place when it is chunked; leaves it when it is not
 * (some writers store the body de-chunked under the original header). */
static void dechunk(nf_warc *w) {
  const char *p = w->body.data, *end = p + w->body.len;
  nf_buf_clear(&w->tmp);
  for (;;) {
    char *stop;
    unsigned long size = strtoul(p, &stop, 16);
    if (stop == p) return;
    const char *nl = memchr(stop, '\n', (size_t)(end - stop));
    if (!nl) return;
    p = nl + 1;
    if (size == 0) break;
    if (size > (size_t)(end - p))
      size = (unsigned long)(end - p); /* cut short: keep what is there */
    if (nf_buf_append(&w->tmp, p, size)) return;
    p += size;
    while (p < end && (*p == '\r' || *p == '\n')) p++;
    if (p == end) break;
  }
  nf_buf tmp = w->body;
  w->body = w->tmp;
  w->tmp = tmp;
}

/* Inflates w->body (gzip, zlib or raw deflate); 0 when it does not inflate. */
static int inflate_body(nf_warc *w) {
  for (int attempt = 0; attempt < 2; attempt++) {
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, attempt == 0 ? 15 + 32 : -15) != Z_OK) return 0;
    nf_buf_clear(&w->tmp);
    z.next_in = (unsigned char *)w->body.data;
    z.avail_in = (uInt)w->body.len;
    int r = Z_OK;
    while (r == Z_OK) {
      if (w->tmp.len >= NF_WARC_MAX_BODY || nf_buf_reserve(&w->tmp, READ_CHUNK)) break;
      z.next_out = (unsigned char *)w->tmp.data + w->tmp.len;
      z.avail_out = (uInt)(w->tmp.cap - w->tmp.len - 1);
      size_t before = z.avail_out;
      r = inflate(&z, Z_NO_FLUSH);
      w->tmp.len += before - z.avail_out;
      if (r == Z_BUF_ERROR && z.avail_in == 0) break; /* cut short: keep what came out */
    }
    inflateEnd(&z);
    if ((r == Z_STREAM_END || r == Z_BUF_ERROR || r == Z_OK) && w->tmp.len) {
      w->tmp.data[w->tmp.len] = '\0';
      nf_buf tmp = w->body;
      w->body = w->tmp;
      w->tmp = tmp;
      return 1;
    }
  }
  return 0;
}

static int looks_html(const char *p, size_t n) {
  while (n && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) p++, n--;
  return n && *p == '<';
}

/* The HTML body of a response block p[0..n): NULL message when it is one,
 * "skip" when the response is not HTML, else why it cannot be read. */
static const char *http_body(nf_warc *w, const char *p, size_t n) {
  size_t hend = header_end(p, n < MAX_HEADER ? n : MAX_HEADER);
  if (!istarts(p, n, "HTTP/") || !hend) return "skip";
  const char *sp = memchr(p, ' ', hend);
  int status = sp ? atoi(sp + 1) : 0;
  char type[256], te[64], ce[64];
  field(p, hend, "Content-Type", type, sizeof type);
  field(p, hend, "Transfer-Encoding", te, sizeof te);
  field(p, hend, "Content-Encoding", ce, sizeof ce);
  if (status < 200 || status > 299) return "skip";
  int html = istarts(type, strlen(type), "text/html") ||
             istarts(type, strlen(type), "application/xhtml+xml");
  if (!html && type[0]) return "skip";
  nf_content_type_charset(type, strlen(type), w->charset);
  nf_buf_clear(&w->body);
  if (nf_buf_append(&w->body, p + hend, n - hend)) return "out of memory";
  if (istarts(te, strlen(te), "chunked")) dechunk(w);
  if (ce[0] && !istarts(ce, strlen(ce), "identity")) {
    int known = istarts(ce, strlen(ce), "gzip") || istarts(ce, strlen(ce), "x-gzip") ||
                istarts(ce, strlen(ce), "deflate");
    /* some writers store the body decoded under the original header */
    if (!looks_html(w->body.data, w->body.len)) {
      if (!known) return "a Content-Encoding that cannot be decoded";
      if (!inflate_body(w)) return "a compressed body that does not inflate";
    }
  }
  if (!type[0] && !looks_html(w->body.data, w->body.len)) return "skip";
  return NULL;
}

nf_status nf_warc_next(nf_warc *w, const nf_warc_record **out, nf_error *err) {
  *out = NULL;
  nf_status s;
  for (;;) {
    /* blank lines between records (the "\r\n\r\n" after each) */
    for (;;) {
      if (!avail(w) && (s = fill(w, 1, err))) return s;
      if (!avail(w) && w->damaged && !w->reported) {
        w->reported = 1;
        return nf_error_set_at(err, NF_ERR_PARSE, w->path, 0,
                               "damaged archive after offset %llu: %s", w->damage_at, w->damage);
      }
      if (!avail(w)) return NF_OK;
      if (*at(w) != '\r' && *at(w) != '\n') break;
      w->pos++;
    }
    if (w->resync) { /* after a bad record: the next line that starts "WARC/" */
      for (;;) {
        if ((s = fill(w, 6, err))) return s;
        if (avail(w) < 6) return consume(w, avail(w), err);
        if (memcmp(at(w), "WARC/", 5) == 0 && (w->pos == 0 || w->buf.data[w->pos - 1] == '\n'))
          break;
        const char *nl = memchr(at(w), '\n', avail(w));
        w->pos = nl ? (size_t)(nl - w->buf.data) + 1 : w->buf.len;
      }
      w->resync = 0;
    }
    unsigned long long offset = w->base + w->pos;
    if ((s = fill(w, MAX_HEADER, err))) return s;
    size_t n = avail(w) < MAX_HEADER ? avail(w) : MAX_HEADER;
    size_t hend = header_end(at(w), n);
    if (!istarts(at(w), n, "WARC/")) {
      w->resync = 1;
      w->pos++;
      return bad(w, offset, err, "%s", "not a WARC record: no \"WARC/\" version line");
    }
    if (!hend) {
      w->resync = 1;
      w->pos++;
      return bad(w, offset, err, "%s",
                 avail(w) < MAX_HEADER ? "the archive ends inside a record header"
                                       : "a record header longer than 64 KiB");
    }
    char type[64], length[32], block_type[256];
    field(at(w), hend, "WARC-Type", type, sizeof type);
    field(at(w), hend, "WARC-Target-URI", w->target, sizeof w->target);
    field(at(w), hend, "WARC-Date", w->date, sizeof w->date);
    field(at(w), hend, "Content-Type", block_type, sizeof block_type);
    char *end = NULL;
    unsigned long long cl = field(at(w), hend, "Content-Length", length, sizeof length)
                                ? strtoull(length, &end, 10)
                                : 0;
    if (!end || end == length || *end) {
      w->resync = 1;
      w->pos++;
      return bad(w, offset, err, "bad or missing Content-Length '%s'", length);
    }
    w->pos += hend;
    int response = strcmp(type, "response") == 0 &&
                   (!block_type[0] || istarts(block_type, strlen(block_type), "application/http"));
    const char *why = "skip";
    if (response && cl <= NF_WARC_MAX_BODY + MAX_HEADER) {
      if ((s = fill(w, (size_t)cl, err))) return s;
      if (avail(w) < cl) {
        char detail[320];
        if (w->damaged)
          snprintf(detail, sizeof detail, "damaged after %llu bytes of %llu: %s",
                   (unsigned long long)avail(w), cl, w->damage);
        else
          snprintf(detail, sizeof detail, "%llu bytes of %llu", (unsigned long long)avail(w), cl);
        w->reported = 1;
        consume(w, avail(w), err);
        return bad(w, offset, err, "the archive ends inside the record: %s", detail);
      }
      why = http_body(w, at(w), (size_t)cl);
    } else if (response) {
      why = "a response larger than 64 MiB";
    }
    unsigned long long before = w->base + w->pos;
    if ((s = consume(w, cl, err))) return s;
    if (w->base + w->pos - before < cl) {
      char detail[320];
      if (w->damaged)
        snprintf(detail, sizeof detail, "damaged after %llu bytes of %llu: %s",
                 w->base + w->pos - before, cl, w->damage);
      else
        snprintf(detail, sizeof detail, "%llu bytes of %llu", w->base + w->pos - before, cl);
      w->reported = 1;
      return bad(w, offset, err, "the archive ends inside the record: %s", detail);
    }
    if (why && strcmp(why, "skip") == 0) {
      w->skipped++;
      continue;
    }
    if (why) return bad(w, offset, err, "%s", why);
    char *t = w->target;
    if (*t == '<') { /* WARC 0.17-1.0 writers that bracket the URI */
      size_t len = strlen(t);
      if (len > 1 && t[len - 1] == '>') t[len - 1] = '\0';
      memmove(t, t + 1, len);
    }
    if (!*t) return bad(w, offset, err, "%s", "a response with no WARC-Target-URI");
    nf_buf_clear(&w->origin);
    if (nf_buf_printf(&w->origin, "%s (record at offset %llu)", w->path, offset))
      return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
    w->rec.target_uri = w->target;
    w->rec.date = w->date;
    w->rec.http_charset = w->charset;
    w->rec.body = w->body.data ? w->body.data : "";
    w->rec.body_len = w->body.len;
    w->rec.offset = offset;
    w->rec.origin = w->origin.data;
    *out = &w->rec;
    return NF_OK;
  }
}
