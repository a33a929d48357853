/* newsfields serve through a real HTTP client: the built command serves the
 * fixture articles on a free loopback port (127.0.0.1 only), a small client
 * over sockets calls it, and the answers are checked exactly: hits, facet
 * counts, the histogram, errors, headers, escaping; then SIGTERM stops it. */
#define _GNU_SOURCE /* strcasestr */
#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <jansson.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"

#define SCHEMA NF_TEST_SCHEMA_DIR "/newsfields.schema"
#define VESSEL_SCHEMA NF_TEST_FIXTURES "/plugin/vessel.schema"
#define ARTICLES NF_TEST_FIXTURES "/articles.jsonl"
#define ESCAPING NF_TEST_FIXTURES "/escaping.jsonl"
#define START_SECONDS 60 /* slow under the sanitizers */

static char *dir;
static pid_t server = -1;
static int server_out = -1;
static unsigned port;

/* ---- the server ------------------------------------------------------- */

/* Reads the first line the server prints, within START_SECONDS. */
static int read_line(int fd, char *buf, size_t size) {
  size_t n = 0;
  while (n + 1 < size) {
    struct pollfd p = {fd, POLLIN, 0};
    if (poll(&p, 1, START_SECONDS * 1000) <= 0) return -1;
    ssize_t got = read(fd, buf + n, 1);
    if (got <= 0) return -1;
    if (buf[n] == '\n') break;
    n++;
  }
  buf[n] = '\0';
  return 0;
}

/* Starts `newsfields serve` with a schema (and a plug-in, when not NULL) on
 * the database at a free loopback port; its standard output is read through
 * *out_fd, its standard error goes to errfile.  Returns the port. */
static unsigned spawn_server_counting(const char *schema, const char *plugin, const char *db,
                                      unsigned articles, const char *errfile, pid_t *pid,
                                      int *out_fd) {
  int fds[2];
  ck_assert_int_eq(pipe(fds), 0);
  *pid = fork();
  ck_assert_int_ge(*pid, 0);
  if (*pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    FILE *e = freopen(errfile, "w", stderr);
    (void)e;
    close(fds[0]);
    close(fds[1]);
    if (plugin)
      execl(NF_TEST_COMMAND, "newsfields", "serve", "--schema", schema, "--plugin", plugin, "--db",
            db, "--port", "0", "--bind", "127.0.0.1", (char *)NULL);
    else
      execl(NF_TEST_COMMAND, "newsfields", "serve", "--schema", schema, "--db", db, "--port", "0",
            "--bind", "127.0.0.1", (char *)NULL);
    _exit(127);
  }
  close(fds[1]);
  *out_fd = fds[0];
  char line[512], want[512];
  ck_assert_msg(read_line(*out_fd, line, sizeof line) == 0, "the server did not start");
  const char *at = strstr(line, "http://127.0.0.1:");
  ck_assert_msg(at != NULL, "%s", line);
  unsigned p = (unsigned)strtoul(at + strlen("http://127.0.0.1:"), NULL, 10);
  ck_assert_uint_gt(p, 0);
  snprintf(want, sizeof want,
           "newsfields: serving %u articles at http://127.0.0.1:%u/ (Ctrl-C to stop)", articles, p);
  ck_assert_str_eq(line, want);
  return p;
}

static unsigned spawn_server_with(const char *schema, const char *plugin, const char *db,
                                  const char *errfile, pid_t *pid, int *out_fd) {
  return spawn_server_counting(schema, plugin, db, 7, errfile, pid, out_fd);
}

/* Stops a second server and talks to the main one again. */
static void stop_other(unsigned main_port, pid_t pid, int fd) {
  port = main_port;
  kill(pid, SIGTERM);
  waitpid(pid, NULL, 0);
  close(fd);
}

static unsigned spawn_server(const char *db, const char *errfile, pid_t *pid, int *out_fd) {
  return spawn_server_with(SCHEMA, NULL, db, errfile, pid, out_fd);
}

static void start_server(void) {
  dir = nf_test_tmpdir();
  char cmd[2048], *out = NULL;
  snprintf(cmd, sizeof cmd, "'%s' index -q --schema '%s' --db '%s/db' '%s' '%s'", NF_TEST_COMMAND,
           SCHEMA, dir, ARTICLES, ESCAPING);
  ck_assert_msg(nf_test_run(cmd, 1, &out) == 0, "%s", out);
  free(out);
  char db[600], errfile[600];
  snprintf(db, sizeof db, "%s/db", dir);
  snprintf(errfile, sizeof errfile, "%s/server.err", dir);
  port = spawn_server(db, errfile, &server, &server_out);
}

