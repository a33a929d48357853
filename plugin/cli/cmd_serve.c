/* newsfields serve: the search page and its JSON API over HTTP. */
#include <getopt.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "newsfields/search.h"
#include "serve/server.h"

#define NF_MAX_DBS 64
#define NF_DEFAULT_PORT 8080
#define NF_DEFAULT_BIND "127.0.0.1"

static const char usage[] =
    "Usage: newsfields serve [OPTIONS]\n"
    "\n"
    "Serve the search page (a query box with the field syntax, facets to click,\n"
    "hits with snippets and what was extracted, matches by month) and its JSON\n"
    "API, /api/search?q=...&facets=...&offset=...&limit=...&sort=..., which\n"
    "answers with the JSON of 'newsfields search --json'.  Stops on Ctrl-C\n"
    "(SIGINT) or SIGTERM.\n"
    "\n"
    "Options:\n"
    "  -d, --db DIR        the database (default: " NF_DEFAULT_DB
    "); repeat it to\n"
    "                      search several databases as one\n"
    "  -s, --schema FILE   the field schema (default: the installed one)\n"
    "      --plugin FILE   load this plug-in, for the field kinds the schema\n"
    "                      names (repeatable)\n"
    "  -p, --port N        the port (default: 8080; 0: any free port)\n"
    "  -b, --bind ADDR     the address to listen on (default: " NF_DEFAULT_BIND
    ", this\n"
    "                      machine only; 0.0.0.0 or :: for every interface)\n"
    "  -l, --lang LANG     Snowball stemmer (default: the database's)\n"
    "  -h, --help          this help\n"
    "\n"
    "Limits (0 turns the cost limits off):\n"
    "      --threads N           threads answering requests (default: the cores,\n"
    "                            at least 4)\n"
    "      --max-connections N   connections open at once (default: 512)\n"
    "      --max-per-address N   connections open at once from one client address\n"
    "                            (default: 32)\n"
    "      --timeout S           seconds a connection may stay silent (default: 10)\n"
    "      --max-query-terms N   terms in a query, filters included (default: 64)\n"
    "      --max-query-phrases N phrases in a query (default: 8)\n"
    "      --query-timeout S     seconds a search may run, fractions allowed\n"
    "                            (default: 5)\n"
    "\n"
    "It prints the address it serves at, then one line when it stops.\n";

typedef struct serve_opts {
  const char *dbs[NF_MAX_DBS];
  size_t ndbs;
  const char *schema, *lang, *bind;
  unsigned port;
  nf_server_options server;
  nf_search_limits limits;
  nf_cli_plugins plugins;
} serve_opts;

/* Seconds, a decimal number from 0 to 3600 ("0.5", "2"); 0 if it is not one. */
static int parse_seconds(const char *s, double *out) {
  if (!s || *s < '0' || *s > '9') return 0;
  char *end;
  double v = strtod(s, &end);
  if (*end || !isfinite(v) || v < 0 || v > 3600) return 0;
  *out = v;
  return 1;
}

static int parse_options(int argc, char **argv, serve_opts *o) {
  enum {
    OPT_PLUGIN = 256,
    OPT_THREADS,
    OPT_MAX_CONNECTIONS,
    OPT_MAX_PER_ADDRESS,
    OPT_TIMEOUT,
    OPT_MAX_TERMS,
    OPT_MAX_PHRASES,
    OPT_QUERY_TIMEOUT
  };
  static const struct option longopts[] = {
      {"db", required_argument, NULL, 'd'},
      {"schema", required_argument, NULL, 's'},
      {"plugin", required_argument, NULL, OPT_PLUGIN},
      {"port", required_argument, NULL, 'p'},
      {"bind", required_argument, NULL, 'b'},
      {"lang", required_argument, NULL, 'l'},
      {"threads", required_argument, NULL, OPT_THREADS},
      {"max-connections", required_argument, NULL, OPT_MAX_CONNECTIONS},
      {"max-per-address", required_argument, NULL, OPT_MAX_PER_ADDRESS},
      {"timeout", required_argument, NULL, OPT_TIMEOUT},
      {"max-query-terms", required_argument, NULL, OPT_MAX_TERMS},
      {"max-query-phrases", required_argument, NULL, OPT_MAX_PHRASES},
      {"query-timeout", required_argument, NULL, OPT_QUERY_TIMEOUT},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "d:s:p:b:l:h", longopts, NULL)) != -1) {
    switch (c) {
      case 'd':
        if (o->ndbs == NF_MAX_DBS) return nf_cli_usage_error("serve", "too many --db");
        o->dbs[o->ndbs++] = optarg;
        break;
      case 's':
        o->schema = optarg;
        break;
      case OPT_PLUGIN:
        if (nf_cli_add_plugin("serve", &o->plugins, optarg)) return NF_EXIT_USAGE;
        break;
      case 'p':
        if (!nf_cli_parse_unsigned(optarg, 65535u, &o->port))
          return nf_cli_usage_error("serve", "--port needs a number from 0 to 65535, not '%s'",
                                    optarg);
        break;
      case 'b':
        o->bind = optarg;
        break;
      case 'l':
        o->lang = optarg;
        break;
      case OPT_THREADS:
        if (!nf_cli_parse_unsigned(optarg, NF_SERVE_MAX_THREADS, &o->server.threads) ||
            !o->server.threads)
          return nf_cli_usage_error("serve", "--threads needs a number from 1 to %d, not '%s'",
                                    NF_SERVE_MAX_THREADS, optarg);
        break;
      case OPT_MAX_CONNECTIONS:
        if (!nf_cli_parse_unsigned(optarg, 100000u, &o->server.max_connections) ||
            !o->server.max_connections)
          return nf_cli_usage_error(
              "serve", "--max-connections needs a number from 1 to 100000, not '%s'", optarg);
        break;
      case OPT_MAX_PER_ADDRESS:
        if (!nf_cli_parse_unsigned(optarg, 100000u, &o->server.max_per_address) ||
            !o->server.max_per_address)
          return nf_cli_usage_error(
              "serve", "--max-per-address needs a number from 1 to 100000, not '%s'", optarg);
        break;
      case OPT_TIMEOUT:
        if (!nf_cli_parse_unsigned(optarg, 3600u, &o->server.timeout) || !o->server.timeout)
          return nf_cli_usage_error("serve", "--timeout needs seconds from 1 to 3600, not '%s'",
                                    optarg);
        break;
      case OPT_MAX_TERMS:
        if (!nf_cli_parse_unsigned(optarg, 100000u, &o->limits.max_terms))
          return nf_cli_usage_error(
              "serve", "--max-query-terms needs a number from 0 to 100000, not '%s'", optarg);
        break;
      case OPT_MAX_PHRASES:
        if (!nf_cli_parse_unsigned(optarg, 100000u, &o->limits.max_phrases))
          return nf_cli_usage_error(
              "serve", "--max-query-phrases needs a number from 0 to 100000, not '%s'", optarg);
        break;
      case OPT_QUERY_TIMEOUT:
        if (!parse_seconds(optarg, &o->limits.time_limit))
          return nf_cli_usage_error(
              "serve", "--query-timeout needs seconds from 0 to 3600 (0.5, 2), not '%s'", optarg);
        break;
      case 'h':
        fputs(usage, stdout);
        return -1;
      default:
        return nf_cli_usage_error("serve", "bad option");
    }
  }
  if (optind < argc) return nf_cli_usage_error("serve", "unexpected argument '%s'", argv[optind]);
  if (o->server.max_connections && o->server.threads &&
      o->server.max_connections < o->server.threads)
    return nf_cli_usage_error("serve", "--max-connections must be at least --threads");
  if (o->ndbs == 0) o->dbs[o->ndbs++] = NF_DEFAULT_DB;
  return NF_EXIT_OK;
}

