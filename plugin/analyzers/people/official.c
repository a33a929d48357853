/* The official analyzer: people who hold a title, in every order news copy
 * writes them ("US Secretary of Defense Lloyd J. Austin III", "Gabrielius
 * Landsbergis, Lithuania's foreign minister,", "the foreign minister,
 * Gabrielius Landsbergis,", "said Treasury Secretary James Baker"), each with
 * the normalised title, the country (demonym, "X's", "of X", the
 * organisation's from schema/organisations.tsv, a US party label, the same
 * person's other titles; never the dateline's) and the organisation the office belongs to (NATO, a
 * company). A title without a name links to the official already named when exactly one fits ("the
 * American defense secretary").
 *
 * It also finds the article's person names (person_names.c) and emits every
 * mention as a "person" result (value: the fullest name, flags: gender), so
 * the speaker analyzer after it reads them.  Results:
 *   person            value full name, label as written, flags NF_GENDER_*
 *   official          value title, label person, ref its person result
 *   official_country  value ISO code, ref its official result
 *   official_org      value the organisation, ref its official result
 *   title             every title mention; value title, label the person it
 *                     names (NULL: none), ref its official result or NF_NO_REF */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/scratch.h"
#include "analysis/tokens.h"
#include "core/buffer.h"
#include "core/grow.h"
#include "fields/titles.h"
#include "official_internal.h"
#include "people.h"
#include "person_names.h"

/* The arrays the analysis keeps for this analyzer (scratch.h), under its key. */
enum {
  KEPT_MARKS,
  KEPT_COUNTRY_AT,
  KEPT_COUNTRIES,
  KEPT_TITLES,
  KEPT_OFFICIALS,
  KEPT_NAME_AT,
  KEPT_FIRST_RESULT,
  KEPT_RESULT_OF,
  KEPT_PERSONS,
  KEPT_PERSON_MENTIONS,
  KEPT_SLOTS
};
static const char kept_key;

/* The names of organisations and news agencies of the gazetteer: no
 * person's name holds them ("Merrill Lynch said", "Tanjug said"), nor does
 * a title that starts them make one ("General Electric", "General
 * Accounting Office" are no general called Electric). */
static void mark_orgs(article *a) {
  for (size_t i = 0; i < a->toks.n;) {
    nf_lex_match m = lex_at(a, i, NF_LEX_BIT(NF_LEX_ORGANISATION) | NF_LEX_BIT(NF_LEX_AGENCY));
    if (!m.len) {
      i++;
      continue;
    }
    for (size_t k = i; k < i + m.len && k < a->toks.n; k++) a->marks[k] |= NF_PM_ORG;
    i += m.len;
  }
}

static nf_status read_countries(article *a, nf_analysis *an) {
  for (size_t i = 0; i < a->toks.n; i++) a->country_at[i] = NONE;
  size_t count = nf_analysis_count_of(an, NF_TYPE_COUNTRY), cursor = 0;
  if (!NF_SCRATCH_ROOM(&a->kept[KEPT_COUNTRIES], count, a->countries)) return NF_ERR_NOMEM;
  const nf_result *r;
  while ((r = nf_analysis_next(an, NF_TYPE_COUNTRY, 0, UINT32_MAX, &cursor))) {
    size_t b = r->tok_begin, e = r->tok_end;
    if (!r->value || e <= b) continue;
    country_tok *c = &a->countries[a->ncountries];
    c->begin = (uint32_t)b;
    c->end = (uint32_t)e;
    snprintf(c->code, sizeof c->code, "%s", r->value);
    for (size_t k = b; k < e; k++) {
      a->country_at[k] = (uint32_t)a->ncountries;
      a->marks[k] |= NF_PM_COUNTRY;
    }
    a->ncountries++;
  }
  return NF_OK;
}

/* ---- output ---------------------------------------------------------------- */

static nf_status emit(nf_analysis *an, nf_type type, uint32_t start, uint32_t end,
                      const char *value, const nf_attr_value *attrs, uint32_t nattrs, uint32_t ref,
                      uint32_t flags, uint32_t *index) {
  nf_result r = {type, start, end, 0, 0, value, ref, flags, attrs, nattrs};
  return nf_analysis_emit(an, &r, index);
}

/* p[0..n) with every run of white space and control characters one space,
 * none at either end: "Alan\nGreenspan" is "Alan Greenspan"; none after a
 * hyphen that ends a line. */
