/* A pipeline: one instance of each registered analyzer, run in order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis_internal.h"
#include "newsfields/analyzer.h"

struct nf_pipeline {
  const nf_analyzer_v1 **defs;
  void **instances;
  size_t n;
};

void nf_pipeline_free(nf_pipeline *p) {
  if (!p) return;
  for (size_t i = 0; i < p->n; i++)
    if (p->instances[i]) p->defs[i]->destroy(p->instances[i]);
  free(p->defs);
  free(p->instances);
  free(p);
}

nf_status nf_pipeline_new(const nf_registry *reg, const nf_analyzer_env *env, nf_pipeline **out,
                          nf_error *err) {
  *out = NULL;
  nf_pipeline *p = calloc(1, sizeof *p);
  size_t n = nf_registry_size(reg);
  if (p) {
    p->defs = calloc(n ? n : 1, sizeof *p->defs);
    p->instances = calloc(n ? n : 1, sizeof *p->instances);
  }
  if (!p || !p->defs || !p->instances) {
    nf_pipeline_free(p);
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  }
  for (size_t i = 0; i < n; i++) {
    const nf_analyzer_v1 *def = nf_registry_get(reg, i);
    p->defs[i] = def;
    p->n = i + 1;
    nf_status s = def->create(env, &p->instances[i], err);
    if (s != NF_OK) {
      p->instances[i] = NULL;
      nf_pipeline_free(p);
      return s;
    }
  }
  *out = p;
  return NF_OK;
}

nf_status nf_pipeline_run(const nf_pipeline *p, nf_analysis *a, nf_record *rec, nf_error *err) {
  size_t n;
  const char *text = nf_record_text(rec, &n);
  nf_status s = nf_analysis_begin(a, rec, text, n, err);
  for (size_t i = 0; s == NF_OK && i < p->n; i++) {
    s = p->defs[i]->analyze(p->instances[i], a, err);
    if (s != NF_OK && err) {
      /* name the analyzer, keeping as much of its message as fits */
      char msg[NF_ERROR_MESSAGE_MAX / 2];
      snprintf(msg, sizeof msg, "%.*s", (int)sizeof msg - 1, err->message);
      snprintf(err->message, sizeof err->message, "analyzer %.64s: %s", p->defs[i]->name, msg);
    }
  }
  return s;
}
