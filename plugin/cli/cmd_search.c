/* newsfields search: a query in, hits and facets out. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "newsfields/search.h"
#include "newsfields/text.h"

#define NF_MAX_DBS 64
#define NF_MAX_FACETS 32
#define NF_MAX_COLUMNS 64

static const char usage[] =
    "Usage: newsfields search [OPTIONS] QUERY...\n"
    "\n"
    "Search with free text (stemmed), \"phrases\", AND/OR/NOT, brackets and the\n"
    "schema's fields (below), FIELD:VALUE or FIELD:\"two words\".  An empty QUERY\n"
    "matches every article.\n"
    "\n"
    "Options:\n"
    "  -d, --db DIR          the database (default: " NF_DEFAULT_DB
    "); repeat it to\n"
    "                        search several databases as one\n"
    "  -s, --schema FILE     the field schema (default: the installed one)\n"
    "  -p, --plugin FILE     load this plug-in, for the field kinds the schema\n"
    "                        names (repeatable)\n"
    "  -n, --limit N         hits to show (default: 10)\n"
    "  -o, --offset N        hits to skip first (default: 0)\n"
    "      --sort ORDER      relevance (default) or date (newest first)\n"
    "  -f, --facets F,...    count these facet fields over all matches\n"
    "      --facet-limit N   values per facet (default: 10; 0: all)\n"
    "  -l, --lang LANG       Snowball stemmer (default: the database's)\n"
    "      --histogram       count all matches by month (always in --json)\n"
    "  -j, --json            one JSON object instead of text, with the histogram\n"
    "      --format FMT      text (default), json (as --json), or csv or jsonl:\n"
    "                        every match (or --limit of them), a line each\n"
    "      --columns C,...   the columns of csv and jsonl (default: id,date,headline):\n"
    "                        id, date, headline, score, rank, text or a key of\n"
    "                        the record (url, dateline, byline, countries,\n"
    "                        officials, speakers, quotes, ...)\n"
    "      --explain         print how the query was understood\n"
    "      --no-collapse     show near-duplicates as hits of their own (below)\n"
    "  -h, --help            this help\n"
    "\n"
    "Near-duplicates: the articles whose texts open with the same 25 words (a\n"
    "wire story sent again with a correction, an added paragraph or a changed\n"
    "figure further down) share a key in the schema's collapse field.  A search\n"
    "shows one hit for them, the best by the sort order, followed by \"+ N\n"
    "similar: FIELD:KEY\", the query that lists them all (with --no-collapse).\n"
    "The match count, the facets and the histogram count every article; the\n"
    "hits (and --offset) go by groups, and the first line says how many\n"
    "near-duplicates were folded.  --format csv and jsonl export every article.\n";

typedef struct search_opts {
  const char *dbs[NF_MAX_DBS];
  size_t ndbs;
  const char *schema, *lang;
  nf_cli_plugins plugins;
  char *facet_list;
  const char *facets[NF_MAX_FACETS];
  int json, explain, histogram, help;
  int limit_given;
  int format; /* -1: text or json; else an nf_export_format */
  char *column_list;
  const char *columns[NF_MAX_COLUMNS];
  size_t ncolumns;
  nf_search_options so;
} search_opts;

/* Splits "country,speaker" in place into o->facets. */
static int split_facets(search_opts *o, char *list) {
  o->so.nfacets = 0;
  for (char *tok = strtok(list, ","); tok; tok = strtok(NULL, ",")) {
    while (*tok == ' ') tok++;
    if (!*tok) continue;
    if (o->so.nfacets == NF_MAX_FACETS)
      return nf_cli_usage_error("search", "at most %d facets", NF_MAX_FACETS);
    o->facets[o->so.nfacets++] = tok;
  }
  o->so.facets = o->facets;
  return NF_EXIT_OK;
}

/* The names of the fields one test picks, "name:" each, wrapped under a
 * heading indented by 4. */
static void print_field_group(const nf_schema *schema, const char *heading,
                              int (*pick)(const nf_field *)) {
  int col = printf("  %s", heading), any = 0;
  for (size_t i = 0; i < nf_schema_field_count(schema); i++) {
    const nf_field *f = nf_schema_field(schema, i);
    if (!pick(f)) continue;
    int w = (int)strlen(f->name) + 2;
    if (!any || col + w > 78) col = printf("\n   ") - 1;
    col += printf(" %s:", f->name);
    any = 1;
  }
  if (any) fputc('\n', stdout);
}

