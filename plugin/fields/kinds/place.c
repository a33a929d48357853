/* Kind `place`: a place name, case and accents folded, '.' and '\'' dropped
 * ("Washington, D.C." is "washington dc").  A renamed place is its current
 * name (schema/place-aliases.tsv), when indexed and when queried, so
 * dateline:Peking and dateline:Beijing are one key. */
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "gazetteer/aliases.h"
#include "keys.h"

static void place_destroy(void *instance) { nf_aliases_free(instance); }

static nf_status place_create(const nf_kind_env *env, void **instance, nf_error *err) {
  nf_aliases *a = NULL;
  nf_status s = nf_aliases_load(env->schema_dir, &a, err);
  *instance = s == NF_OK ? a : NULL;
  return s;
}

static nf_status place_keys(const void *instance, const char *v, size_t n, nf_key_fn fn,
                            void *ctx) {
  const char *current = instance ? nf_aliases_canonical(instance, v, n) : NULL;
  if (current) return nf_key_fold_emit(current, strlen(current), fn, ctx);
  return nf_key_fold_emit(v, n, fn, ctx);
}

static nf_status place_query_key(const void *instance, const char *v, size_t n, nf_key_fn fn,
                                 void *ctx, nf_error *err) {
  return nf_key_query_status(place_keys(instance, v, n, fn, ctx), "value", err);
}

const nf_field_kind_v1 nf_kind_place = {
    .abi = NF_FIELD_KIND_ABI,
    .name = "place",
    .description = "a place name, case and accents folded; a renamed place is its current name",
    .mode = NF_KIND_TERMS,
    .flags = NF_KIND_ONE_KEY,
    .create = place_create,
    .destroy = place_destroy,
    .index_keys = place_keys,
    .query_key = place_query_key,
};
