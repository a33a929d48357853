/* The country analyzer's rules, one function per ambiguity. */
#include "country_rules.h"

#include <string.h>

/* ---- small word lists (folded) ---------------------------------------- */

/* After a capital, words that make it the government acting. */
static const char *const government_verbs[] = {
    "said",      "says",       "say",        "has",        "have",       "had",       "will",
    "would",     "could",      "can",        "may",        "might",      "must",      "should",
    "wants",     "wanted",     "accused",    "accuses",    "denied",     "denies",    "warned",
    "warns",     "urged",      "urges",      "rejected",   "rejects",    "announced", "announces",
    "responded", "responds",   "imposed",    "imposes",    "recalled",   "recalls",   "protested",
    "condemned", "condemns",   "insisted",   "insists",    "claimed",    "claims",    "threatened",
    "threatens", "retaliated", "reacted",    "called",     "calls",      "agreed",    "agrees",
    "signed",    "hopes",      "fears",      "sees",       "views",      "considers", "is",
    "was",       "does",       "did",        "expelled",   "sanctioned", "blamed",    "blames",
    "demanded",  "demands",    "refused",    "refuses",    "approved",   "backed",    "backs",
    "supports",  "supported",  "opposes",    "opposed",    "vowed",      "vows",      "pledged",
    "pledges",   "plans",      "planned",    "offered",    "offers",     "sent",      "sends",
    "seeks",     "sought",     "told",       "stated",     "added",      "argued",    "argues",
    "welcomed",  "welcomes",   "criticised", "criticized", "summoned",   "summons",   "launched",
    "ordered",   "orders",     NULL};

/* Before a capital, words that make it a party, not a place. */
static const char *const government_before[] = {"with",   "against", "between", "on", "by",
                                                "toward", "towards", "and",     NULL};

/* Before a capital, words that make it a place whatever follows. */
static const char *const place_before[] = {"in",     "at",      "near", "outside", "to",
                                           "into",   "from",    "via",  "around",  "across",
                                           "inside", "visited", NULL};

/* After a demonym, words that make it a language. */
static const char *const language_after[] = {
    "language", "languages",  "speakers", "speaker",   "speaking", "translation",
    "word",     "words",      "phrase",   "subtitles", "version",  "edition",
    "class",    "classes",    "lessons",  "teacher",   "teachers", "dictionary",
    "grammar",  "literature", "spoken",   "dialect",   NULL};
static const char *const language_before[] = {
    "in",     "into",    "speak",      "speaks",   "spoke",  "speaking",
    "spoken", "learn",   "learned",    "learning", "learnt", "taught",
    "teach",  "teaches", "translated", "fluent",   "native", NULL};

/* After a name that is also a person's, capitalized words that still make
 * it the country: "Israel Defense Forces", "Jordan River". */
static const char *const country_continuations[] = {
    "river",    "valley",  "defense", "defence",    "forces",   "army",     "police", "government",
    "ministry", "embassy", "border",  "central",    "national", "air",      "navy",   "state",
    "republic", "kingdom", "airways", "television", "radio",    "football", "team",   NULL};

/* Words that start a sentence without being a given name before a country. */
static const char *const sentence_openers[] = {
    "the",          "a",           "an",      "in",       "on",      "at",     "but",
    "and",          "or",          "when",    "while",    "after",   "before", "yesterday",
    "today",        "meanwhile",   "however", "also",     "both",    "then",   "so",
    "as",           "since",       "if",      "with",     "for",     "from",   "by",
    "to",           "under",       "over",    "why",      "how",     "what",   "where",
    "neighbouring", "neighboring", "only",    "even",     "now",     "last",   "next",
    "this",         "that",        "though",  "although", "because", "unlike", "like",
    "across",       "inside",      "outside", NULL};