static void stop_server(void) {
  if (server > 0) {
    kill(server, SIGTERM);
    waitpid(server, NULL, 0);
  }
  if (server_out >= 0) close(server_out);
  nf_test_rmtree(dir);
  free(dir);
}

/* ---- a small HTTP client ------------------------------------------------ */

typedef struct reply {
  int status;
  char *head; /* status line and headers */
  char *body;
  size_t len;
} reply;

static void reply_free(reply *r) {
  free(r->head);
  free(r->body);
}

/* One request over a new connection (Connection: close); host NULL: the
 * server's own address. */
static reply request_as(const char *method, const char *path, const char *host, int stream) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  ck_assert_int_ge(fd, 0);
  struct timeval tv = {30, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons((uint16_t)port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ck_assert_int_eq(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
  char hostbuf[64];
  if (!host) {
    snprintf(hostbuf, sizeof hostbuf, "127.0.0.1:%u", port);
    host = hostbuf;
  }
  size_t cap = strlen(path) + strlen(host) + 256;
  char *req = malloc(cap);
  /* a stream of unknown length comes whole, to the close, over HTTP/1.0 */
  int n = snprintf(req, cap, "%s %s HTTP/1.%d\r\nHost: %s\r\nConnection: close\r\n\r\n", method,
                   path, stream ? 0 : 1, host);
  ck_assert_int_eq(send(fd, req, (size_t)n, MSG_NOSIGNAL), n);
  free(req);
  size_t len = 0, size = 65536;
  char *buf = malloc(size);
  for (;;) {
    if (len + 1 == size) buf = realloc(buf, size *= 2);
    ssize_t got = recv(fd, buf + len, size - len - 1, 0);
    ck_assert_msg(got >= 0, "recv: %s", strerror(errno));
    if (got == 0) break;
    len += (size_t)got;
  }
  close(fd);
  buf[len] = '\0';
  reply r = {0, NULL, NULL, 0};
  char *end = strstr(buf, "\r\n\r\n");
  ck_assert_msg(end != NULL, "no header end in: %s", buf);
  r.head = strndup(buf, (size_t)(end - buf));
  ck_assert_int_eq(sscanf(buf, "HTTP/1.%*d %d", &r.status), 1);
  r.len = len - (size_t)(end + 4 - buf);
  r.body = malloc(r.len + 1);
  memcpy(r.body, end + 4, r.len);
  r.body[r.len] = '\0';
  ck_assert_msg(!nf_test_contains(r.head, "chunked"), "%s", r.head);
  if (stream) {
    free(buf);
    return r;
  }
  const char *cl = strcasestr(r.head, "\r\nContent-Length: ");
  ck_assert_msg(cl != NULL, "%s", r.head);
  if (strcmp(method, "HEAD") != 0) ck_assert_uint_eq(strtoul(cl + 18, NULL, 10), r.len);
  free(buf);
  return r;
}

static reply request(const char *method, const char *path, const char *host) {
  return request_as(method, path, host, 0);
}

static reply get(const char *path) { return request("GET", path, NULL); }

/* The value of a header ("" if absent), in a static buffer. */
static const char *header(const reply *r, const char *name) {
  static char value[512];
  char key[128];
  snprintf(key, sizeof key, "\r\n%s: ", name);
  const char *at = strcasestr(r->head, key);
  if (!at) return "";
  at += strlen(key);
  size_t n = strcspn(at, "\r");
  snprintf(value, sizeof value, "%.*s", (int)n, at);
  return value;
}

static json_t *json_of(const reply *r) {
  json_error_t jerr;
  json_t *j = json_loadb(r->body, r->len, 0, &jerr);
  ck_assert_msg(j != NULL, "not JSON (%s): %s", jerr.text, r->body);
  ck_assert_str_eq(header(r, "Content-Type"), "application/json; charset=utf-8");
  ck_assert_str_eq(header(r, "X-Content-Type-Options"), "nosniff");
  return j;
}

/* A part of a JSON document as compact text (malloc'd). */
static char *text_of(json_t *j) { return json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER); }

/* A part of a JSON document is exactly this compact text. */
static void json_is(json_t *j, const char *want) {
  char *got = text_of(j);
  ck_assert_str_eq(got ? got : "(nothing)", want);
  free(got);
}

/* ---- the tests ---------------------------------------------------------- */

START_TEST(search_hits_facets_histogram) {
  reply r = get("/api/search?q=byline%3Adoe+OR+storm&facets=byline,year&sort=date&limit=2");
  ck_assert_int_eq(r.status, 200);
  json_t *j = json_of(&r);
  ck_assert_str_eq(json_string_value(json_object_get(j, "query")), "byline:doe OR storm");
  ck_assert_int_eq(json_integer_value(json_object_get(j, "total")), 4);
  ck_assert_int_eq(json_integer_value(json_object_get(j, "offset")), 0);
  json_t *hits = json_object_get(j, "hits");
  ck_assert_uint_eq(json_array_size(hits), 2);
  /* newest first */
  ck_assert_str_eq(json_string_value(json_object_get(json_array_get(hits, 0), "id")), "fx-xss");
  ck_assert_str_eq(json_string_value(json_object_get(json_array_get(hits, 1), "id")), "fx-004");
  ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(hits, 1), "rank")), 2);
  char *facets = text_of(json_object_get(j, "facets"));
  ck_assert_str_eq(facets,
                   "{\"byline\":[{\"value\":\"jane doe\",\"label\":\"Jane Doe\",\"count\":2},"
                   "{\"value\":\"img src onerror alert 1\",\"label\":\"<img src=x "
                   "onerror=alert(1)>\",\"count\":1},{\"value\":\"john roe\",\"label\":\"John "
                   "Roe\",\"count\":1}],\"year\":[{\"value\":\"2021\",\"label\":\"2021\","
                   "\"count\":2},{\"value\":\"2022\",\"label\":\"2022\",\"count\":2}]}");
  char *histogram = text_of(json_object_get(j, "histogram"));
  ck_assert_str_eq(histogram,
                   "[{\"month\":\"2021-11\",\"count\":1},{\"month\":\"2021-12\",\"count\":1},"
                   "{\"month\":\"2022-02\",\"count\":2}]");
  free(facets);
  free(histogram);
  json_decref(j);
  reply_free(&r);

  /* the next page, and the same JSON as `newsfields search --json` */
  r = get("/api/search?q=byline%3Adoe+OR+storm&facets=byline,year&sort=date&limit=2&offset=2");
  j = json_of(&r);
  hits = json_object_get(j, "hits");
  ck_assert_uint_eq(json_array_size(hits), 2);
  ck_assert_str_eq(json_string_value(json_object_get(json_array_get(hits, 0), "id")), "fx-001");
  ck_assert_str_eq(json_string_value(json_object_get(json_array_get(hits, 1), "id")), "fx-005");
  json_decref(j);
  char cmd[2048], *out = NULL;
  snprintf(cmd, sizeof cmd,
           "'%s' search --json --schema '%s' --db '%s/db' --facets byline,year --sort date "
           "--limit 2 --offset 2 'byline:doe OR storm'",
           NF_TEST_COMMAND, SCHEMA, dir);
  ck_assert_int_eq(nf_test_run(cmd, 0, &out), 0);
  ck_assert_uint_eq(strlen(out), r.len + 1); /* and a newline */
  ck_assert_int_eq(memcmp(out, r.body, r.len), 0);
  free(out);
  reply_free(&r);
}
END_TEST

