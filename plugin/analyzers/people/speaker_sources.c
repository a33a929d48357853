/* The speaker analyzer: sources, the person or body a cue names ("X said",
 * "said the ministry", "he said", "according to X"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/scratch.h"
#include "analysis/tokens.h"
#include "core/buffer.h"
#include "fields/orgs.h"
#include "speaker_internal.h"

/* ---- reading the earlier analyzers' results ------------------------------------- */

/* The mentions of one type, in the order found, indexed by their first and
 * past-the-end tokens. */
static void read_type(article *a, nf_type type, mention *list, size_t *count, uint32_t *ends,
                      uint32_t *starts) {
  size_t cursor = 0;
  const nf_result *r;
  while ((r = nf_analysis_next(a->an, type, 0, UINT32_MAX, &cursor))) {
    size_t b = r->tok_begin, e = r->tok_end;
    if (!r->value || e <= b) continue;
    mention *m = &list[*count];
    m->begin = (uint32_t)b;
    m->end = (uint32_t)e;
    m->name = r->value;
    m->person = nf_result_attr(r, NF_ATTR_PERSON);
    m->flags = r->flags & NF_RESULT_OWN_FLAGS;
    ends[e] = (uint32_t)*count;
    starts[b] = (uint32_t)*count;
    (*count)++;
  }
}

/* Words that end an organisation's name read backwards ("The Bank"). */
static const char *const org_stops[] = {
    "the",      "a",         "an",        "in",      "on",      "at",        "by",       "for",
    "from",     "with",      "but",       "and",     "or",      "as",        "after",    "before",
    "when",     "while",     "if",        "he",      "she",     "it",        "they",     "we",
    "i",        "his",       "her",       "its",     "their",   "our",       "this",     "that",
    "these",    "those",     "meanwhile", "however", "also",    "still",     "then",     "now",
    "today",    "yesterday", "last",      "monday",  "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",    NULL};

static int capitalised_word(const article *a, size_t k) {
  return k < a->toks.n && a->toks.v[k].kind == NF_TOKEN_WORD &&
         (a->toks.v[k].flags & NF_TOK_CAPITALIZED) && !(a->toks.v[k].flags & NF_TOK_IN_QUOTE);
}

static int legal_form(const article *a, size_t k) {
  return capitalised_word(a, k) && nf_org_is_suffix(a->toks.bytes + a->toks.v[k].start,
                                                    a->toks.v[k].end - a->toks.v[k].start);
}

static int org_word_at(const article *a, size_t k) {
  return capitalised_word(a, k) &&
         lex_at(a, k, NF_LEX_BIT(NF_LEX_ORGWORD) | NF_LEX_BIT(NF_LEX_BODY)).len == 1;
}

/* The organisations the article names in full, outside the dateline (the
 * first SPK_NAMED_ORGS_MAX): a run of capitalised words before a legal form
 * ("Hazleton Laboratories Corp": the name without it), or two or more ending
 * in an organisation word ("Swiss National Bank"). */
static void find_named_orgs(article *a) {
  a->nnamed_orgs = 0;
  for (size_t k = 1; k < a->toks.n && a->nnamed_orgs < SPK_NAMED_ORGS_MAX; k++) {
    int legal = legal_form(a, k), orgword = !legal && org_word_at(a, k);
    if ((!legal && !orgword) || a->toks.v[k].start < a->dateline_end) continue;
    size_t b = k;
    while (b > 0 && b + 6 > k && capitalised_word(a, b - 1) && !legal_form(a, b - 1) &&
           !(a->toks.v[b].flags & NF_TOK_SENT_START))
      b--;
    /* "The Exchange": a sentence's first "The" is no part of the name */
    while (b < k && nf_tok_in(&a->toks, b, org_stops)) b++;
    size_t end = legal ? k : k + 1;
    if (b < k && a->person_at[b] == NONE) {
      a->named_orgs[a->nnamed_orgs].begin = (uint32_t)b;
      a->named_orgs[a->nnamed_orgs++].end = (uint32_t)end;
    }
  }
}

/* The fuller name of the article that [b, e) ends ("the National Bank" of
 * "Swiss National Bank"), or -1. */
static long org_long_form(const article *a, size_t b, size_t e) {
  for (size_t c = a->nnamed_orgs; c-- > 0;) { /* the latest before it */
    size_t cb = a->named_orgs[c].begin, ce = a->named_orgs[c].end, n = 0;
    if (ce - cb <= e - b || ce > b) continue;
    while (n < e - b &&
           !strcmp(nf_tok_fold(&a->toks, e - 1 - n), nf_tok_fold(&a->toks, ce - 1 - n)))
      n++;
    if (n == e - b) return (long)c;
  }
  return -1;
}

/* The organisation named in full that [b, e) begins ("Banner" of "Banner
 * Industries Inc"), or -1. */
static long org_short_form(const article *a, size_t b, size_t e) {
  for (size_t c = 0; c < a->nnamed_orgs; c++) {
    size_t cb = a->named_orgs[c].begin, ce = a->named_orgs[c].end, n = 0;
    if (cb == b) continue;
    while (b + n < e && cb + n < ce &&
           !strcmp(nf_tok_fold(&a->toks, b + n), nf_tok_fold(&a->toks, cb + n)))
      n++;
    if (b + n == e) return (long)c;
  }
  return -1;
}

