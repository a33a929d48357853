/* The country analyzer: every way the news names a country, one ISO 3166-1
 * alpha-2 code each.  Phrases come from schema/countries.tsv (matched
 * longest first); the rules below settle what a phrase alone cannot. */
#include <stdlib.h>
#include <string.h>

#include "analysis/scratch.h"
#include "core/grow.h"
#include "country.h"
#include "country_rules.h"
#include "gazetteer/eras.h"
#include "gazetteer/wordlists.h"
#include "newsfields/countries.h"

typedef struct country_analyzer {
  nf_countries *countries;
  nf_gazetteer *blockers; /* phrases that contain a country name but are not one */
  nf_eras *eras;          /* "Moscow" in 1987 is the Soviet Union */
} country_analyzer;

static void destroy(void *instance) {
  country_analyzer *ca = instance;
  if (!ca) return;
  nf_countries_free(ca->countries);
  nf_gazetteer_free(ca->blockers);
  nf_eras_free(ca->eras);
  free(ca);
}

static nf_status create(const nf_analyzer_env *env, void **instance, nf_error *err) {
  *instance = NULL;
  country_analyzer *ca = calloc(1, sizeof *ca);
  if (!ca) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  nf_status s = nf_countries_load(env->schema_dir, &ca->countries, err);
  if (s == NF_OK) s = nf_blockers_load(env->schema_dir, &ca->blockers, err);
  if (s == NF_OK) s = nf_eras_load(env->schema_dir, &ca->eras, err);
  if (s != NF_OK) {
    destroy(ca);
    return s;
  }
  *instance = ca;
  return NF_OK;
}

typedef struct mention {
  char code[4];
  uint32_t start, end;
  uint32_t entry;
} mention;

typedef struct article_state {
  mention *mentions;
  size_t nmentions, cap;
} article_state;

static nf_status add_mention(article_state *st, const char *code, uint32_t start, uint32_t end,
                             uint32_t entry) {
  if (NF_GROW(st->mentions, st->cap, st->nmentions + 1) != NF_OK) return NF_ERR_NOMEM;
  mention *m = &st->mentions[st->nmentions++];
  memcpy(m->code, code, 3);
  m->start = start;
  m->end = end;
  m->entry = entry;
  return NF_OK;
}

/* A phrase of the table found in the text, not inside a blocker. */
typedef struct candidate {
  size_t at, len;
  const uint32_t *values;
  size_t nvalues;
} candidate;

/* Every table phrase of the text, longest first, blockers skipped, into
 * *out (of *cap, grown as needed). */
static nf_status find_candidates(const country_analyzer *ca, const nf_text *t, candidate **out,
                                 size_t *cap, size_t *n) {
  size_t count;
  const nf_token *toks = nf_text_tokens(t, &count);
  *n = 0;
  for (size_t i = 0; i < count;) {
    const uint32_t *values, *bv;
    size_t nvalues, nbv;
    size_t len = nf_gazetteer_match(nf_countries_gazetteer(ca->countries), t, i, &values, &nvalues);
    /* "New England" blocks England; "the new England captain" does not (so
     * the blockers are looked up at capitalised words only) */
    size_t blen = (toks[i].flags & NF_TOK_CAPITALIZED)
                      ? nf_gazetteer_match(ca->blockers, t, i, &bv, &nbv)
                      : 0;
    if (blen && blen >= len) {
      i += blen;
      continue;
    }
    if (!len) {
      i++;
      continue;
    }
    if (NF_GROW(*out, *cap, *n + 1) != NF_OK) return NF_ERR_NOMEM;
    (*out)[(*n)++] = (candidate){i, len, values, nvalues};
    i += len;
  }
  return NF_OK;
}

/* The arrays the analysis keeps for this analyzer (scratch.h), under its key. */
enum { KEPT_CANDIDATES, KEPT_MENTIONS, KEPT_SLOTS };
static const char kept_key;

static nf_status analyze(const void *instance, nf_analysis *a, nf_error *err) {
  const country_analyzer *ca = instance;
  const nf_text *t = nf_analysis_text(a);
  size_t count, ncand = 0;
  const nf_token *toks = nf_text_tokens(t, &count);
  /* the arrays of the article before, kept in the analysis */
  nf_scratch *kept = nf_analysis_scratch(a, &kept_key, KEPT_SLOTS);
  if (!kept) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  nf_scratch *cand_slot = &kept[KEPT_CANDIDATES], *mention_slot = &kept[KEPT_MENTIONS];
  article_state st = {NULL, 0, 0};
  NF_SCRATCH_LEND(mention_slot, st.mentions, st.cap);
  nf_country_context ctx;
  nf_country_context_init(&ctx, ca->countries, t);
  candidate *cand;
  size_t cand_cap;
  NF_SCRATCH_LEND(cand_slot, cand, cand_cap);
  nf_status s = find_candidates(ca, t, &cand, &cand_cap, &ncand);
  /* Two passes: the first finds what is certain, so that the second can
   * settle ambiguous phrases by what else the article names. */
  for (int pass = 0; pass < 2 && s == NF_OK; pass++) {
    st.nmentions = 0;
    for (size_t k = 0; k < ncand && s == NF_OK; k++) {
      const candidate *c = &cand[k];
      uint32_t entry;
      const char *code =
          nf_country_choose(&ctx, c->at, c->len, c->values, c->nvalues, pass, &entry);
      if (!code) continue;
      s = add_mention(&st, code, toks[c->at].start, toks[c->at + c->len - 1].end, entry);
      if (s == NF_OK && pass == 0) nf_country_context_note(&ctx, code);
    }
  }
  NF_SCRATCH_KEEP(cand_slot, cand, cand_cap);
  /* the state the phrase meant on the article's date (today's when undated) */
  nf_date date;
  int dated = nf_analysis_date(a, &date);
  for (size_t i = 0; i < st.nmentions && s == NF_OK; i++) {
    const mention *m = &st.mentions[i];
    const char *phrase = nf_countries_entry(ca->countries, m->entry)->phrase;
    const char *code =
        nf_eras_code(ca->eras, phrase, strlen(phrase), m->code, dated ? &date : NULL);
    nf_attr_value attrs[] = {
        NF_ATTR_STR(NF_ATTR_NAME, nf_countries_name(ca->countries, code)),
        NF_ATTR_STR(NF_ATTR_WRITTEN, phrase),
    };
    nf_result r = {NF_TYPE_COUNTRY, m->start, m->end, 0, 0, code, NF_NO_REF, 0, attrs, 2};
    s = nf_analysis_emit(a, &r, NULL);
  }
  NF_SCRATCH_KEEP(mention_slot, st.mentions, st.cap);
  nf_country_context_free(&ctx);
  if (s == NF_ERR_NOMEM) return nf_error_set(err, s, "out of memory");
  return s;
}

static const char *const provides[] = {"country", NULL};

const nf_analyzer_v2 nf_country_analyzer = {
    NF_ANALYZER_ABI,
    "country",
    "Countries named in the text, as lower-case ISO 3166-1 alpha-2 codes",
    provides,
    NULL,
    create,
    destroy,
    analyze,
};
