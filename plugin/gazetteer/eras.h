/* Countries in their era (schema/country-eras.tsv): the state a place,
 * capital or demonym meant on a date.  Before the dissolutions "Moscow" and
 * "the Kremlin" were the Soviet Union's, "Prague" Czechoslovakia's; after
 * its end "East Berlin" is Germany's.  For the country and dateline
 * analyzers. */
#ifndef NF_GAZETTEER_ERAS_H
#define NF_GAZETTEER_ERAS_H

#include <stddef.h>

#include "newsfields/date.h"
#include "newsfields/status.h"

#define NF_ERAS_FILE "country-eras.tsv"

typedef struct nf_eras nf_eras;

/* Load schema_dir/country-eras.tsv; a bad line is NF_ERR_SCHEMA naming it. */
nf_status nf_eras_load(const char *schema_dir, nf_eras **out, nf_error *err);
void nf_eras_free(nf_eras *e);

/* The code that phrase p[0..n), found as code, meant on date: the former
 * state before the row's date, the successor from it on and when date is
 * NULL (an undated article gets today's states).  code itself when no row
 * of code or its successor lists the phrase.  The result is code or points
 * into the table (3 bytes with the NUL). */
const char *nf_eras_code(const nf_eras *e, const char *p, size_t n, const char *code,
                         const nf_date *date);

#endif
