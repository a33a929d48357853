/* A web page's metadata: JSON-LD (jansson), meta tags, microdata, <time>,
 * rel=author, the title.  Each field keeps its most trusted value. */
#include "html_meta.h"

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
  TRUST_JSONLD = 1,
  TRUST_OG = 2,
  TRUST_META = 3,
  TRUST_JSONLD_OTHER = 4,
  TRUST_ELEMENT = 5,
  TRUST_BYLINE = 6,
  TRUST_TITLE = 7
};

#define MAX_H1 8       /* <h1>s (and <h2>s) kept */
#define MAX_LD_IDS 128 /* JSON-LD objects found by @id */

#define JSONLD_DEPTH 8     /* nesting searched for the article object */
#define MAX_AUTHOR 400     /* bytes of author metadata kept */
#define MAX_BYLINE_TEXT 80 /* a byline element longer than this is no byline */

void nf_html_meta_init(nf_html_meta *m) {
  memset(m, 0, sizeof *m);
  nf_html_meta_clear(m);
}

static nf_meta_field *fields(nf_html_meta *m, size_t *n) {
  *n = 8;
  return &m->headline;
}

void nf_html_meta_clear(nf_html_meta *m) {
  size_t n;
  nf_meta_field *f = fields(m, &n);
  for (size_t i = 0; i < n; i++) {
    nf_buf_clear(&f[i].value);
    f[i].trust = NF_TRUST_NONE;
  }
  nf_buf_clear(&m->h1s);
  m->nh1 = 0;
  nf_buf_clear(&m->h2s);
  m->nh2 = 0;
  nf_buf_clear(&m->title);
  nf_buf_clear(&m->byline);
  nf_buf_clear(&m->author_meta);
  nf_buf_clear(&m->author_full);
  m->nshown = 0;
  m->data_date[0] = '\0';
  m->authors_seen = 0;
  m->twitter_author_label = 0;
}

void nf_html_meta_free(nf_html_meta *m) {
  size_t n;
  nf_meta_field *f = fields(m, &n);
  for (size_t i = 0; i < n; i++) nf_buf_free(&f[i].value);
  nf_buf_free(&m->h1s);
  nf_buf_free(&m->h2s);
  nf_buf_free(&m->title);
  nf_buf_free(&m->byline);
  nf_buf_free(&m->author_meta);
  nf_buf_free(&m->author_full);
  nf_buf_free(&m->scratch);
}

static int space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int ieq(const char *a, const char *b) {
  if (!a) return 0;
  while (*a && lower((unsigned char)*a) == lower((unsigned char)*b)) a++, b++;
  return *a == '\0' && *b == '\0';
}

static int istarts(const char *a, const char *prefix) {
  while (*prefix && lower((unsigned char)*a) == lower((unsigned char)*prefix)) a++, prefix++;
  return *prefix == '\0';
}

/* Appends p[0..n) with whitespace (and no-break spaces) collapsed and trimmed. */
static nf_status append_collapsed(nf_buf *b, const char *p, size_t n) {
  int pending = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    int sp = space(c);
    if (c == 0xc2 && i + 1 < n && (unsigned char)p[i + 1] == 0xa0) sp = 1, i++;
    if (sp) {
      pending = b->len > 0;
      continue;
    }
    if (pending && nf_buf_append_char(b, ' ')) return NF_ERR_NOMEM;
    pending = 0;
    if (nf_buf_append_char(b, (char)c)) return NF_ERR_NOMEM;
  }
  return NF_OK;
}

/* Decodes the character references left in a value ("&#8217;", "&amp;"),
 * in place: a reference is never shorter than what it stands for. */
static void decode_entities(nf_buf *b) {
  if (!b->len || !memchr(b->data, '&', b->len)) return;
  size_t w = 0;
  for (size_t r = 0; r < b->len;) {
    const char *semi = b->data[r] == '&' ? memchr(b->data + r, ';', b->len - r) : NULL;
    unsigned long cp = 0;
    if (semi && semi - (b->data + r) <= 10 && semi - (b->data + r) > 2) {
      const char *e = b->data + r + 1;
      size_t len = (size_t)(semi - e);
      char name[12];
      memcpy(name, e, len);
      name[len] = '\0';
      if (name[0] == '#') {
        char *end;
        cp = strtoul(name + 1 + (name[1] == 'x' || name[1] == 'X'), &end,
                     name[1] == 'x' || name[1] == 'X' ? 16 : 10);
        if (*end) cp = 0;
      } else {
        const htmlEntityDesc *d = htmlEntityLookup((const xmlChar *)name);
        if (d) cp = d->value;
      }
    }
    if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      b->data[w++] = b->data[r++];
      continue;
    }
    if (cp == 0xa0) cp = ' ';
    if (cp < 0x80) {
      b->data[w++] = (char)cp;
    } else if (cp < 0x800) {
      b->data[w++] = (char)(0xc0 | (cp >> 6));
      b->data[w++] = (char)(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      b->data[w++] = (char)(0xe0 | (cp >> 12));
      b->data[w++] = (char)(0x80 | ((cp >> 6) & 0x3f));
      b->data[w++] = (char)(0x80 | (cp & 0x3f));
    } else {
      b->data[w++] = (char)(0xf0 | (cp >> 18));
      b->data[w++] = (char)(0x80 | ((cp >> 12) & 0x3f));
      b->data[w++] = (char)(0x80 | ((cp >> 6) & 0x3f));
      b->data[w++] = (char)(0x80 | (cp & 0x3f));
    }
    r = (size_t)(semi - b->data) + 1;
  }
  b->len = w;
  b->data[w] = '\0';
}

/* Sets the field when this place is more trusted than the one it has. */
static nf_status offer(nf_meta_field *f, int trust, const char *p, size_t n) {
  if (!p || trust >= f->trust) return NF_OK;
  size_t i = 0;
  while (i < n && (space((unsigned char)p[i]) ||
                   (i + 1 < n && (unsigned char)p[i] == 0xc2 && (unsigned char)p[i + 1] == 0xa0)))
    i += space((unsigned char)p[i]) ? 1 : 2;
  if (i == n) return NF_OK; /* blank: no value */
  nf_buf_clear(&f->value);
  f->trust = trust;
  nf_status s = append_collapsed(&f->value, p, n);
  decode_entities(&f->value);
  return s;
}

static nf_status offer_str(nf_meta_field *f, int trust, const char *s) {
  return s ? offer(f, trust, s, strlen(s)) : NF_OK;
}

/* A date field takes only what reads as a date, stored as YYYY-MM-DD. */
static nf_status offer_date(nf_meta_field *f, int trust, const char *p, size_t n) {
  char iso[11];
  if (!p || trust >= f->trust || !nf_html_date(p, n, iso)) return NF_OK;
  return offer(f, trust, iso, 10);
}

static nf_status force(nf_meta_field *f, int trust, const char *p, size_t n);
static int same_ci(const char *a, size_t an, const char *b, size_t bn);

static int same_len_ci(const char *p, size_t n, const char *word) {
  if (strlen(word) != n) return 0;
  for (size_t i = 0; i < n; i++)
    if (lower((unsigned char)p[i]) != word[i]) return 0;
  return 1;
}

