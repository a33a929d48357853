/* The country table: loading, names, and resolving query values. */
#include "newsfields/countries.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buffer.h"
#include "core/fileutil.h"
#include "core/grow.h"
#include "text/distance.h"

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

/* One suggestion: the phrase that is close, and the country's name when the
 * phrase is another ("Peking (China)" for a capital). */
typedef struct suggestion {
  const char *phrase, *name;
  size_t distance;
} suggestion;

#define NF_SUGGESTIONS 3

/* Keeps the closest phrases, one per country, closest first (the table's
 * order among equals). */
static void consider(suggestion *best, const char *phrase, const char *name, size_t d) {
  for (int k = 0; k < NF_SUGGESTIONS; k++) {
    if (!best[k].name || strcmp(best[k].name, name) != 0) continue;
    if (d >= best[k].distance) return;
    /* a closer phrase of a country kept: taken out, put back in its place */
    for (int m = k; m + 1 < NF_SUGGESTIONS; m++) best[m] = best[m + 1];
    best[NF_SUGGESTIONS - 1] = (suggestion){NULL, NULL, 0};
    break;
  }
  for (int k = 0; k < NF_SUGGESTIONS; k++) {
    if (best[k].name && d >= best[k].distance) continue;
    for (int m = NF_SUGGESTIONS - 1; m > k; m--) best[m] = best[m - 1];
    best[k] = (suggestion){phrase, name, d};
    return;
  }
}

static void append_suggestion(char *out, size_t size, const suggestion *s) {
  size_t len = strlen(out);
  if (strcmp(s->phrase, s->name) == 0)
    snprintf(out + len, size - len, "%s", s->name);
  else
    snprintf(out + len, size - len, "%s (%s)", s->phrase, s->name);
}

/* The message for an unknown country: the close names (nf_suggest_limit),
 * if any; never a far one ("EU" and "Persia" suggest nothing). */
static nf_status unknown(const nf_countries *c, const char *p, size_t n, nf_error *err) {
  char want[128];
  size_t wn;
  if (nf_fold(p, n, want, sizeof want, &wn) != NF_OK) wn = 0;
  size_t limit = nf_suggest_limit(nf_utf8_length(want, wn));
  suggestion best[NF_SUGGESTIONS] = {{NULL, NULL, 0}};
  char folded[128];
  for (size_t i = 0; limit && i < c->n; i++) {
    const nf_country_entry *e = &c->entries[i];
    if (e->kind == NF_COUNTRY_CODE) continue;
    size_t fn;
    if (nf_fold(e->phrase, strlen(e->phrase), folded, sizeof folded, &fn) != NF_OK) continue;
    size_t d = nf_edit_distance(want, wn, folded, fn, limit);
    if (d <= limit) consider(best, e->phrase, nf_countries_name(c, e->code), d);
  }
  int shown = n > 60 ? 60 : (int)n;
  if (!best[0].name)
    return nf_error_set(err, NF_ERR_NOT_FOUND, "country:%.*s is not a country I know", shown, p);
  char list[512] = "";
  for (int k = 0; k < NF_SUGGESTIONS && best[k].name; k++) {
    if (k) strcat(list, k + 1 < NF_SUGGESTIONS && best[k + 1].name ? ", " : " or ");
    append_suggestion(list, sizeof list, &best[k]);
  }
  return nf_error_set(err, NF_ERR_NOT_FOUND,
                      "country:%.*s is not a country I know; did you mean %s?", shown, p, list);
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
