/* The word lists of the official and speaker analyzers, loaded strictly:
 * an unknown kind or flag, or a phrase with no word, names file and line. */
#include "lexicon.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/fileutil.h"
#include "core/grow.h"
#include "eras.h"
#include "trie.h"
#include "wordlists.h"

enum { GAZ_TITLES, GAZ_VERBS, GAZ_NAMES, GAZ_ORGS, GAZ_COUNT };

_Static_assert(NF_LEX_KINDS <= 16, "first_kinds holds one kind per bit of a uint16_t");

struct nf_lexicon {
  /* The kinds (NF_LEX_BIT) of the phrases whose first token hashes to each
   * slot: the analyzers ask at nearly every token, for a few kinds, and one
   * load turns away most tokens before any gazetteer is walked. */
  uint16_t first_kinds[NF_LEX_FIRST_SLOTS];
  nf_gazetteer *gaz[GAZ_COUNT];
  nf_lex_entry *entries;
  size_t nentries, cap;
  nf_arena strings;
  nf_eras *eras; /* the state a place meant on a date */
};

static const struct {
  const char *name;
  nf_lex_kind kind;
} kind_names[] = {
    {"head", NF_LEX_HEAD},         {"domain", NF_LEX_DOMAIN},       {"rank", NF_LEX_RANK},
    {"state", NF_LEX_STATE},       {"honorific", NF_LEX_HONORIFIC}, {"org", NF_LEX_ORG},
    {"orgword", NF_LEX_ORGWORD},   {"body", NF_LEX_BODY},           {"stop", NF_LEX_STOP},
    {"particle", NF_LEX_PARTICLE}, {"suffix", NF_LEX_SUFFIX},
};

static const struct {
  const char *name;
  uint16_t flag;
} flag_names[] = {
    {"m", NF_LEX_MALE},
    {"f", NF_LEX_FEMALE},
    {"cased", NF_LEX_CASED},
    {"plural", NF_LEX_PLURAL},
    {"inv", NF_LEX_INVERT},
    {"object", NF_LEX_OBJECT},
    {"source_after", NF_LEX_SOURCE_AFTER},
    {"role", NF_LEX_ROLE},
    {"weak", NF_LEX_WEAK},
    {"quote", NF_LEX_QUOTE},
    {"publish", NF_LEX_PUBLISH},
};

static int gaz_of(nf_lex_kind kind) {
  if (kind == NF_LEX_VERB) return GAZ_VERBS;
  if (kind == NF_LEX_ORGANISATION || kind == NF_LEX_AGENCY) return GAZ_ORGS;
  if (kind >= NF_LEX_FIRST_NAME) return GAZ_NAMES;
  return GAZ_TITLES;
}

void nf_lexicon_free(nf_lexicon *lex) {
  if (!lex) return;
  for (int g = 0; g < GAZ_COUNT; g++) nf_gazetteer_free(lex->gaz[g]);
  nf_eras_free(lex->eras);
  free(lex->entries);
  nf_arena_free(&lex->strings);
  free(lex);
}

static nf_status parse_flags(const nf_tsv_row *row, const char *text, uint16_t allowed,
                             uint16_t *out, nf_error *err) {
  *out = 0;
  const char *p = text;
  while (*p) {
    const char *comma = strchr(p, ',');
    size_t n = comma ? (size_t)(comma - p) : strlen(p);
    size_t k = 0;
    while (k < sizeof flag_names / sizeof *flag_names &&
           !(strlen(flag_names[k].name) == n && memcmp(flag_names[k].name, p, n) == 0))
      k++;
    if (k == sizeof flag_names / sizeof *flag_names || !(flag_names[k].flag & allowed))
      return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line, "unknown flag '%.*s'",
                             (int)n, p);
    *out |= flag_names[k].flag;
    p += n;
    if (*p == ',') p++;
  }
  return NF_OK;
}

