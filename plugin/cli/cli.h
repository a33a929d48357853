/* The newsfields command: shared helpers of its subcommands. */
#ifndef NF_CLI_H
#define NF_CLI_H

#include <stdio.h>
#include <string.h>

#include "newsfields/article.h"
#include "newsfields/input.h"
#include "newsfields/limits.h"
#include "newsfields/registry.h"
#include "newsfields/schema.h"
#include "newsfields/status.h"

/* Exit statuses of the command. */
enum { NF_EXIT_OK = 0, NF_EXIT_FAILURE = 1, NF_EXIT_USAGE = 2 };

#define NF_DEFAULT_DB "newsfields.db"
#define NF_CLI_MAX_PLUGINS 16

int nf_cmd_extract(int argc, char **argv);
int nf_cmd_index(int argc, char **argv);
int nf_cmd_search(int argc, char **argv);
int nf_cmd_serve(int argc, char **argv);
int nf_cmd_compact(int argc, char **argv);

/* Compact the index at db (into output, or in place when NULL) with
 * progress on standard error unless quiet; an error is reported. */
nf_status nf_cli_compact(const char *db, const char *output, int quiet);

/* Text from the input on a terminal or in a message: C0 and C1 controls,
 * DEL, bytes that are not UTF-8 and the bidirectional controls are shown as
 * escapes (\x1b, \n, \xff, \u009b, \u202e), never passed on; with flatten,
 * tab, newline and carriage return become spaces instead. */
void nf_cli_put_text(FILE *f, const char *p, size_t n, int flatten);
void nf_cli_put(FILE *f, const char *s, int flatten);
/* JSON text with the C1 and bidirectional controls in its strings written
 * as \u escapes (JSON already escapes C0): the same JSON, inert on a
 * terminal. */
void nf_cli_put_json(FILE *f, const char *json);

/* "newsfields: where: message" on standard error, escaped (nf_cli_put). */
void nf_cli_error(const nf_error *err);
/* The same with what it led to first: "newsfields: skipped: where: message". */
void nf_cli_report(const char *what, const nf_error *err);
/* With on, nf_cli_error, nf_cli_report and nf_cli_usage_error also print
 * the error on standard output as the HTTP API's JSON, {"error": {"message":
 * "...", "status": N}} (400 for a usage error or a bad query; see
 * nf_api_status_of): for --json. */
void nf_cli_json_errors(int on);
/* A usage error: the message (escaped), then a hint to --help. */
int nf_cli_usage_error(const char *command, const char *fmt, ...) NF_PRINTF(2, 3);

/* Name the article's file and line in err, when it does not say where yet. */
void nf_cli_locate(nf_error *err, const nf_article *a);

/* The plug-ins of --plugin, in order. */
typedef struct nf_cli_plugins {
  const char *paths[NF_CLI_MAX_PLUGINS];
  size_t n;
} nf_cli_plugins;

/* Adds a --plugin; a usage error (its exit status) when there are too many. */
int nf_cli_add_plugin(const char *command, nf_cli_plugins *p, const char *path);

/* One registry with the built-ins and the plug-ins, then the schema named by
 * --schema (or the default one) with its kinds resolved in it: the schema's
 * kinds may come from the plug-ins.  Free the schema, then the registry
 * (both NULL on failure). */
nf_status nf_cli_load_schema(const char *path, const nf_cli_plugins *plugins, nf_registry **reg,
                             nf_schema **out, nf_error *err);

/* The limit options of index and extract (--max-line-bytes,
 * --max-article-bytes, --max-record-bytes, --max-quotes): their getopt
 * codes, from NF_CLI_OPT_LIMIT up, one per nf_limit. */
#define NF_CLI_OPT_LIMIT 512
#define NF_CLI_LIMIT_OPTIONS                                                 \
  {"max-line-bytes", required_argument, NULL, NF_CLI_OPT_LIMIT},             \
      {"max-article-bytes", required_argument, NULL, NF_CLI_OPT_LIMIT + 1},  \
      {"max-record-bytes", required_argument, NULL, NF_CLI_OPT_LIMIT + 2}, { \
    "max-quotes", required_argument, NULL, NF_CLI_OPT_LIMIT + 3              \
  }
#define NF_CLI_LIMIT_HELP                                                                 \
  "      --max-line-bytes N     longest JSON line (default: the schema's, else 32 MiB)\n" \
  "      --max-article-bytes N  largest article, headline and text (default: the\n"       \
  "                             schema's, else 8 MiB)\n"                                  \
  "      --max-record-bytes N   largest record as JSON (default: the schema's, else\n"    \
  "                             32 MiB)\n"                                                \
  "      --max-quotes N         most quotations in one article (default: the schema's,\n" \
  "                             else 20,000); over a limit: an error naming file and line\n"

/* A limit option's value into limits; a usage error's exit status when it
 * is not a number from 1 up. */
int nf_cli_limit_option(const char *command, int code, const char *arg, nf_limits *limits);
/* The options' limits over the schema's, then the input's limits from the
 * schema. */
void nf_cli_apply_limits(nf_schema *schema, const nf_limits *limits, nf_input *in);

/* Parse a whole unsigned number for an option; 0 if it is not one. */
int nf_cli_parse_unsigned(const char *s, unsigned max, unsigned *out);

/* Seconds since an arbitrary start, monotonic. */
double nf_cli_now(void);

#endif