START_TEST(default_facets_and_fields) {
  reply r = get("/api/search?q=&limit=0");
  ck_assert_int_eq(r.status, 200);
  json_t *j = json_of(&r);
  ck_assert_int_eq(json_integer_value(json_object_get(j, "total")), 7);
  ck_assert_uint_eq(json_array_size(json_object_get(j, "hits")), 0);
  /* every facet field of the schema, then the histogram */
  const char *names[] = {"byline",     "dateline",       "agency",          "country",
                         "title",      "official",       "officialorg",     "speaker",
                         "speakerorg", "speakercountry", "officialcountry", "year"};
  const size_t nnames = sizeof names / sizeof names[0];
  json_t *facets = json_object_get(j, "facets");
  ck_assert_uint_eq(json_object_size(facets), nnames);
  void *it = json_object_iter(facets);
  for (size_t i = 0; i < nnames; i++, it = json_object_iter_next(facets, it))
    ck_assert_str_eq(json_object_iter_key(it), names[i]);
  char *year = text_of(json_object_get(facets, "year"));
  ck_assert_str_eq(year,
                   "[{\"value\":\"2021\",\"label\":\"2021\",\"count\":3},"
                   "{\"value\":\"2022\",\"label\":\"2022\",\"count\":3}]");
  free(year);
  char *histogram = text_of(json_object_get(j, "histogram"));
  ck_assert_str_eq(histogram,
                   "[{\"month\":\"2021-11\",\"count\":1},{\"month\":\"2021-12\","
                   "\"count\":2},{\"month\":\"2022-01\",\"count\":1},{\"month\":"
                   "\"2022-02\",\"count\":2}]");
  free(histogram);
  json_decref(j);
  reply_free(&r);

  r = get("/api/fields");
  ck_assert_int_eq(r.status, 200);
  j = json_of(&r);
  ck_assert_int_eq(json_integer_value(json_object_get(j, "documents")), 7);
  ck_assert_str_eq(json_string_value(json_object_get(j, "date")), "date");
  ck_assert_str_eq(json_string_value(json_object_get(j, "collapse")), "similar");
  char *facet_names = text_of(json_object_get(j, "facets"));
  ck_assert_str_eq(facet_names,
                   "[\"byline\",\"dateline\",\"agency\",\"country\",\"title\","
                   "\"official\",\"officialorg\",\"speaker\",\"speakerorg\",\"speakercountry\","
                   "\"officialcountry\","
                   "\"year\"]");
  free(facet_names);
  char *limits = text_of(json_object_get(j, "limits"));
  ck_assert_str_eq(limits,
                   "{\"query\":2048,\"limit\":100,\"offset\":100000,\"facet_limit\":100,"
                   "\"terms\":64,\"phrases\":8,\"seconds\":5.0}");
  free(limits);
  json_t *first = json_array_get(json_object_get(j, "fields"), 2);
  char *byline = text_of(first);
  ck_assert_str_eq(
      byline,
      "{\"name\":\"byline\",\"label\":\"Byline\",\"kind\":\"name\","
      "\"facet\":true,\"values\":\"many\",\"description\":\"Article authors: the author "
      "metadata and bylines in the text\"}");
  free(byline);
  char *dateline = text_of(json_array_get(json_object_get(j, "fields"), 4));
  ck_assert_msg(nf_test_contains(dateline, "\"name\":\"dateline\"") &&
                    nf_test_contains(dateline, "\"values\":\"one\""),
                "%s", dateline);
  free(dateline);
  json_decref(j);
  reply_free(&r);
}
END_TEST

