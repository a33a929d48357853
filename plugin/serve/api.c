/* The JSON API of `newsfields serve`: arguments checked and bounded, the
 * search run on a searcher of the pool, its JSON (the same as `newsfields
 * search --json`) returned. */
#include "api.h"

#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct nf_api {
  nf_searcher **idle; /* the searchers no request is using: a stack */
  size_t nidle;
  pthread_mutex_t lock;
  pthread_cond_t returned;
  nf_search_limits limits;
  const nf_schema *schema;
  const char *date;                      /* the date field (the histogram), or NULL */
  const char *collapse;                  /* the near-duplicate field, or NULL */
  const char *facets[NF_API_MAX_FACETS]; /* the default facets: every facet field */
  size_t nfacets;
};

nf_status nf_api_new(nf_searcher *const *searchers, size_t n, const nf_schema *schema,
                     const nf_search_limits *limits, nf_api **out, nf_error *err) {
  *out = NULL;
  if (n == 0) return nf_error_set(err, NF_ERR_INVALID, "no searcher for the API");
  nf_api *api = calloc(1, sizeof *api);
  if (api) api->idle = calloc(n, sizeof *api->idle);
  if (!api || !api->idle) {
    if (api) free(api->idle);
    free(api);
    return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  }
  for (size_t i = 0; i < n; i++) {
    nf_status s = nf_searcher_set_limits(searchers[i], limits, err);
    if (s != NF_OK) {
      free(api->idle);
      free(api);
      return s;
    }
    api->idle[i] = searchers[i];
  }
  api->nidle = n;
  api->limits = *limits;
  pthread_mutex_init(&api->lock, NULL);
  pthread_cond_init(&api->returned, NULL);
  api->schema = schema;
  for (size_t i = 0; i < nf_schema_field_count(schema); i++) {
    const nf_field *f = nf_schema_field(schema, i);
    if (f->kind->mode == NF_KIND_DATE && !api->date) api->date = f->name;
    if (f->collapse) api->collapse = f->name;
    if (f->facet && api->nfacets < NF_API_MAX_FACETS - 1) api->facets[api->nfacets++] = f->name;
  }
  *out = api;
  return NF_OK;
}

void nf_api_free(nf_api *api) {
  if (!api) return;
  pthread_cond_destroy(&api->returned);
  pthread_mutex_destroy(&api->lock);
  free(api->idle);
  free(api);
}

/* A searcher for this request alone; with one searcher per calling thread
 * there is always one idle, the wait is for a caller with more threads. */
static nf_searcher *take_searcher(nf_api *api) {
  pthread_mutex_lock(&api->lock);
  while (api->nidle == 0) pthread_cond_wait(&api->returned, &api->lock);
  nf_searcher *s = api->idle[--api->nidle];
  pthread_mutex_unlock(&api->lock);
  return s;
}

static void give_back(nf_api *api, nf_searcher *s) {
  pthread_mutex_lock(&api->lock);
  api->idle[api->nidle++] = s;
  pthread_cond_signal(&api->returned);
  pthread_mutex_unlock(&api->lock);
}

/* fn on a searcher of the pool brought up to the latest commit; a reader
 * overtaken by a writer tries again once. */
typedef nf_status (*searcher_fn)(nf_searcher *s, void *ctx, nf_error *err);
static nf_status with_searcher(nf_api *api, searcher_fn fn, void *ctx, nf_error *err) {
  nf_error_clear(err);
  nf_searcher *searcher = take_searcher(api);
  nf_status s = nf_searcher_reopen(searcher, err);
  if (s == NF_OK) s = fn(searcher, ctx, err);
  if (s == NF_ERR_DB_MODIFIED && nf_searcher_reopen(searcher, err) == NF_OK)
    s = fn(searcher, ctx, err);
  give_back(api, searcher);
  return s;
}

/* 1 when an argument is text of at most max bytes (valid UTF-8, no NUL),
 * else 0 and a 400 naming it. */
