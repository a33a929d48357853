/* Kind `exact`: a value matched whole, case and accents folded, '.' and '\''
 * dropped ("2021", "Reuters"). */
#include "builtin.h"
#include "keys.h"

static nf_status exact_keys(const void *instance, const char *v, size_t n, nf_key_fn fn,
                            void *ctx) {
  (void)instance;
  return nf_key_fold_emit(v, n, fn, ctx);
}

static nf_status exact_query_key(const void *instance, const char *v, size_t n, nf_key_fn fn,
                                 void *ctx, nf_error *err) {
  return nf_key_query_status(exact_keys(instance, v, n, fn, ctx), "value", err);
}

const nf_field_kind_v1 nf_kind_exact = {
    .abi = NF_FIELD_KIND_ABI,
    .name = "exact",
    .description = "an exact value, case and accents folded",
    .mode = NF_KIND_TERMS,
    .flags = NF_KIND_ONE_KEY,
    .index_keys = exact_keys,
    .query_key = exact_query_key,
};
