/* The country table: loading, names, and resolving query values. */
#include "newsfields/countries.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buffer.h"
#include "core/fileutil.h"
#include "core/grow.h"

struct nf_countries {
  nf_country_entry *entries;
  size_t n, cap;
  nf_arena strings;
  nf_gazetteer *gaz;
  /* the entry of each code's name, for labels: codes are two letters */
  int32_t name_of[26 * 26];
};

static const char *const kind_names[] = {"name",           "official", "alt", "demonym",
                                         "demonym_plural", "capital",  "code"};
static const char *const flag_names[] = {"upper",    "cased",     "person",    "language",
                                         "us-state", "ambiguous", "government"};

static int code_slot(const char *code) {
  if (strlen(code) != 2 || code[0] < 'a' || code[0] > 'z' || code[1] < 'a' || code[1] > 'z')
    return -1;
  return (code[0] - 'a') * 26 + (code[1] - 'a');
}

void nf_countries_free(nf_countries *c) {
  if (!c) return;
  free(c->entries);
  nf_arena_free(&c->strings);
  nf_gazetteer_free(c->gaz);
  free(c);
}

static nf_status parse_flags(const nf_tsv_row *row, uint16_t *out, nf_error *err) {
  *out = 0;
  if (row->ncols < 4) return NF_OK;
  const char *p = row->cols[3];
  while (*p) {
    const char *comma = strchr(p, ',');
    size_t len = comma ? (size_t)(comma - p) : strlen(p);
    size_t k = 0;
    while (k < sizeof flag_names / sizeof *flag_names &&
           !(strlen(flag_names[k]) == len && strncmp(p, flag_names[k], len) == 0))
      k++;
    if (k == sizeof flag_names / sizeof *flag_names)
      return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line, "unknown flag '%.*s'",
                             (int)len, p);
    *out |= (uint16_t)(1u << k);
    p += len + (comma ? 1 : 0);
  }
  return NF_OK;
}

static nf_status add_row(void *ctx, const nf_tsv_row *row, nf_error *err) {
  nf_countries *c = ctx;
  const char *code = row->cols[0], *kind = row->cols[1], *phrase = row->cols[2];
  int slot = code_slot(code);
  if (slot < 0)
    return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line,
                           "'%s' is not a lower-case two-letter code", code);
  size_t k = 0;
  while (k < sizeof kind_names / sizeof *kind_names && strcmp(kind, kind_names[k]) != 0) k++;
  if (k == sizeof kind_names / sizeof *kind_names)
    return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line, "unknown kind '%s'", kind);
  uint16_t flags;
  nf_status s = parse_flags(row, &flags, err);
  if (s != NF_OK) return s;
  if (k == NF_COUNTRY_NAME && c->name_of[slot] >= 0)
    return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line,
                           "a second name for '%s' (one per code)", code);
  if (NF_GROW(c->entries, c->cap, c->n + 1) != NF_OK)
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  nf_country_entry *e = &c->entries[c->n];
  memcpy(e->code, code, 3);
  e->kind = (uint8_t)k;
  e->flags = flags;
  e->phrase = nf_arena_strndup(&c->strings, phrase, strlen(phrase));
  if (!e->phrase) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  s = nf_gazetteer_add(c->gaz, phrase, strlen(phrase), (uint32_t)c->n, err);
  if (s == NF_ERR_INVALID)
    return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line,
                           "phrase '%s' has no word in it", phrase);
  if (s != NF_OK) return s;
  if (k == NF_COUNTRY_NAME) c->name_of[slot] = (int32_t)c->n;
  c->n++;
  return NF_OK;
}

nf_status nf_countries_load_file(const char *path, nf_countries **out, nf_error *err) {
  *out = NULL;
  nf_countries *c = calloc(1, sizeof *c);
  if (!c || nf_gazetteer_new(&c->gaz) != NF_OK) {
    nf_countries_free(c);
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  }
  for (size_t i = 0; i < sizeof c->name_of / sizeof c->name_of[0]; i++) c->name_of[i] = -1;
  nf_status s = nf_tsv_read(path, 3, 4, add_row, c, err);
  if (s == NF_OK && c->n == 0)
    s = nf_error_set_at(err, NF_ERR_SCHEMA, path, 0, "no countries in the file");
  for (size_t i = 0; s == NF_OK && i < c->n; i++)
    if (!nf_countries_name(c, c->entries[i].code))
      s = nf_error_set_at(err, NF_ERR_SCHEMA, path, 0, "code '%s' has no 'name' line",
                          c->entries[i].code);
  if (s != NF_OK) {
    nf_countries_free(c);
    return s;
  }
  *out = c;
  return NF_OK;
}

