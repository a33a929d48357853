/* Renamed places (schema/place-aliases.tsv): "Peking" is "Beijing",
 * "Bombay" is "Mumbai".  The dateline analyzer gives the current name as
 * the value; the `place` field kind folds a queried name through the same
 * table, so either name finds both. */
#ifndef NF_GAZETTEER_ALIASES_H
#define NF_GAZETTEER_ALIASES_H

#include <stddef.h>

#include "newsfields/status.h"

#define NF_ALIASES_FILE "place-aliases.tsv"

typedef struct nf_aliases nf_aliases;

/* Load schema_dir/place-aliases.tsv; a bad line is NF_ERR_SCHEMA naming it. */
nf_status nf_aliases_load(const char *schema_dir, nf_aliases **out, nf_error *err);
void nf_aliases_free(nf_aliases *a);

/* The current name of the place p[0..n) (matched case- and accent-blind,
 * dots and apostrophes ignored), or NULL when it was not renamed.  A current
 * name gives itself. */
const char *nf_aliases_canonical(const nf_aliases *a, const char *p, size_t n);

#endif
