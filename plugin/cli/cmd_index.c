/* newsfields index: articles in, a Xapian database out. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "newsfields/analyzer.h"
#include "newsfields/index.h"
#include "newsfields/input.h"

static const char usage[] =
    "Usage: newsfields index [OPTIONS] INPUT...\n"
    "\n"
    "Index articles into a Xapian database (created if missing).  INPUT is a\n"
    "JSON Lines file (one article per line: \"id\" and \"text\" required;\n"
    "\"headline\", \"date\", \"url\", \"author\", \"source\" optional), a .txt file\n"
    "(first non-empty line: the headline; the path is the id), a directory\n"
    "(walked in name order), or - for JSON Lines on standard input.  An article\n"
    "whose id is already indexed is replaced.\n"
    "\n"
    "Options:\n"
    "  -d, --db DIR        the database (default: " NF_DEFAULT_DB
    ")\n"
    "  -s, --schema FILE   the field schema (default: the installed one)\n"
    "  -p, --plugin FILE   load this plug-in: its analyzers run, its field kinds\n"
    "                      serve the schema (repeatable)\n"
    "  -l, --lang LANG     Snowball stemmer for free text (default: the schema's)\n"
    "  -b, --batch N       articles per commit (default: the schema's)\n"
    "  -j, --jobs N        N >= 2: N threads, each analysing and writing one shard\n"
    "                      (a Xapian database) of the index, DIR holding them\n"
    "                      and the stub that opens them as one; an article goes\n"
    "                      to the shard its id hashes to.  An existing index\n"
    "                      keeps its number of shards.  1 (the default): one\n"
    "                      database\n"
    "      --threads N     with one database, 1: analyse and write in one\n"
    "                      thread; 2: analyse in a thread of its own (default:\n"
    "                      2 on two cores or more)\n"
    "      --compact       compact the index at the end (shards are merged into\n"
    "                      one database): see 'newsfields compact --help'\n"
    "      --skip-bad      skip bad articles and unreadable files (counted and\n"
    "                      reported) instead of stopping\n" NF_CLI_LIMIT_HELP
    "  -q, --quiet         no progress and no summary\n"
    "  -h, --help          this help\n"
    "\n"
    "Exit status: 0 when every article was indexed (or skipped with --skip-bad),\n"
    "1 when an article or the database failed (what was indexed before is\n"
    "committed), 2 for a usage error.\n";

typedef struct index_opts {
  const char *db, *schema, *lang;
  nf_cli_plugins plugins;
  unsigned batch;
  int skip_bad, quiet;
  unsigned threads, jobs;
  int compact;
  nf_limits limits;
} index_opts;

typedef struct progress {
  int on_terminal;
  double start, last_shown;
} progress;

static void show_progress(progress *p, unsigned long articles, unsigned long long bytes,
                          int final) {
  if (!p->on_terminal) return;
  double now = nf_cli_now();
  if (!final && now - p->last_shown < 0.25) return;
  p->last_shown = now;
  double mb = (double)bytes / 1e6, secs = now - p->start;
  fprintf(stderr, "\r%lu articles  %.1f MB  %.2f MB/s ", articles, mb, secs > 0 ? mb / secs : 0.0);
  if (final) fputc('\n', stderr);
}

static int parse_options(int argc, char **argv, index_opts *o) {
  static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
                                           {"schema", required_argument, NULL, 's'},
                                           {"plugin", required_argument, NULL, 'p'},
                                           {"lang", required_argument, NULL, 'l'},
                                           {"batch", required_argument, NULL, 'b'},
                                           {"skip-bad", no_argument, NULL, 'K'},
                                           {"quiet", no_argument, NULL, 'q'},
                                           {"threads", required_argument, NULL, 'T'},
                                           {"jobs", required_argument, NULL, 'j'},
                                           {"compact", no_argument, NULL, 'C'},
                                           {"help", no_argument, NULL, 'h'},
                                           NF_CLI_LIMIT_OPTIONS,
                                           {NULL, 0, NULL, 0}};
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "d:s:p:l:b:j:qh", longopts, NULL)) != -1) {
    switch (c) {
      case 'd':
        o->db = optarg;
        break;
      case 's':
        o->schema = optarg;
        break;
      case 'p':
        if (nf_cli_add_plugin("index", &o->plugins, optarg)) return NF_EXIT_USAGE;
        break;
      case 'l':
        o->lang = optarg;
        break;
      case 'b':
        if (!nf_cli_parse_unsigned(optarg, 10000000u, &o->batch) || o->batch == 0)
          return nf_cli_usage_error("index", "--batch needs a number from 1 up, not '%s'", optarg);
        break;
      case 'T':
        if (!nf_cli_parse_unsigned(optarg, 2, &o->threads) || o->threads == 0)
          return nf_cli_usage_error("index", "--threads is 1 or 2, not '%s'", optarg);
        break;
      case 'j':
        if (!nf_cli_parse_unsigned(optarg, 64, &o->jobs) || o->jobs == 0)
          return nf_cli_usage_error("index", "--jobs is a number from 1 to 64, not '%s'", optarg);
        break;
      case 'C':
        o->compact = 1;
        break;
      case 'K':
        o->skip_bad = 1;
        break;
      case 'q':
        o->quiet = 1;
        break;
      case 'h':
        fputs(usage, stdout);
        return -1;
      case NF_CLI_OPT_LIMIT:
      case NF_CLI_OPT_LIMIT + 1:
      case NF_CLI_OPT_LIMIT + 2:
      case NF_CLI_OPT_LIMIT + 3:
        if (nf_cli_limit_option("index", c, optarg, &o->limits)) return NF_EXIT_USAGE;
        break;
      default:
        return nf_cli_usage_error("index", "bad option");
    }
  }
  if (optind == argc) return nf_cli_usage_error("index", "no INPUT given");
  return NF_EXIT_OK;
}

/* A bad article (or, from the input, an unreadable file): with --skip-bad
 * report it and go on (0), else report and stop (1).  Any other error
 * stops. */