START_TEST(data_is_escaped_as_json_never_as_html) {
  reply r = get("/api/search?q=id%3Afx-xss&facets=byline");
  ck_assert_int_eq(r.status, 200);
  /* JSON escapes quotes; the markup is data, sent as application/json with
   * nosniff, for the page to show as text */
  ck_assert_msg(nf_test_contains(r.body,
                                 "\"headline\":\"<script>alert(\\\"headline\\\")"
                                 "</script> Storm & <b>floods</b>\""),
                "%s", r.body);
  json_t *j = json_of(&r);
  json_t *hit = json_array_get(json_object_get(j, "hits"), 0);
  ck_assert_str_eq(json_string_value(json_object_get(hit, "headline")),
                   "<script>alert(\"headline\")</script> Storm & <b>floods</b>");
  ck_assert_str_eq(
      json_string_value(json_object_get(
          json_array_get(json_object_get(json_object_get(hit, "fields"), "byline"), 0), "name")),
      "<img src=x onerror=alert(1)>");
  json_decref(j);
  reply_free(&r);
  /* the page is static: no data in it, and a policy against inline script */
  r = get("/");
  ck_assert_int_eq(r.status, 200);
  ck_assert_str_eq(header(&r, "Content-Type"), "text/html; charset=utf-8");
  ck_assert(nf_test_contains(header(&r, "Content-Security-Policy"), "script-src 'self'"));
  ck_assert(nf_test_contains(r.body, "<script src=\"/app.js\" type=\"module\"></script>"));
  ck_assert(!nf_test_contains(r.body, "floods"));
  reply_free(&r);
  /* every script of the page sets text, never HTML */
  static const char *const scripts[] = {"/app.js",     "/dom.js",    "/state.js",
                                        "/query.js",   "/facets.js", "/histogram.js",
                                        "/docview.js", "/entity.js", "/exporter.js"};
  for (size_t i = 0; i < sizeof scripts / sizeof scripts[0]; i++) {
    r = get(scripts[i]);
    ck_assert_msg(r.status == 200, "%s", scripts[i]);
    ck_assert_str_eq(header(&r, "Content-Type"), "text/javascript; charset=utf-8");
    ck_assert_msg(!nf_test_contains(r.body, "innerHTML") &&
                      !nf_test_contains(r.body, "outerHTML") &&
                      !nf_test_contains(r.body, "insertAdjacentHTML") &&
                      !nf_test_contains(r.body, "document.write"),
                  "%s", scripts[i]);
    reply_free(&r);
  }
  r = get("/style.css");
  ck_assert_int_eq(r.status, 200);
  ck_assert_str_eq(header(&r, "Content-Type"), "text/css; charset=utf-8");
  reply_free(&r);
  r = request("HEAD", "/", NULL);
  ck_assert_int_eq(r.status, 200);
  ck_assert_uint_eq(r.len, 0);
  reply_free(&r);
}
END_TEST

