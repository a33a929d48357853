/* Web page reading throughput: HTML files (or WARC archives) through
 * nf_input, that is decoding, parsing, metadata and main text, without the
 * analyzers.
 *
 *   bench_html [--rounds N] INPUT...
 *
 * Prints MB/s of HTML on one core (the best of N rounds, default 3), by the
 * process's CPU time: on a machine shared with other work the wall clock
 * says more about the others. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "newsfields/input.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  int rounds = 3, first = 1;
  if (argc > 2 && strcmp(argv[1], "--rounds") == 0) rounds = atoi(argv[2]), first = 3;
  if (first >= argc || rounds < 1) {
    fprintf(stderr, "usage: bench_html [--rounds N] INPUT...\n");
    return 2;
  }
  double best = 0;
  unsigned long long bytes = 0;
  unsigned long articles = 0, bad = 0, text = 0;
  for (int r = 0; r < rounds; r++) {
    nf_input *in;
    nf_error err;
    nf_error_clear(&err);
    if (nf_input_open((const char *const *)argv + first, (size_t)(argc - first), &in, &err)) {
      fprintf(stderr, "bench_html: %s: %s\n", err.where, err.message);
      return 1;
    }
    articles = bad = text = 0;
    double t0 = now();
    for (;;) {
      const nf_article *a;
      nf_status s = nf_input_next(in, &a, &err);
      if (s == NF_OK && !a) break;
      if (s == NF_OK) {
        articles++;
        text += a->text.n;
      } else if (s == NF_ERR_PARSE) {
        bad++;
      } else {
        fprintf(stderr, "bench_html: %s: %s\n", err.where, err.message);
        return 1;
      }
    }
    double secs = now() - t0;
    bytes = nf_input_bytes(in);
    nf_input_free(in);
    double mbs = (double)bytes / 1e6 / secs;
    if (mbs > best) best = mbs;
  }
  printf(
      "%lu pages (%lu bad), %.1f MB of HTML, %.1f MB of text: %.1f MB/s of HTML (CPU time, best of "
      "%d)\n",
      articles, bad, (double)bytes / 1e6, (double)text / 1e6, best, rounds);
  return 0;
}
