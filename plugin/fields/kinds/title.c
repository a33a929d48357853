/* Kind `title`: an official's title, normalised the same way when indexed
 * and when queried (titles.c): "Minister of Defence" is "defense minister",
 * indexed with its head word too, so that title:minister finds it.  A title
 * that starts with an organisation's name or alias of
 * schema/organisations.tsv has it replaced by the canonical name: "Fed
 * chairman", "Federal Reserve Board chairman" and "chairman of the Federal
 * Reserve" are all "federal reserve chair" (the official analyzer gives
 * each official with a known organisation that key as well). */
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "core/arena.h"
#include "core/grow.h"
#include "gazetteer/wordlists.h"
#include "keys.h"
#include "newsfields/gazetteer.h"
#include "titles.h"

typedef struct org_alias {
  const char *name;      /* folded, as titles.c folds a title */
  const char *canonical; /* folded */
} org_alias;

typedef struct title_orgs {
  org_alias *v;
  size_t n, cap;
  nf_arena strings;
} title_orgs;

static char *fold_dup(title_orgs *o, const char *p) {
  nf_buf b = NF_BUF_INIT;
  char *out = NULL;
  if (nf_title_normalize(p, strlen(p), &b, NULL) == NF_OK && b.len)
    out = nf_arena_strndup(&o->strings, b.data, b.len);
  nf_buf_free(&b);
  return out;
}

static nf_status add_alias(void *ctx, const nf_tsv_row *row, const char *alias,
                           const char *canonical_name, const char *country, nf_error *err) {
  title_orgs *o = ctx;
  (void)row, (void)country;
  if (NF_GROW(o->v, o->cap, o->n + 1) != NF_OK)
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  char *name = fold_dup(o, alias), *canonical = fold_dup(o, canonical_name);
  if (!name || !canonical) return NF_OK; /* nothing to match */
  o->v[o->n++] = (org_alias){name, canonical};
  return NF_OK;
}

static void title_destroy(void *instance) {
  title_orgs *o = instance;
  if (!o) return;
  free(o->v);
  nf_arena_free(&o->strings);
  free(o);
}

static nf_status title_create(const nf_kind_env *env, void **instance, nf_error *err) {
  *instance = NULL;
  title_orgs *o = calloc(1, sizeof *o);
  if (!o) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  nf_status s = nf_organisations_read(env->schema_dir, add_alias, o, err);
  if (s != NF_OK) {
    title_destroy(o);
    return s;
  }
  *instance = o;
  return NF_OK;
}

/* The normalised title with a leading organisation made canonical: the
 * longest alias that is a whole-word prefix. */
static nf_status canonical_title(const title_orgs *o, const char *v, size_t n, nf_buf *out,
                                 size_t *head) {
  nf_buf norm = NF_BUF_INIT;
  nf_status s = nf_title_normalize(v, n, &norm, head);
  nf_buf_clear(out);
  const org_alias *best = NULL;
  size_t best_len = 0;
  for (size_t i = 0; s == NF_OK && o && i < o->n; i++) {
    size_t len = strlen(o->v[i].name);
    if (len > best_len && len < norm.len && norm.data[len] == ' ' &&
        memcmp(norm.data, o->v[i].name, len) == 0) {
      best = &o->v[i];
      best_len = len;
    }
  }
  if (s == NF_OK && best) {
    /* the head word moves with the organisation's name before it */
    if (*head >= best_len) *head = *head - best_len + strlen(best->canonical);
    s = nf_buf_append(out, best->canonical, strlen(best->canonical));
    if (s == NF_OK) s = nf_buf_append(out, norm.data + best_len, norm.len - best_len);
  } else if (s == NF_OK) {
    s = nf_buf_append(out, norm.data, norm.len);
  }
  nf_buf_free(&norm);
  return s;
}

/* The normalised title (its query key, first), then its head word when
 * that differs. */
static nf_status title_keys(const void *instance, const char *v, size_t n, nf_key_fn fn,
                            void *ctx) {
  nf_buf key = NF_BUF_INIT;
  size_t head;
  nf_status s = canonical_title(instance, v, n, &key, &head);
  if (s == NF_OK) s = nf_title_normal_keys(key.data, key.len, head, fn, ctx);
  nf_buf_free(&key);
  return s;
}

static nf_status title_query_key(const void *instance, const char *v, size_t n, nf_key_fn fn,
                                 void *ctx, nf_error *err) {
  nf_buf key = NF_BUF_INIT;
  size_t head;
  nf_status s = canonical_title(instance, v, n, &key, &head);
  if (s == NF_OK) s = nf_key_emit(&key, fn, ctx);
  nf_buf_free(&key);
  return nf_key_query_status(s, "value", err);
}

const nf_field_kind_v1 nf_kind_title = {
    .abi = NF_FIELD_KIND_ABI,
    .name = "title",
    .description =
        "an official's title, normalised, and its head word; an organisation's "
        "alias made canonical (Fed chairman = federal reserve chair)",
    .mode = NF_KIND_TERMS,
    .flags = NF_KIND_QUERY_KEY_FIRST,
    .create = title_create,
    .destroy = title_destroy,
    .index_keys = title_keys,
    .query_key = title_query_key,
};
