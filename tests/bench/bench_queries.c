/* Query latency on an index already built (the scale benchmark's, see
 * scale.sh): median and p99 over QUERIES queries of each sort.
 *
 *   bench_queries DB [QUERIES]
 *
 * free text: one or two common news words; fielded: country:, speaker:,
 * official: with values the index holds (its own facets, most frequent
 * first), alone or with a word; one facet: the free-text queries counting
 * the country facet; all facets: the same counting every facet field of the
 * schema; histogram: the same counting matches by month.  Ten hits each,
 * snippets included, as `search` and `serve` ask.  A first pass of 20
 * queries warms the caches and is not counted.  Near-duplicates are folded,
 * as by default; the rows marked --no-collapse show what that costs. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_timing.h"
#include "newsfields/registry.h"
#include "newsfields/schema.h"
#include "newsfields/search.h"

static const char *const words[] = {
    "oil",      "prices",    "minister",  "bank",      "trade",  "government", "talks",
    "market",   "shares",    "election",  "rates",     "profit", "dollar",     "wheat",
    "company",  "agreement", "president", "exports",   "strike", "budget",     "loan",
    "debt",     "coffee",    "gold",      "tax",       "police", "court",      "army",
    "security", "inflation", "growth",    "sugar",     "crude",  "merger",     "bonds",
    "vote",     "war",       "ceasefire", "sanctions", "rebels", "currency",   "treasury"};
#define NWORDS (sizeof words / sizeof words[0])

static void die(const char *what, const nf_error *err) {
  fprintf(stderr, "bench_queries: %s: %s %s\n", what, err ? err->where : "",
          err ? err->message : "");
  exit(1);
}

/* Median and p99 (nearest rank) in milliseconds, and the mean matches. */
static void report(const char *what, double *t, size_t n, double matches) {
  size_t p99 = bench_sort_p99(t, n);
  printf("| %-38s | %9.2f | %9.2f | %9.2f | %11.0f |\n", what, t[n / 2] * 1e3, t[p99] * 1e3,
         t[n - 1] * 1e3, matches / (double)n);
}