static nf_status append_clean(nf_buf *out, const char *p, size_t n) {
  nf_status s = NF_OK;
  int space = 0, any = 0, line_break = 0;
  for (size_t i = 0; s == NF_OK && i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c <= ' ' || c == 0x7f) {
      space = any;
      line_break |= c == '\n';
      continue;
    }
    /* "Sassou-\nNguesso": a hyphen that ends a wrapped line joins */
    if (space && line_break && out->len && out->data[out->len - 1] == '-') space = 0;
    line_break = 0;
    if (space) s = nf_buf_append_char(out, ' ');
    if (s == NF_OK) s = nf_buf_append_char(out, (char)c);
    space = 0;
    any = 1;
  }
  return s;
}

/* Into a fixed buffer: the same. */
static void copy_clean(char *dst, size_t cap, const char *p, size_t n) {
  nf_buf b = NF_BUF_INIT;
  if (append_clean(&b, p, n) == NF_OK && b.len)
    snprintf(dst, cap, "%.*s", (int)b.len, b.data);
  else
    dst[0] = '\0';
  nf_buf_free(&b);
}

/* Persons, officials and every title mention.  An official whose title is a
 * role ("spokesman") is for the speaker analyzer only. */
static nf_status emit_results(article *a, nf_analysis *an) {
  nf_buf names = NF_BUF_INIT; /* each person's name, NUL-separated */
  size_t np = a->people.npersons;
  uint32_t *name_at, *first_result, *official_result;
  NF_SCRATCH_ROOM(&a->kept[KEPT_NAME_AT], np, name_at);
  NF_SCRATCH_ROOM(&a->kept[KEPT_FIRST_RESULT], np, first_result);
  NF_SCRATCH_ROOM(&a->kept[KEPT_RESULT_OF], a->nofficials, official_result);
  nf_status s = name_at && first_result && official_result ? NF_OK : NF_ERR_NOMEM;
  for (size_t p = 0; s == NF_OK && p < np; p++) {
    uint32_t st, en;
    nf_person_span(&a->people, a->t, p, &st, &en);
    name_at[p] = (uint32_t)names.len;
    s = append_clean(&names, a->toks.bytes + st, en - st);
    if (s == NF_OK) s = nf_buf_append_char(&names, '\0');
    first_result[p] = NONE;
  }
  /* persons */
  for (size_t m = 0; s == NF_OK && m < a->people.nmentions; m++) {
    const nf_person_mention *pm = &a->people.mentions[m];
    char written[256];
    uint32_t st = a->toks.v[pm->tok_begin].start, en = a->toks.v[pm->tok_end - 1].end;
    copy_clean(written, sizeof written, a->toks.bytes + st, en - st);
    nf_attr_value attrs[] = {NF_ATTR_STR(NF_ATTR_WRITTEN, written)};
    uint32_t idx;
    s = emit(an, NF_TYPE_PERSON, st, en, names.data + name_at[pm->person], attrs, 1,
             first_result[pm->person], a->people.persons[pm->person].gender, &idx);
    if (first_result[pm->person] == NONE) first_result[pm->person] = idx;
  }
  /* officials */
  for (size_t o = 0; s == NF_OK && o < a->nofficials; o++) {
    const official *of = &a->officials[o];
    const title *t = &a->titles[of->title];
    const char *country = of->country[0] ? of->country : NULL;
    char org[256] = "";
    if (of->org_entry && !of->org_entry->country[0]) {
      snprintf(org, sizeof org, "%s", of->org_entry->lemma);
    } else if (of->org_entry && of->org_title != NONE) {
      snprintf(org, sizeof org, "%s", of->org_entry->lemma);
    } else if (of->org_title != NONE) {
      const title *ot = &a->titles[of->org_title];
      uint32_t st = a->toks.v[ot->org_begin].start, en = a->toks.v[ot->org_end - 1].end;
      copy_clean(org, sizeof org, a->toks.bytes + st, en - st);
    }
    /* the title with its organisation, one more title key: "Federal
     * Reserve chair" (the title kind maps "Fed chairman" to it) */
    char title_org[512] = "";
    if (of->org_entry)
      snprintf(title_org, sizeof title_org, "%s %s", of->org_entry->lemma, off_norm_of(a, t));
    nf_attr_value attrs[] = {NF_ATTR_STR(NF_ATTR_TITLE, off_norm_of(a, t)),
                             NF_ATTR_STR(NF_ATTR_COUNTRY, country),
                             NF_ATTR_STR(NF_ATTR_ORG, org[0] ? org : NULL),
                             NF_ATTR_STR("title_org", title_org[0] ? title_org : NULL)};
    uint32_t flags = 0;
    s = emit(an, NF_TYPE_OFFICIAL, of->start, of->end, names.data + name_at[of->person], attrs, 4,
             first_result[of->person], flags, &official_result[o]);
  }
  /* every title mention */
  for (size_t ti = 0; s == NF_OK && ti < a->ntitles; ti++) {
    const title *t = &a->titles[ti];
    nf_attr_value attrs[1];
    uint32_t nattrs = 0, ref = NF_NO_REF;
    if (t->official != NONE) {
      attrs[nattrs++] =
          NF_ATTR_STR(NF_ATTR_PERSON, names.data + name_at[a->officials[t->official].person]);
      ref = official_result[t->official];
    }
    s = emit(an, NF_TYPE_TITLE, a->toks.v[t->begin].start, a->toks.v[t->end - 1].end,
             off_norm_of(a, t), attrs, nattrs, ref, t->head_flags, NULL);
  }
  nf_buf_free(&names);
  return s;
}

