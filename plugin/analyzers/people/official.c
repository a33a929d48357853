/* The official analyzer: people who hold a title, in every order news copy
 * writes them ("US Secretary of Defense Lloyd J. Austin III", "Gabrielius
 * Landsbergis, Lithuania's foreign minister,", "the foreign minister,
 * Gabrielius Landsbergis,", "said Treasury Secretary James Baker"), each with
 * the normalised title, the country (demonym, "X's", "of X", else the
 * article's) and the organisation the office belongs to (NATO, a company).
 * A title without a name links to the official already named when exactly
 * one fits ("the American defense secretary").
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

#include "analysis/tokens.h"
#include "core/buffer.h"
#include "core/grow.h"
#include "fields/titles.h"
#include "official_internal.h"
#include "people.h"
#include "person_names.h"
#include "record/record_json.h"

static const nf_person_mention *mention_ending(const article *a, size_t k) {
  const nf_people *pp = &a->people;
  for (size_t m = pp->nmentions; m-- > 0;) {
    if (pp->mentions[m].tok_end == k) return &pp->mentions[m];
    if (pp->mentions[m].tok_end < k) break;
  }
  return NULL;
}

/* What may follow a name or title in apposition: , . ; ) a verb, "who". */
static int apposition_ends(const article *a, size_t k) {
  if (k >= a->toks.n) return 1;
  const char *f = nf_tok_fold(&a->toks, k);
  if (!strcmp(f, ",") || !strcmp(f, ".") || !strcmp(f, ";") || !strcmp(f, ")") ||
      !strcmp(f, "who") || !strcmp(f, "and") || !strcmp(f, ":"))
    return 1;
  if (a->toks.v[k].kind == NF_TOKEN_QUOTE || a->toks.v[k].kind == NF_TOKEN_DASH) return 1;
  return lex_at(a, k, NF_LEX_BIT(NF_LEX_VERB)).len > 0;
}

static nf_status add_official(article *a, uint32_t person, uint32_t ti, uint32_t start,
                              uint32_t end) {
  title *t = &a->titles[ti];
  for (size_t o = 0; o < a->nofficials; o++) {
    official *of = &a->officials[o];
    if (of->person != person || strcmp(off_norm_of(a, &a->titles[of->title]), off_norm_of(a, t)))
      continue;
    if (!of->country[0] && t->country[0]) memcpy(of->country, t->country, 4);
    if (of->org_title == NONE && t->org_end) of->org_title = ti;
    t->official = (uint32_t)o;
    return NF_OK;
  }
  if (NF_GROW(a->officials, a->cap_officials, a->nofficials + 1) != NF_OK) return NF_ERR_NOMEM;
  official *of = &a->officials[a->nofficials];
  memset(of, 0, sizeof *of);
  of->person = person;
  of->title = ti;
  of->start = start;
  of->end = end;
  memcpy(of->country, t->country, 4);
  of->org_title = t->org_end ? ti : NONE;
  t->official = (uint32_t)a->nofficials++;
  return NF_OK;
}

static const char *head_of(const char *norm) {
  const char *sp = strrchr(norm, ' ');
  return sp ? sp + 1 : norm;
}

/* A title without a name: the official named before it, when exactly one
 * person fits (same title, else same head; same country and org if said). */
static void link_bare_title(article *a, uint32_t ti) {
  title *t = &a->titles[ti];
  const char *norm = off_norm_of(a, t);
  for (int by_head = 0; by_head < 2; by_head++) {
    uint32_t found = NONE;
    int ambiguous = 0;
    for (size_t o = 0; o < a->nofficials; o++) {
      const official *of = &a->officials[o];
      const title *ot = &a->titles[of->title];
      if (ot->begin >= t->begin) continue;
      const char *on = off_norm_of(a, ot);
      if (by_head ? strcmp(head_of(on), head_of(norm)) != 0 : strcmp(on, norm) != 0) continue;
      if (t->country[0] && of->country[0] && strcmp(t->country, of->country)) continue;
      if (found != NONE && a->officials[found].person != of->person) ambiguous = 1;
      if (found == NONE) found = (uint32_t)o;
    }
    if (ambiguous) return;
    if (found != NONE) {
      t->official = found;
      return;
    }
  }
}

