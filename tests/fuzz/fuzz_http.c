/* libFuzzer target: the HTTP request handling of `newsfields serve` (the
 * request line and headers as libmicrohttpd hands them on, the Host check,
 * the routes, the API's arguments and the searches they run), through the
 * real server on loopback over an index of the sample corpus.  Each input is
 * the raw bytes a client sends on one connection; the answer, when there is
 * one, must be an HTTP response.  Leaks are checked when the run ends (the
 * server frees a connection in its own threads, after the input). */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "newsfields/index.h"
#include "newsfields/input.h"
#include "newsfields/registry.h"
#include "newsfields/schema.h"
#include "newsfields/search.h"
#include "serve/server.h"
#include "serve_client.h"

#define THREADS 2

static unsigned port;

static void die(const char *what, const nf_error *err) {
  fprintf(stderr, "fuzz_http: %s: %s %s\n", what, err->where, err->message);
  abort();
}

/* The sample corpus indexed into a new database; its path. */
static char *index_sample(const nf_schema *schema) {
  static char dir[] = "/tmp/nf-fuzz-http-XXXXXX";
  if (!mkdtemp(dir)) abort();
  static char db[sizeof dir + 8];
  snprintf(db, sizeof db, "%s/db", dir);
  const char *inputs[] = {NF_FUZZ_CORPUS};
  nf_error err;
  nf_input *in;
  nf_indexer *ix;
  if (nf_input_open(inputs, 1, &in, &err) != NF_OK) die("input", &err);
  if (nf_indexer_open(db, schema, NULL, &ix, &err) != NF_OK) die("index", &err);
  for (;;) {
    const nf_article *a;
    if (nf_input_next(in, &a, &err) != NF_OK) die("input", &err);
    if (!a) break;
    if (nf_indexer_add(ix, a, &err) != NF_OK) die("index", &err);
  }
  if (nf_indexer_commit(ix, &err) != NF_OK) die("commit", &err);
  nf_indexer_free(ix);
  nf_input_free(in);
  return db;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  signal(SIGPIPE, SIG_IGN); /* a server that closes first is an answer, not a crash */
  static nf_registry *reg;
  static nf_schema *schema;
  static nf_searcher *searchers[THREADS];
  static nf_api *api;
  static nf_server *server;
  nf_error err;
  nf_error_clear(&err);
  if (nf_registry_default(&reg, &err) != NF_OK) die("registry", &err);
  if (nf_schema_load(NF_FUZZ_SCHEMA_DIR "/newsfields.schema", reg, &schema, &err) != NF_OK)
    die("schema", &err);
  const char *db = index_sample(schema);
  for (int i = 0; i < THREADS; i++)
    if (nf_searcher_open(&db, 1, schema, NULL, &searchers[i], &err) != NF_OK) die("open", &err);
  nf_search_limits limits = {64, 8, 2.0};
  if (nf_api_new(searchers, THREADS, schema, &limits, &api, &err) != NF_OK) die("api", &err);
  nf_server_options options = {THREADS, 64, 64, 2, 0};
  if (nf_server_start(api, "127.0.0.1", 0, &options, &server, &err) != NF_OK) die("server", &err);
  port = nf_server_port(server);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  int fd = nf_tc_connect(port, NULL);
  if (fd < 0) abort();
  /* a request the server still waits on the rest of gets no answer: after
   * this long without one the client hangs up, as impatient clients do */
  struct timeval tv = {0, 250000};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  for (size_t sent = 0; sent < size;) {
    ssize_t n = send(fd, data + sent, size - sent, MSG_NOSIGNAL);
    if (n <= 0) break; /* the server answered and closed early */
    sent += (size_t)n;
  }
  shutdown(fd, SHUT_WR);
  char head[8];
  size_t got = 0;
  char buf[65536];
  for (;;) {
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    for (ssize_t i = 0; i < n && got < sizeof head; i++) head[got++] = buf[i];
  }
  close(fd);
  /* whatever came back starts as HTTP does */
  if (got >= 5 && memcmp(head, "HTTP/", 5) != 0) abort();
  return 0;
}
