/* The news agency table: variants -> canonical names. */
#include "agencies.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/fileutil.h"
#include "core/grow.h"
#include "keymap.h"
#include "newsfields/gazetteer.h"

/* A variant's key, the agency it names and its line (for duplicate errors). */
typedef struct variant {
  char key[NF_KEY_MAX];
  uint32_t agency;
  unsigned long line;
} variant;

struct nf_agencies {
  nf_keymap *map;     /* variant key -> agency index */
  const char **names; /* canonical names, in the arena */
  size_t n, cap;
  nf_arena strings;
  variant *variants; /* while loading only */
  size_t nvariants, vcap;
};

void nf_agencies_free(nf_agencies *a) {
  if (!a) return;
  nf_keymap_free(a->map);
  free(a->names);
  free(a->variants);
  nf_arena_free(&a->strings);
  free(a);
}

static nf_status add_variant(nf_agencies *a, const nf_tsv_row *row, const char *phrase,
                             nf_error *err) {
  char key[NF_KEY_MAX];
  if (!nf_key_make(phrase, strlen(phrase), key))
    return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line,
                           "'%s' has no letter or digit (or is too long)", phrase);
  uint32_t agency = (uint32_t)a->n;
  for (size_t i = 0; i < a->nvariants; i++) {
    if (strcmp(a->variants[i].key, key) != 0) continue;
    if (a->variants[i].agency == agency) return NF_OK; /* "Tass" beside "TASS" */
    return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line,
                           "'%s' already names agency '%s' (line %lu)", phrase,
                           a->names[a->variants[i].agency], a->variants[i].line);
  }
  if (NF_GROW(a->variants, a->vcap, a->nvariants + 1) != NF_OK)
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  variant *v = &a->variants[a->nvariants++];
  memcpy(v->key, key, sizeof key);
  v->agency = agency;
  v->line = row->line;
  if (nf_keymap_add(a->map, phrase, strlen(phrase), agency) != NF_OK)
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  return NF_OK;
}

static nf_status add_row(void *ctx, const nf_tsv_row *row, nf_error *err) {
  nf_agencies *a = ctx;
  if (NF_GROW(a->names, a->cap, a->n + 1) != NF_OK)
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  /* the name first, so that a duplicate's message can quote it */
  const char *name = nf_arena_strndup(&a->strings, row->cols[0], strlen(row->cols[0]));
  if (!name) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  a->names[a->n] = name;
  for (size_t i = 0; i < row->ncols; i++) {
    nf_status s = add_variant(a, row, row->cols[i], err);
    if (s != NF_OK) return s;
  }
  a->n++;
  return NF_OK;
}

nf_status nf_agencies_load(const char *schema_dir, nf_agencies **out, nf_error *err) {
  *out = NULL;
  nf_agencies *a = calloc(1, sizeof *a);
  char *path = nf_path_join(schema_dir, NF_AGENCIES_FILE);
  if (!a || !path || nf_keymap_new(&a->map) != NF_OK) {
    free(path);
    nf_agencies_free(a);
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  }
  nf_status s = nf_tsv_read(path, 1, NF_TSV_MAX_COLUMNS, add_row, a, err);
  if (s == NF_OK && a->n == 0) s = nf_error_set_at(err, NF_ERR_SCHEMA, path, 0, "no agency");
  if (s == NF_OK && nf_keymap_freeze(a->map) != NF_OK)
    s = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  free(path);
  free(a->variants);
  a->variants = NULL;
  if (s != NF_OK) {
    nf_agencies_free(a);
    return s;
  }
  *out = a;
  return NF_OK;
}

const char *nf_agencies_find(const nf_agencies *a, const char *p, size_t n) {
  char key[NF_KEY_MAX];
  size_t len = nf_key_make(p, n, key);
  const uint32_t *values;
  if (!len || !nf_keymap_get(a->map, key, len, &values)) return NULL;
  return a->names[values[0]];
}