/* The article's arrays, from those of the article before; the growing ones
 * are kept back by article_free. */
static nf_status borrow_arrays(article *a, nf_analysis *an) {
  if (!(a->kept = nf_analysis_scratch(an, &kept_key, KEPT_SLOTS))) return NF_ERR_NOMEM;
  NF_SCRATCH_LEND(&a->kept[KEPT_TITLES], a->titles, a->cap_titles);
  NF_SCRATCH_LEND(&a->kept[KEPT_OFFICIALS], a->officials, a->cap_officials);
  NF_SCRATCH_LEND(&a->kept[KEPT_PERSONS], a->people.persons, a->people.cap_persons);
  NF_SCRATCH_LEND(&a->kept[KEPT_PERSON_MENTIONS], a->people.mentions, a->people.cap_mentions);
  size_t n = a->toks.n + 1;
  if (!NF_SCRATCH_ROOM(&a->kept[KEPT_MARKS], n, a->marks) ||
      !NF_SCRATCH_ROOM(&a->kept[KEPT_COUNTRY_AT], n, a->country_at))
    return NF_ERR_NOMEM;
  memset(a->marks, 0, n);
  return NF_OK;
}

static void article_free(article *a) {
  if (a->kept) {
    NF_SCRATCH_KEEP(&a->kept[KEPT_TITLES], a->titles, a->cap_titles);
    NF_SCRATCH_KEEP(&a->kept[KEPT_OFFICIALS], a->officials, a->cap_officials);
    NF_SCRATCH_KEEP(&a->kept[KEPT_PERSONS], a->people.persons, a->people.cap_persons);
    NF_SCRATCH_KEEP(&a->kept[KEPT_PERSON_MENTIONS], a->people.mentions, a->people.cap_mentions);
  }
  nf_buf_free(&a->norms);
}

static nf_status analyze(const void *instance, nf_analysis *an, nf_error *err) {
  article a;
  memset(&a, 0, sizeof a);
  a.lex = instance;
  a.lex_first = nf_lexicon_first_filter(a.lex);
  a.t = nf_analysis_text(an);
  a.toks = nf_toks_of(a.t);
  nf_people_init(&a.people);
  nf_status s = borrow_arrays(&a, an);
  if (s == NF_OK) s = read_countries(&a, an);
  /* the gazetteer's organisations first: a title's organisation may start
   * with a first name ("Morgan Stanley managing director") */
  if (s == NF_OK) mark_orgs(&a);
  if (s == NF_OK) s = off_find_titles(&a);
  if (s == NF_OK) s = nf_people_find(&a.people, a.lex, a.t, a.marks);
  if (s == NF_OK) s = off_link_titles(&a);
  if (s == NF_OK) {
    off_find_countries(&a, an);
    s = emit_results(&a, an);
  }
  article_free(&a);
  if (s == NF_ERR_NOMEM) return nf_error_set(err, s, "out of memory");
  return s;
}

static const char *const provides[] = {"person", "title", "official", NULL};
/* countries make titles ("Lithuanian defence minister"); the dateline is
 * read only to leave it out of the text's countries */
static const char *const reads[] = {"country", "dateline", NULL};

const nf_analyzer_v2 nf_official_analyzer = {
    NF_ANALYZER_ABI,
    "official",
    "People who hold a title, with the normalised title, country and organisation",
    provides,
    reads,
    nf_lexicon_analyzer_create,
    nf_lexicon_analyzer_destroy,
    analyze,
};
