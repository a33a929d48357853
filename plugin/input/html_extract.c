/* A web page's main text: libxml2's HTML parser, one iterative walk that
 * measures every element and feeds the metadata collector, the choice of
 * the article's container (rules, then readability-style scoring), and the
 * text of that container with its paragraphs. */
#include "html_extract.h"

#include <libxml/HTMLparser.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"

#define MIN_PARAGRAPH 25  /* bytes of text for a paragraph to score */
#define MIN_CONTAINER 250 /* bytes of text for a rule's container to count */
#define MIN_STORY 500     /* bytes of text a rule must give, else the next is tried */
#define ANCESTOR_LEVELS 5 /* how far up a paragraph's score goes */
#define CLASS_MAX 256     /* bytes of class and id looked at */

typedef enum {
  T_OTHER,
  T_A,
  T_P,
  T_DIV,
  T_SECTION,
  T_ARTICLE,
  T_MAIN,
  T_BR,
  T_H1,
  T_H2,
  T_HN,
  T_LI,
  T_LIST, /* ul, ol, dl, menu */
  T_DTDD,
  T_TABLE,
  T_TR,
  T_TD,
  T_PRE,
  T_BLOCKQUOTE,
  T_BLOCK,    /* other blocks: address, center, details, hgroup, tbody, ... */
  T_DROP,     /* never text: script, style, nav, aside, header, footer, figure, ... */
  T_NOSCRIPT, /* text only inside an article body (Blogger puts the post there) */
  T_BODY,
  T_HTML
} tag_kind;

enum {
  F_DEAD = 1,         /* dropped, or inside a dropped element */
  F_BLOCK_CHILD = 2,  /* has a block element among its children */
  F_SCORED = 4,       /* has a readability score */
  F_ARTICLE_BODY = 8, /* itemprop=articleBody */
  F_CMS_BODY = 16,    /* a CMS's article container by class or id */
  F_ROOT = 32,        /* chosen for the main text */
  F_BOILER = 64,      /* class or id names boilerplate */
  F_HOLDS_BODY = 128, /* an article body is inside */
  F_IN_BODY = 256     /* inside an article body */
};

struct nf_html_node_info {
  xmlNode *node;
  uint32_t parent; /* index + 1 of the parent element, 0 at the top */
  uint32_t own;    /* bytes of text of its own text nodes, whitespace left out */
  uint32_t own_commas;
  uint32_t all;  /* bytes of text inside, dead by class or not */
  uint32_t text; /* bytes of live text inside */
  uint32_t link; /* of which inside links */
  uint32_t commas;
  uint8_t kind;
  uint16_t flags;
  int16_t weight; /* from class and id */
  float score;
};

void nf_html_page_init(nf_html_page *pg) {
  memset(pg, 0, sizeof *pg);
  nf_html_meta_init(&pg->meta);
}

void nf_html_page_free(nf_html_page *pg) {
  nf_buf_free(&pg->decoded);
  nf_buf_free(&pg->text);
  nf_buf_free(&pg->scratch);
  nf_html_meta_free(&pg->meta);
  free(pg->info);
  free(pg->roots);
  memset(pg, 0, sizeof *pg);
}

/* ---- tags and classes -------------------------------------------------- */

