/* The speaker analyzer's shared state and helpers: the article as the
 * source, cue and quotation code sees it.  Internal to speaker*.c. */
#ifndef NF_PEOPLE_SPEAKER_INTERNAL_H
#define NF_PEOPLE_SPEAKER_INTERNAL_H

#include <stdint.h>
#include <string.h>

#include "analysis/tokens.h"
#include "gazetteer/lexicon.h"
#include "newsfields/analyzer.h"
#include "person_names.h"

#define NONE UINT32_MAX
#define MAX_NAME 256
#define SPK_NAMED_ORGS_MAX 64

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
  /* where the words about it end, when past `end` ("a Quinnipiac poll
   * conducted in February"); 0: at end */
  uint32_t words_end;
  /* person's fullest name (a result's value), or the body as written (the
   * text's bytes): both outlive the analysis, so a cue holds no copy */
  const char *name;
  size_t name_len;
  char country[4];
} source;

/* Where the words about a source end: "a Quinnipiac poll conducted in
 * February" is no part of what it says. */
static inline uint32_t spk_source_words_end(const source *s) {
  return s->words_end > s->end ? s->words_end : s->end;
}

/* A cue with its source: the "group" is both, in either order. */
typedef struct cue {
  uint32_t begin, end;             /* the verb's tokens */
  uint32_t group_begin, group_end; /* cue and source */
  source src;
  uint16_t flags; /* the verb's NF_LEX_* */
  int used;       /* a direct quotation is attributed to it */
} cue;

typedef struct record_quote {
  uint32_t cue;                        /* index into cues, or NONE */
  uint32_t content_begin, content_end; /* bytes */
} record_quote;

/* The arrays the analysis keeps for this analyzer (analysis/scratch.h),
 * under the speaker's key (speaker.c). */
enum {
  SPK_KEPT_PERSONS,
  SPK_KEPT_TITLES,
  SPK_KEPT_COUNTRIES,
  SPK_KEPT_TOKEN_MAPS,
  SPK_KEPT_CUES,
  SPK_KEPT_QUOTES,
  SPK_KEPT_OF_PIECE,
  SPK_KEPT_SLOTS
};

typedef struct article {
  const nf_lexicon *lex;
  const uint16_t *lex_first; /* its first-token filter */
  const nf_text *t;
  nf_toks toks;
  mention *persons, *titles, *countries;
  size_t npersons, ntitles, ncountries;
  uint32_t *person_end;  /* per token: person mention ending just before it, or NONE */
  uint32_t *title_end;   /* per token: title ending just before it */
  uint32_t *country_end; /* per token: country mention ending just before it */
  uint32_t *person_at, *title_at, *country_at; /* mentions starting at the token */
  const nf_analysis *an;                       /* the earlier analyzers' results */
  struct nf_scratch *kept; /* the analysis's arrays for this analyzer: SPK_KEPT_* */
  cue *cues;
  size_t ncues, cap_cues;
  record_quote *quotes;
  size_t nquotes, cap_quotes;
  uint32_t dateline_end; /* bytes: the dateline analyzer's span, 0 when none */
  /* the organisations the article names in full (speaker_sources.c): with a
   * legal form ("Volkswagen AG") or ending in an organisation word ("Swiss
   * National Bank"); a later "Volkswagen said" or "the National Bank said"
   * is that body */
  struct {
    uint32_t begin, end; /* the name's words, its legal form left out */
  } named_orgs[SPK_NAMED_ORGS_MAX];
  size_t nnamed_orgs;
} article;

static inline nf_lex_match lex_at(const article *a, size_t i, unsigned kinds) {
  return nf_lexicon_match_filtered(a->lex, a->lex_first, a->t, a->toks.v, a->toks.n, i, kinds);
}

/* Token k is an article: "the", "a", "an". */
static inline int spk_article(const article *a, size_t k) {
  static const char *const articles[] = {"the", "a", "an", NULL};
  return nf_tok_in(&a->toks, k, articles);
}

static inline void set_name(source *s, const char *p, size_t n) {
  s->name = p;
  s->name_len = n < MAX_NAME ? n : MAX_NAME - 1;
}

static inline void set_text(const article *a, source *s, size_t b, size_t e) {
  set_name(s, a->toks.bytes + a->toks.v[b].start, a->toks.v[e - 1].end - a->toks.v[b].start);
}

/* speaker_sources.c: who a cue's source is.  The mentions' arrays are the
 * analysis's, kept from one article to the next (analysis/scratch.h). */
nf_status spk_read_mentions(article *a, nf_analysis *an);
void spk_person_source(const article *a, const mention *m, source *s);
int spk_resolve_pronoun(const article *a, size_t before, int gender, source *s);
int spk_pronoun_gender(const article *a, size_t k);
int spk_source_before(const article *a, size_t e, size_t cue_at, int depth, source *s);
int spk_source_after(const article *a, size_t b, int any, source *s);
/* A body whose words end in a plural noun for people ("U.S. officials",
 * "Dealers", "trade sources") is an unnamed group. */
void spk_classify(const article *a, source *s);

/* speaker_cues.c: reporting verbs and "according to", with their sources. */
nf_status spk_find_cues(article *a);
size_t spk_paren_open(const article *a, size_t k);
/* A word of more than four letters ending in suffix ("telling", "polled"). */
int spk_ends_in(const article *a, size_t i, const char *suffix);

/* speaker_publishers.c: "Politico reported" -- before a verb flagged
 * `publish`, a capitalised name that is no person's is a named body. */
int spk_publisher_before(const article *a, size_t e, size_t cue_at, source *s);

/* speaker_labels.c: "Jane Roe: ...", "ROE: ..." -- a cue at the colon of a
 * label, its source the person named before it. */
int spk_label_cue(const article *a, size_t colon, cue *c);

/* speaker.c */
size_t spk_paragraph_of(const article *a, size_t tok);
int spk_named(const source *s);

#endif