/* An author name as metadata writes it: no "By ", no URL, no handle. */
static int author_like(const char *s, size_t n) {
  if (n == 0 || n > MAX_AUTHOR) return 0;
  if (same_len_ci(s, n, "no author") || same_len_ci(s, n, "unknown")) return 0;
  if (istarts(s, "http:") || istarts(s, "https:") || istarts(s, "www.") || s[0] == '/' ||
      memchr(s, '@', n) || memchr(s, '{', n) || memchr(s, '<', n))
    return 0;
  int letter = 0;
  for (size_t i = 0; i < n; i++)
    if (((unsigned char)s[i] | 0x20) >= 'a' && ((unsigned char)s[i] | 0x20) <= 'z')
      letter = 1;
    else if ((unsigned char)s[i] >= 0xc0)
      letter = 1;
  return letter;
}

static const char *skip_by(const char *s, size_t *n) {
  while (*n && space((unsigned char)*s)) s++, (*n)--;
  if (*n > 3 && istarts(s, "by") && space((unsigned char)s[2])) s += 3, *n -= 3;
  while (*n && (space((unsigned char)*s) || *s == ':')) s++, (*n)--;
  return s;
}

/* Drops degrees after names ("Jane Doe, PhD"): they are no authors. */
static void drop_credentials(nf_buf *b) {
  static const char *const degrees[] = {"phd", "ph.d.", "md",  "m.d.", "rn", "rd",   "ms",
                                        "ma",  "mba",   "mph", "do",   "jd", "cscs", "dds",
                                        "dvm", "msc",   "bsc", "ld",   "np", "facp", "ccc-slp"};
  size_t w = 0, start = 0;
  for (size_t r = 0; r <= b->len; r++) {
    if (r < b->len && b->data[r] != ',') continue;
    const char *part = b->data + start;
    size_t n = r - start;
    int spaced = n && space((unsigned char)*part);
    while (n && space((unsigned char)*part)) part++, n--;
    while (n && space((unsigned char)part[n - 1])) n--;
    int degree = 0;
    for (size_t i = 0; i < sizeof degrees / sizeof degrees[0] && !degree; i++) {
      size_t k = strlen(degrees[i]);
      if (n != k) continue;
      degree = 1;
      for (size_t j = 0; j < k; j++)
        if (lower((unsigned char)part[j]) != degrees[i][j]) degree = 0;
    }
    if (!degree && n) {
      /* never longer than what was read: "a,b" stays "a,b" */
      if (w) b->data[w++] = ',';
      if (w && spaced) b->data[w++] = ' ';
      memmove(b->data + w, part, n);
      w += n;
    }
    start = r + 1;
  }
  if (b->data) b->data[w] = '\0';
  b->len = w;
}

static nf_status offer_author(nf_meta_field *f, int trust, const char *p, size_t n) {
  if (!p) return NF_OK;
  p = skip_by(p, &n);
  while (n && space((unsigned char)p[n - 1])) n--;
  if (!author_like(p, n) || trust >= f->trust) return NF_OK;
  nf_status s = offer(f, trust, p, n);
  drop_credentials(&f->value);
  if (!f->value.len) f->trust = NF_TRUST_NONE;
  return s;
}

/* The name in a byline as a page shows it: "By Jane Doe - January 5, 2020",
 * "Posted on May 3 by Jane Doe", "View all posts by Jane Doe", "Author: Jane
 * Doe am 29.12.2010".  *n is its length; 0 when it reads as no name. */
/* Whether the word before p[by] says the name after "by" is no author's:
 * "Edited by", "Photographed by", "Reviewed by". */
static int not_author_verb(const char *p, size_t by) {
  static const char *const verbs[] = {"edited",      "photographed", "photos",       "photo",
                                      "photography", "illustrated",  "illustration", "translated",
                                      "compiled",    "reviewed",     "produced",     "curated",
                                      "checked",     "images",       "video"};
  size_t end = by;
  while (end && space((unsigned char)p[end - 1])) end--;
  size_t start = end;
  while (start && ((p[start - 1] | 0x20) >= 'a' && (p[start - 1] | 0x20) <= 'z')) start--;
  for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++)
    if (same_len_ci(p + start, end - start, verbs[i])) return 1;
  return 0;
}

static const char *byline_name(const char *p, size_t *n) {
  size_t len = *n;
  *n = 0;
  if (len == 0 || len > 160) return p;
  /* after the last " by ", unless it names no author ("Edited by") */
  for (size_t i = len; i-- > 0;) {
    if ((i == 0 || space((unsigned char)p[i - 1])) && i + 3 < len && istarts(p + i, "by") &&
        space((unsigned char)p[i + 2])) {
      if (not_author_verb(p, i)) return p;
      p += i + 3, len -= i + 3;
      break;
    }
  }
  static const char *const labels[] = {"author:", "autor:", "written by", "posted by",
                                       "von:",    "von ",   "por ",       "par ",
                                       "words:",  "text:",  "by:"};
  for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
    if (len > strlen(labels[i]) && istarts(p, labels[i]))
      p += strlen(labels[i]), len -= strlen(labels[i]);
  while (len && (space((unsigned char)*p) || *p == ':')) p++, len--;
  /* up to a separator, a date or a time */
  static const char *const stops[] = {" last updated",
                                      " | ",
                                      " - ",
                                      " \xe2\x80\x93 ",
                                      " \xe2\x80\x94 ",
                                      " \xe2\x80\xa2 ",
                                      " \xc2\xb7 ",
                                      " on ",
                                      " am ",
                                      " at ",
                                      " le ",
                                      " el ",
                                      " updated",
                                      " published",
                                      " posted",
                                      "\n",
                                      " -"};
  size_t end = len;
  for (size_t i = 0; i < sizeof stops / sizeof stops[0]; i++) {
    size_t k = strlen(stops[i]);
    for (size_t j = 0; j + k <= end; j++)
      if (lower((unsigned char)p[j]) == lower((unsigned char)stops[i][0]) &&
          istarts(p + j, stops[i])) {
        end = j;
        break;
      }
  }
  for (size_t j = 0; j < end; j++) /* a word that starts with a digit: a date, a time */
    if (p[j] >= '0' && p[j] <= '9' && (j == 0 || space((unsigned char)p[j - 1]))) {
      end = j;
      break;
    }
  for (size_t j = 0; j < end; j++) { /* a weekday, a month before a number, a @handle */
    if (j && !space((unsigned char)p[j - 1])) continue;
    size_t w = j;
    while (w < len && ((p[w] | 0x20) >= 'a' && (p[w] | 0x20) <= 'z')) w++;
    int cut = p[j] == '@' && j > 0;
    static const char *const days[] = {"monday", "tuesday",  "wednesday", "thursday",
                                       "friday", "saturday", "sunday"};
    for (size_t d = 0; d < 7 && !cut; d++) cut = same_len_ci(p + j, w - j, days[d]);
    if (!cut && w > j + 2 && nf_html_month(p + j, w - j) && w + 1 < len && p[w] == ' ' &&
        p[w + 1] >= '0' && p[w + 1] <= '9')
      cut = 1;
    if (cut) {
      end = j;
      break;
    }
  }
  while (end && (space((unsigned char)p[end - 1]) || p[end - 1] == ',' || p[end - 1] == '|' ||
                 p[end - 1] == ':' || p[end - 1] == '-'))
    end--;
  if (end == 0 || end > 100) return p;
  /* a name: a capital somewhere (or one word), a few words, no generic word alone */
  int capital = 0, words = 1;
  for (size_t j = 0; j < end; j++) {
    if ((p[j] >= 'A' && p[j] <= 'Z') || (unsigned char)p[j] >= 0xc3) capital = 1;
    if (p[j] == ' ') words++;
  }
  static const char *const generic[] = {"author",           "authors",   "by",        "share",
                                        "written by",       "posted by", "posted on", "more",
                                        "about the author", "follow",    "no author"};
  for (size_t i = 0; i < sizeof generic / sizeof generic[0]; i++)
    if (strlen(generic[i]) == end && istarts(p, generic[i])) return p;
  /* a user name shown as the author ("delta201", "marc") is one word */
  if ((!capital && words > 1) || words > 12) return p;
  *n = end;
  return p;
}