nf_status spk_read_mentions(article *a, nf_analysis *an) {
  size_t np = nf_analysis_count_of(an, NF_TYPE_PERSON);
  size_t nt = nf_analysis_count_of(an, NF_TYPE_TITLE);
  size_t nc = nf_analysis_count_of(an, NF_TYPE_COUNTRY);
  NF_SCRATCH_ROOM(&a->kept[SPK_KEPT_PERSONS], np + 1, a->persons);
  NF_SCRATCH_ROOM(&a->kept[SPK_KEPT_TITLES], nt + 1, a->titles);
  NF_SCRATCH_ROOM(&a->kept[SPK_KEPT_COUNTRIES], nc + 1, a->countries);
  size_t n = a->toks.n + 1;
  NF_SCRATCH_ROOM(&a->kept[SPK_KEPT_TOKEN_MAPS], 6 * n, a->person_end);
  if (!a->persons || !a->titles || !a->countries || !a->person_end) return NF_ERR_NOMEM;
  a->title_end = a->person_end + n;
  a->country_end = a->title_end + n;
  a->person_at = a->country_end + n;
  a->title_at = a->person_at + n;
  a->country_at = a->title_at + n;
  for (size_t i = 0; i < 6 * n; i++) a->person_end[i] = NONE;
  read_type(a, NF_TYPE_PERSON, a->persons, &a->npersons, a->person_end, a->person_at);
  read_type(a, NF_TYPE_TITLE, a->titles, &a->ntitles, a->title_end, a->title_at);
  read_type(a, NF_TYPE_COUNTRY, a->countries, &a->ncountries, a->country_end, a->country_at);
  find_named_orgs(a);
  return NF_OK;
}

/* The country of a person the official analyzer names, or NULL. */
static const char *person_country(const article *a, const char *name) {
  size_t cursor = 0;
  const nf_result *r;
  while ((r = nf_analysis_next(a->an, NF_TYPE_OFFICIAL, 0, UINT32_MAX, &cursor))) {
    const char *country = nf_result_attr(r, NF_ATTR_COUNTRY);
    if (country && r->value && strcmp(r->value, name) == 0) return country;
  }
  return NULL;
}

/* ---- sources -------------------------------------------------------------------- */

void spk_person_source(const article *a, const mention *m, source *s) {
  s->kind = SRC_PERSON;
  s->begin = m->begin;
  s->end = m->end;
  set_name(s, m->name, strlen(m->name));
  const char *c = person_country(a, m->name);
  snprintf(s->country, sizeof s->country, "%s", c ? c : "");
}

/* 1 when the mention is a sentence's subject: it starts the sentence, or
 * follows only an opening word ("But", "However,"). */
static int subject_position(const article *a, const mention *m) {
  size_t b = m->begin;
  if (a->title_end[b] != NONE) b = a->titles[a->title_end[b]].begin;
  if (b > 0 && spk_article(a, b - 1)) b--;
  for (size_t k = b, words = 0; k-- > 0 && words < 2;) {
    if (a->toks.v[k + 1].flags & NF_TOK_SENT_START) return 1;
    if (a->toks.v[k].kind == NF_TOKEN_WORD) words++;
  }
  return (a->toks.v[b].flags & NF_TOK_SENT_START) != 0;
}

/* The person of the last speech cue before token `before`, when its source
 * is a person whose gender fits; NULL if none. */
static const mention *last_speaker(const article *a, size_t before, int gender) {
  for (size_t c = a->ncues; c-- > 0;) {
    const cue *q = &a->cues[c];
    if (q->end > before) continue;
    if (q->src.kind != SRC_PERSON) return NULL;
    for (size_t p = a->npersons; p-- > 0;) {
      const mention *m = &a->persons[p];
      if (m->end > before || strcmp(m->name, q->src.name) != 0) continue;
      if (gender && m->flags && (int)m->flags != gender) return NULL;
      return m;
    }
    return NULL;
  }
  return NULL;
}

/* The most recent person mentioned before token `before` whose gender fits
 * (or the last speaker, see below). */
int spk_resolve_pronoun(const article *a, size_t before, int gender, source *s) {
  for (size_t k = a->npersons; k-- > 0;) {
    const mention *m = &a->persons[k];
    if (m->end > before) continue;
    if (a->toks.v[m->begin].flags & NF_TOK_IN_QUOTE) continue;
    /* "By Jonathan Lynn, Reuters FRANKFURT, March 23 -": the writer is no
     * one the story's "he" can mean */
    if (a->toks.v[m->begin].start < a->dateline_end) continue;
    if (gender && m->flags && (int)m->flags != gender) continue;
    /* "Mr. Obama said, not needing to name its author, Muhammad Ali, ...
     * African-Americans, he said": a person named since the last speaker,
     * but not as a sentence's subject, does not take the speaker's "he" */
    const mention *last = subject_position(a, m) ? NULL : last_speaker(a, before, gender);
    spk_person_source(a, last && strcmp(last->name, m->name) != 0 ? last : m, s);
    return 1;
  }
  return 0;
}

static const char *head_word(const char *norm) {
  const char *sp = strrchr(norm, ' ');
  return sp ? sp + 1 : norm;
}

/* "the minister": the most recent title linked to a person with that head. */
static int resolve_description(const article *a, const mention *t, source *s) {
  const char *head = head_word(t->name);
  for (size_t k = a->ntitles; k-- > 0;) {
    const mention *o = &a->titles[k];
    if (o->end > t->begin || !o->person) continue;
    if (strcmp(head_word(o->name), head) != 0) continue;
    for (size_t p = a->npersons; p-- > 0;)
      if (a->persons[p].end <= t->begin && strcmp(a->persons[p].name, o->person) == 0) {
        spk_person_source(a, &a->persons[p], s);
        return 1;
      }
  }
  return 0;
}

static int is_body_noun(const article *a, size_t i, size_t *len) {
  nf_lex_match m = lex_at(a, i, NF_LEX_BIT(NF_LEX_BODY));
  *len = m.len;
  return m.len > 0;
}

/* A body noun phrase ending at token e - 1: back over its modifiers
 * ("Lithuanian defense ministry", "Egypt's foreign ministry"). */
