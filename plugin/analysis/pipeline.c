/* A pipeline: one instance of each registered analyzer, run in the order
 * their declarations ask. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis_internal.h"

struct nf_pipeline {
  const nf_registry *reg;
  const nf_analyzer_v2 **defs; /* in the order they run */
  void **instances;
  uint64_t *provides, *reads; /* type masks, per analyzer */
  uint64_t all_provided;
  size_t n;
};

void nf_pipeline_free(nf_pipeline *p) {
  if (!p) return;
  for (size_t i = 0; i < p->n; i++)
    if (p->instances[i]) p->defs[i]->destroy(p->instances[i]);
  free(p->defs);
  free(p->instances);
  free(p->provides);
  free(p->reads);
  free(p);
}

/* The mask of a NULL-terminated list of type names; an unknown one is an
 * error naming the analyzer. */
static nf_status type_mask(const nf_registry *reg, const nf_analyzer_v2 *def,
                           const char *const *names, const char *verb, uint64_t *out,
                           nf_error *err) {
  *out = 0;
  for (size_t i = 0; names && names[i]; i++) {
    nf_type t = nf_registry_type(reg, names[i]);
    if (t == NF_TYPE_NONE)
      return nf_error_set(err, NF_ERR_INVALID,
                          "analyzer '%s' %s '%s', which is not a registered result type", def->name,
                          verb, names[i]);
    *out |= (uint64_t)1 << t;
  }
  return NF_OK;
}

/* Orders the registry's analyzers so that each runs after the providers of
 * what it reads (Kahn's algorithm, the earliest registered first). */
static nf_status order(nf_pipeline *p, const uint64_t *prov, const uint64_t *reads, size_t n,
                       nf_error *err) {
  uint64_t provided = 0;
  for (size_t i = 0; i < n; i++) provided |= prov[i];
  for (size_t i = 0; i < n; i++) {
    uint64_t missing = reads[i] & ~provided;
    if (missing) {
      nf_type t = 0;
      while (!((missing >> t) & 1u)) t++;
      return nf_error_set(err, NF_ERR_INVALID,
                          "analyzer '%s' reads '%s', which no analyzer provides",
                          nf_registry_get(p->reg, i)->name, nf_registry_type_def(p->reg, t)->name);
    }
  }
  char *done = calloc(n ? n : 1, 1);
  if (!done) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  for (size_t k = 0; k < n; k++) {
    size_t pick = n;
    for (size_t i = 0; i < n && pick == n; i++) {
      if (done[i]) continue;
      /* ready when no other analyzer still to run provides what it reads */
      uint64_t need = reads[i] & ~prov[i];
      int ready = 1;
      for (size_t j = 0; j < n && ready; j++)
        if (j != i && !done[j] && (prov[j] & need)) ready = 0;
      if (ready) pick = i;
    }
    if (pick == n) {
      char names[512] = "";
      size_t at = 0;
      for (size_t i = 0; i < n && at < sizeof names; i++)
        if (!done[i])
          at += (size_t)snprintf(names + at, sizeof names - at, "%s'%s'", at ? ", " : "",
                                 nf_registry_get(p->reg, i)->name);
      free(done);
      return nf_error_set(err, NF_ERR_INVALID,
                          "the analyzers %s read each other's results (a cycle)", names);
    }
    done[pick] = 1;
    p->defs[k] = nf_registry_get(p->reg, pick);
    p->provides[k] = prov[pick];
    p->reads[k] = reads[pick];
  }
  free(done);
  p->all_provided = provided;
  return NF_OK;
}

nf_status nf_pipeline_new(const nf_registry *reg, const nf_analyzer_env *env, nf_pipeline **out,
                          nf_error *err) {
  *out = NULL;
  nf_pipeline *p = calloc(1, sizeof *p);
  size_t n = nf_registry_size(reg), m = n ? n : 1;
  uint64_t *prov = calloc(m, sizeof *prov), *reads = calloc(m, sizeof *reads);
  if (p) {
    p->reg = reg;
    p->defs = calloc(m, sizeof *p->defs);
    p->instances = calloc(m, sizeof *p->instances);
    p->provides = calloc(m, sizeof *p->provides);
    p->reads = calloc(m, sizeof *p->reads);
  }
  nf_status s = p && p->defs && p->instances && p->provides && p->reads && prov && reads
                    ? NF_OK
                    : nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  for (size_t i = 0; s == NF_OK && i < n; i++) {
    const nf_analyzer_v2 *def = nf_registry_get(reg, i);
    s = type_mask(reg, def, def->provides, "provides", &prov[i], err);
    if (s == NF_OK) s = type_mask(reg, def, def->reads, "reads", &reads[i], err);
  }
  if (s == NF_OK) s = order(p, prov, reads, n, err);
  free(prov);
  free(reads);
  nf_analyzer_env e = env ? *env : (nf_analyzer_env){NULL, NULL};
  e.registry = reg;
  for (size_t i = 0; s == NF_OK && i < n; i++) {
    p->n = i + 1;
    s = p->defs[i]->create(&e, &p->instances[i], err);
    if (s != NF_OK) p->instances[i] = NULL;
  }
  if (s != NF_OK) {
    nf_pipeline_free(p);
    return s;
  }
  *out = p;
  return NF_OK;
}

const nf_registry *nf_pipeline_registry(const nf_pipeline *p) { return p->reg; }
size_t nf_pipeline_size(const nf_pipeline *p) { return p->n; }
const nf_analyzer_v2 *nf_pipeline_get(const nf_pipeline *p, size_t i) {
  return i < p->n ? p->defs[i] : NULL;
}
int nf_pipeline_provides(const nf_pipeline *p, nf_type type) {
  return type < 64 && ((p->all_provided >> type) & 1u);
}

nf_status nf_pipeline_run(const nf_pipeline *p, nf_analysis *a, const nf_article *article,
                          nf_error *err) {
  nf_status s = nf_analysis_begin(a, article, err);
  for (size_t i = 0; s == NF_OK && i < p->n; i++) {
    nf_analysis_allow(a, p->provides[i], p->reads[i]);
    s = p->defs[i]->analyze(p->instances[i], a, err);
    if (s != NF_OK && err) {
      /* name the analyzer, keeping as much of its message as fits */
      char msg[NF_ERROR_MESSAGE_MAX / 2];
      snprintf(msg, sizeof msg, "%.*s", (int)sizeof msg - 1,
               err->message[0] ? err->message : nf_strerror(s));
      snprintf(err->message, sizeof err->message, "analyzer %.64s: %s", p->defs[i]->name, msg);
    }
  }
  nf_analysis_allow(a, NF_ALL_TYPES, NF_ALL_TYPES);
  return s;
}
