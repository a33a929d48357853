/* The dateline place table and the country of a dateline. */
#include "places.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/fileutil.h"
#include "core/grow.h"
#include "keymap.h"
#include "newsfields/gazetteer.h"

typedef enum place_kind { CITY, CAPITAL, COUNTRY, REGION, ABBREV } place_kind;

static const char *const kind_names[] = {"city", "capital", "country", "region", "abbrev"};

typedef struct place_row {
  const char *name;
  char code[3];
  uint8_t kind;
} place_row;

struct nf_places {
  nf_keymap *map; /* key -> row index */
  place_row *rows;
  size_t n, cap;
  nf_arena strings;
};

void nf_places_free(nf_places *p) {
  if (!p) return;
  nf_keymap_free(p->map);
  free(p->rows);
  nf_arena_free(&p->strings);
  free(p);
}

static nf_status add_row(void *ctx, const nf_tsv_row *row, nf_error *err) {
  nf_places *p = ctx;
  const char *name = row->cols[0], *code = row->cols[1], *kind = row->cols[2];
  if (strlen(code) != 2 || code[0] < 'a' || code[0] > 'z' || code[1] < 'a' || code[1] > 'z')
    return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line,
                           "'%s' is not a lower-case ISO 3166-1 alpha-2 code", code);
  size_t k = 0;
  while (k < sizeof kind_names / sizeof *kind_names && strcmp(kind, kind_names[k]) != 0) k++;
  if (k == sizeof kind_names / sizeof *kind_names)
    return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line,
                           "unknown kind '%s' (city, capital, country, region or abbrev)", kind);
  if (NF_GROW(p->rows, p->cap, p->n + 1) != NF_OK)
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  place_row *r = &p->rows[p->n];
  if (!(r->name = nf_arena_strndup(&p->strings, name, strlen(name))))
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  memcpy(r->code, code, 3);
  r->kind = (uint8_t)k;
  nf_status s = nf_keymap_add(p->map, name, strlen(name), (uint32_t)p->n);
  if (s == NF_ERR_INVALID)
    return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line,
                           "'%s' has no letter or digit (or is too long)", name);
  if (s != NF_OK) return nf_error_set(err, s, "out of memory");
  p->n++;
  return NF_OK;
}

nf_status nf_places_load(const char *schema_dir, nf_places **out, nf_error *err) {
  *out = NULL;
  nf_places *p = calloc(1, sizeof *p);
  char *path = nf_path_join(schema_dir, NF_PLACES_FILE);
  if (!p || !path || nf_keymap_new(&p->map) != NF_OK) {
    free(path);
    nf_places_free(p);
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  }
  nf_status s = nf_tsv_read(path, 3, 3, add_row, p, err);
  if (s == NF_OK && nf_keymap_freeze(p->map) != NF_OK)
    s = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  free(path);
  if (s != NF_OK) {
    nf_places_free(p);
    return s;
  }
  *out = p;
  return NF_OK;
}

/* A small set of codes. */
#define MAX_CODES 8
typedef struct codes {
  char v[MAX_CODES][3];
  size_t n;
} codes;

static void codes_add(codes *c, const char *code) {
  for (size_t i = 0; i < c->n; i++)
    if (memcmp(c->v[i], code, 3) == 0) return;
  if (c->n < MAX_CODES) memcpy(c->v[c->n++], code, 3);
}

static int codes_has(const codes *c, const char *code) {
  for (size_t i = 0; i < c->n; i++)
    if (memcmp(c->v[i], code, 3) == 0) return 1;
  return 0;
}

static size_t lookup(const nf_places *p, const char *s, size_t n, const uint32_t **rows) {
  char key[NF_KEY_MAX];
  size_t len = nf_key_make(s, n, key);
  return len ? nf_keymap_get(p->map, key, len, rows) : 0;
}

int nf_places_country(const nf_places *p, const char *city, size_t n,
                      const nf_place_region *regions, size_t nregions, char code[3],
                      const char **spelling) {
  *spelling = NULL;
  const uint32_t *rows;
  size_t nrows = lookup(p, city, n, &rows);
  /* the city's readings: as a city, else as a country (SINGAPORE), else as a region */
  codes c = {.n = 0};
  for (int pass = 0; pass < 3 && c.n == 0; pass++) {
    for (size_t i = 0; i < nrows; i++) {
      const place_row *r = &p->rows[rows[i]];
      int fits = pass == 0   ? (r->kind == CITY || r->kind == CAPITAL)
                 : pass == 1 ? r->kind == COUNTRY
                             : r->kind == REGION;
      if (!fits) continue;
      codes_add(&c, r->code);
      if (!*spelling && pass < 2) *spelling = r->name;
    }
  }
  const char *found = NULL;
  codes country, region, both; /* of the region that decides; found points into them */
  int decided = nregions == 0;
  if (nregions == 0 && c.n == 1) found = c.v[0];
  for (size_t k = 0; k < nregions && !decided; k++) {
    const uint32_t *rr;
    size_t nr = lookup(p, regions[k].p, regions[k].n, &rr);
    if (!nr && regions[k].n > 4 && (regions[k].p[0] | 0x20) == 't' &&
        (regions[k].p[1] | 0x20) == 'h' && (regions[k].p[2] | 0x20) == 'e' &&
        regions[k].p[3] == ' ')
      nr = lookup(p, regions[k].p + 4, regions[k].n - 4, &rr); /* "the Netherlands" */
    if (!nr) continue;
    decided = 1;
    country.n = region.n = both.n = 0;
    for (size_t i = 0; i < nr; i++) {
      const place_row *r = &p->rows[rr[i]];
      if (r->kind == COUNTRY) codes_add(&country, r->code);
      if (r->kind == REGION || r->kind == ABBREV) codes_add(&region, r->code);
      if ((r->kind == COUNTRY || r->kind == REGION || r->kind == ABBREV) && codes_has(&c, r->code))
        codes_add(&both, r->code);
    }
    if (both.n == 1)
      found = both.v[0];
    else if (country.n == 1)
      found = country.v[0];
    else if (country.n == 0 && region.n == 1)
      found = region.v[0];
  }
  if (!found) return 0;
  memcpy(code, found, 3);
  /* the spelling of the city in the country found, when it has one */
  for (size_t i = 0; i < nrows; i++) {
    const place_row *r = &p->rows[rows[i]];
    if (r->kind <= COUNTRY && memcmp(r->code, found, 3) == 0) {
      *spelling = r->name;
      break;
    }
  }
  return 1;
}
