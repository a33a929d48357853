/* Person names: runs of capitalised words, made persons by cues, and every
 * later run resolved to the person whose name it shortens (person_names.h). */
#include "person_names.h"

#include "analysis/tokens.h"
#include "core/grow.h"
#include "fields/orgs.h"

#include <stdlib.h>
#include <string.h>

#define MAX_NAME_WORDS 6

/* A run of name tokens [begin, end) with its first and last core words
 * (neither an initial nor a suffix nor a particle). */
typedef struct run {
  uint32_t begin, end;
  uint32_t first, last; /* token indexes of the core words */
  uint32_t nwords;      /* capitalised words */
} run;

/* A word token written in lower case, by the hash of its folded form. */
typedef struct lower_word {
  uint32_t hash, tok;
} lower_word;

typedef struct finder {
  const nf_lexicon *lex;
  const uint16_t *lex_first; /* its first-token filter */
  const nf_text *t;
  nf_toks toks;
  const uint8_t *marks;
  lower_word *lower; /* the article's, sorted; made before the weak persons are checked */
  size_t nlower;
} finder;

void nf_people_init(nf_people *pp) { memset(pp, 0, sizeof *pp); }

static int is_kind(const finder *f, size_t i, unsigned kinds) {
  /* nf_lexicon_is, most tokens turned away before the call */
  nf_lex_match m =
      nf_lexicon_match_filtered(f->lex, f->lex_first, f->t, f->toks.v, f->toks.n, i, kinds);
  return m.len == 1;
}

/* "Significantly, the judge said": a sentence's opening adverb before a
 * comma is no name (its endings are no names' endings: "Kelly" keeps). */
static int opening_adverb(const finder *f, size_t i) {
  const nf_token *tk = &f->toks.v[i];
  if (!(tk->flags & NF_TOK_SENT_START) || i + 1 >= f->toks.n || !nf_tok_is(&f->toks, i + 1, ","))
    return 0;
  static const char *const endings[] = {"ally", "ntly",  "ously", "ively", "edly",
                                        "arly", "ingly", "ately", NULL};
  size_t n = tk->end - tk->start;
  const char *p = f->toks.bytes + tk->start;
  for (size_t k = 0; endings[k]; k++) {
    size_t m = strlen(endings[k]);
    if (n >= m + 3 && memcmp(p + n - m, endings[k], m) == 0) return 1;
  }
  return 0;
}

/* Two initials written together before a name, "G.K." in "G.K.
 * Butterfield", "H.W." in "George H.W. Bush": no word of the lexicon
 * ("U.S.", "U.N."), nor a state's after a place ("Newark, N.J., said"). */
static int paired_initials(const finder *f, size_t i) {
  const nf_token *tk = &f->toks.v[i];
  const char *p = f->toks.bytes + tk->start;
  return tk->end - tk->start == 4 && p[0] >= 'A' && p[0] <= 'Z' && p[1] == '.' && p[2] >= 'A' &&
         p[2] <= 'Z' && p[3] == '.' && !is_kind(f, i, ~0u) && i + 1 < f->toks.n &&
         (f->toks.v[i + 1].flags & NF_TOK_TITLE_CASE);
}

/* A capitalised word that may be part of a name. */
static int name_word(const finder *f, size_t i) {
  if (i >= f->toks.n) return 0;
  const nf_token *tk = &f->toks.v[i];
  if (tk->kind != NF_TOKEN_WORD || !(tk->flags & NF_TOK_HAS_LETTER) ||
      !(tk->flags & NF_TOK_CAPITALIZED) || (tk->flags & NF_TOK_HAS_DIGIT))
    return 0;
  if (f->marks[i] & (NF_PM_COUNTRY | NF_PM_TITLE | NF_PM_ORG)) return 0;
  /* "NATO", "VILNIUS": capitals are acronyms or datelines, not names */
  int initial = (tk->flags & NF_TOK_INITIAL) || paired_initials(f, i);
  if ((tk->flags & NF_TOK_ALL_CAPS) && !initial && tk->end - tk->start > 1) return 0;
  if ((tk->flags & NF_TOK_ABBREV) && !initial) return 0; /* "U.S.", "Dec." */
  if (opening_adverb(f, i)) return 0;
  if (is_kind(f, i,
              NF_LEX_BIT(NF_LEX_STOP) | NF_LEX_BIT(NF_LEX_HONORIFIC) | NF_LEX_BIT(NF_LEX_SUFFIX) |
                  NF_LEX_BIT(NF_LEX_BODY)))
    return 0;
  /* a title word is a surname after a given name or an initial, where the
   * title finder took it for none: "Peter T. King" */
  if (is_kind(f, i, NF_LEX_BIT(NF_LEX_HEAD)))
    return i > 0 && !(f->marks[i] & NF_PM_TITLE) && (tk->flags & NF_TOK_SPACE_BEFORE) &&
           f->toks.v[i - 1].kind == NF_TOKEN_WORD &&
           ((f->toks.v[i - 1].flags & NF_TOK_INITIAL) ||
            is_kind(f, i - 1, NF_LEX_BIT(NF_LEX_FIRST_NAME)));
  return 1;
}

static int is_particle(const finder *f, size_t i) {
  return i < f->toks.n && (f->toks.v[i].flags & NF_TOK_LOWER) &&
         is_kind(f, i, NF_LEX_BIT(NF_LEX_PARTICLE));
}

static int is_suffix(const finder *f, size_t i) {
  return i < f->toks.n && !(f->marks[i] & (NF_PM_TITLE | NF_PM_COUNTRY)) &&
         is_kind(f, i, NF_LEX_BIT(NF_LEX_SUFFIX)) && !(f->toks.v[i].flags & NF_TOK_LOWER);
}

