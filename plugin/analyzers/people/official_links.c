/* The official analyzer: a title tied to the person it names, in every
 * order news copy writes it: "Defense Minister Arvydas Anusauskas",
 * "Gabrielius Landsbergis, Lithuania's foreign minister,", "the foreign
 * minister, Gabrielius Landsbergis,", "Robert Thomas, economist at Greenwell
 * Montagu", "Carlos Dominguez, 41, was made agriculture secretary", "elected
 * Charles Hinckley chairman"; a title without a name goes to the one official
 * it can mean. */
#include <stdlib.h>
#include <string.h>

#include "analysis/tokens.h"
#include "core/grow.h"
#include "official_internal.h"
#include "person_names.h"

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

/* The rest of a title in apposition: a prepositional complement
 * ("economist at Greenwell Montagu Securities", "chairman of the company")
 * or the end of one the title began ("chairman of the NAPM's business survey
 * committee").  The token where the apposition ends, or t->end when no such
 * phrase ends in one. */
#define NF_COMPLEMENT_MAX 12
static size_t complement_end(const article *a, const title *t) {
  static const char *const preps[] = {"of", "at", "with", "for", "in", "from", NULL};
  size_t end = t->end;
  if (!nf_tok_in(&a->toks, end, preps) && t->end == t->office_end) return end;
  for (size_t k = end; k <= end + NF_COMPLEMENT_MAX && k <= a->toks.n; k++) {
    if (k > end && apposition_ends(a, k)) return k;
    if (k == a->toks.n) break;
    const nf_token *tk = &a->toks.v[k];
    if (k > end && (tk->flags & NF_TOK_PARA_START)) break;
    /* "Chairman of the Federation of Economic Organizations (Keidanren),":
     * a short parenthesis inside the complement */
    if (nf_tok_is(&a->toks, k, "(")) {
      size_t close = k + 1;
      while (close < a->toks.n && close < k + 6 && !nf_tok_is(&a->toks, close, ")") &&
             !nf_tok_is(&a->toks, close, "("))
        close++;
      if (close < a->toks.n && nf_tok_is(&a->toks, close, ")")) {
        k = close;
        continue;
      }
    }
    if (tk->kind != NF_TOKEN_WORD && tk->kind != NF_TOKEN_HYPHEN &&
        tk->kind != NF_TOKEN_APOSTROPHE && tk->kind != NF_TOKEN_NUMBER &&
        !nf_tok_is(&a->toks, k, "&") && !nf_tok_is(&a->toks, k, "."))
      break;
  }
  return end;
}

/* A lower-case word that may describe an office before its head ("a
 * semiconductor analyst", "a widely respected leader"); not a verb, a stop
 * word or anything quoted. */
static int office_modifier(const article *a, size_t i) {
  const nf_token *tk = &a->toks.v[i];
  if (tk->kind != NF_TOKEN_WORD || (tk->flags & (NF_TOK_CAPITALIZED | NF_TOK_IN_QUOTE))) return 0;
  return !lex_at(a, i, NF_LEX_BIT(NF_LEX_STOP) | NF_LEX_BIT(NF_LEX_VERB)).len;
}

/* Where an apposition's title phrase starts: before its determiner and,
 * after one, up to three describing words ("Paul Johnson, a semiconductor
 * analyst with ..."). */
static size_t apposition_start(const article *a, const title *t) {
  size_t k = t->begin, mods = 0;
  while (k > 0 && mods < 3 && office_modifier(a, k - 1)) k--, mods++;
  if (mods && !(k > 0 && is_determiner(a, k - 1))) k = t->begin;
  while (k > 0 && is_determiner(a, k - 1)) k--;
  return k;
}

/* Verbs that give a person an office, or take it away, with the title as
 * their complement: "was named chairman", "elected X chairman", "resigned as
 * president", "was made agriculture secretary". */
static const char *const appointing[] = {
    "named",    "appointed", "elected", "made",     "nominated", "promoted", "chosen",   "picked",
    "name",     "appoint",   "elect",   "nominate", "promote",   "names",    "appoints", "elects",
    "resigned", "retired",   "resigns", "retires",  "resign",    "retire",   "down",     NULL};
/* What may stand between the person and such a verb: "has been", "will". */
static const char *const auxiliaries[] = {"was",   "is",      "has",   "had",   "have",
                                          "been",  "be",      "will",  "would", "to",
                                          "being", "stepped", "steps", "step",  NULL};

/* The mention just before token k, past an age in commas (", 41,"). */
static const nf_person_mention *subject_before(const article *a, size_t k) {
  if (k >= 3 && nf_tok_is(&a->toks, k - 1, ",") && nf_tok_is(&a->toks, k - 3, ",") &&
      a->toks.v[k - 2].kind == NF_TOKEN_NUMBER)
    k -= 3;
  return mention_ending(a, k);
}

