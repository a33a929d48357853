/* An article queued for an analysis thread: a copy that outlives the
 * reader's line, and what analysing it gives.  Shared by the analysis
 * thread of one database (worker.c) and the shard threads (shards.c).
 * Internal to the index layer. */
#ifndef NF_INDEX_QUEUED_H
#define NF_INDEX_QUEUED_H

#include <stddef.h>

#include "core/buffer.h"
#include "newsfields/analyzer.h"
#include "newsfields/article.h"
#include "newsfields/record.h"
#include "newsfields/schema.h"
#include "xapian/shim.h"

/* What a thread made of one article: a document and its unique term, or
 * an error naming the article's file and line. */
typedef struct nf_worked {
  nf_status status;
  nf_error err;
  nf_xdoc *doc;
  char *uid;
  size_t uid_len;
} nf_worked;

/* An article with its strings copied into a buffer of its own. */
typedef struct nf_queued {
  nf_buf strings;
  nf_article article;
} nf_queued;

/* Copy a into q (reusing q's buffer); NF_ERR_NOMEM with err set. */
nf_status nf_queued_set(nf_queued *q, const nf_article *a, nf_error *err);
/* The bytes a copy of a holds (its strings), for a queue bounded in bytes. */
size_t nf_queued_bytes(const nf_article *a);
void nf_queued_free(nf_queued *q);

/* Drop a result's document and term and clear it. */
void nf_worked_clear(nf_worked *w);

/* Analyse one article into a document (nf_document_from_article) with the
 * thread's own stemmer, analysis and record; an error is located at the article's
 * file and line. */
void nf_queued_work(const nf_schema *schema, const nf_pipeline *pipeline, nf_xstem *stem,
                    nf_analysis *analysis, nf_record *record, const nf_article *a, nf_worked *out);

/* "file:line" (or the file) of an article into where (NF_ERROR_WHERE_MAX
 * bytes); "" when it has no origin. */
void nf_queued_where(const nf_article *a, char *where);

#endif