nf_status nf_countries_load(const char *schema_dir, nf_countries **out, nf_error *err) {
  char *path = nf_path_join(schema_dir, NF_COUNTRIES_FILE);
  if (!path) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  nf_status s = nf_countries_load_file(path, out, err);
  free(path);
  return s;
}

const nf_gazetteer *nf_countries_gazetteer(const nf_countries *c) { return c->gaz; }
size_t nf_countries_size(const nf_countries *c) { return c->n; }

const nf_country_entry *nf_countries_entry(const nf_countries *c, uint32_t i) {
  return i < c->n ? &c->entries[i] : NULL;
}

const char *nf_countries_name(const nf_countries *c, const char *code) {
  int slot = code_slot(code);
  if (slot < 0 || c->name_of[slot] < 0) return NULL;
  return c->entries[c->name_of[slot]].phrase;
}

/* Edit distance between two folded strings, capped at limit + 1. */
static size_t distance(const char *a, size_t n, const char *b, size_t m, size_t limit) {
  if (n > m + limit || m > n + limit) return limit + 1;
  size_t row[128];
  if (m + 1 > sizeof row / sizeof row[0]) return limit + 1;
  for (size_t j = 0; j <= m; j++) row[j] = j;
  for (size_t i = 1; i <= n; i++) {
    size_t diag = row[0], best = row[0] = i;
    for (size_t j = 1; j <= m; j++) {
      size_t up = row[j];
      size_t v = diag + (a[i - 1] != b[j - 1]);
      if (up + 1 < v) v = up + 1;
      if (row[j - 1] + 1 < v) v = row[j - 1] + 1;
      row[j] = v;
      diag = up;
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
  }
  return row[m];
}

/* The message for an unknown country: the nearest names, if any. */
static nf_status unknown(const nf_countries *c, const char *p, size_t n, nf_error *err) {
  char want[128];
  size_t wn;
  if (nf_fold(p, n, want, sizeof want, &wn) != NF_OK) wn = 0;
  size_t limit = wn < 6 ? 2 : wn / 3;
  const char *best[3] = {NULL, NULL, NULL};
  size_t bestd[3] = {limit + 1, limit + 1, limit + 1};
  char folded[128];
  for (size_t i = 0; wn && i < c->n; i++) {
    const nf_country_entry *e = &c->entries[i];
    if (e->kind == NF_COUNTRY_CODE) continue;
    size_t fn;
    if (nf_fold(e->phrase, strlen(e->phrase), folded, sizeof folded, &fn) != NF_OK) continue;
    size_t d = distance(want, wn, folded, fn, limit);
    const char *label = nf_countries_name(c, e->code);
    for (int k = 0; k < 3 && d <= limit; k++) {
      if (best[k] && strcmp(best[k], label) == 0) {
        if (d < bestd[k]) bestd[k] = d;
        break;
      }
      if (d < bestd[k]) {
        for (int m = 2; m > k; m--) best[m] = best[m - 1], bestd[m] = bestd[m - 1];
        best[k] = label;
        bestd[k] = d;
        /* drop a later duplicate of this label */
        for (int m = k + 1; m < 3; m++)
          if (best[m] && strcmp(best[m], label) == 0) {
            for (int q = m; q < 2; q++) best[q] = best[q + 1], bestd[q] = bestd[q + 1];
            best[2] = NULL;
            bestd[2] = limit + 1;
          }
        break;
      }
    }
  }
  int shown = n > 60 ? 60 : (int)n;
  if (!best[0])
    return nf_error_set(err, NF_ERR_NOT_FOUND, "country:%.*s is not a country I know", shown, p);
  return nf_error_set(err, NF_ERR_NOT_FOUND,
                      "country:%.*s is not a country I know; did you mean %s%s%s%s%s?", shown, p,
                      best[0], best[1] ? (best[2] ? ", " : " or ") : "", best[1] ? best[1] : "",
                      best[2] ? " or " : "", best[2] ? best[2] : "");
}

nf_status nf_countries_resolve(nf_countries *c, const char *p, size_t n, char *code_out,
                               nf_error *err) {
  const uint32_t *values;
  size_t nvalues;
  /* Phrases fold as they match, so "lt", "LT" and "Lithuania" all find theirs. */
  nf_status s = nf_gazetteer_lookup(c->gaz, p, n, &values, &nvalues, err);
  if (s != NF_OK) return s;
  if (nvalues == 0) return unknown(c, p, n, err);
  const char *code = c->entries[values[0]].code;
  for (size_t i = 1; i < nvalues; i++) {
    const char *other = c->entries[values[i]].code;
    if (strcmp(code, other) != 0)
      return nf_error_set(
          err, NF_ERR_NOT_FOUND, "country:%.*s could mean %s or %s: give the full name or the code",
          (int)(n > 60 ? 60 : n), p, nf_countries_name(c, code), nf_countries_name(c, other));
  }
  memcpy(code_out, code, 3);
  return NF_OK;
}
