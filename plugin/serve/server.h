/* The HTTP server of `newsfields serve` (libmicrohttpd): the page's assets,
 * embedded at build time from plugin/serve/page/, and the JSON API.
 * A front end. */
#ifndef NF_SERVE_SERVER_H
#define NF_SERVE_SERVER_H

#include "api.h"

typedef struct nf_server nf_server;

/* Defaults of nf_server_options (0 in a field means its default). */
#define NF_SERVE_MIN_THREADS 4        /* a slow search never holds every thread */
#define NF_SERVE_MAX_THREADS 64       /* whatever the cores */
#define NF_SERVE_MAX_CONNECTIONS 512  /* open at once, every client */
#define NF_SERVE_MAX_PER_ADDRESS 32   /* open at once from one client address */
#define NF_SERVE_TIMEOUT_SECONDS 10   /* a connection silent this long is closed */
#define NF_SERVE_REQUEST_MEMORY 32768 /* bytes for one request's line and headers */

typedef struct nf_server_options {
  unsigned threads;         /* threads answering requests; 0: the cores, at least 4 */
  unsigned max_connections; /* connections open at once */
  unsigned max_per_address; /* connections open at once from one client address */
  unsigned timeout;         /* seconds a connection may stay silent */
  size_t request_memory;    /* bytes of a request's line and headers (and MHD's bookkeeping) */
} nf_server_options;

/* The threads the server runs with these options (options->threads, or the
 * cores bounded to [NF_SERVE_MIN_THREADS, NF_SERVE_MAX_THREADS]): the API
 * needs one searcher for each. */
unsigned nf_server_threads(const nf_server_options *options);

/* Listen on bind_addr (a numeric IPv4 or IPv6 address) and port (0: any
 * free port) and answer requests on a pool of nf_server_threads() threads
 * of the server's own, which call the API at the same time.  options may
 * be NULL for the defaults.  The API must outlive the server. */
nf_status nf_server_start(nf_api *api, const char *bind_addr, unsigned port,
                          const nf_server_options *options, nf_server **out, nf_error *err);
/* The port it listens on. */
unsigned nf_server_port(const nf_server *s);
/* Stop listening, finish the requests in progress, free.  NULL: no-op. */
void nf_server_free(nf_server *s);

/* A page asset: its path, media type and bytes (assets.c, generated). */
typedef struct nf_asset {
  const char *path;
  const char *type;
  const unsigned char *data;
  size_t size;
} nf_asset;
extern const nf_asset nf_assets[];
extern const size_t nf_asset_count;

#endif
