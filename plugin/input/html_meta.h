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
 *      rel=author links and itemprop=author elements (not in a comment);
 *   6. the byline element (class, id or data-testid naming a byline or an
 *      author, holding a short name: "By Jane Doe - Jan. 5" gives "Jane
 *      Doe"; when its text is too long for a byline, its first link when
 *      that reads as a name) or a credit line right after the headline's
 *      <h1> (<p class="credit">JIJI</p>), and a date shown in an element
 *      whose class names a date;
 *   7. the <title>, and the <h1>s.
 *
 * Then what the page shows wins over what its metadata says when they
 * differ only in form: the <h1> that is the metadata's headline (case aside,
 * or with the site's name after it), or the only <h1> of the page unless it
 * holds the metadata's headline with a label or a subtitle beside it; a
 * heading (<h1>, <h2>) that is a part of the <title> ("Site - Section >>
 * Story"), when the metadata has no headline; on a page with no <h1>, the
 * first <h2> when the metadata's headline and the <title> disagree and no
 * heading shows either (a review page's "X gave Y 5 stars" beside "Y
 * reviewed by X"); the date
 * shown when the metadata's is not shown and one is a day off (a time zone)
 * or less than a week later (the page's own date), leaving out the dates
 * before the headline's <h1> (a masthead's day of the visit) when others
 * follow it and the dates labelled as updates (an update is the page's date
 * when it is the only date shown and the metadata's is shown nowhere); the
 * byline when
 * the metadata's author is the site's own name; the <meta> author (a
 * repeated key joined: parsely-author, citation_author) over the JSON-LD's
 * when the byline shown is among its names and not the JSON-LD's.  "Edited
 * by", "Photos by", "Reviewed by" name no author.  An author of one word
 * (a first name: "Todd") takes the full name an element named for a name
 * shows ("By Todd Bates").  A headline loses a kicker
 * before it ("Local News | ") and the site's name after it.  Entities left
 * in values ("&#8217;") are decoded.
 *
 * When neither the metadata nor the text gives a date, the first publication
 * date in the page's own data (a <script type="application/json"> holding
 * the state an application renders: "publishedDate", "datePublished",
 * "publishedAt", ...) is the date.
 *
 * The date in the URL (/2020/01/19/, /2017/7/12/, /2020/oct/02/) is the
 * day the story was first published: it wins when no date is found or the
 * one found is later (a story published again, a date in UTC).
 *
 * The canonical URL is <link rel=canonical>, else og:url, else JSON-LD's. */
#ifndef NF_INPUT_HTML_META_H
#define NF_INPUT_HTML_META_H

#include <libxml/tree.h>

#include "core/buffer.h"
#include "html_date.h"
#include "newsfields/status.h"

typedef struct nf_meta_field {
  nf_buf value; /* "" when none */
  int trust;    /* lower is more trusted; NF_TRUST_NONE when empty */
} nf_meta_field;

#define NF_TRUST_NONE 100
#define NF_TRUST_SHOWN 16

typedef struct nf_html_meta {
  nf_meta_field headline, date, modified, author, url, source, section, language;
  nf_buf h1s; /* the texts of the <h1>s, each ended by '\n' */
  size_t nh1;
  nf_buf h2s; /* the same of the <h2>s */
  size_t nh2;
  nf_buf title;                       /* the <title>'s text */
  nf_buf byline;                      /* the name in the first byline element */
  char shown[NF_TRUST_SHOWN][11];     /* dates shown in the page's text, in page order */
  size_t shown_h1[NF_TRUST_SHOWN];    /* the number of <h1>s before each */
  char shown_updated[NF_TRUST_SHOWN]; /* 1: labelled "Updated" */
  size_t nshown;
  char data_date[11];        /* the first publication date in the page's own
                                data (<script type="application/json">), "" none */
  nf_buf scratch;            /* text of an element */
  nf_buf author_meta;        /* the author of the <meta> tags (repeated ones joined) */
  nf_buf author_full;        /* a one-word author's full name, as the page shows it */
  int authors_seen;          /* which author key gave it (1 + its index), 0 none */
  char twitter_author_label; /* N of twitter:labelN "Written by", or 0 */
  void *ld_ids;              /* while JSON-LD is read: its objects by @id */
  size_t ld_nids;
} nf_html_meta;

void nf_html_meta_init(nf_html_meta *m);
void nf_html_meta_clear(nf_html_meta *m);
void nf_html_meta_free(nf_html_meta *m);

/* One element of the page, in document order.  NF_ERR_NOMEM only. */
nf_status nf_html_meta_element(nf_html_meta *m, xmlNode *el);
/* After the last element: the title and h1 fallbacks. */
nf_status nf_html_meta_finish(nf_html_meta *m);

/* The text of an element and its descendants, whitespace collapsed, into
 * out (cleared first); scripts and styles left out.  Iterative. */
nf_status nf_html_node_text(xmlNode *el, nf_buf *out);

#endif
