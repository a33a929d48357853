/* Kind `org`: organisation names, "the" and legal-form suffixes ignored
 * (orgs.c), case and accents folded: "Texaco Inc", "TEXACO" and "Texaco"
 * are one key, "the Bank of England" and "Bank of England" another. */
#include "builtin.h"
#include "keys.h"
#include "orgs.h"

static nf_status org_key(const char *p, size_t n, nf_key_fn fn, void *ctx) {
  size_t b, len;
  nf_org_short(p, n, &b, &len);
  return nf_key_fold_emit(p + b, len, fn, ctx);
}

static nf_status org_keys(const void *instance, const char *p, size_t n, nf_key_fn fn, void *ctx) {
  (void)instance;
  return org_key(p, n, fn, ctx);
}

static nf_status org_query_key(const void *instance, const char *p, size_t n, nf_key_fn fn,
                               void *ctx, nf_error *err) {
  (void)instance;
  return nf_key_query_status(org_key(p, n, fn, ctx), "organisation", err);
}

const nf_field_kind_v1 nf_kind_org = {
    .abi = NF_FIELD_KIND_ABI,
    .name = "org",
    .description =
        "organisation names: \"the\" and legal suffixes (Inc, Corp, Ltd, plc, AG) ignored",
    .mode = NF_KIND_TERMS,
    .index_keys = org_keys,
    .query_key = org_query_key,
    .flags = NF_KIND_ONE_KEY,
};
