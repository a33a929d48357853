/* newsfields — inside a caller's own Xapian program.
 *
 * For an indexer or a search front end that keeps its own
 * Xapian::WritableDatabase and Xapian::QueryParser: an nf_embed holds a
 * schema, the analyzers (built-in and plug-ins) and their working memory;
 * nf_embed_analyse turns an article into what newsfields would index (terms
 * with wdf and positions, values, data and the unique term), which the caller
 * reads through callbacks or adds to its own Xapian::Document; and
 * nf_embed_install gives a Xapian::QueryParser the schema's fields, each
 * value normalised as the indexer normalised it (speaker:Austin,
 * country:Lithuania, title:"Defense Secretary", date:2021-12-01..2021-12-31).
 *
 * The Xapian objects cross this C API as void pointers (a Xapian::Document *,
 * a Xapian::QueryParser *); C++ programs use newsfields/newsfields.hpp, which
 * passes them typed.  One nf_embed is for one thread at a time. */
#ifndef NEWSFIELDS_XAPIAN_H
#define NEWSFIELDS_XAPIAN_H

#include <stddef.h>

#include "newsfields/article.h"
#include "newsfields/export.h"
#include "newsfields/schema.h"
#include "newsfields/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nf_embed nf_embed;
typedef struct nf_document nf_document;

/* Load the schema (NULL: the installed one, or $NEWSFIELDS_SCHEMA), the
 * plug-ins named (paths of shared objects, as --plugin; may be NULL), and the
 * analyzers with their data from the schema's directory. */
NF_API nf_status nf_embed_open(const char *schema_path, const char *const *plugins, size_t nplugins,
                               nf_embed **out, nf_error *err);
/* Free it after every query parser it was installed on is done with. */
NF_API void nf_embed_free(nf_embed *e);
NF_API const nf_schema *nf_embed_schema(const nf_embed *e);

/* Analyse an article: what nf_indexer_add would write for it.
 * NF_ERR_PARSE for a bad article. */
NF_API nf_status nf_embed_analyse(nf_embed *e, const nf_article *article, nf_document **out,
                                  nf_error *err);
NF_API void nf_document_free(nf_document *d);

/* Each term in byte order: the boolean terms of the fields (wdf 0, no
 * positions), the free-text terms with their wdf and positions, and their
 * stems (Z..., wdf, no positions).  A callback's error stops the walk and is
 * returned. */
typedef nf_status (*nf_document_term_fn)(void *ctx, const char *term, size_t n, unsigned wdf,
                                         const unsigned *positions, size_t npositions);
NF_API nf_status nf_document_terms(const nf_document *d, nf_document_term_fn fn, void *ctx,
                                   nf_error *err);
/* Each value slot set (the date field's YYYYMMDD, ...). */
typedef nf_status (*nf_document_value_fn)(void *ctx, unsigned slot, const char *value, size_t n);
NF_API nf_status nf_document_values(const nf_document *d, nf_document_value_fn fn, void *ctx,
                                    nf_error *err);
/* The document data, NUL-terminated, valid until nf_document_free: the
 * record as JSON (with the text), whole, on the first line, then the lines
 * Omega reads (newsfields=1, caption=, sample=, url=, date=, modtime=;
 * schema/omega/README.md).  `newsfields index` stores the record smaller
 * (newsfields=2); newsfields reads either the same. */
NF_API const char *nf_document_data(const nf_document *d, size_t *n);
/* The unique term (id prefix + id), which the document contains: give it to
 * replace_document so that re-indexing an article replaces it. */
NF_API const char *nf_document_unique_term(const nf_document *d, size_t *n);
/* Add the terms (wdf and positions kept), values and data to a caller's
 * Xapian::Document (xapian_document is a Xapian::Document *). */
NF_API nf_status nf_document_add_to(const nf_document *d, void *xapian_document, nf_error *err);

/* Give a caller's Xapian::QueryParser (a Xapian::QueryParser *) the schema's
 * fields: free-text fields as prefixes, term fields as boolean field
 * processors that normalise their value, the date field as a range
 * (date:2021-12-01..2021-12-31, date:2021-12) over its value slot, the id as
 * a boolean prefix.  The caller's stemmer and flags are kept; a value a field
 * does not know makes parse_query throw Xapian::QueryParserError.  The
 * processors belong to e: use the parser only while e lives. */
NF_API nf_status nf_embed_install(nf_embed *e, void *xapian_queryparser, nf_error *err);

/* The term a query field:value looks up, as the installed processors make it
 * (country, "Lithuanian" -> "Nlt"): for bindings that add their own field
 * processors.  NF_ERR_QUERY for a value the field does not know, NF_ERR_INVALID
 * for a field that is not a term field.  *term is malloc'd. */
NF_API nf_status nf_embed_query_term(nf_embed *e, const char *field, const char *value, size_t n,
                                     char **term, size_t *term_len, nf_error *err);

#ifdef __cplusplus
}
#endif
#endif
