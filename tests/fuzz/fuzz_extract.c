/* libFuzzer target: the text layer and every built-in analyzer, through the
 * one sequence all callers use (nf_record_extract), then the record as JSON.
 * The input is the article: the bytes before the first NUL are the
 * headline, the rest the text (made valid UTF-8 first, as the readers do;
 * the bytes as they are when they already are). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "newsfields/analyzer.h"
#include "newsfields/record.h"
#include "newsfields/text.h"

static nf_registry *reg;
static nf_pipeline *pipeline;
static nf_analysis *analysis;
static nf_record *record;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  nf_error err;
  if (nf_pipeline_default(NF_FUZZ_SCHEMA_DIR, NULL, 0, &reg, &pipeline, &err) != NF_OK ||
      nf_analysis_new(&analysis) != NF_OK || nf_record_new(&record) != NF_OK)
    abort();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *clean = NULL;
  size_t n = size;
  const char *p = (const char *)data;
  if (nf_utf8_validate(p, size, NULL) != NF_OK) {
    if (nf_utf8_sanitize(p, size, &clean, &n, NULL) != NF_OK) return 0;
    p = clean;
  }
  nf_article a;
  memset(&a, 0, sizeof a);
  a.id.p = "fuzz";
  a.id.n = 4;
  const char *nul = memchr(p, '\0', n);
  if (nul) {
    a.headline.p = p;
    a.headline.n = (size_t)(nul - p);
    a.text.p = nul + 1;
    a.text.n = n - a.headline.n - 1;
  } else {
    a.text.p = p;
    a.text.n = n;
  }
  nf_error err;
  if (nf_record_extract(record, pipeline, analysis, &a, &err) == NF_OK) {
    char *json = NULL;
    if (nf_record_to_json(record, NF_RECORD_JSON_TEXT, &json, &err) == NF_OK) free(json);
  }
  free(clean);
  return 0;
}
