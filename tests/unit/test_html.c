/* Web pages as articles: metadata in order of trust, the id rule, the main
 * text with its paragraphs, charsets, the "html" key of JSON Lines, and bad
 * pages that must neither crash nor hang. */
#define _GNU_SOURCE
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "newsfields/input.h"
#include "testutil.h"

static char *dir;

static void setup(void) { dir = nf_test_tmpdir(); }
static void teardown(void) {
  nf_test_rmtree(dir);
  free(dir);
}

static char *str(nf_str s) { return s.p ? strndup(s.p, s.n) : strdup("(null)"); }

/* The other keys as compact JSON, or "(null)". */
static char *extra_of(const nf_article *a) {
  if (!a->extra) return strdup("(null)");
  return json_dumps(a->extra, JSON_COMPACT | JSON_PRESERVE_ORDER);
}

/* "id|headline|date|author|source|url|extra"; the file's path reads PATH. */
static char *fields(const nf_article *a, const char *path) {
  char *f[7] = {str(a->id),     str(a->headline), str(a->date), str(a->author),
                str(a->source), str(a->url),      extra_of(a)};
  if (strcmp(f[0], path) == 0) {
    free(f[0]);
    f[0] = strdup("PATH");
  }
  char *out;
  if (asprintf(&out, "%s|%s|%s|%s|%s|%s|%s", f[0], f[1], f[2], f[3], f[4], f[5], f[6]) < 0)
    out = NULL;
  for (int k = 0; k < 7; k++) free(f[k]);
  return out;
}

/* Writes bytes to dir/name; the path, malloc'd. */
static char *write_file(const char *name, const char *bytes, size_t n) {
  char *path;
  ck_assert_int_ge(asprintf(&path, "%s/%s", dir, name), 0);
  FILE *f = fopen(path, "wb");
  ck_assert_ptr_nonnull(f);
  ck_assert_uint_eq(fwrite(bytes, 1, n, f), n);
  fclose(f);
  return path;
}

typedef struct nf_input_result {
  nf_status status;
  char *fields, *text;
  nf_error err;
} nf_input_result;

static nf_input_result read_one(const char *path) {
  nf_input_result r = {NF_OK, NULL, NULL, {NF_OK, "", ""}};
  nf_input *in;
  const char *paths[] = {path};
  ck_assert_int_eq(nf_input_open(paths, 1, &in, &r.err), NF_OK);
  const nf_article *a;
  r.status = nf_input_next(in, &a, &r.err);
  if (r.status == NF_OK) {
    ck_assert_ptr_nonnull(a);
    r.fields = fields(a, path);
    r.text = str(a->text);
  }
  nf_input_free(in);
  return r;
}

#define PARA "A paragraph of the story, long enough, with a comma, to read as text."
#define NINE                                                                               \
  PARA "\n\n" PARA "\n\n" PARA "\n\n" PARA "\n\n" PARA "\n\n" PARA "\n\n" PARA "\n\n" PARA \
       "\n\n" PARA
#define P "<p>A paragraph of the story, long enough, with a comma, to read as text.</p>"

