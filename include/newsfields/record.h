/* newsfields — the record: what was extracted from one article.
 *
 * The single meeting point of analysis and indexing (layer 4 of the
 * architecture in plugin/README.md).  A record is derived from the article's
 * metadata and the analyzers' typed results, never written by an analyzer:
 * - the JSON object `newsfields extract` prints and the index stores: the
 *   metadata (id, headline, date, url, source, meta), then one key per result
 *   type the pipeline provides, as the type declares (nf_result_type_v1);
 * - the values of each schema field, from the sources the field names
 *   (`source = official.country`): what the field kinds turn into terms. */
#ifndef NEWSFIELDS_RECORD_H
#define NEWSFIELDS_RECORD_H

#include <stddef.h>

#include "newsfields/analyzer.h"
#include "newsfields/article.h"
#include "newsfields/date.h"
#include "newsfields/export.h"
#include "newsfields/schema.h"
#include "newsfields/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nf_record nf_record;

/* Longest article id, in bytes (Xapian terms are limited to 245). */
#define NF_RECORD_MAX_ID 200

NF_API nf_status nf_record_new(nf_record **out);
NF_API void nf_record_free(nf_record *rec);

/* Analyse one article with the pipeline and make its record: the one
 * sequence the indexer, `extract` and every other caller use.  The article
 * and the analysis must stay as they are while the record is used (the
 * record reads both, copying nothing but its JSON).  A bad article (no id,
 * an id too long, no text, bad UTF-8 in its metadata, a bad date) is
 * NF_ERR_PARSE. */
NF_API nf_status nf_record_extract(nf_record *rec, const nf_pipeline *p, nf_analysis *a,
                                   const nf_article *article, nf_error *err);

/* The article the record was made from (borrowed from the caller of
 * nf_record_extract). */
NF_API const nf_article *nf_record_article(const nf_record *rec);
NF_API const char *nf_record_id(const nf_record *rec, size_t *n);
NF_API const char *nf_record_text(const nf_record *rec, size_t *n);
/* The article's date: its metadata's, else the one the text gives (the
 * dateline's): 1 and *out set, else 0. */
NF_API int nf_record_date(const nf_record *rec, nf_date *out);

/* Receives one value (bytes, not NUL-terminated). */
typedef nf_status (*nf_value_fn)(void *ctx, const char *v, size_t n);
/* The values of a field, each once, in the order found: the metadata or the
 * results (their value or attribute) its sources name.  Results flagged
 * NF_RESULT_HIDDEN or NF_RESULT_UNINDEXED give none; empty values are left
 * out. */
NF_API nf_status nf_record_values(const nf_record *rec, const nf_field *field, nf_value_fn fn,
                                  void *ctx);

/* Flags for nf_record_to_json. */
#define NF_RECORD_JSON_PRETTY 1u /* indented, for people */
#define NF_RECORD_JSON_TEXT 2u   /* include "text" */

/* The record as one JSON object (malloc'd, NUL-terminated, no newline). */
NF_API nf_status nf_record_to_json(const nf_record *rec, unsigned flags, char **out, nf_error *err);

/* The record within the schema's limits on what one article may make: its
 * quotations (NF_LIMIT_QUOTES) and, when json is not NULL, its size as
 * JSON (NF_LIMIT_RECORD_BYTES).  Check before building the JSON (json
 * NULL) and after; over a limit: NF_ERR_LIMIT, the message naming the
 * limit, its schema key and option. */
NF_API nf_status nf_record_check_limits(const nf_record *rec, const nf_schema *schema,
                                        const char *json, nf_error *err);

#ifdef __cplusplus
}
#endif
#endif
