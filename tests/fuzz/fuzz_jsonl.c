/* libFuzzer target: the JSON Lines reader (line reading with its limits,
 * byte-order marks, JSON, the article's keys and types, the html key), on
 * the input as a file, through the public nf_input API. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "newsfields/input.h"

static int fd = -1;
static char path[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (fd < 0) {
    fd = memfd_create("fuzz.jsonl", 0);
    if (fd < 0) abort();
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
  }
  if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size) abort();
  const char *paths[] = {path};
  nf_input *in;
  nf_error err;
  if (nf_input_open(paths, 1, &in, &err) != NF_OK) return 0;
  nf_limits limits = {{4096, 2048, 0}}; /* small: the limits are reached too */
  nf_input_set_limits(in, &limits);
  for (int i = 0; i < 10000; i++) {
    const nf_article *a;
    nf_status s = nf_input_next(in, &a, &err);
    if (s == NF_OK && !a) break;
  }
  nf_input_free(in);
  return 0;
}
