/* The shard threads of `index -j N` (see shards.h for who owns what). */
#include "shards.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"

typedef struct slot {
  nf_queued in; /* the article, copied */
  size_t bytes; /* its size */
  nf_worked out;
} slot;

/* A document taken in input order, for the shard's thread to write. */
typedef struct released {
  struct released *next;
  nf_xdoc *doc;
  char *uid;
  size_t uid_len;
  char where[NF_ERROR_WHERE_MAX]; /* its file and line, for a failed commit's message */
} released;

typedef struct shard {
  const struct nf_shards *all;
  nf_xdb *db;
  char *path;
  nf_xstem *stem; /* the thread's own */
  nf_record *record;
  nf_analysis *analysis;
  char reached[NF_ERROR_WHERE_MAX]; /* the thread's: where the last article written was */
  pthread_t thread;
  int started;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  /* under mu: */
  size_t head, ready, tail; /* untaken, analysed up to, queued up to (counters) */
  released *first, *last;   /* to write, oldest first */
  int writing;              /* the thread uses the database outside the mutex */
  int commit_wanted;
  int stop;
  unsigned long written, committed;
  int broken;
  nf_error failure;
  slot slots[NF_SHARDS_INFLIGHT];
} shard;

struct nf_shards {
  const nf_schema *schema;
  const nf_pipeline *pipeline;
  unsigned batch;
  unsigned n;
  shard *shards;
  /* the caller's thread only: the shard of each article in flight, oldest
   * first, and the bytes they hold */
  unsigned order[NF_SHARDS_INFLIGHT];
  size_t order_head, order_tail;
  size_t bytes;
};

/* The thread's: commit what it wrote. */
static void commit_shard(shard *s) {
  nf_error e;
  nf_error_clear(&e);
  nf_status st = nf_xdb_commit(s->db, &e);
  pthread_mutex_lock(&s->mu);
  if (st == NF_OK) {
    s->committed = s->written;
  } else if (!s->broken) {
    s->broken = 1;
    nf_error_set_at(&s->failure, st, s->path, 0,
                    "cannot commit articles %lu to %lu of this shard (input read up to %s): %s; "
                    "the shard keeps the %lu articles committed before",
                    s->committed + 1, s->written, s->reached[0] ? s->reached : "?", e.message,
                    s->committed);
  }
  pthread_mutex_unlock(&s->mu);
}

/* The thread's: write one released document; commit when a batch is full. */
static void write_one(shard *s, const released *r) {
  nf_error e;
  nf_error_clear(&e);
  nf_status st = nf_xdb_replace(s->db, r->uid, r->uid_len, r->doc, &e);
  int full = 0;
  pthread_mutex_lock(&s->mu);
  if (st == NF_OK) {
    s->written++;
    full = s->written - s->committed >= s->all->batch;
  } else if (!s->broken) {
    s->broken = 1;
    nf_error_set_at(&s->failure, st, s->path, 0, "cannot write the article from %s: %s",
                    r->where[0] ? r->where : "?", e.message);
  }
  pthread_mutex_unlock(&s->mu);
  if (st == NF_OK) snprintf(s->reached, sizeof s->reached, "%s", r->where);
  if (full) commit_shard(s);
}

static void released_free(released *r) {
  nf_xdoc_free(r->doc);
  free(r->uid);
  free(r);
}

/* Writes first (they free memory), then a commit asked for, then analysis. */
static void *run(void *arg) {
  shard *s = arg;
  const nf_shards *all = s->all;
  pthread_mutex_lock(&s->mu);
  while (!s->stop) {
    if (s->first || s->commit_wanted) {
      released *r = s->first;
      if (r) {
        s->first = r->next;
        if (!s->first) s->last = NULL;
      }
      int broken = s->broken;
      s->writing = 1;
      pthread_mutex_unlock(&s->mu);
      if (r && !broken) write_one(s, r);
      if (!r && !broken) commit_shard(s);
      if (r) released_free(r);
      pthread_mutex_lock(&s->mu);
      s->writing = 0;
      if (!r) s->commit_wanted = 0;
      pthread_cond_broadcast(&s->cv);
    } else if (s->ready != s->tail) {
      slot *sl = &s->slots[s->ready % NF_SHARDS_INFLIGHT];
      pthread_mutex_unlock(&s->mu);
      nf_queued_work(all->schema, all->pipeline, s->stem, s->analysis, s->record, &sl->in.article,
                     &sl->out);
      pthread_mutex_lock(&s->mu);
      s->ready++;
      pthread_cond_broadcast(&s->cv);
    } else {
      pthread_cond_wait(&s->cv, &s->mu);
    }
  }
  pthread_mutex_unlock(&s->mu);
  return NULL;
}

