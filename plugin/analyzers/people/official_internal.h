/* The official analyzer's shared state and helpers: the article as the
 * title finder and the linker see it.  Internal to official*.c. */
#ifndef NF_PEOPLE_OFFICIAL_INTERNAL_H
#define NF_PEOPLE_OFFICIAL_INTERNAL_H

#include <stdint.h>
#include <string.h>

#include "analysis/tokens.h"
#include "core/buffer.h"
#include "gazetteer/lexicon.h"
#include "newsfields/analyzer.h"
#include "person_names.h"

#define NONE UINT32_MAX

/* A country mention of the country analyzer, in tokens. */
typedef struct country_tok {
  uint32_t begin, end;
  char code[4];
} country_tok;

/* One title in the text. */
typedef struct title {
  uint32_t begin, end;                             /* the whole title, country and org included */
  uint32_t office_begin, office_end;               /* the office's words: "Secretary of Defense" */
  uint32_t org_begin, org_end;                     /* org_begin == org_end: none */
  uint32_t inner_country_begin, inner_country_end; /* "Deputy U.S. Trade Representative" */
  char country[4];
  uint16_t head_flags; /* NF_LEX_* of the head */
  uint8_t posted;      /* "Ambassador to Japan": the country it names is not the office's */
  uint32_t official;   /* index into officials, or NONE */
  uint32_t norm;       /* offset of the normalised title in the names buffer */
} title;

typedef struct official {
  uint32_t person; /* index into people.persons */
  uint32_t title;  /* the first title that made it */
  uint32_t start, end;
  char country[4];
  uint32_t org_title;            /* the title whose org it has, or NONE */
  const nf_lex_entry *org_entry; /* its organisation in organisations.tsv, or NULL */
} official;

typedef struct article {
  const nf_lexicon *lex;
  const uint16_t *lex_first; /* its first-token filter */
  const nf_text *t;
  nf_toks toks;
  uint8_t *marks;
  uint32_t *country_at; /* per token: index into countries, or NONE */
  country_tok *countries;
  size_t ncountries;
  title *titles;
  size_t ntitles, cap_titles;
  official *officials;
  size_t nofficials, cap_officials;
  nf_buf norms;               /* normalised titles, NUL-separated */
  char text_country[4];       /* the country the text names most (official_country.c) */
  int text_country_by_places; /* it names no country: text_country is its regions' */
  const nf_date *date;        /* the article's, or NULL: the state a place meant then */
  nf_date date_value;
  nf_people people;
  struct nf_scratch *kept; /* the analysis's arrays for this analyzer (official.c) */
} article;

static inline int is_determiner(const article *a, size_t i) {
  static const char *const words[] = {"the", "a", "an", "its", "his", "her", "their", "our", NULL};
  return nf_tok_in(&a->toks, i, words);
}

static inline nf_lex_match lex_at(const article *a, size_t i, unsigned kinds) {
  return nf_lexicon_match_filtered(a->lex, a->lex_first, a->t, a->toks.v, a->toks.n, i, kinds);
}

/* official_titles.c: every title of the article, parsed in any news order,
 * with its normal form, country and organisation. */
nf_status off_find_titles(article *a);
/* official_links.c: each title tied to the person it names (the
 * officials), or to the one official already named that it can mean. */
nf_status off_link_titles(article *a);
/* official_country.c: each official's country and organisation, from
 * evidence in the text (and the dateline only to break a tie). */
void off_find_countries(article *a, nf_analysis *an);
/* Distinct countries one text can name (the gazetteer has fewer codes). */
#define NF_TEXT_COUNTRIES_MAX 512
/* The normalised title of t. */
const char *off_norm_of(const article *a, const title *t);

#endif