static tag_kind kind_of(const char *name) {
  static const struct {
    const char *name;
    tag_kind kind;
  } tags[] = {
      /* sorted for bsearch */
      {"a", T_A},           {"address", T_BLOCK},   {"article", T_ARTICLE},
      {"aside", T_DROP},    {"audio", T_DROP},      {"blockquote", T_BLOCKQUOTE},
      {"body", T_BODY},     {"br", T_BR},           {"button", T_DROP},
      {"canvas", T_DROP},   {"caption", T_BLOCK},   {"center", T_BLOCK},
      {"dd", T_DTDD},       {"details", T_BLOCK},   {"dialog", T_DROP},
      {"div", T_DIV},       {"dl", T_LIST},         {"dt", T_DTDD},
      {"embed", T_DROP},    {"fieldset", T_BLOCK},  {"figcaption", T_DROP},
      {"figure", T_DROP},   {"footer", T_DROP},     {"form", T_BLOCK},
      {"h1", T_H1},         {"h2", T_H2},           {"h3", T_HN},
      {"h4", T_HN},         {"h5", T_HN},           {"h6", T_HN},
      {"head", T_DROP},     {"header", T_DROP},     {"hgroup", T_BLOCK},
      {"hr", T_BLOCK},      {"html", T_HTML},       {"iframe", T_DROP},
      {"input", T_DROP},    {"legend", T_BLOCK},    {"li", T_LI},
      {"main", T_MAIN},     {"map", T_DROP},        {"math", T_DROP},
      {"menu", T_LIST},     {"nav", T_DROP},        {"noscript", T_NOSCRIPT},
      {"object", T_DROP},   {"ol", T_LIST},         {"option", T_DROP},
      {"p", T_P},           {"picture", T_DROP},    {"pre", T_PRE},
      {"script", T_DROP},   {"section", T_SECTION}, {"select", T_DROP},
      {"style", T_DROP},    {"summary", T_BLOCK},   {"svg", T_DROP},
      {"table", T_TABLE},   {"tbody", T_BLOCK},     {"td", T_TD},
      {"template", T_DROP}, {"textarea", T_DROP},   {"tfoot", T_BLOCK},
      {"th", T_TD},         {"thead", T_BLOCK},     {"title", T_DROP},
      {"tr", T_TR},         {"ul", T_LIST},         {"video", T_DROP},
  };
  size_t lo = 0, hi = sizeof tags / sizeof tags[0];
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(name, tags[mid].name);
    if (c == 0) return tags[mid].kind;
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return T_OTHER;
}

static int is_block(tag_kind k) { return k != T_OTHER && k != T_A && k != T_BR && k != T_NOSCRIPT; }

static const char *attr(xmlNode *el, const char *name) {
  for (xmlAttr *a = el->properties; a; a = a->next)
    if (a->name && strcmp((const char *)a->name, name) == 0)
      return a->children && a->children->content ? (const char *)a->children->content : "";
  return NULL;
}

static int alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
}

