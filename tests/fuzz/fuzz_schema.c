/* libFuzzer target: the schema parser and the word-list (TSV) reader with
 * the gazetteer trie.  The bytes before the first NUL are a schema; the
 * rest a word list, read as a file, whose first column goes into a
 * gazetteer that is then matched against the list itself. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "newsfields/gazetteer.h"
#include "newsfields/schema.h"
#include "newsfields/text.h"

static int fd = -1;
static char path[64];

static nf_status add_row(void *ctx, const nf_tsv_row *row, nf_error *err) {
  (void)err;
  nf_gazetteer_add(ctx, row->cols[0], strlen(row->cols[0]), (uint32_t)row->line, NULL);
  return NF_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *p = (const char *)data;
  const char *nul = memchr(p, '\0', size);
  size_t schema_n = nul ? (size_t)(nul - p) : size;
  nf_schema *schema = NULL;
  nf_error err;
  if (nf_schema_parse(p, schema_n, "fuzz.schema", NULL, &schema, &err) == NF_OK)
    nf_schema_free(schema);
  if (!nul) return 0;
  if (fd < 0) {
    fd = memfd_create("fuzz.tsv", 0);
    if (fd < 0) abort();
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
  }
  size_t list_n = size - schema_n - 1;
  if (ftruncate(fd, 0) != 0 || pwrite(fd, nul + 1, list_n, 0) != (ssize_t)list_n) abort();
  nf_gazetteer *g;
  if (nf_gazetteer_new(&g) != NF_OK) abort();
  if (nf_tsv_read(path, 1, 4, add_row, g, &err) == NF_OK) {
    nf_text *t;
    if (nf_text_new(&t) == NF_OK) {
      size_t count = 0;
      if (nf_text_analyze(t, nul + 1, list_n, &err) == NF_OK) nf_text_tokens(t, &count);
      for (size_t i = 0; i < count; i++) {
        const uint32_t *values;
        size_t nvalues;
        nf_gazetteer_match(g, t, i, &values, &nvalues);
      }
      nf_text_free(t);
    }
  }
  nf_gazetteer_free(g);
  return 0;
}
