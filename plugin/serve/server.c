/* The HTTP side of `newsfields serve`: libmicrohttpd with one internal
 * thread (so the searcher is never used by two requests at once), the page's
 * assets and the JSON API, GET and HEAD only. */
#include "server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#define NF_SERVE_MAX_CONNECTIONS 64
#define NF_SERVE_TIMEOUT_SECONDS 30

struct nf_server {
  struct MHD_Daemon *daemon;
  nf_api *api;
  int loopback; /* bound to a loopback address: only local Host names are answered */
  unsigned port;
};

/* The page loads its script and style from the server and nothing else. */
static const char page_policy[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

static enum MHD_Result send_bytes(struct MHD_Connection *c, unsigned status, const char *type,
                                  const void *data, size_t n, enum MHD_ResponseMemoryMode mode,
                                  int is_page) {
  struct MHD_Response *r = MHD_create_response_from_buffer(n, (void *)data, mode);
  if (!r) {
    if (mode == MHD_RESPMEM_MUST_FREE) free((void *)data);
    return MHD_NO;
  }
  MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
  MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
  MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, is_page ? "no-cache" : "no-store");
  if (is_page) {
    MHD_add_response_header(r, "Content-Security-Policy", page_policy);
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
  }
  if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
    MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
  enum MHD_Result ok = MHD_queue_response(c, status, r);
  MHD_destroy_response(r);
  return ok;
}

static enum MHD_Result send_api(struct MHD_Connection *c, nf_api_response *resp) {
  if (!resp->body) return MHD_NO; /* out of memory: drop the connection */
  return send_bytes(c, resp->status, "application/json; charset=utf-8", resp->body, resp->len,
                    MHD_RESPMEM_MUST_FREE, 0);
}

static enum MHD_Result send_error(struct MHD_Connection *c, unsigned status, const char *msg) {
  nf_api_response resp;
  nf_api_error(status, msg, &resp);
  return send_api(c, &resp);
}

static const char *get_arg(void *ctx, const char *name, size_t *len) {
  const char *v = NULL;
  size_t n = 0;
  if (MHD_lookup_connection_value_n(ctx, MHD_GET_ARGUMENT_KIND, name, strlen(name), &v, &n) !=
      MHD_YES)
    return NULL;
  if (!v) n = 0, v = ""; /* "?q" with no "=" */
  *len = n;
  return v;
}

/* With a loopback address, a Host that is not a local name means a page
 * elsewhere reached us by DNS rebinding: refused. */
static int local_host(const char *host) {
  if (!host) return 1; /* HTTP/1.0 without Host: no browser */
  char name[256];
  const char *end;
  if (host[0] == '[') {
    host++;
    end = strchr(host, ']');
  } else {
    end = strchr(host, ':');
  }
  size_t n = end ? (size_t)(end - host) : strlen(host);
  if (n == 0 || n >= sizeof name) return 0;
  memcpy(name, host, n);
  name[n] = '\0';
  struct in_addr a4;
  struct in6_addr a6;
  if (strcasecmp(name, "localhost") == 0) return 1;
  if (inet_pton(AF_INET, name, &a4) == 1) return (ntohl(a4.s_addr) >> 24) == 127;
  if (inet_pton(AF_INET6, name, &a6) == 1) return IN6_IS_ADDR_LOOPBACK(&a6);
  return 0;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_size, void **req_cls) {
  (void)version;
  (void)upload_data;
  (void)req_cls;
  nf_server *s = cls;
  if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
    return send_error(c, MHD_HTTP_METHOD_NOT_ALLOWED, "only GET and HEAD are answered");
  if (*upload_size) return send_error(c, MHD_HTTP_BAD_REQUEST, "a GET has no body");
  if (s->loopback &&
      !local_host(MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST)))
    return send_error(c, MHD_HTTP_FORBIDDEN, "the Host is not this machine");
  if (nf_api_owns(url)) {
    nf_api_response resp;
    nf_api_handle(s->api, url, get_arg, c, &resp);
    return send_api(c, &resp);
  }
  const char *path = strcmp(url, "/") == 0 ? "/index.html" : url;
  for (size_t i = 0; i < nf_asset_count; i++)
    if (strcmp(nf_assets[i].path, path) == 0)
      return send_bytes(c, MHD_HTTP_OK, nf_assets[i].type, nf_assets[i].data, nf_assets[i].size,
                        MHD_RESPMEM_PERSISTENT, 1);
  return send_error(c, MHD_HTTP_NOT_FOUND, "no such page");
}

nf_status nf_server_start(nf_api *api, const char *bind_addr, unsigned port, nf_server **out,
                          nf_error *err) {
  *out = NULL;
  if (port > 65535) return nf_error_set(err, NF_ERR_INVALID, "port %u is not a port", port);
  struct sockaddr_storage ss;
  memset(&ss, 0, sizeof ss);
  struct sockaddr_in *v4 = (struct sockaddr_in *)&ss;
  struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&ss;
  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG;
  int loopback;
  if (inet_pton(AF_INET, bind_addr, &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons((uint16_t)port);
    loopback = (ntohl(v4->sin_addr.s_addr) >> 24) == 127;
  } else if (inet_pton(AF_INET6, bind_addr, &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons((uint16_t)port);
    loopback = IN6_IS_ADDR_LOOPBACK(&v6->sin6_addr);
    flags |= MHD_USE_IPv6;
  } else {
    return nf_error_set(err, NF_ERR_INVALID,
                        "'%s' is not a numeric IPv4 or IPv6 address (127.0.0.1, ::1, 0.0.0.0)",
                        bind_addr);
  }
  nf_server *s = calloc(1, sizeof *s);
  if (!s) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  s->api = api;
  s->loopback = loopback;
  s->daemon = MHD_start_daemon(
      flags, (uint16_t)port, NULL, NULL, on_request, s, MHD_OPTION_SOCK_ADDR,
      (struct sockaddr *)&ss, MHD_OPTION_CONNECTION_LIMIT, (unsigned)NF_SERVE_MAX_CONNECTIONS,
      MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)NF_SERVE_TIMEOUT_SECONDS, MHD_OPTION_END);
  if (!s->daemon) {
    free(s);
    return nf_error_set(err, NF_ERR_IO, "cannot listen on %s port %u (see the message above)",
                        bind_addr, port);
  }
  const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
  s->port = info && info->port ? info->port : port;
  *out = s;
  return NF_OK;
}

unsigned nf_server_port(const nf_server *s) { return s->port; }

void nf_server_free(nf_server *s) {
  if (!s) return;
  MHD_stop_daemon(s->daemon);
  free(s);
}