/* After "in French": words that end the phrase, so the demonym is a language. */
static const char *const phrase_enders[] = {"to",    "and",  "or",      "but", "with",    "for",
                                            "on",    "at",   "as",      "by",  "from",    "while",
                                            "when",  "that", "which",   "who", "because", "before",
                                            "after", "than", "instead", NULL};

/* Heads of the names of events, media and parties that start with a country
 * word: "Hong Kong Open", "China Daily", "Scottish National Party". */
static const char *const name_heads[] = {
    "open",       "masters",     "cup",          "championship", "championships", "league",
    "prix",       "daily",       "post",         "times",        "airlines",      "airways",
    "party",      "corporation", "broadcasting", "universities", "university",    "airline",
    "federation", "association", "council",      "institute",    "foundation",    "society",
    "club",       NULL};

/* What ends a company's name: after a country word that is also a common
 * noun ("Butterball Turkey Co"), the word is the company's, not the country. */
static const char *const company_heads[] = {"co",  "co.",  "corp", "corp.", "inc", "inc.",
                                            "ltd", "ltd.", "plc",  "llc",   NULL};

static const char *const honorifics[] = {"mr.", "mrs.", "ms.", "dr.", "sir", "dame",
                                         "mr",  "mrs",  "ms",  "dr",  NULL};

/* In an article about the US state: these, and not the country's: its
 * cities, and the other states a story about it names beside it. */
static const char *const us_state_cues[] = {
    "atlanta", "savannah", "ga.", "peach", "gainesville", "macon", "augusta", "florida", "alabama",
    "tennessee", "carolina", "carolinas", "texas", "virginia", "mississippi", "louisiana",
    "kentucky", "ohio", "arizona", "michigan", "pennsylvania", "wisconsin", "nevada", "county",
    "dekalb", "fulton", "columbus",
    /* the AP abbreviations of states a US dateline writes */
    "n.c.", "s.c.", "fla.", "ala.", "tenn.", "va.", "n.y.", "calif.", "tex.", "ill.", "mass.",
    "n.j.", "conn.", "pa.", "mich.", "miss.", "ky.", "md.", "minn.", "mo.", "okla.", "ark.",
    "colo.", "ariz.", "ind.", "wis.", "kan.", "neb.", "ore.", "d.c.", NULL};
static const char *const georgia_cues[] = {"tbilisi", "georgian", "georgians", "abkhazia",
                                           "ossetia", "caucasus", NULL};

/* ---- helpers --------------------------------------------------------- */

void nf_country_context_init(nf_country_context *ctx, const nf_countries *countries,
                             const nf_text *text) {
  memset(ctx, 0, sizeof *ctx);
  ctx->countries = countries;
  ctx->text = text;
  ctx->toks = nf_toks_of(text);
  ctx->us_state_cues = -1;
}

void nf_country_context_free(nf_country_context *ctx) { (void)ctx; }

static int certain(const nf_country_context *ctx, const char *code) {
  for (size_t i = 0; i < ctx->ncertain; i++)
    if (strcmp(ctx->certain[i], code) == 0) return 1;
  return 0;
}

void nf_country_context_note(nf_country_context *ctx, const char *code) {
  if (certain(ctx, code) || ctx->ncertain == NF_COUNTRY_CERTAIN_MAX) return;
  memcpy(ctx->certain[ctx->ncertain++], code, 3);
}

/* A capitalized word that is not the first of its sentence. */
static int name_like(const nf_country_context *ctx, size_t i) {
  if (!nf_tok_kind(&ctx->toks, i, NF_TOKEN_WORD)) return 0;
  uint32_t f = ctx->toks.v[i].flags;
  return (f & NF_TOK_CAPITALIZED) && !(f & NF_TOK_SENT_START) && !(f & NF_TOK_ALL_CAPS);
}