void nf_shards_free(nf_shards *sh) {
  if (!sh) return;
  for (unsigned k = 0; sh->shards && k < sh->n; k++) {
    shard *s = &sh->shards[k];
    if (s->started) {
      pthread_mutex_lock(&s->mu);
      s->stop = 1;
      pthread_cond_broadcast(&s->cv);
      pthread_mutex_unlock(&s->mu);
      pthread_join(s->thread, NULL);
    }
  }
  for (unsigned k = 0; sh->shards && k < sh->n; k++) {
    shard *s = &sh->shards[k];
    for (size_t i = 0; i < NF_SHARDS_INFLIGHT; i++) {
      nf_worked_clear(&s->slots[i].out);
      nf_queued_free(&s->slots[i].in);
    }
    while (s->first) {
      released *r = s->first;
      s->first = r->next;
      released_free(r);
    }
    nf_xdb_free(s->db); /* drops what was not committed */
    nf_record_free(s->record);
    nf_analysis_free(s->analysis);
    nf_xstem_free(s->stem);
    free(s->path);
    pthread_cond_destroy(&s->cv);
    pthread_mutex_destroy(&s->mu);
  }
  free(sh->shards);
  free(sh);
}

nf_status nf_shards_start(nf_xdb **dbs, const char *const *paths, unsigned n,
                          const nf_schema *schema, const nf_pipeline *pipeline,
                          const char *language, unsigned batch, nf_shards **out, nf_error *err) {
  *out = NULL;
  nf_shards *sh = calloc(1, sizeof *sh);
  shard *shards = sh ? calloc(n, sizeof *shards) : NULL;
  if (!shards) {
    free(sh);
    for (unsigned k = 0; k < n; k++) nf_xdb_free(dbs[k]);
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  }
  *sh = (nf_shards){schema, pipeline, batch ? batch : 1, n, shards, {0}, 0, 0, 0};
  nf_status s = NF_OK;
  for (unsigned k = 0; k < n; k++) {
    shard *d = &shards[k];
    d->all = sh;
    d->db = dbs[k];
    pthread_mutex_init(&d->mu, NULL);
    pthread_cond_init(&d->cv, NULL);
    if (s == NF_OK && (!(d->path = strdup(paths[k])) || nf_record_new(&d->record) != NF_OK ||
                       nf_analysis_new(&d->analysis) != NF_OK))
      s = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
    if (s == NF_OK) s = nf_xstem_new(language, &d->stem, err);
  }
  for (unsigned k = 0; s == NF_OK && k < n; k++) {
    if (pthread_create(&shards[k].thread, NULL, run, &shards[k]) != 0)
      s = nf_error_set(err, NF_ERR_INTERNAL, "cannot start the thread of shard %u", k);
    else
      shards[k].started = 1;
  }
  if (s != NF_OK) {
    nf_shards_free(sh);
    return s;
  }
  *out = sh;
  return NF_OK;
}

size_t nf_shards_pending(const nf_shards *sh) { return sh->order_tail - sh->order_head; }

int nf_shards_room(const nf_shards *sh, const nf_article *a) {
  size_t inflight = nf_shards_pending(sh);
  return inflight == 0 ||
         (inflight < NF_SHARDS_INFLIGHT && sh->bytes + nf_queued_bytes(a) <= NF_SHARDS_BYTES);
}

nf_status nf_shards_submit(nf_shards *sh, const nf_article *a, nf_error *err) {
  if (nf_shards_pending(sh) >= NF_SHARDS_INFLIGHT)
    return nf_error_set(err, NF_ERR_INTERNAL, "the shards' queue is full");
  unsigned k = nf_layout_shard_of(a->id.p, a->id.p ? a->id.n : 0, sh->n);
  shard *s = &sh->shards[k];
  /* The caller's thread alone moves tail: reading it here is no race. */
  slot *sl = &s->slots[s->tail % NF_SHARDS_INFLIGHT]; /* ours until tail moves past it */
  nf_worked_clear(&sl->out);
  nf_status st = nf_queued_set(&sl->in, a, err);
  if (st != NF_OK) return st;
  sl->bytes = nf_queued_bytes(a);
  sh->bytes += sl->bytes;
  sh->order[sh->order_tail++ % NF_SHARDS_INFLIGHT] = k;
  pthread_mutex_lock(&s->mu);
  s->tail++;
  pthread_cond_broadcast(&s->cv);
  pthread_mutex_unlock(&s->mu);
  return NF_OK;
}

