/* The word lists of the official and speaker analyzers: offices
 * (schema/titles.tsv), reporting verbs (schema/reporting-verbs.tsv), first
 * names (schema/first-names.tsv), name words (schema/name-words.tsv) and
 * place names (schema/places.tsv: a place is no person),
 * each a gazetteer over the token stream.  Loaded once per analyzer
 * instance, read-only afterwards.  Internal to the analyzers. */
#ifndef NF_GAZETTEER_LEXICON_H
#define NF_GAZETTEER_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "newsfields/analyzer.h"
#include "newsfields/date.h"
#include "newsfields/gazetteer.h"
#include "newsfields/status.h"
#include "newsfields/text.h"

#define NF_TITLES_FILE "titles.tsv"
#define NF_VERBS_FILE "reporting-verbs.tsv"
#define NF_FIRST_NAMES_FILE "first-names.tsv"
#define NF_NAME_WORDS_FILE "name-words.tsv"
#define NF_PLACES_LEX_FILE "places.tsv"
#define NF_AGENCIES_LEX_FILE "agencies.tsv"

typedef enum nf_lex_kind {
  /* titles.tsv */
  NF_LEX_HEAD,
  NF_LEX_DOMAIN,
  NF_LEX_RANK,
  NF_LEX_STATE,
  NF_LEX_HONORIFIC,
  NF_LEX_ORG,
  NF_LEX_ORGWORD,
  NF_LEX_BODY,
  /* reporting-verbs.tsv */
  NF_LEX_VERB,
  /* first-names.tsv */
  NF_LEX_FIRST_NAME,
  /* name-words.tsv */
  NF_LEX_STOP,
  NF_LEX_PARTICLE,
  NF_LEX_SUFFIX,
  /* places.tsv: cities, capitals, countries and regions (not abbreviations) */
  NF_LEX_PLACE,
  /* organisations.tsv: an organisation with its canonical name (lemma) and
   * country */
  NF_LEX_ORGANISATION,
  /* agencies.tsv: a news agency's names (Reuters, Tanjug): no person */
  NF_LEX_AGENCY,
  NF_LEX_KINDS
} nf_lex_kind;

#define NF_LEX_BIT(kind) (1u << (kind))
#define NF_LEX_TITLE_WORDS                                                         \
  (NF_LEX_BIT(NF_LEX_HEAD) | NF_LEX_BIT(NF_LEX_DOMAIN) | NF_LEX_BIT(NF_LEX_RANK) | \
   NF_LEX_BIT(NF_LEX_STATE))

/* Entry flags. */
enum {
  NF_LEX_MALE = 1u << 0,
  NF_LEX_FEMALE = 1u << 1,
  NF_LEX_CASED = 1u << 2,        /* only when its first word is capitalised */
  NF_LEX_PLURAL = 1u << 3,       /* a body noun naming several people */
  NF_LEX_INVERT = 1u << 4,       /* verb: the speaker may follow it */
  NF_LEX_OBJECT = 1u << 5,       /* verb: a listener may follow it */
  NF_LEX_SOURCE_AFTER = 1u << 6, /* verb: "according to X" */
  NF_LEX_ROLE = 1u << 7,         /* head: a job, not an office (analyst) */
  NF_LEX_WEAK = 1u << 8,         /* verb: not only of speech ("continued") */
  NF_LEX_QUOTE = 1u << 9,        /* verb: a cue only for a quotation ("called") */
  NF_LEX_COUNTRY = 1u << 10,     /* place: a country's name ("Japan") */
  NF_LEX_PUBLISH = 1u << 11,     /* verb: said of publishers ("Politico reported") */
  NF_LEX_US_STATE = 1u << 12,    /* place: one of its places is a US state ("Georgia") */
  NF_LEX_REGION = 1u << 13       /* place: only regions have the name ("Iowa", "Bavaria") */
};

