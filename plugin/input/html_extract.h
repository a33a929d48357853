/* A web page as an article: its main text and its metadata.  Internal to
 * the readers.
 *
 * The page is decoded to UTF-8 (html_charset.h), parsed by libxml2's HTML
 * parser (recovering from any error, never reaching the network; libxml2
 * stops at 256 levels of nesting) and walked without recursion.  The main
 * text is, in this order:
 *
 *   1. the elements with itemprop=articleBody;
 *   2. else the largest container of a common CMS class or id
 *      ("entry-content", "article-body", "story-body", "post-content", ...);
 *   3. else the <article> with the most text;
 *   4. else the best block by readability-style scoring: each paragraph
 *      scores by its length and commas and gives its score to its parent
 *      and, halved, to its grandparent; a block's score is weighed by its
 *      class and id and by the share of its text that is not links; its
 *      siblings of a good score join it.
 *
 * Inside it, navigation, asides, headers, footers, forms' controls,
 * figures, scripts, hidden elements and the blocks that class or id names as
 * sharing, comments, related links, newsletters, cookie notices, ads or
 * promotions are left out, as are lists and blocks that are mostly links and
 * a heading that repeats the headline.  Block elements end paragraphs: the
 * text has one paragraph a line-pair ("\n\n" between them), <br> a line
 * break, whitespace collapsed as a browser shows it. */
#ifndef NF_INPUT_HTML_EXTRACT_H
#define NF_INPUT_HTML_EXTRACT_H

#include <stddef.h>

#include "core/buffer.h"
#include "html_charset.h"
#include "html_meta.h"
#include "newsfields/status.h"

typedef struct nf_html_node_info nf_html_node_info;

typedef struct nf_html_page {
  nf_buf decoded; /* the page as UTF-8 */
  nf_buf text;    /* the main text */
  nf_html_meta meta;
  char charset[NF_CHARSET_MAX]; /* the charset the page was read in */
  /* the walk's scratch, kept from one page to the next */
  nf_html_node_info *info;
  size_t ninfo, cap;
  size_t *roots;
  size_t nroots, rcap;
  nf_buf scratch;
} nf_html_page;

void nf_html_page_init(nf_html_page *pg);
void nf_html_page_free(nf_html_page *pg);

/* Reads one page.  http_charset (may be NULL) is the charset of the HTTP
 * header.  An empty page, or one with no text, is NF_ERR_PARSE. */
nf_status nf_html_extract(nf_html_page *pg, const char *p, size_t n, const char *http_charset,
                          nf_error *err);

#endif