/* Take the oldest result; release its document to the shard's writer when
 * release is set, else drop it. */
static int take(nf_shards *sh, int wait, int release, nf_worked *out) {
  if (sh->order_head == sh->order_tail) return 0;
  shard *s = &sh->shards[sh->order[sh->order_head % NF_SHARDS_INFLIGHT]];
  pthread_mutex_lock(&s->mu);
  while (wait && s->head == s->ready) pthread_cond_wait(&s->cv, &s->mu);
  int have = s->head != s->ready;
  pthread_mutex_unlock(&s->mu);
  if (!have) return 0;
  slot *sl = &s->slots[s->head % NF_SHARDS_INFLIGHT];
  *out = sl->out;
  memset(&sl->out, 0, sizeof sl->out);
  released *r = NULL;
  if (out->status == NF_OK && release) {
    r = calloc(1, sizeof *r);
    if (r) {
      *r = (released){NULL, out->doc, out->uid, out->uid_len, ""};
      nf_queued_where(&sl->in.article, r->where);
    } else {
      nf_worked_clear(out);
      out->status = nf_error_set(&out->err, NF_ERR_NOMEM, "out of memory");
    }
  } else {
    nf_xdoc_free(out->doc);
    free(out->uid);
  }
  out->doc = NULL;
  out->uid = NULL;
  sh->bytes -= sl->bytes;
  sh->order_head++;
  pthread_mutex_lock(&s->mu);
  s->head++;
  if (r) {
    if (s->last)
      s->last->next = r;
    else
      s->first = r;
    s->last = r;
    pthread_cond_broadcast(&s->cv);
  }
  pthread_mutex_unlock(&s->mu);
  return 1;
}

int nf_shards_take(nf_shards *sh, int wait, nf_worked *out) { return take(sh, wait, 1, out); }

void nf_shards_discard(nf_shards *sh) {
  nf_worked r;
  while (take(sh, 1, 0, &r)) nf_worked_clear(&r);
}

/* Wait, under the shard's mutex, until its thread wrote what it was given
 * and did the commit asked for. */
static void wait_written(shard *s) {
  while (s->first || s->writing || s->commit_wanted) pthread_cond_wait(&s->cv, &s->mu);
}

int nf_shards_broken(nf_shards *sh, nf_error *err) {
  int broken = 0;
  for (unsigned k = 0; k < sh->n && !broken; k++) {
    shard *s = &sh->shards[k];
    pthread_mutex_lock(&s->mu);
    broken = s->broken;
    if (broken && err) *err = s->failure;
    pthread_mutex_unlock(&s->mu);
  }
  return broken;
}

nf_status nf_shards_commit(nf_shards *sh, nf_error *err) {
  for (unsigned k = 0; k < sh->n; k++) {
    shard *s = &sh->shards[k];
    pthread_mutex_lock(&s->mu);
    s->commit_wanted = 1;
    pthread_cond_broadcast(&s->cv);
    pthread_mutex_unlock(&s->mu);
  }
  for (unsigned k = 0; k < sh->n; k++) {
    shard *s = &sh->shards[k];
    pthread_mutex_lock(&s->mu);
    wait_written(s);
    pthread_mutex_unlock(&s->mu);
  }
  nf_error failure;
  if (!nf_shards_broken(sh, &failure)) return NF_OK;
  if (err) *err = failure;
  return failure.status;
}

unsigned long nf_shards_committed(nf_shards *sh) {
  unsigned long n = 0;
  for (unsigned k = 0; k < sh->n; k++) {
    shard *s = &sh->shards[k];
    pthread_mutex_lock(&s->mu);
    n += s->committed;
    pthread_mutex_unlock(&s->mu);
  }
  return n;
}

nf_status nf_shards_doccount(nf_shards *sh, unsigned long *out, nf_error *err) {
  *out = 0;
  nf_status st = NF_OK;
  for (unsigned k = 0; st == NF_OK && k < sh->n; k++) {
    shard *s = &sh->shards[k];
    unsigned long docs = 0;
    pthread_mutex_lock(&s->mu);
    wait_written(s);
    st = nf_xdb_doccount(s->db, &docs, err); /* the thread waits for the mutex to write */
    pthread_mutex_unlock(&s->mu);
    *out += docs;
  }
  return st;
}
