/* Kind `country`: a lower-case ISO 3166-1 alpha-2 code.  The analyzers give
 * the code; a query may name the country any way schema/countries.tsv knows
 * (country:Lithuania, Lithuanian, LT, LTU, "Republic of Lithuania" are all
 * "lt"), and an unknown one is an error naming the nearest.  The facet
 * counts the codes themselves and shows the country's name. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "newsfields/countries.h"

typedef struct country_kind {
  nf_countries *countries;
  /* nf_countries_resolve uses the table's scratch text: one query at a time */
  pthread_mutex_t *lock;
} country_kind;

static void country_destroy(void *instance) {
  country_kind *k = instance;
  if (!k) return;
  if (k->lock) pthread_mutex_destroy(k->lock);
  free(k->lock);
  nf_countries_free(k->countries);
  free(k);
}

static nf_status country_create(const nf_kind_env *env, void **instance, nf_error *err) {
  *instance = NULL;
  country_kind *k = calloc(1, sizeof *k);
  if (k && (k->lock = malloc(sizeof *k->lock)) && pthread_mutex_init(k->lock, NULL) != 0) {
    free(k->lock);
    k->lock = NULL;
  }
  if (!k || !k->lock) {
    country_destroy(k);
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  }
  nf_status s = nf_countries_load(env->schema_dir, &k->countries, err);
  if (s != NF_OK) {
    country_destroy(k);
    return s;
  }
  *instance = k;
  return NF_OK;
}

/* The code as the analyzers wrote it. */
static nf_status country_keys(const void *instance, const char *v, size_t n, nf_key_fn fn,
                              void *ctx) {
  (void)instance;
  return fn(ctx, v, n);
}

static nf_status country_query_key(const void *instance, const char *v, size_t n, nf_key_fn fn,
                                   void *ctx, nf_error *err) {
  const country_kind *k = instance;
  char code[4];
  pthread_mutex_lock(k->lock);
  nf_status s = nf_countries_resolve(k->countries, v, n, code, err);
  pthread_mutex_unlock(k->lock);
  if (s == NF_ERR_NOMEM) return s;
  if (s != NF_OK) {
    /* the message stays: it names the nearest countries */
    if (err) err->status = NF_ERR_QUERY;
    return NF_ERR_QUERY;
  }
  return fn(ctx, code, strlen(code));
}

/* Its name in the table, else the key in capitals. */
static nf_status country_facet_label(const void *instance, const char *key, size_t n, nf_key_fn fn,
                                     void *ctx) {
  const country_kind *k = instance;
  char small[8];
  char *code = n < sizeof small ? small : malloc(n + 1);
  if (!code) return NF_ERR_NOMEM;
  memcpy(code, key, n);
  code[n] = '\0';
  const char *name = nf_countries_name(k->countries, code);
  nf_status s;
  if (name) {
    s = fn(ctx, name, strlen(name));
  } else {
    for (size_t i = 0; i < n; i++)
      if (code[i] >= 'a' && code[i] <= 'z') code[i] = (char)(code[i] - 'a' + 'A');
    s = fn(ctx, code, n);
  }
  if (code != small) free(code);
  return s;
}

const nf_field_kind_v1 nf_kind_country = {
    .abi = NF_FIELD_KIND_ABI,
    .name = "country",
    .description = "an ISO 3166-1 alpha-2 code, lower case; queried by name, demonym or code",
    .mode = NF_KIND_TERMS,
    .flags = NF_KIND_FACET_ON_TERMS,
    .create = country_create,
    .destroy = country_destroy,
    .index_keys = country_keys,
    .query_key = country_query_key,
    .facet_label = country_facet_label,
};