/* needle in hay as a whole word ("ad" in "top-ad", not in "head"). */
static int word_in(const char *hay, const char *needle) {
  size_t m = strlen(needle);
  for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
    if ((p == hay || !alnum(p[-1])) && !alnum(p[m])) return 1;
  return 0;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Containers of the article's text in common CMSs and news sites. */
static const char *const body_parts[] = {"articlebody",
                                         "article-body",
                                         "article_body",
                                         "article__body",
                                         "entry-content",
                                         "entry_content",
                                         "post-content",
                                         "post_content",
                                         "postcontent",
                                         "story-body",
                                         "storybody",
                                         "story_body",
                                         "article-content",
                                         "articlecontent",
                                         "article_content",
                                         "post-body",
                                         "postbody",
                                         "post_body",
                                         "story-content",
                                         "storycontent",
                                         "article-text",
                                         "articletext",
                                         "body-text",
                                         "bodytext",
                                         "entry-body",
                                         "article__content",
                                         "content-body",
                                         "story-text",
                                         "single-post-content",
                                         "text-body",
                                         "field-name-body",
                                         "field--name-body",
                                         "blog-post-body",
                                         "rich-text"};
/* Blocks that are never the article: sharing, comments, related links, ... */
static const char *const boiler_parts[] = {
    "comment",      "sharing",         "share-",         "-share",        "social",
    "related",      "newsletter",      "cookie",         "consent",       "gdpr",
    "advert",       "sponsor",         "subscri",        "signup",        "sign-up",
    "outbrain",     "taboola",         "recommend",      "disqus",        "breadcrumb",
    "pagination",   "popup",           "modal",          "banner",        "sidebar",
    "footer",       "masthead",        "navbar",         "nav-",          "-nav",
    "toolbar",      "skip-link",       "read-more",      "readmore",      "more-stories",
    "most-popular", "mostpopular",     "trending",       "author-bio",    "authorbio",
    "about-author", "visually-hidden", "sr-only",        "screen-reader", "tag-list",
    "taglist",      "post-tags",       "entry-tags",     "article-tags",  "donate",
    "entry-meta",   "post-meta",       "article-meta",   "timestamp",     "caption",
    "credit",       "promo",           "inline-related", "jump-link",     "login",
    "paywall-",     "print-"};
static const char *const boiler_words[] = {"ad",    "ads", "nav",  "menu",   "share",
                                           "tags",  "tag", "meta", "hidden", "hide",
                                           "print", "rss", "date", "overlay"};
/* Readability's class weights. */
static const char *const positive_parts[] = {"article", "body", "content", "entry", "main",
                                             "page",    "post", "text",    "blog",  "story"};
static const char *const negative_parts[] = {
    "hidden",   "banner",   "combx",   "comment",    "contact", "foot",     "gdpr",
    "masthead", "media",    "meta",    "outbrain",   "promo",   "related",  "scroll",
    "share",    "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags",
    "tool",     "widget",   "nav",     "menu"};

/* A list of patterns indexed by first byte, so that a class string is
 * scanned once whatever the number of patterns (strstr for each pattern of
 * each element was a tenth of the time on real pages). */
#define SET_MAX 128
typedef struct pattern_set {
  const char *const *list;
  size_t n;
  int words; /* whole words only: "ad" in "top-ad", not in "head" */
  uint8_t start[256], count[256];
  const char *order[SET_MAX];
  uint8_t len[SET_MAX];
} pattern_set;

_Static_assert(COUNT(boiler_parts) <= SET_MAX && COUNT(body_parts) <= SET_MAX &&
                   COUNT(negative_parts) <= SET_MAX,
               "pattern lists fit a set");

enum { SET_BODY, SET_BOILER, SET_BOILER_WORDS, SET_POSITIVE, SET_NEGATIVE, NSETS };
static pattern_set sets[NSETS] = {
    {body_parts, COUNT(body_parts), 0, {0}, {0}, {0}, {0}},
    {boiler_parts, COUNT(boiler_parts), 0, {0}, {0}, {0}, {0}},
    {boiler_words, COUNT(boiler_words), 1, {0}, {0}, {0}, {0}},
    {positive_parts, COUNT(positive_parts), 0, {0}, {0}, {0}, {0}},
    {negative_parts, COUNT(negative_parts), 0, {0}, {0}, {0}, {0}},
};
static pthread_once_t sets_once = PTHREAD_ONCE_INIT;

static void build_sets(void) {
  for (size_t k = 0; k < NSETS; k++) {
    pattern_set *ps = &sets[k];
    size_t w = 0;
    for (int c = 0; c < 256; c++) {
      ps->start[c] = (uint8_t)w;
      for (size_t i = 0; i < ps->n; i++)
        if ((unsigned char)ps->list[i][0] == c) {
          ps->order[w] = ps->list[i];
          ps->len[w++] = (uint8_t)strlen(ps->list[i]);
        }
      ps->count[c] = (uint8_t)(w - ps->start[c]);
    }
  }
}

static int set_in(int which, const char *hay, size_t n) {
  const pattern_set *ps = &sets[which];
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)hay[i];
    for (size_t k = ps->start[c], end = k + ps->count[c]; k < end; k++) {
      size_t m = ps->len[k];
      if (i + m <= n && memcmp(hay + i, ps->order[k], m) == 0 &&
          (!ps->words || ((i == 0 || !alnum(hay[i - 1])) && (i + m == n || !alnum(hay[i + m])))))
        return 1;
    }
  }
  return 0;
}

