/* newsfields serve against hostile and careless clients, on loopback only:
 * 64 slow partial requests (one address each, then all from one address),
 * a silent connection, one client looping an expensive query, queries over
 * the cost and time limits, bad Host headers, a GET with a body, the
 * security headers on every error, libmicrohttpd's own error answers, and
 * many clients at once each getting its own answer.  Every loop is bounded
 * in count and in time; the times a cheap query takes are printed.
 *
 * The database is made here: 3,000 generated articles, enough that an
 * expensive query costs something. */
#define _GNU_SOURCE /* asprintf */
#include <check.h>
#include <jansson.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "serve_client.h"
#include "testutil.h"

#define SCHEMA NF_TEST_SCHEMA_DIR "/newsfields.schema"
#define START_SECONDS 60.0 /* slow under the sanitizers */
#define ARTICLES 3000
#define SLOW_CLIENTS 64
#define PROBE_BOUND 1.0 /* seconds: generous; the benchmark measures */

static char *dir;
static pid_t server = -1, tight = -1;
static int server_out = -1, tight_out = -1;
static unsigned port, tight_port;

/* ---- the database and the servers -------------------------------------- */

static const char *const words[] = {
    "talks",   "minister", "said",     "market",  "prices", "government", "agreement", "trade",
    "economy", "bank",     "security", "defense", "oil",    "election",   "report",    "growth",
    "council", "budget",   "exports",  "farmers", "strike", "court",      "ruling",    "vote"};
static const char *const countries[] = {"Lithuania", "France", "Japan", "Brazil", "Canada",
                                        "Kenya",     "India",  "Chile", "Norway", "Egypt"};
#define NWORDS (sizeof words / sizeof words[0])
#define NCOUNTRIES (sizeof countries / sizeof countries[0])

/* ARTICLES articles of some 60 words, "of the" frequent, a country each. */
static void write_corpus(const char *path) {
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  unsigned long x = 12345;
  for (int i = 0; i < ARTICLES; i++) {
    fprintf(f, "{\"id\": \"a%d\", \"date\": \"2021-%02d-%02d\", \"headline\": \"Report %d\", ", i,
            i % 12 + 1, i % 28 + 1, i);
    fprintf(f, "\"text\": \"The %s of %s said on Monday that", words[i % NWORDS],
            countries[i % NCOUNTRIES]);
    for (int w = 0; w < 60; w++) {
      x = x * 6364136223846793005UL + 1442695040888963407UL;
      fprintf(f, " %s%s", (x >> 33) % 3 == 0 ? "of the " : "", words[(x >> 40) % NWORDS]);
    }
    fprintf(f, ".\"}\n");
  }
  ck_assert_int_eq(fclose(f), 0);
}

static unsigned spawn(const char *const *args, const char *errname, pid_t *pid, int *out) {
  char errfile[600];
  snprintf(errfile, sizeof errfile, "%s/%s", dir, errname);
  unsigned p = nf_tc_spawn(NF_TEST_COMMAND, args, errfile, START_SECONDS, pid, out);
  ck_assert_msg(p > 0, "the server did not start (see %s)", errfile);
  return p;
}

static void start_servers(void) {
  signal(SIGPIPE, SIG_IGN);
  dir = nf_test_tmpdir();
  char corpus[600], db[600], cmd[2048], *out = NULL;
  snprintf(corpus, sizeof corpus, "%s/corpus.jsonl", dir);
  snprintf(db, sizeof db, "%s/db", dir);
  write_corpus(corpus);
  snprintf(cmd, sizeof cmd, "'%s' index -q --schema '%s' --db '%s' '%s'", NF_TEST_COMMAND, SCHEMA,
           db, corpus);
  ck_assert_msg(nf_test_run(cmd, 1, &out) == 0, "%s", out);
  free(out);
  /* the defaults */
  const char *args[] = {"--schema", SCHEMA, "--db", db, NULL};
  port = spawn(args, "server.err", &server, &server_out);
  /* a connection silent for a second is closed; every search is over time */
  const char *tight_args[] = {"--schema",        SCHEMA,     "--db",      db,  "--timeout", "1",
                              "--query-timeout", "0.000001", "--threads", "2", NULL};
  tight_port = spawn(tight_args, "tight.err", &tight, &tight_out);
}