static int glued(const finder *f, size_t i) {
  return i < f->toks.n && !(f->toks.v[i].flags & NF_TOK_SPACE_BEFORE);
}

/* A short lower-case syllable glued after a hyphen: "cheng", "woo"; not a
 * word of the lexicon nor a participle ("London-based"). */
static int given_syllable(const finder *f, size_t i) {
  if (i >= f->toks.n || !glued(f, i)) return 0;
  const nf_token *tk = &f->toks.v[i];
  size_t n = tk->end - tk->start;
  const char *p = f->toks.bytes + tk->start;
  if (tk->kind != NF_TOKEN_WORD || !(tk->flags & NF_TOK_LOWER) || n < 2 || n > 5) return 0;
  for (size_t j = 0; j < n; j++)
    if (p[j] < 'a' || p[j] > 'z') return 0;
  if (n > 2 && p[n - 2] == 'e' && p[n - 1] == 'd') return 0;
  return !is_kind(f, i, ~0u);
}

/* Token i follows a saint's "St", "San" or "Santa": a first name there
 * names a place or a thing ("St Lawrence Seaway", "San Jose Mercury"). */
static const char *const saints[] = {"st", "saint", "san", "santa", "sao", "ste", NULL};
static int after_saint(const finder *f, size_t i) {
  return i > 0 && nf_tok_in(&f->toks, i - 1, saints);
}

/* The run of name tokens that starts at i, if any. */
static int read_run(const finder *f, size_t i, run *r) {
  if (!name_word(f, i)) return 0;
  /* "Stoke-on-Trent": the tail of a hyphenated place */
  if (i > 0 && f->toks.v[i - 1].kind == NF_TOKEN_HYPHEN &&
      !(f->toks.v[i].flags & NF_TOK_SPACE_BEFORE))
    return 0;
  memset(r, 0, sizeof *r);
  r->begin = (uint32_t)i;
  size_t k = i, end = i;
  uint32_t words = 0;
  while (k < f->toks.n && words < MAX_NAME_WORDS) {
    if (name_word(f, k)) {
      words++;
      end = ++k;
      continue;
    }
    /* "von der Leyen", "bin Salman", "al-Sisi" */
    size_t p = k;
    while (p < k + 3 && is_particle(f, p)) p++;
    if (p > k && p < f->toks.n && f->toks.v[p].kind == NF_TOKEN_HYPHEN && glued(f, p)) p++;
    if (p > k && name_word(f, p)) {
      k = p;
      continue;
    }
    /* "John “Tig” Tiegen": a one-word nickname in quotation marks */
    if (words && k + 3 < f->toks.n && f->toks.v[k].kind == NF_TOKEN_QUOTE &&
        (f->toks.v[k].flags & NF_TOK_OPEN) && f->toks.v[k + 2].kind == NF_TOKEN_QUOTE &&
        (f->toks.v[k + 2].flags & NF_TOK_CLOSE) && name_word(f, k + 1) && name_word(f, k + 3)) {
      k += 3;
      continue;
    }
    /* "Santos-Reyes" */
    if (f->toks.v[k].kind == NF_TOKEN_HYPHEN && glued(f, k) && glued(f, k + 1) &&
        name_word(f, k + 1)) {
      k++;
      continue;
    }
    /* "Denis Sassou-\nNguesso": a name hyphenated at the end of a line */
    if (words && (f->toks.v[k].kind == NF_TOKEN_HYPHEN || nf_tok_is(&f->toks, k, "-")) &&
        glued(f, k) && k + 1 < f->toks.n && (f->toks.v[k + 1].flags & NF_TOK_LINE_START) &&
        name_word(f, k + 1)) {
      k++;
      continue;
    }
    /* "Chang Chi-cheng", "Roh Tae-woo": the lower-case second syllable of
     * an East Asian given name */
    if (words && f->toks.v[k].kind == NF_TOKEN_HYPHEN && glued(f, k) && given_syllable(f, k + 1)) {
      words++;
      end = k += 2;
      continue;
    }
    break;
  }
  if (is_suffix(f, end)) end++;
  r->end = (uint32_t)end;
  r->nwords = words;
  /* core words: skip initials and suffixes */
  int have_first = 0;
  for (size_t j = r->begin; j < r->end; j++) {
    const nf_token *tk = &f->toks.v[j];
    if (tk->kind != NF_TOKEN_WORD || (tk->flags & NF_TOK_INITIAL) || is_suffix(f, j) ||
        (tk->flags & NF_TOK_LOWER))
      continue;
    if (!have_first) r->first = (uint32_t)j;
    have_first = 1;
    r->last = (uint32_t)j;
  }
  if (!have_first) return 0;
  /* "Recorder Helen Purcell": a first name inside the run starts the name
   * (not a saint's: "St Lawrence Seaway") */
  if (r->first != r->last && !is_kind(f, r->first, NF_LEX_BIT(NF_LEX_FIRST_NAME))) {
    for (size_t j = r->first + 1; j < r->last; j++) {
      if (f->toks.v[j].kind != NF_TOKEN_WORD || !name_word(f, j)) continue;
      if (!is_kind(f, j, NF_LEX_BIT(NF_LEX_FIRST_NAME)) || after_saint(f, j)) continue;
      for (size_t k = r->begin; k < j; k++)
        if (f->toks.v[k].kind == NF_TOKEN_WORD && (f->toks.v[k].flags & NF_TOK_CAPITALIZED))
          r->nwords--;
      r->begin = r->first = (uint32_t)j;
      break;
    }
  }
  return 1;
}

