/* Exports: a query's matches as CSV or JSON Lines, searched a window at a
 * time so that memory stays bounded by the window, whatever the matches. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buffer.h"
#include "newsfields/search.h"
#include "results_internal.h"

#define NF_EXPORT_WINDOW 100
#define NF_EXPORT_MAX_COLUMNS 64

struct nf_export {
  char *query;
  size_t qlen;
  nf_export_options o;
  char **columns; /* owned copies */
  int with_text;
  unsigned long done; /* matches written */
  unsigned at;        /* the next window's offset */
  int started, finished;
  nf_buf out;
};

void nf_export_free(nf_export *x) {
  if (!x) return;
  for (size_t i = 0; x->columns && i < x->o.ncolumns; i++) free(x->columns[i]);
  free(x->columns);
  free(x->query);
  nf_buf_free(&x->out);
  free(x);
}

nf_status nf_export_new(const char *query, size_t n, const nf_export_options *o, nf_export **out,
                        nf_error *err) {
  *out = NULL;
  if (o->ncolumns == 0) return nf_error_set(err, NF_ERR_QUERY, "no columns to export");
  if (o->ncolumns > NF_EXPORT_MAX_COLUMNS)
    return nf_error_set(err, NF_ERR_QUERY, "at most %d columns", NF_EXPORT_MAX_COLUMNS);
  nf_export *x = calloc(1, sizeof *x);
  if (x) x->query = malloc(n + 1);
  if (x && x->query) x->columns = calloc(o->ncolumns, sizeof *x->columns);
  if (!x || !x->query || !x->columns) {
    nf_export_free(x);
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  }
  memcpy(x->query, query, n);
  x->query[n] = '\0';
  x->qlen = n;
  x->o = *o;
  x->at = o->offset;
  for (size_t i = 0; i < o->ncolumns; i++) {
    if (!(x->columns[i] = strdup(o->columns[i]))) {
      nf_export_free(x);
      return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
    }
    x->with_text |= strcmp(o->columns[i], "text") == 0;
  }
  x->o.columns = (const char *const *)x->columns;
  *out = x;
  return NF_OK;
}

/* ---- CSV ------------------------------------------------------------------ */

static void csv_field(nf_buf *b, const char *p, size_t n, int is_text) {
  int quote = 0, formula = is_text && n && strchr("=+-@\t\r", p[0]);
  for (size_t i = 0; i < n && !quote; i++)
    quote = p[i] == ',' || p[i] == '"' || p[i] == '\n' || p[i] == '\r';
  if (quote) nf_buf_append_char(b, '"');
  if (formula) nf_buf_append_char(b, '\'');
  for (size_t i = 0; i < n; i++) {
    if (p[i] == '"') nf_buf_append_char(b, '"');
    nf_buf_append_char(b, p[i]);
  }
  if (quote) nf_buf_append_char(b, '"');
}

