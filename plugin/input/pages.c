/* HTML files and WARC archives, one article at a time. */
#include "pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fileutil.h"
#include "html_article.h"
#include "warc.h"

struct nf_pages {
  nf_html_article html;
  char *path;    /* the file being read */
  char *content; /* an HTML file's bytes */
  size_t content_len;
  int html_pending; /* an HTML file not yet returned */
  nf_warc *warc;
  unsigned long long bytes; /* of the files done */
  unsigned long skipped;
};

static int ends_with(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  if (a < b) return 0;
  for (size_t i = 0; i < b; i++) {
    char c = s[a - b + i];
    if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != suffix[i]) return 0;
  }
  return 1;
}

static int is_warc(const char *path) {
  return ends_with(path, ".warc") || ends_with(path, ".warc.gz");
}

int nf_pages_takes(const char *path) {
  return ends_with(path, ".html") || ends_with(path, ".htm") || is_warc(path);
}

nf_status nf_pages_new(nf_pages **out) {
  *out = calloc(1, sizeof **out);
  if (!*out) return NF_ERR_NOMEM;
  nf_html_article_init(&(*out)->html);
  return NF_OK;
}

static void close_file(nf_pages *p) {
  if (p->warc) {
    p->skipped += nf_warc_skipped(p->warc);
    p->bytes += nf_warc_bytes(p->warc);
    nf_warc_free(p->warc);
    p->warc = NULL;
  }
  free(p->content);
  p->content = NULL;
  p->html_pending = 0;
}

void nf_pages_free(nf_pages *p) {
  if (!p) return;
  close_file(p);
  nf_html_article_free(&p->html);
  free(p->path);
  free(p);
}

unsigned long long nf_pages_bytes(const nf_pages *p) {
  return p->bytes + (p->warc ? nf_warc_bytes(p->warc) : 0);
}

unsigned long nf_pages_skipped(const nf_pages *p) {
  return p->skipped + (p->warc ? nf_warc_skipped(p->warc) : 0);
}

nf_status nf_pages_open(nf_pages *p, const char *path, nf_error *err) {
  close_file(p);
  free(p->path);
  if (!(p->path = strdup(path))) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  if (is_warc(path)) return nf_warc_open(path, &p->warc, err);
  nf_status s = nf_read_file(path, &p->content, &p->content_len, err);
  if (s != NF_OK) return s;
  p->bytes += p->content_len;
  p->html_pending = 1;
  return NF_OK;
}

nf_status nf_pages_next(nf_pages *p, nf_article *out, int *done, nf_error *err) {
  memset(out, 0, sizeof *out);
  *done = 0;
  nf_page_source src = {0};
  nf_status s;
  if (p->html_pending) {
    p->html_pending = 0;
    src.fallback_id = p->path;
    s = nf_html_article_read(&p->html, p->content, p->content_len, &src, out, err);
    if (s != NF_OK && err && !err->where[0]) snprintf(err->where, sizeof err->where, "%s", p->path);
    out->origin = p->path;
    return s;
  }
  if (!p->warc) {
    *done = 1;
    return NF_OK;
  }
  const nf_warc_record *rec;
  if ((s = nf_warc_next(p->warc, &rec, err)) != NF_OK) return s;
  if (!rec) {
    close_file(p);
    *done = 1;
    return NF_OK;
  }
  src.http_charset = rec->http_charset;
  src.id = rec->target_uri;
  src.url = rec->target_uri;
  src.fallback_date = rec->date[0] ? rec->date : NULL;
  s = nf_html_article_read(&p->html, rec->body, rec->body_len, &src, out, err);
  if (s != NF_OK && err && !err->where[0])
    snprintf(err->where, sizeof err->where, "%s", rec->origin);
  out->origin = rec->origin;
  return s;
}