static int text_arg_ok(const char *p, size_t n, size_t max, const char *what,
                       nf_api_response *out) {
  char msg[128];
  if (n > max) {
    snprintf(msg, sizeof msg, "the %s is longer than %zu bytes", what, max);
    nf_api_error(400, msg, out);
    return 0;
  }
  json_t *check = json_stringn(p, n);
  int ok = check && !memchr(p, '\0', n);
  json_decref(check);
  if (!ok) {
    snprintf(msg, sizeof msg, "the %s is not valid UTF-8 text", what);
    nf_api_error(400, msg, out);
  }
  return ok;
}

int nf_api_owns(const char *path) { return strncmp(path, "/api/", 5) == 0; }

/* The body is the JSON of root (consumed), or a 500 when it cannot be made. */
static void respond_json(unsigned status, json_t *root, nf_api_response *out) {
  out->status = status;
  out->body = root ? json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
  out->len = out->body ? strlen(out->body) : 0;
  json_decref(root);
  if (!out->body) {
    static const char oom[] = "{\"error\":{\"message\":\"out of memory\",\"status\":500}}";
    out->status = 500;
    out->body = strdup(oom);
    out->len = out->body ? strlen(oom) : 0;
  }
}

void nf_api_error(unsigned status, const char *message, nf_api_response *out) {
  /* A message quoting the request may not be UTF-8: jansson refuses it. */
  json_t *msg = json_string(message);
  if (!msg) msg = json_string("(the message is not valid UTF-8)");
  respond_json(status, json_pack("{s:{s:o,s:i}}", "error", "message", msg, "status", (int)status),
               out);
}

unsigned nf_api_status_of(nf_status s) {
  return s == NF_ERR_QUERY || s == NF_ERR_LIMIT ? 400 : s == NF_ERR_TIMEOUT ? 503 : 500;
}

/* A whole unsigned number up to max, or the default when absent; 0 if bad. */
static int number_arg(nf_api_arg_fn arg, void *ctx, const char *name, unsigned dflt, unsigned max,
                      unsigned *out, nf_api_response *resp) {
  size_t n;
  const char *v = arg(ctx, name, &n);
  if (!v) {
    *out = dflt;
    return 1;
  }
  unsigned long x = 0;
  int ok = n > 0 && n <= 9;
  for (size_t i = 0; ok && i < n; i++) {
    ok = v[i] >= '0' && v[i] <= '9';
    x = x * 10 + (unsigned long)(v[i] - '0');
  }
  if (!ok || x > max) {
    char msg[128];
    snprintf(msg, sizeof msg, "%s must be a whole number from 0 to %u", name, max);
    nf_api_error(400, msg, resp);
    return 0;
  }
  *out = (unsigned)x;
  return 1;
}

/* The facets argument ("country,speaker"; absent: the default ones; empty:
 * none) into names, copied into buf; the date field is added for the
 * histogram.  0 (and a 400) when there are too many. */
static int facets_arg(const nf_api *api, nf_api_arg_fn arg, void *ctx, char *buf, size_t size,
                      const char **names, size_t *n, nf_api_response *resp) {
  size_t len;
  const char *v = arg(ctx, "facets", &len);
  *n = 0;
  if (!v) {
    memcpy(names, api->facets, api->nfacets * sizeof *names);
    *n = api->nfacets;
  } else {
    if (len >= size) {
      nf_api_error(400, "facets is too long", resp);
      return 0;
    }
    memcpy(buf, v, len);
    buf[len] = '\0';
    char *save = NULL;
    for (char *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
      while (*tok == ' ') tok++;
      size_t tl = strlen(tok);
      while (tl && tok[tl - 1] == ' ') tok[--tl] = '\0';
      if (!*tok) continue;
      if (*n == NF_API_MAX_FACETS - 1) {
        char msg[96];
        snprintf(msg, sizeof msg, "at most %d facets", NF_API_MAX_FACETS - 1);
        nf_api_error(400, msg, resp);
        return 0;
      }
      names[(*n)++] = tok;
    }
  }
  int has_date = 0;
  for (size_t i = 0; i < *n; i++) has_date |= api->date && strcmp(names[i], api->date) == 0;
  if (api->date && !has_date) names[(*n)++] = api->date;
  return 1;
}

typedef struct search_call {
  const char *q;
  size_t qlen;
  const nf_search_options *opts;
  nf_results *results;
} search_call;