static int body_before(const article *a, size_t e, source *s) {
  /* the body noun may be one or two words */
  size_t nb = 0, len = 0;
  for (size_t back = 1; back <= 2 && back <= e; back++)
    if (is_body_noun(a, e - back, &len) && len == back) nb = back;
  if (!nb) return 0;
  size_t b = e - nb;
  int spk_named = 0;
  char country[4] = "";
  while (b > 0) {
    size_t k = b - 1;
    const nf_token *tk = &a->toks.v[k];
    if (a->country_end[b] != NONE) {
      const mention *c = &a->countries[a->country_end[b]];
      snprintf(country, sizeof country, "%s", c->name);
      spk_named = 1;
      b = c->begin;
      continue;
    }
    if ((tk->flags & NF_TOK_POSSESSIVE) && k > 0 && a->country_end[k] != NONE) {
      b = k;
      continue;
    }
    /* "Trump's campaign", "the company's board" */
    if ((tk->flags & NF_TOK_POSSESSIVE) && k > 0 && a->person_end[k] != NONE) {
      b = a->persons[a->person_end[k]].begin;
      spk_named = 1;
      break;
    }
    if (tk->kind != NF_TOKEN_WORD || (tk->flags & NF_TOK_IN_QUOTE)) break;
    if (lex_at(a, k, NF_LEX_BIT(NF_LEX_DOMAIN) | NF_LEX_BIT(NF_LEX_ORG)).len ||
        ((tk->flags & NF_TOK_CAPITALIZED) && !(tk->flags & NF_TOK_SENT_START) &&
         !lex_at(a, k, NF_LEX_BIT(NF_LEX_STOP)).len)) {
      if (tk->flags & NF_TOK_CAPITALIZED) spk_named = 1;
      b = k;
      continue;
    }
    break;
  }
  s->kind = spk_named ? SRC_BODY : SRC_UNNAMED;
  s->begin = (uint32_t)b;
  s->end = (uint32_t)e;
  if (!spk_named && b > 0 && nf_tok_is(&a->toks, b - 1, "the")) s->begin = (uint32_t)(b - 1);
  set_text(a, s, s->begin, e);
  snprintf(s->country, sizeof s->country, "%s", country);
  return 1;
}

/* A proper name of an organisation ending at token e - 1: "the Bank of
 * England", "NATO", "Reuters". */
static int org_before(const article *a, size_t e, source *s) {
  /* "Merrill Lynch and Co Inc <MER> said": past the ticker */
  if (e > 3 && nf_tok_is(&a->toks, e - 1, ">"))
    for (size_t k = e - 2; k + 5 > e && k > 0; k--)
      if (nf_tok_is(&a->toks, k, "<")) {
        e = k;
        break;
      }
  size_t b = e;
  int orgish = 0;
  while (b > 0) {
    size_t k = b - 1;
    const nf_token *tk = &a->toks.v[k];
    /* "PARIS, Aug 31 (Reuters) -", "NEW YORK, Feb 26 -": a dateline names no one */
    if (tk->start < a->dateline_end ||
        ((tk->flags & NF_TOK_PARA_START) && (tk->flags & NF_TOK_ALL_CAPS) &&
         nf_tok_punct(&a->toks, k + 1, ",")))
      break;
    /* "Standard and Poor's Corp", "Moody's Investors Service": the
     * possessive inside a name */
    if (k > 0 && (tk->flags & NF_TOK_POSSESSIVE) && !(tk->flags & NF_TOK_SPACE_BEFORE) &&
        !(tk->flags & NF_TOK_CAPITALIZED) && (a->toks.v[k - 1].flags & NF_TOK_CAPITALIZED)) {
      b = k;
      continue;
    }
    if (tk->kind == NF_TOKEN_WORD && (tk->flags & NF_TOK_CAPITALIZED) &&
        !(tk->flags & NF_TOK_IN_QUOTE) && a->person_end[k + 1] == NONE) {
      int named_org = lex_at(a, k,
                             NF_LEX_BIT(NF_LEX_ORGWORD) | NF_LEX_BIT(NF_LEX_ORG) |
                                 NF_LEX_BIT(NF_LEX_AGENCY) | NF_LEX_BIT(NF_LEX_ORGANISATION))
                              .len > 0 ||
                      nf_org_is_suffix(a->toks.bytes + tk->start, tk->end - tk->start);
      if (named_org || ((tk->flags & NF_TOK_ALL_CAPS) && tk->end - tk->start > 1)) orgish = 1;
      if (!named_org && nf_tok_in(&a->toks, k, org_stops)) break;
      b = k;
      continue;
    }
    if ((nf_tok_is(&a->toks, k, "of") || nf_tok_is(&a->toks, k, "for") ||
         nf_tok_is(&a->toks, k, "and")) &&
        b < e && k > 0 && (a->toks.v[k - 1].flags & NF_TOK_CAPITALIZED)) {
      b = k;
      continue;
    }
    break;
  }
  while (b < e && a->toks.v[b].kind != NF_TOKEN_WORD) b++;
  long full = b < e && !orgish ? org_short_form(a, b, e) : -1;
  if (b >= e || (!orgish && full < 0)) return 0;
  if (nf_tok_is(&a->toks, b, "of") || nf_tok_is(&a->toks, b, "and")) return 0;
  /* "Corp", "AS" ("As previously announced"): a legal form alone names no one */
  int named = 0;
  for (size_t k = b; k < e && !named; k++)
    named = a->toks.v[k].kind == NF_TOKEN_WORD &&
            !nf_org_is_suffix(a->toks.bytes + a->toks.v[k].start,
                              a->toks.v[k].end - a->toks.v[k].start);
  if (!named) return 0;
  s->kind = SRC_BODY;
  s->begin = (uint32_t)b;
  s->end = (uint32_t)e;
  /* "Banner said" is Banner Industries: the full name */
  if (full >= 0)
    set_text(a, s, a->named_orgs[full].begin, a->named_orgs[full].end);
  else
    set_text(a, s, b, e);
  s->country[0] = '\0';
  for (size_t k = b; k < e; k++)
    if (a->country_at[k] != NONE) {
      snprintf(s->country, sizeof s->country, "%s", a->countries[a->country_at[k]].name);
      break;
    }
  return 1;
}

/* A body noun phrase that may end a longer name: "Valley Federal Savings
 * and Loan Association" is one name, not "Loan Association". */