static nf_status add_entry(nf_lexicon *lex, const nf_tsv_row *row, nf_lex_kind kind,
                           const char *phrase, const char *lemma, uint16_t flags, nf_error *err) {
  if (NF_GROW(lex->entries, lex->cap, lex->nentries + 1) != NF_OK)
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  /* the same phrase twice with one kind is a mistake in the file */
  const uint32_t *values;
  size_t nvalues;
  nf_status s =
      nf_gazetteer_lookup(lex->gaz[gaz_of(kind)], phrase, strlen(phrase), &values, &nvalues, err);
  if (s == NF_ERR_INVALID)
    return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line, "phrase '%s' has no word",
                           phrase);
  if (s != NF_OK) return s;
  for (size_t v = 0; v < nvalues; v++)
    if (lex->entries[values[v]].kind == kind)
      return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line,
                             "duplicate entry '%s' (as '%s' before it)", phrase,
                             lex->entries[values[v]].phrase);
  nf_lex_entry *e = &lex->entries[lex->nentries];
  e->kind = (uint8_t)kind;
  e->flags = flags;
  e->phrase = nf_arena_strndup(&lex->strings, phrase, strlen(phrase));
  e->lemma = lemma ? nf_arena_strndup(&lex->strings, lemma, strlen(lemma)) : e->phrase;
  e->country[0] = '\0';
  if (!e->phrase || !e->lemma) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  uint32_t first_hash;
  s = nf_gazetteer_add_first_hash(lex->gaz[gaz_of(kind)], phrase, strlen(phrase),
                                  (uint32_t)lex->nentries, &first_hash, err);
  if (s == NF_ERR_INVALID)
    return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line, "phrase '%s' has no word",
                           phrase);
  if (s != NF_OK) return s;
  lex->first_kinds[first_hash % NF_LEX_FIRST_SLOTS] |= (uint16_t)NF_LEX_BIT(kind);
  lex->nentries++;
  return NF_OK;
}

/* titles.tsv and name-words.tsv: kind, phrase[, flags]. */
static nf_status read_kind_row(void *ctx, const nf_tsv_row *row, nf_error *err) {
  nf_lexicon *lex = ctx;
  size_t k = 0;
  while (k < sizeof kind_names / sizeof *kind_names && strcmp(kind_names[k].name, row->cols[0]))
    k++;
  if (k == sizeof kind_names / sizeof *kind_names)
    return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line, "unknown kind '%s'",
                           row->cols[0]);
  nf_lex_kind kind = kind_names[k].kind;
  int in_titles = strstr(row->file, NF_TITLES_FILE) != NULL;
  if (in_titles != (gaz_of(kind) == GAZ_TITLES))
    return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line,
                           "kind '%s' does not belong in this file", row->cols[0]);
  uint16_t flags = 0;
  if (row->ncols > 2) {
    nf_status s = parse_flags(
        row, row->cols[2], NF_LEX_MALE | NF_LEX_FEMALE | NF_LEX_CASED | NF_LEX_PLURAL | NF_LEX_ROLE,
        &flags, err);
    if (s != NF_OK) return s;
  }
  return add_entry(lex, row, kind, row->cols[1], NULL, flags, err);
}

/* reporting-verbs.tsv: phrase, lemma[, flags]. */
static nf_status read_verb_row(void *ctx, const nf_tsv_row *row, nf_error *err) {
  uint16_t flags = 0;
  if (row->ncols > 2) {
    nf_status s = parse_flags(row, row->cols[2],
                              NF_LEX_INVERT | NF_LEX_OBJECT | NF_LEX_SOURCE_AFTER | NF_LEX_WEAK |
                                  NF_LEX_QUOTE | NF_LEX_PUBLISH,
                              &flags, err);
    if (s != NF_OK) return s;
  }
  return add_entry(ctx, row, NF_LEX_VERB, row->cols[0], row->cols[1], flags, err);
}

/* first-names.tsv: name, sex. */
static nf_status read_name_row(void *ctx, const nf_tsv_row *row, nf_error *err) {
  const char *sex = row->cols[1];
  uint16_t flags;
  if (strcmp(sex, "m") == 0)
    flags = NF_LEX_MALE;
  else if (strcmp(sex, "f") == 0)
    flags = NF_LEX_FEMALE;
  else if (strcmp(sex, "u") == 0)
    flags = 0;
  else
    return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line,
                           "sex must be m, f or u, not '%s'", sex);
  return add_entry(ctx, row, NF_LEX_FIRST_NAME, row->cols[0], NULL, flags, err);
}

/* places.tsv: name, code, kind[, ...]; abbreviations left out ("Md", "Ill",
 * "Miss." are words too) unless written as initials ("N.J.", "B.C."), a name
 * of several places once. */