static nf_status search_on(nf_searcher *s, void *ctx, nf_error *err) {
  search_call *c = ctx;
  nf_results_free(c->results); /* a first try overtaken by a writer */
  c->results = NULL;
  return nf_search(s, c->q, c->qlen, c->opts, &c->results, err);
}

static void search(nf_api *api, nf_api_arg_fn arg, void *ctx, nf_api_response *out) {
  size_t qlen = 0;
  const char *q = arg(ctx, "q", &qlen);
  if (!q) q = "";
  if (!text_arg_ok(q, qlen, NF_API_MAX_QUERY, "query", out)) return;
  nf_search_options o;
  memset(&o, 0, sizeof o);
  if (!number_arg(arg, ctx, "limit", NF_API_DEFAULT_LIMIT, NF_API_MAX_LIMIT, &o.limit, out) ||
      !number_arg(arg, ctx, "offset", 0, NF_API_MAX_OFFSET, &o.offset, out) ||
      !number_arg(arg, ctx, "facet_limit", NF_API_DEFAULT_FACET_LIMIT, NF_API_MAX_FACET_LIMIT,
                  &o.facet_limit, out))
    return;
  size_t slen;
  const char *sort = arg(ctx, "sort", &slen);
  if (!sort || (slen == 9 && memcmp(sort, "relevance", 9) == 0)) {
    o.sort = NF_SORT_RELEVANCE;
  } else if (slen == 4 && memcmp(sort, "date", 4) == 0) {
    o.sort = NF_SORT_DATE;
  } else {
    nf_api_error(400, "sort must be relevance or date", out);
    return;
  }
  size_t hlen;
  const char *histogram = arg(ctx, "histogram", &hlen);
  if (histogram && hlen == 3 && memcmp(histogram, "day", 3) == 0) {
    o.histogram_days = 1;
  } else if (histogram && !(hlen == 5 && memcmp(histogram, "month", 5) == 0)) {
    nf_api_error(400, "histogram must be month or day", out);
    return;
  }
  size_t clen;
  const char *collapse = arg(ctx, "collapse", &clen);
  if (collapse && clen == 2 && memcmp(collapse, "no", 2) == 0) {
    o.no_collapse = 1;
  } else if (collapse && !(clen == 3 && memcmp(collapse, "yes", 3) == 0)) {
    nf_api_error(400, "collapse must be yes or no", out);
    return;
  }
  char buf[1024];
  const char *facets[NF_API_MAX_FACETS];
  if (!facets_arg(api, arg, ctx, buf, sizeof buf, facets, &o.nfacets, out)) return;
  o.facets = facets;

  nf_error err;
  search_call call = {q, qlen, &o, NULL};
  nf_status s = with_searcher(api, search_on, &call, &err);
  char *json = NULL;
  if (s == NF_OK) s = nf_results_to_json(call.results, 0, &json, &err);
  nf_results_free(call.results);
  if (s != NF_OK) {
    nf_api_error(nf_api_status_of(s), err.message, out);
    return;
  }
  size_t len = strlen(json);
  if (len > NF_API_MAX_RESPONSE) {
    free(json);
    char msg[128];
    snprintf(msg, sizeof msg, "the response would be larger than %u bytes: ask for fewer hits",
             NF_API_MAX_RESPONSE);
    nf_api_error(500, msg, out);
    return;
  }
  out->status = 200;
  out->body = json;
  out->len = len;
}

typedef struct doc_call {
  const char *id;
  size_t n;
  char *data;
  size_t len;
} doc_call;

static nf_status doc_of(nf_searcher *s, void *ctx, nf_error *err) {
  doc_call *c = ctx;
  return nf_searcher_document(s, c->id, c->n, &c->data, &c->len, err);
}

/* /api/doc/ID (or /api/doc?id=ID): the whole record of one article, its
 * text apart: {"id", "text", "record"}.  Hits carry a summary of the
 * record; this is where the rest is.  The body may be as large as the
 * largest record the schema lets the indexer store. */