static int free_text(const nf_field *f) { return f->kind->mode == NF_KIND_FREE_TEXT; }
static int many(const nf_field *f) { return f->kind->mode == NF_KIND_TERMS && f->multi; }
static int one(const nf_field *f) {
  return (f->kind->mode == NF_KIND_TERMS || f->kind->mode == NF_KIND_UNIQUE) && !f->multi;
}
static int date(const nf_field *f) { return f->kind->mode == NF_KIND_DATE; }

/* --help: the usage, then the schema's fields (the one given with --schema
 * and --plugin, else the default), grouped by how they combine. */
static void print_help(const search_opts *o) {
  fputs(usage, stdout);
  nf_error err;
  nf_error_clear(&err);
  nf_registry *reg = NULL;
  nf_schema *schema = NULL;
  if (nf_cli_load_schema(o->schema, &o->plugins, &reg, &schema, &err) != NF_OK) {
    printf("\nFields: the schema does not load: ");
    nf_cli_put(stdout, err.message, 1);
    fputc('\n', stdout);
    return;
  }
  printf("\nFields of %s:\n", nf_schema_path(schema));
  print_field_group(schema, "free text:", free_text);
  print_field_group(schema, "many values per article; repeated, all must match (AND):", many);
  print_field_group(schema, "one value per article; repeated, any may match (OR):", one);
  print_field_group(schema,
                    "dates, ranges (2021-12-01..2021-12-31, 2021-12, 2021..); repeated,\n"
                    "  any may match (OR):",
                    date);
  for (size_t i = 0; i < nf_schema_field_count(schema); i++)
    if (nf_schema_field(schema, i)->collapse)
      printf("Near-duplicates are folded on %s: (collapse = yes).\n",
             nf_schema_field(schema, i)->name);
  printf(
      "Filters of different fields all apply (AND); OR and brackets say otherwise.\n"
      "A field the schema does not have (speakr:) or one with no value (speaker:)\n"
      "is an error.\n");
  nf_schema_free(schema);
  nf_registry_free(reg);
}