static void count_cues(nf_country_context *ctx) {
  ctx->us_state_cues = ctx->georgia_cues = 0;
  for (size_t i = 0; i < ctx->toks.n; i++) {
    const char *w = nf_tok_fold(&ctx->toks, i);
    ctx->us_state_cues += nf_in_list(w, us_state_cues);
    ctx->georgia_cues += nf_in_list(w, georgia_cues);
    /* "the state of Georgia", "the governor of Georgia", "Georgia's governor" */
    if ((strcmp(w, "state") == 0 || strcmp(w, "governor") == 0) &&
        nf_tok_is(&ctx->toks, i + 1, "of") && nf_tok_is(&ctx->toks, i + 2, "georgia"))
      ctx->us_state_cues++;
    if (strcmp(w, "georgia") == 0 && i + 1 < ctx->toks.n &&
        (ctx->toks.v[i + 1].flags & NF_TOK_POSSESSIVE) &&
        (nf_tok_is(&ctx->toks, i + 2, "governor") || nf_tok_is(&ctx->toks, i + 2, "legislature")))
      ctx->us_state_cues++;
  }
}

/* ---- the rules ------------------------------------------------------- */

/* Every name is written with a capital; some only in capitals ("US", not "us"). */
static int case_fits(const nf_country_context *ctx, size_t i, size_t len,
                     const nf_country_entry *e) {
  if (!(ctx->toks.v[i].flags & NF_TOK_CAPITALIZED)) return 0;
  if (e->flags & NF_COUNTRY_UPPER)
    for (size_t k = i; k < i + len; k++)
      if (ctx->toks.v[k].kind == NF_TOKEN_WORD && !(ctx->toks.v[k].flags & NF_TOK_ALL_CAPS))
        return 0;
  return 1;
}

/* "Beijing said", "Beijing's decision", "talks with Beijing": the
 * government; "in Beijing", a dateline, anything else: only a place. */
static int acting_government(const nf_country_context *ctx, size_t i, size_t len) {
  /* "the embassy in Vilnius has angered China": after these, a place */
  if (i > 0 && nf_tok_in(&ctx->toks, i - 1, place_before)) return 0;
  size_t next = i + len;
  if (next < ctx->toks.n && (ctx->toks.v[next].flags & NF_TOK_POSSESSIVE)) return 1;
  if (nf_tok_kind(&ctx->toks, next, NF_TOKEN_WORD) && nf_tok_in(&ctx->toks, next, government_verbs))
    return 1;
  if (i > 0 && nf_tok_kind(&ctx->toks, i - 1, NF_TOKEN_WORD) &&
      nf_tok_in(&ctx->toks, i - 1, government_before))
    return 1;
  return 0;
}

/* "Michael Jordan", "Jordan Peterson", "Mr. Chad": a person.  A demonym is
 * a person's name only after a given name ("Bill English"); before a
 * capitalized word it is an adjective ("German Foreign Ministry"). */
static int person_context(const nf_country_context *ctx, size_t i, size_t len,
                          const nf_country_entry *e) {
  int is_name = e->kind != NF_COUNTRY_DEMONYM && e->kind != NF_COUNTRY_DEMONYM_PLURAL;
  const nf_gazetteer *g = nf_countries_gazetteer(ctx->countries);
  const uint32_t *v;
  size_t nv;
  if (i > 0 && !(ctx->toks.v[i].flags & NF_TOK_SENT_START)) {
    if (nf_tok_in(&ctx->toks, i - 1, honorifics)) return 1;
    if (name_like(ctx, i - 1) && !nf_tok_in(&ctx->toks, i - 1, sentence_openers) &&
        !nf_gazetteer_match(g, ctx->text, i - 1, &v, &nv))
      return 1;
    /* "Michael Jordan visited": a given name opening the sentence */
    if (is_name && nf_tok_kind(&ctx->toks, i - 1, NF_TOKEN_WORD) &&
        (ctx->toks.v[i - 1].flags & NF_TOK_TITLE_CASE) &&
        (ctx->toks.v[i - 1].flags & NF_TOK_SENT_START) &&
        !nf_tok_in(&ctx->toks, i - 1, sentence_openers) &&
        !nf_gazetteer_match(g, ctx->text, i - 1, &v, &nv))
      return 1;
  }
  size_t next = i + len;
  if (is_name && name_like(ctx, next) && (ctx->toks.v[next].flags & NF_TOK_SPACE_BEFORE) &&
      !nf_tok_in(&ctx->toks, next, country_continuations) &&
      /* "Jordan Israel" is two countries, not a name */
      !nf_gazetteer_match(g, ctx->text, next, &v, &nv))
    return 1;
  return 0;
}

