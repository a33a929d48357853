/* A record made into a Xapian document.  Internal to the index layer. */
#ifndef NF_INDEX_DOCUMENT_H
#define NF_INDEX_DOCUMENT_H

#include "newsfields/record.h"
#include "newsfields/schema.h"
#include "xapian/shim.h"

/* Flags for nf_document_build. */
#define NF_DOCUMENT_STORED 1u /* the record in the index's layout (record/stored.h) */

/* Terms, values and data for every schema field the record has values for.
 * The data is the record's JSON with its text (for snippets and results):
 * whole, or with flags NF_DOCUMENT_STORED as `newsfields index` stores it.
 * Free text is stemmed by stem, the calling thread's (nf_xdoc_new_stemmed). */
nf_status nf_document_build(const nf_schema *schema, const nf_record *rec, nf_xstem *stem,
                            unsigned flags, nf_xdoc **out, nf_error *err);

/* The unique term of the record's id (the id field's prefix + id), malloc'd. */
nf_status nf_document_uid_term(const nf_schema *schema, const nf_record *rec, char **out,
                               size_t *n);

/* Analyse an article (nf_record_extract) and make its document and unique
 * term: what the indexer does in the caller's thread and in its analysis
 * thread.  On error *doc and *uid are NULL. */
nf_status nf_document_from_article(const nf_schema *schema, const nf_pipeline *p, nf_analysis *an,
                                   nf_record *rec, const nf_article *article, nf_xstem *stem,
                                   unsigned flags, nf_xdoc **doc, char **uid, size_t *uid_len,
                                   nf_error *err);

#endif