static int parse_options(int argc, char **argv, search_opts *o) {
  enum {
    OPT_SORT = 256,
    OPT_FACET_LIMIT,
    OPT_EXPLAIN,
    OPT_HISTOGRAM,
    OPT_FORMAT,
    OPT_COLUMNS,
    OPT_NO_COLLAPSE
  };
  static const struct option longopts[] = {
      {"db", required_argument, NULL, 'd'},
      {"schema", required_argument, NULL, 's'},
      {"plugin", required_argument, NULL, 'p'},
      {"limit", required_argument, NULL, 'n'},
      {"offset", required_argument, NULL, 'o'},
      {"sort", required_argument, NULL, OPT_SORT},
      {"facets", required_argument, NULL, 'f'},
      {"facet-limit", required_argument, NULL, OPT_FACET_LIMIT},
      {"lang", required_argument, NULL, 'l'},
      {"json", no_argument, NULL, 'j'},
      {"explain", no_argument, NULL, OPT_EXPLAIN},
      {"histogram", no_argument, NULL, OPT_HISTOGRAM},
      {"format", required_argument, NULL, OPT_FORMAT},
      {"columns", required_argument, NULL, OPT_COLUMNS},
      {"no-collapse", no_argument, NULL, OPT_NO_COLLAPSE},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  int c;
  /* --json anywhere makes every error JSON, those of the options before it too */
  for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
    if (strcmp(argv[i], "--json") == 0 || strcmp(argv[i], "-j") == 0) nf_cli_json_errors(1);
  optind = 1;
  while ((c = getopt_long(argc, argv, "d:s:p:n:o:f:l:jh", longopts, NULL)) != -1) {
    switch (c) {
      case 'd':
        if (o->ndbs == NF_MAX_DBS) return nf_cli_usage_error("search", "too many --db");
        o->dbs[o->ndbs++] = optarg;
        break;
      case 's':
        o->schema = optarg;
        break;
      case 'p':
        if (nf_cli_add_plugin("search", &o->plugins, optarg)) return NF_EXIT_USAGE;
        break;
      case 'n':
        o->limit_given = 1;
        if (!nf_cli_parse_unsigned(optarg, 100000u, &o->so.limit))
          return nf_cli_usage_error("search", "--limit needs a number up to 100000, not '%s'",
                                    optarg);
        break;
      case 'o':
        if (!nf_cli_parse_unsigned(optarg, 100000000u, &o->so.offset))
          return nf_cli_usage_error("search", "--offset needs a number, not '%s'", optarg);
        break;
      case OPT_SORT:
        if (strcmp(optarg, "relevance") == 0)
          o->so.sort = NF_SORT_RELEVANCE;
        else if (strcmp(optarg, "date") == 0)
          o->so.sort = NF_SORT_DATE;
        else
          return nf_cli_usage_error("search", "--sort is relevance or date, not '%s'", optarg);
        break;
      case 'f':
        free(o->facet_list);
        o->facet_list = strdup(optarg);
        if (!o->facet_list || split_facets(o, o->facet_list)) return NF_EXIT_USAGE;
        break;
      case OPT_FACET_LIMIT:
        if (!nf_cli_parse_unsigned(optarg, 100000u, &o->so.facet_limit))
          return nf_cli_usage_error("search", "--facet-limit needs a number, not '%s'", optarg);
        break;
      case 'l':
        o->lang = optarg;
        break;
      case 'j':
        o->json = 1;
        break;
      case OPT_EXPLAIN:
        o->explain = 1;
        break;
      case OPT_HISTOGRAM:
        o->histogram = 1;
        break;
      case OPT_NO_COLLAPSE:
        o->so.no_collapse = 1;
        break;
      case OPT_FORMAT:
        if (strcmp(optarg, "text") == 0) {
          o->format = -1;
        } else if (strcmp(optarg, "json") == 0) {
          o->format = -1;
          o->json = 1;
        } else if (strcmp(optarg, "csv") == 0) {
          o->format = NF_EXPORT_CSV;
        } else if (strcmp(optarg, "jsonl") == 0) {
          o->format = NF_EXPORT_JSONL;
        } else {
          return nf_cli_usage_error("search", "--format is text, json, csv or jsonl, not '%s'",
                                    optarg);
        }
        break;
      case OPT_COLUMNS:
        free(o->column_list);
        o->column_list = strdup(optarg);
        o->ncolumns = 0;
        for (char *c = o->column_list ? strtok(o->column_list, ",") : NULL; c;
             c = strtok(NULL, ",")) {
          if (o->ncolumns == NF_MAX_COLUMNS)
            return nf_cli_usage_error("search", "at most %d columns", NF_MAX_COLUMNS);
          o->columns[o->ncolumns++] = c;
        }
        break;
      case 'h':
        o->help = 1;
        break;
      default:
        return nf_cli_usage_error("search", "bad option");
    }
  }
  if (o->help) {
    print_help(o);
    return -1;
  }
  if (o->ndbs == 0) o->dbs[o->ndbs++] = NF_DEFAULT_DB;
  return NF_EXIT_OK;
}

/* The snippet with its marks shown: bold on a terminal, *word* elsewhere.
 * The text is the article's: escaped, never passed to the terminal as it is. */
static void print_snippet(const nf_hit *h, int tty) {
  const char *open = tty ? "\033[1m" : "*", *close = tty ? "\033[0m" : "*";
  size_t at = 0, n = strlen(h->snippet);
  fputs("    ", stdout);
  for (size_t i = 0; i < h->nmarks; i++) {
    nf_cli_put_text(stdout, h->snippet + at, h->marks[i].start - at, 1);
    fputs(open, stdout);
    nf_cli_put_text(stdout, h->snippet + h->marks[i].start, h->marks[i].end - h->marks[i].start, 1);
    fputs(close, stdout);
    at = h->marks[i].end;
  }
  nf_cli_put_text(stdout, h->snippet + at, n - at, 1);
  fputc('\n', stdout);
}

/* Matches by month, one line each, with a bar scaled to the busiest month. */
static void print_histogram(const nf_results *r) {
  size_t n = nf_results_histogram_size(r);
  unsigned long max = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned long c = nf_results_histogram_month(r, i)->count;
    if (c > max) max = c;
  }
  printf("\nby month:%s\n", n ? "" : " (no dated matches)");
  for (size_t i = 0; i < n; i++) {
    const nf_month_count *m = nf_results_histogram_month(r, i);
    int bar = (int)((m->count * 40 + max - 1) / max);
    printf("  %s %6lu %.*s\n", m->month, m->count, bar, "########################################");
  }
}

