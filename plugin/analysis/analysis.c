/* The analysis of one article: its token stream, record and results. */
#include <stdlib.h>
#include <string.h>

#include "analysis_internal.h"
#include "core/arena.h"
#include "core/grow.h"

struct nf_analysis {
  nf_text *text;
  nf_record *record;
  nf_result *results;
  size_t nresults, cap;
  nf_arena strings;
};

nf_status nf_analysis_new(nf_analysis **out) {
  *out = NULL;
  nf_analysis *a = calloc(1, sizeof *a);
  if (!a || nf_text_new(&a->text) != NF_OK) {
    free(a);
    return NF_ERR_NOMEM;
  }
  *out = a;
  return NF_OK;
}

void nf_analysis_free(nf_analysis *a) {
  if (!a) return;
  nf_text_free(a->text);
  free(a->results);
  nf_arena_free(&a->strings);
  free(a);
}

nf_status nf_analysis_begin(nf_analysis *a, nf_record *rec, const char *text, size_t n,
                            nf_error *err) {
  a->record = rec;
  a->nresults = 0;
  nf_arena_reset(&a->strings);
  return nf_text_analyze(a->text, text, n, err);
}

const nf_text *nf_analysis_text(const nf_analysis *a) { return a->text; }
nf_record *nf_analysis_record(nf_analysis *a) { return a->record; }

int nf_analysis_date(const nf_analysis *a, nf_date *out) {
  return a->record && nf_record_date(a->record, out);
}

/* A copy of s in the arena; NULL stays NULL. */
static int copy(nf_analysis *a, const char **s) {
  if (!*s) return 1;
  return (*s = nf_arena_strndup(&a->strings, *s, strlen(*s))) != NULL;
}

nf_status nf_analysis_emit(nf_analysis *a, const nf_result *r, uint32_t *index) {
  if (NF_GROW(a->results, a->cap, a->nresults + 1) != NF_OK) return NF_ERR_NOMEM;
  nf_result c = *r;
  if (!copy(a, &c.type) || !copy(a, &c.value) || !copy(a, &c.label)) return NF_ERR_NOMEM;
  if (index) *index = (uint32_t)a->nresults;
  a->results[a->nresults++] = c;
  return NF_OK;
}

const nf_result *nf_analysis_results(const nf_analysis *a, size_t *count) {
  *count = a->nresults;
  return a->results;
}