/* One searcher for each thread of the server: a Xapian database handle is
 * never used by two threads at once. */
static nf_status open_searchers(const serve_opts *o, const nf_schema *schema, nf_searcher **out,
                                unsigned n, nf_error *err) {
  for (unsigned i = 0; i < n; i++) {
    nf_status s = nf_searcher_open(o->dbs, o->ndbs, schema, o->lang, &out[i], err);
    if (s != NF_OK) return s;
  }
  return NF_OK;
}

int nf_cmd_serve(int argc, char **argv) {
  serve_opts o;
  memset(&o, 0, sizeof o);
  o.bind = NF_DEFAULT_BIND;
  o.port = NF_DEFAULT_PORT;
  o.limits.max_terms = NF_API_DEFAULT_MAX_TERMS;
  o.limits.max_phrases = NF_API_DEFAULT_MAX_PHRASES;
  o.limits.time_limit = NF_API_DEFAULT_TIME_LIMIT;
  int rc = parse_options(argc, argv, &o);
  if (rc) return rc < 0 ? NF_EXIT_OK : rc;

  /* SIGINT and SIGTERM are blocked in every thread (the server's threads
   * inherit the mask) and taken here by sigwait: a clean stop, no handler. */
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, NULL);

  nf_error err;
  nf_error_clear(&err);
  nf_registry *reg = NULL;
  nf_schema *schema = NULL;
  unsigned threads = nf_server_threads(&o.server);
  nf_searcher **searchers = calloc(threads, sizeof *searchers);
  nf_api *api = NULL;
  nf_server *server = NULL;
  unsigned long docs = 0;
  nf_status s = searchers ? NF_OK : nf_error_set(&err, NF_ERR_NOMEM, "out of memory");
  if (s == NF_OK) s = nf_cli_load_schema(o.schema, &o.plugins, &reg, &schema, &err);
  if (s == NF_OK) s = open_searchers(&o, schema, searchers, threads, &err);
  if (s == NF_OK) s = nf_searcher_doccount(searchers[0], &docs, &err);
  if (s == NF_OK) s = nf_api_new(searchers, threads, schema, &o.limits, &api, &err);
  o.server.threads = threads;
  if (s == NF_OK) s = nf_server_start(api, o.bind, o.port, &o.server, &server, &err);
  if (s == NF_OK) {
    int v6 = strchr(o.bind, ':') != NULL;
    printf("newsfields: serving %lu articles at http://%s%s%s:%u/ (Ctrl-C to stop)\n", docs,
           v6 ? "[" : "", o.bind, v6 ? "]" : "", nf_server_port(server));
    fflush(stdout);
    int sig = 0;
    sigwait(&stop, &sig);
    fprintf(stderr, "newsfields: %s: stopping\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
  } else {
    nf_cli_error(&err);
    rc = NF_EXIT_FAILURE;
  }
  nf_server_free(server); /* waits for the requests in progress */
  nf_api_free(api);
  for (unsigned i = 0; searchers && i < threads; i++) nf_searcher_free(searchers[i]);
  free(searchers);
  nf_schema_free(schema);
  nf_registry_free(reg);
  return rc;
}
