/* The server under load, on loopback: how long a cheap query takes alone,
 * beside 64 slow partial requests, beside one and four clients looping an
 * expensive query; then throughput at 1, 4, 16 and 64 concurrent clients.
 * Each figure is the median and the 99th percentile of the cheap query
 * (or of every request, for throughput).
 *
 *   bench_serve COMMAND SCHEMA DB [SECONDS] [SERVE-OPTION...]
 *   build/tests/bench/bench_serve build/newsfields schema/newsfields.schema /tmp/reuters.db
 *
 * DB is any database (Reuters-21578 for the README's figures, indexed with
 * `newsfields index`).  Every client runs from an address of its own in
 * 127.0.0.0/8, so that the limit per address does not come into it; each
 * phase lasts SECONDS (default 5). */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "serve_client.h"

#define MAX_SAMPLES 50000 /* kept per client for the percentiles */
#define SLOW_CLIENTS 64
#define MAX_CLIENTS 64

static unsigned port;
static double seconds = 5;

/* A cheap query: one article by id (Reuters ids; elsewhere it finds
 * nothing, which is as cheap), with the default facets. */
static const char cheap[] = "/api/search?q=id%3Areuters-17";
/* An expensive one: "of the" 32 times (64 terms, the most the defaults
 * allow), every facet. */
static char expensive[1024];
/* What an analyst asks: a filter and a word, the default facets. */
static const char *const typical[] = {
    "/api/search?q=country%3Ajapan+trade", "/api/search?q=oil+prices&sort=date",
    "/api/search?q=country%3Abrazil",      "/api/search?q=%22interest+rates%22",
    "/api/search?q=bank+NOT+country%3Aus", "/api/search?q=dateline%3Alondon+gold",
};
#define NTYPICAL (sizeof typical / sizeof typical[0])

typedef struct samples {
  double *t;
  size_t n, cap; /* times kept, room for them */
  size_t count;  /* answers (200) */
  unsigned errors, over_time;
} samples;