static int known_person(const nf_country_context *ctx, uint32_t entry) {
  for (size_t k = 0; k < ctx->npersons; k++)
    if (ctx->persons[k] == entry) return 1;
  return 0;
}

/* Once "Neil Jordan" is a person, a later "Jordan said" is him too. */
static void note_person(nf_country_context *ctx, uint32_t entry) {
  if (!known_person(ctx, entry) && ctx->npersons < NF_COUNTRY_PERSONS_MAX)
    ctx->persons[ctx->npersons++] = entry;
}

/* "in French", "French speakers", "French-speaking": the language. */
static int language_context(const nf_country_context *ctx, size_t i, size_t len) {
  size_t next = i + len;
  if (nf_tok_kind(&ctx->toks, next, NF_TOKEN_WORD) && nf_tok_in(&ctx->toks, next, language_after))
    return 1;
  if (next + 1 < ctx->toks.n && ctx->toks.v[next].kind == NF_TOKEN_HYPHEN &&
      nf_tok_is(&ctx->toks, next + 1, "speaking"))
    return 1;
  if (i == 0 || !nf_tok_in(&ctx->toks, i - 1, language_before)) return 0;
  /* "speak French"; "in French" but not "in French waters": after "in" and
   * "into" the demonym must end the phrase */
  const char *before = nf_tok_fold(&ctx->toks, i - 1);
  if (strcmp(before, "in") != 0 && strcmp(before, "into") != 0) return 1;
  return !nf_tok_kind(&ctx->toks, next, NF_TOKEN_WORD) ||
         nf_tok_in(&ctx->toks, next, phrase_enders);
}

/* "Turkey prices rose", "China from the Potteries": a capital only because
 * the sentence starts there, and nothing else in the article says so. */
static int sentence_start_doubt(const nf_country_context *ctx, size_t i, size_t len) {
  if (!(ctx->toks.v[i].flags & NF_TOK_SENT_START)) return 0;
  size_t next = i + len;
  if (!nf_tok_kind(&ctx->toks, next, NF_TOKEN_WORD)) return 0;
  if (nf_tok_in(&ctx->toks, next, government_verbs)) return 0;
  return (ctx->toks.v[next].flags & NF_TOK_LOWER) != 0;
}

/* The phrase opens the name of an event, a paper or a party: the next one
 * to three tokens are capitalized and the last is such a head word. */
static int opens_a_name(const nf_country_context *ctx, size_t i, size_t len) {
  for (size_t k = i + len; k < i + len + 3 && k < ctx->toks.n; k++) {
    if (!nf_tok_kind(&ctx->toks, k, NF_TOKEN_WORD) || !(ctx->toks.v[k].flags & NF_TOK_TITLE_CASE))
      return 0;
    if (nf_tok_in(&ctx->toks, k, name_heads)) return 1;
  }
  return 0;
}

/* The phrase is inside a company's name: one to three capitalized words
 * after it, the last a company head ("Turkey Co", "China Light Co Ltd"). */
static int inside_a_company(const nf_country_context *ctx, size_t i, size_t len) {
  for (size_t k = i + len; k < i + len + 3 && k < ctx->toks.n; k++) {
    if (!nf_tok_kind(&ctx->toks, k, NF_TOKEN_WORD) ||
        !(ctx->toks.v[k].flags & (NF_TOK_TITLE_CASE | NF_TOK_CAPITALIZED)))
      return 0;
    if (nf_tok_in(&ctx->toks, k, company_heads)) return 1;
  }
  return 0;
}