/* Requests the API refuses: path, status, the exact JSON body. */
static const struct {
  const char *path;
  int status;
  const char *body;
} refused[] = {
    {"/api/search?q=country%3AAtlantis", 400,
     "{\"error\":{\"message\":\"country:Atlantis is not a country I know\",\"status\":400}}"},
    {"/api/search?q=date%3A2021-13-01", 400, NULL},
    {"/api/search?q=AND", 400, NULL},
    {"/api/search?limit=101", 400,
     "{\"error\":{\"message\":\"limit must be a whole number from 0 to 100\",\"status\":400}}"},
    {"/api/search?limit=-1", 400,
     "{\"error\":{\"message\":\"limit must be a whole number from 0 to 100\",\"status\":400}}"},
    {"/api/search?limit=", 400,
     "{\"error\":{\"message\":\"limit must be a whole number from 0 to 100\",\"status\":400}}"},
    {"/api/search?offset=100001", 400,
     "{\"error\":{\"message\":\"offset must be a whole number from 0 to 100000\",\"status\":400}}"},
    {"/api/search?facet_limit=1000", 400,
     "{\"error\":{\"message\":\"facet_limit must be a whole number from 0 to "
     "100\",\"status\":400}}"},
    {"/api/search?q=speakr%3ABaker", 400,
     "{\"error\":{\"message\":\"speakr: is not a field (did you mean speaker:?); the fields are "
     "text:, headline:, byline:, credit:, dateline:, agency:, country:, title:, official:, "
     "officialorg:, speaker:, speakerorg:, speakercountry:, officialcountry:, date:, year:, "
     "source:, similar:, id:\",\"status\":400}}"},
    {"/api/search?q=speaker%3A", 400, NULL},
    {"/api/search?q=oil&collapse=maybe", 400,
     "{\"error\":{\"message\":\"collapse must be yes or no\",\"status\":400}}"},
    {"/api/search?sort=oldest", 400,
     "{\"error\":{\"message\":\"sort must be relevance or date\",\"status\":400}}"},
    {"/api/search?facets=headline", 400,
     "{\"error\":{\"message\":\"'headline' is not a facet field (facets: byline, dateline, "
     "agency, country, title, official, officialorg, speaker, speakerorg, speakercountry, "
     "officialcountry, year; date for the by-month histogram)\",\"status\":400}}"},
    {"/api/search?q=%FF%FE", 400,
     "{\"error\":{\"message\":\"the query is not valid UTF-8 text\",\"status\":400}}"},
    {"/api/search?q=a%00b", 400,
     "{\"error\":{\"message\":\"the query is not valid UTF-8 text\",\"status\":400}}"},
    {"/api/nothing", 404,
     "{\"error\":{\"message\":\"no such path: the API has /api/search, /api/doc/ID, "
     "/api/export and /api/fields\",\"status\":404}}"},
    {"/nothing.html", 404, "{\"error\":{\"message\":\"no such page\",\"status\":404}}"},
    {"/../etc/passwd", 404, "{\"error\":{\"message\":\"no such page\",\"status\":404}}"},
};

START_TEST(refused_requests) {
  reply r = get(refused[_i].path);
  ck_assert_msg(r.status == refused[_i].status, "%s: %d %s", refused[_i].path, r.status, r.body);
  json_t *j = json_of(&r);
  json_t *e = json_object_get(j, "error");
  ck_assert_int_eq(json_integer_value(json_object_get(e, "status")), refused[_i].status);
  ck_assert(json_is_string(json_object_get(e, "message")));
  if (refused[_i].body) ck_assert_str_eq(r.body, refused[_i].body);
  json_decref(j);
  reply_free(&r);
}
END_TEST

START_TEST(bounds_methods_and_hosts) {
  /* a query of 2048 bytes is answered, one of 2049 is not */
  char path[3000];
  int n = snprintf(path, sizeof path, "/api/search?limit=0&q=");
  memset(path + n, 'a', 2048);
  path[n + 2048] = '\0';
  reply r = get(path);
  ck_assert_int_eq(r.status, 200);
  reply_free(&r);
  strcat(path, "a");
  r = get(path);
  ck_assert_int_eq(r.status, 400);
  ck_assert_str_eq(
      r.body, "{\"error\":{\"message\":\"the query is longer than 2048 bytes\",\"status\":400}}");
  reply_free(&r);
  /* at most 100 hits, whatever matches */
  r = get("/api/search?limit=100");
  ck_assert_int_eq(r.status, 200);
  json_t *j = json_of(&r);
  ck_assert_uint_eq(json_array_size(json_object_get(j, "hits")), 7);
  json_decref(j);
  reply_free(&r);
  r = request("POST", "/api/search", NULL);
  ck_assert_int_eq(r.status, 405);
  ck_assert_str_eq(header(&r, "Allow"), "GET, HEAD");
  reply_free(&r);
  /* a page elsewhere that rebinds its name to 127.0.0.1 is refused */
  r = request("GET", "/api/fields", "news.example.com");
  ck_assert_int_eq(r.status, 403);
  ck_assert_str_eq(r.body,
                   "{\"error\":{\"message\":\"the Host is not this machine\",\"status\":403}}");
  reply_free(&r);
  r = request("GET", "/api/fields", "localhost:8080");
  ck_assert_int_eq(r.status, 200);
  reply_free(&r);
}
END_TEST

