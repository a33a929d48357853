/* A web page as an nf_article: the fields the page gives, the ones its
 * reader knows better (a WARC record's target URI, a JSON line's keys), the
 * id rule.  Internal to the readers.
 *
 * The id is, in order: what the reader gives (a WARC record's target URI, a
 * JSON line's "id"), the page's canonical URL (<link rel=canonical>, else
 * og:url, else JSON-LD's url), the reader's fallback (a file's path, a JSON
 * line's "url").  An id longer than NF_RECORD_MAX_ID bytes is cut to
 * NF_HTML_ID_KEEP bytes and ends with "#" and 16 hex digits of a hash of the
 * whole, so that it stays unique. */
#ifndef NF_INPUT_HTML_ARTICLE_H
#define NF_INPUT_HTML_ARTICLE_H

#include <jansson.h>

#include "core/buffer.h"
#include "html_extract.h"
#include "newsfields/article.h"
#include "newsfields/status.h"

#define NF_HTML_ID_KEEP 180

/* What the reader knows of the page beside its bytes; NULL: unknown. */
typedef struct nf_page_source {
  const char *http_charset;  /* the HTTP header's charset */
  const char *id;            /* the id to use whatever the page says */
  const char *fallback_id;   /* the id when the page has no canonical URL */
  const char *url;           /* the URL to use whatever the page says */
  const char *fallback_date; /* when the page has none (ISO 8601; the day is kept) */
} nf_page_source;

typedef struct nf_html_article {
  nf_html_page page;
  nf_buf id;
  json_t *extra; /* the article's other keys with the page's own */
  char fallback_date[11];
} nf_html_article;

void nf_html_article_init(nf_html_article *ha);
void nf_html_article_free(nf_html_article *ha);

/* Reads the page into *out (pointing into ha, valid until the next call).
 * Fields already set in *out (a JSON line's own keys) are kept; the page
 * fills the others.  out->extra, when set, must be a JSON object: the page's
 * section, language, modified date and canonical URL are added to it. */
nf_status nf_html_article_read(nf_html_article *ha, const char *html, size_t n,
                               const nf_page_source *src, nf_article *out, nf_error *err);

#endif