static void print_text(const nf_results *r, const char *query, unsigned offset) {
  int tty = isatty(STDOUT_FILENO);
  size_t n = nf_results_size(r);
  printf("%lu match%s for ", nf_results_total(r), nf_results_total(r) == 1 ? "" : "es");
  nf_cli_put(stdout, *query ? query : "(everything)", 1);
  if (n) printf(" (showing %u-%zu)", offset + 1, offset + n);
  unsigned long folded = nf_results_total(r) - nf_results_groups(r);
  if (folded)
    printf("; %lu hits, %lu near-duplicate%s folded", nf_results_groups(r), folded,
           folded == 1 ? "" : "s");
  printf("\n");
  for (size_t i = 0; i < nf_results_suggestion_count(r); i++) {
    const nf_suggestion *sg = nf_results_suggestion(r, i);
    printf("did you mean %s:", sg->field);
    int quote = strchr(sg->value, ' ') != NULL;
    fputs(quote ? "\"" : "", stdout);
    nf_cli_put(stdout, sg->value, 1);
    fputs(quote ? "\"? (" : "? (", stdout);
    nf_cli_put(stdout, sg->label, 1);
    printf(", %lu article%s)\n", sg->count, sg->count == 1 ? "" : "s");
  }
  for (size_t i = 0; i < n; i++) {
    const nf_hit *h = nf_results_hit(r, i);
    printf("\n%3u. ", h->rank);
    nf_cli_put(stdout, h->id, 1);
    fputs("  ", stdout);
    nf_cli_put(stdout, h->date ? h->date : "----------", 1);
    fputs("  ", stdout);
    nf_cli_put(stdout, h->headline ? h->headline : "(no headline)", 1);
    fputc('\n', stdout);
    if (*h->snippet) print_snippet(h, tty);
    if (h->similar && h->similar_key) {
      printf("    + %lu similar: %s:", h->similar, nf_results_collapse_field(r));
      nf_cli_put(stdout, h->similar_key, 1);
      fputc('\n', stdout);
    }
  }
  for (size_t f = 0; f < nf_results_facet_count(r); f++) {
    printf("\n%s:", nf_results_facet_name(r, f));
    size_t m = nf_results_facet_size(r, f);
    if (m == 0) printf(" (none)");
    for (size_t i = 0; i < m; i++) {
      const nf_facet_value *v = nf_results_facet_value(r, f, i);
      fputs(i ? ", " : " ", stdout);
      nf_cli_put(stdout, v->label, 1);
      printf(" (%lu)", v->count);
    }
    printf("\n");
  }
  if (nf_results_has_histogram(r)) print_histogram(r);
}

/* The histogram is the date field's facet: name it among the facets. */
static nf_status ask_histogram(search_opts *o, const nf_schema *schema, nf_error *err) {
  const char *date = NULL;
  for (size_t i = 0; i < nf_schema_field_count(schema); i++)
    if (nf_schema_field(schema, i)->kind->mode == NF_KIND_DATE)
      date = nf_schema_field(schema, i)->name;
  if (!date && o->histogram)
    return nf_error_set(err, NF_ERR_QUERY, "the schema has no date field for --histogram");
  if (!date) return NF_OK;
  for (size_t i = 0; i < o->so.nfacets; i++)
    if (strcmp(o->facets[i], date) == 0) return NF_OK;
  if (o->so.nfacets == NF_MAX_FACETS)
    return nf_error_set(err, NF_ERR_INVALID, "at most %d facets", NF_MAX_FACETS - 1);
  o->facets[o->so.nfacets++] = date;
  o->so.facets = o->facets;
  return NF_OK;
}

/* --format csv or jsonl: every match (or --limit of them), a window at a
 * time, written as it comes. */
static nf_status export_matches(const search_opts *o, nf_searcher *searcher, const char *query,
                                nf_error *err) {
  static const char *const default_columns[] = {"id", "date", "headline"};
  nf_export_options eo;
  memset(&eo, 0, sizeof eo);
  eo.format = (nf_export_format)o->format;
  eo.columns = o->ncolumns ? o->columns : default_columns;
  eo.ncolumns = o->ncolumns ? o->ncolumns : 3;
  eo.sort = o->so.sort;
  eo.offset = o->so.offset;
  eo.limit = o->limit_given ? o->so.limit : 0;
  if (o->limit_given && o->so.limit == 0) return NF_OK;
  nf_export *x = NULL;
  nf_status s = nf_export_new(query, strlen(query), &eo, &x, err);
  int tty = isatty(STDOUT_FILENO);
  for (;;) {
    const char *data = "";
    size_t n = 0;
    if (s == NF_OK) s = nf_export_next(x, searcher, &data, &n, err);
    if (s != NF_OK || n == 0) break;
    /* the articles' bytes reach a terminal escaped, line by line */
    for (size_t at = 0; tty && at < n;) {
      const char *nl = memchr(data + at, '\n', n - at);
      size_t end = nl ? (size_t)(nl - data) : n, len = end - at;
      if (len && data[at + len - 1] == '\r') len--;
      nf_cli_put_text(stdout, data + at, len, 0);
      if (nl) fputc('\n', stdout);
      at = nl ? end + 1 : n;
    }
    if (!tty) fwrite(data, 1, n, stdout);
  }
  nf_export_free(x);
  if (s == NF_OK && fflush(stdout) != 0)
    s = nf_error_set(err, NF_ERR_IO, "cannot write the export");
  return s;
}