/* SIGTERM and SIGINT stop a server cleanly: exit status 0, a last line. */
START_TEST(signals_stop_cleanly) {
  static const int signals[] = {SIGTERM, SIGINT};
  static const char *const lines[] = {"newsfields: SIGTERM: stopping\n",
                                      "newsfields: SIGINT: stopping\n"};
  char db[600], errfile[600];
  snprintf(db, sizeof db, "%s/db", dir);
  snprintf(errfile, sizeof errfile, "%s/stop.err", dir);
  unsigned main_port = port;
  pid_t pid;
  int fd;
  port = spawn_server(db, errfile, &pid, &fd);
  reply r = get("/api/search?q=storm&limit=1");
  ck_assert_int_eq(r.status, 200);
  reply_free(&r);
  port = main_port;
  ck_assert_int_eq(kill(pid, signals[_i]), 0);
  int status = 0;
  ck_assert_int_eq(waitpid(pid, &status, 0), pid);
  close(fd);
  ck_assert(WIFEXITED(status));
  ck_assert_int_eq(WEXITSTATUS(status), 0);
  FILE *f = fopen(errfile, "r");
  char text[512] = "";
  ck_assert_ptr_nonnull(f);
  size_t n = fread(text, 1, sizeof text - 1, f);
  text[n] = '\0';
  fclose(f);
  ck_assert_str_eq(text, lines[_i]);
}
END_TEST

/* --plugin: a schema with a plug-in's kind is served, its field listed with
 * the kind's name, its values normalised by the kind; without the plug-in
 * the schema is an error. */
START_TEST(plugin_kinds_are_served) {
  char db[600], errfile[600], cmd[1400], *out = NULL, *err = NULL;
  snprintf(db, sizeof db, "%s/db", dir);
  snprintf(errfile, sizeof errfile, "%s/vessel.err", dir);
  snprintf(cmd, sizeof cmd, "'%s' serve --schema '%s' --db '%s' --port 0", NF_TEST_COMMAND,
           VESSEL_SCHEMA, db);
  ck_assert_int_eq(nf_test_run2(cmd, &out, &err), 1);
  ck_assert_msg(nf_test_contains(err, "vessel.schema:15: unknown kind 'vessel'"), "%s", err);
  free(out);
  free(err);
  unsigned main_port = port;
  pid_t pid;
  int fd;
  port = spawn_server_with(VESSEL_SCHEMA, NF_TEST_VESSEL, db, errfile, &pid, &fd);
  reply r = get("/api/fields");
  ck_assert_int_eq(r.status, 200);
  json_t *j = json_of(&r);
  char *ship = text_of(json_array_get(json_object_get(j, "fields"), 2));
  ck_assert_str_eq(ship,
                   "{\"name\":\"vessel\",\"label\":\"Ship\",\"kind\":\"vessel\",\"facet\":true,"
                   "\"values\":\"many\",\"description\":\"Ships named, by name: MV Ever Given, "
                   "Ever Given and EVER "
                   "GIVEN are one\"}");
  free(ship);
  json_decref(j);
  reply_free(&r);
  r = get("/api/search?q=vessel%3A%22M%2FV%20Ever%20Given%22&facets=vessel");
  ck_assert_int_eq(r.status, 200);
  j = json_of(&r);
  ck_assert_int_eq(json_integer_value(json_object_get(j, "total")), 0);
  char *facets = text_of(json_object_get(j, "facets"));
  ck_assert_str_eq(facets, "{\"vessel\":[]}");
  free(facets);
  json_decref(j);
  reply_free(&r);
  r = get("/api/search?q=vessel%3A%22the%22%20AND%20vessel%3A%22%2F%2F%22");
  ck_assert_int_eq(r.status, 400);
  j = json_of(&r);
  ck_assert_str_eq(json_string_value(json_object_get(json_object_get(j, "error"), "message")),
                   "vessel:// has nothing to search for");
  json_decref(j);
  reply_free(&r);
  stop_other(main_port, pid, fd);
}
END_TEST