/* A capitalised legal-form suffix: "Inc", "Corp.", "Co", "Ltd", "plc". */
static int legal_suffix(const finder *f, size_t i) {
  if (i >= f->toks.n || f->toks.v[i].kind != NF_TOKEN_WORD ||
      (f->toks.v[i].flags & NF_TOK_LOWER && !nf_tok_is(&f->toks, i, "plc")))
    return 0;
  const nf_token *tk = &f->toks.v[i];
  return nf_org_is_suffix(f->toks.bytes + tk->start, tk->end - tk->start);
}

/* An organisation's name, not a person's: a word such as "Bank" in it, a
 * legal-form suffix in or after it ("General Electric Co", "Investors
 * Service Inc"; "Smith and Co"), all of it office words ("Foreign Affairs"),
 * or the tail of "Ministry of ...". */
static int run_has_orgword(const finder *f, const run *r) {
  int all_office = 1;
  size_t after = r->end;
  /* "Hambros Bank Ltd": a capitalised body word right after the name */
  if (after < f->toks.n && (f->toks.v[after].flags & NF_TOK_CAPITALIZED) &&
      is_kind(f, after, NF_LEX_BIT(NF_LEX_ORGWORD) | NF_LEX_BIT(NF_LEX_BODY)))
    return 1;
  if (after < f->toks.n && nf_tok_is(&f->toks, after, ",")) after++;
  if (after < f->toks.n && (nf_tok_is(&f->toks, after, "and") || nf_tok_is(&f->toks, after, "&")))
    after++;
  if (legal_suffix(f, after)) return 1;
  for (size_t j = r->begin; j < r->end; j++) {
    if (is_kind(f, j, NF_LEX_BIT(NF_LEX_ORGWORD)) || legal_suffix(f, j)) return 1;
    if (f->toks.v[j].kind == NF_TOKEN_WORD &&
        !is_kind(f, j, NF_LEX_BIT(NF_LEX_DOMAIN) | NF_LEX_BIT(NF_LEX_RANK)))
      all_office = 0;
  }
  if (all_office) return 1;
  size_t b = r->begin;
  if (b > 0 && nf_tok_is(&f->toks, b - 1, "the")) b--;
  return b > 1 && (nf_tok_is(&f->toks, b - 1, "of") || nf_tok_is(&f->toks, b - 1, "for")) &&
         (f->toks.v[b - 2].flags & NF_TOK_CAPITALIZED) &&
         is_kind(f, b - 2, NF_LEX_BIT(NF_LEX_ORGWORD) | NF_LEX_BIT(NF_LEX_BODY));
}

/* A run that is the name of a news agency names no person; nor does the
 * name of a place ("New York", "London") unless an honorific or a title
 * says so ("Mr. London", "Defense Secretary Austin"). */
static int run_is_place(const finder *f, const run *r) {
  /* a news agency is never one: "Tanjug said" */
  if (nf_lexicon_match(f->lex, f->t, r->begin, NF_LEX_BIT(NF_LEX_AGENCY)).len == r->end - r->begin)
    return 1;
  size_t b = r->begin;
  int titled = b > 0 && ((f->marks[b - 1] & NF_PM_TITLE_END) ||
                         nf_lexicon_match(f->lex, f->t, b - 1, NF_LEX_BIT(NF_LEX_HONORIFIC)).len);
  /* a saint's name: "St Lawrence Seaway", "San Miguel" (but "Mr. St. Germain") */
  if (r->nwords >= 2 && nf_tok_in(&f->toks, b, saints) && !titled) return 1;
  nf_lex_match m = nf_lexicon_match(f->lex, f->t, r->begin, NF_LEX_BIT(NF_LEX_PLACE));
  return m.len == r->end - r->begin && !titled;
}

/* The first tokens of the article's company names: runs with a legal-form
 * suffix ("Texaco Inc", "General Electric Co").  A later run that is the
 * start of one ("Texaco said") is the company, not a person. */
#define MAX_ORGS 64
typedef struct org_runs {
  run v[MAX_ORGS];
  size_t n;
} org_runs;

static void find_org_runs(const finder *f, org_runs *o);
static int run_starts_org(const finder *f, const run *r, const org_runs *o) {
  for (size_t i = 0; i < o->n; i++) {
    const run * or = &o->v[i];
    if (or->begin == r->begin || or->end - or->begin <= r->end - r->begin) continue;
    size_t k = 0;
    for (; r->begin + k < r->end; k++)
      if (strcmp(nf_tok_fold(&f->toks, r->begin + k), nf_tok_fold(&f->toks, or->begin + k)) != 0)
        break;
    if (r->begin + k == r->end) return 1;
  }
  return 0;
}

/* Adverbs and auxiliaries between a subject and its verb: "Austin also said". */
static int is_filler(const finder *f, size_t i) {
  static const char *const words[] = {
      "also",  "later",      "earlier",  "has",    "had",        "have",    "then",
      "again", "previously", "recently", "once",   "repeatedly", "further", "would",
      "will",  "separately", "quickly",  "simply", NULL};
  return nf_tok_in(&f->toks, i, words);
}

/* A reporting verb that is only ever said of speech ("said", not "continued"). */
static int verb_at(const finder *f, size_t i) {
  if (i >= f->toks.n || (f->toks.v[i].flags & NF_TOK_IN_QUOTE)) return 0;
  nf_lex_match m = nf_lexicon_match(f->lex, f->t, i, NF_LEX_BIT(NF_LEX_VERB));
  return m.len > 0 && !(m.flags & NF_LEX_WEAK);
}

static int is_determiner(const finder *f, size_t i) {
  static const char *const words[] = {"the", "a",     "an",  "its",   "his",
                                      "her", "their", "our", "whose", NULL};
  return nf_tok_in(&f->toks, i, words);
}

