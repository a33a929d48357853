/* newsfields — gazetteers: phrases matched over the token stream.
 *
 * The gazetteer layer (plugin/README.md, "Layers").  A gazetteer maps
 * phrases ("Republic of Lithuania", "U.S.", "Guinea-Bissau") to values the
 * caller chooses (usually a row of its own table).  Phrases are tokenized and
 * folded exactly as article text is (nf_text), so matching is case and accent
 * blind; the caller checks case where it matters by looking at the tokens'
 * flags.  Matching is longest first, one hash probe per token: a trie over
 * folded tokens.
 *
 * The data files under schema/ are tab-separated; nf_tsv_read reads them
 * strictly (a bad line is an error naming the file and line). */
#ifndef NEWSFIELDS_GAZETTEER_H
#define NEWSFIELDS_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#include "newsfields/export.h"
#include "newsfields/status.h"
#include "newsfields/text.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nf_gazetteer nf_gazetteer;

NF_API nf_status nf_gazetteer_new(nf_gazetteer **out);
/* NULL is a no-op. */
NF_API void nf_gazetteer_free(nf_gazetteer *g);

/* Add a phrase with a value.  A phrase may carry several values (one phrase,
 * several meanings); adding the same value twice keeps one.  A phrase with
 * no word or number in it is NF_ERR_INVALID. */
NF_API nf_status nf_gazetteer_add(nf_gazetteer *g, const char *phrase, size_t n, uint32_t value,
                                  nf_error *err);

/* The longest phrase that starts at token i of the analysed text: returns
 * its length in tokens (0: none) and its values in *values / *nvalues
 * (valid until the gazetteer changes). */
NF_API size_t nf_gazetteer_match(const nf_gazetteer *g, const nf_text *t, size_t i,
                                 const uint32_t **values, size_t *nvalues);

/* The values of exactly this phrase (as a query gives it), or *nvalues = 0.
 * Not for concurrent use: it tokenizes with the gazetteer's own nf_text. */
NF_API nf_status nf_gazetteer_lookup(nf_gazetteer *g, const char *phrase, size_t n,
                                     const uint32_t **values, size_t *nvalues, nf_error *err);

/* Number of phrases. */
NF_API size_t nf_gazetteer_size(const nf_gazetteer *g);

/* ---- tab-separated data files ------------------------------------------ */

#define NF_TSV_MAX_COLUMNS 16

typedef struct nf_tsv_row {
  const char *file;
  unsigned long line;
  const char *cols[NF_TSV_MAX_COLUMNS]; /* NUL-terminated, valid during the callback */
  size_t ncols;
} nf_tsv_row;

/* Called for each data line; an error status stops the reading (set err
 * with nf_error_set_at(err, ..., row->file, row->line, ...)). */
typedef nf_status (*nf_tsv_fn)(void *ctx, const nf_tsv_row *row, nf_error *err);

/* Read a UTF-8 file of tab-separated lines; '#' lines and blank lines are
 * skipped.  A line with fewer than min_cols or more than max_cols columns,
 * an empty column, a column with leading or trailing spaces, or invalid
 * UTF-8 is NF_ERR_SCHEMA naming the file and line. */
NF_API nf_status nf_tsv_read(const char *path, size_t min_cols, size_t max_cols, nf_tsv_fn fn,
                             void *ctx, nf_error *err);

#ifdef __cplusplus
}
#endif
#endif
