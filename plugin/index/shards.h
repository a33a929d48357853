/* The shard threads of `index -j N`: N threads, each analysing the articles
 * that hash to its shard and writing them to its own database.
 *
 * The caller's thread reads the input and queues each article for its
 * shard; it takes the results back in input order, as from the analysis
 * thread of one database (worker.h).  Taking a good result releases its
 * document to the shard's thread, which writes it; a bad one is never
 * written.  So a shard writes only articles whose predecessors, in every
 * shard, were taken: after a bad article, what is written is exactly what
 * came before it, as with one database.  Each shard commits every `batch`
 * of its articles and when asked (nf_shards_commit).
 *
 * Memory: at most NF_SHARDS_INFLIGHT articles and about NF_SHARDS_BYTES of
 * their text are queued at once, whatever the input (a shard's ring can
 * hold them all, so the articles of one shard never wait for another's);
 * each shard holds at most that many documents released and not yet
 * written, and Xapian's changes of at most one batch.
 *
 * Threads: a shard's ring counters, its list of released documents, its
 * counts and its error are guarded by its mutex; a slot belongs to the
 * caller's thread until queued, to the shard's thread until analysed, to
 * the caller's again until taken; the shard's database, analysis and
 * record are its thread's alone (nf_shards_doccount reads the database
 * under the mutex while the thread is not writing).  The schema and the
 * pipeline are shared read-only (their contract: analyze and field kinds
 * run in several threads at once).  Internal to the index layer. */
#ifndef NF_INDEX_SHARDS_H
#define NF_INDEX_SHARDS_H

#include "newsfields/analyzer.h"
#include "newsfields/article.h"
#include "newsfields/schema.h"
#include "queued.h"
#include "xapian/shim.h"

#define NF_SHARDS_INFLIGHT 64
#define NF_SHARDS_BYTES (32u << 20)

typedef struct nf_shards nf_shards;

/* Start one thread per database; dbs[k] is shard k (at paths[k], for
 * messages); the shards take the databases over (even on error).  schema,
 * pipeline and language must outlive them. */
nf_status nf_shards_start(nf_xdb **dbs, const char *const *paths, unsigned n,
                          const nf_schema *schema, const nf_pipeline *pipeline,
                          const char *language, unsigned batch, nf_shards **out, nf_error *err);
/* Stop the threads, drop what was not committed, close the databases. */
void nf_shards_free(nf_shards *sh);

/* 1 when article a may be queued now; else take a result first. */
int nf_shards_room(const nf_shards *sh, const nf_article *a);
/* Number of articles queued and not yet taken. */
size_t nf_shards_pending(const nf_shards *sh);
/* Queue a copy of a for its shard. */
nf_status nf_shards_submit(nf_shards *sh, const nf_article *a, nf_error *err);
/* The oldest article's result (status and error; its document, when good,
 * goes to its shard's writer), waiting for it when wait is set; 0 when
 * none is pending or, without wait, it is not ready. */
int nf_shards_take(nf_shards *sh, int wait, nf_worked *out);
/* Drop every pending article, writing none. */
void nf_shards_discard(nf_shards *sh);
/* Wait until every shard wrote what it was given, then commit each. */
nf_status nf_shards_commit(nf_shards *sh, nf_error *err);
/* Articles written and committed, over all shards. */
unsigned long nf_shards_committed(nf_shards *sh);
/* 1 when a shard failed to write or commit; its error goes to err. */
int nf_shards_broken(nf_shards *sh, nf_error *err);
/* Documents in all shards, once each wrote what it was given. */
nf_status nf_shards_doccount(nf_shards *sh, unsigned long *out, nf_error *err);

#endif
