/* The country blockers and the organisations (wordlists.h). */
#include "wordlists.h"

#include <stdlib.h>
#include <string.h>

#include "core/fileutil.h"

static nf_status read_in(const char *dir, const char *name, size_t min_cols, size_t max_cols,
                         nf_tsv_fn fn, void *ctx, nf_error *err) {
  char *path = nf_path_join(dir, name);
  if (!path) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  nf_status s = nf_tsv_read(path, min_cols, max_cols, fn, ctx, err);
  free(path);
  return s;
}

static nf_status add_blocker(void *ctx, const nf_tsv_row *row, nf_error *err) {
  nf_gazetteer *g = ctx;
  nf_status s = nf_gazetteer_add(g, row->cols[0], strlen(row->cols[0]), 0, err);
  if (s == NF_ERR_INVALID)
    return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line, "phrase '%s' has no word",
                           row->cols[0]);
  return s;
}

nf_status nf_blockers_load(const char *schema_dir, nf_gazetteer **out, nf_error *err) {
  *out = NULL;
  nf_gazetteer *g;
  if (nf_gazetteer_new(&g) != NF_OK) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  nf_status s = read_in(schema_dir, NF_BLOCKERS_FILE, 1, 1, add_blocker, g, err);
  if (s != NF_OK) {
    nf_gazetteer_free(g);
    return s;
  }
  *out = g;
  return NF_OK;
}

typedef struct org_reader {
  nf_organisation_fn fn;
  void *ctx;
} org_reader;

static nf_status read_org_row(void *ctx, const nf_tsv_row *row, nf_error *err) {
  org_reader *r = ctx;
  const char *country = row->cols[2];
  if (strcmp(country, "-") != 0 && (strlen(country) != 2 || country[0] < 'a' || country[0] > 'z' ||
                                    country[1] < 'a' || country[1] > 'z'))
    return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line,
                           "country must be a lower-case ISO code or -, not '%s'", country);
  return r->fn(r->ctx, row, row->cols[0], row->cols[1], country[0] == '-' ? "" : country, err);
}

nf_status nf_organisations_read(const char *schema_dir, nf_organisation_fn fn, void *ctx,
                                nf_error *err) {
  org_reader r = {fn, ctx};
  return read_in(schema_dir, NF_ORGANISATIONS_FILE, 3, 3, read_org_row, &r, err);
}