/* The query words joined with spaces, as a shell passes them. */
static char *join_query(int argc, char **argv) {
  size_t n = 1;
  for (int i = optind; i < argc; i++) n += strlen(argv[i]) + 1;
  char *q = malloc(n);
  if (!q) return NULL;
  char *p = q;
  for (int i = optind; i < argc; i++) {
    if (i > optind) *p++ = ' ';
    size_t k = strlen(argv[i]);
    memcpy(p, argv[i], k);
    p += k;
  }
  *p = '\0';
  return q;
}

int nf_cmd_search(int argc, char **argv) {
  search_opts o;
  memset(&o, 0, sizeof o);
  o.so.limit = 10;
  o.so.facet_limit = 10;
  o.format = -1;
  int rc = parse_options(argc, argv, &o);
  if (rc) {
    free(o.facet_list);
    free(o.column_list);
    return rc < 0 ? NF_EXIT_OK : rc;
  }
  if (o.ncolumns && o.format < 0) {
    free(o.facet_list);
    free(o.column_list);
    return nf_cli_usage_error("search", "--columns goes with --format csv or jsonl");
  }
  char *query = join_query(argc, argv);
  nf_error err;
  nf_error_clear(&err);
  nf_registry *reg = NULL;
  nf_schema *schema = NULL;
  nf_searcher *searcher = NULL;
  nf_results *results = NULL;
  nf_status s = query ? NF_OK : nf_error_set(&err, NF_ERR_NOMEM, "out of memory");
  size_t bad = 0;
  /* Bytes that are not UTF-8 would be read as something else: refused. */
  if (s == NF_OK && nf_utf8_validate(query, strlen(query), &bad) != NF_OK)
    s = nf_error_set(&err, NF_ERR_QUERY,
                     "the query is not valid UTF-8: byte 0x%02x at offset %zu (check the "
                     "terminal's or the script's encoding)",
                     (unsigned char)query[bad], bad);
  if (s == NF_OK) s = nf_cli_load_schema(o.schema, &o.plugins, &reg, &schema, &err);
  if (s == NF_OK && (o.json || o.histogram)) s = ask_histogram(&o, schema, &err);
  if (s == NF_OK) s = nf_searcher_open(o.dbs, o.ndbs, schema, o.lang, &searcher, &err);
  if (s == NF_OK && o.explain) {
    char *d = nf_searcher_describe_query(searcher, query, strlen(query), &err);
    if (d) {
      nf_cli_put(stderr, d, 0);
      fputc('\n', stderr);
    }
    free(d);
  }
  if (s == NF_OK && o.format >= 0) {
    s = export_matches(&o, searcher, query, &err);
    goto done;
  }
  if (s == NF_OK) s = nf_search(searcher, query, strlen(query), &o.so, &results, &err);
  /* An indexer committing meanwhile may overtake the reader: reopen and try
   * again (each commit leaves the reader a while to finish). */
  for (int tries = 0; s == NF_ERR_DB_MODIFIED && tries < 5; tries++) {
    nf_results_free(results);
    results = NULL;
    nf_error_clear(&err);
    /* the commit may come while the databases are opened, too */
    s = searcher ? nf_searcher_reopen(searcher, &err)
                 : nf_searcher_open(o.dbs, o.ndbs, schema, o.lang, &searcher, &err);
    if (s == NF_OK) s = nf_search(searcher, query, strlen(query), &o.so, &results, &err);
  }
  if (s == NF_OK && o.json) {
    char *json = NULL;
    s = nf_results_to_json(results, 0, &json, &err);
    if (s == NF_OK) {
      nf_cli_put_json(stdout, json);
      fputc('\n', stdout);
    }
    free(json);
  } else if (s == NF_OK) {
    print_text(results, query, o.so.offset);
  }
done:
  if (s != NF_OK) {
    nf_cli_error(&err);
    rc = NF_EXIT_FAILURE;
  }
  free(o.column_list);
  nf_results_free(results);
  nf_searcher_free(searcher);
  nf_schema_free(schema);
  nf_registry_free(reg);
  free(query);
  free(o.facet_list);
  return rc;
}