START_TEST(bad_options) {
  static const struct {
    const char *args;
    int status;
    const char *message;
  } rows[] = {
      {"--port 70000", 2, "--port needs a number from 0 to 65535, not '70000'"},
      {"--bind localhost --port 0", 1,
       "'localhost' is not a numeric IPv4 or IPv6 address (127.0.0.1, ::1, 0.0.0.0)"},
      {"--db /nonexistent/newsfields-db --port 0", 1, "/nonexistent/newsfields-db"},
      {"--lang klingon --port 0", 1, "klingon"},
      {"extra", 2, "unexpected argument 'extra'"},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    char cmd[1024], *out = NULL, *err = NULL;
    snprintf(cmd, sizeof cmd, "'%s' serve --schema '%s' --db '%s/db' %s", NF_TEST_COMMAND, SCHEMA,
             dir, rows[i].args);
    int rc = nf_test_run2(cmd, &out, &err);
    ck_assert_msg(rc == rows[i].status, "%s: %d %s", rows[i].args, rc, err);
    ck_assert_msg(nf_test_contains(err, rows[i].message), "%s: %s", rows[i].args, err);
    ck_assert_str_eq(out, "");
    free(out);
    free(err);
  }
}
END_TEST

/* /api/doc: the whole article, its text apart from its record. */
START_TEST(document_view) {
  reply r = get("/api/doc/fx-001");
  ck_assert_int_eq(r.status, 200);
  json_t *j = json_of(&r);
  ck_assert_str_eq(json_string_value(json_object_get(j, "id")), "fx-001");
  ck_assert_str_eq(json_string_value(json_object_get(j, "text")),
                   "VILNIUS, Dec 20 (Wire) - Defence ministers of the three Baltic states met on "
                   "Monday to discuss air defence.\n\n\"We stand together,\" Lithuanian Defence "
                   "Minister Arvydas Anušauskas said after the talks.");
  json_t *record = json_object_get(j, "record");
  ck_assert_str_eq(json_string_value(json_object_get(record, "headline")),
                   "Baltic ministers meet in Vilnius");
  ck_assert_ptr_null(json_object_get(record, "text"));
  /* spans are byte offsets into the text */
  json_is(json_array_get(json_object_get(record, "quotes"), 0),
          "{\"speaker\":\"Arvydas Anušauskas\",\"speaker_span\":[158,177],\"speaker_kind\":"
          "\"person\",\"cue\":\"said\",\"content\":\"We stand together,\",\"content_span\":[110,"
          "128]}");
  json_decref(j);
  reply_free(&r);
  /* the same by argument; an id no article has is a 404 with the headers */
  r = get("/api/doc?id=fx-001");
  ck_assert_int_eq(r.status, 200);
  reply_free(&r);
  r = get("/api/doc/fx-none");
  ck_assert_int_eq(r.status, 404);
  ck_assert_str_eq(r.body,
                   "{\"error\":{\"message\":\"no article has the id 'fx-none'\",\"status\":404}}");
  ck_assert_str_eq(header(&r, "X-Frame-Options"), "DENY");
  reply_free(&r);
  r = get("/api/doc/");
  ck_assert_int_eq(r.status, 400);
  reply_free(&r);
}
END_TEST

/* /api/export: every match streamed, CSV or JSON Lines, the columns asked
 * for, the same as `newsfields search --format`; errors before the stream
 * are JSON. */
START_TEST(export_streams_every_match) {
  reply r = request_as(
      "GET", "/api/export?q=storm+OR+byline%3Adoe&format=csv&sort=date&columns=id,date,byline",
      NULL, 1);
  ck_assert_int_eq(r.status, 200);
  ck_assert_str_eq(header(&r, "Content-Type"), "text/csv; charset=utf-8");
  ck_assert_str_eq(header(&r, "Content-Disposition"), "attachment; filename=\"newsfields.csv\"");
  ck_assert_str_eq(header(&r, "X-Frame-Options"), "DENY");
  ck_assert(nf_test_contains(header(&r, "Content-Security-Policy"), "sandbox"));
  ck_assert_str_eq(r.body,
                   "id,date,byline\r\n"
                   "fx-xss,2022-02-14,<img src=x onerror=alert(1)>\r\n"
                   "fx-004,2022-02-01,\r\n"
                   "fx-001,2021-12-20,Jane Doe; John Roe\r\n"
                   "fx-005,2021-11-15,Jane Doe\r\n");
  reply_free(&r);
  char cmd[2048], *out = NULL;
  snprintf(
      cmd, sizeof cmd,
      "'%s' search --schema '%s' --db '%s/db' --format jsonl --columns id,headline --sort date "
      "'storm OR byline:doe'",
      NF_TEST_COMMAND, SCHEMA, dir);
  ck_assert_int_eq(nf_test_run(cmd, 0, &out), 0);
  r = request_as("GET",
                 "/api/export?q=storm+OR+byline%3Adoe&format=jsonl&sort=date&columns=id,headline",
                 NULL, 1);
  ck_assert_int_eq(r.status, 200);
  ck_assert_str_eq(header(&r, "Content-Type"), "application/x-ndjson; charset=utf-8");
  ck_assert_str_eq(r.body, out);
  free(out);
  reply_free(&r);
  r = get("/api/export?q=country%3AAtlantis");
  ck_assert_int_eq(r.status, 400);
  ck_assert_str_eq(
      r.body,
      "{\"error\":{\"message\":\"country:Atlantis is not a country I know\",\"status\":400}}");
  reply_free(&r);
  r = get("/api/export?format=xml");
  ck_assert_int_eq(r.status, 400);
  reply_free(&r);
  r = get("/api/export?columns=id,%3Cb%3E");
  ck_assert_int_eq(r.status, 400);
  reply_free(&r);
}
END_TEST