/* Whether entry e, matched at i, names its country here (ignoring which of
 * several countries it may be). */
static int entry_fits(nf_country_context *ctx, size_t i, size_t len, uint32_t entry, int pass) {
  const nf_country_entry *e = nf_countries_entry(ctx->countries, entry);
  if (e->kind == NF_COUNTRY_CODE) return 0;
  if (!case_fits(ctx, i, len, e)) return 0;
  if (opens_a_name(ctx, i, len)) return 0;
  if ((e->flags & NF_COUNTRY_CASED) && inside_a_company(ctx, i, len)) return 0;
  /* "US$ 300 million": a currency, not the country */
  size_t next = i + len;
  if (next < ctx->toks.n && !(ctx->toks.v[next].flags & NF_TOK_SPACE_BEFORE) &&
      nf_tok_is(&ctx->toks, next, "$"))
    return 0;
  if (e->kind == NF_COUNTRY_CAPITAL && !(e->flags & NF_COUNTRY_GOVERNMENT) &&
      !acting_government(ctx, i, len))
    return 0;
  if (e->flags & NF_COUNTRY_PERSON) {
    if (person_context(ctx, i, len, e)) {
      if (pass == 0) note_person(ctx, entry);
      return 0;
    }
    if (pass == 1 && known_person(ctx, entry) && !(ctx->toks.v[i].flags & NF_TOK_ALL_CAPS))
      return 0;
  }
  if ((e->flags & NF_COUNTRY_LANGUAGE) && language_context(ctx, i, len)) return 0;
  /* the state, not the country, when the article is about the US state
   * (a US state that is also a US name, Washington, is the US either way) */
  if ((e->flags & NF_COUNTRY_US_STATE) && strcmp(e->code, "us") != 0) {
    if (ctx->us_state_cues < 0) count_cues(ctx);
    if (ctx->us_state_cues > 0 && ctx->georgia_cues == 0) return 0;
  }
  if ((e->flags & NF_COUNTRY_CASED) && sentence_start_doubt(ctx, i, len))
    return pass == 1 && certain(ctx, e->code);
  if (e->flags & NF_COUNTRY_AMBIGUOUS) return pass == 1;
  return 1;
}

const char *nf_country_choose(nf_country_context *ctx, size_t i, size_t len, const uint32_t *values,
                              size_t nvalues, int pass, uint32_t *entry) {
  const nf_country_entry *chosen = NULL;
  int several = 0, ambiguous = 0;
  for (size_t k = 0; k < nvalues; k++) {
    const nf_country_entry *e = nf_countries_entry(ctx->countries, values[k]);
    if (!entry_fits(ctx, i, len, values[k], pass)) continue;
    ambiguous |= (e->flags & NF_COUNTRY_AMBIGUOUS) != 0;
    if (!chosen) {
      chosen = e;
      *entry = values[k];
    } else if (strcmp(chosen->code, e->code) != 0) {
      several = 1;
      /* prefer the country the article names elsewhere without doubt */
      if (pass == 1 && certain(ctx, e->code) && !certain(ctx, chosen->code)) {
        chosen = e;
        *entry = values[k];
      }
    }
  }
  if (!chosen) return NULL;
  if (several) {
    if (pass == 0 || !certain(ctx, chosen->code)) return NULL;
  } else if (ambiguous && pass == 1 && !certain(ctx, chosen->code)) {
    /* one meaning left ("Congo" alone): take it unless the article is silent
     * and the table lists the phrase under other countries too */
    for (size_t k = 0; k < nvalues; k++)
      if (strcmp(nf_countries_entry(ctx->countries, values[k])->code, chosen->code) != 0)
        return NULL;
  }
  return chosen->code;
}