static nf_status read_place_row(void *ctx, const nf_tsv_row *row, nf_error *err) {
  nf_lexicon *lex = ctx;
  if (row->ncols > 2 && strcmp(row->cols[2], "abbrev") == 0) {
    const char *dot = strchr(row->cols[0], '.');
    if (!dot || !strchr(dot + 1, '.')) return NF_OK;
  }
  const char *phrase = row->cols[0];
  const uint32_t *values;
  size_t nvalues;
  nf_status s =
      nf_gazetteer_lookup(lex->gaz[GAZ_NAMES], phrase, strlen(phrase), &values, &nvalues, err);
  if (s == NF_ERR_INVALID) return NF_OK; /* no word: nothing to match */
  if (s != NF_OK) return s;
  /* a place's country is kept while every row of its name agrees:
   * "Indiana" is us, "Georgia" (us, ge) none */
  const char *code = row->ncols > 1 && strlen(row->cols[1]) == 2 ? row->cols[1] : "";
  uint16_t flags = row->ncols > 2 && strcmp(row->cols[2], "country") == 0 ? NF_LEX_COUNTRY : 0;
  if (row->ncols > 2 && strcmp(row->cols[2], "region") == 0)
    flags |= NF_LEX_REGION | (strcmp(code, "us") == 0 ? NF_LEX_US_STATE : 0);
  for (size_t v = 0; v < nvalues; v++) {
    nf_lex_entry *e = &lex->entries[values[v]];
    if (e->kind != NF_LEX_PLACE) continue;
    if (strcmp(e->country, code) != 0) e->country[0] = '\0';
    /* a region's name only while every place of that name is a region:
     * "Paris" is a capital too */
    uint16_t region = e->flags & flags & NF_LEX_REGION;
    e->flags = (uint16_t)(((e->flags | flags) & ~NF_LEX_REGION) | region);
    return NF_OK;
  }
  s = add_entry(lex, row, NF_LEX_PLACE, phrase, NULL, flags, err);
  if (s == NF_OK) memcpy(lex->entries[lex->nentries - 1].country, code, strlen(code) + 1);
  return s;
}

/* organisations.tsv: name, canonical name, country (or -). */
static nf_status add_organisation(void *ctx, const nf_tsv_row *row, const char *name,
                                  const char *canonical, const char *country, nf_error *err) {
  nf_lexicon *lex = ctx;
  nf_status s = add_entry(lex, row, NF_LEX_ORGANISATION, name, canonical, NF_LEX_CASED, err);
  if (s == NF_OK && country[0]) memcpy(lex->entries[lex->nentries - 1].country, country, 3);
  return s;
}

/* agencies.tsv: canonical, variants...: every name, once, capitalised. */
static nf_status read_agency_row(void *ctx, const nf_tsv_row *row, nf_error *err) {
  nf_lexicon *lex = ctx;
  for (size_t c = 0; c < row->ncols; c++) {
    const uint32_t *values;
    size_t nvalues;
    nf_status s = nf_gazetteer_lookup(lex->gaz[GAZ_ORGS], row->cols[c], strlen(row->cols[c]),
                                      &values, &nvalues, err);
    if (s == NF_ERR_INVALID) continue;
    if (s != NF_OK) return s;
    int seen = 0;
    for (size_t v = 0; v < nvalues; v++) seen |= lex->entries[values[v]].kind == NF_LEX_AGENCY;
    if (!seen)
      s = add_entry(lex, row, NF_LEX_AGENCY, row->cols[c], row->cols[0], NF_LEX_CASED, err);
    if (s != NF_OK) return s;
  }
  return NF_OK;
}

static nf_status read_file(nf_lexicon *lex, const char *dir, const char *name, size_t min_cols,
                           size_t max_cols, nf_tsv_fn fn, nf_error *err) {
  char *path = nf_path_join(dir, name);
  if (!path) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  nf_status s = nf_tsv_read(path, min_cols, max_cols, fn, lex, err);
  free(path);
  return s;
}

/* The kinds each gazetteer holds (NF_LEX_BIT masks), as gaz_of says. */
static const unsigned gaz_kinds[GAZ_COUNT] = {
    [GAZ_TITLES] = NF_LEX_BIT(NF_LEX_HEAD) | NF_LEX_BIT(NF_LEX_DOMAIN) | NF_LEX_BIT(NF_LEX_RANK) |
                   NF_LEX_BIT(NF_LEX_STATE) | NF_LEX_BIT(NF_LEX_HONORIFIC) |
                   NF_LEX_BIT(NF_LEX_ORG) | NF_LEX_BIT(NF_LEX_ORGWORD) | NF_LEX_BIT(NF_LEX_BODY),
    [GAZ_VERBS] = NF_LEX_BIT(NF_LEX_VERB),
    [GAZ_NAMES] = NF_LEX_BIT(NF_LEX_FIRST_NAME) | NF_LEX_BIT(NF_LEX_STOP) |
                  NF_LEX_BIT(NF_LEX_PARTICLE) | NF_LEX_BIT(NF_LEX_SUFFIX) |
                  NF_LEX_BIT(NF_LEX_PLACE),
    [GAZ_ORGS] = NF_LEX_BIT(NF_LEX_ORGANISATION) | NF_LEX_BIT(NF_LEX_AGENCY),
};