/* One page (a .html file) and what is read from it. */
static const struct {
  const char *html;
  const char *fields; /* id|headline|date|author|source|url|extra */
  const char *text;   /* NULL: not checked */
} pages[] = {
    /* JSON-LD wins over Open Graph, which wins over <meta name>, <time> and the title */
    {"<html><head><title>T | Site</title>"
     "<meta name=\"author\" content=\"Meta Name\"><meta name=\"date\" content=\"2001-01-01\">"
     "<meta property=\"og:title\" content=\"OG title\">"
     "<meta property=\"article:published_time\" content=\"2002-02-02T10:00:00Z\">"
     "<meta property=\"article:author\" content=\"Og Author\">"
     "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"LD "
     "headline\",\"author\":[{\"@type\":\"Person\",\"name\":\"Ann Lee\"},\"Bo Chan\"],"
     "\"datePublished\":\"2003-03-03T23:30:00-05:00\",\"dateModified\":\"2003-03-04\","
     "\"publisher\":{\"name\":\"The Daily\"},\"articleSection\":[\"Metro\",\"News\"],"
     "\"inLanguage\":\"en\"}</script></head>"
     "<body><time datetime=\"2004-04-04\">April 4</time>" P "</body></html>",
     "PATH|LD headline|2003-03-03|Ann Lee, Bo Chan|The Daily|(null)|"
     "{\"section\":\"Metro\",\"language\":\"en\",\"modified\":\"2003-03-04\"}",
     "April 4\n\nA paragraph of the story, long enough, with a comma, to read as text."},
    /* Open Graph over <meta name>; article:author that is a URL is no author */
    {"<html><head><meta name=\"author\" content=\"By Meta Name\">"
     "<meta property=\"og:title\" content=\"OG title\">"
     "<meta property=\"article:author\" content=\"https://social.example/page\">"
     "<meta name=\"sailthru.date\" content=\"Tue, 05 May 2020 10:00:00 GMT\">"
     "<meta property=\"og:site_name\" content=\"Site\"></head><body>" P "</body></html>",
     "PATH|OG title|2020-05-05|Meta Name|Site|(null)|(null)", NULL},
    /* the canonical URL is the id; og:url when there is none */
    {"<html><head><link rel=\"canonical\" href=\"https://a.example/story\">"
     "<meta property=\"og:url\" content=\"https://a.example/story?og\"></head><body>" P
     "</body></html>",
     "https://a.example/story|(null)|(null)|(null)|(null)|https://a.example/story|(null)", NULL},
    {"<html><head><meta property=\"og:url\" content=\"https://a.example/og\"></head><body>" P
     "</body></html>",
     "https://a.example/og|(null)|(null)|(null)|(null)|https://a.example/og|(null)", NULL},
    /* a canonical URL longer than an id may be: cut, with a hash of the whole */
    {"<html><head><link rel=\"canonical\" href=\"https://a.example/"
     "0123456789012345678901234567890123456789012345678901234567890123456789"
     "0123456789012345678901234567890123456789012345678901234567890123456789"
     "0123456789012345678901234567890123456789012345678901234567890123456789\"></head><body>" P
     "</body></html>",
     "https://a.example/012345678901234567890123456789012345678901234567890123456789012345678901"
     "234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901#"
     "0a4d6ee0391f6771|(null)|(null)|(null)|(null)|https://a.example/"
     "0123456789012345678901234567890123456789012345678901234567890123456789"
     "0123456789012345678901234567890123456789012345678901234567890123456789"
     "0123456789012345678901234567890123456789012345678901234567890123456789|(null)",
     NULL},
    /* Yoast: the author is a reference into the @graph; entities decoded */
    {"<html><head><script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"Article\","
     "\"headline\":\"Rock &amp; roll&#8217;s return\",\"author\":{\"@id\":\"#p1\"}},"
     "{\"@type\":\"Person\",\"@id\":\"#p1\",\"name\":\"Jo Ray\"}]}</script></head><body>" P
     "</body></html>",
     "PATH|Rock & roll\xe2\x80\x99s return|(null)|Jo Ray|(null)|(null)|(null)", NULL},
    /* twitter:label1 "Written by" names the author; degrees go */
    {"<html><head><meta name=\"twitter:label1\" content=\"Written by\">"
     "<meta name=\"twitter:data1\" content=\"Kim Oduya, PhD\"></head><body>" P "</body></html>",
     "PATH|(null)|(null)|Kim Oduya|(null)|(null)|(null)", NULL},
    /* the byline shown, when the metadata names no author; its date too */
    {"<html><body><div class=\"c-byline\">By <a href=\"/a/x\">Ida Berg</a> - Updated March 3, "
     "2021</div><span class=\"pub-date\">Tuesday, March 2, 2021</span>" P "</body></html>",
     "PATH|(null)|2021-03-02|Ida Berg|(null)|(null)|(null)", NULL},
    /* ... and when the metadata's author is the site itself */
    {"<html><head><meta name=\"author\" content=\"Coast News\">"
     "<meta property=\"og:site_name\" content=\"Coast News\"></head><body>"
     "<p class=\"article-author\">Story by Lena Vogt</p>" P "</body></html>",
     "PATH|(null)|(null)|Lena Vogt|Coast News|(null)|(null)", NULL},
    /* the <h1> that is the metadata's headline with the site's name after it */
    {"<html><head><meta property=\"og:title\" content=\"Floods close the pass - Alp Post\">"
     "</head><body><h1>Logo</h1><h1>Floods close the pass</h1>" P "</body></html>",
     "PATH|Floods close the pass|(null)|(null)|(null)|(null)|(null)",
     "Logo\n\nA paragraph of the story, long enough, with a comma, to read as text."},
    /* the title without the site's name; the date from the URL */
    {"<html><head><title>Tram line to reopen in spring | City Paper</title>"
     "<link rel=\"canonical\" href=\"https://city.example/2018/11/23/tram/\"></head><body>" P
     "</body></html>",
     "https://city.example/2018/11/23/tram/|Tram line to reopen in spring|2018-11-23|(null)|"
     "(null)|https://city.example/2018/11/23/tram/|(null)",
     NULL},
    /* a time zone: the metadata's UTC date is a day after the date shown */
    {"<html><head><meta property=\"article:published_time\" content=\"2023-11-09T04:30:00Z\">"
     "</head><body><div class=\"time\">PUBLISHED: <time datetime=\"2023-11-08 23:30\">"
     "November 8, 2023 at 11:30 p.m.</time></div>" P "</body></html>",
     "PATH|(null)|2023-11-08|(null)|(null)|(null)|(null)", NULL},
    /* a date written day first with dots, in a byline with a time after it */
    {"<html><body><div class=\"meta author\">Autor: <a href=\"/u/58\">Kai Brandt</a> am "
     "29.12.2010, 13:36 Uhr</div>" P "</body></html>",
     "PATH|(null)|2010-12-29|Kai Brandt|(null)|(null)|(null)", NULL},
    /* the date in a URL that names the month */
    {"<html><head><link rel=\"canonical\" href=\"https://paper.example/world/2020/oct/02/"
     "floods-rise\"></head><body>" P "</body></html>",
     "https://paper.example/world/2020/oct/02/floods-rise|(null)|2020-10-02|(null)|(null)|"
     "https://paper.example/world/2020/oct/02/floods-rise|(null)",
     NULL},
    /* the masthead's date (the day of the visit) comes before the headline: the
     * date shown after it is the story's, a day before the metadata's UTC one */
    {"<html><head><meta property=\"og:title\" content=\"Council votes to widen the bridge\">"
     "<meta property=\"article:published_time\" content=\"2023-11-09T03:10:00Z\"></head>"
     "<body><header><div class=\"date\">Thursday, November 9th 2023</div></header>"
     "<h1>Council votes to widen the bridge</h1><div class=\"byline\">By Lu Chen</div>"
     "<div class=\"time\">PUBLISHED: <time datetime=\"2023-11-08 21:10\">November 8, 2023 at "
     "9:10 p.m.</time></div>" P "</body></html>",
     "PATH|Council votes to widen the bridge|2023-11-08|Lu Chen|(null)|(null)|(null)", NULL},
    /* a line break ends the name in a byline; a date labelled as an update is
     * no publication date */
    {"<html><body><p class=\"post-date-and-author\">by <span><a href=\"mailto:ana@example.org\">"
     "Ana Ruiz</a></span><br>Last updated 04 Jun 2020</p>" P "</body></html>",
     "PATH|(null)|(null)|Ana Ruiz|(null)|(null)|(null)", NULL},
    /* the part of the <title> that the page shows as a heading is the headline */
    {"<html><head><title>Harbour Club - News &raquo; Regatta moved to Sunday</title></head>"
     "<body><h1>News</h1><h2>Regatta moved to Sunday</h2>" P "</body></html>",
     "PATH|Regatta moved to Sunday|(null)|(null)|(null)|(null)|(null)", NULL},
    /* no <h1>, and the metadata's headline and the <title> disagree, neither
     * shown as a heading: the first <h2> is the headline (it leaves the text) */
    {"<html><head><title>Ferry line reviewed by Dana Cole</title>"
     "<meta property=\"og:title\" content=\"Dana Cole rated Ferry line 4 stars. Read the full "
     "review...\"></head><body><h2>Crossing was late but the crew was kind</h2>" P
     "<h2>More reviews</h2></body></html>",
     "PATH|Crossing was late but the crew was kind|(null)|(null)|(null)|(null)|(null)",
     "A paragraph of the story, long enough, with a comma, to read as text.\n\nMore reviews"},
    /* ... not when the <title> holds the metadata's headline, when a heading
     * shows it, or when the <title> is the site's name */
    {"<html><head><title>Council votes to close pier - Coast Daily</title>"
     "<meta property=\"og:title\" content=\"Council votes to close pier\"></head><body>"
     "<h2>Sign up for our newsletters</h2>" P "</body></html>",
     "PATH|Council votes to close pier|(null)|(null)|(null)|(null)|(null)", NULL},
    {"<html><head><title>Coast Daily: local news</title>"
     "<meta property=\"og:title\" content=\"Council votes to close pier\"></head><body>"
     "<h2>Sign up for our newsletters</h2><h2>Council votes to close pier</h2>" P "</body></html>",
     "PATH|Council votes to close pier|(null)|(null)|(null)|(null)|(null)", NULL},
    {"<html><head><title>Coast Daily</title><meta property=\"og:site_name\" content=\"Coast "
     "Daily\"><meta property=\"og:title\" content=\"Council votes to close pier\"></head><body>"
     "<h2>Sign up for our newsletters</h2>" P "</body></html>",
     "PATH|Council votes to close pier|(null)|(null)|Coast Daily|(null)|(null)", NULL},
    /* the only <h1> holds the metadata's headline with a label before it, or a
     * subtitle after it: the metadata's headline stays */
    {"<html><head><script type=\"application/ld+json\">{\"@type\":\"DiscussionForumPosting\","
     "\"headline\":\"Patch 2.1 fixes the login bug\"}</script></head><body><h1><span "
     "class=\"label\">Release Notes</span> Patch 2.1 fixes the login bug</h1>" P "</body></html>",
     "PATH|Patch 2.1 fixes the login bug|(null)|(null)|(null)|(null)|(null)", NULL},
    {"<html><head><meta property=\"og:title\" content=\"Fish cakes, hot and fresh\"></head>"
     "<body><h1>Fish cakes, hot and fresh <small>A morning at the market</small></h1>" P
     "</body></html>",
     "PATH|Fish cakes, hot and fresh|(null)|(null)|(null)|(null)|(null)", NULL},
    /* "Edited by" names no author */
    {"<html><body><p>Glossary, <span itemprop=\"author\">Second edition, edited by Ruth "
     "Amos</span></p>" P "</body></html>",
     "PATH|(null)|(null)|(null)|(null)|(null)|(null)", NULL},
    /* the author of a reader's comment is no author of the page */
    {"<html><body><div class=\"header-info__author\"><a href=\"/p/ml\">Marie Laval</a></div>" P
     "<article class=\"comment\"><div itemprop=\"author\" itemscope><span itemprop=\"name\">"
     "reader42</span></div><p>Nice.</p></article></body></html>",
     "PATH|(null)|(null)|Marie Laval|(null)|(null)|(null)", NULL},
    /* ... but an article that merely has comments keeps its author */
    {"<html><body><article class=\"post has-comments\"><span itemprop=\"author\">Rita Moss"
     "</span>" P "</article></body></html>",
     "PATH|(null)|(null)|Rita Moss|(null)|(null)|(null)", NULL},
    /* parsely-author repeated, one per author; the JSON-LD's author (the account
     * that posted the story) is not in the byline shown, the <meta>'s are */
    {"<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
     "\"author\":{\"@type\":\"Person\",\"name\":\"Web Producer\"}}</script>"
     "<meta name=\"parsely-author\" content=\"Jo Hale\">"
     "<meta name=\"parsely-author\" content=\"Sam Ortiz\"></head><body><div class=\"byline\">"
     "<a rel=\"author\" href=\"/a/jh\">Jo Hale</a>, <a rel=\"author\" href=\"/a/so\">Sam "
     "Ortiz</a></div>" P "</body></html>",
     "PATH|(null)|(null)|Jo Hale; Sam Ortiz|(null)|(null)|(null)", NULL},
    /* the only date shown is labelled as an update and the metadata's date is
     * shown nowhere: the page gives its readers the updated date */
    {"<html><head><script type=\"application/ld+json\">{\"@type\":\"Article\","
     "\"datePublished\":\"2019-10-15T16:59:59.000Z\",\"dateModified\":\"2020-03-12\"}"
     "</script></head><body><div class=\"timestamp published-date\">Updated Mar 12, 2020 @ "
     "10:42 am</div>" P "</body></html>",
     "PATH|(null)|2020-03-12|(null)|(null)|(null)|{\"modified\":\"2020-03-12\"}", NULL},
    /* ... but not when the page shows the metadata's date too */
    {"<html><head><meta property=\"article:published_time\" content=\"2020-01-05T08:00:00Z\">"
     "</head><body><span class=\"date\">Jan 5, 2020</span> <span class=\"date\">Updated Mar "
     "12, 2020</span>" P "</body></html>",
     "PATH|(null)|2020-01-05|(null)|(null)|(null)|(null)", NULL},
    /* the URL's date is the day the story was first published: it wins over a
     * later date of the metadata (the story published again), not an earlier one */
    {"<html><head><link rel=\"canonical\" href=\"https://blog.example/home/2017/7/12/trip\">"
     "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"datePublished\":"
     "\"2019-06-17T18:28:00+0200\"}</script></head><body>" P "</body></html>",
     "https://blog.example/home/2017/7/12/trip|(null)|2017-07-12|(null)|(null)|"
     "https://blog.example/home/2017/7/12/trip|(null)",
     NULL},
    {"<html><head><link rel=\"canonical\" href=\"https://blog.example/2020/01/20/late\">"
     "<meta property=\"article:published_time\" content=\"2020-01-19T22:00:00-05:00\">"
     "</head><body>" P "</body></html>",
     "https://blog.example/2020/01/20/late|(null)|2020-01-19|(null)|(null)|"
     "https://blog.example/2020/01/20/late|(null)",
     NULL},
    /* no date in the metadata or the text: the first publication date in the
     * data the page's application renders (here a correction's, then a
     * related story's) */
    {"<html><head><title>Port reopens after storm</title></head><body>"
     "<script type=\"application/json\" data-state=\"story\">{\"storyId\":\"a81\","
     "\"updatedDate\":\"2021-03-09T07:15:00Z\",\"publishedDate\":\"2021-03-08T22:40:11Z\","
     "\"related\":[{\"publishedAt\":\"2021-02-27T10:00:00Z\"}]}</script>" P "</body></html>",
     "PATH|Port reopens after storm|2021-03-08|(null)|(null)|(null)|(null)", NULL},
    /* ... which gives way to the metadata's date, and to a date shown */
    {"<html><head><meta property=\"article:published_time\" content=\"2021-03-09T06:00:00Z\">"
     "</head><body><script type=\"application/json\">{\"datePublished\":\"2021-03-01\"}"
     "</script>" P "</body></html>",
     "PATH|(null)|2021-03-09|(null)|(null)|(null)|(null)", NULL},
    {"<html><body><script type=\"application/json\">{\"publishDate\":\"2021-03-01\"}</script>"
     "<span class=\"dateline-date\">March 8, 2021</span>" P "</body></html>",
     "PATH|(null)|2021-03-08|(null)|(null)|(null)|(null)", NULL},
    /* a byline element too long to be a byline (a profile card): its first
     * link, when it reads as a name; not a word linked in an author's note */
    {"<html><body><div class=\"author-info\"><div class=\"mini-card\"><img alt=\"\"><section>"
     "<h3><a href=\"/in/noraquist\">Nora Quist</a></h3><p>Consultant for new ways of working "
     "and learning, speaker and podcast host, writing on remote teams, meetings and the "
     "office.</p><button>Follow</button><span>Like 319 Comment 160 Share</span></section></div>"
     "</div>" P "</body></html>",
     "PATH|(null)|(null)|Nora Quist|(null)|(null)|(null)", NULL},
    {"<html><body>" P "<div class=\"author-note\"><p>This is a rewrite of my first story, "
     "with a new ending and two new chapters; read <a href=\"/r/1\">some</a> of the reviews of "
     "the first version for more, and thank you all for reading it.</p></div></body></html>",
     "PATH|(null)|(null)|(null)|(null)|(null)|(null)", NULL},
    /* an author of one word (a first name) takes the full name an element
     * named for a name shows */
    {"<html><head><script type=\"application/ld+json\">{\"@type\":\"Article\",\"author\":"
     "{\"@type\":\"Person\",\"name\":\"Ines\"}}</script></head><body><aside><div "
     "class=\"full-name-wrapper\"><p class=\"label\"><strong>By</strong></p><p "
     "class=\"full-name\">Ines Okafor</p></div></aside>" P "</body></html>",
     "PATH|(null)|(null)|Ines Okafor|(null)|(null)|(null)", NULL},
    /* a credit line right after the headline is the byline of a wire story;
     * "No Author" is none */
    {"<html><head><meta name=\"author\" content=\"No Author\"></head><body><header><hgroup>"
     "<h3>National</h3><h1>Masks stolen from a hospital</h1></hgroup> <p class=\"credit\">KYODO"
     "</p></header>" P "</body></html>",
     "PATH|Masks stolen from a hospital|(null)|KYODO|(null)|(null)|(null)", NULL},
    /* ... not a picture's credit */
    {"<html><body><h1>Masks stolen from a hospital</h1><p class=\"credit\">Photo: Getty Images"
     "</p>" P "</body></html>",
     "PATH|Masks stolen from a hospital|(null)|(null)|(null)|(null)|(null)", NULL},
    /* a short paragraph that is a byline stays in the text however much of it
     * is a link */
    {"<html><body><div class=\"entry-content\"><p><em>Written by: <a href=\"https://river."
     "example/kai\">Kai Moreno</a></em></p>" P P "<p><a href=\"/more\">More stories from the "
     "river</a></p></div></body></html>",
     "PATH|(null)|(null)|(null)|(null)|(null)|(null)",
     "Written by: Kai Moreno\n\n" PARA "\n\n" PARA},
    /* names with commas and no spaces: the author is never longer than read */
    {"<html><head><meta name=\"author\" content=\"Ann Lee,Bo Chan,Cy Moss\"></head><body>" P
     "</body></html>",
     "PATH|(null)|(null)|Ann Lee,Bo Chan,Cy Moss|(null)|(null)|(null)", NULL},
    /* paragraphs as printed: the dateline starts the first, a blank line
     * between paragraphs, <br> a line break; boilerplate and the headline go */
    {"<html><head><title>Quake shakes coast</title></head><body>"
     "<nav><a href=\"/\">Home</a></nav><div class=\"cookie-notice\">We use cookies.</div>"
     "<div class=\"entry-content\"><h1>Quake shakes coast</h1>"
     "<p>TAUPO, New Zealand, March 24 (Reuters) -  A strong  earthquake\n shook the coast "
     "on Sunday, officials said.</p><div class=\"share-buttons\"><a href=\"#\">Share</a></div>"
     "<p>No damage was reported.<br>Schools will open as usual.</p>"
     "<ul class=\"related\"><li><a href=\"/1\">Earlier quake</a></li></ul>"
     "<script>var x = 1;</script><p>&nbsp;</p><p>Aftershocks &amp; tremors followed.</p>"
     "</div><div id=\"comments\"><p>First!</p></div></body></html>",
     "PATH|Quake shakes coast|(null)|(null)|(null)|(null)|(null)",
     "TAUPO, New Zealand, March 24 (Reuters) - A strong earthquake shook the coast on Sunday, "
     "officials said.\n\nNo damage was reported.\nSchools will open as usual.\n\nAftershocks & "
     "tremors followed."},
    /* itemprop=articleBody first, over a bigger <article> */
    {"<html><body><article><p>Teaser one, a line of a list of stories, with commas, to "
     "fill.</p><p>Teaser two, another line of the list of stories, with more commas, to fill, "
     "and more.</p><div itemprop=\"articleBody\"><p>The body of the story, with its "
     "comma, as long as a lead.</p><p>Its second paragraph, short but not too short.</p>"
     "</div></article></body></html>",
     "PATH|(null)|(null)|(null)|(null)|(null)|(null)",
     "The body of the story, with its comma, as long as a lead.\n\nIts second paragraph, "
     "short but not too short."},
    /* a rule that finds a teaser gives way to one that finds a story three times longer */
    {"<html><body><div itemprop=\"articleBody\"><p>A summary of the story, in one line, "
     "short.</p></div><div id=\"main\">" P P P P P P P P P "</div></body></html>",
     "PATH|(null)|(null)|(null)|(null)|(null)|(null)", NINE},
    /* no rule fits: readability's scoring finds the block of paragraphs */
    {"<html><body><div id=\"top\"><a href=\"/\">Home</a> <a href=\"/n\">News</a></div>"
     "<div id=\"x1\"><div id=\"x2\">" P P P "</div></div><div id=\"side\"><ul><li><a "
     "href=\"/a\">A story elsewhere</a></li><li><a href=\"/b\">Another story</a></li></ul>"
     "</div></body></html>",
     "PATH|(null)|(null)|(null)|(null)|(null)|(null)",
     "A paragraph of the story, long enough, with a comma, to read as text.\n\n"
     "A paragraph of the story, long enough, with a comma, to read as text.\n\n"
     "A paragraph of the story, long enough, with a comma, to read as text."},
    /* unclosed tags and a missing </html> */
    {"<html><body><div class=\"story-body\"><p>First, unclosed<p>Second, <b>bold, <i>and "
     "more",
     "PATH|(null)|(null)|(null)|(null)|(null)|(null)", "First, unclosed\n\nSecond, bold, and more"},
};