static samples new_samples(size_t cap) {
  samples s = {malloc(cap * sizeof(double)), 0, cap, 0, 0, 0};
  if (!s.t) {
    fprintf(stderr, "bench_serve: out of memory\n");
    exit(1);
  }
  return s;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static void add(samples *s, double t) {
  s->count++;
  if (s->n < s->cap) s->t[s->n++] = t;
}

static void report(const char *what, samples *s) {
  if (s->n == 0) {
    printf("| %-44s | no answer (%u errors) |\n", what, s->errors);
    return;
  }
  qsort(s->t, s->n, sizeof s->t[0], cmp_double);
  size_t p99 = (s->n * 99 + 99) / 100;
  if (p99 >= s->n) p99 = s->n - 1;
  printf("| %-44s | %8.1f | %8.1f | %6zu | %u errors, %u 503 |\n", what, s->t[s->n / 2] * 1e3,
         s->t[p99] * 1e3, s->count, s->errors, s->over_time);
  fflush(stdout);
}

/* One request from src; its time into s. */
static void timed(const char *src, const char *path, samples *s) {
  nf_tc_reply r;
  double t0 = nf_tc_now();
  int rc = nf_tc_request(port, src, "GET", path, NULL, 60, &r);
  double t = nf_tc_now() - t0;
  if (rc == 0 && r.status == 200)
    add(s, t);
  else if (rc == 0 && r.status == 503)
    s->over_time++;
  else
    s->errors++;
  nf_tc_reply_free(&r);
}

/* Cheap queries from 127.0.0.1 for the phase's length, 20 ms apart. */
static void probe(samples *s) {
  double end = nf_tc_now() + seconds;
  while (nf_tc_now() < end) {
    timed("127.0.0.1", cheap, s);
    usleep(20000);
  }
}

/* ---- clients that loop ---------------------------------------------------- */

typedef struct looper {
  pthread_t thread;
  int id;
  const char *path; /* NULL: the typical queries in turn */
  volatile int *stop;
  samples s;
} looper;

static void *loop(void *arg) {
  looper *l = arg;
  char src[32];
  snprintf(src, sizeof src, "127.0.%d.%d", 1 + l->id / 200, 10 + l->id % 200);
  double end = nf_tc_now() + 10 * seconds + 60; /* bounded whatever happens */
  for (size_t i = 0; !*l->stop && nf_tc_now() < end && i < 100 * MAX_SAMPLES; i++)
    timed(src, l->path ? l->path : typical[(i + (size_t)l->id) % NTYPICAL], &l->s);
  return NULL;
}

static looper *start_loopers(int n, const char *path, volatile int *stop) {
  looper *l = calloc((size_t)n, sizeof *l);
  for (int i = 0; i < n; i++) {
    l[i].id = i;
    l[i].path = path;
    l[i].stop = stop;
    l[i].s = new_samples(MAX_SAMPLES);
    pthread_create(&l[i].thread, NULL, loop, &l[i]);
  }
  return l;
}

/* Stops them; all their samples into *all (may be NULL). */
static void stop_loopers(looper *l, int n, volatile int *stop, samples *all) {
  *stop = 1;
  for (int i = 0; i < n; i++) {
    pthread_join(l[i].thread, NULL);
    for (size_t k = 0; all && k < l[i].s.n; k++) add(all, l[i].s.t[k]);
    if (all) {
      all->count += l[i].s.count - l[i].s.n; /* the answers whose times were not kept */
      all->errors += l[i].s.errors;
      all->over_time += l[i].s.over_time;
    }
    free(l[i].s.t);
  }
  free(l);
}

/* ---- the phases ------------------------------------------------------------ */

static void phase_alone(void) {
  samples s = new_samples(MAX_SAMPLES);
  probe(&s);
  report("cheap query, alone", &s);
  free(s.t);
}

static void phase_slow(void) {
  static const char partial[] = "GET /api/fields HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
  int fds[SLOW_CLIENTS];
  for (int i = 0; i < SLOW_CLIENTS; i++) {
    char src[32];
    snprintf(src, sizeof src, "127.0.0.%d", 2 + i);
    fds[i] = nf_tc_connect(port, src);
    if (fds[i] >= 0) send(fds[i], partial, sizeof partial - 1, MSG_NOSIGNAL);
  }
  samples s = new_samples(MAX_SAMPLES);
  double end = nf_tc_now() + seconds;
  while (nf_tc_now() < end) {
    for (int i = 0; i < SLOW_CLIENTS; i++) /* a byte each, as slowloris does */
      if (fds[i] >= 0) send(fds[i], "x", 1, MSG_NOSIGNAL | MSG_DONTWAIT);
    for (int k = 0; k < 10; k++) {
      timed("127.0.0.1", cheap, &s);
      usleep(20000);
    }
  }
  int open = 0;
  for (int i = 0; i < SLOW_CLIENTS; i++)
    if (fds[i] >= 0) {
      open += !nf_tc_closed(fds[i], 0);
      close(fds[i]);
    }
  char what[64];
  snprintf(what, sizeof what, "cheap query, %d slow clients (%d held)", SLOW_CLIENTS, open);
  report(what, &s);
  free(s.t);
}

static void phase_abusive(int n) {
  volatile int stop = 0;
  looper *l = start_loopers(n, expensive, &stop);
  usleep(300000);
  samples s = new_samples(MAX_SAMPLES);
  probe(&s);
  samples abuse = new_samples((size_t)n * MAX_SAMPLES);
  stop_loopers(l, n, &stop, &abuse);
  char what[64];
  snprintf(what, sizeof what, "cheap query, %d client%s looping an expensive one", n,
           n == 1 ? "" : "s");
  report(what, &s);
  snprintf(what, sizeof what, "  the expensive query itself (%d client%s)", n, n == 1 ? "" : "s");
  report(what, &abuse);
  free(s.t);
  free(abuse.t);
}

static void phase_throughput(int n) {
  volatile int stop = 0;
  samples all = new_samples((size_t)n * MAX_SAMPLES);
  double t0 = nf_tc_now();
  looper *l = start_loopers(n, NULL, &stop);
  usleep((useconds_t)(seconds * 1e6));
  stop_loopers(l, n, &stop, &all);
  double took = nf_tc_now() - t0;
  char what[64];
  snprintf(what, sizeof what, "%2d clients, typical queries: %.1f req/s", n,
           (double)all.count / took);
  report(what, &all);
  free(all.t);
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: bench_serve COMMAND SCHEMA DB [SECONDS] [SERVE-OPTION...]\n");
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);
  if (argc > 4) seconds = atof(argv[4]);
  if (!(seconds > 0 && seconds <= 600)) {
    fprintf(stderr, "bench_serve: SECONDS must be in (0, 600]\n");
    return 2;
  }
  const char *args[40] = {"--schema", argv[2], "--db", argv[3]};
  size_t na = 4;
  for (int i = 5; i < argc && na < 39; i++) args[na++] = argv[i];
  args[na] = NULL;
  strcpy(expensive, "/api/search?q=");
  for (int i = 0; i < 32; i++) strcat(expensive, i ? "+of+the" : "of+the");
  pid_t pid;
  int out;
  port = nf_tc_spawn(argv[1], args, "/dev/null", 120, &pid, &out);
  if (!port) {
    fprintf(stderr, "bench_serve: the server did not start\n");
    return 1;
  }
  printf("bench_serve: %s, %.0f s a phase, %ld cores\n\n", argv[3], seconds,
         sysconf(_SC_NPROCESSORS_ONLN));
  printf("| %-44s | median ms | p99 ms | count | |\n", "what");
  printf("|---|---:|---:|---:|---|\n");
  phase_alone();
  phase_slow();
  phase_abusive(1);
  phase_abusive(4);
  static const int clients[] = {1, 4, 16, 64};
  for (size_t i = 0; i < sizeof clients / sizeof clients[0]; i++) phase_throughput(clients[i]);
  int rc = nf_tc_stop(pid, out);
  if (rc != 0) fprintf(stderr, "bench_serve: the server exited with %d\n", rc);
  return rc == 0 ? 0 : 1;
}