static nf_status link_titles(article *a) {
  nf_status s = NF_OK;
  for (uint32_t ti = 0; ti < a->ntitles && s == NF_OK; ti++) {
    title *t = &a->titles[ti];
    uint32_t tstart = a->toks.v[t->begin].start, tend = a->toks.v[t->end - 1].end;
    const nf_person_mention *m = nf_people_mention_at(&a->people, t->end);
    if (m) { /* "Defense Minister Arvydas Anusauskas" */
      s = add_official(a, m->person, ti, tstart, a->toks.v[m->tok_end - 1].end);
      continue;
    }
    /* "Gabrielius Landsbergis, Lithuania's foreign minister," */
    size_t k = t->begin;
    while (k > 0 && is_determiner(a, k - 1)) k--;
    if (k > 0 && nf_tok_is(&a->toks, k - 1, ",") && apposition_ends(a, t->end)) {
      m = mention_ending(a, k - 1);
      if (m) {
        s = add_official(a, m->person, ti, a->toks.v[m->tok_begin].start, tend);
        continue;
      }
    }
    /* "the foreign minister, Gabrielius Landsbergis,", "Saudi Arabia's
     * energy minister, Prince Abdulaziz bin Salman," */
    if (nf_tok_is(&a->toks, t->end, ",")) {
      size_t k = t->end + 1;
      for (size_t n = ti + 1; n < a->ntitles && a->titles[n].begin <= k; n++)
        if (a->titles[n].begin == k) k = a->titles[n].end;
      if (k < a->toks.n && nf_lexicon_match(a->lex, a->t, k, NF_LEX_BIT(NF_LEX_HONORIFIC)).len == 1)
        k++;
      m = nf_people_mention_at(&a->people, k);
      if (m && apposition_ends(a, m->tok_end)) {
        s = add_official(a, m->person, ti, tstart, a->toks.v[m->tok_end - 1].end);
        continue;
      }
    }
    link_bare_title(a, ti);
  }
  return s;
}

/* The country of the article's dateline ("VILNIUS, Dec 20 (Reuters) -"),
 * as the dateline analyzer wrote it in the record: where an office with no
 * country of its own is most likely to be. */
static void find_context_country(article *a, nf_analysis *an) {
  a->dominant[0] = '\0';
  json_t *dl = json_object_get(nf_record_json(nf_analysis_record(an)), "dateline");
  const char *code = json_string_value(json_object_get(dl, "country"));
  if (code && strlen(code) == 2) snprintf(a->dominant, sizeof a->dominant, "%s", code);
}

static nf_status read_countries(article *a, nf_analysis *an) {
  size_t n;
  const nf_result *r = nf_analysis_results(an, &n);
  for (size_t i = 0; i < a->toks.n; i++) a->country_at[i] = NONE;
  size_t count = 0;
  for (size_t i = 0; i < n; i++) count += strcmp(r[i].type, "country") == 0;
  a->countries = count ? malloc(count * sizeof *a->countries) : NULL;
  if (count && !a->countries) return NF_ERR_NOMEM;
  for (size_t i = 0; i < n; i++) {
    if (strcmp(r[i].type, "country") != 0 || !r[i].value) continue;
    size_t b, e;
    if (!nf_tokens_of_span(&a->toks, r[i].start, r[i].end, &b, &e)) continue;
    country_tok *c = &a->countries[a->ncountries];
    c->begin = (uint32_t)b;
    c->end = (uint32_t)e;
    snprintf(c->code, sizeof c->code, "%s", r[i].value);
    for (size_t k = b; k < e; k++) {
      a->country_at[k] = (uint32_t)a->ncountries;
      a->marks[k] |= NF_PM_COUNTRY;
    }
    a->ncountries++;
  }
  return NF_OK;
}

/* ---- output ---------------------------------------------------------------- */

static nf_status emit(nf_analysis *an, const char *type, uint32_t start, uint32_t end,
                      const char *value, const char *label, uint32_t ref, uint32_t flags,
                      uint32_t *index) {
  nf_result r = {type, start, end, value, label, ref, flags};
  return nf_analysis_emit(an, &r, index);
}

static nf_status add_value_once(nf_record *rec, json_t *seen, const char *source,
                                const char *value) {
  char key[512];
  snprintf(key, sizeof key, "%s\x1f%s", source, value);
  if (json_object_get(seen, key)) return NF_OK;
  if (json_object_set_new(seen, key, json_true())) return NF_ERR_NOMEM;
  return nf_record_add_value(rec, source, value, strlen(value));
}