typedef struct nf_lex_entry {
  uint8_t kind;   /* nf_lex_kind */
  uint16_t flags; /* NF_LEX_* */
  const char *phrase;
  const char *lemma; /* verbs: the lemma; organisations: the canonical name; else the phrase */
  /* organisations: the state's ISO code; places: the country of every
   * place of the name, when they agree; "" for none */
  char country[4];
} nf_lex_entry;

typedef struct nf_lexicon nf_lexicon;

/* Load the four files from schema_dir; a bad line is NF_ERR_SCHEMA naming
 * the file and line. */
nf_status nf_lexicon_load(const char *schema_dir, nf_lexicon **out, nf_error *err);
void nf_lexicon_free(nf_lexicon *lex);

/* create and destroy of an analyzer whose instance is the lexicon itself
 * (the official and speaker analyzers). */
nf_status nf_lexicon_analyzer_create(const nf_analyzer_env *env, void **instance, nf_error *err);
void nf_lexicon_analyzer_destroy(void *instance);

typedef struct nf_lex_match {
  size_t len;                /* tokens; 0: no match */
  const nf_lex_entry *entry; /* the first entry of a wanted kind */
  unsigned kinds;            /* NF_LEX_BIT of every kind the phrase has */
  uint16_t flags;            /* the entries' flags, or'ed */
} nf_lex_match;

/* The first-token filter: per slot of a token's hash (NF_LEX_FIRST_SLOTS),
 * the kinds (NF_LEX_BIT) of the phrases whose first token hashes there.
 * The analyzers ask at nearly every token, for a few kinds: with the filter
 * at hand (taken once per article) nf_lex_may_start turns most tokens away
 * inline, before any call. */
#define NF_LEX_FIRST_SLOTS 65536u
const uint16_t *nf_lexicon_first_filter(const nf_lexicon *lex);

/* The kinds (NF_LEX_BIT) a phrase starting with tok may have: those of the
 * phrases whose first token shares its slot. */
static inline unsigned nf_lex_starting_kinds(const uint16_t *filter, const nf_token *tok) {
  return filter[tok->hash % NF_LEX_FIRST_SLOTS];
}

/* 0 when no phrase of a kind in `kinds` starts with tok (nf_lexicon_match
 * would find none); 1 when one may. */
static inline int nf_lex_may_start(const uint16_t *filter, const nf_token *tok, unsigned kinds) {
  return (nf_lex_starting_kinds(filter, tok) & kinds) != 0;
}

/* The longest phrase at token i that has an entry of a kind in `kinds`
 * (NF_LEX_BIT mask) and satisfies its case flag.  Titles, verbs and names
 * are separate gazetteers, so a mask spanning several looks in each. */
nf_lex_match nf_lexicon_match(const nf_lexicon *lex, const nf_text *t, size_t i, unsigned kinds);

/* nf_lexicon_match for an analyzer that holds the text's tokens (toks, n)
 * and the lexicon's filter: a token no phrase wanted starts with is turned
 * away inline, without the call. */
static inline nf_lex_match nf_lexicon_match_filtered(const nf_lexicon *lex, const uint16_t *filter,
                                                     const nf_text *t, const nf_token *toks,
                                                     size_t n, size_t i, unsigned kinds) {
  if (i >= n || !nf_lex_may_start(filter, &toks[i], kinds)) return (nf_lex_match){0, NULL, 0, 0};
  return nf_lexicon_match(lex, t, i, kinds);
}

/* The country a place entry meant on date (today's when NULL): "Moscow"
 * is su in 1987 (schema/country-eras.tsv); NULL when its places are in
 * several countries. */
const char *nf_lexicon_place_country(const nf_lexicon *lex, const nf_lex_entry *place,
                                     const nf_date *date);

/* 1 when the token at i is, by itself, an entry of a kind in `kinds`. */
int nf_lexicon_is(const nf_lexicon *lex, const nf_text *t, size_t i, unsigned kinds);

#endif
