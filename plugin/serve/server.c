/* The HTTP side of `newsfields serve`: libmicrohttpd with a pool of threads
 * (epoll, or poll where there is none), bounded connections, requests and
 * time, the page's assets and the JSON API, GET and HEAD only.
 *
 * Every response this file makes carries the security headers.  The few
 * that libmicrohttpd 0.9.75 makes itself (a request line or headers that do
 * not fit the request memory, a malformed request, an HTTP/1.1 request with
 * no Host, an unsupported HTTP version) cannot carry them: it builds those
 * inside the connection code with no hook for headers.  They are fixed
 * texts that echo nothing of the request, and the connection is closed
 * after them. */
#include "server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* libmicrohttpd's messages: at most this many in a window of seconds. */
#define NF_SERVE_LOG_BURST 20
#define NF_SERVE_LOG_WINDOW 10

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
/* JSON and errors load nothing and are framed nowhere. */
static const char data_policy[] =
    "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

/* Adds the headers every response has, then queues it. */
static enum MHD_Result queue(struct MHD_Connection *c, struct MHD_Response *r, unsigned status,
                             const char *type, int is_page) {
  /* The same security headers on every response, errors included. */
  MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
  MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
  MHD_add_response_header(r, "X-Frame-Options", "DENY");
  MHD_add_response_header(r, "Cross-Origin-Resource-Policy", "same-origin");
  MHD_add_response_header(r, "Content-Security-Policy", is_page ? page_policy : data_policy);
  MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, is_page ? "no-cache" : "no-store");
  if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
    MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
  enum MHD_Result ok = MHD_queue_response(c, status, r);
  MHD_destroy_response(r);
  return ok;
}

/* data is the caller's to free with MHD_RESPMEM_MUST_FREE; with
 * MHD_RESPMEM_PERSISTENT libmicrohttpd only reads it. */