/* Words that describe a firm, not a person: "the group's subsidiary, Acme
 * Widgets, said", "Acme, a maker of pumps, warned". */
static const char *const firm_parts[] = {"subsidiary", "unit",        "affiliate",    "division",
                                         "branch",     "arm",         "parent",       "auditor",
                                         "auditors",   "maker",       "producer",     "owner",
                                         "operator",   "underwriter", "underwriters", NULL};

/* A reporting verb, weak ones too ("urged", "warned"). */
static int any_verb_at(const finder *f, size_t i) {
  return i < f->toks.n && !(f->toks.v[i].flags & NF_TOK_IN_QUOTE) &&
         nf_lexicon_match(f->lex, f->t, i, NF_LEX_BIT(NF_LEX_VERB)).len > 0;
}

/* "a doctoral candidate at", "an education professor": an article and
 * lower-case words up to a preposition or comma, none a body's ("a unit
 * of", "the company's") nor a part of a firm. */
static int describes_person(const finder *f, size_t i) {
  static const char *const articles[] = {"a", "an", NULL};
  static const char *const ends[] = {"of", "at", "for", "from", "in", "with", "who", "and", NULL};
  if (!nf_tok_in(&f->toks, i, articles)) return 0;
  size_t k = i + 1, words = 0;
  for (; k < f->toks.n && k < i + 6; k++) {
    const nf_token *tk = &f->toks.v[k];
    if (nf_tok_in(&f->toks, k, ends) || nf_tok_is(&f->toks, k, ",")) break;
    if (tk->kind != NF_TOKEN_WORD || !(tk->flags & NF_TOK_LOWER) ||
        is_kind(f, k, NF_LEX_BIT(NF_LEX_BODY)) || nf_tok_in(&f->toks, k, firm_parts) ||
        (tk->flags & NF_TOK_POSSESSIVE))
      return 0;
    words++;
  }
  return words > 0 && k < i + 6;
}

/* The cue that makes a run a person: 0 none, CUE_STRONG for one that only a
 * person takes (an honorific, a title, an age, a first name), CUE_VERB for a
 * reporting verb (which companies take too: "Lloyds said"); the gender it
 * tells, if any, in *gender. */
