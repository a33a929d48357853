/* What the query benchmarks (bench_facets, bench_queries) time with: a
 * monotonic clock, the nearest-rank p99 of a run of times, and one search. */
#ifndef NF_BENCH_TIMING_H
#define NF_BENCH_TIMING_H

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "newsfields/search.h"

static inline double bench_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static inline int bench_cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* Sorts the n > 0 times t and gives the index of their p99 (nearest rank). */
static inline size_t bench_sort_p99(double *t, size_t n) {
  qsort(t, n, sizeof t[0], bench_cmp_double);
  return (size_t)ceil(0.99 * (double)n) - 1;
}

/* The seconds one search takes, with its total match count in *total when
 * total is not NULL; a failed search goes to die, which does not return. */
static inline double bench_timed_search(nf_searcher *s, const char *q, const nf_search_options *o,
                                        unsigned long *total,
                                        void (*die)(const char *, const nf_error *)) {
  nf_results *r;
  nf_error err;
  double t0 = bench_now();
  if (nf_search(s, q, strlen(q), o, &r, &err)) die(q, &err);
  double t = bench_now() - t0;
  if (total) *total = nf_results_total(r);
  nf_results_free(r);
  return t;
}

#endif
