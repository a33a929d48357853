/* newsfields serve: the search page and its JSON API over HTTP. */
#include <getopt.h>
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
    "It prints the address it serves at, then one line when it stops.\n";

typedef struct serve_opts {
  const char *dbs[NF_MAX_DBS];
  size_t ndbs;
  const char *schema, *lang, *bind;
  unsigned port;
  nf_cli_plugins plugins;
} serve_opts;

static int parse_options(int argc, char **argv, serve_opts *o) {
  enum { OPT_PLUGIN = 256 };
  static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
                                           {"schema", required_argument, NULL, 's'},
                                           {"plugin", required_argument, NULL, OPT_PLUGIN},
                                           {"port", required_argument, NULL, 'p'},
                                           {"bind", required_argument, NULL, 'b'},
                                           {"lang", required_argument, NULL, 'l'},
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
      case 'h':
        fputs(usage, stdout);
        return -1;
      default:
        return nf_cli_usage_error("serve", "bad option");
    }
  }
  if (optind < argc) return nf_cli_usage_error("serve", "unexpected argument '%s'", argv[optind]);
  if (o->ndbs == 0) o->dbs[o->ndbs++] = NF_DEFAULT_DB;
  return NF_EXIT_OK;
}

int nf_cmd_serve(int argc, char **argv) {
  serve_opts o;
  memset(&o, 0, sizeof o);
  o.bind = NF_DEFAULT_BIND;
  o.port = NF_DEFAULT_PORT;
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
  nf_searcher *searcher = NULL;
  nf_api *api = NULL;
  nf_server *server = NULL;
  unsigned long docs = 0;
  nf_status s = nf_cli_load_schema(o.schema, &o.plugins, &reg, &schema, &err);
  if (s == NF_OK) s = nf_searcher_open(o.dbs, o.ndbs, schema, o.lang, &searcher, &err);
  if (s == NF_OK) s = nf_searcher_doccount(searcher, &docs, &err);
  if (s == NF_OK) s = nf_api_new(searcher, schema, &api, &err);
  if (s == NF_OK) s = nf_server_start(api, o.bind, o.port, &server, &err);
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
  nf_server_free(server); /* waits for the request in progress */
  nf_api_free(api);
  nf_searcher_free(searcher);
  nf_schema_free(schema);
  nf_registry_free(reg);
  return rc;
}
