/* The speaker analyzer: who said what.  Direct quotations (whole, partial,
 * over several paragraphs) and reported speech, each with its cue (a
 * reporting verb from schema/reporting-verbs.tsv, or "according to"), in
 * every order news copy uses: "X said", "said X", "X, the Y, said", "“...,”
 * he said", "according to X", "X told Reuters", "China, which said".
 *
 * A source is a person (the official analyzer's "person" results: the
 * fullest name), a title that analyzer linked to a person, a pronoun or a
 * definite description resolved to the most recent compatible person ("he",
 * "the minister"), or a body: a country ("China said"), an organisation
 * ("the Bank of England said") or a noun phrase headed by a body noun ("the
 * Lithuanian defense ministry said").  A quotation whose speaker cannot be
 * found stays unattributed.
 *
 * Record: "quotes" [{"speaker", "speaker_span", "cue", "content",
 * "content_span"}] in text order, "speakers" [names in order of first
 * quote]; index values "speakers" and "speaker_countries".  Results:
 * "quote" (span: content; value: speaker or NULL; label: cue). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzers/builtins.h"
#include "analyzers/lexicon.h"
#include "analyzers/person_names.h"
#include "analyzers/tokspan.h"
#include "core/buffer.h"
#include "record/record_json.h"

#define NONE UINT32_MAX
#define MAX_NAME 256

static void destroy(void *instance) { nf_lexicon_free(instance); }

static nf_status create(const nf_analyzer_env *env, void **instance, nf_error *err) {
  *instance = NULL;
  nf_lexicon *lex;
  nf_status s = nf_lexicon_load(env->schema_dir, &lex, err);
  if (s != NF_OK) return s;
  *instance = lex;
  return NF_OK;
}

/* What the official and country analyzers found, in tokens. */
typedef struct mention {
  uint32_t begin, end; /* tokens */
  const char *name;    /* the fullest name (person), the title (title) or code (country) */
  const char *person;  /* title: the person it names, or NULL */
  uint32_t flags;      /* person: gender; title: head flags */
} mention;

enum { SRC_NONE, SRC_PERSON, SRC_BODY, SRC_UNNAMED };

typedef struct source {
  int kind;
  uint32_t begin, end; /* tokens of the words that name it */
  char name[MAX_NAME]; /* person's fullest name, or the body as written */
  char country[4];
} source;

/* A cue with its source: the "group" is both, in either order. */
typedef struct cue {
  uint32_t begin, end;             /* the verb's tokens */
  uint32_t group_begin, group_end; /* cue and source */
  source src;
  uint16_t flags; /* the verb's NF_LEX_* */
  int used;       /* a direct quotation is attributed to it */
} cue;

typedef struct record_quote {
  uint32_t cue;                    /* index into cues, or NONE */
  uint32_t content_begin, content_end; /* bytes */
} record_quote;

typedef struct article {
  const nf_lexicon *lex;
  const nf_text *t;
  const nf_token *toks;
  size_t ntoks;
  const char *folds;
  const char *bytes;
  mention *persons, *titles, *countries;
  size_t npersons, ntitles, ncountries;
  uint32_t *person_end;  /* per token: person mention ending just before it, or NONE */
  uint32_t *title_end;   /* per token: title ending just before it */
  uint32_t *country_end; /* per token: country mention ending just before it */
  uint32_t *person_at, *title_at, *country_at; /* mentions starting at the token */
  /* official_country results: person name -> code */
  const nf_result *results;
  size_t nresults;
  cue *cues;
  size_t ncues, cap_cues;
  record_quote *quotes;
  size_t nquotes, cap_quotes;
  uint32_t dateline_end; /* bytes: the dateline analyzer's span, 0 when none */
} article;

static const char *fold(const article *a, size_t i) { return a->folds + a->toks[i].fold; }
static int fold_is(const article *a, size_t i, const char *s) {
  return i < a->ntoks && strcmp(fold(a, i), s) == 0;
}
static int is_punct(const article *a, size_t i, const char *s) {
  return i < a->ntoks && a->toks[i].kind == NF_TOKEN_PUNCT && fold_is(a, i, s);
}
static int fold_in(const article *a, size_t i, const char *const *words, size_t n) {
  for (size_t k = 0; k < n; k++)
    if (fold_is(a, i, words[k])) return 1;
  return 0;
}
#define FOLD_IN(a, i, list) fold_in(a, i, list, sizeof list / sizeof *list)

static nf_lex_match lex_at(const article *a, size_t i, unsigned kinds) {
  return nf_lexicon_match(a->lex, a->t, i, kinds);
}

static void set_name(source *s, const char *p, size_t n) {
  if (n >= sizeof s->name) n = sizeof s->name - 1;
  memcpy(s->name, p, n);
  s->name[n] = '\0';
}

static void set_text(const article *a, source *s, size_t b, size_t e) {
  set_name(s, a->bytes + a->toks[b].start, a->toks[e - 1].end - a->toks[b].start);
}

/* ---- reading the earlier analyzers' results ------------------------------------- */

static nf_status read_mentions(article *a, nf_analysis *an) {
  const nf_result *r = nf_analysis_results(an, &a->nresults);
  a->results = r;
  size_t np = 0, nt = 0, nc = 0;
  for (size_t i = 0; i < a->nresults; i++) {
    np += strcmp(r[i].type, "person") == 0;
    nt += strcmp(r[i].type, "title") == 0;
    nc += strcmp(r[i].type, "country") == 0;
  }
  a->persons = malloc((np + 1) * sizeof *a->persons);
  a->titles = malloc((nt + 1) * sizeof *a->titles);
  a->countries = malloc((nc + 1) * sizeof *a->countries);
  size_t n = a->ntoks + 1;
  a->person_end = malloc(6 * n * sizeof *a->person_end);
  if (!a->persons || !a->titles || !a->countries || !a->person_end) return NF_ERR_NOMEM;
  a->title_end = a->person_end + n;
  a->country_end = a->title_end + n;
  a->person_at = a->country_end + n;
  a->title_at = a->person_at + n;
  a->country_at = a->title_at + n;
  for (size_t i = 0; i < 6 * n; i++) a->person_end[i] = NONE;
  for (size_t i = 0; i < a->nresults; i++) {
    mention *list;
    size_t *count;
    uint32_t *ends, *starts;
    if (strcmp(r[i].type, "person") == 0) {
      list = a->persons, count = &a->npersons, ends = a->person_end, starts = a->person_at;
    } else if (strcmp(r[i].type, "title") == 0) {
      list = a->titles, count = &a->ntitles, ends = a->title_end, starts = a->title_at;
    } else if (strcmp(r[i].type, "country") == 0) {
      list = a->countries, count = &a->ncountries, ends = a->country_end, starts = a->country_at;
    } else {
      continue;
    }
    size_t b, e;
    if (!r[i].value || !nf_tokens_of_span(a->toks, a->ntoks, r[i].start, r[i].end, &b, &e))
      continue;
    mention *m = &list[*count];
    m->begin = (uint32_t)b;
    m->end = (uint32_t)e;
    m->name = r[i].value;
    m->person = r[i].label;
    m->flags = r[i].flags;
    ends[e] = (uint32_t)*count;
    starts[b] = (uint32_t)*count;
    (*count)++;
  }
  return NF_OK;
}

