/* newsfields extract: articles in, one JSON record per article out. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "newsfields/analyzer.h"
#include "newsfields/input.h"
#include "newsfields/record.h"

static const char usage[] =
    "Usage: newsfields extract [OPTIONS] INPUT...\n"
    "\n"
    "Run the analyzers over articles (the inputs of 'newsfields index') and\n"
    "print what they find: one JSON object per article, in input order, on\n"
    "standard output.\n"
    "\n"
    "Options:\n"
    "  -s, --schema FILE   the field schema; its directory holds the gazetteers\n"
    "  -p, --plugin FILE   load this plug-in: its analyzers run, its field kinds\n"
    "                      serve the schema (repeatable)\n"
    "      --pretty        indented JSON\n"
    "      --text          include the article's text\n"
    "      --skip-bad      skip bad articles and unreadable files (reported)\n"
    "                      instead of stopping\n" NF_CLI_LIMIT_HELP
    "  -h, --help          this help\n";

typedef struct extract_opts {
  const char *schema;
  nf_cli_plugins plugins;
  unsigned json_flags;
  int skip_bad;
  nf_limits limits;
} extract_opts;

static int parse_options(int argc, char **argv, extract_opts *o) {
  enum { OPT_PRETTY = 256, OPT_TEXT, OPT_SKIP_BAD };
  static const struct option longopts[] = {{"schema", required_argument, NULL, 's'},
                                           {"plugin", required_argument, NULL, 'p'},
                                           {"pretty", no_argument, NULL, OPT_PRETTY},
                                           {"text", no_argument, NULL, OPT_TEXT},
                                           {"skip-bad", no_argument, NULL, OPT_SKIP_BAD},
                                           {"help", no_argument, NULL, 'h'},
                                           NF_CLI_LIMIT_OPTIONS,
                                           {NULL, 0, NULL, 0}};
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "s:p:h", longopts, NULL)) != -1) {
    switch (c) {
      case 's':
        o->schema = optarg;
        break;
      case 'p':
        if (nf_cli_add_plugin("extract", &o->plugins, optarg)) return NF_EXIT_USAGE;
        break;
      case OPT_PRETTY:
        o->json_flags |= NF_RECORD_JSON_PRETTY;
        break;
      case OPT_TEXT:
        o->json_flags |= NF_RECORD_JSON_TEXT;
        break;
      case OPT_SKIP_BAD:
        o->skip_bad = 1;
        break;
      case 'h':
        fputs(usage, stdout);
        return -1;
      case NF_CLI_OPT_LIMIT:
      case NF_CLI_OPT_LIMIT + 1:
      case NF_CLI_OPT_LIMIT + 2:
      case NF_CLI_OPT_LIMIT + 3:
        if (nf_cli_limit_option("extract", c, optarg, &o->limits)) return NF_EXIT_USAGE;
        break;
      default:
        return nf_cli_usage_error("extract", "bad option");
    }
  }
  if (optind == argc) return nf_cli_usage_error("extract", "no INPUT given");
  return NF_EXIT_OK;
}

static int extract_all(nf_input *in, const nf_pipeline *p, const nf_schema *schema,
                       const extract_opts *o) {
  nf_record *rec = NULL;
  nf_analysis *an = NULL;
  nf_error err;
  nf_error_clear(&err);
  if (nf_record_new(&rec) != NF_OK || nf_analysis_new(&an) != NF_OK) {
    nf_record_free(rec);
    nf_error_set(&err, NF_ERR_NOMEM, "out of memory");
    nf_cli_error(&err);
    return NF_EXIT_FAILURE;
  }
  int rc = NF_EXIT_OK;
  for (;;) {
    const nf_article *a;
    nf_error_clear(&err);
    nf_status s = nf_input_next(in, &a, &err);
    if (s == NF_OK && !a) break;
    int from_input = s != NF_OK;
    if (s == NF_OK) s = nf_record_extract(rec, p, an, a, &err);
    char *json = NULL;
    if (s == NF_OK) s = nf_record_check_limits(rec, schema, NULL, &err);
    if (s == NF_OK) s = nf_record_to_json(rec, o->json_flags, &json, &err);
    if (s == NF_OK && (s = nf_record_check_limits(rec, schema, json, &err)) != NF_OK) free(json);
    if (s == NF_OK) {
      nf_cli_put_json(stdout, json); /* C1 and bidi controls as \u escapes */
      fputc('\n', stdout);
      free(json);
      continue;
    }
    if (a) nf_cli_locate(&err, a);
    if ((s == NF_ERR_PARSE || s == NF_ERR_LIMIT || (from_input && s == NF_ERR_IO)) && o->skip_bad) {
      nf_cli_report("skipped", &err);
      continue;
    }
    nf_cli_error(&err);
    rc = NF_EXIT_FAILURE;
    break;
  }
  nf_analysis_free(an);
  nf_record_free(rec);
  return rc;
}

int nf_cmd_extract(int argc, char **argv) {
  extract_opts o;
  memset(&o, 0, sizeof o);
  int rc = parse_options(argc, argv, &o);
  if (rc) return rc < 0 ? NF_EXIT_OK : rc;
  nf_error err;
  nf_error_clear(&err);
  nf_schema *schema = NULL;
  nf_registry *reg = NULL;
  nf_pipeline *pipeline = NULL;
  nf_input *in = NULL;
  nf_status s = nf_cli_load_schema(o.schema, &o.plugins, &reg, &schema, &err);
  nf_analyzer_env env = {schema ? nf_schema_dir(schema) : NULL, reg};
  if (s == NF_OK) s = nf_pipeline_new(reg, &env, &pipeline, &err);
  if (s == NF_OK)
    s = nf_input_open((const char *const *)argv + optind, (size_t)(argc - optind), &in, &err);
  if (s == NF_OK) nf_cli_apply_limits(schema, &o.limits, in);
  if (s != NF_OK) {
    nf_cli_error(&err);
    rc = NF_EXIT_FAILURE;
  } else {
    rc = extract_all(in, pipeline, schema, &o);
    if (nf_input_skipped(in))
      fprintf(stderr, "newsfields: passed over %lu web archive records that are no HTML page\n",
              nf_input_skipped(in));
  }
  nf_input_free(in);
  nf_pipeline_free(pipeline);
  nf_schema_free(schema);
  nf_registry_free(reg);
  return rc;
}