/* class and id, lower-cased, into buf; 0 when the element has neither. */
static size_t class_and_id(xmlNode *el, char *buf) {
  size_t n = 0;
  const char *v[2] = {attr(el, "class"), attr(el, "id")};
  for (int k = 0; k < 2; k++) {
    if (!v[k]) continue;
    if (n && n + 1 < CLASS_MAX) buf[n++] = ' ';
    for (const char *p = v[k]; *p && n + 1 < CLASS_MAX; p++)
      buf[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
  }
  buf[n] = '\0';
  return n;
}

static int hidden(xmlNode *el) {
  if (attr(el, "hidden")) return 1;
  const char *aria = attr(el, "aria-hidden");
  if (aria && strcmp(aria, "true") == 0) return 1;
  const char *style = attr(el, "style");
  if (style) {
    char s[128];
    size_t n = 0;
    for (const char *p = style; *p && n + 1 < sizeof s; p++)
      if (*p != ' ') s[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    s[n] = '\0';
    if (strstr(s, "display:none") || strstr(s, "visibility:hidden")) return 1;
  }
  return 0;
}

/* Flags and weight of an element from its class, id and attributes. */
static void classify(nf_html_node_info *in, xmlNode *el) {
  if (hidden(el)) in->flags |= F_DEAD;
  if (!el->properties) return;
  const char *itemprop = attr(el, "itemprop");
  if (itemprop && word_in(itemprop, "articleBody")) in->flags |= F_ARTICLE_BODY;
  char cls[CLASS_MAX];
  size_t n = class_and_id(el, cls);
  if (!n) return;
  pthread_once(&sets_once, build_sets);
  int body = set_in(SET_BODY, cls, n);
  if (body) in->flags |= F_CMS_BODY;
  if (!body && !(in->flags & F_ARTICLE_BODY) && in->kind != T_BODY && in->kind != T_HTML &&
      in->kind != T_MAIN && in->kind != T_ARTICLE &&
      (set_in(SET_BOILER, cls, n) || set_in(SET_BOILER_WORDS, cls, n)))
    in->flags |= F_BOILER;
  if (set_in(SET_POSITIVE, cls, n)) in->weight += 25;
  if (set_in(SET_NEGATIVE, cls, n)) in->weight -= 25;
}

/* ---- the walk ---------------------------------------------------------- */

static int ws(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static void count_text(nf_html_node_info *in, const char *p) {
  uint32_t text = 0, commas = 0;
  for (; *p; p++) {
    if (ws((unsigned char)*p)) continue;
    text++;
    if (*p == ',') commas++;
  }
  in->own += text;
  in->own_commas += commas;
}

/* Next node of a pre-order walk below root: into the children when descend,
 * else on to the next sibling or up. */
static xmlNode *walk_next(xmlNode *n, xmlNode *root, int descend) {
  if (descend && n->children) return n->children;
  while (n && n != root) {
    if (n->next) return n->next;
    n = n->parent;
  }
  return NULL;
}

static nf_html_node_info *info_of(nf_html_page *pg, xmlNode *n) {
  uintptr_t i = (uintptr_t)n->_private;
  return i ? &pg->info[i - 1] : NULL;
}

/* A block that class or id names as boilerplate but that holds this much
 * of the page's text is a wrapper of the page ("site has-sidebar"). */
#define WRAPPER_SHARE 0.6

/* Measures every element (own text, flags), feeding the metadata collector
 * on the way; then, over the array, the totals, which elements are dead,
 * and the live totals.  Parents come before their children in the array. */
static nf_status measure(nf_html_page *pg, xmlDoc *doc) {
  pg->ninfo = 0;
  xmlNode *root = (xmlNode *)doc;
  xmlNode *n = doc->children;
  while (n) {
    int descend = 0;
    if (n->type == XML_ELEMENT_NODE && n->name) {
      if (NF_GROW(pg->info, pg->cap, pg->ninfo + 1) != NF_OK) return NF_ERR_NOMEM;
      nf_html_node_info *in = &pg->info[pg->ninfo];
      memset(in, 0, sizeof *in);
      in->node = n;
      in->kind = (uint8_t)kind_of((const char *)n->name);
      nf_html_node_info *up = n->parent ? info_of(pg, n->parent) : NULL;
      in->parent = up ? (uint32_t)(up - pg->info) + 1 : 0;
      if (up && (up->flags & (F_ARTICLE_BODY | F_CMS_BODY | F_IN_BODY))) in->flags |= F_IN_BODY;
      if (in->kind == T_DROP || (in->kind == T_NOSCRIPT && !(in->flags & F_IN_BODY)))
        in->flags |= F_DEAD;
      classify(in, n);
      if (up && is_block((tag_kind)in->kind)) up->flags |= F_BLOCK_CHILD;
      n->_private = (void *)(uintptr_t)(++pg->ninfo);
      nf_status s = nf_html_meta_element(&pg->meta, n);
      if (s != NF_OK) return s;
      descend = 1;
    } else if (n->type == XML_TEXT_NODE && n->content && n->parent) {
      nf_html_node_info *in = info_of(pg, n->parent);
      if (in) count_text(in, (const char *)n->content);
    }
    n = walk_next(n, root, descend);
  }
  /* totals, children first: they come after their parent in the array */
  for (size_t i = pg->ninfo; i-- > 0;) {
    nf_html_node_info *in = &pg->info[i];
    in->all += in->own;
    if (!in->parent || (in->flags & F_DEAD)) continue;
    nf_html_node_info *up = &pg->info[in->parent - 1];
    up->all += in->all;
    if (in->flags & (F_ARTICLE_BODY | F_CMS_BODY | F_HOLDS_BODY)) up->flags |= F_HOLDS_BODY;
  }
  uint64_t page = 0;
  for (size_t i = 0; i < pg->ninfo; i++)
    if (!pg->info[i].parent) page += pg->info[i].all;
  for (size_t i = 0; i < pg->ninfo; i++) {
    nf_html_node_info *in = &pg->info[i];
    if (in->parent && (pg->info[in->parent - 1].flags & F_DEAD)) in->flags |= F_DEAD;
    if ((in->flags & F_BOILER) && !(in->flags & F_HOLDS_BODY) &&
        (double)in->all <= WRAPPER_SHARE * (double)page)
      in->flags |= F_DEAD;
  }
  for (size_t i = pg->ninfo; i-- > 0;) {
    nf_html_node_info *in = &pg->info[i];
    if (in->flags & F_DEAD) continue;
    in->text += in->own;
    in->commas += in->own_commas;
    if (in->kind == T_A) in->link = in->text;
    if (!in->parent) continue;
    nf_html_node_info *up = &pg->info[in->parent - 1];
    up->text += in->text;
    up->link += in->link;
    up->commas += in->commas;
  }
  return NF_OK;
}

static float link_density(const nf_html_node_info *in) {
  return in->text ? (float)in->link / (float)in->text : 0.0f;
}

/* ---- choosing the container -------------------------------------------- */

static nf_status add_root(nf_html_page *pg, size_t i) {
  if (NF_GROW(pg->roots, pg->rcap, pg->nroots + 1) != NF_OK) return NF_ERR_NOMEM;
  pg->roots[pg->nroots++] = i;
  pg->info[i].flags |= F_ROOT;
  return NF_OK;
}

static int inside_root(const nf_html_page *pg, size_t i) {
  for (uint32_t up = pg->info[i].parent; up; up = pg->info[up - 1].parent)
    if (pg->info[up - 1].flags & F_ROOT) return 1;
  return 0;
}

static void clear_roots(nf_html_page *pg);

/* Rule 1: every itemprop=articleBody not inside another. */
static nf_status article_body_rule(nf_html_page *pg) {
  uint32_t total = 0;
  for (size_t i = 0; i < pg->ninfo; i++) {
    const nf_html_node_info *in = &pg->info[i];
    if ((in->flags & F_ARTICLE_BODY) && !(in->flags & F_DEAD) && !inside_root(pg, i)) {
      nf_status s = add_root(pg, i);
      if (s != NF_OK) return s;
      total += in->text;
    }
  }
  if (total < MIN_PARAGRAPH * 2) clear_roots(pg);
  return NF_OK;
}

/* Rules 2 and 3: the largest live element with the flag (or of the kind). */
static nf_status largest_rule(nf_html_page *pg, uint16_t flag, uint8_t kind) {
  size_t best = SIZE_MAX;
  for (size_t i = 0; i < pg->ninfo; i++) {
    const nf_html_node_info *in = &pg->info[i];
    if (in->flags & F_DEAD) continue;
    if (flag ? !(in->flags & flag) : in->kind != kind) continue;
    if (link_density(in) > 0.5f) continue;
    if (best == SIZE_MAX || in->text > pg->info[best].text) best = i;
  }
  if (best == SIZE_MAX || pg->info[best].text < MIN_CONTAINER) return NF_OK;
  return add_root(pg, best);
}

static float tag_base(tag_kind k) {
  switch (k) {
    case T_DIV:
    case T_SECTION:
    case T_ARTICLE:
    case T_MAIN:
      return 5;
    case T_PRE:
    case T_TD:
    case T_BLOCKQUOTE:
      return 3;
    case T_LIST:
    case T_LI:
    case T_DTDD:
      return -3;
    case T_H1:
    case T_H2:
    case T_HN:
      return -5;
    default:
      return 0;
  }
}

/* Rule 4: readability's scoring. */
static nf_status score_rule(nf_html_page *pg) {
  for (size_t i = 0; i < pg->ninfo; i++) {
    nf_html_node_info *in = &pg->info[i];
    if (in->flags & F_DEAD) continue;
    int paragraph = in->kind == T_P || in->kind == T_PRE || in->kind == T_TD ||
                    ((in->kind == T_DIV || in->kind == T_SECTION) && !(in->flags & F_BLOCK_CHILD));
    if (!paragraph || in->text < MIN_PARAGRAPH) continue;
    float score = 1.0f + (float)in->commas + (float)(in->text / 100 > 3 ? 3 : in->text / 100);
    uint32_t up = in->parent;
    for (int level = 0; up && level < ANCESTOR_LEVELS; level++, up = pg->info[up - 1].parent) {
      nf_html_node_info *a = &pg->info[up - 1];
      if (a->kind == T_BODY || a->kind == T_HTML) break;
      if (!(a->flags & F_SCORED)) {
        a->score = tag_base((tag_kind)a->kind) + (float)a->weight;
        a->flags |= F_SCORED;
      }
      a->score += level == 0 ? score : level == 1 ? score / 2 : score / (float)(level * 3);
    }
  }
  size_t best = SIZE_MAX;
  float top = 0;
  for (size_t i = 0; i < pg->ninfo; i++) {
    nf_html_node_info *in = &pg->info[i];
    if (!(in->flags & F_SCORED) || (in->flags & F_DEAD)) continue;
    in->score *= 1.0f - link_density(in);
    if (best == SIZE_MAX || in->score > top) best = i, top = in->score;
  }
  if (best == SIZE_MAX) return NF_OK;
  /* the siblings that belong with it */
  float threshold = top * 0.2f > 10 ? top * 0.2f : 10;
  uint32_t parent = pg->info[best].parent;
  if (!parent) return add_root(pg, best);
  for (size_t i = 0; i < pg->ninfo; i++) {
    nf_html_node_info *in = &pg->info[i];
    if (in->parent != parent || (in->flags & F_DEAD)) continue;
    int take = i == best || ((in->flags & F_SCORED) && in->score >= threshold);
    if (!take && in->kind == T_P) {
      float ld = link_density(in);
      take = (in->text > 80 && ld < 0.25f) ||
             (in->text > 0 && ld == 0.0f && in->text <= 80 && in->node->last &&
              in->node->last->content && strchr((const char *)in->node->last->content, '.'));
    }
    if (take) {
      nf_status s = add_root(pg, i);
      if (s != NF_OK) return s;
    }
  }
  return NF_OK;
}

/* ---- the text ---------------------------------------------------------- */

enum { PEND_NONE, PEND_SPACE, PEND_LINE, PEND_PARAGRAPH };

typedef struct render {
  nf_buf *out;
  int pending;
  int pre;
} render;

static nf_status flush(render *r) {
  static const char *const breaks[] = {"", " ", "\n", "\n\n"};
  nf_status s = NF_OK;
  if (r->out->len && r->pending) s = nf_buf_append_str(r->out, breaks[r->pending]);
  r->pending = PEND_NONE;
  return s;
}

static void pend(render *r, int p) {
  if (r->out->len && p > r->pending) r->pending = p;
}

static nf_status render_text(render *r, const char *p) {
  const char *run = NULL; /* start of the bytes not yet appended */
  for (; *p; p++) {
    unsigned char c = (unsigned char)*p;
    int space = ws(c) && !(r->pre && (c == '\n' || c == ' ' || c == '\t'));
    int skip = 0;
    if (c == 0xc2 && (unsigned char)p[1] == 0xa0) space = 1, skip = 1; /* no-break space */
    if (c == 0xe2 && (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0x8b) skip = 2;
    if (c == 0xef && (unsigned char)p[1] == 0xbb && (unsigned char)p[2] == 0xbf) skip = 2;
    if (space || skip) {
      if (run && nf_buf_append(r->out, run, (size_t)(p - run))) return NF_ERR_NOMEM;
      run = NULL;
      if (space) pend(r, PEND_SPACE);
      p += skip;
      continue;
    }
    if (!run) {
      if (flush(r)) return NF_ERR_NOMEM;
      run = p;
    }
  }
  if (run && nf_buf_append(r->out, run, (size_t)(p - run))) return NF_ERR_NOMEM;
  return NF_OK;
}

static int same_text(const char *a, size_t an, const char *b, size_t bn) {
  if (an != bn) return 0;
  for (size_t i = 0; i < an; i++) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? a[i] + 32 : a[i];
    char y = b[i] >= 'A' && b[i] <= 'Z' ? b[i] + 32 : b[i];
    if (x != y) return 0;
  }
  return 1;
}

/* A short paragraph that is a byline ("Written by: <a>Jane Doe</a>"): kept
 * however much of it is a link. */
static int byline_paragraph(nf_html_page *pg, const nf_html_node_info *in) {
  static const char *const labels[] = {"written by", "by ", "words by", "story by"};
  if (in->text > 80 || nf_html_node_text(in->node, &pg->scratch)) return 0;
  for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
    size_t k = strlen(labels[i]);
    if (pg->scratch.len > k && same_text(pg->scratch.data, k, labels[i], k)) return 1;
  }
  return 0;
}

/* Whether a live element inside the container is left out of the text. */
static int left_out(nf_html_page *pg, const nf_html_node_info *in) {
  switch (in->kind) {
    case T_P:
      return in->text > 0 && link_density(in) > 0.5f && !byline_paragraph(pg, in);
    case T_LIST:
    case T_DIV:
    case T_SECTION:
    case T_TABLE:
    case T_LI:
      return in->text > 0 && link_density(in) > 0.5f;
    case T_H1:
    case T_H2: {
      const nf_buf *h = &pg->meta.headline.value;
      if (!h->len || nf_html_node_text(in->node, &pg->scratch)) return 0;
      return same_text(pg->scratch.data, pg->scratch.len, h->data, h->len);
    }
    default:
      return 0;
  }
}

static nf_status render_root(nf_html_page *pg, render *r, xmlNode *root) {
  xmlNode *n = root;
  while (n) {
    int descend = 0;
    if (n->type == XML_ELEMENT_NODE && n->_private) {
      nf_html_node_info *in = info_of(pg, n);
      if (!(in->flags & F_DEAD) && (n == root || !left_out(pg, in))) {
        descend = 1;
        if (in->kind == T_BR)
          pend(r, PEND_LINE);
        else if (is_block((tag_kind)in->kind))
          pend(r, in->kind == T_TD ? PEND_LINE : PEND_PARAGRAPH);
        if (in->kind == T_PRE) r->pre++;
      }
    } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
      if (render_text(r, (const char *)n->content)) return NF_ERR_NOMEM;
    }
    if (descend && n->children) {
      n = n->children;
      continue;
    }
    for (;;) {
      if (n->type == XML_ELEMENT_NODE && n->_private) {
        nf_html_node_info *in = info_of(pg, n);
        if (is_block((tag_kind)in->kind) && in->kind != T_TD) pend(r, PEND_PARAGRAPH);
        if (in->kind == T_PRE && r->pre && !(in->flags & F_DEAD)) r->pre--;
      }
      if (n == root) {
        n = NULL;
        break;
      }
      if (n->next) {
        n = n->next;
        break;
      }
      n = n->parent;
    }
  }
  return NF_OK;
}

static nf_status render_all(nf_html_page *pg) {
  nf_buf_clear(&pg->text);
  render r = {&pg->text, PEND_NONE, 0};
  for (size_t i = 0; i < pg->nroots; i++) {
    nf_status s = render_root(pg, &r, pg->info[pg->roots[i]].node);
    if (s != NF_OK) return s;
    pend(&r, PEND_PARAGRAPH);
  }
  return NF_OK;
}

static void clear_roots(nf_html_page *pg) {
  for (size_t i = 0; i < pg->nroots; i++) pg->info[pg->roots[i]].flags &= (uint16_t)~F_ROOT;
  pg->nroots = 0;
}

static nf_status apply_rule(nf_html_page *pg, int rule) {
  clear_roots(pg);
  switch (rule) {
    case 0:
      return article_body_rule(pg);
    case 1:
      return largest_rule(pg, F_CMS_BODY, 0);
    case 2:
      return largest_rule(pg, 0, T_ARTICLE);
    default:
      return score_rule(pg); /* once only: it weighs the scores in place */
  }
}

/* The first rule that finds a container; but when its text is shorter than
 * a story, a later rule whose text is a story's length and three times
 * longer (the first found a teaser or a summary box). */
static nf_status choose_and_render(nf_html_page *pg) {
  int first = -1, last = -1;
  size_t first_len = 0;
  nf_status s = NF_OK;
  for (int rule = 0; rule < 4 && !s; rule++) {
    if ((s = apply_rule(pg, rule)) || !pg->nroots) continue;
    if ((s = render_all(pg))) break;
    last = rule;
    if (first < 0) {
      first = rule, first_len = pg->text.len;
      if (first_len >= MIN_STORY) return NF_OK;
    } else if (pg->text.len >= MIN_STORY && pg->text.len >= 3 * first_len) {
      return NF_OK;
    }
  }
  if (s) return s;
  if (first >= 0 && first != last) {
    if (!(s = apply_rule(pg, first))) s = render_all(pg);
    return s;
  }
  if (first >= 0) return NF_OK;
  clear_roots(pg); /* no candidate at all: the body */
  for (size_t i = 0; !s && i < pg->ninfo; i++)
    if (pg->info[i].kind == T_BODY) s = add_root(pg, i);
  return s ? s : render_all(pg);
}

nf_status nf_html_extract(nf_html_page *pg, const char *p, size_t n, const char *http_charset,
                          nf_error *err) {
  nf_buf_clear(&pg->text);
  nf_html_meta_clear(&pg->meta);
  pg->ninfo = pg->nroots = 0;
  nf_status s = nf_html_decode(p, n, http_charset, &pg->decoded, pg->charset, err);
  if (s != NF_OK) return s;
  if (pg->decoded.len == 0) return nf_error_set(err, NF_ERR_PARSE, "empty page");
  if (pg->decoded.len > INT32_MAX) return nf_error_set(err, NF_ERR_PARSE, "page too large");
  htmlDocPtr doc =
      htmlReadMemory(pg->decoded.data, (int)pg->decoded.len, NULL, "UTF-8",
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                         HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT);
  if (!doc) return nf_error_set(err, NF_ERR_PARSE, "no HTML in the page");
  s = measure(pg, doc);
  if (!s) s = nf_html_meta_finish(&pg->meta);
  if (!s) s = choose_and_render(pg);
  xmlFreeDoc(doc);
  if (s != NF_OK) return nf_error_set(err, s, "out of memory");
  if (pg->text.len == 0) return nf_error_set(err, NF_ERR_PARSE, "no text in the page");
  return NF_OK;
}
