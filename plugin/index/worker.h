/* The analysis thread of the indexer: articles are analysed and made into
 * documents there while the caller's thread feeds Xapian (one writer).
 * Results come back in input order.  Internal to the index layer. */
#ifndef NF_INDEX_WORKER_H
#define NF_INDEX_WORKER_H

#include <stddef.h>

#include "newsfields/analyzer.h"
#include "newsfields/article.h"
#include "newsfields/schema.h"
#include "queued.h"

typedef struct nf_index_worker nf_index_worker;

/* Start the thread; schema and pipeline must outlive the worker. */
nf_status nf_index_worker_start(const nf_schema *schema, const nf_pipeline *pipeline,
                                const char *language, nf_index_worker **out, nf_error *err);
/* Stop the thread and drop what it still holds.  NULL is a no-op. */
void nf_index_worker_free(nf_index_worker *w);

/* 1 when no more articles can be queued before one is taken. */
int nf_index_worker_full(const nf_index_worker *w);
/* Number of articles queued or analysed and not yet taken. */
size_t nf_index_worker_pending(const nf_index_worker *w);
/* Queue a copy of the article (the worker must not be full). */
nf_status nf_index_worker_submit(nf_index_worker *w, const nf_article *a, nf_error *err);
/* The oldest article's result: waits for it when wait is set, else returns
 * 0 when it is not ready (or none is pending).  The caller owns out's doc
 * and uid (nf_xdoc_free, free). */
int nf_index_worker_take(nf_index_worker *w, int wait, nf_worked *out);
/* Drop every pending article. */
void nf_index_worker_discard(nf_index_worker *w);

#endif