/* An element's text as a byline: its name, offered at that trust. */
static nf_status offer_byline(nf_meta_field *f, int trust, const char *p, size_t n) {
  p = byline_name(p, &n);
  return n ? offer_author(f, trust, p, n) : NF_OK;
}

/* ---- JSON-LD ----------------------------------------------------------- */

static int article_type(const char *t) {
  static const char *const types[] = {"NewsArticle",
                                      "Article",
                                      "ReportageNewsArticle",
                                      "AnalysisNewsArticle",
                                      "OpinionNewsArticle",
                                      "BackgroundNewsArticle",
                                      "ReviewNewsArticle",
                                      "BlogPosting",
                                      "LiveBlogPosting",
                                      "SocialMediaPosting",
                                      "DiscussionForumPosting",
                                      "TechArticle",
                                      "ScholarlyArticle",
                                      "Report",
                                      "Review",
                                      "Recipe",
                                      "Posting"};
  if (!t) return 0;
  if (istarts(t, "http://schema.org/")) t += 18;
  if (istarts(t, "https://schema.org/")) t += 19;
  for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
    if (strcmp(t, types[i]) == 0) return 1;
  return 0;
}

static int has_article_type(json_t *o) {
  json_t *t = json_object_get(o, "@type");
  if (json_is_string(t)) return article_type(json_string_value(t));
  size_t i;
  json_t *v;
  json_array_foreach(t, i, v) if (json_is_string(v) && article_type(json_string_value(v))) return 1;
  return 0;
}

/* A name from a string, an object's "name", or the first of an array. */
static const char *name_of(json_t *v) {
  if (json_is_string(v)) return json_string_value(v);
  if (json_is_object(v)) return name_of(json_object_get(v, "name"));
  if (json_is_array(v) && json_array_size(v)) return name_of(json_array_get(v, 0));
  return NULL;
}

/* The object of the JSON-LD with that @id (a Person of Yoast's @graph). */
static json_t *ld_lookup(const nf_html_meta *m, json_t *ref) {
  const char *id = json_string_value(json_object_get(ref, "@id"));
  json_t **ids = m->ld_ids;
  for (size_t i = 0; id && i < m->ld_nids; i++)
    if (ids[i] != ref && strcmp(json_string_value(json_object_get(ids[i], "@id")), id) == 0)
      return ids[i];
  return ref;
}

/* "author": a string, an object with a name, or an array of these; joined. */
static nf_status ld_authors(nf_html_meta *m, int trust, json_t *v) {
  if (!v || trust >= m->author.trust) return NF_OK;
  nf_buf *b = &m->scratch;
  nf_buf_clear(b);
  json_t *one = v;
  size_t count = json_is_array(v) ? json_array_size(v) : 1;
  for (size_t i = 0; i < count && i < 16; i++) {
    if (json_is_array(v)) one = json_array_get(v, i);
    if (json_is_object(one) && !json_object_get(one, "name")) one = ld_lookup(m, one);
    const char *name = json_is_object(one) ? name_of(json_object_get(one, "name"))
                                           : (json_is_string(one) ? json_string_value(one) : NULL);
    if (!name) continue;
    size_t n = strlen(name);
    name = skip_by(name, &n);
    while (n && space((unsigned char)name[n - 1])) n--;
    if (!author_like(name, n) || b->len + n > MAX_AUTHOR) continue;
    if (b->len && nf_buf_append_str(b, ", ")) return NF_ERR_NOMEM;
    if (nf_buf_append(b, name, n)) return NF_ERR_NOMEM;
  }
  if (b->len == 0) return NF_OK;
  return offer(&m->author, trust, b->data, b->len);
}

static nf_status ld_object(nf_html_meta *m, json_t *o) {
  int trust = has_article_type(o) ? TRUST_JSONLD : TRUST_JSONLD_OTHER;
  nf_status s = NF_OK;
  const char *headline = name_of(json_object_get(o, "headline"));
  if (!headline && trust == TRUST_JSONLD) headline = name_of(json_object_get(o, "name"));
  if (headline) s = offer_str(&m->headline, trust, headline);
  const char *date = name_of(json_object_get(o, "datePublished"));
  if (!date) date = name_of(json_object_get(o, "dateCreated"));
  if (!s && date) s = offer_date(&m->date, trust, date, strlen(date));
  const char *modified = name_of(json_object_get(o, "dateModified"));
  if (!s && modified) s = offer_date(&m->modified, trust, modified, strlen(modified));
  if (!s) s = ld_authors(m, trust, json_object_get(o, "author"));
  if (!s && trust == TRUST_JSONLD) s = ld_authors(m, trust + 1, json_object_get(o, "creator"));
  const char *publisher = name_of(json_object_get(o, "publisher"));
  if (!s && publisher && trust == TRUST_JSONLD) s = offer_str(&m->source, trust, publisher);
  const char *section = name_of(json_object_get(o, "articleSection"));
  if (!s && section && trust == TRUST_JSONLD) s = offer_str(&m->section, trust, section);
  json_t *lang = json_object_get(o, "inLanguage");
  const char *language =
      json_is_object(lang) ? name_of(json_object_get(lang, "alternateName")) : name_of(lang);
  if (!s && language) s = offer_str(&m->language, trust, language);
  if (trust == TRUST_JSONLD) {
    const char *url = name_of(json_object_get(o, "url"));
    json_t *page = json_object_get(o, "mainEntityOfPage");
    if (!url && json_is_object(page)) url = name_of(json_object_get(page, "@id"));
    if (!url && json_is_string(page)) url = json_string_value(page);
    if (!s && url && (istarts(url, "http://") || istarts(url, "https://")))
      s = offer_str(&m->url, TRUST_JSONLD_OTHER, url);
  }
  return s;
}

/* Every object of the JSON-LD, article types first: the articles' values
 * win over a WebPage's whatever their order on the page. */
static nf_status ld_walk(nf_html_meta *m, json_t *v, int depth, int pass) {
  if (depth > JSONLD_DEPTH) return NF_OK;
  nf_status s = NF_OK;
  if (json_is_array(v)) {
    size_t i;
    json_t *item;
    json_array_foreach(v, i, item) if ((s = ld_walk(m, item, depth + 1, pass))) return s;
    return NF_OK;
  }
  if (!json_is_object(v)) return NF_OK;
  if (json_object_get(v, "@type") && has_article_type(v) == (pass == 0))
    if ((s = ld_object(m, v))) return s;
  static const char *const nested[] = {"@graph", "mainEntity", "itemListElement", "hasPart"};
  for (size_t i = 0; i < sizeof nested / sizeof nested[0]; i++) {
    json_t *inner = json_object_get(v, nested[i]);
    if (inner && (s = ld_walk(m, inner, depth + 1, pass))) return s;
  }
  return NF_OK;
}