static int bad_input(nf_status s, int from_input, const nf_error *err, const index_opts *o,
                     progress *prog, unsigned long *skipped) {
  if (prog->on_terminal) fputc('\n', stderr);
  int skippable = s == NF_ERR_PARSE || s == NF_ERR_LIMIT || (from_input && s == NF_ERR_IO);
  if (skippable && o->skip_bad) {
    nf_cli_report("skipped", err);
    (*skipped)++;
    return 0;
  }
  nf_cli_error(err);
  if (skippable) fprintf(stderr, "newsfields: use --skip-bad to skip bad articles\n");
  return 1;
}

static int bad_article(nf_status s, const nf_error *err, const index_opts *o, progress *prog,
                       unsigned long *skipped) {
  return bad_input(s, 0, err, o, prog, skipped);
}

/* Write what the analysis thread still holds, reporting bad articles. */
static int flush_all(nf_indexer *ix, const index_opts *o, progress *prog, unsigned long *skipped) {
  nf_error err;
  for (;;) {
    nf_error_clear(&err);
    nf_status s = nf_indexer_flush(ix, &err);
    if (s == NF_OK) return 0;
    if (bad_article(s, &err, o, prog, skipped)) return 1;
  }
}

/* Indexes every article; returns the exit status. */
static int index_all(nf_indexer *ix, nf_input *in, const index_opts *o, unsigned long *skipped) {
  progress prog = {!o->quiet && isatty(STDERR_FILENO), nf_cli_now(), 0};
  nf_error err;
  for (;;) {
    const nf_article *a;
    nf_error_clear(&err);
    nf_status s = nf_input_next(in, &a, &err);
    if (s == NF_OK && !a) break;
    int from_input = s != NF_OK;
    if (s == NF_OK) {
      s = nf_indexer_add(ix, a, &err);
      if (s == NF_ERR_PARSE || s == NF_ERR_LIMIT) nf_cli_locate(&err, a);
    } else {
      /* a bad line: the articles before it come first, in order */
      nf_error input_err = err;
      if (flush_all(ix, o, &prog, skipped)) return NF_EXIT_FAILURE;
      err = input_err;
    }
    if (s != NF_OK && bad_input(s, from_input, &err, o, &prog, skipped)) {
      show_progress(&prog, nf_indexer_added(ix), nf_input_bytes(in), 1);
      return NF_EXIT_FAILURE;
    }
    show_progress(&prog, nf_indexer_added(ix), nf_input_bytes(in), 0);
  }
  int failed = flush_all(ix, o, &prog, skipped);
  show_progress(&prog, nf_indexer_added(ix), nf_input_bytes(in), 1);
  return failed ? NF_EXIT_FAILURE : NF_EXIT_OK;
}