static void document(nf_api *api, const char *id, size_t n, nf_api_response *out) {
  if (n == 0) {
    nf_api_error(400, "no article id: /api/doc/ID", out);
    return;
  }
  if (!text_arg_ok(id, n, NF_API_MAX_ID, "article id", out)) return;
  nf_error err;
  doc_call call = {id, n, NULL, 0};
  nf_status s = with_searcher(api, doc_of, &call, &err);
  char *data = call.data;
  size_t len = call.len;
  if (s != NF_OK) {
    nf_api_error(s == NF_ERR_NOT_FOUND ? 404 : 500, err.message, out);
    return;
  }
  json_error_t jerr;
  json_t *record = json_loadb(data, len, 0, &jerr);
  free(data);
  if (!json_is_object(record)) {
    json_decref(record);
    nf_api_error(500, "the article has no newsfields record (not indexed by newsfields?)", out);
    return;
  }
  json_t *text = json_incref(json_object_get(record, "text"));
  json_object_del(record, "text");
  json_t *root =
      json_pack("{s:s%,s:o,s:o}", "id", id, n, "text", text ? text : json_null(), "record", record);
  out->status = 200;
  out->body = root ? json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
  json_decref(root);
  out->len = out->body ? strlen(out->body) : 0;
  if (!out->body) nf_api_error(500, "out of memory", out);
}

/* ---- /api/export ---------------------------------------------------------- */

struct nf_api_stream {
  nf_api *api;
  nf_export *x;
  const char *data; /* the piece being sent */
  size_t len, at;
  char columns[1024];
};

static nf_status next_piece(nf_searcher *s, void *ctx, nf_error *err) {
  nf_api_stream *st = ctx;
  st->at = 0;
  return nf_export_next(st->x, s, &st->data, &st->len, err);
}

void nf_api_stream_free(nf_api_stream *st) {
  if (!st) return;
  nf_export_free(st->x);
  free(st);
}

long nf_api_stream_read(nf_api_stream *st, char *buf, size_t max) {
  if (st->at == st->len) {
    nf_error err;
    if (with_searcher(st->api, next_piece, st, &err) != NF_OK) return -1;
    if (st->len == 0) return 0;
  }
  size_t n = st->len - st->at < max ? st->len - st->at : max;
  memcpy(buf, st->data + st->at, n);
  st->at += n;
  return (long)n;
}

static int column_ok(const char *c) {
  size_t n = strlen(c);
  if (n == 0 || n > 32) return 0;
  for (size_t i = 0; i < n; i++)
    if (!((c[i] >= 'a' && c[i] <= 'z') || (c[i] >= '0' && c[i] <= '9') || c[i] == '_')) return 0;
  return 1;
}

int nf_api_export(nf_api *api, nf_api_arg_fn arg, void *ctx, nf_api_stream **out, const char **type,
                  nf_api_response *resp) {
  *out = NULL;
  size_t qlen = 0, n = 0;
  const char *q = arg(ctx, "q", &qlen);
  if (!q) q = "";
  if (!text_arg_ok(q, qlen, NF_API_MAX_QUERY, "query", resp)) return 0;
  nf_export_options o;
  memset(&o, 0, sizeof o);
  const char *format = arg(ctx, "format", &n);
  if (!format || (n == 3 && memcmp(format, "csv", 3) == 0)) {
    o.format = NF_EXPORT_CSV;
    *type = "text/csv; charset=utf-8";
  } else if (n == 5 && memcmp(format, "jsonl", 5) == 0) {
    o.format = NF_EXPORT_JSONL;
    *type = "application/x-ndjson; charset=utf-8";
  } else {
    nf_api_error(400, "format must be csv or jsonl", resp);
    return 0;
  }
  const char *sort = arg(ctx, "sort", &n);
  o.sort = sort && n == 4 && memcmp(sort, "date", 4) == 0 ? NF_SORT_DATE : NF_SORT_RELEVANCE;
  unsigned offset = 0, limit = 0;
  if (!number_arg(arg, ctx, "offset", 0, NF_API_MAX_OFFSET, &offset, resp) ||
      !number_arg(arg, ctx, "limit", 0, 100000000u, &limit, resp))
    return 0;
  o.offset = offset;
  o.limit = limit;
  nf_api_stream *st = calloc(1, sizeof *st);
  if (!st) {
    nf_api_error(500, "out of memory", resp);
    return 0;
  }
  st->api = api;
  const char *cols = arg(ctx, "columns", &n);
  if (!cols || n == 0) cols = "id,date,headline", n = strlen(cols);
  if (n >= sizeof st->columns) {
    nf_api_stream_free(st);
    nf_api_error(400, "columns is too long", resp);
    return 0;
  }
  memcpy(st->columns, cols, n);
  st->columns[n] = '\0';
  const char *names[NF_API_MAX_COLUMNS];
  char *save = NULL;
  for (char *c = strtok_r(st->columns, ",", &save); c; c = strtok_r(NULL, ",", &save)) {
    if (!column_ok(c) || o.ncolumns == NF_API_MAX_COLUMNS) {
      nf_api_stream_free(st);
      nf_api_error(400, "columns are names of lower-case letters, digits and _, at most 32", resp);
      return 0;
    }
    names[o.ncolumns++] = c;
  }
  o.columns = names;
  nf_error err;
  nf_status s = nf_export_new(q, qlen, &o, &st->x, &err);
  /* the first window now: a bad query is an error response, not a cut stream */
  if (s == NF_OK) s = with_searcher(api, next_piece, st, &err);
  if (s != NF_OK) {
    nf_api_stream_free(st);
    nf_api_error(nf_api_status_of(s), err.message, resp);
    return 0;
  }
  *out = st;
  return 1;
}