/* Notes the objects with an @id at the top and in @graph. */
static void ld_index(nf_html_meta *m, json_t *v, json_t **ids, int depth) {
  if (json_is_object(v)) {
    if (json_is_string(json_object_get(v, "@id")) && m->ld_nids < MAX_LD_IDS) ids[m->ld_nids++] = v;
    json_t *graph = json_object_get(v, "@graph");
    if (graph && depth < 2) ld_index(m, graph, ids, depth + 1);
  } else if (json_is_array(v) && depth < 2) {
    size_t i;
    json_t *item;
    json_array_foreach(v, i, item) ld_index(m, item, ids, depth + 1);
  }
}

static nf_status jsonld(nf_html_meta *m, const char *p, size_t n) {
  json_t *root = json_loadb(p, n, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
  if (!root) return NF_OK; /* broken JSON-LD is common: ignored */
  json_t *ids[MAX_LD_IDS];
  m->ld_ids = ids;
  m->ld_nids = 0;
  ld_index(m, root, ids, 0);
  nf_status s = ld_walk(m, root, 0, 0);
  if (!s) s = ld_walk(m, root, 0, 1);
  m->ld_ids = NULL;
  m->ld_nids = 0;
  json_decref(root);
  return s;
}

/* ---- elements ---------------------------------------------------------- */

/* An attribute's value as the HTML parser stores it (one text child). */
static const char *attr(xmlNode *el, const char *name) {
  for (xmlAttr *a = el->properties; a; a = a->next)
    if (a->name && ieq((const char *)a->name, name))
      return a->children && a->children->content ? (const char *)a->children->content : "";
  return NULL;
}

static int has_token(const char *list, const char *token) {
  if (!list) return 0;
  size_t t = strlen(token);
  const char *p = list;
  while (*p) {
    while (*p && space((unsigned char)*p)) p++;
    const char *start = p;
    while (*p && !space((unsigned char)*p)) p++;
    if ((size_t)(p - start) == t) {
      size_t i = 0;
      while (i < t && lower((unsigned char)start[i]) == token[i]) i++;
      if (i == t) return 1;
    }
  }
  return 0;
}

nf_status nf_html_node_text(xmlNode *el, nf_buf *out) {
  nf_buf_clear(out);
  xmlNode *n = el->children;
  while (n) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content &&
          append_collapsed(out, (const char *)n->content, strlen((const char *)n->content)))
        return NF_ERR_NOMEM;
    } else if (n->type == XML_ELEMENT_NODE && n->children &&
               !ieq((const char *)n->name, "script") && !ieq((const char *)n->name, "style")) {
      if (out->len && nf_buf_append_char(out, ' '))
        return NF_ERR_NOMEM; /* blocks and inlines alike */
      n = n->children;
      continue;
    } else if (n->type == XML_ELEMENT_NODE && out->len &&
               (ieq((const char *)n->name, "br") || ieq((const char *)n->name, "hr"))) {
      if (nf_buf_append_char(out, ' ')) return NF_ERR_NOMEM; /* a line break is a space */
    }
    while (n && n != el && !n->next) n = n->parent;
    if (!n || n == el) break;
    n = n->next;
  }
  /* the spaces added between elements may double up: collapse once more */
  size_t w = 0;
  for (size_t r = 0; r < out->len; r++) {
    if (out->data[r] == ' ' && (w == 0 || out->data[w - 1] == ' ')) continue;
    out->data[w++] = out->data[r];
  }
  while (w && out->data[w - 1] == ' ') w--;
  out->len = w;
  if (out->data) out->data[w] = '\0';
  return NF_OK;
}

static int contains_ci(const char *p, size_t n, const char *q, size_t k);

/* An author <meta> (key: 1 + its index in the list of author keys).  One
 * repeated, one per author (citation_author, parsely-author), is joined in
 * page order with "; " (each its own author, "Doe, Jane" too), without
 * repeating a name. */
static nf_status meta_author(nf_html_meta *m, int key, const char *content, size_t n) {
  const char *p = skip_by(content, &n);
  while (n && space((unsigned char)p[n - 1])) n--;
  if (!author_like(p, n)) return NF_OK;
  nf_buf *b = &m->author_meta;
  if (!b->len) {
    m->authors_seen = key;
    if (append_collapsed(b, p, n)) return NF_ERR_NOMEM;
    decode_entities(b);
    return offer_author(&m->author, TRUST_META, p, n);
  }
  if (m->authors_seen != key || contains_ci(b->data, b->len, p, n) || b->len + n > MAX_AUTHOR)
    return NF_OK;
  if (nf_buf_append_str(b, "; ") || append_collapsed(b, p, n)) return NF_ERR_NOMEM;
  decode_entities(b);
  if (m->author.trust != TRUST_META) return NF_OK;
  nf_status s = force(&m->author, TRUST_META, b->data, b->len);
  drop_credentials(&m->author.value);
  return s;
}

/* <meta name|property|itemprop=... content=...> */
static nf_status meta_tag(nf_html_meta *m, xmlNode *el) {
  const char *content = attr(el, "content");
  if (!content) return NF_OK;
  size_t n = strlen(content);
  const char *key = attr(el, "property");
  if (!key) key = attr(el, "name");
  if (!key) key = attr(el, "itemprop");
  const char *equiv = attr(el, "http-equiv");
  if (!key && equiv && ieq(equiv, "content-language"))
    return offer(&m->language, TRUST_META, content, n);
  if (!key) return NF_OK;
  if (istarts(key, "og:") && !istarts(key, "og:article:")) {
    key += 3;
    if (ieq(key, "title")) return offer(&m->headline, TRUST_OG, content, n);
    if (ieq(key, "url")) return offer(&m->url, TRUST_OG, content, n);
    if (ieq(key, "site_name")) return offer(&m->source, TRUST_OG, content, n);
    if (ieq(key, "locale")) return offer(&m->language, TRUST_META, content, n);
    return NF_OK;
  }
  /* twitter:label1 "Written by", twitter:data1 the name (Yoast) */
  if (istarts(key, "twitter:label") && key[13] && !key[14] &&
      (ieq(content, "written by") || ieq(content, "author") || ieq(content, "geschrieben von") ||
       ieq(content, "escrito por")))
    m->twitter_author_label = key[13];
  if (istarts(key, "twitter:data") && key[12] && !key[13] && key[12] == m->twitter_author_label)
    return offer_byline(&m->author, TRUST_META, content, n);
  if (istarts(key, "og:article:")) key += 3;
  if (istarts(key, "article:")) {
    key += 8;
    if (ieq(key, "published_time") || ieq(key, "published"))
      return offer_date(&m->date, TRUST_OG, content, n);
    if (ieq(key, "modified_time")) return offer_date(&m->modified, TRUST_OG, content, n);
    if (ieq(key, "author")) return offer_author(&m->author, TRUST_OG, content, n);
    if (ieq(key, "section")) return offer(&m->section, TRUST_OG, content, n);
    return NF_OK;
  }
  static const char *const author_keys[] = {"author",
                                            "byl",
                                            "sailthru.author",
                                            "parsely-author",
                                            "dc.creator",
                                            "dcterms.creator",
                                            "citation_author",
                                            "article.author",
                                            "cxenseparse:author"};
  for (size_t i = 0; i < sizeof author_keys / sizeof author_keys[0]; i++)
    if (ieq(key, author_keys[i])) return meta_author(m, (int)i + 1, content, n);
  static const char *const date_keys[] = {"date",
                                          "pubdate",
                                          "publishdate",
                                          "publish-date",
                                          "publish_date",
                                          "article.published",
                                          "dc.date",
                                          "dc.date.issued",
                                          "dcterms.date",
                                          "dcterms.created",
                                          "citation_publication_date",
                                          "citation_date",
                                          "sailthru.date",
                                          "parsely-pub-date",
                                          "pdate",
                                          "datepublished",
                                          "article_date_original",
                                          "original-publish-date",
                                          "displaydate"};
  for (size_t i = 0; i < sizeof date_keys / sizeof date_keys[0]; i++)
    if (ieq(key, date_keys[i])) return offer_date(&m->date, TRUST_META, content, n);
  static const char *const modified_keys[] = {"datemodified", "lastmod", "last-modified",
                                              "dcterms.modified"};
  for (size_t i = 0; i < sizeof modified_keys / sizeof modified_keys[0]; i++)
    if (ieq(key, modified_keys[i])) return offer_date(&m->modified, TRUST_META, content, n);
  static const char *const title_keys[] = {"twitter:title", "parsely-title",  "sailthru.title",
                                           "dc.title",      "citation_title", "headline",
                                           "title"};
  for (size_t i = 0; i < sizeof title_keys / sizeof title_keys[0]; i++)
    if (ieq(key, title_keys[i])) return offer(&m->headline, TRUST_META, content, n);
  if (ieq(key, "parsely-section") || ieq(key, "section") || ieq(key, "articlesection"))
    return offer(&m->section, TRUST_META, content, n);
  if (ieq(key, "language") || ieq(key, "dc.language") || ieq(key, "inlanguage"))
    return offer(&m->language, TRUST_META, content, n);
  return NF_OK;
}

