/* The byline analyzer: who wrote, reported and edited the story (bylines in
 * the text and the `author` metadata), whose pictures it carries (credits,
 * never bylines), and the article's news agency.  Where the names are is
 * byline_rules.c's business; this file normalises them, merges the metadata
 * without duplicates and emits bylines, credits and the agency. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/recase.h"
#include "analysis/scratch.h"
#include "byline.h"
#include "byline_rules.h"
#include "gazetteer/agencies.h"
#include "gazetteer/keymap.h"

#define NAME_MAX 160
#define MAX_ENTRIES 32

static const char *const role_names[] = {"author", "reporter", "editor"};
/* Where a byline was found: the text, the author metadata, or both. */
enum { FROM_TEXT = 1, FROM_METADATA = 2 };
static const char *const from_names[] = {NULL, "text", "metadata", "both"};

typedef struct byline_analyzer {
  nf_agencies *agencies;
} byline_analyzer;

/* One person (or organisation) found, normalised. */
typedef struct entry {
  char name[NAME_MAX]; /* "" for an organisation alone */
  char org[NAME_MAX];  /* "" when none */
  char key[NF_KEY_MAX];
  const char *agency;
  int role;
  int from;            /* FROM_TEXT, FROM_METADATA or both */
  uint32_t start, end; /* start == end: not in the text (metadata) */
} entry;

typedef struct found {
  entry bylines[MAX_ENTRIES], credits[MAX_ENTRIES];
  size_t nbylines, ncredits;
} found;

static void destroy(void *instance) {
  byline_analyzer *ba = instance;
  if (!ba) return;
  nf_agencies_free(ba->agencies);
  free(ba);
}

static nf_status create(const nf_analyzer_env *env, void **instance, nf_error *err) {
  *instance = NULL;
  byline_analyzer *ba = calloc(1, sizeof *ba);
  if (!ba) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  nf_status s = nf_agencies_load(env->schema_dir, &ba->agencies, err);
  if (s != NF_OK) {
    destroy(ba);
    return s;
  }
  *instance = ba;
  return NF_OK;
}

/* A name as people write it: "JANE O'NEILL" -> "Jane O'Neill". */
static void normal_name(const char *p, size_t n, int lower, char *out) {
  if (!nf_recase(p, n, lower ? NF_RECASE_LOWER : 0, out, NAME_MAX))
    snprintf(out, NAME_MAX, "%.*s", (int)(n < NAME_MAX ? n : NAME_MAX - 1), p);
}

/* The person of that key already listed, or NULL. */
static entry *listed(entry *v, size_t n, const char *key) {
  for (size_t i = 0; i < n; i++)
    if (v[i].key[0] && strcmp(v[i].key, key) == 0) return &v[i];
  return NULL;
}

/* Turns the rules' items into entries (duplicates dropped); whole: spans
 * cover the organisation too. */
static size_t entries_of(const nf_toks *k, const nf_byline_item *items, size_t nitems, entry *out,
                         size_t n, int whole) {
  for (size_t i = 0; i < nitems && n < MAX_ENTRIES; i++) {
    const nf_byline_item *it = &items[i];
    entry *e = &out[n];
    memset(e, 0, sizeof *e);
    char raw[NAME_MAX];
    if (it->name_e > it->name_b) {
      size_t len = nf_tokens_text(k, it->name_b, it->name_e, raw, sizeof raw);
      if (!len) continue;
      normal_name(raw, len, it->lower, e->name);
      if (!nf_key_make(e->name, strlen(e->name), e->key) || listed(out, n, e->key)) continue;
      e->start = k->v[it->name_b].start;
      e->end = k->v[it->name_e - 1].end;
    } else {
      e->start = k->v[it->org_b].start;
      e->end = k->v[it->org_e - 1].end;
    }
    /* a credit's span is all of it: "A.Pliadis/Lithuania Ministry of Defense" */
    if (whole && it->org_e > it->org_b) {
      if (k->v[it->org_b].start < e->start) e->start = k->v[it->org_b].start;
      if (k->v[it->org_e - 1].end > e->end) e->end = k->v[it->org_e - 1].end;
    }
    if (it->agency)
      snprintf(e->org, sizeof e->org, "%s", it->agency);
    else if (it->org_e > it->org_b &&
             !nf_tokens_text(k, it->org_b, it->org_e, e->org, sizeof e->org))
      e->org[0] = '\0';
    e->agency = it->agency;
    e->role = it->role;
    e->from = FROM_TEXT;
    n++;
  }
  return n;
}

static int space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* Length of the separator at p in the author metadata, or 0. */
static size_t separator(const char *p, size_t n) {
  if (*p == ',' || *p == ';' || *p == '&' || *p == '|' || *p == '\n' || *p == '/') return 1;
  if (n >= 5 && space(p[0]) && (p[1] | 0x20) == 'a' && (p[2] | 0x20) == 'n' &&
      (p[3] | 0x20) == 'd' && space(p[4]))
    return 5;
  return 0;
}

/* Where the author metadata's parts go. */
typedef struct meta_state {
  entry *out;
  size_t count;
  size_t names;       /* names read so far (listed before or not) */
  size_t without_org; /* first entry of this metadata still without an organisation */
} meta_state;