static nf_status doccount_of(nf_searcher *s, void *ctx, nf_error *err) {
  return nf_searcher_doccount(s, ctx, err);
}

static void fields(nf_api *api, nf_api_response *out) {
  json_t *list = json_array(), *facets = json_array();
  for (size_t i = 0; list && i < nf_schema_field_count(api->schema); i++) {
    const nf_field *f = nf_schema_field(api->schema, i);
    json_array_append_new(list, json_pack("{s:s,s:s,s:s,s:b,s:s,s:s}", "name", f->name, "label",
                                          f->label ? f->label : f->name, "kind", f->kind->name,
                                          "facet", f->facet, "values", f->multi ? "many" : "one",
                                          "description", f->description ? f->description : ""));
  }
  for (size_t i = 0; facets && i < api->nfacets; i++)
    json_array_append_new(facets, json_string(api->facets[i]));
  unsigned long docs = 0;
  nf_error err;
  nf_status s = with_searcher(api, doccount_of, &docs, &err);
  if (s != NF_OK) {
    json_decref(list);
    json_decref(facets);
    nf_api_error(500, err.message, out);
    return;
  }
  json_t *limits = json_pack("{s:i,s:i,s:i,s:i,s:i,s:i,s:f}", "query", NF_API_MAX_QUERY, "limit",
                             NF_API_MAX_LIMIT, "offset", NF_API_MAX_OFFSET, "facet_limit",
                             NF_API_MAX_FACET_LIMIT, "terms", (int)api->limits.max_terms, "phrases",
                             (int)api->limits.max_phrases, "seconds", api->limits.time_limit);
  respond_json(200,
               json_pack("{s:I,s:o,s:o,s:o,s:o,s:o}", "documents", (json_int_t)docs, "fields",
                         list ? list : json_array(), "facets", facets ? facets : json_array(),
                         "date", api->date ? json_string(api->date) : json_null(), "collapse",
                         api->collapse ? json_string(api->collapse) : json_null(), "limits",
                         limits ? limits : json_object()),
               out);
}

void nf_api_handle(nf_api *api, const char *path, nf_api_arg_fn arg, void *ctx,
                   nf_api_response *out) {
  memset(out, 0, sizeof *out);
  if (strcmp(path, "/api/search") == 0)
    search(api, arg, ctx, out);
  else if (strcmp(path, "/api/fields") == 0)
    fields(api, out);
  else if (strncmp(path, "/api/doc/", 9) == 0)
    document(api, path + 9, strlen(path + 9), out);
  else if (strcmp(path, "/api/doc") == 0) {
    size_t n = 0;
    const char *id = arg(ctx, "id", &n);
    document(api, id ? id : "", id ? n : 0, out);
  } else
    nf_api_error(404,
                 "no such path: the API has /api/search, /api/doc/ID, /api/export and /api/fields",
                 out);
}