/* class, id and data-testid, lower-cased, into buf (at most cap bytes). */
static void names_of(xmlNode *el, char *buf, size_t cap) {
  size_t n = 0;
  const char *v[3] = {attr(el, "class"), attr(el, "id"), attr(el, "data-testid")};
  for (int k = 0; k < 3; k++)
    for (const char *p = v[k]; p && *p && n + 2 < cap; p++)
      buf[n++] = (char)lower((unsigned char)*p);
  buf[n] = '\0';
}

/* A byline element: its class, id or test id names an author or a byline. */
static int byline_element(const char *names) {
  if (!strstr(names, "byline") && !strstr(names, "author") && !strstr(names, "posted-by") &&
      !strstr(names, "writer"))
    return 0;
  static const char *const not [] = {"comment", "avatar",      "image", "img",  "photo",
                                     "bio",     "description", "about", "more-"};
  for (size_t i = 0; i < sizeof not / sizeof not [0]; i++)
    if (strstr(names, not [i])) return 0;
  return 1;
}

/* An element showing a date: its class, id or test id says so. */
static int date_element(const char *names) {
  if (!strstr(names, "date") && !strstr(names, "time") && !strstr(names, "publish") &&
      !strstr(names, "posted"))
    return 0;
  return !strstr(names, "update") && !strstr(names, "modif") && !strstr(names, "comment");
}

/* Whether a class or id list has a token that starts a comment's name
 * ("comment", "comments", "comment-author") or ends one ("user-comment"). */
static int comment_token(const char *list) {
  if (!list) return 0;
  for (const char *p = list; *p;) {
    while (*p && space((unsigned char)*p)) p++;
    const char *start = p;
    while (*p && !space((unsigned char)*p)) p++;
    size_t n = (size_t)(p - start);
    if ((n >= 7 && istarts(start, "comment")) || (n > 8 && istarts(start + n - 8, "-comment")) ||
        (n > 8 && istarts(start + n - 8, "_comment")))
      return 1;
  }
  return 0;
}

/* Whether an element is inside a reader's comment: an element up to the
 * <body> or <main> whose class or id names a comment, or whose microdata
 * type is a Comment.  Its author is no author of the page. */
static int in_comment(xmlNode *el) {
  int depth = 0;
  for (xmlNode *a = el; a && a->type == XML_ELEMENT_NODE && depth < 12; a = a->parent, depth++) {
    if (a->name && (ieq((const char *)a->name, "body") || ieq((const char *)a->name, "main")))
      return 0;
    const char *type = attr(a, "itemtype");
    if (comment_token(attr(a, "class")) || comment_token(attr(a, "id")) ||
        (type && strstr(type, "Comment")))
      return 1;
  }
  return 0;
}

/* The text of an element if it is short, else NULL. */
static const char *short_text(nf_html_meta *m, xmlNode *el, size_t max) {
  if (nf_html_node_text(el, &m->scratch) != NF_OK || m->scratch.len > max) return NULL;
  return m->scratch.data ? m->scratch.data : "";
}

/* A date the page shows, with the number of <h1>s before it and whether it
 * is labelled as an update ("Updated Mar 12, 2020"). */
static void shown_date(nf_html_meta *m, const char *p, size_t n) {
  if (m->nshown == NF_TRUST_SHOWN || !p || !nf_html_date(p, n, m->shown[m->nshown])) return;
  m->shown_updated[m->nshown] =
      (char)(contains_ci(p, n, "updated", 7) || contains_ci(p, n, "modified", 8) ||
             contains_ci(p, n, "aktualisiert", 12));
  m->shown_h1[m->nshown++] = m->nh1;
}

/* The text of a heading, kept in list (ended by '\n') as the count-th. */
static nf_status heading_text(nf_html_meta *m, xmlNode *el, nf_buf *list, size_t *count) {
  if (*count == MAX_H1) return NF_OK;
  const char *t = short_text(m, el, 400);
  if (!t || !*t) return NF_OK;
  nf_status s = nf_buf_append(list, t, strlen(t));
  if (!s) s = nf_buf_append_char(list, '\n');
  ++*count;
  return s;
}

/* A credit line right after the headline (<p class="credit">JIJI</p> after
 * the <h1> or its <hgroup>): the byline of a wire story. */
static int credit_after_headline(xmlNode *el) {
  if (!has_token(attr(el, "class"), "credit")) return 0;
  xmlNode *prev = el->prev;
  while (prev && prev->type != XML_ELEMENT_NODE) prev = prev->prev;
  return prev && prev->name &&
         (ieq((const char *)prev->name, "h1") || ieq((const char *)prev->name, "hgroup"));
}

/* A byline element too long to be a byline (a card with the author's
 * title, a follow button, counts): the name is its first link with text,
 * when that reads as a name (two to four capitalised words). */
