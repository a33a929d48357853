/* The country analyzer's rules: which country, if any, a matched phrase
 * names in its context.  Internal to the country analyzer. */
#ifndef NF_COUNTRY_COUNTRY_RULES_H
#define NF_COUNTRY_COUNTRY_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "analysis/tokens.h"
#include "newsfields/countries.h"
#include "newsfields/text.h"

#define NF_COUNTRY_CERTAIN_MAX 64
#define NF_COUNTRY_PERSONS_MAX 16

/* What the article says beyond one phrase. */
typedef struct nf_country_context {
  const nf_countries *countries;
  const nf_text *text;
  nf_toks toks;
  char certain[NF_COUNTRY_CERTAIN_MAX][4]; /* codes named without doubt */
  size_t ncertain;
  uint32_t persons[NF_COUNTRY_PERSONS_MAX]; /* entries found naming a person */
  size_t npersons;
  int us_state_cues; /* -1: not counted yet */
  int georgia_cues;
} nf_country_context;

void nf_country_context_init(nf_country_context *ctx, const nf_countries *countries,
                             const nf_text *text);
void nf_country_context_free(nf_country_context *ctx);
/* Remember a code named without doubt (first pass). */
void nf_country_context_note(nf_country_context *ctx, const char *code);

/* The code the phrase of len tokens at token i names, or NULL; values are
 * the matched entries.  Pass 0 takes only what needs no other evidence;
 * pass 1 also settles ambiguous phrases by the codes noted in pass 0.
 * *entry gets the entry that decided. */
const char *nf_country_choose(nf_country_context *ctx, size_t i, size_t len, const uint32_t *values,
                              size_t nvalues, int pass, uint32_t *entry);

#endif
