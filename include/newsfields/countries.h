/* newsfields — the country table: every way the news names a country, one
 * lower-case ISO 3166-1 alpha-2 code for each.
 *
 * Loaded from schema/countries.tsv (format in schema/COUNTRIES.md):
 * `code<TAB>kind<TAB>phrase[<TAB>flags]`.  The country analyzer matches its
 * phrases in text; the searcher resolves `country:` values with it and
 * labels facet values. */
#ifndef NEWSFIELDS_COUNTRIES_H
#define NEWSFIELDS_COUNTRIES_H

#include <stddef.h>
#include <stdint.h>

#include "newsfields/export.h"
#include "newsfields/gazetteer.h"
#include "newsfields/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define NF_COUNTRIES_FILE "countries.tsv"

typedef enum nf_country_kind {
  NF_COUNTRY_NAME,           /* the short name people read (one per code) */
  NF_COUNTRY_OFFICIAL,       /* Republic of Lithuania */
  NF_COUNTRY_ALT,            /* other names and abbreviations: U.S., Britain */
  NF_COUNTRY_DEMONYM,        /* Lithuanian */
  NF_COUNTRY_DEMONYM_PLURAL, /* Lithuanians */
  NF_COUNTRY_CAPITAL,        /* Vilnius, and seats of government: the Kremlin */
  NF_COUNTRY_CODE            /* LT, LTU: for queries only */
} nf_country_kind;

/* Entry flags (the file's flags column). */
enum {
  NF_COUNTRY_UPPER = 1u << 0,     /* only when written in capitals: US */
  NF_COUNTRY_CASED = 1u << 1,     /* only when capitalized: Turkey, China */
  NF_COUNTRY_PERSON = 1u << 2,    /* also a given name or surname: Jordan */
  NF_COUNTRY_LANGUAGE = 1u << 3,  /* also a language: French */
  NF_COUNTRY_US_STATE = 1u << 4,  /* also a US state: Georgia */
  NF_COUNTRY_AMBIGUOUS = 1u << 5, /* needs context: Korea, Congo */
  NF_COUNTRY_GOVERNMENT = 1u << 6 /* a government, not a place: the Kremlin */
};

typedef struct nf_country_entry {
  char code[4];
  uint8_t kind;   /* nf_country_kind */
  uint16_t flags; /* NF_COUNTRY_* */
  const char *phrase;
} nf_country_entry;

typedef struct nf_countries nf_countries;

/* Load schema_dir/countries.tsv; a bad line is NF_ERR_SCHEMA naming it. */
NF_API nf_status nf_countries_load(const char *schema_dir, nf_countries **out, nf_error *err);
NF_API nf_status nf_countries_load_file(const char *path, nf_countries **out, nf_error *err);
NF_API void nf_countries_free(nf_countries *c);

/* The phrases of every entry; a match's values are entry indexes. */
NF_API const nf_gazetteer *nf_countries_gazetteer(const nf_countries *c);
NF_API const nf_country_entry *nf_countries_entry(const nf_countries *c, uint32_t i);
NF_API size_t nf_countries_size(const nf_countries *c);

/* The name of a code ("lt" -> "Lithuania"), or NULL for an unknown code. */
NF_API const char *nf_countries_name(const nf_countries *c, const char *code);

/* What a query means by a country: a name, official name, demonym, other
 * name, capital, or an alpha-2 or alpha-3 code, in any case.  The code goes
 * to code_out (at least 4 bytes).  An unknown or ambiguous value is
 * NF_ERR_NOT_FOUND, the message suggesting the nearest names.  Not for
 * concurrent use. */
NF_API nf_status nf_countries_resolve(nf_countries *c, const char *p, size_t n, char *code_out,
                                      nf_error *err);

#ifdef __cplusplus
}
#endif
#endif