static int body_before_name(const article *a, size_t e, source *s) {
  if (!body_before(a, e, s)) return 0;
  size_t b = s->begin;
  static const char *const joins[] = {"and", "of", "&", NULL};
  if (b < 2 || !nf_tok_in(&a->toks, b - 1, joins) || !capitalised_word(a, b - 2)) return 1;
  source longer;
  memset(&longer, 0, sizeof longer);
  if (org_before(a, e, &longer) && longer.begin < b) *s = longer;
  return 1;
}

/* The article's person whose fullest name or surname is the words of
 * tokens [b, e) ("Yeutter" for Clayton Yeutter), or NULL. */
static const mention *person_named(const article *a, size_t b, size_t e) {
  for (size_t k = b; k < e; k++)
    if (a->toks.v[k].kind != NF_TOKEN_WORD || !(a->toks.v[k].flags & NF_TOK_CAPITALIZED))
      return NULL;
  const char *w = a->toks.bytes + a->toks.v[b].start;
  size_t n = a->toks.v[e - 1].end - a->toks.v[b].start;
  for (size_t p = 0; p < a->npersons; p++) {
    const char *name = a->persons[p].name;
    size_t len = strlen(name);
    if (len >= n && memcmp(name + len - n, w, n) == 0 && (len == n || name[len - n - 1] == ' '))
      return &a->persons[p];
  }
  return NULL;
}

/* An unnamed office holder speaks for the body the title names: "a Twitter
 * spokesman" for Twitter, "a Chinese foreign ministry spokesman" for the
 * Chinese foreign ministry. */
static int title_body(const article *a, const mention *t, source *s) {
  size_t b = t->begin, e = t->end;
  /* "a spokesman for Yeutter said": a person's spokesman speaks for him */
  for (size_t k = b + 1; k + 1 < e; k++) {
    if (!nf_tok_is(&a->toks, k, "for")) continue;
    const mention *p = person_named(a, k + 1, e);
    if (p) {
      spk_person_source(a, p, s);
      return 1;
    }
  }
  for (size_t k = e; k-- > b;) {
    nf_lex_match m = lex_at(a, k, NF_LEX_BIT(NF_LEX_BODY));
    if (m.len && k + m.len <= e && !(m.flags & NF_LEX_PLURAL)) {
      int spk_named = 0;
      s->country[0] = '\0';
      /* "a spokesman for the National Federation of Banks": the body is
       * what follows the preposition, to the title's end */
      static const char *const preps[] = {"of", "for", "at", "with", NULL};
      size_t end = k + m.len;
      for (size_t j = t->begin; j < k; j++)
        if (nf_tok_in(&a->toks, j, preps)) b = j + 1;
      while (b < k && spk_article(a, b)) b++;
      if (b > t->begin)
        while (end < e &&
               (capitalised_word(a, end) ||
                (end + 1 < e && nf_tok_in(&a->toks, end, preps) && capitalised_word(a, end + 1))))
          end++;
      for (size_t j = b; j < end; j++) {
        if (a->toks.v[j].flags & NF_TOK_CAPITALIZED) spk_named = 1;
        if (a->country_at[j] != NONE && !s->country[0])
          snprintf(s->country, sizeof s->country, "%s", a->countries[a->country_at[j]].name);
      }
      if (!spk_named) return 0;
      s->kind = SRC_BODY;
      s->begin = (uint32_t)b;
      s->end = (uint32_t)end;
      set_text(a, s, b, end);
      return 1;
    }
  }
  /* an organisation's name: capitalised words that are no title words */
  size_t ob = e, oe = e;
  for (size_t k = b; k < e; k++) {
    const nf_token *tk = &a->toks.v[k];
    int org = tk->kind == NF_TOKEN_WORD && (tk->flags & NF_TOK_CAPITALIZED) &&
              a->country_at[k] == NONE && !lex_at(a, k, NF_LEX_TITLE_WORDS).len;
    if (org && ob == e) ob = k;
    if (org)
      oe = k + 1;
    else if (ob != e)
      break;
  }
  if (ob == e) return 0;
  s->kind = SRC_BODY;
  s->begin = (uint32_t)ob;
  s->end = (uint32_t)oe;
  set_text(a, s, ob, oe);
  s->country[0] = '\0';
  return 1;
}

/* NF_GENDER_MALE for "he", NF_GENDER_FEMALE for "she", else 0. */
int spk_pronoun_gender(const article *a, size_t k) {
  if (nf_tok_is(&a->toks, k, "he")) return NF_GENDER_MALE;
  if (nf_tok_is(&a->toks, k, "she")) return NF_GENDER_FEMALE;
  return 0;
}
static const char *const relatives[] = {"who", "which", NULL};

/* The source whose words end at token e - 1 (a subject before its verb). */
/* A lower-case word ending in "ed": "polled", "contacted", "surveyed". */
static int ends_in_ed(const article *a, size_t k) {
  const nf_token *tk = &a->toks.v[k];
  return tk->kind == NF_TOKEN_WORD && (tk->flags & NF_TOK_LOWER) && spk_ends_in(a, k, "ed");
}