START_TEST(page_rows) {
  char *path = write_file("page.html", pages[_i].html, strlen(pages[_i].html));
  nf_input_result r = read_one(path);
  ck_assert_msg(r.status == NF_OK, "%s: %s", r.err.where, r.err.message);
  ck_assert_str_eq(r.fields, pages[_i].fields);
  if (pages[_i].text) ck_assert_str_eq(r.text, pages[_i].text);
  free(r.fields);
  free(r.text);
  free(path);
}
END_TEST

/* Bytes in some charset, and the text read from them. */
static const struct {
  const char *bytes;
  size_t n;
  const char *text;
} charsets[] = {
    /* <meta charset> */
    {"<html><head><meta charset=\"windows-1252\"></head><body><p>\x93"
     "Caf\xe9\x94 \x96 "
     "ok</p></body></html>",
     0,
     "\xe2\x80\x9c"
     "Caf\xc3\xa9\xe2\x80\x9d \xe2\x80\x93 ok"},
    /* <meta http-equiv> naming ISO-8859-1, read as browsers do: windows-1252 */
    {"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
     "</head><body><p>\x80 5, na\xefve</p></body></html>",
     0, "\xe2\x82\xac 5, na\xc3\xafve"},
    /* no charset and not UTF-8: detected */
    {"<html><body><p>Stra\xdf"
     "e in K\xf6ln, M\xfcnchen und D\xfcsseldorf gesperrt, "
     "teilte die Polizei am Montag mit. Die Stra\xdf"
     "e bleibt gesperrt.</p></body></html>",
     0,
     "Stra\xc3\x9f"
     "e in K\xc3\xb6ln, M\xc3\xbcnchen und D\xc3\xbcsseldorf gesperrt, teilte die "
     "Polizei am Montag mit. Die Stra\xc3\x9f"
     "e bleibt gesperrt."},
    /* declared UTF-8 but Latin-1: the bytes win */
    {"<html><head><meta charset=\"utf-8\"></head><body><p>Jos\xe9 Mar\xed"
     "a Garc\xed"
     "a "
     "dijo que la reuni\xf3n fue un \xe9xito para la regi\xf3n.</p></body></html>",
     0,
     "Jos\xc3\xa9 Mar\xc3\xad"
     "a Garc\xc3\xad"
     "a dijo que la reuni\xc3\xb3n fue un \xc3\xa9xito "
     "para la regi\xc3\xb3n."},
    /* a UTF-8 byte order mark; a UTF-16LE one */
    {"\xef\xbb\xbf<p>Z\xc3\xbcrich</p>", 0, "Z\xc3\xbcrich"},
    {"\xff\xfe<\0p\0>\0\xe9\0t\0\xe9\0<\0/\0p\0>\0", 20, "\xc3\xa9t\xc3\xa9"},
    /* an unknown charset label: detection */
    {"<html><head><meta charset=\"x-no-such\"></head><body><p>plain</p></body></html>", 0, "plain"},
};

