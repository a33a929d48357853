/* Kind `agency`: a news agency, by the canonical name of schema/agencies.tsv,
 * folded: agency:"Associated Press", agency:AP and agency:A.P. are one value.
 * The analyzers give the canonical name already; the kind maps a value to it
 * all the same, so that index and query agree whoever wrote the value. */
#include <string.h>

#include "builtin.h"
#include "gazetteer/agencies.h"
#include "keys.h"

static nf_status agency_create(const nf_kind_env *env, void **instance, nf_error *err) {
  nf_agencies *a = NULL;
  nf_status s = nf_agencies_load(env->schema_dir, &a, err);
  *instance = a;
  return s;
}

static void agency_destroy(void *instance) { nf_agencies_free(instance); }

/* The one key: the canonical name (or the value, for an agency the table
 * does not know), folded. */
static nf_status agency_keys(const void *instance, const char *v, size_t n, nf_key_fn fn,
                             void *ctx) {
  const char *canonical = nf_agencies_find(instance, v, n);
  if (canonical) {
    v = canonical;
    n = strlen(canonical);
  }
  return nf_key_fold_emit(v, n, fn, ctx);
}

static nf_status agency_query_key(const void *instance, const char *v, size_t n, nf_key_fn fn,
                                  void *ctx, nf_error *err) {
  return nf_key_query_status(agency_keys(instance, v, n, fn, ctx), "value", err);
}

const nf_field_kind_v1 nf_kind_agency = {
    .abi = NF_FIELD_KIND_ABI,
    .name = "agency",
    .description = "a news agency: its variants (AP, Associated Press) are one value",
    .mode = NF_KIND_TERMS,
    .flags = NF_KIND_ONE_KEY,
    .create = agency_create,
    .destroy = agency_destroy,
    .index_keys = agency_keys,
    .query_key = agency_query_key,
};