static nf_status byline_link(nf_html_meta *m, xmlNode *el) {
  xmlNode *n = el->children;
  for (int seen = 0; n && seen < 64; seen++) {
    if (n->type == XML_ELEMENT_NODE && ieq((const char *)n->name, "a")) {
      const char *t = short_text(m, n, 40);
      size_t len = t ? strlen(t) : 0, words = 1, capitals = 0;
      for (size_t i = 0; i < len; i++) {
        words += t[i] == ' ';
        capitals += (i == 0 || t[i - 1] == ' ') &&
                    ((t[i] >= 'A' && t[i] <= 'Z') || (unsigned char)t[i] >= 0xc3);
      }
      const char *who =
          len && words >= 2 && words <= 4 && capitals == words ? byline_name(t, &len) : NULL;
      if (who && len) return nf_buf_append(&m->byline, who, len);
      if (t && *t) return NF_OK; /* the first link with text is no name */
    } else if (n->type == XML_ELEMENT_NODE && n->children) {
      n = n->children;
      continue;
    }
    while (n && n != el && !n->next) n = n->parent;
    if (!n || n == el) break;
    n = n->next;
  }
  return NF_OK;
}

/* The first publication date in the data of an application's page
 * ({"publishedDate":"2016-11-04T20:37:27Z"}): the first key of these. */
static void data_date(nf_html_meta *m, const char *json) {
  static const char *const keys[] = {"\"datePublished\"", "\"publishedDate\"",
                                     "\"publishDate\"",   "\"publishedAt\"",
                                     "\"published_at\"",  "\"firstPublished\""};
  const char *best = NULL;
  for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
    const char *k = strstr(json, keys[i]);
    if (!k || (best && k > best)) continue;
    const char *v = k + strlen(keys[i]);
    while (space((unsigned char)*v)) v++;
    if (*v++ != ':') continue;
    while (space((unsigned char)*v)) v++;
    if (*v++ != '"') continue;
    const char *end = strchr(v, '"');
    char iso[11];
    if (end && end - v <= 40 && nf_html_date(v, (size_t)(end - v), iso))
      best = k, memcpy(m->data_date, iso, sizeof iso);
  }
}

nf_status nf_html_meta_element(nf_html_meta *m, xmlNode *el) {
  const char *name = (const char *)el->name;
  if (!name) return NF_OK;
  switch (name[0]) {
    case 'm':
      if (strcmp(name, "meta") == 0) return meta_tag(m, el);
      break;
    case 'l':
      if (strcmp(name, "link") == 0) {
        const char *rel = attr(el, "rel"), *href = attr(el, "href");
        if (href && has_token(rel, "canonical") &&
            (istarts(href, "http://") || istarts(href, "https://")))
          return offer_str(&m->url, TRUST_JSONLD, href);
      }
      break;
    case 's':
      if (strcmp(name, "script") == 0) {
        const char *type = attr(el, "type");
        if (type && ieq(type, "application/ld+json") && el->children && el->children->content)
          return jsonld(m, (const char *)el->children->content,
                        strlen((const char *)el->children->content));
        if (type && ieq(type, "application/json") && el->children && el->children->content &&
            !m->data_date[0])
          data_date(m, (const char *)el->children->content);
        return NF_OK;
      }
      if (strcmp(name, "style") == 0) return NF_OK;
      break;
    case 'h':
      if (strcmp(name, "html") == 0) {
        const char *lang = attr(el, "lang");
        if (lang) return offer_str(&m->language, TRUST_META, lang);
      } else if (strcmp(name, "h1") == 0) {
        return heading_text(m, el, &m->h1s, &m->nh1);
      } else if (strcmp(name, "h2") == 0) {
        return heading_text(m, el, &m->h2s, &m->nh2);
      }
      break;
    case 't':
      if (strcmp(name, "title") == 0 && m->title.len == 0 && el->parent && el->parent->name &&
          strcmp((const char *)el->parent->name, "svg") != 0)
        return nf_html_node_text(el, &m->title);
      break;
    default:
      break;
  }
  nf_status s = NF_OK;
  if (!m->byline.len && strcmp(name, "address") == 0) {
    const char *t = short_text(m, el, 160);
    size_t n = t ? strlen(t) : 0;
    const char *who = t ? byline_name(t, &n) : NULL;
    if (n && (s = nf_buf_append(&m->byline, who, n))) return s;
  }
  if (!el->properties) return s;
  const char *itemprop = attr(el, "itemprop");
  const char *dt = attr(el, "datetime");
  if (!dt) dt = attr(el, "content");
  if (!dt && strcmp(name, "abbr") == 0) dt = attr(el, "title");
  if (itemprop && dt && has_token(itemprop, "datePublished"))
    return offer_date(&m->date, TRUST_META, dt, strlen(dt));
  if (itemprop && dt && has_token(itemprop, "dateModified"))
    return offer_date(&m->modified, TRUST_META, dt, strlen(dt));
  char names[256];
  names_of(el, names, sizeof names);
  if (strcmp(name, "time") == 0 && dt) {
    s = offer_date(&m->date, attr(el, "pubdate") ? TRUST_META : TRUST_ELEMENT, dt, strlen(dt));
  } else if (strcmp(name, "abbr") == 0 && dt && has_token(attr(el, "class"), "published")) {
    s = offer_date(&m->date, TRUST_ELEMENT, dt, strlen(dt)); /* hAtom */
  }
  int time_shown =
      strcmp(name, "time") == 0 &&
      !((strstr(names, "update") || strstr(names, "modif")) && !strstr(names, "publish"));
  if (m->nshown < NF_TRUST_SHOWN && (time_shown || date_element(names)) &&
      !(el->prev && el->prev->type == XML_TEXT_NODE && el->prev->content &&
        (strstr((const char *)el->prev->content, "pdated") ||
         strstr((const char *)el->prev->content, "PDATED")))) {
    const char *t = short_text(m, el, 80);
    if (t) shown_date(m, t, strlen(t));
  }
  if (itemprop && !attr(el, "content") && has_token(itemprop, "author") &&
      m->author.trust > TRUST_ELEMENT && !in_comment(el)) {
    /* microdata: the author's name is its itemprop=name, else its text */
    xmlNode *who = el;
    for (xmlNode *c = el->children; c; c = c->next)
      if (c->type == XML_ELEMENT_NODE && has_token(attr(c, "itemprop"), "name")) who = c;
    const char *t = short_text(m, who, 160);
    if (t) return offer_byline(&m->author, TRUST_ELEMENT, t, strlen(t));
  }
  if (strcmp(name, "a") == 0 && has_token(attr(el, "rel"), "author") &&
      m->author.trust > TRUST_ELEMENT) {
    const char *t = short_text(m, el, 160);
    if (t) return offer_byline(&m->author, TRUST_ELEMENT, t, strlen(t));
  }
  const nf_buf *a = &m->author.value;
  if (a->len && !m->author_full.len && !memchr(a->data, ' ', a->len) && strstr(names, "name")) {
    /* an author of one word ("Todd"): the full name an element shows */
    const char *t = short_text(m, el, 60);
    size_t n = t ? strlen(t) : 0;
    const char *who = t ? byline_name(t, &n) : NULL;
    if (n > a->len + 1 && n <= a->len + 40 && same_ci(who, a->len, a->data, a->len) &&
        who[a->len] == ' ' && who[a->len + 1] >= 'A' && who[a->len + 1] <= 'Z' &&
        (s = nf_buf_append(&m->author_full, who, n)))
      return s;
  }
  if (!m->byline.len && credit_after_headline(el)) {
    const char *t = short_text(m, el, 40);
    size_t n = t ? strlen(t) : 0;
    static const char *const pictures[] = {"photo", "image", "picture", "getty", "illustration"};
    for (size_t i = 0; i < sizeof pictures / sizeof pictures[0]; i++)
      if (t && contains_ci(t, n, pictures[i], strlen(pictures[i]))) t = NULL, n = 0;
    const char *who = t ? byline_name(t, &n) : NULL;
    if (n && (s = nf_buf_append(&m->byline, who, n))) return s;
  }
  if (!m->byline.len && byline_element(names)) {
    const char *t = short_text(m, el, 160);
    size_t n = t ? strlen(t) : 0;
    const char *who = t ? byline_name(t, &n) : NULL;
    if (n && (s = nf_buf_append(&m->byline, who, n))) return s;
    if (t) shown_date(m, t, strlen(t)); /* "Posted on May 3, 2020 by ..." */
    if (!t) s = byline_link(m, el);
  }
  return s;
}