int spk_source_before(const article *a, size_t e, size_t cue_at, int depth, source *s) {
  memset(s, 0, sizeof *s);
  if (e == 0 || depth > 2) return 0;
  size_t k = e - 1;
  if (a->toks.v[k].flags & NF_TOK_IN_QUOTE) return 0;
  if (spk_paren_open(a, k) != NONE)
    return spk_source_before(a, spk_paren_open(a, k), cue_at, depth, s);
  if (a->person_end[e] != NONE) {
    const mention *p = &a->persons[a->person_end[e]];
    /* "aides to Gov. Chris Christie said": the aides speak, unnamed */
    size_t b = p->begin;
    if (b > 0 && a->title_end[b] != NONE) b = a->titles[a->title_end[b]].begin;
    /* and the organisation's name before the title: "House Speaker" */
    for (size_t n = 0; n < 4 && b > 1 && a->toks.v[b - 1].kind == NF_TOKEN_WORD &&
                       (a->toks.v[b - 1].flags & NF_TOK_CAPITALIZED) &&
                       !(a->toks.v[b - 1].flags & NF_TOK_SENT_START);
         n++)
      b--;
    static const char *const preps[] = {"to", "of", "for", NULL};
    if (b >= 2 && nf_tok_in(&a->toks, b - 1, preps)) {
      nf_lex_match m = lex_at(a, b - 2, NF_LEX_BIT(NF_LEX_BODY));
      if (m.len == 1 && (m.flags & NF_LEX_PLURAL)) {
        s->kind = SRC_UNNAMED;
        s->begin = (uint32_t)(b - 2);
        s->end = (uint32_t)e;
        return 1;
      }
      /* "a spokesman for House Speaker Paul Ryan said": the spokesman speaks,
       * the person before the comma when named ("Doug Andres, a spokesman
       * for ...") */
      if (b >= 4 && lex_at(a, b - 2, NF_LEX_BIT(NF_LEX_HEAD)).len == 1 && spk_article(a, b - 3)) {
        if (nf_tok_punct(&a->toks, b - 4, ",") && a->person_end[b - 4] != NONE) {
          spk_person_source(a, &a->persons[a->person_end[b - 4]], s);
          return 1;
        }
        s->kind = SRC_UNNAMED;
        s->begin = (uint32_t)(b - 3);
        s->end = (uint32_t)e;
        return 1;
      }
    }
    spk_person_source(a, p, s);
    return 1;
  }
  if (a->title_end[e] != NONE) {
    const mention *t = &a->titles[a->title_end[e]];
    if (t->person) {
      /* the words naming the person: the name beside the title ("Gabrielius
       * Landsbergis, Lithuania's foreign minister,"), else the title */
      const mention *best = NULL;
      for (size_t p = a->npersons; p-- > 0;) {
        const mention *m = &a->persons[p];
        if (strcmp(m->name, t->person) != 0) continue;
        if (!best) best = m;
        if ((m->end <= t->begin && m->end + 4 > t->begin) ||
            (m->begin >= t->end && m->begin < t->end + 3)) {
          best = m;
          break;
        }
      }
      if (best) {
        spk_person_source(a, best, s);
        if (!((best->end <= t->begin && best->end + 4 > t->begin) ||
              (best->begin >= t->end && best->begin < t->end + 3))) {
          s->begin = t->begin;
          s->end = t->end;
        }
        return 1;
      }
    }
    if (t->begin > 0 && nf_tok_is(&a->toks, t->begin - 1, "the") && resolve_description(a, t, s)) {
      s->begin = t->begin - 1;
      s->end = t->end;
      return 1;
    }
    if (title_body(a, t, s)) return 1;
    /* "Prices rose, a ministry spokesman said": someone unnamed spoke; the
     * quotation is kept, with no speaker */
    s->kind = SRC_UNNAMED;
    /* back over the words that describe it: "a senior ministry spokesman" */
    size_t b = t->begin;
    while (b > 0 && b + 4 > t->begin && a->toks.v[b - 1].kind == NF_TOKEN_WORD &&
           !(a->toks.v[b - 1].flags & NF_TOK_IN_QUOTE) &&
           !lex_at(a, b - 1, NF_LEX_BIT(NF_LEX_VERB)).len &&
           !(a->toks.v[b].flags & NF_TOK_SENT_START))
      b--;
    if (b < t->begin && !spk_article(a, b) && !(a->toks.v[b].flags & NF_TOK_SENT_START))
      b = t->begin - (t->begin > 0 && spk_article(a, t->begin - 1));
    s->begin = (uint32_t)b;
    s->end = t->end;
    set_text(a, s, s->begin, s->end);
    s->country[0] = '\0';
    return 1;
  }
  if (spk_pronoun_gender(a, k)) {
    int gender = spk_pronoun_gender(a, k);
    if (!spk_resolve_pronoun(a, k, gender, s)) return 0;
    s->begin = (uint32_t)k;
    s->end = (uint32_t)(k + 1);
    return 1;
  }
  /* "It said": the body that spoke last, in this paragraph or the one before */
  if (nf_tok_is(&a->toks, k, "it") && !(a->toks.v[k].flags & NF_TOK_IN_QUOTE)) {
    size_t para = spk_paragraph_of(a, k);
    for (size_t c = a->ncues; c-- > 0;) {
      const cue *cu = &a->cues[c];
      if (cu->begin >= k || (cu->src.kind != SRC_BODY && cu->src.kind != SRC_UNNAMED)) continue;
      if (a->title_end[cu->src.end] != NONE) continue; /* "it" is no spokesman */
      if (spk_paragraph_of(a, cu->begin) + 1 < para) break;
      *s = cu->src;
      s->begin = (uint32_t)k;
      s->end = (uint32_t)(k + 1);
      return 1;
    }
    return 0;
  }
  /* "China, which said", "Trump, who said" */
  if (nf_tok_in(&a->toks, k, relatives) && k > 0 && nf_tok_punct(&a->toks, k - 1, ",")) {
    if (!spk_source_before(a, k - 1, cue_at, depth + 1, s)) return 0;
    return 1;
  }
  /* "X, the Y, said": the appositive closes before the verb */
  if (nf_tok_punct(&a->toks, k, ",") || a->toks.v[k].kind == NF_TOKEN_DASH) {
    /* The closing comma of an appositive or relative clause: the source
     * is spk_named before the first comma of the chain ("Rachel Berg, a
     * philanthropist from Monsey, New York, said"; "Mr. Reid, who
     * represents Nevada, said"): the farthest person, else the farthest
     * spk_named body, else what names it just before the comma. */
    source person, body, nearest;
    memset(&person, 0, sizeof person);
    memset(&body, 0, sizeof body);
    memset(&nearest, 0, sizeof nearest);
    for (size_t p = k + 1; p-- > 0 && p + 30 > k;) {
      if (p < k && a->toks.v[p].kind == NF_TOKEN_QUOTE && (a->toks.v[p].flags & NF_TOK_CLOSE)) {
        /* a short quotation inside the appositive ("wearing “Ted Cruz” pins") */
        size_t o = p;
        while (o > 0 && o + 6 > p &&
               !(a->toks.v[o - 1].kind == NF_TOKEN_QUOTE && (a->toks.v[o - 1].flags & NF_TOK_OPEN)))
          o--;
        if (o == 0 || o + 6 <= p || (a->toks.v[o - 1].flags & NF_TOK_SENT_START)) break;
        p = o - 1;
        continue;
      }
      if (p < k && (a->toks.v[p].flags & NF_TOK_IN_QUOTE)) break;
      if (!(nf_tok_punct(&a->toks, p, ",") || a->toks.v[p].kind == NF_TOKEN_DASH)) {
        if (a->toks.v[p].flags & NF_TOK_SENT_START) break;
        continue;
      }
      if (!spk_source_before(a, p, cue_at, depth + 1, s)) continue;
      if (s->kind == SRC_PERSON) person = *s;
      if (s->kind == SRC_BODY) body = *s;
      if (p == k) nearest = *s;
    }
    *s = person.kind ? person : body.kind ? body : nearest;
    return s->kind != SRC_NONE;
  }
  /* "Senator John Cornyn of Texas" */
  for (size_t p = e, caps = 0; p > 1 && caps < 5; p--) {
    const nf_token *tp = &a->toks.v[p - 1];
    if (nf_tok_punct(&a->toks, p - 1, ",") && caps) continue; /* "of Columbia, South Carolina" */
    if ((nf_tok_is(&a->toks, p - 1, "and") || nf_tok_is(&a->toks, p - 1, "&")) && caps)
      continue; /* "Lewis of Phillips and Drew said" */
    if (tp->kind != NF_TOKEN_WORD || !(tp->flags & NF_TOK_CAPITALIZED)) break;
    caps++;
    if ((nf_tok_is(&a->toks, p - 2, "of") || nf_tok_is(&a->toks, p - 2, "from")) && p > 2 &&
        a->person_end[p - 2] != NONE) {
      spk_person_source(a, &a->persons[a->person_end[p - 2]], s);
      return 1;
    }
  }
  if (body_before_name(a, e, s) || org_before(a, e, s)) {
    /* "Economists polled by Reuters said": the agent of a participle is
     * not the subject; who speaks comes before the participle */
    size_t pb = s->begin;
    if (pb >= 2 && nf_tok_is(&a->toks, pb - 1, "by") && ends_in_ed(a, pb - 2))
      return spk_source_before(a, pb - 2, cue_at, depth + 1, s);
    /* "James Pethokoukis of the American Enterprise Institute wrote" */
    size_t b = s->begin;
    if (b > 0 && nf_tok_is(&a->toks, b - 1, "the")) b--;
    static const char *const preps[] = {"of", "at", "from", "for", "with", NULL};
    if (b > 1 && nf_tok_in(&a->toks, b - 1, preps) && a->person_end[b - 1] != NONE)
      spk_person_source(a, &a->persons[a->person_end[b - 1]], s);
    return 1;
  }
  if (a->country_end[e] != NONE) {
    const mention *c = &a->countries[a->country_end[e]];
    s->kind = SRC_BODY;
    s->begin = c->begin;
    s->end = c->end;
    set_text(a, s, c->begin, c->end);
    snprintf(s->country, sizeof s->country, "%s", c->name);
    return 1;
  }
  /* just before the verb, not a name inside an appositive's chain */
  return depth == 0 && spk_publisher_before(a, e, cue_at, s);
}