static void stop_servers(void) {
  ck_assert_int_eq(nf_tc_stop(server, server_out), 0);
  ck_assert_int_eq(nf_tc_stop(tight, tight_out), 0);
  nf_test_rmtree(dir);
  free(dir);
}

/* ---- helpers ------------------------------------------------------------ */

/* The headers every response of ours carries, errors included. */
static void assert_security_headers(const nf_tc_reply *r) {
  char v[512];
  ck_assert_str_eq(nf_tc_header(r, "X-Content-Type-Options", v, sizeof v), "nosniff");
  ck_assert_str_eq(nf_tc_header(r, "X-Frame-Options", v, sizeof v), "DENY");
  ck_assert_str_eq(nf_tc_header(r, "Referrer-Policy", v, sizeof v), "no-referrer");
  ck_assert_str_eq(nf_tc_header(r, "Cross-Origin-Resource-Policy", v, sizeof v), "same-origin");
  ck_assert_ptr_nonnull(nf_tc_header(r, "Content-Security-Policy", v, sizeof v));
  ck_assert(strstr(v, "default-src 'none'") && strstr(v, "frame-ancestors 'none'"));
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* The cheap query: one article by id, with the default facets. */
#define PROBE "/api/search?q=id%3Aa17"

/* One probe: 200 with its one hit; returns the seconds it took. */
static double probe(unsigned p) {
  nf_tc_reply r;
  double t0 = nf_tc_now();
  int rc = nf_tc_get(p, PROBE, 10, &r);
  double took = nf_tc_now() - t0;
  ck_assert_msg(rc == 0 && r.status == 200, "probe: %d %d %s", rc, r.status, r.head);
  ck_assert(strstr(r.body, "\"total\":1,") != NULL);
  nf_tc_reply_free(&r);
  return took;
}

/* n probes 50 ms apart, each within PROBE_BOUND; prints and returns the median. */
static double probes(unsigned p, int n, const char *what) {
  double t[64];
  ck_assert_int_le(n, 64);
  for (int i = 0; i < n; i++) {
    t[i] = probe(p);
    ck_assert_msg(t[i] < PROBE_BOUND, "%s: a cheap query took %.3f s", what, t[i]);
    usleep(50000);
  }
  qsort(t, (size_t)n, sizeof t[0], cmp_double);
  printf("serve hostile: %s: cheap query median %.1f ms, max %.1f ms (%d probes)\n", what,
         t[n / 2] * 1e3, t[n - 1] * 1e3, n);
  fflush(stdout);
  return t[n / 2];
}

/* A request line and headers, sent but never finished. */
static const char partial[] = "GET /api/fields HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";

/* Opens n slow clients, from address base+i (or base for all when same). */
static void open_slow(int *fds, int n, int base, int same) {
  for (int i = 0; i < n; i++) {
    char src[32];
    snprintf(src, sizeof src, "127.0.0.%d", same ? base : base + i);
    fds[i] = nf_tc_connect(port, src);
    ck_assert_msg(fds[i] >= 0, "connect from %s", src);
    ck_assert_int_eq(send(fds[i], partial, sizeof partial - 1, MSG_NOSIGNAL), sizeof partial - 1);
  }
}

/* One byte more to each open slow client; the number the server closed. */
static int trickle(const int *fds, int n) {
  int closed = 0;
  for (int i = 0; i < n; i++)
    if (nf_tc_closed(fds[i], 0) || send(fds[i], "x", 1, MSG_NOSIGNAL | MSG_DONTWAIT) != 1) closed++;
  return closed;
}

/* ---- slow and silent clients -------------------------------------------- */

START_TEST(slow_clients_do_not_block) {
  int fds[SLOW_CLIENTS];
  probes(port, 5, "no load");
  open_slow(fds, SLOW_CLIENTS, 2, 0); /* 127.0.0.2 ... 127.0.0.65 */
  /* 3 rounds: a byte each (the server keeps them, waiting), then probes */
  for (int round = 0; round < 3; round++) {
    ck_assert_int_eq(trickle(fds, SLOW_CLIENTS), 0);
    probes(port, 5, "64 slow clients, one address each");
  }
  ck_assert_int_eq(trickle(fds, SLOW_CLIENTS), 0); /* all still held */
  for (int i = 0; i < SLOW_CLIENTS; i++) close(fds[i]);
}
END_TEST

START_TEST(slow_clients_from_one_address_capped) {
  int fds[SLOW_CLIENTS];
  open_slow(fds, SLOW_CLIENTS, 66, 1); /* all from 127.0.0.66 */
  /* Past the 32 allowed, the server closes them as it accepts them. */
  int closed = 0;
  for (double end = nf_tc_now() + 5; closed < SLOW_CLIENTS - 32 && nf_tc_now() < end;) {
    usleep(100000);
    closed = trickle(fds, SLOW_CLIENTS);
  }
  ck_assert_int_eq(closed, SLOW_CLIENTS - 32);
  probes(port, 10, "64 slow clients from one address");
  ck_assert_int_eq(trickle(fds, SLOW_CLIENTS), SLOW_CLIENTS - 32);
  for (int i = 0; i < SLOW_CLIENTS; i++) close(fds[i]);
}
END_TEST

START_TEST(silent_connection_closed) {
  /* --timeout 1: a client that says nothing is let go after a second */
  int fd = nf_tc_connect(tight_port, "127.0.0.130");
  ck_assert_int_ge(fd, 0);
  double t0 = nf_tc_now();
  ck_assert_int_eq(nf_tc_closed(fd, 5), 1);
  double took = nf_tc_now() - t0;
  printf("serve hostile: a silent connection was closed after %.2f s (--timeout 1)\n", took);
  ck_assert_msg(took > 0.5 && took < 4, "%.2f s", took);
  close(fd);
  /* so is one that stops halfway through its headers */
  fd = nf_tc_connect(tight_port, "127.0.0.130");
  ck_assert_int_ge(fd, 0);
  ck_assert_int_eq(send(fd, partial, sizeof partial - 1, MSG_NOSIGNAL), sizeof partial - 1);
  ck_assert_int_eq(nf_tc_closed(fd, 5), 1);
  close(fd);
}
END_TEST

/* ---- an abusive client ---------------------------------------------------- */

/* "of the" 32 times: 64 terms, the most the defaults allow, and every facet. */
static char expensive[1024];

typedef struct abuser {
  unsigned port;
  volatile int stop;
  int sent, ok, over_time;
  double busiest; /* the longest one took */
} abuser;

static void *abuse(void *arg) {
  abuser *a = arg;
  double end = nf_tc_now() + 30; /* bounded however the main thread fares */
  for (int i = 0; i < 2000 && !a->stop && nf_tc_now() < end; i++) {
    nf_tc_reply r;
    double t0 = nf_tc_now();
    int rc = nf_tc_request(a->port, "127.0.0.140", "GET", expensive, NULL, 30, &r);
    double took = nf_tc_now() - t0;
    if (took > a->busiest) a->busiest = took;
    a->sent++;
    if (rc == 0 && r.status == 200) a->ok++;
    if (rc == 0 && r.status == 503) a->over_time++;
    nf_tc_reply_free(&r);
  }
  return NULL;
}

static void make_expensive(void) {
  strcpy(expensive, "/api/search?q=");
  for (int i = 0; i < 32; i++) strcat(expensive, i ? "+of+the" : "of+the");
}

START_TEST(abusive_client_does_not_starve) {
  make_expensive();
  abuser a = {port, 0, 0, 0, 0, 0};
  pthread_t t;
  ck_assert_int_eq(pthread_create(&t, NULL, abuse, &a), 0);
  usleep(200000);
  probes(port, 20, "one client looping an expensive query");
  a.stop = 1;
  pthread_join(t, NULL);
  printf("serve hostile: the expensive query: %d sent, %d answered 200, %d 503, longest %.0f ms\n",
         a.sent, a.ok, a.over_time, a.busiest * 1e3);
  ck_assert_int_gt(a.sent, 0);
  ck_assert_int_eq(a.ok + a.over_time, a.sent);
}
END_TEST

/* ---- cost and time limits ------------------------------------------------ */

START_TEST(too_complex_queries_refused) {
  static const struct {
    const char *words; /* repeated */
    int times, status;
    const char *body;
  } rows[] = {
      {"of+the", 220, 400,
       "{\"error\":{\"message\":\"the query is too complex: 440 terms (at most "
       "64)\",\"status\":400}}"},
      {"of+the", 33, 400,
       "{\"error\":{\"message\":\"the query is too complex: 66 terms (at most "
       "64)\",\"status\":400}}"},
      {"%22of+the%22", 9, 400,
       "{\"error\":{\"message\":\"the query is too complex: 9 phrases (at most "
       "8)\",\"status\":400}}"},
      {"of+the", 32, 200, NULL},
      {"%22of+the%22", 8, 200, NULL},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    char path[8192] = "/api/search?facets=&limit=1&q=";
    for (int k = 0; k < rows[i].times; k++) {
      if (k) strcat(path, "+");
      strcat(path, rows[i].words);
    }
    nf_tc_reply r;
    ck_assert_int_eq(nf_tc_get(port, path, 30, &r), 0);
    ck_assert_msg(r.status == rows[i].status, "%s x%d: %d %s", rows[i].words, rows[i].times,
                  r.status, r.body);
    if (rows[i].body) ck_assert_str_eq(r.body, rows[i].body);
    assert_security_headers(&r);
    nf_tc_reply_free(&r);
  }
}
END_TEST

START_TEST(over_time_is_503) {
  /* --query-timeout 0.000001: any search that reads documents runs out */
  nf_tc_reply r;
  ck_assert_int_eq(nf_tc_get(tight_port, "/api/search?q=talks", 30, &r), 0);
  ck_assert_int_eq(r.status, 503);
  ck_assert_str_eq(r.body,
                   "{\"error\":{\"message\":\"the search took longer than its time limit (1e-06 "
                   "s)\",\"status\":503}}");
  char v[128];
  ck_assert_str_eq(nf_tc_header(&r, "Content-Type", v, sizeof v),
                   "application/json; charset=utf-8");
  assert_security_headers(&r);
  nf_tc_reply_free(&r);
  /* refused before it runs: a query over the bounds is 400 there too */
  char path[4096] = "/api/search?q=";
  for (int k = 0; k < 40; k++) strcat(path, k ? "+of+the" : "of+the");
  ck_assert_int_eq(nf_tc_get(tight_port, path, 30, &r), 0);
  ck_assert_int_eq(r.status, 400);
  nf_tc_reply_free(&r);
}
END_TEST

/* ---- Host headers, bodies, methods ---------------------------------------- */

static const struct {
  const char *headers;
  int status;
  const char *body;
} host_rows[] = {
    {"Host: 127.0.0.1\r\nHost: 127.0.0.1\r\n", 400,
     "{\"error\":{\"message\":\"more than one Host header\",\"status\":400}}"},
    {"Host: 127.0.0.1\r\nHost: evil.example\r\n", 400,
     "{\"error\":{\"message\":\"more than one Host header\",\"status\":400}}"},
    {"Host: [::1\r\n", 400,
     "{\"error\":{\"message\":\"the Host header is not a host[:port]\",\"status\":400}}"},
    {"Host: [::1]x\r\n", 400,
     "{\"error\":{\"message\":\"the Host header is not a host[:port]\",\"status\":400}}"},
    {"Host: [nonsense]\r\n", 400,
     "{\"error\":{\"message\":\"the Host header is not a host[:port]\",\"status\":400}}"},
    {"Host: 127.0.0.1:99999\r\n", 400,
     "{\"error\":{\"message\":\"the Host header is not a host[:port]\",\"status\":400}}"},
    {"Host: 127.0.0.1:\r\n", 400,
     "{\"error\":{\"message\":\"the Host header is not a host[:port]\",\"status\":400}}"},
    {"Host: 127.0.0.1:80:80\r\n", 400,
     "{\"error\":{\"message\":\"the Host header is not a host[:port]\",\"status\":400}}"},
    {"Host: local host\r\n", 400,
     "{\"error\":{\"message\":\"the Host header is not a host[:port]\",\"status\":400}}"},
    {"Host: a/b\r\n", 400,
     "{\"error\":{\"message\":\"the Host header is not a host[:port]\",\"status\":400}}"},
    {"Host: \x1b[31mred\r\n", 400,
     "{\"error\":{\"message\":\"the Host header is not a host[:port]\",\"status\":400}}"},
    {"Host: user@127.0.0.1\r\n", 400,
     "{\"error\":{\"message\":\"the Host header is not a host[:port]\",\"status\":400}}"},
    {"Host: news.example.com\r\n", 403,
     "{\"error\":{\"message\":\"the Host is not this machine\",\"status\":403}}"},
    {"Host: 127.0.0.1.nip.io\r\n", 403,
     "{\"error\":{\"message\":\"the Host is not this machine\",\"status\":403}}"},
    {"Host: [::1]:8080\r\n", 200, NULL},
    {"Host: [::ffff:127.0.0.1]\r\n", 200, NULL},
    {"Host: LOCALHOST\r\n", 200, NULL},
    {"Host: 127.0.0.1:8080\r\n", 200, NULL},
    {"Host: 127.9.9.9\r\n", 200, NULL},
};

START_TEST(host_headers) {
  char headers[256];
  snprintf(headers, sizeof headers, "%sConnection: close\r\n", host_rows[_i].headers);
  nf_tc_reply r;
  ck_assert_int_eq(nf_tc_request(port, NULL, "GET", "/api/fields", headers, 30, &r), 0);
  ck_assert_msg(r.status == host_rows[_i].status, "%s: %d %s", host_rows[_i].headers, r.status,
                r.body);
  if (host_rows[_i].body) ck_assert_str_eq(r.body, host_rows[_i].body);
  assert_security_headers(&r);
  nf_tc_reply_free(&r);
}
END_TEST

static const struct {
  const char *method, *headers, *body;
  int status;
} body_rows[] = {
    {"GET", "Content-Length: 5\r\n", "hello", 400},
    {"GET", "Content-Length: 100000000\r\n", "x", 400},
    {"GET", "Transfer-Encoding: chunked\r\n", "5\r\nhello\r\n0\r\n\r\n", 400},
    {"HEAD", "Content-Length: 5\r\n", "hello", 400},
    {"GET", "Content-Length: 0\r\n", "", 200},
    {"GET", "Content-Length: 00\r\n", "", 200},
    {"POST", "Content-Length: 5\r\n", "hello", 405},
};

START_TEST(body_on_get_refused) {
  int fd = nf_tc_connect(port, NULL);
  ck_assert_int_ge(fd, 0);
  char req[512];
  int n = snprintf(req, sizeof req, "%s /api/fields HTTP/1.1\r\nHost: 127.0.0.1\r\n%s\r\n%s",
                   body_rows[_i].method, body_rows[_i].headers, body_rows[_i].body);
  nf_tc_reply r;
  ck_assert_int_eq(
      nf_tc_exchange(fd, req, (size_t)n, strcmp(body_rows[_i].method, "HEAD") == 0, 30, &r), 0);
  ck_assert_msg(r.status == body_rows[_i].status, "%s %s: %d", body_rows[_i].method,
                body_rows[_i].headers, r.status);
  assert_security_headers(&r);
  if (body_rows[_i].status == 400) {
    if (strcmp(body_rows[_i].method, "GET") == 0)
      ck_assert_str_eq(
          r.body, "{\"error\":{\"message\":\"a GET or HEAD request has no body\",\"status\":400}}");
    /* the body is never read as a next request: the connection ends */
    ck_assert_int_eq(r.closed, 1);
  }
  nf_tc_reply_free(&r);
  close(fd);
}
END_TEST

/* Every kind of error we answer carries the headers and a JSON body. */
START_TEST(security_headers_on_errors) {
  static const struct {
    const char *method, *path;
    int status;
  } rows[] = {
      {"GET", "/api/search?limit=1000", 400},
      {"GET", "/api/search?q=AND", 400},
      {"GET", "/nothing", 404},
      {"GET", "/api/nothing", 404},
      {"DELETE", "/api/search", 405},
      {"GET", "/api/search?q=storm", 200},
      {"GET", "/", 200},
      {"HEAD", "/api/fields", 200},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    nf_tc_reply r;
    ck_assert_int_eq(nf_tc_request(port, NULL, rows[i].method, rows[i].path, NULL, 30, &r), 0);
    ck_assert_msg(r.status == rows[i].status, "%s: %d", rows[i].path, r.status);
    assert_security_headers(&r);
    if (r.status >= 400) {
      json_t *j = json_loadb(r.body, r.len, 0, NULL);
      ck_assert_ptr_nonnull(j);
      json_t *e = json_object_get(j, "error");
      ck_assert_int_eq(json_integer_value(json_object_get(e, "status")), rows[i].status);
      ck_assert(json_is_string(json_object_get(e, "message")));
      json_decref(j);
    }
    nf_tc_reply_free(&r);
  }
}
END_TEST

/* What libmicrohttpd 0.9.75 answers itself, before any code of ours runs:
 * its fixed texts, echoing nothing of the request, and the connection is
 * closed.  (It gives no way to add headers to these: see server.c.) */
START_TEST(libmicrohttpd_own_errors) {
  /* headers beyond the request memory (32 KiB) */
  size_t big = 40000;
  char *headers = malloc(big + 64);
  ck_assert_ptr_nonnull(headers);
  int n = snprintf(headers, 64, "Host: 127.0.0.1\r\nX-Big: ");
  memset(headers + n, 'A', big);
  strcpy(headers + n + big, "\r\n");
  nf_tc_reply r;
  ck_assert_int_eq(nf_tc_request(port, NULL, "GET", "/api/fields", headers, 30, &r), 0);
  free(headers);
  ck_assert_int_eq(r.status, 431);
  ck_assert(!strstr(r.body, "AAAA"));
  ck_assert_int_eq(r.closed, 1);
  nf_tc_reply_free(&r);
  /* HTTP/1.1 with no Host */
  int fd = nf_tc_connect(port, NULL);
  ck_assert_int_ge(fd, 0);
  static const char nohost[] = "GET /api/fields?<script> HTTP/1.1\r\n\r\n";
  ck_assert_int_eq(nf_tc_exchange(fd, nohost, sizeof nohost - 1, 0, 30, &r), 0);
  ck_assert_int_eq(r.status, 400);
  ck_assert(!strstr(r.body, "<script>"));
  ck_assert_int_eq(r.closed, 1);
  nf_tc_reply_free(&r);
  close(fd);
  /* HTTP/1.0 may leave Host out: answered, with our headers */
  fd = nf_tc_connect(port, NULL);
  ck_assert_int_ge(fd, 0);
  static const char old[] = "GET /api/fields HTTP/1.0\r\n\r\n";
  ck_assert_int_eq(nf_tc_exchange(fd, old, sizeof old - 1, 0, 30, &r), 0);
  ck_assert_int_eq(r.status, 200);
  assert_security_headers(&r);
  nf_tc_reply_free(&r);
  close(fd);
}
END_TEST

/* ---- many clients at once ------------------------------------------------ */

#define CLIENTS 16
#define ROUNDS 10

/* Query i's total, asked alone first, then by CLIENTS threads at once. */
static const char *const mixed[] = {
    "/api/search?q=talks&limit=3",
    "/api/search?q=country%3AJapan&facets=country",
    "/api/search?q=minister+of+the+economy&sort=date",
    "/api/search?q=%22the+bank%22&facets=year",
    "/api/search?q=country%3AKenya+OR+country%3AChile&facets=",
    "/api/search?q=date%3A2021-03&limit=0",
    "/api/search?q=strike+NOT+court",
    "/api/search?q=id%3Aa42",
};
#define NMIXED (sizeof mixed / sizeof mixed[0])
static long mixed_total[NMIXED];

static long total_of(const nf_tc_reply *r) {
  json_t *j = json_loadb(r->body, r->len, 0, NULL);
  long t = j ? (long)json_integer_value(json_object_get(j, "total")) : -1;
  json_decref(j);
  return t;
}

typedef struct client {
  int id, wrong, failed;
} client;

static void *run_client(void *arg) {
  client *c = arg;
  char src[32];
  snprintf(src, sizeof src, "127.0.0.%d", 150 + c->id);
  double end = nf_tc_now() + 60;
  for (int i = 0; i < ROUNDS && nf_tc_now() < end; i++) {
    size_t q = (size_t)(c->id + i) % NMIXED;
    nf_tc_reply r;
    if (nf_tc_request(port, src, "GET", mixed[q], NULL, 30, &r) != 0 || r.status != 200)
      c->failed++;
    else if (total_of(&r) != mixed_total[q])
      c->wrong++;
    nf_tc_reply_free(&r);
  }
  return NULL;
}

START_TEST(many_clients_each_get_their_answer) {
  for (size_t q = 0; q < NMIXED; q++) {
    nf_tc_reply r;
    ck_assert_int_eq(nf_tc_get(port, mixed[q], 30, &r), 0);
    ck_assert_int_eq(r.status, 200);
    mixed_total[q] = total_of(&r);
    ck_assert_int_ge(mixed_total[q], q == NMIXED - 1 ? 1 : 0);
    nf_tc_reply_free(&r);
  }
  pthread_t t[CLIENTS];
  client c[CLIENTS];
  double t0 = nf_tc_now();
  for (int i = 0; i < CLIENTS; i++) {
    c[i] = (client){i, 0, 0};
    ck_assert_int_eq(pthread_create(&t[i], NULL, run_client, &c[i]), 0);
  }
  int wrong = 0, failed = 0;
  for (int i = 0; i < CLIENTS; i++) {
    pthread_join(t[i], NULL);
    wrong += c[i].wrong;
    failed += c[i].failed;
  }
  printf("serve hostile: %d clients x %d requests at once in %.2f s\n", CLIENTS, ROUNDS,
         nf_tc_now() - t0);
  ck_assert_int_eq(failed, 0);
  ck_assert_int_eq(wrong, 0);
}
END_TEST

int main(void) {
  signal(SIGPIPE, SIG_IGN);
  Suite *s = suite_create("serve_hostile");
  TCase *tc = tcase_create("hostile");
  tcase_set_timeout(tc, 240);
  /* the servers for the whole case, started before the tests fork */
  tcase_add_unchecked_fixture(tc, start_servers, stop_servers);
  tcase_add_test(tc, slow_clients_do_not_block);
  tcase_add_test(tc, slow_clients_from_one_address_capped);
  tcase_add_test(tc, silent_connection_closed);
  tcase_add_test(tc, abusive_client_does_not_starve);
  tcase_add_test(tc, too_complex_queries_refused);
  tcase_add_test(tc, over_time_is_503);
  tcase_add_loop_test(tc, host_headers, 0, (int)(sizeof host_rows / sizeof host_rows[0]));
  tcase_add_loop_test(tc, body_on_get_refused, 0, (int)(sizeof body_rows / sizeof body_rows[0]));
  tcase_add_test(tc, security_headers_on_errors);
  tcase_add_test(tc, libmicrohttpd_own_errors);
  tcase_add_test(tc, many_clients_each_get_their_answer);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