/* The person a predicate gives the title t: "Carlos Dominguez, 41, was made
 * agriculture secretary", "Gordon E. Belt has resigned as vice president",
 * "it elected Charles Hinckley chairman", "named John Smith as president". */
static const nf_person_mention *predicate_person(const article *a, const title *t) {
  size_t k = t->begin;
  while (k > 0 && is_determiner(a, k - 1)) k--;
  if (k > 0 && (nf_tok_is(&a->toks, k - 1, "as") || nf_tok_is(&a->toks, k - 1, "to"))) k--;
  /* "elected Charles Hinckley chairman" */
  const nf_person_mention *m = mention_ending(a, k);
  if (m && m->tok_begin > 0 && nf_tok_in(&a->toks, m->tok_begin - 1, appointing) &&
      !nf_tok_is(&a->toks, m->tok_begin - 1, "down"))
    return m;
  /* "X, 41, was named chairman", "X has resigned as president" */
  if (k == 0 || !nf_tok_in(&a->toks, k - 1, appointing)) return NULL;
  k--;
  if (nf_tok_is(&a->toks, k, "down") && !(k > 0 && nf_tok_in(&a->toks, k - 1, auxiliaries)))
    return NULL;
  for (int n = 0; n < 3 && k > 0 && nf_tok_in(&a->toks, k - 1, auxiliaries); n++) k--;
  return subject_before(a, k);
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
  if (t->head_flags & NF_LEX_PLURAL) return; /* "EC Farm Ministers" are several */
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

/* The person named after a "Name of Place" that ends before token k is
 * over, joined by "and" or a comma: "Presidents Ibrahim Babangida of
 * Nigeria and Denis Sassou-Nguesso of Congo". */
static const nf_person_mention *next_in_list(const article *a, size_t k) {
  if (k + 1 < a->toks.n && nf_tok_is(&a->toks, k, "of")) {
    size_t p = k + 1;
    while (p < a->toks.n && p < k + 5 && (a->toks.v[p].flags & NF_TOK_CAPITALIZED)) p++;
    if (p == k + 1) return NULL;
    k = p;
  }
  if (k < a->toks.n && nf_tok_is(&a->toks, k, ",")) k++;
  if (k >= a->toks.n || !nf_tok_is(&a->toks, k, "and")) {
    /* "X, Y and Z": a comma alone joins too, when a name follows */
    if (k == 0 || !nf_tok_is(&a->toks, k - 1, ",")) return NULL;
  } else {
    k++;
  }
  return nf_people_mention_at(&a->people, k);
}

/* A plural title names every person of the list after it. */
static nf_status link_plural(article *a, uint32_t ti, const nf_person_mention *m) {
  nf_status s = NF_OK;
  for (int n = 0; s == NF_OK && n < 8 && m; n++) {
    m = next_in_list(a, m->tok_end);
    if (m)
      s = add_official(a, m->person, ti, a->toks.v[m->tok_begin].start,
                       a->toks.v[m->tok_end - 1].end);
  }
  return s;
}

nf_status off_link_titles(article *a) {
  nf_status s = NF_OK;
  for (uint32_t ti = 0; ti < a->ntitles && s == NF_OK; ti++) {
    title *t = &a->titles[ti];
    uint32_t tstart = a->toks.v[t->begin].start, tend = a->toks.v[t->end - 1].end;
    const nf_person_mention *m = nf_people_mention_at(&a->people, t->end);
    /* "Finance and Petroleum Minister Sheikh Ali Khalifa al-Sabah" */
    if (!m && nf_lexicon_match(a->lex, a->t, t->end, NF_LEX_BIT(NF_LEX_HONORIFIC)).len == 1)
      m = nf_people_mention_at(&a->people, t->end + 1);
    if (m) { /* "Defense Minister Arvydas Anusauskas" */
      s = add_official(a, m->person, ti, tstart, a->toks.v[m->tok_end - 1].end);
      if (t->head_flags & NF_LEX_PLURAL) s = s == NF_OK ? link_plural(a, ti, m) : s;
      continue;
    }
    /* "Gabrielius Landsbergis, Lithuania's foreign minister," */
    size_t k = apposition_start(a, t);
    if (k > 0 && nf_tok_is(&a->toks, k - 1, ",") && apposition_ends(a, complement_end(a, t))) {
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
    m = predicate_person(a, t);
    if (m) { /* the person comes before the title */
      s = add_official(a, m->person, ti, a->toks.v[m->tok_begin].start, tend);
      continue;
    }
    link_bare_title(a, ti);
  }
  return s;
}