/* The country of a person named by the official analyzer, or NULL. */
static const char *person_country(const article *a, const char *name) {
  for (size_t i = 0; i < a->nresults; i++)
    if (strcmp(a->results[i].type, "official_country") == 0 && a->results[i].label &&
        strcmp(a->results[i].label, name) == 0)
      return a->results[i].value;
  return NULL;
}

/* ---- sources -------------------------------------------------------------------- */

static size_t paren_open(const article *a, size_t k);
static size_t paragraph_of(const article *a, size_t tok);

static void person_source(const article *a, const mention *m, source *s) {
  s->kind = SRC_PERSON;
  s->begin = m->begin;
  s->end = m->end;
  set_name(s, m->name, strlen(m->name));
  const char *c = person_country(a, m->name);
  snprintf(s->country, sizeof s->country, "%s", c ? c : "");
}

/* The most recent person mentioned before token `before` whose gender fits. */
static int resolve_pronoun(const article *a, size_t before, int gender, source *s) {
  for (size_t k = a->npersons; k-- > 0;) {
    const mention *m = &a->persons[k];
    if (m->end > before) continue;
    if (a->toks[m->begin].flags & NF_TOK_IN_QUOTE) continue;
    if (gender && m->flags && (int)m->flags != gender) continue;
    person_source(a, m, s);
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
        person_source(a, &a->persons[p], s);
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
  int named = 0;
  char country[4] = "";
  while (b > 0) {
    size_t k = b - 1;
    const nf_token *tk = &a->toks[k];
    if (a->country_end[b] != NONE) {
      const mention *c = &a->countries[a->country_end[b]];
      snprintf(country, sizeof country, "%s", c->name);
      named = 1;
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
      named = 1;
      break;
    }
    if (tk->kind != NF_TOKEN_WORD || (tk->flags & NF_TOK_IN_QUOTE)) break;
    if (lex_at(a, k, NF_LEX_BIT(NF_LEX_DOMAIN) | NF_LEX_BIT(NF_LEX_ORG)).len ||
        ((tk->flags & NF_TOK_CAPITALIZED) && !(tk->flags & NF_TOK_SENT_START) &&
         !lex_at(a, k, NF_LEX_BIT(NF_LEX_STOP)).len)) {
      if (tk->flags & NF_TOK_CAPITALIZED) named = 1;
      b = k;
      continue;
    }
    break;
  }
  s->kind = named ? SRC_BODY : SRC_UNNAMED;
  s->begin = (uint32_t)b;
  s->end = (uint32_t)e;
  if (!named && b > 0 && fold_is(a, b - 1, "the")) s->begin = (uint32_t)(b - 1);
  set_text(a, s, s->begin, e);
  snprintf(s->country, sizeof s->country, "%s", country);
  return 1;
}

/* Words that end an organisation's name read backwards ("The Bank"). */
static const char *const org_stops[] = {
    "the", "a", "an", "in", "on", "at", "by", "for", "from", "with", "but", "and", "or",
    "as", "after", "before", "when", "while", "if", "he", "she", "it", "they", "we", "i",
    "his", "her", "its", "their", "our", "this", "that", "these", "those", "meanwhile",
    "however", "also", "still", "then", "now", "today", "yesterday", "last", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

/* A proper name of an organisation ending at token e - 1: "the Bank of
 * England", "NATO", "Reuters". */
static int org_before(const article *a, size_t e, source *s) {
  size_t b = e;
  int orgish = 0;
  while (b > 0) {
    size_t k = b - 1;
    const nf_token *tk = &a->toks[k];
    /* "PARIS, Aug 31 (Reuters) -": a dateline names no one */
    if ((tk->flags & NF_TOK_PARA_START) && (tk->flags & NF_TOK_ALL_CAPS) &&
        is_punct(a, k + 1, ","))
      break;
    if (tk->kind == NF_TOKEN_WORD && (tk->flags & NF_TOK_CAPITALIZED) &&
        !(tk->flags & NF_TOK_IN_QUOTE) && a->person_end[k + 1] == NONE) {
      int named_org = lex_at(a, k, NF_LEX_BIT(NF_LEX_ORGWORD) | NF_LEX_BIT(NF_LEX_ORG)).len > 0;
      if (named_org || ((tk->flags & NF_TOK_ALL_CAPS) && tk->end - tk->start > 1)) orgish = 1;
      if (!named_org && FOLD_IN(a, k, org_stops)) break;
      b = k;
      continue;
    }
    if ((fold_is(a, k, "of") || fold_is(a, k, "for") || fold_is(a, k, "and")) && b < e &&
        k > 0 && (a->toks[k - 1].flags & NF_TOK_CAPITALIZED)) {
      b = k;
      continue;
    }
    break;
  }
  while (b < e && a->toks[b].kind != NF_TOKEN_WORD) b++;
  if (b >= e || !orgish) return 0;
  if (fold_is(a, b, "of") || fold_is(a, b, "and")) return 0;
  s->kind = SRC_BODY;
  s->begin = (uint32_t)b;
  s->end = (uint32_t)e;
  set_text(a, s, b, e);
  s->country[0] = '\0';
  for (size_t k = b; k < e; k++)
    if (a->country_at[k] != NONE) {
      snprintf(s->country, sizeof s->country, "%s", a->countries[a->country_at[k]].name);
      break;
    }
  return 1;
}

/* An unnamed office holder speaks for the body the title names: "a Twitter
 * spokesman" for Twitter, "a Chinese foreign ministry spokesman" for the
 * Chinese foreign ministry. */
static int title_body(const article *a, const mention *t, source *s) {
  size_t b = t->begin, e = t->end;
  for (size_t k = e; k-- > b;) {
    nf_lex_match m = lex_at(a, k, NF_LEX_BIT(NF_LEX_BODY));
    if (m.len && k + m.len <= e && !(m.flags & NF_LEX_PLURAL)) {
      int named = 0;
      s->country[0] = '\0';
      for (size_t j = b; j < k + m.len; j++) {
        if (a->toks[j].flags & NF_TOK_CAPITALIZED) named = 1;
        if (a->country_at[j] != NONE && !s->country[0])
          snprintf(s->country, sizeof s->country, "%s", a->countries[a->country_at[j]].name);
      }
      if (!named) return 0;
      s->kind = SRC_BODY;
      s->begin = (uint32_t)b;
      s->end = (uint32_t)(k + m.len);
      set_text(a, s, b, k + m.len);
      return 1;
    }
  }
  /* an organisation's name: capitalised words that are no title words */
  size_t ob = e, oe = e;
  for (size_t k = b; k < e; k++) {
    const nf_token *tk = &a->toks[k];
    int org = tk->kind == NF_TOKEN_WORD && (tk->flags & NF_TOK_CAPITALIZED) &&
              a->country_at[k] == NONE && !lex_at(a, k, NF_LEX_TITLE_WORDS).len;
    if (org && ob == e) ob = k;
    if (org) oe = k + 1;
    else if (ob != e) break;
  }
  if (ob == e) return 0;
  s->kind = SRC_BODY;
  s->begin = (uint32_t)ob;
  s->end = (uint32_t)oe;
  set_text(a, s, ob, oe);
  s->country[0] = '\0';
  return 1;
}

static const char *const male_pronouns[] = {"he"};
static const char *const female_pronouns[] = {"she"};
static const char *const relatives[] = {"who", "which"};

/* The source whose words end at token e - 1 (a subject before its verb). */
static int source_before(const article *a, size_t e, size_t cue_at, int depth, source *s) {
  memset(s, 0, sizeof *s);
  if (e == 0 || depth > 2) return 0;
  size_t k = e - 1;
  if (a->toks[k].flags & NF_TOK_IN_QUOTE) return 0;
  if (paren_open(a, k) != NONE) return source_before(a, paren_open(a, k), cue_at, depth, s);
  if (a->person_end[e] != NONE) {
    person_source(a, &a->persons[a->person_end[e]], s);
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
        person_source(a, best, s);
        if (!((best->end <= t->begin && best->end + 4 > t->begin) ||
              (best->begin >= t->end && best->begin < t->end + 3))) {
          s->begin = t->begin;
          s->end = t->end;
        }
        return 1;
      }
    }
    if (t->begin > 0 && fold_is(a, t->begin - 1, "the") && resolve_description(a, t, s)) {
      s->begin = t->begin - 1;
      s->end = t->end;
      return 1;
    }
    return title_body(a, t, s);
  }
  if (FOLD_IN(a, k, male_pronouns) || FOLD_IN(a, k, female_pronouns)) {
    int gender = FOLD_IN(a, k, male_pronouns) ? NF_GENDER_MALE : NF_GENDER_FEMALE;
    if (!resolve_pronoun(a, k, gender, s)) return 0;
    s->begin = (uint32_t)k;
    s->end = (uint32_t)(k + 1);
    return 1;
  }
  /* "It said": the body that spoke last, in this paragraph or the one before */
  if (fold_is(a, k, "it") && !(a->toks[k].flags & NF_TOK_IN_QUOTE)) {
    size_t para = paragraph_of(a, k);
    for (size_t c = a->ncues; c-- > 0;) {
      const cue *cu = &a->cues[c];
      if (cu->begin >= k || (cu->src.kind != SRC_BODY && cu->src.kind != SRC_UNNAMED)) continue;
      if (paragraph_of(a, cu->begin) + 1 < para) break;
      *s = cu->src;
      s->begin = (uint32_t)k;
      s->end = (uint32_t)(k + 1);
      return 1;
    }
    return 0;
  }
  /* "China, which said", "Trump, who said" */
  if (FOLD_IN(a, k, relatives) && k > 0 && is_punct(a, k - 1, ",")) {
    if (!source_before(a, k - 1, cue_at, depth + 1, s)) return 0;
    return 1;
  }
  /* "X, the Y, said": the appositive closes before the verb */
  if (is_punct(a, k, ",") || a->toks[k].kind == NF_TOKEN_DASH) {
    /* The closing comma of an appositive or relative clause: the source
     * is named before the first comma of the chain ("Rachel Berg, a
     * philanthropist from Monsey, New York, said"; "Mr. Reid, who
     * represents Nevada, said"): the farthest person, else the farthest
     * named body, else what names it just before the comma. */
    source person, body, nearest;
    memset(&person, 0, sizeof person);
    memset(&body, 0, sizeof body);
    memset(&nearest, 0, sizeof nearest);
    for (size_t p = k + 1; p-- > 0 && p + 30 > k;) {
      if (p < k && a->toks[p].kind == NF_TOKEN_QUOTE && (a->toks[p].flags & NF_TOK_CLOSE)) {
        /* a short quotation inside the appositive ("wearing “Ted Cruz” pins") */
        size_t o = p;
        while (o > 0 && o + 6 > p && !(a->toks[o - 1].kind == NF_TOKEN_QUOTE &&
                                       (a->toks[o - 1].flags & NF_TOK_OPEN)))
          o--;
        if (o == 0 || o + 6 <= p || (a->toks[o - 1].flags & NF_TOK_SENT_START)) break;
        p = o - 1;
        continue;
      }
      if (p < k && (a->toks[p].flags & NF_TOK_IN_QUOTE)) break;
      if (!(is_punct(a, p, ",") || a->toks[p].kind == NF_TOKEN_DASH)) {
        if (a->toks[p].flags & NF_TOK_SENT_START) break;
        continue;
      }
      if (!source_before(a, p, cue_at, depth + 1, s)) continue;
      if (s->kind == SRC_PERSON) person = *s;
      if (s->kind == SRC_BODY) body = *s;
      if (p == k) nearest = *s;
    }
    *s = person.kind ? person : body.kind ? body : nearest;
    return s->kind != SRC_NONE;
  }
  /* "Senator John Cornyn of Texas" */
  for (size_t p = e, caps = 0; p > 1 && caps < 5; p--) {
    const nf_token *tp = &a->toks[p - 1];
    if (is_punct(a, p - 1, ",") && caps) continue; /* "of Columbia, South Carolina" */
    if (tp->kind != NF_TOKEN_WORD || !(tp->flags & NF_TOK_CAPITALIZED)) break;
    caps++;
    if ((fold_is(a, p - 2, "of") || fold_is(a, p - 2, "from")) && p > 2 &&
        a->person_end[p - 2] != NONE) {
      person_source(a, &a->persons[a->person_end[p - 2]], s);
      return 1;
    }
  }
  if (body_before(a, e, s) || org_before(a, e, s)) {
    /* "James Pethokoukis of the American Enterprise Institute wrote" */
    size_t b = s->begin;
    if (b > 0 && fold_is(a, b - 1, "the")) b--;
    static const char *const preps[] = {"of", "at", "from", "for", "with"};
    if (b > 1 && FOLD_IN(a, b - 1, preps) && a->person_end[b - 1] != NONE)
      person_source(a, &a->persons[a->person_end[b - 1]], s);
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
  return 0;
}

static int np_source_after(const article *a, size_t b, size_t k, int any, source *s);

/* The source that starts at token b (after "said" or "according to"); with
 * `any`, any noun phrase is one. */
static int source_after(const article *a, size_t b, int any, source *s) {
  memset(s, 0, sizeof *s);
  if (b >= a->ntoks || (a->toks[b].flags & NF_TOK_IN_QUOTE)) return 0;
  if (a->person_at[b] != NONE &&
      !(a->toks[a->persons[a->person_at[b]].end].flags & NF_TOK_POSSESSIVE)) {
    person_source(a, &a->persons[a->person_at[b]], s);
    return 1;
  }
  size_t k = b;
  if (fold_is(a, k, "the")) k++;
  if (a->title_at[k] != NONE) {
    const mention *t = &a->titles[a->title_at[k]];
    if (t->end < a->ntoks && a->person_at[t->end] != NONE) {
      person_source(a, &a->persons[a->person_at[t->end]], s);
      s->begin = t->begin;
      return 1;
    }
    return source_before(a, t->end, b, 0, s) && (s->begin = (uint32_t)b, 1);
  }
  if (FOLD_IN(a, b, male_pronouns) || FOLD_IN(a, b, female_pronouns)) {
    int gender = FOLD_IN(a, b, male_pronouns) ? NF_GENDER_MALE : NF_GENDER_FEMALE;
    if (!resolve_pronoun(a, b, gender, s)) return 0;
    s->begin = (uint32_t)b;
    s->end = (uint32_t)(b + 1);
    return 1;
  }
  return np_source_after(a, b, k, any, s);
}

/* A noun phrase after a cue, up to the next punctuation or verb: the person,
 * title, body or organisation it names; with `any`, whatever it is, named
 * when capitalised ("according to FEC filings", "according to a Washington
 * Post analysis"). */
static int np_source_after(const article *a, size_t b, size_t k, int any, source *s) {
  size_t e = k;
  while (e < a->ntoks && e < k + 8 && a->toks[e].kind == NF_TOKEN_WORD &&
         !(a->toks[e].flags & NF_TOK_IN_QUOTE) && !lex_at(a, e, NF_LEX_BIT(NF_LEX_VERB)).len &&
         !fold_is(a, e, "that") && !fold_is(a, e, "on") && !fold_is(a, e, "in"))
    e++;
  for (size_t end = e; end > k; end--)
    if (source_before(a, end, b, 0, s) && s->begin >= b &&
        (s->kind == SRC_PERSON || end == e))
      return 1;
  if (any && e > k) {
    size_t nb = k;
    static const char *const dets[] = {"the", "a", "an"};
    while (nb < e && FOLD_IN(a, nb, dets)) nb++;
    if (nb < e) {
      memset(s, 0, sizeof *s);
      s->kind = SRC_UNNAMED; /* "a Japanese official" names no one */
      for (size_t j = nb; j < e; j++)
        if ((a->toks[j].flags & NF_TOK_CAPITALIZED) && !(a->toks[j].flags & NF_TOK_SENT_START) &&
            a->country_at[j] == NONE)
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

/* ---- cues ----------------------------------------------------------------------- */

static const char *const fillers[] = {"also", "later", "earlier", "has", "had", "have",
                                      "then", "again", "previously", "recently", "once",
                                      "repeatedly", "further", "would", "will", "separately",
                                      "quickly", "simply", "has also", "had also", "publicly",
                                      "privately", "last", "first", "flatly", "bluntly",
                                      "angrily", "only", "himself", "herself", "itself",
                                      "pointedly", "openly", "explicitly", "frequently",
                                      "often", "did", "does", "do", "not", "never"};
static const char *const passive[] = {"was", "were", "is", "are", "been", "be", "being"};

/* The "(" that a ")" at token k closes, within a few tokens, or NONE. */
static size_t paren_open(const article *a, size_t k) {
  if (k >= a->ntoks || !is_punct(a, k, ")")) return NONE;
  for (size_t j = k; j-- > 0 && j + 8 > k;)
    if (is_punct(a, j, "(")) return j;
  return NONE;
}

static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                   "saturday", "sunday", "today", "yesterday", "tonight"};
static const char *const periods[] = {"week", "month", "year", "weekend", "night", "morning",
                                      "evening", "afternoon"};

/* Back from a verb over adverbs, auxiliaries and times: "Clinton on
 * Tuesday said", "he said last week", "Austin also said". */
static size_t skip_adjuncts(const article *a, size_t i) {
  size_t k = i;
  for (;;) {
    size_t open = k > 0 ? paren_open(a, k - 1) : NONE;
    if (open != NONE) {
      k = open; /* "Lisa Madigan (D) asserted" */
    } else if (k > 0 && FOLD_IN(a, k - 1, fillers)) {
      k--;
    } else if (k > 1 && FOLD_IN(a, k - 1, days) && fold_is(a, k - 2, "on")) {
      k -= 2;
    } else if (k > 0 && FOLD_IN(a, k - 1, days)) {
      k--;
    } else if (k > 1 && FOLD_IN(a, k - 1, periods) &&
               (fold_is(a, k - 2, "last") || fold_is(a, k - 2, "this"))) {
      k -= 2;
    } else {
      return k;
    }
  }
}

static nf_status add_cue(article *a, const cue *c) {
  if (a->ncues == a->cap_cues) {
    size_t cap = a->cap_cues ? a->cap_cues * 2 : 16;
    cue *v = realloc(a->cues, cap * sizeof *v);
    if (!v) return NF_ERR_NOMEM;
    a->cues = v;
    a->cap_cues = cap;
  }
  a->cues[a->ncues++] = *c;
  return NF_OK;
}

/* An opening quotation mark later in the cue's sentence. */
static int quote_follows(const article *a, size_t k) {
  size_t si = nf_text_sentence_of(a->t, k ? k - 1 : 0), n;
  const nf_sentence *ss = nf_text_sentences(a->t, &n);
  if (si >= n) return 0;
  for (; k < ss[si].tok_end && k < a->ntoks; k++)
    if (a->toks[k].kind == NF_TOKEN_QUOTE && (a->toks[k].flags & NF_TOK_OPEN)) return 1;
  return 0;
}

static int ends_in_ing(const article *a, size_t i) {
  const nf_token *tk = &a->toks[i];
  return tk->fold_len > 4 && memcmp(fold(a, i) + tk->fold_len - 3, "ing", 3) == 0;
}

/* The subject of the sentence that holds token `before`: its first person
 * (or title of one, or resolved pronoun) outside quotations. */
static int sentence_subject(const article *a, size_t before, source *s) {
  memset(s, 0, sizeof *s);
  size_t si = nf_text_sentence_of(a->t, before), n;
  const nf_sentence *ss = nf_text_sentences(a->t, &n);
  if (si >= n) return 0;
  for (size_t k = ss[si].tok_begin; k < before; k++) {
    if (a->toks[k].flags & NF_TOK_IN_QUOTE) continue;
    if (a->person_at[k] != NONE) {
      person_source(a, &a->persons[a->person_at[k]], s);
      return 1;
    }
    if (FOLD_IN(a, k, male_pronouns) || FOLD_IN(a, k, female_pronouns)) {
      int gender = FOLD_IN(a, k, male_pronouns) ? NF_GENDER_MALE : NF_GENDER_FEMALE;
      if (!resolve_pronoun(a, k, gender, s)) return 0;
      s->begin = (uint32_t)k;
      s->end = (uint32_t)(k + 1);
      return 1;
    }
    size_t e = k + 1; /* "The U.S. State Department": the whole name */
    while (e < before && a->toks[e].kind == NF_TOKEN_WORD &&
           (a->toks[e].flags & NF_TOK_CAPITALIZED) && !(a->toks[e].flags & NF_TOK_IN_QUOTE))
      e++;
    if (a->toks[k].kind == NF_TOKEN_WORD && a->title_at[k] == NONE &&
        source_before(a, e, before, 0, s) && s->kind == SRC_BODY &&
        (s->begin == ss[si].tok_begin ||
         (s->begin == ss[si].tok_begin + 1 && fold_is(a, ss[si].tok_begin, "the"))))
      return 1;
  }
  memset(s, 0, sizeof *s);
  return 0;
}

/* Past the listener of "told": "told Reuters", "told reporters", "telling
 * them", "told The New York Times" -- when what follows is the content. */
static size_t listener_end(const article *a, size_t k) {
  static const char *const pronouns[] = {"them", "him", "her", "me", "us", "you", "reporters",
                                         "journalists", "supporters", "lawmakers", "viewers",
                                         "listeners", "readers", "voters", "colleagues"};
  size_t e = k;
  if (k >= a->ntoks) return k;
  if (FOLD_IN(a, k, pronouns)) {
    e = k + 1;
  } else if (a->person_at[k] != NONE) {
    e = a->persons[a->person_at[k]].end;
  } else {
    size_t j = k + (fold_is(a, k, "the") || fold_is(a, k, "a") || fold_is(a, k, "an"));
    while (j < a->ntoks && j < k + 5 && a->toks[j].kind == NF_TOKEN_WORD &&
           ((a->toks[j].flags & NF_TOK_CAPITALIZED) || j == k + 1) && !fold_is(a, j, "that"))
      j++;
    e = j;
  }
  if (e > k && e < a->ntoks &&
      (is_punct(a, e, ",") || is_punct(a, e, ":") || fold_is(a, e, "that") ||
       is_punct(a, e, ".") || a->toks[e].kind == NF_TOKEN_QUOTE ||
       fold_is(a, e, "on") || fold_is(a, e, "in")))
    return e;
  return e > k && e < a->ntoks && FOLD_IN(a, k, pronouns) ? e : k;
}

/* Where the words naming a source begin: over a title before a name
 * ("U.S. Undersecretary of State Uzra Zeya") and an article. */
static size_t group_start(const article *a, size_t b) {
  if (a->title_end[b] != NONE) b = a->titles[a->title_end[b]].begin;
  if (b > 0 && lex_at(a, b - 1, NF_LEX_BIT(NF_LEX_HONORIFIC)).len == 1) b--;
  static const char *const dets[] = {"the", "a", "an"};
  if (b > 0 && FOLD_IN(a, b - 1, dets)) b--;
  return b;
}

static nf_status find_cues(article *a) {
  nf_status s = NF_OK;
  for (size_t i = 0; i < a->ntoks && s == NF_OK; i++) {
    if (a->toks[i].flags & NF_TOK_IN_QUOTE) continue;
    nf_lex_match m = lex_at(a, i, NF_LEX_BIT(NF_LEX_VERB));
    if (!m.len) continue;
    cue c;
    memset(&c, 0, sizeof c);
    c.begin = (uint32_t)i;
    c.end = (uint32_t)(i + m.len);
    c.group_begin = c.begin;
    c.group_end = c.end;
    c.flags = m.flags;
    size_t k = skip_adjuncts(a, i);
    static const char *const be[] = {"is", "was", "are", "were"};
    if (k > 0 && FOLD_IN(a, k - 1, be) && ends_in_ing(a, i)) k--; /* "is telling" */
    /* "declined to say", "Trump's telling of a story" are no cues */
    if (k > 0 && (fold_is(a, k - 1, "to") || (a->toks[k - 1].flags & NF_TOK_POSSESSIVE))) {
      i = c.end - 1;
      continue;
    }
    /* "as reported by Western Journalism", "was first reported by the Times" */
    if (fold_is(a, c.end, "by") && ((k > 0 && FOLD_IN(a, k - 1, passive)) ||
                                     (k > 0 && fold_is(a, k - 1, "as")))) {
      if (source_after(a, c.end + 1, 1, &c.src)) {
        c.group_end = c.src.end;
        s = add_cue(a, &c);
      }
      i = c.end - 1;
      continue;
    }
    if (k > 0 && FOLD_IN(a, k - 1, passive) && !ends_in_ing(a, i)) {
      i = c.end - 1;
      continue; /* "was told", "is said to" */
    }
    if ((m.flags & NF_LEX_QUOTE) && !quote_follows(a, c.end)) {
      i = c.end - 1;
      continue; /* "called for talks" is no cue; "called it “reckless”" is */
    }
    /* "..., saying", "reminisced about it and said": the sentence's subject */
    int participle = k > 0 && ((is_punct(a, k - 1, ",") && ends_in_ing(a, i)) ||
                               fold_is(a, k - 1, "and"));
    if (m.flags & NF_LEX_SOURCE_AFTER) {
      if (source_after(a, c.end, 1, &c.src)) c.group_end = c.src.end;
    } else if ((m.flags & NF_LEX_INVERT) && k > 0 &&
               (is_punct(a, k - 1, ",") || a->toks[k - 1].kind == NF_TOKEN_QUOTE) &&
               !FOLD_IN(a, c.end, male_pronouns) && !FOLD_IN(a, c.end, female_pronouns) &&
               source_after(a, c.end, 0, &c.src) && c.src.kind == SRC_PERSON &&
               (c.src.end >= a->ntoks || is_punct(a, c.src.end, ",") ||
                is_punct(a, c.src.end, ".") || is_punct(a, c.src.end, ";"))) {
      /* "..., said Treasury Secretary Janet Yellen, as ..." (not "..., said
       * Trump was wrong") */
      c.group_end = c.src.end;
    } else if (participle) {
      /* "..., saying": the sentence's subject speaks */
      sentence_subject(a, i, &c.src);
    } else if (source_before(a, k, i, 0, &c.src)) {
      c.group_begin = c.src.begin < c.begin ? c.src.begin : c.begin;
      c.group_begin = (uint32_t)group_start(a, c.group_begin);
    } else if ((m.flags & NF_LEX_INVERT) &&
               (k == 0 || is_punct(a, k - 1, ",") || a->toks[k - 1].kind == NF_TOKEN_QUOTE ||
                (a->toks[k].flags & NF_TOK_SENT_START)) &&
               source_after(a, c.end, 0, &c.src)) {
      c.group_end = c.src.end;
    }
    /* "would not let Portugal say so": a causative's object does not speak */
    static const char *const causatives[] = {"let", "lets", "make", "makes", "made", "hear",
                                             "heard", "see", "saw", "help", "helped", "watch"};
    if (c.src.kind != SRC_NONE && c.src.begin < c.begin && c.src.begin > 0 &&
        FOLD_IN(a, c.src.begin - 1, causatives)) {
      i = c.end - 1;
      continue;
    }
    if ((m.flags & NF_LEX_OBJECT) && c.group_end == c.end) c.group_end = (uint32_t)listener_end(a, c.end);
    s = add_cue(a, &c);
    i = c.end - 1;
  }
  return s;
}

/* ---- quotations ---------------------------------------------------------------- */

static nf_status add_quote(article *a, uint32_t ci, uint32_t b, uint32_t e) {
  if (e <= b) return NF_OK;
  if (a->nquotes == a->cap_quotes) {
    size_t cap = a->cap_quotes ? a->cap_quotes * 2 : 16;
    record_quote *v = realloc(a->quotes, cap * sizeof *v);
    if (!v) return NF_ERR_NOMEM;
    a->quotes = v;
    a->cap_quotes = cap;
  }
  a->quotes[a->nquotes++] = (record_quote){ci, b, e};
  return NF_OK;
}

static size_t paragraph_of(const article *a, size_t tok) {
  size_t si = nf_text_sentence_of(a->t, tok);
  size_t n;
  const nf_sentence *ss = nf_text_sentences(a->t, &n);
  return si < n ? ss[si].paragraph : (size_t)-1;
}

static int same_sentence(const article *a, size_t x, size_t y) {
  return nf_text_sentence_of(a->t, x) == nf_text_sentence_of(a->t, y);
}

/* The first cue after a closing mark, in its sentence, with no other
 * quotation between: "“...,” Austin said", "“...,” his friend X told",
 * "“...,” Saudi Arabia's energy minister, Prince X, said". */
static uint32_t cue_following(const article *a, size_t open, size_t after) {
  if (after >= a->ntoks) return NONE;
  for (size_t c = 0; c < a->ncues; c++) {
    const cue *cu = &a->cues[c];
    if (cu->begin < after) continue;
    /* a quotation inside the words that name the source is none of its content */
    if (cu->src.kind != SRC_NONE && cu->src.begin < open && cu->begin > open) continue;
    if (cu->begin > after + 16 || !same_sentence(a, after, cu->begin)) return NONE;
    size_t quote_marks = 0;
    for (size_t k = after + 1; k < cu->begin; k++)
      quote_marks += a->toks[k].kind == NF_TOKEN_QUOTE;
    /* at most one short quotation between: "X, wearing “Ted Cruz” pins, said" */
    if (quote_marks > 2) return NONE;
    if (cu->src.kind == SRC_NONE) /* "“...,” a senior official said": a short subject */
      for (size_t k = after; k < cu->begin; k++)
        if (a->toks[k].kind != NF_TOKEN_WORD && k > after + 1) return NONE;
    return (uint32_t)c;
  }
  return NONE;
}

/* The last cue before an opening mark, in its sentence, with little between:
 * "Austin said: “...”", "said in a statement, “...”", "telling them, “...”". */
static uint32_t cue_preceding(const article *a, size_t before) {
  for (size_t c = a->ncues; c-- > 0;) {
    const cue *cu = &a->cues[c];
    if (cu->group_end > before) continue;
    if (before - cu->group_end > 8 || !same_sentence(a, before, cu->end - 1)) return NONE;
    for (size_t k = cu->group_end; k < before; k++)
      if (a->toks[k].kind == NF_TOKEN_QUOTE || fold_is(a, k, "that")) return NONE;
    /* "said: “", "said in a statement, “"; not "said the forces stand “" */
    if (before > cu->group_end && !is_punct(a, before - 1, ":") && !is_punct(a, before - 1, ","))
      return NONE;
    return (uint32_t)c;
  }
  return NONE;
}

/* The cue of a sentence that holds the quotation inside its reported clause. */
static uint32_t cue_around(const article *a, const nf_quote *q) {
  size_t si = nf_text_sentence_of(a->t, q->tok_begin ? q->tok_begin - 1 : 0);
  size_t n;
  const nf_sentence *ss = nf_text_sentences(a->t, &n);
  if (si >= n) return NONE;
  for (size_t c = 0; c < a->ncues; c++) {
    const cue *cu = &a->cues[c];
    if (cu->group_begin >= ss[si].tok_begin && cu->group_end <= q->tok_begin &&
        cu->src.kind != SRC_NONE)
      return (uint32_t)c;
  }
  return NONE;
}

static nf_status attribute_quotes(article *a) {
  size_t nq;
  const nf_quote *qs = nf_text_quotes(a->t, &nq);
  uint32_t *of_piece = nq ? malloc(nq * sizeof *of_piece) : NULL;
  if (nq && !of_piece) return NF_ERR_NOMEM;
  nf_status s = NF_OK;
  uint32_t prev_cue = NONE;
  size_t prev_para = (size_t)-1;
  for (size_t qi = 0; qi < nq && s == NF_OK; qi++) {
    const nf_quote *q = &qs[qi];
    of_piece[qi] = NONE;
    if (q->depth != 0) continue;
    uint32_t ci = NONE;
    int partial = 0;
    size_t para = paragraph_of(a, q->tok_begin ? q->tok_begin - 1 : 0);
    if (q->first != qi) {
      ci = of_piece[q->first];
    } else {
      if (!(q->flags & NF_QUOTE_UNCLOSED))
        ci = cue_following(a, q->tok_begin ? q->tok_begin - 1 : 0, q->tok_end + 1);
      if (ci == NONE && q->tok_begin > 0) ci = cue_preceding(a, q->tok_begin - 1);
      if (ci == NONE) {
        ci = cue_around(a, q);
        /* "called Trump “unhinged”": the quotation is what was said */
        partial = ci != NONE && !(a->cues[ci].flags & NF_LEX_QUOTE);
      }
      /* "“A,” he said. “B.”": the paragraph's speaker goes on */
      if (ci == NONE && para == prev_para && prev_cue != NONE &&
          q->tok_begin > a->cues[prev_cue].end)
        ci = prev_cue;
    }
    of_piece[qi] = ci;
    if (partial) {
      a->cues[ci].used |= 2; /* its reported clause carries the quotation */
      continue;
    }
    if (ci != NONE) {
      a->cues[ci].used |= 1;
      prev_cue = ci;
      prev_para = para;
    }
    s = add_quote(a, ci, q->content.start, q->content.end);
  }
  free(of_piece);
  return s;
}

/* Reported speech: the clause a cue introduces, in its sentence. */
static nf_status reported_speech(article *a) {
  size_t ns;
  const nf_sentence *ss = nf_text_sentences(a->t, &ns);
  nf_status s = NF_OK;
  for (size_t ci = 0; ci < a->ncues && s == NF_OK; ci++) {
    cue *c = &a->cues[ci];
    if ((c->used & 1) || c->src.kind == SRC_NONE) continue;
    size_t si = nf_text_sentence_of(a->t, c->begin);
    if (si >= ns) continue;
    const nf_sentence *se = &ss[si];
    size_t sb = se->tok_begin, sbe = se->tok_end;
    while (sbe > sb && a->toks[sbe - 1].kind == NF_TOKEN_PUNCT) sbe--;
    while (sb < sbe && (a->toks[sb].kind == NF_TOKEN_QUOTE)) sb++;
    size_t gb = c->group_begin, ge = c->group_end;
    size_t cb, ce;
    int before_comma = gb > sb && is_punct(a, gb - 1, ",");
    int after_comma = 0; /* ", he said last week," */
    for (size_t k = ge; k < sbe && k < ge + 4 && !fold_is(a, k, "that"); k++)
      if (is_punct(a, k, ",")) after_comma = 1;
    /* after the cue nothing, or only an adjunct ("in a statement", "on Monday")? */
    static const char *const adjunct[] = {"in", "on", "at", "during", "after", "before", "last",
                                          "this", "earlier", "later", "late", "early", "when",
                                          "while", "from", "to", "by", "with", "as", "through",
                                          "monday", "tuesday", "wednesday", "thursday", "friday",
                                          "saturday", "sunday", "today", "yesterday", "of",
                                          "recently", "afterwards", "again", "too", "then"};
    int ends_sentence = ge >= sbe || (sbe <= ge + 8 && FOLD_IN(a, ge, adjunct) &&
                                      !ends_in_ing(a, c->begin));
    for (size_t k = ge; k < sbe && ends_sentence; k++)
      if (fold_is(a, k, "that") || a->toks[k].kind == NF_TOKEN_QUOTE) ends_sentence = 0;
    int inverted = c->src.kind != SRC_NONE && c->src.begin >= c->end;
    if (before_comma && inverted && !(c->flags & NF_LEX_SOURCE_AFTER)) {
      cb = sb, ce = gb - 1; /* "..., said Treasury Secretary Janet Yellen, as ..." */
    } else if (before_comma && after_comma && gb - sb > 2 && sbe - ge > 2) {
      cb = sb, ce = sbe; /* "X has, officials say, begun" */
    } else if (before_comma && ends_sentence) {
      cb = sb, ce = gb - 1; /* "..., the ministry said." */
    } else {
      cb = ge;
      if (c->src.kind != SRC_NONE && c->src.begin >= c->end) cb = c->src.end;
      /* adjuncts and listeners before the clause: "told Reuters", "on Monday" */
      size_t limit = cb + 6;
      for (size_t k = cb; k < sbe && k < limit; k++)
        if (fold_is(a, k, "that")) {
          cb = k + 1;
          break;
        }
      while (cb < sbe && (is_punct(a, cb, ",") || is_punct(a, cb, ":"))) cb++;
      ce = sbe;
    }
    /* "VILNIUS, Dec 20 (Reuters) - Lithuania ...": the dateline is no content */
    while (cb < ce && a->toks[cb].start < a->dateline_end) cb++;
    while (cb < ce && (a->toks[cb].kind == NF_TOKEN_DASH || a->toks[cb].kind == NF_TOKEN_PUNCT))
      cb++;
    if (ce <= cb) continue;
    s = add_quote(a, (uint32_t)ci, a->toks[cb].start, a->toks[ce - 1].end);
  }
  return s;
}

static int cmp_quote(const void *x, const void *y) {
  const record_quote *p = x, *q = y;
  return p->content_begin < q->content_begin ? -1 : p->content_begin > q->content_begin;
}

/* The bytes the token offsets refer to.  Not kept across nf_record_add_value:
 * the record keeps the text in the arena its values grow, so adding a value
 * may move it (nf_text_bytes would then point to freed memory); a sanitized
 * text is the nf_text's own copy and stays. */
static const char *article_bytes(nf_analysis *an) {
  const nf_text *t = nf_analysis_text(an);
  if (nf_text_replacements(t)) return nf_text_bytes(t, NULL);
  return nf_record_text(nf_analysis_record(an), NULL);
}

/* ---- output --------------------------------------------------------------------- */

static int named(const source *s) { return s->kind == SRC_PERSON || s->kind == SRC_BODY; }

static nf_status write_output(article *a, nf_analysis *an) {
  nf_record *rec = nf_analysis_record(an);
  if (a->nquotes) qsort(a->quotes, a->nquotes, sizeof *a->quotes, cmp_quote);
  json_t *quotes = json_array(), *speakers = json_array(), *seen = json_object();
  nf_status s = quotes && speakers && seen ? NF_OK : NF_ERR_NOMEM;
  for (size_t i = 0; s == NF_OK && i < a->nquotes; i++) {
    const record_quote *q = &a->quotes[i];
    const cue *c = q->cue != NONE ? &a->cues[q->cue] : NULL;
    const source *src = c && c->src.kind != SRC_NONE ? &c->src : NULL;
    json_t *speaker = src ? json_string(src->name) : json_null();
    json_t *span = src ? json_pack("[i,i]", (int)a->toks[src->begin].start,
                                   (int)a->toks[src->end - 1].end)
                       : json_null();
    char cuebuf[64] = "";
    if (c)
      snprintf(cuebuf, sizeof cuebuf, "%.*s", (int)(a->toks[c->end - 1].end - a->toks[c->begin].start),
               a->bytes + a->toks[c->begin].start);
    json_t *obj = json_pack("{s:o,s:o,s:s?,s:s%,s:[i,i]}", "speaker", speaker, "speaker_span",
                            span, "cue", c ? cuebuf : NULL, "content",
                            a->bytes + q->content_begin,
                            (size_t)(q->content_end - q->content_begin), "content_span",
                            (int)q->content_begin, (int)q->content_end);
    if (!obj || json_array_append_new(quotes, obj)) s = NF_ERR_NOMEM;
    nf_result r = {"quote", q->content_begin, q->content_end, src ? src->name : NULL,
                   c ? cuebuf : NULL, NF_NO_REF, 0};
    if (s == NF_OK) s = nf_analysis_emit(an, &r, NULL);
    if (s != NF_OK || !src || !named(src) || json_object_get(seen, src->name)) continue;
    if (json_object_set_new(seen, src->name, json_true()) ||
        json_array_append_new(speakers, json_string(src->name)))
      s = NF_ERR_NOMEM;
    if (s == NF_OK) s = nf_record_add_value(rec, "speakers", src->name, strlen(src->name));
    a->bytes = article_bytes(an); /* adding a value may move the record's text */
    if (s == NF_OK && src->country[0]) {
      char key[8];
      snprintf(key, sizeof key, "\x1f%s", src->country);
      if (!json_object_get(seen, key)) {
        if (json_object_set_new(seen, key, json_true())) s = NF_ERR_NOMEM;
        if (s == NF_OK)
          s = nf_record_add_value(rec, "speaker_countries", src->country,
                                  strlen(src->country));
        a->bytes = article_bytes(an);
      }
    }
  }
  json_t *root = nf_record_json(rec);
  if (s == NF_OK && json_object_set_new(root, "quotes", quotes)) s = NF_ERR_NOMEM;
  else if (s != NF_OK) json_decref(quotes);
  if (s == NF_OK && json_object_set_new(root, "speakers", speakers)) s = NF_ERR_NOMEM;
  else if (s != NF_OK) json_decref(speakers);
  json_decref(seen);
  return s;
}

static void article_free(article *a) {
  free(a->persons);
  free(a->titles);
  free(a->countries);
  free(a->person_end);
  free(a->cues);
  free(a->quotes);
}

static nf_status analyze(const void *instance, nf_analysis *an, nf_error *err) {
  article a;
  memset(&a, 0, sizeof a);
  a.lex = instance;
  a.t = nf_analysis_text(an);
  a.toks = nf_text_tokens(a.t, &a.ntoks);
  a.folds = nf_text_folds(a.t);
  a.bytes = article_bytes(an);
  json_t *dl = json_object_get(nf_record_json(nf_analysis_record(an)), "dateline");
  json_t *dspan = json_object_get(dl, "span");
  if (json_array_size(dspan) == 2)
    a.dateline_end = (uint32_t)json_integer_value(json_array_get(dspan, 1));
  nf_status s = read_mentions(&a, an);
  if (s == NF_OK) s = find_cues(&a);
  if (s == NF_OK) s = attribute_quotes(&a);
  if (s == NF_OK) s = reported_speech(&a);
  if (s == NF_OK) s = write_output(&a, an);
  article_free(&a);
  if (s == NF_ERR_NOMEM) return nf_error_set(err, s, "out of memory");
  return s;
}

const nf_analyzer_v1 nf_speaker_analyzer = {
    NF_ANALYZER_ABI,
    "speaker",
    "Quotations and reported speech with their speakers and cues",
    create,
    destroy,
    analyze,
};
