/* The newsfields command: dispatch to a subcommand. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "newsfields/version.h"

static const char usage[] =
    "Usage: newsfields COMMAND [OPTIONS] ...\n"
    "\n"
    "Find bylines, datelines, officials, countries and quoted speakers in news\n"
    "articles, index them as Xapian search fields, and search them.\n"
    "\n"
    "Commands:\n"
    "  extract  print what the analyzers find in articles, as JSON Lines\n"
    "  index    index articles (JSON Lines, .txt files, directories) into a database\n"
    "  search   search a database with fields, dates and facets\n"
    "  serve    the search page and its JSON API over HTTP\n"
    "  compact  compact a database, or merge the shards of index -j N into one\n"
    "\n"
    "Run 'newsfields COMMAND --help' for a command's options.\n"
    "Options: --help, --version\n";

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs(usage, stderr);
    return NF_EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
    fputs(usage, stdout);
    return NF_EXIT_OK;
  }
  if (strcmp(cmd, "--version") == 0) {
    printf("newsfields %s (Xapian %s)\n", nf_version(), nf_xapian_version());
    return NF_EXIT_OK;
  }
  if (strcmp(cmd, "extract") == 0) return nf_cmd_extract(argc - 1, argv + 1);
  if (strcmp(cmd, "index") == 0) return nf_cmd_index(argc - 1, argv + 1);
  if (strcmp(cmd, "search") == 0) return nf_cmd_search(argc - 1, argv + 1);
  if (strcmp(cmd, "serve") == 0) return nf_cmd_serve(argc - 1, argv + 1);
  if (strcmp(cmd, "compact") == 0) return nf_cmd_compact(argc - 1, argv + 1);
  fputs("newsfields: unknown command '", stderr);
  nf_cli_put(stderr, cmd, 0);
  fprintf(stderr, "'\n\n%s", usage);
  return NF_EXIT_USAGE;
}
