/* Kind `title`: an official's title, normalised the same way when indexed
 * and when queried (titles.c): "Minister of Defence" is "defense minister",
 * indexed with its head word too, so that title:minister finds it. */
#include "builtin.h"
#include "keys.h"
#include "titles.h"

/* The normalised title, then its head word when that differs. */
static nf_status title_keys(const void *instance, const char *v, size_t n, nf_key_fn fn,
                            void *ctx) {
  (void)instance;
  return nf_title_keys(v, n, fn, ctx);
}

static nf_status title_query_key(const void *instance, const char *v, size_t n, nf_key_fn fn,
                                 void *ctx, nf_error *err) {
  (void)instance;
  nf_buf key = NF_BUF_INIT;
  nf_status s = nf_title_normalize(v, n, &key, NULL);
  if (s == NF_OK) s = nf_key_emit(&key, fn, ctx);
  nf_buf_free(&key);
  return nf_key_query_status(s, "value", err);
}

const nf_field_kind_v1 nf_kind_title = {
    .abi = NF_FIELD_KIND_ABI,
    .name = "title",
    .description = "an official's title, normalised, and its head word",
    .mode = NF_KIND_TERMS,
    .index_keys = title_keys,
    .query_key = title_query_key,
};
