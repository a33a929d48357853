/* Throughput of the text layer: nf_text_analyze over article-sized chunks.
 *
 *   bench_text [-n PASSES] [-c CHUNK_BYTES] FILE_OR_DIR...
 *
 * A directory stands for its *.sgm files (Reuters-21578), read as bytes.  The
 * input is cut into chunks of about CHUNK_BYTES (default 2048), each ending at
 * a line break, and each chunk is analysed as one article by one reused
 * nf_text.  Prints MB/s for the best pass and the mean, and what was found. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buffer.h"
#include "core/fileutil.h"
#include "newsfields/text.h"

static int ends_with(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int add_file(nf_buf *all, const char *path) {
  nf_error err;
  char *data;
  size_t len;
  if (nf_read_file(path, &data, &len, &err) != NF_OK) {
    char msg[1600];
    fprintf(stderr, "bench_text: %s\n", nf_error_format(&err, msg, sizeof msg));
    return -1;
  }
  nf_status st = nf_buf_append(all, data, len);
  free(data);
  return st == NF_OK ? 0 : -1;
}

static int add_dir(nf_buf *all, const char *dir) {
  DIR *d = opendir(dir);
  if (!d) {
    perror(dir);
    return -1;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (!ends_with(e->d_name, ".sgm")) continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 32;
      names = realloc(names, cap * sizeof *names);
      if (!names) return -1;
    }
    names[n++] = nf_path_join(dir, e->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof *names, cmp_str);
  int rc = 0;
  for (size_t i = 0; i < n; i++) {
    if (rc == 0 && add_file(all, names[i]) != 0) rc = -1;
    free(names[i]);
  }
  free(names);
  if (n == 0) fprintf(stderr, "bench_text: no .sgm files in %s\n", dir);
  return rc;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct counts {
  size_t chunks, tokens, sentences, paragraphs, quotes, replacements;
} counts;

static int run_pass(nf_text *t, const char *p, size_t n, size_t chunk, counts *c) {
  memset(c, 0, sizeof *c);
  size_t at = 0;
  while (at < n) {
    size_t end = at + chunk < n ? at + chunk : n;
    while (end < n && p[end - 1] != '\n') end++; /* an article ends at a line */
    nf_error err;
    if (nf_text_analyze(t, p + at, end - at, &err) != NF_OK) {
      fprintf(stderr, "bench_text: %s\n", err.message);
      return -1;
    }
    size_t k;
    nf_text_tokens(t, &k);
    c->tokens += k;
    nf_text_sentences(t, &k);
    c->sentences += k;
    nf_text_paragraphs(t, &k);
    c->paragraphs += k;
    nf_text_quotes(t, &k);
    c->quotes += k;
    c->replacements += nf_text_replacements(t);
    c->chunks++;
    at = end;
  }
  return 0;
}

int main(int argc, char **argv) {
  int passes = 5;
  size_t chunk = 2048;
  int i = 1;
  for (; i < argc && argv[i][0] == '-'; i++) {
    if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
      passes = atoi(argv[++i]);
    else if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
      chunk = (size_t)strtoul(argv[++i], NULL, 10);
    else
      break;
  }
  if (i >= argc || passes < 1 || chunk < 1) {
    fprintf(stderr, "usage: bench_text [-n PASSES] [-c CHUNK_BYTES] FILE_OR_DIR...\n");
    return 2;
  }
  nf_buf all = NF_BUF_INIT;
  for (; i < argc; i++) {
    int rc = nf_path_is_dir(argv[i]) ? add_dir(&all, argv[i]) : add_file(&all, argv[i]);
    if (rc != 0) return 1;
  }
  if (all.len == 0) {
    fprintf(stderr, "bench_text: no input\n");
    return 1;
  }
  nf_text *t;
  if (nf_text_new(&t) != NF_OK) return 1;
  counts c;
  if (run_pass(t, all.data, all.len, chunk, &c) != 0) return 1; /* warm up, grow arrays */
  double best = 1e30, total = 0;
  for (int k = 0; k < passes; k++) {
    double t0 = now();
    if (run_pass(t, all.data, all.len, chunk, &c) != 0) return 1;
    double dt = now() - t0;
    total += dt;
    if (dt < best) best = dt;
  }
  double mb = (double)all.len / 1e6;
  printf("input: %.1f MB in %zu chunks of ~%zu bytes\n", mb, c.chunks, chunk);
  printf("found: %zu tokens, %zu sentences, %zu paragraphs, %zu quotations, %zu replacements\n",
         c.tokens, c.sentences, c.paragraphs, c.quotes, c.replacements);
  printf("nf_text_analyze: %.1f MB/s best, %.1f MB/s mean over %d passes\n", mb / best,
         mb * passes / total, passes);
  nf_text_free(t);
  nf_buf_free(&all);
  return 0;
}
