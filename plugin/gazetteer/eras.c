/* Countries in their era: which state a phrase meant on a date. */
#include "eras.h"

#include <stdlib.h>
#include <string.h>

#include "core/fileutil.h"
#include "core/grow.h"
#include "keymap.h"
#include "newsfields/gazetteer.h"

typedef struct era_row {
  char former[3], successor[3];
  nf_date until; /* the first day of the successor */
} era_row;

struct nf_eras {
  nf_keymap *map; /* phrase key -> row index */
  era_row *rows;
  size_t n, cap;
};

void nf_eras_free(nf_eras *e) {
  if (!e) return;
  nf_keymap_free(e->map);
  free(e->rows);
  free(e);
}

static int is_code(const char *c) {
  return strlen(c) == 2 && c[0] >= 'a' && c[0] <= 'z' && c[1] >= 'a' && c[1] <= 'z';
}

static nf_status add_row(void *ctx, const nf_tsv_row *row, nf_error *err) {
  nf_eras *e = ctx;
  for (int c = 0; c < 2; c++)
    if (!is_code(row->cols[c]))
      return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line,
                             "'%s' is not a lower-case ISO 3166-1 alpha-2 code", row->cols[c]);
  if (strcmp(row->cols[0], row->cols[1]) == 0)
    return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line,
                           "the successor of '%s' is itself", row->cols[0]);
  nf_date d;
  const char *date = row->cols[2];
  if (strlen(date) != 10 || nf_date_parse_iso(date, 10, &d, NULL) != NF_OK)
    return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line,
                           "'%s' is not a date (YYYY-MM-DD)", date);
  if (NF_GROW(e->rows, e->cap, e->n + 1) != NF_OK)
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  era_row *r = &e->rows[e->n];
  memcpy(r->former, row->cols[0], 3);
  memcpy(r->successor, row->cols[1], 3);
  r->until = d;
  const char *phrase = row->cols[3];
  nf_status s = nf_keymap_add(e->map, phrase, strlen(phrase), (uint32_t)e->n);
  if (s == NF_ERR_INVALID)
    return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line,
                           "'%s' has no letter or digit (or is too long)", phrase);
  if (s != NF_OK) return nf_error_set(err, s, "out of memory");
  e->n++;
  return NF_OK;
}

nf_status nf_eras_load(const char *schema_dir, nf_eras **out, nf_error *err) {
  *out = NULL;
  nf_eras *e = calloc(1, sizeof *e);
  char *path = nf_path_join(schema_dir, NF_ERAS_FILE);
  if (!e || !path || nf_keymap_new(&e->map) != NF_OK) {
    free(path);
    nf_eras_free(e);
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  }
  nf_status s = nf_tsv_read(path, 4, 4, add_row, e, err);
  if (s == NF_OK && nf_keymap_freeze(e->map) != NF_OK)
    s = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  free(path);
  if (s != NF_OK) {
    nf_eras_free(e);
    return s;
  }
  *out = e;
  return NF_OK;
}

static int before(const nf_date *a, const nf_date *b) {
  if (a->year != b->year) return a->year < b->year;
  if (a->month != b->month) return a->month < b->month;
  return a->day < b->day;
}

const char *nf_eras_code(const nf_eras *e, const char *p, size_t n, const char *code,
                         const nf_date *date) {
  char key[NF_KEY_MAX];
  size_t len = nf_key_make(p, n, key);
  const uint32_t *rows;
  size_t nrows = len ? nf_keymap_get(e->map, key, len, &rows) : 0;
  for (size_t i = 0; i < nrows; i++) {
    const era_row *r = &e->rows[rows[i]];
    if (strcmp(r->former, code) != 0 && strcmp(r->successor, code) != 0) continue;
    return date && before(date, &r->until) ? r->former : r->successor;
  }
  return code;
}
