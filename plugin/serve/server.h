/* The HTTP server of `newsfields serve` (libmicrohttpd): the page's assets,
 * embedded at build time from plugin/serve/page/, and the JSON API.
 * A front end. */
#ifndef NF_SERVE_SERVER_H
#define NF_SERVE_SERVER_H

#include "api.h"

typedef struct nf_server nf_server;

/* Listen on bind_addr (a numeric IPv4 or IPv6 address) and port (0: any
 * free port) and answer requests on a thread of the server's own; the API
 * is only ever called from that thread.  The API must outlive the server. */
nf_status nf_server_start(nf_api *api, const char *bind_addr, unsigned port, nf_server **out,
                          nf_error *err);
/* The port it listens on. */
unsigned nf_server_port(const nf_server *s);
/* Stop listening, finish the request in progress, free.  NULL: no-op. */
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