static const char *member(json_t *o, const char *key) {
  json_t *v = json_object_get(o, key);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

/* One entry of a list, or an object, as people read it. */
static void entry_text(nf_buf *b, json_t *v) {
  if (json_is_string(v)) {
    nf_buf_append(b, json_string_value(v), json_string_length(v));
  } else if (json_is_integer(v)) {
    nf_buf_printf(b, "%lld", (long long)json_integer_value(v));
  } else if (json_is_real(v)) {
    nf_buf_printf(b, "%g", json_real_value(v));
  } else if (json_is_boolean(v)) {
    nf_buf_append_str(b, json_is_true(v) ? "true" : "false");
  } else if (json_is_object(v)) {
    const char *content = member(v, "content"), *person = member(v, "person");
    if (content) { /* a quote */
      const char *who = member(v, "speaker");
      nf_buf_printf(b, "%s: %s", who ? who : "(unnamed)", content);
    } else if (person) { /* an official */
      const char *title = member(v, "title");
      nf_buf_append_str(b, person);
      if (title) nf_buf_printf(b, " (%s)", title);
    } else {
      static const char *const keys[] = {"name", "place", "value", "code"};
      const char *s = NULL;
      for (size_t i = 0; !s && i < sizeof keys / sizeof keys[0]; i++) s = member(v, keys[i]);
      if (s) nf_buf_append_str(b, s);
    }
  } else if (json_is_array(v)) {
    for (size_t i = 0; i < json_array_size(v); i++) {
      if (i) nf_buf_append(b, "; ", 2);
      entry_text(b, json_array_get(v, i));
    }
  }
}

/* ---- one match -------------------------------------------------------------- */

/* The value of a column for a hit (a new reference; NULL: none). */
static json_t *column_value(const nf_hit *h, const json_t *record, const char *col) {
  if (strcmp(col, "id") == 0) return json_string(h->id);
  if (strcmp(col, "score") == 0) return json_real(h->score);
  if (strcmp(col, "rank") == 0) return json_integer(h->rank);
  return json_incref(json_object_get(record, col));
}

/* Match i of the window r, its record as the results parsed it. */
static nf_status write_hit(nf_export *x, const nf_results *r, size_t i_hit, nf_error *err) {
  const nf_hit *h = nf_results_hit(r, i_hit);
  const json_t *record = nf_results_hit_record(r, i_hit);
  if (!h || !record) return nf_error_set(err, NF_ERR_INVALID, "no such hit");
  nf_status s = NF_OK;
  if (x->o.format == NF_EXPORT_JSONL) {
    json_t *line = json_object();
    for (size_t i = 0; line && i < x->o.ncolumns; i++) {
      json_t *v = column_value(h, record, x->columns[i]);
      json_object_set_new(line, x->columns[i], v ? v : json_null());
    }
    char *text = line ? json_dumps(line, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    json_decref(line);
    if (!text) s = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
    if (s == NF_OK) nf_buf_append_str(&x->out, text);
    free(text);
  } else {
    nf_buf cell = NF_BUF_INIT;
    for (size_t i = 0; i < x->o.ncolumns; i++) {
      json_t *v = column_value(h, record, x->columns[i]);
      nf_buf_clear(&cell);
      entry_text(&cell, v);
      if (i) nf_buf_append_char(&x->out, ',');
      csv_field(&x->out, cell.data ? cell.data : "", cell.len,
                json_is_string(v) || json_is_array(v) || json_is_object(v));
      json_decref(v);
    }
    nf_buf_free(&cell);
  }
  if (s == NF_OK)
    nf_buf_append(&x->out, x->o.format == NF_EXPORT_CSV ? "\r\n" : "\n",
                  x->o.format == NF_EXPORT_CSV ? 2 : 1);
  return s;
}

static void header(nf_export *x) {
  if (x->o.format != NF_EXPORT_CSV) return;
  for (size_t i = 0; i < x->o.ncolumns; i++) {
    if (i) nf_buf_append_char(&x->out, ',');
    csv_field(&x->out, x->columns[i], strlen(x->columns[i]), 1);
  }
  nf_buf_append(&x->out, "\r\n", 2);
}

nf_status nf_export_next(nf_export *x, nf_searcher *s, const char **data, size_t *len,
                         nf_error *err) {
  nf_buf_clear(&x->out);
  *data = "";
  *len = 0;
  if (x->finished) return NF_OK;
  unsigned window = x->o.window ? x->o.window : NF_EXPORT_WINDOW;
  if (x->o.limit && x->o.limit - x->done < window) window = (unsigned)(x->o.limit - x->done);
  nf_search_options so;
  memset(&so, 0, sizeof so);
  so.offset = x->at;
  so.limit = window;
  so.sort = x->o.sort;
  so.no_snippet = 1;
  so.with_text = x->with_text;
  so.no_collapse = 1; /* every matching article, near-duplicates included */
  nf_results *r = NULL;
  nf_status st = nf_search(s, x->query, x->qlen, &so, &r, err);
  if (st != NF_OK) return st;
  if (!x->started) header(x);
  x->started = 1;
  size_t n = nf_results_size(r);
  for (size_t i = 0; st == NF_OK && i < n; i++) st = write_hit(x, r, i, err);
  nf_results_free(r);
  if (st != NF_OK) return st;
  x->at += (unsigned)n;
  x->done += n;
  if (n < window || (x->o.limit && x->done >= x->o.limit) || window == 0) x->finished = 1;
  if (x->out.len == 0 && !x->finished) x->finished = 1;
  *data = x->out.data ? x->out.data : "";
  *len = x->out.len;
  return NF_OK;
}
