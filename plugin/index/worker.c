/* The analysis thread of the indexer: a ring of article slots.  The caller
 * fills slots at the tail, the thread analyses them in order, the caller
 * takes results at the head; each slot belongs to one thread at a time, and
 * the counters that hand it over are read and written under the mutex. */
#include "worker.h"

#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buffer.h"
#include "document.h"
#include "newsfields/record.h"

/* Articles in flight: enough to keep the thread busy, few enough to keep
 * memory bounded whatever the corpus size. */
#define NF_WORKER_SLOTS 32

typedef struct slot {
  nf_buf strings; /* the article's text, copied */
  nf_article article;
  nf_worked out;
} slot;

struct nf_index_worker {
  const nf_schema *schema;
  const nf_pipeline *pipeline;
  const char *language;
  nf_record *record; /* the thread's own */
  nf_analysis *analysis;
  pthread_t thread;
  int started;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  size_t head, ready, tail; /* untaken, analysed up to, queued up to (counters) */
  int stop;
  slot slots[NF_WORKER_SLOTS];
};

static void worked_clear(nf_worked *w) {
  nf_xdoc_free(w->doc);
  free(w->uid);
  memset(w, 0, sizeof *w);
}

/* Analyse one article into its slot's result. */
static void work(nf_index_worker *w, slot *sl) {
  nf_worked *out = &sl->out;
  nf_error_clear(&out->err);
  const nf_article *a = &sl->article;
  nf_status s =
      nf_document_from_article(w->schema, w->pipeline, w->analysis, w->record, a, w->language,
                               &out->doc, &out->uid, &out->uid_len, &out->err);
  if (s != NF_OK && !out->err.where[0] && a->origin) {
    if (a->line)
      snprintf(out->err.where, sizeof out->err.where, "%s:%lu", a->origin, a->line);
    else
      snprintf(out->err.where, sizeof out->err.where, "%s", a->origin);
  }
  out->status = s;
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
  w->language = language;
  pthread_mutex_init(&w->mu, NULL);
  pthread_cond_init(&w->cv, NULL);
  if (nf_record_new(&w->record) != NF_OK || nf_analysis_new(&w->analysis) != NF_OK) {
    nf_index_worker_free(w);
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
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
    worked_clear(&w->slots[i].out);
    nf_buf_free(&w->slots[i].strings);
    json_decref((json_t *)w->slots[i].article.extra);
  }
  nf_record_free(w->record);
  nf_analysis_free(w->analysis);
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
  return nf_index_worker_pending(w) == NF_WORKER_SLOTS;
}

/* Copies one borrowed string into the slot; its offset goes to *at. */
static nf_status copy_str(nf_buf *b, nf_str s, size_t *at) {
  *at = b->len;
  if (!s.p) return NF_OK;
  nf_status st = nf_buf_append(b, s.p, s.n);
  return st ? st : nf_buf_append_char(b, '\0');
}

nf_status nf_index_worker_submit(nf_index_worker *w, const nf_article *a, nf_error *err) {
  slot *sl = &w->slots[w->tail % NF_WORKER_SLOTS]; /* ours until tail moves past it */
  nf_buf_clear(&sl->strings);
  worked_clear(&sl->out);
  const nf_str *src[] = {&a->id, &a->text, &a->headline, &a->date, &a->url, &a->author, &a->source};
  nf_str *dst[] = {&sl->article.id,  &sl->article.text,   &sl->article.headline, &sl->article.date,
                   &sl->article.url, &sl->article.author, &sl->article.source};
  size_t at[sizeof src / sizeof src[0] + 1];
  nf_str origin = {a->origin, a->origin ? strlen(a->origin) : 0};
  nf_status s = NF_OK;
  for (size_t i = 0; s == NF_OK && i < sizeof src / sizeof src[0]; i++)
    s = copy_str(&sl->strings, *src[i], &at[i]);
  if (s == NF_OK) s = copy_str(&sl->strings, origin, &at[sizeof src / sizeof src[0]]);
  if (s != NF_OK) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  /* pointers only now: the buffer may have moved while it grew */
  const char *base = nf_buf_str(&sl->strings);
  for (size_t i = 0; i < sizeof src / sizeof src[0]; i++)
    *dst[i] = (nf_str){src[i]->p ? base + at[i] : NULL, src[i]->n};
  sl->article.origin = a->origin ? base + at[sizeof src / sizeof src[0]] : NULL;
  /* the thread's own copy: the reader's object goes with its next line */
  json_decref((json_t *)sl->article.extra);
  sl->article.extra = a->extra ? json_deep_copy(a->extra) : NULL;
  if (a->extra && !sl->article.extra) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  sl->article.line = a->line;
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
  pthread_mutex_lock(&w->mu);
  w->head++;
  pthread_mutex_unlock(&w->mu);
  return 1;
}

void nf_index_worker_discard(nf_index_worker *w) {
  nf_worked r;
  while (nf_index_worker_take(w, 1, &r)) worked_clear(&r);
}