nf_status nf_lexicon_load(const char *schema_dir, nf_lexicon **out, nf_error *err) {
  *out = NULL;
  nf_lexicon *lex = calloc(1, sizeof *lex);
  nf_status s = lex ? NF_OK : NF_ERR_NOMEM;
  for (int g = 0; s == NF_OK && g < GAZ_COUNT; g++) s = nf_gazetteer_new(&lex->gaz[g]);
  for (int k = 0; s == NF_OK && k < NF_LEX_KINDS; k++)
    if (!(gaz_kinds[gaz_of((nf_lex_kind)k)] & NF_LEX_BIT(k))) s = NF_ERR_INTERNAL;
  if (s != NF_OK) {
    nf_lexicon_free(lex);
    return nf_error_set(err, s, s == NF_ERR_NOMEM ? "out of memory" : "lexicon kinds disagree");
  }
  s = read_file(lex, schema_dir, NF_TITLES_FILE, 2, 3, read_kind_row, err);
  if (s == NF_OK) s = read_file(lex, schema_dir, NF_VERBS_FILE, 2, 3, read_verb_row, err);
  if (s == NF_OK) s = read_file(lex, schema_dir, NF_FIRST_NAMES_FILE, 2, 2, read_name_row, err);
  if (s == NF_OK) s = read_file(lex, schema_dir, NF_NAME_WORDS_FILE, 2, 2, read_kind_row, err);
  if (s == NF_OK) s = read_file(lex, schema_dir, NF_PLACES_LEX_FILE, 1, 8, read_place_row, err);
  if (s == NF_OK) s = nf_organisations_read(schema_dir, add_organisation, lex, err);
  if (s == NF_OK) s = read_file(lex, schema_dir, NF_AGENCIES_LEX_FILE, 1, 16, read_agency_row, err);
  if (s == NF_OK) s = nf_eras_load(schema_dir, &lex->eras, err);
  if (s != NF_OK) {
    nf_lexicon_free(lex);
    return s;
  }
  *out = lex;
  return NF_OK;
}

static int case_ok(const nf_lex_entry *e, const nf_token *tok) {
  return !(e->flags & NF_LEX_CASED) || (tok->flags & NF_TOK_CAPITALIZED);
}

/* The longest match at token i in the gazetteers of the kinds `may` (those
 * of `kinds` that a phrase starting with the token has).  Never inlined:
 * the few tokens that get here pay for the walk's registers, not the many
 * that nf_lexicon_match turns away (a third of its instructions). */
__attribute__((noinline)) static nf_lex_match match_in(const nf_lexicon *lex, const nf_text *t,
                                                       const nf_token *tok, size_t i,
                                                       unsigned kinds, unsigned may) {
  nf_lex_match best = {0, NULL, 0, 0};
  for (int g = 0; g < GAZ_COUNT; g++) {
    if (!(may & gaz_kinds[g])) continue;
    const uint32_t *values;
    size_t nvalues;
    size_t len = nf_gazetteer_match(lex->gaz[g], t, i, &values, &nvalues);
    if (!len || len <= best.len) continue;
    nf_lex_match m = {len, NULL, 0, 0};
    for (size_t v = 0; v < nvalues; v++) {
      const nf_lex_entry *e = &lex->entries[values[v]];
      if (!(kinds & NF_LEX_BIT(e->kind)) || !case_ok(e, tok)) continue;
      if (!m.entry) m.entry = e;
      m.kinds |= NF_LEX_BIT(e->kind);
      m.flags |= e->flags;
    }
    if (m.entry) best = m;
  }
  return best;
}

nf_lex_match nf_lexicon_match(const nf_lexicon *lex, const nf_text *t, size_t i, unsigned kinds) {
  size_t count;
  const nf_token *toks = nf_text_tokens(t, &count);
  /* a phrase of a kind wanted can match only if one starts with the token:
   * most tokens are turned away here, before any gazetteer is walked */
  unsigned may = i < count ? nf_lex_starting_kinds(lex->first_kinds, &toks[i]) & kinds : 0;
  if (!may) return (nf_lex_match){0, NULL, 0, 0};
  return match_in(lex, t, &toks[i], i, kinds, may);
}

const uint16_t *nf_lexicon_first_filter(const nf_lexicon *lex) { return lex->first_kinds; }

int nf_lexicon_is(const nf_lexicon *lex, const nf_text *t, size_t i, unsigned kinds) {
  return nf_lexicon_match(lex, t, i, kinds).len == 1;
}

const char *nf_lexicon_place_country(const nf_lexicon *lex, const nf_lex_entry *place,
                                     const nf_date *date) {
  if (!place->country[0]) return NULL;
  return nf_eras_code(lex->eras, place->phrase, strlen(place->phrase), place->country, date);
}

nf_status nf_lexicon_analyzer_create(const nf_analyzer_env *env, void **instance, nf_error *err) {
  *instance = NULL;
  nf_lexicon *lex;
  nf_status s = nf_lexicon_load(env->schema_dir, &lex, err);
  if (s == NF_OK) *instance = lex;
  return s;
}

void nf_lexicon_analyzer_destroy(void *instance) { nf_lexicon_free(instance); }