static enum MHD_Result send_bytes(struct MHD_Connection *c, unsigned status, const char *type,
                                  void *data, size_t n, enum MHD_ResponseMemoryMode mode,
                                  int is_page) {
  struct MHD_Response *r = MHD_create_response_from_buffer(n, data, mode);
  if (!r) {
    if (mode == MHD_RESPMEM_MUST_FREE) free(data);
    return MHD_NO;
  }
  return queue(c, r, status, type, is_page);
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

/* ---- /api/export: a stream ------------------------------------------------ */

#define NF_SERVE_STREAM_BLOCK 65536

static ssize_t read_stream(void *cls, uint64_t pos, char *buf, size_t max) {
  (void)pos;
  long n = nf_api_stream_read(cls, buf, max);
  if (n < 0) return MHD_CONTENT_READER_END_WITH_ERROR;
  return n == 0 ? MHD_CONTENT_READER_END_OF_STREAM : (ssize_t)n;
}

static void free_stream(void *cls) { nf_api_stream_free(cls); }

static enum MHD_Result send_export(nf_server *s, struct MHD_Connection *c, nf_api_arg_fn arg) {
  nf_api_stream *st = NULL;
  const char *type = NULL;
  nf_api_response resp;
  memset(&resp, 0, sizeof resp);
  if (!nf_api_export(s->api, arg, c, &st, &type, &resp)) return send_api(c, &resp);
  struct MHD_Response *r = MHD_create_response_from_callback(
      MHD_SIZE_UNKNOWN, NF_SERVE_STREAM_BLOCK, read_stream, st, free_stream);
  if (!r) {
    nf_api_stream_free(st);
    return MHD_NO;
  }
  MHD_add_response_header(r, "Content-Disposition",
                          strstr(type, "csv") ? "attachment; filename=\"newsfields.csv\""
                                              : "attachment; filename=\"newsfields.jsonl\"");
  return queue(c, r, MHD_HTTP_OK, type, 0);
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

/* ---- the request's headers ------------------------------------------------ */

static enum MHD_Result count_host(void *cls, enum MHD_ValueKind kind, const char *key,
                                  const char *value) {
  (void)kind;
  (void)value;
  if (strcasecmp(key, MHD_HTTP_HEADER_HOST) == 0) ++*(unsigned *)cls;
  return MHD_YES;
}

static int name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_';
}

/* 1 when host[0..n) is a Host value: a name, an IPv4 address or an IPv6
 * address in brackets, then optionally ':' and a port (1 to 5 digits, at
 * most 65535).  *local is 1 when it names this machine (localhost,
 * 127.0.0.0/8, ::1). */
static int host_valid(const char *host, size_t n, int *local) {
  char name[256];
  size_t len, at;
  *local = 0;
  if (n == 0 || n >= sizeof name) return 0;
  if (host[0] == '[') {
    const char *close = memchr(host, ']', n);
    if (!close) return 0; /* "[::1" */
    len = (size_t)(close - host) - 1;
    memcpy(name, host + 1, len);
    name[len] = '\0';
    struct in6_addr a6;
    if (inet_pton(AF_INET6, name, &a6) != 1) return 0;
    *local = IN6_IS_ADDR_LOOPBACK(&a6) || (IN6_IS_ADDR_V4MAPPED(&a6) && a6.s6_addr[12] == 127);
    at = len + 2;
  } else {
    for (len = 0; len < n && host[len] != ':'; len++)
      if (!name_char(host[len])) return 0;
    if (len == 0) return 0;
    memcpy(name, host, len);
    name[len] = '\0';
    struct in_addr a4;
    if (inet_pton(AF_INET, name, &a4) == 1)
      *local = (ntohl(a4.s_addr) >> 24) == 127;
    else
      *local = strcasecmp(name, "localhost") == 0 || strcasecmp(name, "localhost.") == 0;
    at = len;
  }
  if (at == n) return 1;
  if (host[at] != ':' || n - at - 1 < 1 || n - at - 1 > 5) return 0;
  unsigned long port = 0;
  for (size_t i = at + 1; i < n; i++) {
    if (host[i] < '0' || host[i] > '9') return 0;
    port = port * 10 + (unsigned long)(host[i] - '0');
  }
  return port >= 1 && port <= 65535;
}

/* NULL when the request's headers are acceptable, else why not (and the
 * status in *status). */
static const char *check_headers(const nf_server *s, struct MHD_Connection *c, const char *version,
                                 unsigned *status) {
  *status = MHD_HTTP_BAD_REQUEST;
  /* A body on GET or HEAD: the request is not what it seems (smuggling). */
  const char *te = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Transfer-Encoding");
  const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
  if (te || (cl && cl[strspn(cl, "0")] != '\0')) return "a GET or HEAD request has no body";
  unsigned hosts = 0;
  MHD_get_connection_values(c, MHD_HEADER_KIND, count_host, &hosts);
  if (hosts > 1) return "more than one Host header";
  if (hosts == 0) {
    /* HTTP/1.0 may leave it out (libmicrohttpd refuses HTTP/1.1 without). */
    if (strcmp(version, MHD_HTTP_VERSION_1_0) == 0) return NULL;
    return "no Host header";
  }
  const char *host = NULL;
  size_t n = 0;
  MHD_lookup_connection_value_n(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST,
                                strlen(MHD_HTTP_HEADER_HOST), &host, &n);
  int local = 0;
  if (!host || !host_valid(host, n, &local)) return "the Host header is not a host[:port]";
  /* With a loopback address, a Host that is not a local name means a page
   * elsewhere reached us by DNS rebinding: refused. */
  if (s->loopback && !local) {
    *status = MHD_HTTP_FORBIDDEN;
    return "the Host is not this machine";
  }
  return NULL;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_size, void **req_cls) {
  (void)upload_data;
  (void)upload_size;
  (void)req_cls;
  nf_server *s = cls;
  /* Answered on the first call, before any body is read: libmicrohttpd then
   * discards the body and closes the connection after the response. */
  if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
    return send_error(c, MHD_HTTP_METHOD_NOT_ALLOWED, "only GET and HEAD are answered");
  unsigned status;
  const char *why = check_headers(s, c, version, &status);
  if (why) return send_error(c, status, why);
  if (strcmp(url, "/api/export") == 0) return send_export(s, c, get_arg);
  if (nf_api_owns(url)) {
    nf_api_response resp;
    nf_api_handle(s->api, url, get_arg, c, &resp);
    return send_api(c, &resp);
  }
  const char *path = strcmp(url, "/") == 0 ? "/index.html" : url;
  for (size_t i = 0; i < nf_asset_count; i++)
    if (strcmp(nf_assets[i].path, path) == 0)
      /* libmicrohttpd's buffer is not const, but a persistent one is only read */
      return send_bytes(c, MHD_HTTP_OK, nf_assets[i].type, (void *)nf_assets[i].data,
                        nf_assets[i].size, MHD_RESPMEM_PERSISTENT, 1);
  return send_error(c, MHD_HTTP_NOT_FOUND, "no such page");
}

/* ---- libmicrohttpd's own messages ----------------------------------------- */

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static time_t log_window;
static unsigned log_count, log_dropped;

/* libmicrohttpd's messages on standard error, with control characters
 * escaped (a client's bytes may be quoted) and at most NF_SERVE_LOG_BURST in
 * a window (a client must not fill the log). */
static void on_log(void *cls, const char *fmt, va_list ap) {
  (void)cls;
  char msg[512], out[sizeof msg * 4 + 64];
  vsnprintf(msg, sizeof msg, fmt, ap);
  size_t n = 0;
  for (const unsigned char *p = (const unsigned char *)msg; *p; p++) {
    if (*p == '\n' && p[1] == '\0') break;
    if (*p < 0x20 || *p == 0x7f)
      n += (size_t)snprintf(out + n, sizeof out - n, "\\x%02x", *p);
    else
      out[n++] = (char)*p;
  }
  out[n] = '\0';
  time_t now = time(NULL);
  pthread_mutex_lock(&log_lock);
  if (now - log_window >= NF_SERVE_LOG_WINDOW) {
    if (log_dropped)
      fprintf(stderr, "newsfields: serve: %u more messages of libmicrohttpd left out\n",
              log_dropped);
    log_window = now;
    log_count = log_dropped = 0;
  }
  if (log_count++ < NF_SERVE_LOG_BURST)
    fprintf(stderr, "newsfields: serve: %s\n", out);
  else
    log_dropped++;
  pthread_mutex_unlock(&log_lock);
}

/* ---- the daemon ------------------------------------------------------------ */

unsigned nf_server_threads(const nf_server_options *o) {
  if (o && o->threads) return o->threads;
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  if (cores < NF_SERVE_MIN_THREADS) return NF_SERVE_MIN_THREADS;
  if (cores > NF_SERVE_MAX_THREADS) return NF_SERVE_MAX_THREADS;
  return (unsigned)cores;
}

nf_status nf_server_start(nf_api *api, const char *bind_addr, unsigned port,
                          const nf_server_options *options, nf_server **out, nf_error *err) {
  *out = NULL;
  if (port > 65535) return nf_error_set(err, NF_ERR_INVALID, "port %u is not a port", port);
  nf_server_options o = {0, 0, 0, 0, 0};
  if (options) o = *options;
  o.threads = nf_server_threads(&o);
  if (!o.max_connections) o.max_connections = NF_SERVE_MAX_CONNECTIONS;
  if (!o.max_per_address) o.max_per_address = NF_SERVE_MAX_PER_ADDRESS;
  if (!o.timeout) o.timeout = NF_SERVE_TIMEOUT_SECONDS;
  if (!o.request_memory) o.request_memory = NF_SERVE_REQUEST_MEMORY;
  if (o.max_connections < o.threads)
    return nf_error_set(err, NF_ERR_INVALID,
                        "%u connections cannot be shared by %u threads: allow at least one each",
                        o.max_connections, o.threads);
  struct sockaddr_storage ss;
  memset(&ss, 0, sizeof ss);
  struct sockaddr_in *v4 = (struct sockaddr_in *)&ss;
  struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&ss;
  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG;
  flags |= MHD_is_feature_supported(MHD_FEATURE_EPOLL) == MHD_YES ? MHD_USE_EPOLL : MHD_USE_POLL;
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
  /* The logger goes first, or libmicrohttpd says so on its own.  With a
   * pool, it shares the connection limit out among the threads; the limit
   * per address holds across them. */
  s->daemon = MHD_start_daemon(
      flags, (uint16_t)port, NULL, NULL, on_request, s, MHD_OPTION_EXTERNAL_LOGGER, on_log, NULL,
      MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss, MHD_OPTION_THREAD_POOL_SIZE, o.threads,
      MHD_OPTION_CONNECTION_LIMIT, o.max_connections, MHD_OPTION_PER_IP_CONNECTION_LIMIT,
      o.max_per_address, MHD_OPTION_CONNECTION_TIMEOUT, o.timeout,
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, o.request_memory, MHD_OPTION_END);
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
