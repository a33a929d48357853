/* The dateline place table (schema/places.tsv, made by
 * schema/tools/gen_places.py): cities, capitals, countries, regions and
 * their abbreviations, each with a country.  For the dateline
 * analyzer. */
#ifndef NF_GAZETTEER_PLACES_H
#define NF_GAZETTEER_PLACES_H

#include <stddef.h>

#include "newsfields/status.h"

#define NF_PLACES_FILE "places.tsv"

typedef struct nf_places nf_places;

/* Load schema_dir/places.tsv; a bad line is NF_ERR_SCHEMA naming it. */
nf_status nf_places_load(const char *schema_dir, nf_places **out, nf_error *err);
void nf_places_free(nf_places *p);

/* The region of a dateline as written ("Ukraine", "Va.", "N.J."). */
typedef struct nf_place_region {
  const char *p;
  size_t n;
} nf_place_region;

/* The country of a dateline's place (city as written, then its regions):
 * the first region that names one country, taking the city's country to
 * choose between a region's readings ("Georgia": the country or the US
 * state); with no region, the city's country when its rows agree.  A region
 * that names nothing known leaves the country unknown rather than guessed
 * from the city ("GEORGETOWN, Grand Cayman").  Writes the code (3 bytes) to
 * code and returns 1, or returns 0.  *spelling gets the table's spelling of
 * the city ("St. Louis" for "ST. LOUIS"), or NULL. */
int nf_places_country(const nf_places *p, const char *city, size_t n,
                      const nf_place_region *regions, size_t nregions, char code[3],
                      const char **spelling);

#endif
