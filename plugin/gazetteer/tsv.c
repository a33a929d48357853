/* Strict reading of the tab-separated gazetteer files. */
#include <stdlib.h>
#include <string.h>

#include "core/fileutil.h"
#include "newsfields/gazetteer.h"
#include "newsfields/text.h"

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* Splits one line (NUL-terminated, writable) into row->cols. */
static nf_status split_line(char *line, size_t min_cols, size_t max_cols, nf_tsv_row *row,
                            nf_error *err) {
  row->ncols = 0;
  char *p = line;
  for (;;) {
    char *tab = strchr(p, '\t');
    if (tab) *tab = '\0';
    if (row->ncols == max_cols || row->ncols == NF_TSV_MAX_COLUMNS)
      return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line,
                             "too many columns (at most %zu)", max_cols);
    size_t len = strlen(p);
    if (len == 0)
      return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line, "column %zu is empty",
                             row->ncols + 1);
    if (is_space(p[0]) || is_space(p[len - 1]))
      return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line,
                             "column %zu has spaces at its start or end", row->ncols + 1);
    row->cols[row->ncols++] = p;
    if (!tab) break;
    p = tab + 1;
  }
  if (row->ncols < min_cols)
    return nf_error_set_at(err, NF_ERR_SCHEMA, row->file, row->line,
                           "%zu column%s, expected at least %zu (separated by one tab)", row->ncols,
                           row->ncols == 1 ? "" : "s", min_cols);
  return NF_OK;
}

nf_status nf_tsv_read(const char *path, size_t min_cols, size_t max_cols, nf_tsv_fn fn, void *ctx,
                      nf_error *err) {
  char *text;
  size_t n;
  nf_status s = nf_read_file(path, &text, &n, err);
  if (s != NF_OK) return s;
  size_t bad;
  if (nf_utf8_validate(text, n, &bad) != NF_OK || memchr(text, '\0', n)) {
    unsigned long line = 1;
    for (size_t i = 0; i < bad && i < n; i++) line += text[i] == '\n';
    free(text);
    return nf_error_set_at(err, NF_ERR_SCHEMA, path, line, "not valid UTF-8");
  }
  nf_tsv_row row;
  row.file = path;
  row.line = 0;
  char *p = text, *end = text + n;
  while (s == NF_OK && p < end) {
    char *nl = memchr(p, '\n', (size_t)(end - p));
    char *stop = nl ? nl : end;
    *stop = '\0';
    if (stop > p && stop[-1] == '\r') stop[-1] = '\0';
    row.line++;
    char *q = p;
    while (*q == ' ' || *q == '\t') q++;
    if (*q && *q != '#') {
      s = split_line(p, min_cols, max_cols, &row, err);
      if (s == NF_OK) s = fn(ctx, &row, err);
    }
    p = nl ? nl + 1 : end;
  }
  free(text);
  return s;
}