static int spk_np_source_after(const article *a, size_t b, size_t k, int any, source *s);
static int source_after(const article *a, size_t b, int any, source *s);

/* "said another Twitter user, Johanna Bayer.", "said a former spokesman for
 * Ukraine's Foreign Ministry, Oleg Voloshyn, who ...": a name in apposition
 * after a description of no person is who speaks.  The description's words
 * run to the first comma, with no verb and no quotation. */
static int appositive_person(const article *a, size_t from, source *s) {
  /* words of a clause, not of a noun phrase: "said its suit alleges that
   * Coastal and its chairman, Oscar Wyatt, ..." */
  static const char *const clause[] = {"that",  "and",   "or",  "but",     "was", "is",
                                       "are",   "were",  "has", "have",    "had", "will",
                                       "would", "to",    "be",  "been",    "who", "which",
                                       "when",  "while", "if",  "because", NULL};
  for (size_t k = from; k < a->toks.n && k < from + 12; k++) {
    const nf_token *tk = &a->toks.v[k];
    if ((tk->flags & NF_TOK_IN_QUOTE) || tk->kind == NF_TOKEN_QUOTE ||
        (k > from && (tk->flags & NF_TOK_SENT_START)) ||
        lex_at(a, k, NF_LEX_BIT(NF_LEX_VERB)).len || nf_tok_in(&a->toks, k, clause))
      return 0;
    if (!nf_tok_punct(&a->toks, k, ",")) continue;
    if (k + 1 >= a->toks.n || a->person_at[k + 1] == NONE) return 0;
    const mention *p = &a->persons[a->person_at[k + 1]];
    size_t after = p->end;
    if (after < a->toks.n && !nf_tok_punct(&a->toks, after, ",") &&
        !nf_tok_punct(&a->toks, after, ".") && !nf_tok_punct(&a->toks, after, ";"))
      return 0;
    size_t begin = s->begin;
    spk_person_source(a, p, s);
    s->begin = (uint32_t)begin;
    return 1;
  }
  return 0;
}

/* The source that starts at token b (after "said" or "according to"); with
 * `any`, any noun phrase is one. */
int spk_source_after(const article *a, size_t b, int any, source *s) {
  int found = source_after(a, b, any, s);
  if (found && s->kind == SRC_PERSON) return 1;
  source named = *s;
  named.begin = (uint32_t)b;
  if (appositive_person(a, found ? spk_source_words_end(s) : b, &named)) {
    *s = named;
    return 1;
  }
  return found;
}