enum { CUE_NONE, CUE_VERB, CUE_STRONG };
static int has_cue(const finder *f, const run *r, uint8_t *gender) {
  size_t b = r->begin, e = r->end;
  *gender = NF_GENDER_UNKNOWN;
  /* an honorific: "Mr. Austin" */
  if (b > 0) {
    nf_lex_match m = nf_lexicon_match(f->lex, f->t, b - 1, NF_LEX_BIT(NF_LEX_HONORIFIC));
    if (m.len == 1) {
      if (m.flags & NF_LEX_MALE) *gender = NF_GENDER_MALE;
      if (m.flags & NF_LEX_FEMALE) *gender = NF_GENDER_FEMALE;
      return CUE_STRONG;
    }
  }
  /* a title before: "Defense Minister Arvydas Anusauskas", "the minister, X," */
  if (b > 0 && (f->marks[b - 1] & NF_PM_TITLE_END)) return CUE_STRONG;
  if (b > 1 && nf_tok_is(&f->toks, b - 1, ",") && (f->marks[b - 2] & NF_PM_TITLE_END))
    return CUE_STRONG;
  /* "operations at Hasbrouck Heights, the spokesman added": a name after
   * "at", "in" or "near" is a place's or a firm's */
  static const char *const place_preps[] = {"at", "in", "near", NULL};
  if (b > 0 && nf_tok_in(&f->toks, b - 1, place_preps)) return CUE_NONE;
  /* a title after: "Landsbergis, Lithuania's foreign minister," */
  if (nf_tok_is(&f->toks, e, ",")) {
    size_t k = e + 1;
    while (k < e + 4 && is_determiner(f, k)) k++;
    if (k < f->toks.n && (f->marks[k] & (NF_PM_TITLE_START))) return CUE_STRONG;
    /* an age: "Kallas, 45," */
    if (k == e + 1 && k + 1 < f->toks.n && f->toks.v[k].kind == NF_TOKEN_NUMBER &&
        nf_tok_is(&f->toks, k + 1, ","))
      return CUE_STRONG;
  }
  /* a reporting verb after: "Uzra Zeya told", "Austin also said"; not the
   * tail of a longer name ("the Panama Canal said") */
  size_t k = e;
  if (k < f->toks.n && nf_tok_is(&f->toks, k, "(")) /* "Lisa Madigan (D) said" */
    for (size_t j = k; j < k + 8 && j < f->toks.n; j++)
      if (nf_tok_is(&f->toks, j, ")")) {
        k = j + 1;
        break;
      }
  while (k < e + 2 && is_filler(f, k)) k++;
  /* "Kasich is telling a crowd" */
  if (k < f->toks.n && (nf_tok_is(&f->toks, k, "is") || nf_tok_is(&f->toks, k, "was")) &&
      k + 1 < f->toks.n && f->toks.v[k + 1].fold_len > 4 &&
      memcmp(nf_tok_fold(&f->toks, k + 1) + f->toks.v[k + 1].fold_len - 3, "ing", 3) == 0)
    k++;
  int glued_before =
      b > 0 && ((f->marks[b - 1] & (NF_PM_COUNTRY | NF_PM_ORG)) ||
                ((f->toks.v[b - 1].flags & NF_TOK_CAPITALIZED) &&
                 f->toks.v[b - 1].kind == NF_TOKEN_WORD && !(f->marks[b - 1] & NF_PM_TITLE_END)));
  /* "Lewis of Phillips and Drew said": the tail of a firm's name */
  int name_tail = b >= 3 &&
                  (nf_tok_is(&f->toks, b - 1, "and") || nf_tok_is(&f->toks, b - 1, "&")) &&
                  (f->toks.v[b - 2].flags & NF_TOK_CAPITALIZED) &&
                  (nf_tok_is(&f->toks, b - 3, "of") || nf_tok_is(&f->toks, b - 3, "at"));
  if (verb_at(f, k) && !(glued_before && r->nwords == 1) && !name_tail) return CUE_VERB;
  /* a closing appositive: "Tad Devine, Sanders' senior media adviser, said";
   * a long one when a relative clause in it is a person's ("Jan Roe, a
   * friend of the family who later ran her campaign, said") */
  if (r->nwords >= 2 &&
      (nf_tok_is(&f->toks, e, ",") || (e < f->toks.n && f->toks.v[e].kind == NF_TOKEN_DASH))) {
    int who = 0, described = describes_person(f, e + 1);
    for (size_t j = e + 1; j < e + (who ? 32 : 16) && j + 1 < f->toks.n; j++) {
      const nf_token *tj = &f->toks.v[j];
      if (nf_tok_is(&f->toks, j, "who")) who = 1;
      if (tj->kind == NF_TOKEN_QUOTE || nf_tok_is(&f->toks, j, ".") || nf_tok_is(&f->toks, j, ";"))
        break;
      /* after a description of a person, any reporting verb ("Jan Roe, a
       * doctoral candidate at ..., urged") */
      if ((nf_tok_is(&f->toks, j, ",") || tj->kind == NF_TOKEN_DASH) &&
          (verb_at(f, j + 1) || (described && any_verb_at(f, j + 1))))
        return CUE_STRONG;
      if (verb_at(f, j)) break;
    }
  }
  if (r->nwords >= 2 && nf_tok_is(&f->toks, e, ",")) {
    /* a name in apposition just before its verb, after a description in
     * lower case that names no body nor a part of a firm: "One of the
     * report's authors, Jan Roe, said" (not "the group's subsidiary, Acme
     * Widgets, said") */
    if (b > 1 && nf_tok_is(&f->toks, b - 1, ",") && verb_at(f, e + 1) &&
        f->toks.v[b - 2].kind == NF_TOKEN_WORD && (f->toks.v[b - 2].flags & NF_TOK_LOWER) &&
        !is_kind(f, b - 2, NF_LEX_BIT(NF_LEX_BODY)) && !nf_tok_in(&f->toks, b - 2, firm_parts))
      return CUE_VERB;
    /* a relative clause that only persons take: "Jan Roe, who runs the
     * drive, said" (a firm is "which") */
    if (nf_tok_is(&f->toks, e + 1, "who")) return CUE_STRONG;
  }
  /* a reporting verb before: "..., said Austin", "..., said Virginia
   * delegate Beau Correll", "according to Austin" */
  int possessed = e < f->toks.n && (f->toks.v[e].flags & NF_TOK_POSSESSIVE); /* "Florida's" */
  for (size_t v = b; !possessed && v-- > 0 && v + 6 > b;) {
    if (verb_at(f, v)) {
      nf_lex_match m = nf_lexicon_match(f->lex, f->t, v, NF_LEX_BIT(NF_LEX_VERB));
      if ((m.flags & NF_LEX_INVERT) && v > 0 &&
          (nf_tok_is(&f->toks, v - 1, ",") || f->toks.v[v - 1].kind == NF_TOKEN_QUOTE) &&
          (v + 1 == b || r->nwords >= 2))
        return CUE_VERB;
      break;
    }
    if (f->toks.v[v].kind != NF_TOKEN_WORD) break;
  }
  if (b > 1 && nf_tok_is(&f->toks, b - 2, "according") && nf_tok_is(&f->toks, b - 1, "to"))
    return CUE_VERB;
  /* a first name: "Gabrielius Landsbergis" */
  if (r->nwords >= 2 && !after_saint(f, b)) {
    nf_lex_match m = nf_lexicon_match(f->lex, f->t, r->first, NF_LEX_BIT(NF_LEX_FIRST_NAME));
    if (m.len == 1 && m.entry) {
      if (m.flags & NF_LEX_MALE) *gender = NF_GENDER_MALE;
      if (m.flags & NF_LEX_FEMALE) *gender = NF_GENDER_FEMALE;
      if ((m.flags & (NF_LEX_MALE | NF_LEX_FEMALE)) == (NF_LEX_MALE | NF_LEX_FEMALE))
        *gender = NF_GENDER_UNKNOWN;
      return CUE_STRONG;
    }
  }
  return 0;
}

static uint8_t first_name_gender(const finder *f, const run *r) {
  if (r->nwords < 2) return NF_GENDER_UNKNOWN;
  nf_lex_match m = nf_lexicon_match(f->lex, f->t, r->first, NF_LEX_BIT(NF_LEX_FIRST_NAME));
  if (!m.len) return NF_GENDER_UNKNOWN;
  if ((m.flags & NF_LEX_MALE) && !(m.flags & NF_LEX_FEMALE)) return NF_GENDER_MALE;
  if ((m.flags & NF_LEX_FEMALE) && !(m.flags & NF_LEX_MALE)) return NF_GENDER_FEMALE;
  return NF_GENDER_UNKNOWN;
}