int nf_cmd_index(int argc, char **argv) {
  index_opts o;
  memset(&o, 0, sizeof o);
  o.db = NF_DEFAULT_DB;
  int rc = parse_options(argc, argv, &o);
  if (rc) return rc < 0 ? NF_EXIT_OK : rc;
  nf_error err;
  nf_error_clear(&err);
  nf_registry *reg = NULL;
  nf_schema *schema = NULL;
  nf_pipeline *pipeline = NULL;
  nf_indexer *ix = NULL;
  nf_input *in = NULL;
  double start = nf_cli_now();
  /* one registry: the plug-ins' analyzers run, their kinds serve the schema */
  nf_status s = nf_cli_load_schema(o.schema, &o.plugins, &reg, &schema, &err);
  nf_analyzer_env env = {schema ? nf_schema_dir(schema) : NULL, reg};
  if (s == NF_OK) s = nf_pipeline_new(reg, &env, &pipeline, &err);
  nf_index_options io = {o.lang, o.batch, pipeline, o.threads, o.jobs};
  if (s == NF_OK)
    s = nf_input_open((const char *const *)argv + optind, (size_t)(argc - optind), &in, &err);
  if (s == NF_OK) nf_cli_apply_limits(schema, &o.limits, in);
  if (s == NF_OK) s = nf_indexer_open(o.db, schema, &io, &ix, &err);
  if (s != NF_OK) {
    nf_cli_error(&err);
    rc = NF_EXIT_FAILURE;
  }
  unsigned long skipped = 0;
  if (s == NF_OK) rc = index_all(ix, in, &o, &skipped);
  /* What was indexed before a failure is committed all the same (unless a
   * commit failed: the error said what the database keeps). */
  if (ix && !nf_indexer_broken(ix) && nf_indexer_commit(ix, &err) != NF_OK) {
    nf_cli_error(&err);
    rc = NF_EXIT_FAILURE;
  }
  unsigned long docs = 0;
  if (ix && !o.quiet && nf_indexer_broken(ix)) {
    printf(
        "committed %lu articles (%lu skipped) before the database failed; %s has what was "
        "committed before\n",
        nf_indexer_committed(ix), skipped, o.db);
  } else if (ix && !o.quiet && nf_indexer_doccount(ix, &docs, &err) == NF_OK) {
    double secs = nf_cli_now() - start, mb = (double)nf_input_bytes(in) / 1e6;
    printf(
        "indexed %lu articles (%lu skipped), %.2f MB in %.2f s (%.2f MB/s); %s has %lu "
        "documents\n",
        nf_indexer_added(ix), skipped, mb, secs, secs > 0 ? mb / secs : 0.0, o.db, docs);
    if (nf_input_skipped(in))
      printf("passed over %lu web archive records that are no HTML page\n", nf_input_skipped(in));
  }
  int compact = ix && rc == NF_EXIT_OK && o.compact;
  nf_indexer_free(ix); /* the lock goes with it */
  if (compact && nf_cli_compact(o.db, NULL, o.quiet) != NF_OK) rc = NF_EXIT_FAILURE;
  nf_input_free(in);
  nf_pipeline_free(pipeline);
  nf_schema_free(schema);
  nf_registry_free(reg);
  return rc;
}