static int same_ci(const char *a, size_t an, const char *b, size_t bn) {
  if (an != bn) return 0;
  for (size_t i = 0; i < an; i++)
    if (lower((unsigned char)a[i]) != lower((unsigned char)b[i])) return 0;
  return 1;
}

/* Whether p[0..n) contains q[0..k), case aside. */
static int contains_ci(const char *p, size_t n, const char *q, size_t k) {
  for (size_t i = 0; k && i + k <= n; i++)
    if (same_ci(p + i, k, q, k)) return 1;
  return 0;
}

static const char *const title_seps[] = {" | ",  " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ",
                                         " :: ", " : ", " \xc2\xbb ",     " \xe2\x80\xa2 "};

/* Where the last separator of a title starts (n when none); *after is
 * where the part after it starts. */
static size_t last_sep(const char *t, size_t n, size_t *after) {
  size_t best = n;
  *after = n;
  for (size_t i = 0; i < sizeof title_seps / sizeof title_seps[0]; i++) {
    size_t k = strlen(title_seps[i]);
    for (size_t j = n; j-- > 0;)
      if (j + k <= n && memcmp(t + j, title_seps[i], k) == 0) {
        if (best == n || j > best) best = j, *after = j + k;
        break;
      }
  }
  return best;
}

/* Replaces a field's value whatever its trust. */
static nf_status force(nf_meta_field *f, int trust, const char *p, size_t n) {
  nf_buf copy = NF_BUF_INIT;
  nf_status s = nf_buf_append(&copy, p, n);
  if (!s) {
    f->trust = NF_TRUST_NONE;
    s = offer(f, trust, copy.data, copy.len);
  }
  nf_buf_free(&copy);
  return s;
}

/* Whether a heading of the page is a part of the <title>, at its start or
 * its end ("Site - Section \xc2\xbb Story" and an <h2> "Story"). */
static int title_part(const nf_buf *title, const char *h, size_t hn) {
  if (!memchr(h, ' ', hn) || hn >= title->len) return 0;
  for (size_t i = 0; i < sizeof title_seps / sizeof title_seps[0]; i++) {
    size_t k = strlen(title_seps[i]);
    if (hn + k > title->len) continue;
    const char *t = title->data;
    if (same_ci(t + title->len - hn, hn, h, hn) &&
        memcmp(t + title->len - hn - k, title_seps[i], k) == 0)
      return 1;
    if (same_ci(t, hn, h, hn) && memcmp(t + hn, title_seps[i], k) == 0) return 1;
  }
  return 0;
}

/* The first heading (<h1>, then <h2>) that is a part of the <title>. */
static nf_status title_heading(nf_html_meta *m) {
  const nf_buf *lists[2] = {&m->h1s, &m->h2s};
  for (int l = 0; l < 2; l++) {
    const char *h = lists[l]->data, *end = h ? h + lists[l]->len : NULL;
    while (h && h < end) {
      const char *nl = memchr(h, '\n', (size_t)(end - h));
      if (title_part(&m->title, h, (size_t)(nl - h)))
        return offer(&m->headline, TRUST_TITLE, h, (size_t)(nl - h));
      h = nl + 1;
    }
  }
  return NF_OK;
}

/* A page with no <h1> whose metadata's headline and <title> disagree (one
 * of them at least written for sharing or search: "Ann gave shop.example 5
 * stars. Read the full review..." beside "shop.example reviewed by Ann"),
 * and which shows neither as a heading: its first <h2> is the headline. */
static nf_status first_h2_headline(nf_html_meta *m, int *taken) {
  const char *meta = m->headline.value.data, *t = m->title.data, *src = m->source.value.data;
  size_t mn = m->headline.value.len, tn = m->title.len, sn = m->source.value.len;
  if (m->nh1 || !m->nh2 || m->headline.trust >= TRUST_TITLE || !mn || !tn || !memchr(t, ' ', tn) ||
      contains_ci(t, tn, meta, mn) || contains_ci(meta, mn, t, tn) ||
      (sn && same_ci(t, tn, src, sn)))
    return NF_OK;
  const char *h = m->h2s.data, *end = h + m->h2s.len, *first = h;
  size_t first_n = (size_t)((const char *)memchr(h, '\n', m->h2s.len) - h);
  while (h < end) {
    const char *nl = memchr(h, '\n', (size_t)(end - h));
    size_t hn = (size_t)(nl - h);
    if (contains_ci(h, hn, meta, mn) || contains_ci(h, hn, t, tn)) return NF_OK;
    h = nl + 1;
  }
  if (!memchr(first, ' ', first_n) || (sn && same_ci(first, first_n, src, sn))) return NF_OK;
  *taken = 1;
  return force(&m->headline, TRUST_TITLE, first, first_n);
}

/* The headline: an <h1> when it is the metadata's headline as shown. */
static nf_status choose_headline(nf_html_meta *m) {
  const nf_buf *src = &m->source.value;
  nf_status s = NF_OK;
  if (m->title.len && m->headline.trust > TRUST_TITLE) s = title_heading(m);
  if (!s && m->title.len) {
    size_t after, cut = last_sep(m->title.data, m->title.len, &after);
    /* "Story | Site": the part before, unless that leaves too little */
    if (cut < 15 || cut * 3 < m->title.len) cut = m->title.len;
    s = offer(&m->headline, TRUST_TITLE, m->title.data, cut);
  }
  if (s) return s;
  const char *meta = m->headline.value.data;
  size_t mn = m->headline.value.len;
  int taken = 0;
  if ((s = first_h2_headline(m, &taken)) || taken) return s;
  const char *only = NULL;
  size_t only_n = 0;
  const char *h = m->h1s.data, *end = h ? h + m->h1s.len : NULL;
  while (h && h < end) {
    const char *nl = memchr(h, '\n', (size_t)(end - h));
    size_t hn = (size_t)(nl - h);
    if (same_ci(h, hn, meta, mn)) return force(&m->headline, TRUST_TITLE, h, hn);
    if (hn < mn && same_ci(h, hn, meta, hn)) {
      for (size_t i = 0; i < sizeof title_seps / sizeof title_seps[0]; i++)
        if (mn - hn >= strlen(title_seps[i]) &&
            memcmp(meta + hn, title_seps[i], strlen(title_seps[i])) == 0)
          return force(&m->headline, TRUST_TITLE, h, hn);
    }
    only = h, only_n = hn;
    h = nl + 1;
  }
  /* the page's only <h1>, when it is no site name and does not hold the
   * metadata's headline with a kicker or a subtitle beside it */
  if (m->nh1 == 1 && memchr(only, ' ', only_n) && !same_ci(only, only_n, src->data, src->len) &&
      !(m->headline.trust < TRUST_TITLE && contains_ci(only, only_n, meta, mn)) &&
      !(m->title.len && only_n < m->title.len &&
        same_ci(only, only_n, m->title.data + m->title.len - only_n, only_n)))
    return force(&m->headline, TRUST_TITLE, only, only_n);
  /* "Story - Site": the site's name goes */
  size_t after, cut = last_sep(meta, mn, &after);
  if (cut < mn && src->len && cut >= 15 &&
      (contains_ci(meta + after, mn - after, src->data, src->len) ||
       contains_ci(src->data, src->len, meta + after, mn - after)))
    m->headline.value.len = cut, m->headline.value.data[cut] = '\0';
  return NF_OK;
}