static uint8_t title_gender(const finder *f, const run *r) {
  size_t b = r->begin;
  size_t k = b > 0 && (f->marks[b - 1] & NF_PM_TITLE_END) ? b - 1 : (size_t)-1;
  if (k == (size_t)-1) return NF_GENDER_UNKNOWN;
  /* the caller's title heads are in the lexicon: spokeswoman, chairman */
  for (size_t j = k + 1; j-- > 0 && (f->marks[j] & NF_PM_TITLE);) {
    nf_lex_match m = nf_lexicon_match(f->lex, f->t, j, NF_LEX_BIT(NF_LEX_HEAD));
    if (m.flags & NF_LEX_MALE) return NF_GENDER_MALE;
    if (m.flags & NF_LEX_FEMALE) return NF_GENDER_FEMALE;
    if (j == 0) break;
  }
  return NF_GENDER_UNKNOWN;
}

/* The core words of a person's fullest name. */
static void person_run(const finder *f, const nf_person *p, run *r) {
  (void)f;
  r->begin = p->tok_begin;
  r->end = p->tok_end;
  r->first = p->core_first;
  r->last = p->core_last;
  r->nwords = p->nwords;
}

/* 1 when token k's folded form is one of the core words of r. */
static int in_core(const finder *f, const run *r, size_t k) {
  for (size_t j = r->first; j <= r->last && j < r->end; j++) {
    const nf_token *tk = &f->toks.v[j];
    if (tk->kind != NF_TOKEN_WORD || (tk->flags & NF_TOK_INITIAL)) continue;
    if (strcmp(nf_tok_fold(&f->toks, j), nf_tok_fold(&f->toks, k)) == 0) return 1;
  }
  return 0;
}

/* A name written family name first, its given name two syllables joined by
 * a hyphen, the second in lower case: "Ban Ki-moon", "Moon Jae-in". */
static int family_name_first(const finder *f, const run *pr) {
  size_t k = pr->last + 1;
  return pr->first != pr->last && k + 1 < pr->end && f->toks.v[k].kind == NF_TOKEN_HYPHEN &&
         glued(f, k) && given_syllable(f, k + 1);
}

/* Does run r name person p (whose fullest name is pr)? */
static int names(const finder *f, const run *r, const run *pr) {
  if (!pr->nwords) return 0;
  /* "Ban" after "Ban Ki-moon" */
  if (r->first == r->last && family_name_first(f, pr) &&
      strcmp(nf_tok_fold(&f->toks, r->last), nf_tok_fold(&f->toks, pr->first)) == 0)
    return 1;
  if (strcmp(nf_tok_fold(&f->toks, r->last), nf_tok_fold(&f->toks, pr->last)) == 0) {
    if (r->first == r->last || pr->first == pr->last) return 1;
    return in_core(f, pr, r->first);
  }
  return 0;
}

/* "Xi" for "Xi Jinping": a surname written first; "Lula" for "Luiz Inácio
 * Lula da Silva": a middle name of a long name. */
static int names_by_first(const finder *f, const run *r, const run *pr) {
  if (r->first != r->last || pr->first == pr->last) return 0;
  /* "Sheikh Ali" for "Sheikh Ali al-Khalifa al-Sabah": royals and sheikhs
   * go by their given names */
  static const char *const by_given[] = {"sheikh", "prince", "princess", "emir",
                                         "king",   "queen",  "sultan",   NULL};
  int given = pr->nwords == 2 || (r->begin > 0 && nf_tok_in(&f->toks, r->begin - 1, by_given));
  if (given && strcmp(nf_tok_fold(&f->toks, r->first), nf_tok_fold(&f->toks, pr->first)) == 0)
    return 1;
  if (pr->nwords == 2) return 0;
  for (size_t j = pr->first + 1; j < pr->last; j++)
    if (f->toks.v[j].kind == NF_TOKEN_WORD && (f->toks.v[j].flags & NF_TOK_CAPITALIZED) &&
        !(f->toks.v[j].flags & NF_TOK_INITIAL) &&
        strcmp(nf_tok_fold(&f->toks, j), nf_tok_fold(&f->toks, r->first)) == 0)
      return 1;
  return 0;
}

static nf_status add_person(nf_people *pp, const run *r, uint8_t gender) {
  if (NF_GROW(pp->persons, pp->cap_persons, pp->npersons + 1) != NF_OK) return NF_ERR_NOMEM;
  nf_person *p = &pp->persons[pp->npersons++];
  p->tok_begin = r->begin;
  p->tok_end = r->end;
  p->core_first = r->first;
  p->core_last = r->last;
  p->nwords = r->nwords;
  p->first_mention = UINT32_MAX;
  p->gender = gender;
  p->weak = 0;
  return NF_OK;
}

static nf_status add_mention(nf_people *pp, const run *r, size_t person) {
  if (NF_GROW(pp->mentions, pp->cap_mentions, pp->nmentions + 1) != NF_OK) return NF_ERR_NOMEM;
  nf_person_mention *m = &pp->mentions[pp->nmentions];
  m->tok_begin = r->begin;
  m->tok_end = r->end;
  m->person = (uint32_t)person;
  if (pp->persons[person].first_mention == UINT32_MAX)
    pp->persons[person].first_mention = (uint32_t)pp->nmentions;
  pp->nmentions++;
  return NF_OK;
}

/* The person a run names: the most recently mentioned of those it could
 * name, else the first; (size_t)-1 when none. */
static size_t resolve(const finder *f, const nf_people *pp, const run *r, const uint32_t *last) {
  size_t best = (size_t)-1;
  for (int by_first = 0; by_first < 2 && best == (size_t)-1; by_first++) {
    for (size_t p = 0; p < pp->npersons; p++) {
      run pr;
      person_run(f, &pp->persons[p], &pr);
      if (!(by_first ? names_by_first(f, r, &pr) : names(f, r, &pr))) continue;
      if (best == (size_t)-1 ||
          (last[p] != UINT32_MAX && (last[best] == UINT32_MAX || last[p] > last[best])))
        best = p;
    }
  }
  return best;
}

