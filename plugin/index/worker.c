/* The analysis thread of the indexer: a ring of article slots.  The caller
 * fills slots at the tail, the thread analyses them in order, the caller
 * takes results at the head; each slot belongs to one thread at a time, and
 * the counters that hand it over are read and written under the mutex. */
#include "worker.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "queued.h"

/* Articles in flight: enough to keep the thread busy, few enough to keep
 * memory bounded whatever the corpus size. */
#define NF_WORKER_SLOTS 32
/* Bytes of article text in flight: past it the queue is full, whatever
 * the number of articles (one large article may go over it). */
#define NF_WORKER_BYTES (32u << 20)

typedef struct slot {
  nf_queued in; /* the article, copied */
  size_t bytes; /* its size */
  nf_worked out;
} slot;

struct nf_index_worker {
  const nf_schema *schema;
  const nf_pipeline *pipeline;
  nf_xstem *stem; /* the thread's own */
  nf_record *record;
  nf_analysis *analysis;
  pthread_t thread;
  int started;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  size_t head, ready, tail; /* untaken, analysed up to, queued up to (counters) */
  int stop;
  size_t bytes; /* of the articles queued and not taken (the caller's thread only) */
  slot slots[NF_WORKER_SLOTS];
};

/* Analyse one article into its slot's result. */
static void work(nf_index_worker *w, slot *sl) {
  nf_queued_work(w->schema, w->pipeline, w->stem, w->analysis, w->record, &sl->in.article,
                 &sl->out);
}

static void *run(void *arg) {
  nf_index_worker *w = arg;
  pthread_mutex_lock(&w->mu);
  for (;;) {
    while (!w->stop && w->ready == w->tail) pthread_cond_wait(&w->cv, &w->mu);
    if (w->stop) break;
    slot *sl = &w->slots[w->ready % NF_WORKER_SLOTS];
    pthread_mutex_unlock(&w->mu);
    work(w, sl);
    pthread_mutex_lock(&w->mu);
    w->ready++;
    pthread_cond_broadcast(&w->cv);
  }
  pthread_mutex_unlock(&w->mu);
  return NULL;
}

nf_status nf_index_worker_start(const nf_schema *schema, const nf_pipeline *pipeline,
                                const char *language, nf_index_worker **out, nf_error *err) {
  *out = NULL;
  nf_index_worker *w = calloc(1, sizeof *w);
  if (!w) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  w->schema = schema;
  w->pipeline = pipeline;
  pthread_mutex_init(&w->mu, NULL);
  pthread_cond_init(&w->cv, NULL);
  if (nf_record_new(&w->record) != NF_OK || nf_analysis_new(&w->analysis) != NF_OK) {
    nf_index_worker_free(w);
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  }
  nf_status s = nf_xstem_new(language, &w->stem, err);
  if (s != NF_OK) {
    nf_index_worker_free(w);
    return s;
  }
  if (pthread_create(&w->thread, NULL, run, w) != 0) {
    nf_index_worker_free(w);
    return nf_error_set(err, NF_ERR_INTERNAL, "cannot start the analysis thread");
  }
  w->started = 1;
  *out = w;
  return NF_OK;
}

void nf_index_worker_free(nf_index_worker *w) {
  if (!w) return;
  if (w->started) {
    pthread_mutex_lock(&w->mu);
    w->stop = 1;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
    pthread_join(w->thread, NULL);
  }
  for (size_t i = 0; i < NF_WORKER_SLOTS; i++) {
    nf_worked_clear(&w->slots[i].out);
    nf_queued_free(&w->slots[i].in);
  }
  nf_record_free(w->record);
  nf_analysis_free(w->analysis);
  nf_xstem_free(w->stem);
  pthread_cond_destroy(&w->cv);
  pthread_mutex_destroy(&w->mu);
  free(w);
}

size_t nf_index_worker_pending(const nf_index_worker *w) {
  pthread_mutex_lock((pthread_mutex_t *)&w->mu);
  size_t n = w->tail - w->head;
  pthread_mutex_unlock((pthread_mutex_t *)&w->mu);
  return n;
}

int nf_index_worker_full(const nf_index_worker *w) {
  return nf_index_worker_pending(w) == NF_WORKER_SLOTS || w->bytes >= NF_WORKER_BYTES;
}

nf_status nf_index_worker_submit(nf_index_worker *w, const nf_article *a, nf_error *err) {
  slot *sl = &w->slots[w->tail % NF_WORKER_SLOTS]; /* ours until tail moves past it */
  nf_worked_clear(&sl->out);
  nf_status s = nf_queued_set(&sl->in, a, err);
  if (s != NF_OK) return s;
  sl->bytes = nf_queued_bytes(a);
  w->bytes += sl->bytes;
  pthread_mutex_lock(&w->mu);
  w->tail++;
  pthread_cond_broadcast(&w->cv);
  pthread_mutex_unlock(&w->mu);
  return NF_OK;
}

int nf_index_worker_take(nf_index_worker *w, int wait, nf_worked *out) {
  pthread_mutex_lock(&w->mu);
  while (w->head != w->tail && w->head == w->ready && wait) pthread_cond_wait(&w->cv, &w->mu);
  int have = w->head != w->tail && w->head != w->ready;
  slot *sl = &w->slots[w->head % NF_WORKER_SLOTS];
  pthread_mutex_unlock(&w->mu);
  if (!have) return 0;
  *out = sl->out; /* the caller owns the document now */
  memset(&sl->out, 0, sizeof sl->out);
  w->bytes -= sl->bytes;
  pthread_mutex_lock(&w->mu);
  w->head++;
  pthread_mutex_unlock(&w->mu);
  return 1;
}

void nf_index_worker_discard(nf_index_worker *w) {
  nf_worked r;
  while (nf_index_worker_take(w, 1, &r)) nf_worked_clear(&r);
}