START_TEST(charset_rows) {
  size_t n = charsets[_i].n ? charsets[_i].n : strlen(charsets[_i].bytes);
  char *path = write_file("page.htm", charsets[_i].bytes, n);
  nf_input_result r = read_one(path);
  ck_assert_msg(r.status == NF_OK, "%s: %s", r.err.where, r.err.message);
  ck_assert_str_eq(r.text, charsets[_i].text);
  free(r.fields);
  free(r.text);
  free(path);
}
END_TEST

/* Pages that are errors, naming the file. */
static const struct {
  const char *bytes;
  size_t n;
  const char *error;
} bad_pages[] = {
    {"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20, "binary data, not HTML"},
    {"\x1f\x8b\x08\0\0\0\0\0", 8, "binary data, not HTML"},
    {"", 0, "empty page"},
    {"<html><head><title>Only a title</title></head><body><script>x()</script></body></html>", 0,
     "no text in the page"},
};

START_TEST(bad_page_rows) {
  size_t n =
      bad_pages[_i].n || !bad_pages[_i].bytes[0] ? bad_pages[_i].n : strlen(bad_pages[_i].bytes);
  char *path = write_file("bad.html", bad_pages[_i].bytes, n);
  nf_input_result r = read_one(path);
  ck_assert_int_eq(r.status, NF_ERR_PARSE);
  ck_assert_str_eq(r.err.where, path);
  ck_assert_str_eq(r.err.message, bad_pages[_i].error);
  free(path);
}
END_TEST

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Pathological pages: read in bounded time, with the text that is there. */
START_TEST(nested_divs_unclosed_and_huge_scripts) {
  size_t n = 10u << 20;
  char *page = malloc(n + 200);
  size_t w = (size_t)sprintf(page, "<html><body><p>Deep text, at the top.</p>");
  const char *shapes[] = {"<div>", "<div><span><b>", "<table><tr><td>", "<font><a href=x>"};
  const char *unit = shapes[_i];
  while (w + strlen(unit) < n) memcpy(page + w, unit, strlen(unit)), w += strlen(unit);
  w += (size_t)sprintf(page + w, "bottom");
  char *path = write_file("deep.html", page, w);
  double t0 = now();
  nf_input_result r = read_one(path);
  ck_assert_msg(now() - t0 < 20, "took %.1f s", now() - t0);
  ck_assert_int_eq(r.status, NF_OK);
  ck_assert(nf_test_contains(r.text, "Deep text, at the top."));
  free(r.fields);
  free(r.text);
  free(path);
  /* a script of 10 MB, unclosed */
  w = (size_t)sprintf(page, "<html><body><p>Before the script, a paragraph.</p><script>");
  while (w + 10 < n) memcpy(page + w, "var a=1<2;", 10), w += 10;
  path = write_file("script.html", page, w);
  r = read_one(path);
  ck_assert_int_eq(r.status, NF_OK);
  ck_assert_str_eq(r.text, "Before the script, a paragraph.");
  free(r.fields);
  free(r.text);
  free(path);
  free(page);
}
END_TEST

/* The "html" key of JSON Lines: the page fills what the line does not give. */
static const struct {
  const char *line;
  const char *fields, *text, *error;
} json_rows[] = {
    {"{\"html\":\"<html><head><link rel=canonical href=https://j.example/1><title>Page "
     "title</title></head><body><p>Body text, from the page.</p></body></html>\"}",
     "https://j.example/1|Page title|(null)|(null)|(null)|https://j.example/1|(null)",
     "Body text, from the page.", NULL},
    {"{\"id\":\"mine\",\"headline\":\"Mine\",\"topic\":\"x\",\"html\":\"<html><head><meta "
     "property=article:section content=Sport><title>Page</title></head><body><p>Body "
     "text.</p></body></html>\"}",
     "mine|Mine|(null)|(null)|(null)|(null)|{\"topic\":\"x\",\"section\":\"Sport\"}", "Body text.",
     NULL},
    {"{\"url\":\"https://j.example/u\",\"text\":\"Given text.\",\"html\":\"<title>T</title><p>Page "
     "text.</p>\"}",
     "https://j.example/u|T|(null)|(null)|(null)|https://j.example/u|(null)", "Given text.", NULL},
    {"{\"html\":\"<p>No id anywhere.</p>\"}", NULL, NULL, "no id: the page names no canonical URL"},
    {"{\"id\":\"a\",\"html\":5}", NULL, NULL, "\"html\" must be a string"},
    {"{\"id\":\"a\",\"html\":\"<title>x</title>\"}", NULL, NULL, "no text in the page"},
};

START_TEST(json_html_rows) {
  char *path;
  ck_assert_int_ge(asprintf(&path, "%s/pages.jsonl", dir), 0);
  char *line;
  ck_assert_int_ge(asprintf(&line, "%s\n", json_rows[_i].line), 0);
  ck_assert_int_eq(nf_test_write(path, line), 0);
  nf_input_result r = read_one(path);
  if (json_rows[_i].error) {
    ck_assert_int_eq(r.status, NF_ERR_PARSE);
    ck_assert_str_eq(r.err.message, json_rows[_i].error);
    char where[600];
    snprintf(where, sizeof where, "%s:1", path);
    ck_assert_str_eq(r.err.where, where);
  } else {
    ck_assert_msg(r.status == NF_OK, "%s", r.err.message);
    ck_assert_str_eq(r.fields, json_rows[_i].fields);
    ck_assert_str_eq(r.text, json_rows[_i].text);
  }
  free(r.fields);
  free(r.text);
  free(line);
  free(path);
}
END_TEST

int main(void) {
  Suite *s = suite_create("html");
  TCase *tc = tcase_create("html");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 120);
  tcase_add_loop_test(tc, page_rows, 0, (int)(sizeof pages / sizeof pages[0]));
  tcase_add_loop_test(tc, charset_rows, 0, (int)(sizeof charsets / sizeof charsets[0]));
  tcase_add_loop_test(tc, bad_page_rows, 0, (int)(sizeof bad_pages / sizeof bad_pages[0]));
  tcase_add_loop_test(tc, nested_divs_unclosed_and_huge_scripts, 0, 4);
  tcase_add_loop_test(tc, json_html_rows, 0, (int)(sizeof json_rows / sizeof json_rows[0]));
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
