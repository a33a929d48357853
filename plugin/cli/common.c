/* Helpers shared by the subcommands. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <time.h>

#include "cli.h"
#include "serve/api.h"

/* With --json, errors are also written as JSON on standard output. */
static int json_errors;

void nf_cli_json_errors(int on) { json_errors = on; }

/* {"error": {"message": ..., "status": ...}} on standard output, as the
 * HTTP API answers: one shape for scripts of both. */
static void json_error(unsigned status, const char *message) {
  nf_api_response r;
  nf_api_error(status, message, &r);
  if (r.body) {
    nf_cli_put_json(stdout, r.body);
    fputc('\n', stdout);
  }
  free(r.body);
}

void nf_cli_report(const char *what, const nf_error *err) {
  char buf[NF_ERROR_WHERE_MAX + NF_ERROR_MESSAGE_MAX + 4];
  fprintf(stderr, "newsfields: %s%s", what ? what : "", what ? ": " : "");
  nf_cli_put(stderr, nf_error_format(err, buf, sizeof buf), 0);
  fputc('\n', stderr);
  if (json_errors) json_error(nf_api_status_of(err->status), buf);
}

void nf_cli_error(const nf_error *err) { nf_cli_report(NULL, err); }

int nf_cli_usage_error(const char *command, const char *fmt, ...) {
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap); /* quotes the arguments given */
  va_end(ap);
  fprintf(stderr, "newsfields %s: ", command);
  nf_cli_put(stderr, msg, 0);
  fprintf(stderr, "\nTry 'newsfields %s --help'.\n", command);
  if (json_errors) json_error(400, msg);
  return NF_EXIT_USAGE;
}

int nf_cli_add_plugin(const char *command, nf_cli_plugins *p, const char *path) {
  if (p->n == NF_CLI_MAX_PLUGINS)
    return nf_cli_usage_error(command, "at most %d plugins", NF_CLI_MAX_PLUGINS);
  p->paths[p->n++] = path;
  return NF_EXIT_OK;
}

nf_status nf_cli_load_schema(const char *path, const nf_cli_plugins *plugins, nf_registry **reg,
                             nf_schema **out, nf_error *err) {
  *out = NULL;
  nf_status s = nf_registry_default(reg, err);
  for (size_t i = 0; s == NF_OK && plugins && i < plugins->n; i++)
    s = nf_registry_load(*reg, plugins->paths[i], err);
  char *found = NULL;
  if (s == NF_OK && !path && !(path = found = nf_schema_default_path()))
    s = nf_error_set(err, NF_ERR_NOT_FOUND,
                     "no schema found: give --schema FILE or set NEWSFIELDS_SCHEMA");
  if (s == NF_OK) s = nf_schema_load(path, *reg, out, err);
  free(found);
  if (s != NF_OK) {
    nf_registry_free(*reg);
    *reg = NULL;
  }
  return s;
}

int nf_cli_parse_unsigned(const char *s, unsigned max, unsigned *out) {
  if (!s || *s < '0' || *s > '9') return 0;
  char *end;
  errno = 0;
  unsigned long v = strtoul(s, &end, 10);
  if (*end || errno || v > max) return 0;
  *out = (unsigned)v;
  return 1;
}

double nf_cli_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void nf_cli_locate(nf_error *err, const nf_article *a) {
  if (err->where[0] || !a->origin) return;
  if (a->line)
    snprintf(err->where, sizeof err->where, "%s:%lu", a->origin, a->line);
  else
    snprintf(err->where, sizeof err->where, "%s", a->origin);
}

int nf_cli_limit_option(const char *command, int code, const char *arg, nf_limits *limits) {
  static const char *const names[NF_LIMIT_COUNT] = {"--max-line-bytes", "--max-article-bytes",
                                                    "--max-record-bytes", "--max-quotes"};
  unsigned i = (unsigned)(code - NF_CLI_OPT_LIMIT), v;
  if (i >= NF_LIMIT_COUNT) return nf_cli_usage_error(command, "bad option");
  if (!nf_cli_parse_unsigned(arg, 4000000000u, &v) || v == 0)
    return nf_cli_usage_error(command, "%s needs a number of %s from 1 up, not '%s'", names[i],
                              i == NF_LIMIT_QUOTES ? "quotations" : "bytes", arg);
  limits->max[i] = v;
  return NF_EXIT_OK;
}

void nf_cli_apply_limits(nf_schema *schema, const nf_limits *limits, nf_input *in) {
  nf_limits lim;
  for (unsigned i = 0; i < NF_LIMIT_COUNT; i++) {
    if (schema && limits->max[i]) nf_schema_set_limit(schema, (nf_limit)i, limits->max[i]);
    lim.max[i] = limits->max[i] ? limits->max[i] : nf_schema_limit(schema, (nf_limit)i);
  }
  if (in) nf_input_set_limits(in, &lim);
}
