/* The JSON API of `newsfields serve`, apart from HTTP: a request's path and
 * arguments in, a status code and a JSON body out.  A front end:
 * it uses only the public API of the library.
 *
 *   /api/search?q=&facets=&offset=&limit=&sort=&facet_limit=
 *       the JSON of `newsfields search --json`, histogram included
 *   /api/fields
 *       the schema's fields (name, label, kind, facet, description), the
 *       default facets, the date field and the limits, for the page
 *
 * Errors are {"error": "message", "status": N}: 400 for a bad argument or
 * query, 404 for an unknown path, 500 for anything else. */
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
#define NF_API_MAX_RESPONSE (8u << 20) /* bytes of a response body */
#define NF_API_DEFAULT_LIMIT 10
#define NF_API_DEFAULT_FACET_LIMIT 10

typedef struct nf_api nf_api;

/* An argument of the request, URL-decoded, or NULL when absent. */
typedef const char *(*nf_api_arg_fn)(void *ctx, const char *name, size_t *len);

typedef struct nf_api_response {
  unsigned status; /* HTTP status */
  char *body;      /* JSON, malloc'd; NULL only when out of memory */
  size_t len;
} nf_api_response;

/* The API over a searcher and its schema (both must outlive it).  Calls
 * must not overlap: the searcher is not shared between threads. */
nf_status nf_api_new(nf_searcher *searcher, const nf_schema *schema, nf_api **out, nf_error *err);
void nf_api_free(nf_api *api);

/* 1 when path belongs to the API (starts with /api/). */
int nf_api_owns(const char *path);
/* Answer a GET of path (under /api/) with the request's arguments. */
void nf_api_handle(nf_api *api, const char *path, nf_api_arg_fn arg, void *ctx,
                   nf_api_response *out);
/* {"error": message, "status": status} into out. */
void nf_api_error(unsigned status, const char *message, nf_api_response *out);

#endif