static size_t trim(const char **p, size_t n) {
  while (n && space(**p)) ++*p, n--;
  while (n && space((*p)[n - 1])) n--;
  return n;
}

/* Drops a leading word ("By", "and") followed by a space. */
static size_t drop_word(const char **p, size_t n, const char *word) {
  size_t w = strlen(word);
  if (n <= w || !space((*p)[w])) return n;
  for (size_t i = 0; i < w; i++)
    if (((*p)[i] | 0x20) != word[i]) return n;
  *p += w;
  return trim(p, n - w);
}

/* One part of the author metadata: a name, or the organisation of the names
 * before it ("Jane Doe, USA TODAY"), or the author itself ("AP"). */
static void metadata_part(const byline_analyzer *ba, const char *p, size_t n, meta_state *st) {
  n = trim(&p, n);
  n = drop_word(&p, n, "by");
  n = drop_word(&p, n, "and");
  if (n == 0 || *p == '@' || st->count == MAX_ENTRIES) return; /* "@handle" */
  const char *agency = nf_agencies_find(ba->agencies, p, n);
  if (agency || nf_org_name(p, n)) {
    char org[NAME_MAX];
    snprintf(org, sizeof org, "%.*s", (int)(n < NAME_MAX ? n : NAME_MAX - 1), p);
    if (agency) snprintf(org, sizeof org, "%s", agency);
    if (st->names == 0) {
      entry *e = &st->out[st->count++];
      memset(e, 0, sizeof *e);
      e->role = NF_ROLE_AUTHOR;
      e->from = FROM_METADATA;
    }
    for (size_t i = st->without_org; i < st->count; i++) {
      if (!st->out[i].org[0]) snprintf(st->out[i].org, sizeof st->out[i].org, "%s", org);
      if (!st->out[i].agency) st->out[i].agency = agency;
    }
    st->without_org = st->count;
    return;
  }
  st->names++;
  entry *e = &st->out[st->count];
  memset(e, 0, sizeof *e);
  normal_name(p, n, 0, e->name);
  if (!nf_key_make(e->name, strlen(e->name), e->key)) return;
  entry *already = listed(st->out, st->count, e->key);
  if (already) {
    already->from |= FROM_METADATA;
    return;
  }
  e->role = NF_ROLE_AUTHOR;
  e->from = FROM_METADATA;
  st->count++;
}

/* The names of the author metadata that the text does not already give. */
static size_t metadata_entries(const byline_analyzer *ba, const char *author, size_t n, entry *out,
                               size_t count) {
  meta_state st = {out, count, 0, count};
  const char *p = author, *start = author, *end = author + n;
  while (p < end) {
    size_t sep = separator(p, (size_t)(end - p));
    if (!sep) {
      p++;
      continue;
    }
    metadata_part(ba, start, (size_t)(p - start), &st);
    if (*p == ';') st.names = 0, st.without_org = st.count; /* "A; B; ORG": ORG its own */
    p += sep;
    start = p;
  }
  metadata_part(ba, start, (size_t)(end - start), &st);
  return st.count;
}

/* Whether name is the first words of full ("Miami" of "Miami Today"), case aside. */
static int first_words(const char *name, const char *full) {
  size_t n = strlen(name);
  if (!n || strlen(full) <= n || full[n] != ' ') return 0;
  for (size_t i = 0; i < n; i++)
    if ((name[i] | 0x20) != (full[i] | 0x20)) return 0;
  return 1;
}

/* Drops a name of the text that is the first words of a name or an
 * organisation of the author metadata: the same byline, cut short ("Written
 * by Miami Today on ..." read as "Miami"). */
static size_t drop_cut_names(entry *e, size_t n) {
  size_t w = 0;
  for (size_t i = 0; i < n; i++) {
    int cut = 0;
    for (size_t j = 0; j < n && !cut && e[i].from == FROM_TEXT && e[i].name[0] && !e[i].org[0]; j++)
      cut = e[j].from == FROM_METADATA &&
            (first_words(e[i].name, e[j].name) || first_words(e[i].name, e[j].org));
    if (!cut) e[w++] = e[i];
  }
  return w;
}

/* Drops the author metadata that is the publication itself (an organisation
 * alone, the `source`'s name) when the text names a person as the author. */
static size_t drop_site_org(entry *e, size_t n, nf_str source) {
  int person = 0;
  for (size_t i = 0; i < n; i++)
    person |= (e[i].from & FROM_TEXT) && e[i].name[0] && e[i].role == NF_ROLE_AUTHOR;
  if (!person || !source.p) return n;
  size_t w = 0;
  for (size_t i = 0; i < n; i++) {
    int site = e[i].from == FROM_METADATA && !e[i].name[0] && strlen(e[i].org) == source.n;
    for (size_t j = 0; site && j < source.n; j++)
      site = (e[i].org[j] | 0x20) == (source.p[j] | 0x20);
    if (!site) e[w++] = e[i];
  }
  return w;
}

static const char *str_or_null(const char *s) { return *s ? s : NULL; }