/* Up to max values of a facet over the whole index, most frequent first. */
static size_t facet_values(nf_searcher *s, const char *facet, char **out, size_t max) {
  const char *facets[] = {facet};
  nf_search_options o = {
      .sort = NF_SORT_RELEVANCE, .facets = facets, .nfacets = 1, .facet_limit = (unsigned)max};
  nf_results *r;
  nf_error err;
  if (nf_search(s, "", 0, &o, &r, &err)) die(facet, &err);
  size_t n = nf_results_facet_count(r) ? nf_results_facet_size(r, 0) : 0;
  for (size_t i = 0; i < n; i++) out[i] = strdup(nf_results_facet_value(r, 0, i)->value);
  nf_results_free(r);
  return n;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: bench_queries DB [QUERIES]\n");
    return 2;
  }
  size_t nq = argc > 2 ? strtoul(argv[2], NULL, 10) : 200;
  if (nq < 1) nq = 200;
  nf_error err;
  nf_registry *reg;
  nf_schema *schema;
  char *schema_path = nf_schema_default_path();
  if (!schema_path || nf_registry_default(&reg, &err) ||
      nf_schema_load(schema_path, reg, &schema, &err))
    die("schema", &err);
  free(schema_path);
  const char *dbs[] = {argv[1]};
  nf_searcher *s;
  if (nf_searcher_open(dbs, 1, schema, NULL, &s, &err)) die("open", &err);
  unsigned long docs = 0;
  nf_searcher_doccount(s, &docs, &err);

  const char *facets[40], *date = NULL;
  size_t nfacets = 0;
  for (size_t i = 0; i < nf_schema_field_count(schema) && nfacets < 40; i++) {
    const nf_field *f = nf_schema_field(schema, i);
    if (f->facet) facets[nfacets++] = f->name;
    if (f->kind->mode == NF_KIND_DATE) date = f->name;
  }
  char *countries[100], *speakers[100], *officials[100];
  size_t nc = facet_values(s, "country", countries, 100);
  size_t ns = facet_values(s, "speaker", speakers, 100);
  size_t no = facet_values(s, "official", officials, 100);
  if (!nc || !ns || !no) die("the index has no countries, speakers or officials", NULL);

  char **text = calloc(nq, sizeof *text), **fielded = calloc(nq, sizeof *fielded);
  for (size_t i = 0; i < nq; i++) {
    char q[512];
    if (i % 2)
      snprintf(q, sizeof q, "%s %s", words[i % NWORDS], words[(i * 7 + 3) % NWORDS]);
    else
      snprintf(q, sizeof q, "%s", words[i % NWORDS]);
    text[i] = strdup(q);
    switch (i % 4) {
      case 0:
        snprintf(q, sizeof q, "country:%s", countries[i / 4 % nc]);
        break;
      case 1:
        snprintf(q, sizeof q, "speaker:\"%s\"", speakers[i / 4 % ns]);
        break;
      case 2:
        snprintf(q, sizeof q, "official:\"%s\"", officials[i / 4 % no]);
        break;
      default:
        snprintf(q, sizeof q, "%s country:%s", words[i % NWORDS], countries[i / 4 % nc]);
        break;
    }
    fielded[i] = strdup(q);
  }
  const char *country[] = {"country"}, *histogram[] = {date};
  nf_search_options plain = {.limit = 10, .sort = NF_SORT_RELEVANCE, .facet_limit = 10};
  nf_search_options one = {
      .limit = 10, .sort = NF_SORT_RELEVANCE, .facets = country, .nfacets = 1, .facet_limit = 10};
  nf_search_options all = {.limit = 10,
                           .sort = NF_SORT_RELEVANCE,
                           .facets = facets,
                           .nfacets = nfacets,
                           .facet_limit = 10};
  nf_search_options hist = {.limit = 10,
                            .sort = NF_SORT_RELEVANCE,
                            .facets = histogram,
                            .nfacets = date ? 1 : 0,
                            .facet_limit = 10};
  /* the same without folding near-duplicates, for what collapsing costs */
  nf_search_options plain_all = plain, all_all = all;
  plain_all.no_collapse = all_all.no_collapse = 1;
  struct {
    const char *what;
    char **queries;
    const nf_search_options *o;
  } sorts[] = {{"free text", text, &plain},
               {"free text, --no-collapse", text, &plain_all},
               {"fielded", fielded, &plain},
               {"free text + country facet", text, &one},
               {"free text + all facets", text, &all},
               {"free text + all facets, --no-collapse", text, &all_all},
               {"fielded + all facets", fielded, &all},
               {"free text + histogram", text, &hist}};
  unsigned long total;
  for (size_t i = 0; i < 20 && i < nq; i++)
    bench_timed_search(s, text[i], &all, &total, die); /* warm up */
  printf("%s: %lu documents, %zu queries of each sort, %zu facet fields\n\n", argv[1], docs, nq,
         nfacets);
  printf("| %-38s | %9s | %9s | %9s | %11s |\n", "query", "median ms", "p99 ms", "max ms",
         "mean hits");
  printf(
      "|----------------------------------------|-----------|-----------|-----------|-------------|"
      "\n");
  double *t = calloc(nq, sizeof *t);
  for (size_t k = 0; k < sizeof sorts / sizeof sorts[0]; k++) {
    double matches = 0;
    for (size_t i = 0; i < nq; i++) {
      t[i] = bench_timed_search(s, sorts[k].queries[i], sorts[k].o, &total, die);
      matches += (double)total;
    }
    report(sorts[k].what, t, nq, matches);
  }
  /* every facet over every document: the browse page */
  size_t nb = nq < 20 ? nq : 20;
  double matches = 0;
  for (size_t i = 0; i < nb; i++) {
    t[i] = bench_timed_search(s, "", &all, &total, die);
    matches += (double)total;
  }
  report("everything + all facets", t, nb, matches);
  matches = 0;
  for (size_t i = 0; i < nb; i++) {
    t[i] = bench_timed_search(s, "", &all_all, &total, die);
    matches += (double)total;
  }
  report("everything + all facets, --no-collapse", t, nb, matches);
  for (size_t i = 0; i < nq; i++) free(text[i]), free(fielded[i]);
  for (size_t i = 0; i < nc; i++) free(countries[i]);
  for (size_t i = 0; i < ns; i++) free(speakers[i]);
  for (size_t i = 0; i < no; i++) free(officials[i]);
  free(text), free(fielded), free(t);
  nf_searcher_free(s);
  nf_schema_free(schema);
  nf_registry_free(reg);
  return 0;
}
