/* newsfields compact: a database made smaller, or shards merged into one. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "newsfields/index.h"

static const char usage[] =
    "Usage: newsfields compact [OPTIONS]\n"
    "\n"
    "Compact an index with Xapian's compactor: one database, or the shards of\n"
    "'index -j N' merged into one database.  In place unless --output is given:\n"
    "writers are locked out meanwhile, and the index is then one database\n"
    "(index into it with -j 1).  A compacted index is about half the size and\n"
    "faster to search; compact after a large run, not after each small one.\n"
    "\n"
    "Options:\n"
    "  -d, --db DIR        the index (default: " NF_DEFAULT_DB
    ")\n"
    "  -o, --output DIR    write the compacted database there (a new path) and\n"
    "                      leave the index as it is\n"
    "  -q, --quiet         no progress\n"
    "  -h, --help          this help\n"
    "\n"
    "Exit status: 0 when compacted, 1 when it failed (the index is unchanged),\n"
    "2 for a usage error.\n";

typedef struct compact_progress {
  const char *db;
  double start;
} compact_progress;

static void show(void *ctx, const char *table, const char *status) {
  const compact_progress *p = ctx;
  if (!*status || strcmp(status, "doesn't exist") == 0) return;
  fprintf(stderr, "newsfields: compact %s: %s: %s (%.1f s)\n", p->db, table, status,
          nf_cli_now() - p->start);
}

nf_status nf_cli_compact(const char *db, const char *output, int quiet) {
  compact_progress p = {db, nf_cli_now()};
  nf_error err;
  nf_error_clear(&err);
  nf_status s = nf_index_compact(db, output, quiet ? NULL : show, &p, &err);
  if (s != NF_OK) nf_cli_error(&err);
  return s;
}

int nf_cmd_compact(int argc, char **argv) {
  static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
                                           {"output", required_argument, NULL, 'o'},
                                           {"quiet", no_argument, NULL, 'q'},
                                           {"help", no_argument, NULL, 'h'},
                                           {NULL, 0, NULL, 0}};
  const char *db = NF_DEFAULT_DB, *output = NULL;
  int quiet = 0, c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "d:o:qh", longopts, NULL)) != -1) {
    switch (c) {
      case 'd':
        db = optarg;
        break;
      case 'o':
        output = optarg;
        break;
      case 'q':
        quiet = 1;
        break;
      case 'h':
        fputs(usage, stdout);
        return NF_EXIT_OK;
      default:
        return nf_cli_usage_error("compact", "bad option");
    }
  }
  if (optind != argc) return nf_cli_usage_error("compact", "no arguments besides the options");
  return nf_cli_compact(db, output, quiet) == NF_OK ? NF_EXIT_OK : NF_EXIT_FAILURE;
}
