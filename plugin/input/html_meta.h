/* A web page's metadata, in order of trust.  Internal to the HTML reader.
 *
 * The page's elements are shown to the collector one by one in document
 * order (nf_html_meta_element); each field keeps the value of the most
 * trusted place that gave one:
 *
 *   1. JSON-LD of an article type (NewsArticle, Article, BlogPosting, ...):
 *      headline, author, datePublished, dateModified, publisher,
 *      articleSection, inLanguage, url;
 *   2. Open Graph and article:* meta (og:title, article:published_time,
 *      article:author when it is a name, og:site_name, og:url, ...);
 *   3. other <meta> names (author, byl, parsely-*, sailthru.*, dc.*,
 *      citation_*, date, pubdate, ...) and microdata (itemprop);
 *   4. JSON-LD of other types (WebPage, ...);
 *   5. <time datetime> (pubdate, itemprop=datePublished, else the first),
 *      rel=author links and itemprop=author elements, the byline element
 *      (class "byline" or "author" with a short name in it);
 *   6. the <title> (without the site's name) and the first <h1>.
 *
 * The canonical URL is <link rel=canonical>, else og:url, else JSON-LD's. */
#ifndef NF_INPUT_HTML_META_H
#define NF_INPUT_HTML_META_H

#include <libxml/tree.h>

#include "core/buffer.h"
#include "newsfields/status.h"

typedef struct nf_meta_field {
  nf_buf value; /* "" when none */
  int trust;    /* lower is more trusted; NF_META_NONE when empty */
} nf_meta_field;

#define NF_META_NONE 100

typedef struct nf_html_meta {
  nf_meta_field headline, date, modified, author, url, source, section, language;
  nf_buf h1;        /* the first <h1>'s text */
  nf_buf title;     /* the <title>'s text */
  nf_buf scratch;   /* text of an element */
  int authors_seen; /* citation_author etc. repeat: they are joined */
} nf_html_meta;

void nf_html_meta_init(nf_html_meta *m);
void nf_html_meta_clear(nf_html_meta *m);
void nf_html_meta_free(nf_html_meta *m);

/* One element of the page, in document order.  NF_ERR_NOMEM only. */
nf_status nf_html_meta_element(nf_html_meta *m, xmlNode *el);
/* After the last element: the title and h1 fallbacks. */
nf_status nf_html_meta_finish(nf_html_meta *m);

/* A date as the page writes it ("2020-01-19T10:00:00-05:00", "20200119",
 * "January 19, 2020", "19 Jan 2020", "Sun, 19 Jan 2020 10:00:00 GMT") as
 * "YYYY-MM-DD" in out (11 bytes); 0 when it is not a date. */
int nf_html_date(const char *p, size_t n, char *out);

/* The text of an element and its descendants, whitespace collapsed, into
 * out (cleared first); scripts and styles left out.  Iterative. */
nf_status nf_html_node_text(xmlNode *el, nf_buf *out);

#endif