static void find_org_runs(const finder *f, org_runs *o) {
  o->n = 0;
  for (size_t i = 0; i < f->toks.n && o->n < MAX_ORGS;) {
    run r;
    if (!read_run(f, i, &r)) {
      i++;
      continue;
    }
    i = r.end;
    /* "Kidder, Peabody and Co": the suffix may follow a comma */
    size_t after = r.end + (r.end < f->toks.n && nf_tok_is(&f->toks, r.end, ","));
    int company = legal_suffix(f, after);
    for (size_t j = r.begin; j < r.end && !company; j++) company = legal_suffix(f, j);
    if (company) {
      /* the suffix ends the company's name */
      if (r.end < after + 1 && legal_suffix(f, after)) r.end = (uint32_t)(after + 1);
      o->v[o->n++] = r;
    }
  }
}

/* 1 when the first pronoun in the two sentences after token `from` is a
 * person's ("he", "her"), 0 when it is a thing's ("it", "its") or none. */
static int referred_to_as_person(const finder *f, size_t from) {
  static const char *const personal[] = {"he", "she", "his", "her", "him", "hers", NULL};
  static const char *const neuter[] = {"it", "its", NULL};
  for (size_t k = from, starts = 0; k < f->toks.n && k < from + 80; k++) {
    if ((f->toks.v[k].flags & NF_TOK_SENT_START) && ++starts > 2) break;
    if (nf_tok_in(&f->toks, k, personal)) return 1;
    if (nf_tok_in(&f->toks, k, neuter)) return 0;
  }
  return 0;
}

static int by_hash(const void *a, const void *b) {
  const lower_word *x = a, *y = b;
  return x->hash != y->hash ? (x->hash < y->hash ? -1 : 1) : (x->tok > y->tok) - (x->tok < y->tok);
}

/* The article's words in lower case, sorted by hash: asked for one run
 * after another, a scan of the article each time would be quadratic. */
static nf_status index_lower_words(finder *f) {
  f->lower = malloc((f->toks.n ? f->toks.n : 1) * sizeof *f->lower);
  if (!f->lower) return NF_ERR_NOMEM;
  f->nlower = 0;
  for (size_t j = 0; j < f->toks.n; j++)
    if (f->toks.v[j].flags & NF_TOK_LOWER)
      f->lower[f->nlower++] = (lower_word){f->toks.v[j].hash, (uint32_t)j};
  qsort(f->lower, f->nlower, sizeof *f->lower, by_hash);
  return NF_OK;
}

/* The word at token k is written in lower case somewhere in the article. */
static int written_in_lower(const finder *f, size_t k) {
  uint32_t hash = f->toks.v[k].hash;
  size_t lo = 0, hi = f->nlower;
  while (lo < hi) { /* the first of the hash */
    size_t mid = lo + (hi - lo) / 2;
    if (f->lower[mid].hash < hash)
      lo = mid + 1;
    else
      hi = mid;
  }
  const char *w = nf_tok_fold(&f->toks, k);
  for (; lo < f->nlower && f->lower[lo].hash == hash; lo++)
    if (strcmp(nf_tok_fold(&f->toks, f->lower[lo].tok), w) == 0) return 1;
  return 0;
}

/* A run of two or three capitalised words elsewhere in the article that
 * ends in person p's one word and names no organisation or place: "Jan
 * Roe" for a "Roe said" that only a verb made a person.  News names a person
 * in full once, with or without a cue; a company's one word ("Acme said")
 * is seldom the last word of a two-word name. */
static int full_name_elsewhere(const finder *f, const nf_person *p, const org_runs *orgs,
                               run *full) {
  for (size_t i = 0; i < f->toks.n;) {
    run r;
    if (!read_run(f, i, &r)) {
      i++;
      continue;
    }
    i = r.end;
    if (r.nwords < 2 || r.nwords > 3 || r.first == r.last ||
        strcmp(nf_tok_fold(&f->toks, r.last), nf_tok_fold(&f->toks, p->core_last)) != 0)
      continue;
    /* title-case words, none a country's, a title's or an organisation's
     * ("European Acme", "Sen Jan Roe"), the first no function word
     * ("Neither Roe"), not a thing's name ("the Springfield Star") */
    int plain = r.begin == 0 || !nf_tok_is(&f->toks, r.begin - 1, "the");
    for (size_t j = r.begin; j < r.end && plain; j++)
      if ((f->toks.v[j].kind == NF_TOKEN_WORD && !(f->toks.v[j].flags & NF_TOK_TITLE_CASE) &&
           !(f->toks.v[j].flags & NF_TOK_INITIAL)) ||
          (f->marks[j] & (NF_PM_COUNTRY | NF_PM_TITLE | NF_PM_ORG)))
        plain = 0;
    /* a sentence's first word may be capitalised for that alone ("Investor
     * Jan Roe"), unless the run is two words and the first is no word the
     * lexicon or the article knows in lower case ("Zach Roe knocked") */
    if (f->toks.v[r.begin].flags & (NF_TOK_SENT_START | NF_TOK_LINE_START) &&
        !is_kind(f, r.first, NF_LEX_BIT(NF_LEX_FIRST_NAME)) &&
        (r.nwords != 2 || is_kind(f, r.first, ~0u) || written_in_lower(f, r.first)))
      plain = 0;
    if (!plain ||
        is_kind(f, r.first,
                NF_LEX_BIT(NF_LEX_STOP) | NF_LEX_BIT(NF_LEX_HONORIFIC) | NF_LEX_TITLE_WORDS |
                    NF_LEX_BIT(NF_LEX_PLACE) | NF_LEX_BIT(NF_LEX_ORGWORD) |
                    NF_LEX_BIT(NF_LEX_BODY)) ||
        run_has_orgword(f, &r) || run_is_place(f, &r) || run_starts_org(f, &r, orgs))
      continue;
    *full = r;
    return 1;
  }
  return 0;
}