/* A 6 MB article (its countries mentioned 200,000 times): a search that
 * finds it answers with a summary of its record, the lists bounded and what
 * was left out counted; /api/doc gives it whole (issue 14). */
START_TEST(large_articles) {
  char path[600], db[600], errfile[600];
  snprintf(path, sizeof path, "%s/big.jsonl", dir);
  snprintf(db, sizeof db, "%s/bigdb", dir);
  snprintf(errfile, sizeof errfile, "%s/big.err", dir);
  static const char sentence[] = "The Lithuanian government plans talks with Moscow on Monday. ";
  const size_t reps = 100000, n = (sizeof sentence - 1) * reps;
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  for (int k = 1; k <= 2; k++) {
    fprintf(f, "{\"id\":\"big-%d\",\"headline\":\"Big %d\",\"date\":\"2020-01-0%d\",\"text\":\"", k,
            k, k);
    for (size_t i = 0; i < reps; i++) fputs(sentence, f);
    fputs("\"}\n", f);
  }
  fclose(f);
  char *out = NULL;
  ck_assert_int_eq(nf_test_runf(&out, NULL, "'%s' index -q --schema '%s' --db '%s' '%s'",
                                NF_TEST_COMMAND, SCHEMA, db, path),
                   0);
  free(out);
  unsigned main_port = port;
  pid_t pid;
  int fd;
  port = spawn_server_counting(SCHEMA, NULL, db, 2, errfile, &pid, &fd);
  /* the two are near-duplicates (the same text): collapse=no shows both */
  reply r = get("/api/search?q=lithuanian&limit=100&collapse=no");
  ck_assert_msg(r.status == 200, "%d %.300s", r.status, r.body);
  ck_assert_uint_lt(r.len, 64 * 1024);
  json_t *j = json_of(&r);
  json_t *hits = json_object_get(j, "hits");
  ck_assert_uint_eq(json_array_size(hits), 2);
  json_t *hit = json_array_get(hits, 0);
  json_t *countries = json_object_get(json_object_get(hit, "fields"), "countries");
  ck_assert_uint_eq(json_array_size(countries), 2);
  ck_assert_uint_eq(json_array_size(json_object_get(json_array_get(countries, 0), "mentions")), 10);
  json_is(json_object_get(hit, "omitted"), "{\"countries.mentions\":199980}");
  json_decref(j);
  reply_free(&r);
  r = get("/api/doc/big-2");
  ck_assert_int_eq(r.status, 200);
  j = json_of(&r);
  ck_assert_uint_eq(json_string_length(json_object_get(j, "text")), n);
  json_t *mentions = json_object_get(
      json_array_get(json_object_get(json_object_get(j, "record"), "countries"), 0), "mentions");
  ck_assert_uint_eq(json_array_size(mentions), reps);
  json_decref(j);
  reply_free(&r);
  stop_other(main_port, pid, fd);
}
END_TEST

int main(void) {
  signal(SIGPIPE, SIG_IGN);
  Suite *s = suite_create("serve");
  TCase *tc = tcase_create("api");
  tcase_set_timeout(tc, 120);
  /* one server for the whole case, started before the tests fork */
  tcase_add_unchecked_fixture(tc, start_server, stop_server);
  tcase_add_test(tc, search_hits_facets_histogram);
  tcase_add_test(tc, default_facets_and_fields);
  tcase_add_test(tc, data_is_escaped_as_json_never_as_html);
  tcase_add_loop_test(tc, refused_requests, 0, (int)(sizeof refused / sizeof refused[0]));
  tcase_add_test(tc, bounds_methods_and_hosts);
  tcase_add_loop_test(tc, signals_stop_cleanly, 0, 2);
  tcase_add_test(tc, bad_options);
  tcase_add_test(tc, plugin_kinds_are_served);
  tcase_add_test(tc, document_view);
  tcase_add_test(tc, large_articles);
  tcase_add_test(tc, export_streams_every_match);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