/* A kicker before the headline goes: "Local News | Story", "Opinion | ...". */
static void strip_kicker(nf_buf *h) {
  const char *bar = h->len ? strstr(h->data, " | ") : NULL;
  if (!bar) return;
  size_t k = (size_t)(bar - h->data), words = 1;
  for (size_t i = 0; i < k; i++) words += h->data[i] == ' ';
  if (k == 0 || k > 30 || words > 3 || h->len - k - 3 < 20) return;
  memmove(h->data, bar + 3, h->len - k - 3);
  h->len -= k + 3;
  h->data[h->len] = '\0';
}

/* Whether each name of a list ("A, B and C") is in s[0..n), case aside. */
static int names_in(const char *list, size_t len, const char *s, size_t n) {
  size_t start = 0;
  for (size_t i = 0; i <= len; i++) {
    size_t sep = i == len || list[i] == ',' || list[i] == ';' || list[i] == '&'
                     ? 1
                     : (i + 5 <= len && same_ci(list + i, 5, " and ", 5) ? 5 : 0);
    if (!sep) continue;
    const char *p = list + start;
    size_t k = i - start;
    while (k && space((unsigned char)*p)) p++, k--;
    while (k && space((unsigned char)p[k - 1])) k--;
    if (k && !contains_ci(s, n, p, k)) return 0;
    start = i + sep;
    i += sep - 1;
  }
  return 1;
}

/* Moves the shown date i to w (w <= i). */
static void keep_shown(nf_html_meta *m, size_t i, size_t w) {
  memmove(m->shown[w], m->shown[i], sizeof m->shown[0]);
  m->shown_h1[w] = m->shown_h1[i];
  m->shown_updated[w] = m->shown_updated[i];
}

nf_status nf_html_meta_finish(nf_html_meta *m) {
  nf_status s = choose_headline(m);
  strip_kicker(&m->headline.value);
  /* the <meta> author, when the byline shown is among its names and not
   * the JSON-LD's author (a CMS account that posted the story) */
  const nf_buf *am = &m->author_meta, *by = &m->byline;
  if (!s && m->author.trust == TRUST_JSONLD && am->len && by->len >= 4 &&
      names_in(by->data, by->len, am->data, am->len) &&
      !contains_ci(by->data, by->len, m->author.value.data, m->author.value.len) &&
      !contains_ci(am->data, am->len, m->author.value.data, m->author.value.len)) {
    s = force(&m->author, TRUST_META, am->data, am->len);
    drop_credentials(&m->author.value);
  }
  if (!s && m->author_full.len)
    s = force(&m->author, m->author.trust, m->author_full.data, m->author_full.len);
  /* the byline shown, when the metadata names no author or the site itself */
  const nf_buf *a = &m->author.value, *src = &m->source.value;
  if (!s && m->byline.len &&
      (m->author.trust == NF_TRUST_NONE || (src->len >= 4 && a->len >= 4 &&
                                            (contains_ci(a->data, a->len, src->data, src->len) ||
                                             contains_ci(src->data, src->len, a->data, a->len)))))
    s = force(&m->author, TRUST_BYLINE, m->byline.data, m->byline.len);
  /* a date shown before the headline's <h1> (the masthead's "Thursday,
   * November 9th 2023") is the day of the visit when others follow it */
  size_t hl = 0, h1_index = 0;
  const char *h = m->h1s.data, *hend = h ? h + m->h1s.len : NULL;
  const nf_buf *head = &m->headline.value;
  while (!hl && head->len && h && h < hend) {
    const char *nl = memchr(h, '\n', (size_t)(hend - h));
    h1_index++;
    if (contains_ci(h, (size_t)(nl - h), head->data, head->len)) hl = h1_index;
    h = nl + 1;
  }
  if (hl && m->nshown && m->shown_h1[m->nshown - 1] >= hl) {
    size_t w = 0;
    for (size_t i = 0; i < m->nshown; i++)
      if (m->shown_h1[i] >= hl) keep_shown(m, i, w++);
    m->nshown = w;
  }
  /* a date labelled as an update is no publication date, unless it is the
   * only date the page shows and the metadata's is shown nowhere: the page
   * gives its readers that date alone */
  size_t w = 0, updated = m->nshown;
  int meta_shown = 0;
  for (size_t i = 0; i < m->nshown; i++) {
    if (m->date.trust != NF_TRUST_NONE && strcmp(m->shown[i], m->date.value.data) == 0)
      meta_shown = 1;
    if (!m->shown_updated[i])
      keep_shown(m, i, w++);
    else if (updated == m->nshown)
      updated = i;
  }
  if (!s && w == 0 && updated < m->nshown && m->date.trust != NF_TRUST_NONE && !meta_shown)
    s = force(&m->date, TRUST_BYLINE, m->shown[updated], 10);
  m->nshown = w;
  /* the date shown: when the metadata has none, the first; when the
   * metadata's is not shown, one a day off (a time zone) or the nearest less
   * than a week later (the page's own date) */
  if (!s && m->nshown && m->date.trust == NF_TRUST_NONE)
    s = offer(&m->date, TRUST_BYLINE, m->shown[0], 10);
  size_t pick = m->nshown;
  long best = 8; /* a day before costs 1, n days after n */
  for (size_t i = 0; i < m->nshown && m->date.trust != NF_TRUST_NONE; i++) {
    long off = nf_html_day_number(m->shown[i]) - nf_html_day_number(m->date.value.data);
    long cost = off == -1 ? 1 : off >= 1 ? off : 99;
    if (off == 0) {
      pick = m->nshown;
      break;
    }
    if (cost < best) best = cost, pick = i;
  }
  if (!s && pick < m->nshown) s = force(&m->date, TRUST_BYLINE, m->shown[pick], 10);
  /* no date in the metadata or the text: the one in the page's own data */
  if (!s && m->data_date[0] && m->date.trust == NF_TRUST_NONE)
    s = offer(&m->date, TRUST_TITLE, m->data_date, 10);
  /* the date in the URL (/2020/01/19/, /2017/7/12/, /2020/oct/02/): the day
   * the story was first published, when no date is found or the one found is
   * later (a story published again, a date in UTC) */
  char iso[11];
  if (!s && nf_html_url_date(m->url.value.data, m->url.value.len, iso) &&
      (m->date.trust == NF_TRUST_NONE || strcmp(iso, m->date.value.data) < 0))
    s = force(&m->date, TRUST_TITLE, iso, 10);
  return s;
}