nf_status nf_people_find(nf_people *pp, const nf_lexicon *lex, const nf_text *t,
                         const uint8_t *marks) {
  pp->npersons = pp->nmentions = 0;
  finder f = {lex, nf_lexicon_first_filter(lex), t, nf_toks_of(t), marks, NULL, 0};
  nf_status s = NF_OK;
  org_runs *orgs = malloc(sizeof *orgs);
  if (!orgs) return NF_ERR_NOMEM;
  find_org_runs(&f, orgs);
  /* Pass 1: the persons, from runs with a cue; a longer form of a name
   * already seen becomes its fullest form. */
  for (size_t i = 0; i < f.toks.n && s == NF_OK;) {
    run r;
    if (!read_run(&f, i, &r)) {
      i++;
      continue;
    }
    i = r.end;
    uint8_t gender;
    int cue = has_cue(&f, &r, &gender);
    if (cue == CUE_NONE || run_has_orgword(&f, &r)) continue;
    /* "Lord Barber": a peer's title with the surname alone is the name */
    static const char *const peerage[] = {"lord", "lady", "baroness", NULL};
    if (r.nwords == 1 && r.begin > 0 && nf_tok_in(&f.toks, r.begin - 1, peerage) &&
        (f.toks.v[r.begin - 1].flags & NF_TOK_CAPITALIZED))
      r.begin--;
    /* "S and P said": a lone letter is no name */
    if (r.end - r.begin == 1 && f.toks.v[r.begin].end - f.toks.v[r.begin].start == 1) continue;
    if (run_is_place(&f, &r) || run_starts_org(&f, &r, orgs)) continue;
    if (gender == NF_GENDER_UNKNOWN) gender = title_gender(&f, &r);
    if (gender == NF_GENDER_UNKNOWN) gender = first_name_gender(&f, &r);
    size_t p = 0;
    for (; p < pp->npersons; p++) {
      run pr;
      person_run(&f, &pp->persons[p], &pr);
      if (names(&f, &r, &pr) || names(&f, &pr, &r) || names_by_first(&f, &r, &pr)) break;
    }
    if (p == pp->npersons) {
      s = add_person(pp, &r, gender);
      if (s == NF_OK) pp->persons[p].weak = r.nwords == 1 && cue == CUE_VERB;
      continue;
    }
    nf_person *per = &pp->persons[p];
    /* a fuller name or a person's cue confirms "Crosby said" */
    if (r.nwords > 1 || cue == CUE_STRONG) per->weak = 0;
    run pr;
    person_run(&f, per, &pr);
    if (r.end - r.begin > pr.end - pr.begin) {
      per->tok_begin = r.begin;
      per->tok_end = r.end;
      per->core_first = r.first;
      per->core_last = r.last;
      per->nwords = r.nwords;
    }
    if (per->gender == NF_GENDER_UNKNOWN) per->gender = gender;
  }
  /* News names a person in full, or with a title, at least once: a lone
   * word that only a verb made a person ("Barclays said", "Petrobras said")
   * is a company more often than not, unless what follows speaks of it as a
   * person ("Clinton said ... she") or the article writes a full name that
   * ends in it. */
  size_t kept = 0;
  for (size_t p = 0; p < pp->npersons && s == NF_OK; p++) {
    nf_person *per = &pp->persons[p];
    if (per->weak && !referred_to_as_person(&f, per->tok_end)) {
      if (!f.lower && (s = index_lower_words(&f)) != NF_OK) break;
      run full;
      if (!full_name_elsewhere(&f, per, orgs, &full)) continue;
      per->tok_begin = full.begin;
      per->tok_end = full.end;
      per->core_first = full.first;
      per->core_last = full.last;
      per->nwords = full.nwords;
    }
    pp->persons[kept++] = *per;
  }
  free(orgs);
  free(f.lower);
  pp->npersons = kept;
  if (s != NF_OK || pp->npersons == 0) return s;
  /* Pass 2: every run that names a person is a mention of it. */
  uint32_t last_small[64];
  uint32_t *last = pp->npersons <= 64 ? last_small : malloc(pp->npersons * sizeof *last);
  if (!last) return NF_ERR_NOMEM;
  for (size_t p = 0; p < pp->npersons; p++) last[p] = UINT32_MAX;
  for (size_t i = 0; i < f.toks.n && s == NF_OK;) {
    run r;
    if (!read_run(&f, i, &r)) {
      i++;
      continue;
    }
    i = r.end;
    size_t p = resolve(&f, pp, &r, last);
    if (p == (size_t)-1) continue;
    s = add_mention(pp, &r, p);
    last[p] = r.begin;
  }
  if (last != last_small) free(last);
  return s;
}

const nf_person_mention *nf_people_mention_at(const nf_people *pp, size_t i) {
  size_t lo = 0, hi = pp->nmentions;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (pp->mentions[mid].tok_begin < i)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < pp->nmentions && pp->mentions[lo].tok_begin == i ? &pp->mentions[lo] : NULL;
}

void nf_person_span(const nf_people *pp, const nf_text *t, size_t person, uint32_t *start,
                    uint32_t *end) {
  size_t n;
  const nf_token *toks = nf_text_tokens(t, &n);
  const nf_person *p = &pp->persons[person];
  *start = toks[p->tok_begin].start;
  *end = toks[p->tok_end - 1].end;
}