static int source_after(const article *a, size_t b, int any, source *s) {
  memset(s, 0, sizeof *s);
  if (b >= a->toks.n || (a->toks.v[b].flags & NF_TOK_IN_QUOTE)) return 0;
  if (a->person_at[b] != NONE &&
      !(a->toks.v[a->persons[a->person_at[b]].end].flags & NF_TOK_POSSESSIVE)) {
    spk_person_source(a, &a->persons[a->person_at[b]], s);
    return 1;
  }
  size_t k = b;
  if (nf_tok_is(&a->toks, k, "the")) k++;
  if (a->title_at[k] != NONE) {
    const mention *t = &a->titles[a->title_at[k]];
    if (t->end < a->toks.n && a->person_at[t->end] != NONE) {
      spk_person_source(a, &a->persons[a->person_at[t->end]], s);
      s->begin = t->begin;
      return 1;
    }
    return spk_source_before(a, t->end, b, 0, s) && (s->begin = (uint32_t)b, 1);
  }
  if (spk_pronoun_gender(a, b)) {
    int gender = spk_pronoun_gender(a, b);
    if (!spk_resolve_pronoun(a, b, gender, s)) return 0;
    s->begin = (uint32_t)b;
    s->end = (uint32_t)(b + 1);
    return 1;
  }
  return spk_np_source_after(a, b, k, any, s);
}

/* A word that names a document a body issues: "poll", "survey", "filings". */
static int document_noun(const article *a, size_t k) {
  static const char *const nouns[] = {"poll",      "polls",    "survey",  "surveys", "study",
                                      "report",    "analysis", "tally",   "count",   "estimate",
                                      "estimates", "data",     "figures", "filing",  "filings",
                                      "records",   "audit",    "review",  NULL};
  return k < a->toks.n && (a->toks.v[k].flags & NF_TOK_LOWER) && nf_tok_in(&a->toks, k, nouns);
}

/* "according to a new Associated Press-GfK poll released Thursday", "a
 * Washington Post-ABC News survey", "FEC filings": the body whose document
 * it is, named by the capitalised words before the document's noun; the
 * words about it run on to the next punctuation. */
static int document_source(const article *a, size_t k, source *s) {
  size_t j = k, n = a->toks.n;
  while (j < n && spk_article(a, j)) j++;
  for (int m = 0; m < 2 && j < n && (a->toks.v[j].flags & NF_TOK_LOWER) && !document_noun(a, j);
       m++)
    j++; /* "a new", "the latest" */
  size_t nb = j;
  while (j < n && !(a->toks.v[j].flags & NF_TOK_IN_QUOTE)) {
    const nf_token *tk = &a->toks.v[j];
    int joiner = tk->kind == NF_TOKEN_HYPHEN || nf_tok_is(&a->toks, j, "/") ||
                 nf_tok_is(&a->toks, j, "&") || nf_tok_is(&a->toks, j, "-");
    if (tk->kind == NF_TOKEN_WORD && (tk->flags & NF_TOK_CAPITALIZED))
      j++;
    else if (joiner && j > nb && j + 1 < n && (a->toks.v[j + 1].flags & NF_TOK_CAPITALIZED))
      j++;
    else
      break;
  }
  if (j == nb || j - nb > 8 || !document_noun(a, j)) return 0;
  size_t end = j + 1;
  while (end < n && end < j + 12 && a->toks.v[end].kind == NF_TOKEN_WORD &&
         !(a->toks.v[end].flags & NF_TOK_IN_QUOTE) && !(a->toks.v[end].flags & NF_TOK_SENT_START))
    end++;
  memset(s, 0, sizeof *s);
  s->kind = SRC_BODY;
  s->begin = (uint32_t)nb;
  s->end = (uint32_t)j;
  s->words_end = (uint32_t)end;
  set_text(a, s, nb, j);
  return 1;
}

/* "according to the average of polls compiled by Real Clear Politics", "a
 * court document filed by state attorney Jane Roe", "a report from WXYZ":
 * a description of a document, and who made it after its last "by" or
 * "from" before the clause ends; the words about it run to that end. */
static int agent_source(const article *a, size_t k, source *s) {
  size_t n = a->toks.n, j = k;
  while (j < n && spk_article(a, j)) j++;
  if (j >= n || !(a->toks.v[j].flags & NF_TOK_LOWER)) return 0;
  size_t agent = NONE, end = j;
  for (; end < n && end < k + 25; end++) {
    const nf_token *tk = &a->toks.v[end];
    if ((tk->flags & NF_TOK_IN_QUOTE) || tk->kind == NF_TOKEN_QUOTE ||
        (end > k && (tk->flags & NF_TOK_SENT_START)) || nf_tok_punct(&a->toks, end, ",") ||
        nf_tok_punct(&a->toks, end, ".") || nf_tok_punct(&a->toks, end, ";"))
      break;
    if ((nf_tok_is(&a->toks, end, "by") || nf_tok_is(&a->toks, end, "from")) && end + 1 < n)
      agent = end + 1;
  }
  if (agent == NONE || agent >= end) return 0;
  size_t b = agent;
  if (spk_article(a, b)) b++;
  memset(s, 0, sizeof *s);
  /* a person, perhaps after the words of an office ("state attorney Jane Roe") */
  for (size_t p = b; p < end && p < b + 4; p++) {
    if (a->person_at[p] != NONE) {
      spk_person_source(a, &a->persons[a->person_at[p]], s);
      break;
    }
    if (!(a->toks.v[p].flags & NF_TOK_LOWER) && a->title_at[p] == NONE && a->title_end[p] == NONE)
      break;
  }
  if (s->kind == SRC_NONE) {
    /* else an organisation's capitalised words ("Real Clear Politics", "Bank of Springfield") */
    size_t e = b;
    while (e < end && capitalised_word(a, e)) e++;
    while (e > b && e + 1 < end &&
           (nf_tok_is(&a->toks, e, "of") || a->toks.v[e].kind == NF_TOKEN_HYPHEN) &&
           capitalised_word(a, e + 1)) {
      e++;
      while (e < end && capitalised_word(a, e)) e++;
    }
    /* "figures compiled by Reuters": a news agency's own tallies are its copy, not a source */
    if (e == b || lex_at(a, b, NF_LEX_BIT(NF_LEX_AGENCY)).len == e - b) return 0;
    s->kind = SRC_BODY;
    s->begin = (uint32_t)b;
    s->end = (uint32_t)e;
    set_text(a, s, b, e);
  }
  s->words_end = (uint32_t)end;
  return 1;
}

