/* Two word lists of schema/ whose file formats are known here only: the
 * phrases that contain a country's name but name no country
 * (country-blockers.tsv, for the country analyzer) and the organisations
 * with their canonical names (organisations.tsv, for the lexicon of the
 * people analyzers and for the `title` field kind). */
#ifndef NF_GAZETTEER_WORDLISTS_H
#define NF_GAZETTEER_WORDLISTS_H

#include "newsfields/gazetteer.h"
#include "newsfields/status.h"

#define NF_BLOCKERS_FILE "country-blockers.tsv"
#define NF_ORGANISATIONS_FILE "organisations.tsv"

/* schema_dir/country-blockers.tsv as a gazetteer (every value 0); a bad
 * line is NF_ERR_SCHEMA naming it. */
nf_status nf_blockers_load(const char *schema_dir, nf_gazetteer **out, nf_error *err);

/* One row of organisations.tsv: a name or alias, the canonical name, and
 * the ISO code of the state it belongs to ("" for none).  The row is for
 * messages (nf_error_set_at). */
typedef nf_status (*nf_organisation_fn)(void *ctx, const nf_tsv_row *row, const char *name,
                                        const char *canonical, const char *country, nf_error *err);

/* Each row of schema_dir/organisations.tsv to fn; a bad line (not three
 * columns, a country that is neither a lower-case ISO code nor "-") is
 * NF_ERR_SCHEMA naming it. */
nf_status nf_organisations_read(const char *schema_dir, nf_organisation_fn fn, void *ctx,
                                nf_error *err);

#endif
