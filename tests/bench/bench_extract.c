/* Extraction throughput: the analyzers alone (text layer, gazetteers, every
 * built-in analyzer, the record as JSON) over articles read into memory.
 *
 *   bench_extract ARTICLES.jsonl [ROUNDS]
 *
 * Prints MB/s of article text on one core. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "newsfields/analyzer.h"
#include "newsfields/input.h"
#include "newsfields/record.h"
#include "newsfields/schema.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what, const nf_error *err) {
  fprintf(stderr, "bench_extract: %s: %s %s\n", what, err->where, err->message);
  exit(1);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: bench_extract ARTICLES.jsonl [ROUNDS]\n");
    return 2;
  }
  int rounds = argc > 2 ? atoi(argv[2]) : 3;
  nf_error err;
  nf_error_clear(&err);
  nf_registry *kinds;
  nf_schema *schema;
  char *schema_path = nf_schema_default_path();
  if (!schema_path || nf_registry_default(&kinds, &err) ||
      nf_schema_load(schema_path, kinds, &schema, &err))
    die("schema", &err);
  free(schema_path);
  nf_registry *reg;
  nf_pipeline *p;
  double t0 = now();
  if (nf_pipeline_default(nf_schema_dir(schema), NULL, 0, &reg, &p, &err)) die("pipeline", &err);
  double startup = now() - t0;

  nf_input *in;
  const char *paths[] = {argv[1]};
  if (nf_input_open(paths, 1, &in, &err)) die("input", &err);
  size_t n = 0, cap = 1024;
  nf_article *arts = calloc(cap, sizeof *arts);
  double bytes = 0;
  const nf_article *a;
  while (nf_input_next(in, &a, &err) == NF_OK && a) {
    if (n == cap) arts = realloc(arts, (cap *= 2) * sizeof *arts);
    nf_article *c = &arts[n++];
    memset(c, 0, sizeof *c);
    c->id = (nf_str){strndup(a->id.p, a->id.n), a->id.n};
    c->text = (nf_str){strndup(a->text.p, a->text.n), a->text.n};
    bytes += (double)a->text.n;
  }
  nf_input_free(in);

  nf_record *rec;
  nf_analysis *an;
  if (nf_record_new(&rec) || nf_analysis_new(&an)) return 1;
  double best = 0;
  for (int r = 0; r < rounds; r++) {
    double t = now();
    for (size_t i = 0; i < n; i++) {
      if (nf_record_extract(rec, p, an, &arts[i], &err)) die("analyze", &err);
      char *json;
      if (nf_record_to_json(rec, 0, &json, &err)) die("json", &err);
      free(json);
    }
    double mbs = bytes / 1e6 / (now() - t);
    if (mbs > best) best = mbs;
    printf("round %d: %.2f MB/s\n", r + 1, mbs);
  }
  printf("articles: %zu, text: %.2f MB, start-up (gazetteers): %.3f s\n", n, bytes / 1e6, startup);
  printf("extraction, best of %d rounds: %.2f MB/s on one core\n", rounds, best);
  for (size_t i = 0; i < n; i++) {
    free((char *)arts[i].id.p);
    free((char *)arts[i].text.p);
  }
  free(arts);
  nf_analysis_free(an);
  nf_record_free(rec);
  nf_pipeline_free(p);
  nf_registry_free(reg);
  nf_schema_free(schema);
  nf_registry_free(kinds);
  return 0;
}