/* A noun phrase after a cue, up to the next punctuation, verb or clause
 * word: the person, title, body or organisation it names; with `any`,
 * whatever it is, spk_named when capitalised ("according to FEC filings",
 * "according to a Washington Post analysis"). */
static int spk_np_source_after(const article *a, size_t b, size_t k, int any, source *s) {
  if (any && (document_source(a, k, s) || agent_source(a, k, s))) return 1;
  size_t e = k;
  /* a clause or a complement after the noun phrase ends it */
  static const char *const stops[] = {"that", "on",    "in",      "to", "who", "which", "there",
                                      "when", "while", "because", "if", "at",  "as",    NULL};
  while (e < a->toks.n && e < k + 8 && !(a->toks.v[e].flags & NF_TOK_IN_QUOTE)) {
    /* "Florida-based Republican strategist Al Cardenas", "UC-AFT President
     * Bob Samuels": a hyphen inside a word */
    if (a->toks.v[e].kind == NF_TOKEN_HYPHEN && e > k && e + 1 < a->toks.n &&
        !(a->toks.v[e].flags & NF_TOK_SPACE_BEFORE) &&
        !(a->toks.v[e + 1].flags & NF_TOK_SPACE_BEFORE) && a->toks.v[e + 1].kind == NF_TOKEN_WORD) {
      e += 2;
      continue;
    }
    if (a->toks.v[e].kind != NF_TOKEN_WORD || (e > k && (a->toks.v[e].flags & NF_TOK_SENT_START)) ||
        lex_at(a, e, NF_LEX_BIT(NF_LEX_VERB)).len || nf_tok_in(&a->toks, e, stops))
      break;
    e++;
  }
  for (size_t end = e; end > k; end--)
    if (spk_source_before(a, end, b, 0, s) && s->begin >= b && (s->kind == SRC_PERSON || end == e))
      return 1;
  if (any && e > k) {
    size_t nb = k;
    while (nb < e && spk_article(a, nb)) nb++;
    if (nb < e) {
      memset(s, 0, sizeof *s);
      s->kind = SRC_UNNAMED; /* "a Japanese official" names no one */
      for (size_t j = nb; j < e; j++)
        if ((a->toks.v[j].flags & NF_TOK_CAPITALIZED) &&
            !(a->toks.v[j].flags & NF_TOK_SENT_START) && a->country_at[j] == NONE)
          s->kind = SRC_BODY;
      s->begin = (uint32_t)nb;
      s->end = (uint32_t)e;
      set_text(a, s, nb, e);
      for (size_t j = nb; j < e; j++)
        if (a->country_at[j] != NONE) {
          snprintf(s->country, sizeof s->country, "%s", a->countries[a->country_at[j]].name);
          break;
        }
      return 1;
    }
  }
  memset(s, 0, sizeof *s);
  return 0;
}

/* A body of schema/organisations.tsv by its one name, whatever the text
 * calls it: "USDA", "the U.S. Agriculture Department" and "Agriculture
 * Department" are all "Agriculture Department", "Fed" is "Federal
 * Reserve".  The words must be the organisation's alone, after an article
 * or the country's name. */
static void canonical_body(const article *a, source *s) {
  size_t b = s->begin;
  if (b < s->end && nf_tok_is(&a->toks, b, "the")) b++;
  if (b < s->end && a->country_at[b] != NONE) b = a->countries[a->country_at[b]].end;
  if (b >= s->end) return;
  nf_lex_match m = lex_at(a, b, NF_LEX_BIT(NF_LEX_ORGANISATION));
  if (m.len == s->end - b && m.entry->lemma) set_name(s, m.entry->lemma, strlen(m.entry->lemma));
}

void spk_classify(const article *a, source *s) {
  if (s->kind != SRC_BODY || s->end <= s->begin) return;
  /* "an executive with a U.S. Bank": an indefinite body is no named one */
  static const char *const indefinite[] = {"a", "an", "one", NULL};
  size_t after = s->end;
  int named_noun_follows = after < a->toks.n && a->toks.v[after].kind == NF_TOKEN_WORD &&
                           !lex_at(a, after, NF_LEX_BIT(NF_LEX_VERB)).len; /* "a Fiat spokesman" */
  if (s->begin > 0 && nf_tok_in(&a->toks, s->begin - 1, indefinite) && !named_noun_follows) {
    s->kind = SRC_UNNAMED;
    return;
  }
  /* "the National Bank said" after "Swiss National Bank": the full name */
  long c = org_long_form(a, s->begin, s->end);
  if (c >= 0) set_text(a, s, a->named_orgs[c].begin, a->named_orgs[c].end);
  canonical_body(a, s);
  /* the head noun is the last word; a plural body noun names a group */
  for (size_t k = s->begin; k < s->end; k++) {
    nf_lex_match m = lex_at(a, k, NF_LEX_BIT(NF_LEX_BODY));
    if (m.len && k + m.len == s->end && (m.flags & NF_LEX_PLURAL)) {
      s->kind = SRC_UNNAMED;
      return;
    }
  }
  /* "an Italian firm", "a senior Singapore bank": a firm known only by
   * its country names none */
  static const char *const firms[] = {"firm",      "company", "bank",        "group", "concern",
                                      "brokerage", "house",   "institution", NULL};
  if (nf_tok_in(&a->toks, s->end - 1, firms) && (a->toks.v[s->end - 1].flags & NF_TOK_LOWER)) {
    int named = 0;
    for (size_t k = s->begin; k + 1 < s->end && !named; k++)
      named = (a->toks.v[k].flags & NF_TOK_CAPITALIZED) && a->country_at[k] == NONE &&
              !(a->toks.v[k].flags & NF_TOK_SENT_START);
    if (!named) {
      s->kind = SRC_UNNAMED;
      return;
    }
  }
}
