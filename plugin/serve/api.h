/* The JSON API of `newsfields serve`, apart from HTTP: a request's path and
 * arguments in, a status code and a JSON body out.  A front end:
 * it uses only the public API of the library.
 *
 *   /api/search?q=&facets=&offset=&limit=&sort=&facet_limit=&collapse=yes|no
 *       the JSON of `newsfields search --json`, histogram included;
 *       near-duplicates folded into one hit ("similar") unless collapse=no
 *   /api/doc/ID  (or /api/doc?id=ID)
 *       one article whole: {"id", "text", "record"} (hits carry a bounded
 *       summary of the record); 404 when no article has the id
 *   /api/export?q=&format=csv|jsonl&columns=&sort=&offset=&limit=
 *       every match, streamed (nf_api_export below)
 *   /api/fields
 *       the schema's fields (name, label, kind, facet, description), the
 *       default facets, the date field, the near-duplicate field searches
 *       collapse on ("collapse", null when none) and the limits, for the page
 *
 * Errors are {"error": {"message": "...", "status": N}}, as `newsfields
 * search --json` prints them: 400 for a bad argument or query or a query
 * over the cost limits, 404 for an unknown path, 503 for a search past its
 * time limit, 500 for anything else.
 *
 * Requests may come from several threads at once: each takes a searcher of
 * its own from the API's pool for as long as it runs (a Xapian database
 * handle must not be used by two threads at once). */
#ifndef NF_SERVE_API_H
#define NF_SERVE_API_H

#include <stddef.h>

#include "newsfields/schema.h"
#include "newsfields/search.h"

#define NF_API_MAX_QUERY 2048          /* bytes of q */
#define NF_API_MAX_LIMIT 100           /* hits per request */
#define NF_API_MAX_OFFSET 100000       /* first hit */
#define NF_API_MAX_FACET_LIMIT 100     /* values per facet */
#define NF_API_MAX_FACETS 32           /* facet fields per request */
#define NF_API_MAX_RESPONSE (8u << 20) /* bytes of a search's response body */
#define NF_API_MAX_ID 1024             /* bytes of an article id asked for */
#define NF_API_MAX_COLUMNS 32          /* columns of an export */
#define NF_API_DEFAULT_LIMIT 10
#define NF_API_DEFAULT_FACET_LIMIT 10
/* The cost limits of a search (nf_search_limits) unless told otherwise. */
#define NF_API_DEFAULT_MAX_TERMS 64
#define NF_API_DEFAULT_MAX_PHRASES 8
#define NF_API_DEFAULT_TIME_LIMIT 5.0 /* seconds */

typedef struct nf_api nf_api;

/* An argument of the request, URL-decoded, or NULL when absent. */
typedef const char *(*nf_api_arg_fn)(void *ctx, const char *name, size_t *len);

typedef struct nf_api_response {
  unsigned status; /* HTTP status */
  char *body;      /* JSON, malloc'd; NULL only when out of memory */
  size_t len;
} nf_api_response;

/* The API over n searchers of the same databases and their schema (all must
 * outlive it; the caller frees them).  Each gets the limits.  n bounds how
 * many requests run at once: give one per thread that calls the API. */
nf_status nf_api_new(nf_searcher *const *searchers, size_t n, const nf_schema *schema,
                     const nf_search_limits *limits, nf_api **out, nf_error *err);
/* After the last call has returned.  NULL: no-op. */
void nf_api_free(nf_api *api);

/* 1 when path belongs to the API (starts with /api/). */
int nf_api_owns(const char *path);
/* Answer a GET of path (under /api/) with the request's arguments.  Safe to
 * call from several threads at once. */
void nf_api_handle(nf_api *api, const char *path, nf_api_arg_fn arg, void *ctx,
                   nf_api_response *out);
/* /api/export?q=&format=csv|jsonl&columns=id,date,...&sort=&offset=&limit=:
 * every match (or limit of them) as CSV or JSON Lines, streamed: the
 * export is searched a window at a time, each on a searcher of the pool
 * taken for that window alone.  1 and *out (with its media type in *type)
 * when the first window found the query good, else 0 and an error in
 * resp. */
typedef struct nf_api_stream nf_api_stream;
int nf_api_export(nf_api *api, nf_api_arg_fn arg, void *ctx, nf_api_stream **out, const char **type,
                  nf_api_response *resp);
/* Up to max bytes of the stream into buf: how many, 0 at its end, -1 when
 * the search failed (the connection is then cut: the status is sent). */
long nf_api_stream_read(nf_api_stream *st, char *buf, size_t max);
void nf_api_stream_free(nf_api_stream *st);

/* {"error": {"message": message, "status": status}} into out. */
void nf_api_error(unsigned status, const char *message, nf_api_response *out);
/* The HTTP status of a failed search: 400 for the query's fault (a bad
 * query, one over the cost limits), 503 past the time limit, else 500. */
unsigned nf_api_status_of(nf_status s);

#endif
