/* The news agency table (schema/agencies.tsv): every way a dateline, a
 * byline or the `source` metadata names an agency, one canonical name each.
 * For the dateline and byline analyzers and the search. */
#ifndef NF_GAZETTEER_AGENCIES_H
#define NF_GAZETTEER_AGENCIES_H

#include <stddef.h>

#include "newsfields/status.h"

#define NF_AGENCIES_FILE "agencies.tsv"

typedef struct nf_agencies nf_agencies;

/* Load schema_dir/agencies.tsv; a bad line (or a variant given to two
 * agencies) is NF_ERR_SCHEMA naming the file and line. */
nf_status nf_agencies_load(const char *schema_dir, nf_agencies **out, nf_error *err);
void nf_agencies_free(nf_agencies *a);

/* The canonical name of the agency p[0..n) names ("REUTERS", "Reuter",
 * "Associated Press"), or NULL. */
const char *nf_agencies_find(const nf_agencies *a, const char *p, size_t n);

#endif