/* The bylines and credits found.  An editor did not write the story: the
 * record keeps the byline, the index does not. */
static nf_status emit_entries(nf_analysis *a, const found *f) {
  nf_status s = NF_OK;
  for (size_t i = 0; s == NF_OK && i < f->nbylines; i++) {
    const entry *e = &f->bylines[i];
    nf_attr_value attrs[] = {NF_ATTR_STR(NF_ATTR_ORG, str_or_null(e->org)),
                             NF_ATTR_STR(NF_ATTR_ROLE, role_names[e->role]),
                             NF_ATTR_STR(NF_ATTR_FOUND, from_names[e->from])};
    uint32_t flags = e->role == NF_ROLE_EDITOR ? NF_RESULT_UNINDEXED : 0;
    nf_result r = {NF_TYPE_BYLINE,       e->start,  e->end, 0,     0,
                   str_or_null(e->name), NF_NO_REF, flags,  attrs, 3};
    s = nf_analysis_emit(a, &r, NULL);
  }
  for (size_t i = 0; s == NF_OK && i < f->ncredits; i++) {
    const entry *e = &f->credits[i];
    nf_attr_value attrs[] = {NF_ATTR_STR(NF_ATTR_NAME, str_or_null(e->name)),
                             NF_ATTR_STR(NF_ATTR_ORG, str_or_null(e->org))};
    nf_result r = {NF_TYPE_CREDIT, e->start, e->end, 0, 0, e->name[0] ? e->name : e->org,
                   NF_NO_REF,      0,        attrs,  2};
    s = nf_analysis_emit(a, &r, NULL);
  }
  return s;
}

/* The article's agency when the dateline named none: a byline's, else the
 * `source` metadata's, when the agency table knows it. */
static nf_status settle_agency(const byline_analyzer *ba, nf_analysis *a, const found *f) {
  if (nf_analysis_first(a, NF_TYPE_AGENCY)) return NF_OK;
  const char *agency = NULL;
  uint32_t start = 0, end = 0;
  for (size_t i = 0; !agency && i < f->nbylines; i++) {
    agency = f->bylines[i].agency;
    start = f->bylines[i].start;
    end = f->bylines[i].end;
  }
  const nf_article *article = nf_analysis_article(a);
  if (!agency && article->source.p) {
    agency = nf_agencies_find(ba->agencies, article->source.p, article->source.n);
    start = end = 0;
  }
  if (!agency) return NF_OK;
  nf_result r = {NF_TYPE_AGENCY, start, end, 0, 0, agency, NF_NO_REF, 0, NULL, 0};
  return nf_analysis_emit(a, &r, NULL);
}

/* The key of the array the analysis keeps for this analyzer (scratch.h). */
static const char kept_key;

static nf_status analyze(const void *instance, nf_analysis *a, nf_error *err) {
  const byline_analyzer *ba = instance;
  nf_toks k = nf_toks_of(nf_analysis_text(a));
  /* where the dateline starts: the name alone on the line before it is a byline */
  const nf_result *dateline = nf_analysis_first(a, NF_TYPE_DATELINE);
  uint32_t dateline_start = dateline ? dateline->start : UINT32_MAX;

  found *f; /* entries are filled one by one; the analysis keeps it for the next article */
  nf_scratch *kept = nf_analysis_scratch(a, &kept_key, 1);
  if (!kept || !NF_SCRATCH_ROOM(kept, 1, f))
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  nf_byline_item items[NF_BYLINE_MAX_ITEMS];
  size_t n = nf_bylines_find(&k, ba->agencies, dateline_start, items, NF_BYLINE_MAX_ITEMS);
  f->nbylines = entries_of(&k, items, n, f->bylines, 0, 0);
  n = nf_credits_find(&k, ba->agencies, items, NF_BYLINE_MAX_ITEMS);
  f->ncredits = entries_of(&k, items, n, f->credits, 0, 1);

  nf_status s = NF_OK;
  nf_str author = nf_analysis_article(a)->author;
  if (author.p && nf_utf8_validate(author.p, author.n, NULL) != NF_OK)
    s = nf_error_set(err, NF_ERR_PARSE, "\"author\" is not valid UTF-8");
  else if (author.p)
    f->nbylines = drop_site_org(
        f->bylines,
        drop_cut_names(f->bylines,
                       metadata_entries(ba, author.p, author.n, f->bylines, f->nbylines)),
        nf_analysis_article(a)->source);
  if (s == NF_OK) s = emit_entries(a, f);
  if (s == NF_OK) s = settle_agency(ba, a, f);
  if (s == NF_ERR_NOMEM) return nf_error_set(err, s, "out of memory");
  return s;
}

static const char *const provides[] = {"byline", "credit", "agency", NULL};
/* the dateline's place tells a byline above it; its agency comes first */
static const char *const reads[] = {"dateline", "agency", NULL};

const nf_analyzer_v2 nf_byline_analyzer = {
    NF_ANALYZER_ABI,
    "byline",
    "Bylines (authors, reporters, editors) from the text and the author metadata; photo credits",
    provides,
    reads,
    create,
    destroy,
    analyze,
};