static nf_status write_output(article *a, nf_analysis *an) {
  nf_record *rec = nf_analysis_record(an);
  nf_buf names = NF_BUF_INIT; /* each person's name, NUL-separated */
  size_t np = a->people.npersons;
  uint32_t *name_at = np ? malloc(np * sizeof *name_at) : NULL;
  uint32_t *first_result = np ? malloc(np * sizeof *first_result) : NULL;
  uint32_t *official_result =
      a->nofficials ? malloc(a->nofficials * sizeof *official_result) : NULL;
  json_t *list = json_array(), *seen = json_object();
  nf_status s =
      (np && (!name_at || !first_result)) || (a->nofficials && !official_result) || !list || !seen
          ? NF_ERR_NOMEM
          : NF_OK;
  for (size_t p = 0; s == NF_OK && p < np; p++) {
    uint32_t st, en;
    nf_person_span(&a->people, a->t, p, &st, &en);
    name_at[p] = (uint32_t)names.len;
    s = nf_buf_append(&names, a->toks.bytes + st, en - st);
    if (s == NF_OK) s = nf_buf_append_char(&names, '\0');
    first_result[p] = NONE;
  }
  /* persons */
  for (size_t m = 0; s == NF_OK && m < a->people.nmentions; m++) {
    const nf_person_mention *pm = &a->people.mentions[m];
    char label[256];
    uint32_t st = a->toks.v[pm->tok_begin].start, en = a->toks.v[pm->tok_end - 1].end;
    snprintf(label, sizeof label, "%.*s", (int)(en - st), a->toks.bytes + st);
    uint32_t idx;
    s = emit(an, "person", st, en, names.data + name_at[pm->person], label,
             first_result[pm->person], a->people.persons[pm->person].gender, &idx);
    if (first_result[pm->person] == NONE) first_result[pm->person] = idx;
  }
  /* officials */
  for (size_t o = 0; s == NF_OK && o < a->nofficials; o++) {
    const official *of = &a->officials[o];
    const title *t = &a->titles[of->title];
    const char *person = names.data + name_at[of->person];
    const char *country = of->country[0] ? of->country : NULL;
    if (!country && of->org_title == NONE && a->dominant[0]) country = a->dominant;
    char org[256] = "";
    if (of->org_title != NONE) {
      const title *ot = &a->titles[of->org_title];
      uint32_t st = a->toks.v[ot->org_begin].start, en = a->toks.v[ot->org_end - 1].end;
      snprintf(org, sizeof org, "%.*s", (int)(en - st), a->toks.bytes + st);
    }
    s = emit(an, "official", of->start, of->end, off_norm_of(a, t), person,
             first_result[of->person], 0, &official_result[o]);
    if (s == NF_OK && country)
      s = emit(an, "official_country", of->start, of->end, country, person, official_result[o], 0,
               NULL);
    if (s == NF_OK && org[0])
      s = emit(an, "official_org", of->start, of->end, org, person, official_result[o], 0, NULL);
    if (s != NF_OK || (t->head_flags & NF_LEX_ROLE)) continue;
    json_t *span = json_pack("[i,i]", (int)of->start, (int)of->end);
    json_t *obj = json_pack("{s:s,s:s,s:s?,s:s?,s:o}", "person", person, "title", off_norm_of(a, t),
                            "country", country, "org", org[0] ? org : NULL, "span", span);
    if (!obj || json_array_append_new(list, obj)) s = NF_ERR_NOMEM;
    if (s == NF_OK) s = add_value_once(rec, seen, "officials", person);
    if (s == NF_OK) s = add_value_once(rec, seen, "titles", off_norm_of(a, t));
    if (s == NF_OK && country) s = add_value_once(rec, seen, "official_countries", country);
  }
  /* every title mention */
  for (size_t ti = 0; s == NF_OK && ti < a->ntitles; ti++) {
    const title *t = &a->titles[ti];
    const char *person = NULL;
    uint32_t ref = NF_NO_REF;
    if (t->official != NONE) {
      person = names.data + name_at[a->officials[t->official].person];
      ref = official_result[t->official];
    }
    s = emit(an, "title", a->toks.v[t->begin].start, a->toks.v[t->end - 1].end, off_norm_of(a, t),
             person, ref, t->head_flags, NULL);
  }
  if (s == NF_OK && json_object_set_new(nf_record_json(rec), "officials", list))
    s = NF_ERR_NOMEM;
  else if (s != NF_OK)
    json_decref(list);
  json_decref(seen);
  free(name_at);
  free(first_result);
  free(official_result);
  nf_buf_free(&names);
  return s;
}

static void article_free(article *a) {
  free(a->marks);
  free(a->country_at);
  free(a->countries);
  free(a->titles);
  free(a->officials);
  nf_buf_free(&a->norms);
  nf_people_free(&a->people);
}

static nf_status analyze(const void *instance, nf_analysis *an, nf_error *err) {
  article a;
  memset(&a, 0, sizeof a);
  a.lex = instance;
  a.t = nf_analysis_text(an);
  a.toks = nf_toks_of(a.t); /* the record keeps the bytes in place */
  nf_people_init(&a.people);
  a.marks = calloc(a.toks.n + 1, 1);
  a.country_at = malloc((a.toks.n + 1) * sizeof *a.country_at);
  nf_status s = a.marks && a.country_at ? NF_OK : NF_ERR_NOMEM;
  if (s == NF_OK) s = read_countries(&a, an);
  if (s == NF_OK) s = off_find_titles(&a);
  if (s == NF_OK) s = nf_people_find(&a.people, a.lex, a.t, a.marks);
  if (s == NF_OK) s = link_titles(&a);
  if (s == NF_OK) {
    find_context_country(&a, an);
    s = write_output(&a, an);
  }
  article_free(&a);
  if (s == NF_ERR_NOMEM) return nf_error_set(err, s, "out of memory");
  return s;
}

const nf_analyzer_v1 nf_official_analyzer = {
    NF_ANALYZER_ABI,
    "official",
    "People who hold a title, with the normalised title, country and organisation",
    nf_lexicon_analyzer_create,
    nf_lexicon_analyzer_destroy,
    analyze,
};
