/* Renamed places: the current name of an old one. */
#include "aliases.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/fileutil.h"
#include "core/grow.h"
#include "keymap.h"
#include "newsfields/gazetteer.h"

struct nf_aliases {
  nf_keymap *map; /* old or current name's key -> index in names */
  const char **names;
  size_t n, cap;
  nf_arena strings;
};

void nf_aliases_free(nf_aliases *a) {
  if (!a) return;
  nf_keymap_free(a->map);
  free(a->names);
  nf_arena_free(&a->strings);
  free(a);
}

static const char *lookup(const nf_aliases *a, const char *p, size_t n) {
  char key[NF_KEY_MAX];
  size_t len = nf_key_make(p, n, key);
  const uint32_t *v;
  return len && nf_keymap_get(a->map, key, len, &v) ? a->names[v[0]] : NULL;
}

/* Rows are `old<TAB>current`; the keymap is filled after reading, so a
 * second row for one old name is checked on a small linear list. */
typedef struct pending {
  char *old;
  uint32_t name;
  unsigned long line;
} pending;

typedef struct loader {
  nf_aliases *a;
  pending *rows;
  size_t n, cap;
} loader;

static nf_status add_row(void *ctx, const nf_tsv_row *row, nf_error *err) {
  loader *l = ctx;
  nf_aliases *a = l->a;
  const char *old = row->cols[0], *cur = row->cols[1];
  char ko[NF_KEY_MAX], kc[NF_KEY_MAX];
  size_t no = nf_key_make(old, strlen(old), ko), nc = nf_key_make(cur, strlen(cur), kc);
  if (!no || !nc)
    return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line,
                           "'%s' has no letter or digit (or is too long)", !no ? old : cur);
  if (no == nc && memcmp(ko, kc, no) == 0)
    return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line, "'%s' is its own current name",
                           old);
  for (size_t i = 0; i < l->n; i++) {
    char k[NF_KEY_MAX];
    size_t nk = nf_key_make(l->rows[i].old, strlen(l->rows[i].old), k);
    if (nk == no && memcmp(k, ko, no) == 0)
      return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line,
                             "'%s' already has a current name (line %lu)", old, l->rows[i].line);
  }
  /* the current name: one entry per distinct spelling */
  uint32_t name = (uint32_t)a->n;
  for (size_t i = 0; i < a->n; i++)
    if (strcmp(a->names[i], cur) == 0) name = (uint32_t)i;
  if (name == a->n) {
    if (NF_GROW(a->names, a->cap, a->n + 1) != NF_OK)
      return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
    if (!(a->names[a->n] = nf_arena_strndup(&a->strings, cur, strlen(cur))))
      return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
    a->n++;
  }
  if (NF_GROW(l->rows, l->cap, l->n + 1) != NF_OK)
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  char *copy = nf_arena_strndup(&a->strings, old, strlen(old));
  if (!copy) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  l->rows[l->n++] = (pending){copy, name, row->line};
  return NF_OK;
}

nf_status nf_aliases_load(const char *schema_dir, nf_aliases **out, nf_error *err) {
  *out = NULL;
  nf_aliases *a = calloc(1, sizeof *a);
  char *path = nf_path_join(schema_dir, NF_ALIASES_FILE);
  if (!a || !path || nf_keymap_new(&a->map) != NF_OK) {
    free(path);
    nf_aliases_free(a);
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  }
  loader l = {a, NULL, 0, 0};
  nf_status s = nf_tsv_read(path, 2, 2, add_row, &l, err);
  /* a current name that is itself an old name would make chains */
  for (size_t i = 0; s == NF_OK && i < l.n; i++)
    for (size_t j = 0; s == NF_OK && j < a->n; j++) {
      char k1[NF_KEY_MAX], k2[NF_KEY_MAX];
      size_t n1 = nf_key_make(l.rows[i].old, strlen(l.rows[i].old), k1);
      size_t n2 = nf_key_make(a->names[j], strlen(a->names[j]), k2);
      if (n1 == n2 && memcmp(k1, k2, n1) == 0)
        s = nf_error_set_at(err, NF_ERR_SCHEMA, path, l.rows[i].line,
                            "'%s' is an old name and also a current one", l.rows[i].old);
    }
  for (size_t i = 0; s == NF_OK && i < l.n; i++)
    if (nf_keymap_add(a->map, l.rows[i].old, strlen(l.rows[i].old), l.rows[i].name) != NF_OK)
      s = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  for (size_t j = 0; s == NF_OK && j < a->n; j++)
    if (nf_keymap_add(a->map, a->names[j], strlen(a->names[j]), (uint32_t)j) != NF_OK)
      s = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  if (s == NF_OK && nf_keymap_freeze(a->map) != NF_OK)
    s = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  free(l.rows);
  free(path);
  if (s != NF_OK) {
    nf_aliases_free(a);
    return s;
  }
  *out = a;
  return NF_OK;
}

const char *nf_aliases_canonical(const nf_aliases *a, const char *p, size_t n) {
  return lookup(a, p, n);
}
