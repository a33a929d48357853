/* newsfields — the record: what was extracted from one article.
 *
 * The single meeting point of analysis and indexing (DESIGN.md, layer 4).
 * It holds the article's metadata, the analyzers' typed results (printed by
 * `newsfields extract` as one JSON object), and the index values: pairs of a
 * source name (a schema field's `source`) and a value, which the indexer turns
 * into terms as the schema says. */
#ifndef NEWSFIELDS_RECORD_H
#define NEWSFIELDS_RECORD_H

#include <stddef.h>

#include "newsfields/article.h"
#include "newsfields/date.h"
#include "newsfields/export.h"
#include "newsfields/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nf_record nf_record;

/* Longest article id, in bytes (Xapian terms are limited to 245). */
#define NF_RECORD_MAX_ID 200

NF_API nf_status nf_record_new(nf_record **out);
NF_API void nf_record_free(nf_record *rec);

/* Start the record of an article: forget the previous one, copy the metadata
 * (id, headline, date, url, source, author, other keys) and add its index
 * values: "id", "text", "headline", "date" (YYYYMMDD), "year" and "source".
 * The author metadata is kept for the byline analyzer (nf_record_author),
 * which makes bylines of it.  A bad date is NF_ERR_PARSE. */
NF_API nf_status nf_record_begin(nf_record *rec, const nf_article *article, nf_error *err);

/* Add an index value for a source; both strings are copied. */
NF_API nf_status nf_record_add_value(nf_record *rec, const char *source, const char *value,
                                     size_t n);
NF_API size_t nf_record_value_count(const nf_record *rec);
/* The i-th value, in the order added.  The pointers stay valid until a
 * value is added or the record begins again. */
NF_API void nf_record_value(const nf_record *rec, size_t i, const char **source, const char **value,
                            size_t *n);

/* The article's date: 1 and *out set when it has one, else 0. */
NF_API int nf_record_date(const nf_record *rec, nf_date *out);

/* Set a key of the record's JSON object to a JSON value given as text (for
 * analyzers outside the library; an existing key is replaced).  Invalid
 * JSON is NF_ERR_INVALID. */
NF_API nf_status nf_record_set_json(nf_record *rec, const char *key, const char *json, size_t n,
                                    nf_error *err);

/* The article's id and text, as given to nf_record_begin (copied).  They
 * stay in place until the next nf_record_begin, however many values are
 * added: the analyzers read the text through nf_text while they add. */
NF_API const char *nf_record_id(const nf_record *rec);
NF_API const char *nf_record_text(const nf_record *rec, size_t *n);
/* The article's author and source metadata (copied), or NULL when absent. */
NF_API const char *nf_record_author(const nf_record *rec, size_t *n);
NF_API const char *nf_record_source(const nf_record *rec, size_t *n);

/* Flags for nf_record_to_json. */
#define NF_RECORD_JSON_PRETTY 1u /* indented, for people */
#define NF_RECORD_JSON_TEXT 2u   /* include "text" */

/* The record as one JSON object (malloc'd, NUL-terminated, no newline). */
NF_API nf_status nf_record_to_json(const nf_record *rec, unsigned flags, char **out, nf_error *err);

#ifdef __cplusplus
}
#endif
#endif
