/* Facet time on a synthetic index: median and p99 over queries of varied
 * selectivity, for the default facets (every facet field of the schema),
 * with and without the by-month histogram, next to the same searches with
 * no facets (which need not visit the whole match set).
 *
 *   bench_facets [--docs N] [--queries N] [--seed N] [--db DIR]
 *
 * The articles are generated from the seed: random words (Zipf-distributed),
 * countries, speakers, officials with titles, bylines, datelines, agencies
 * and dates over ten years.  They go through the record and the schema
 * exactly as analysed articles do (nf_document_build), without the
 * analyzers, so the index has the real terms, values and facet terms.  With
 * --db DIR an index already built there (by an earlier run with the same
 * --docs and --seed) is reused; otherwise a temporary one is made and
 * removed.  NF_FACET_METHOD=termlists, postlists or memory forces one way of counting
 * term facets (by default the shim chooses by the share of the database
 * that matches). */
#include <getopt.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bench_timing.h"
#include "core/buffer.h"
#include "index/document.h"
#include "newsfields/record.h"
#include "newsfields/search.h"
#include "xapian/shim.h"

#define NWORDS 20000
#define NSPEAKERS 3000
#define NBYLINES 400
#define NPLACES 300
#define MAX_QUERIES 10000

static const char *const countries[] = {
    "us", "cn", "ru", "gb", "ua", "de", "fr", "jp", "in", "br", "ir", "il", "tr", "kr",
    "kp", "pk", "af", "iq", "sy", "sa", "eg", "za", "ng", "ke", "et", "mx", "ca", "au",
    "id", "ph", "vn", "th", "my", "sg", "tw", "hk", "it", "es", "pl", "lt", "lv", "ee",
    "by", "fi", "se", "no", "dk", "nl", "be", "ch", "at", "cz", "hu", "ro", "bg", "gr",
    "rs", "hr", "ar", "cl", "co", "pe", "ve", "cu", "ly", "ma", "dz", "tn", "sd", "so"};
static const char *const first_names[] = {
    "Anna",   "Lloyd", "Jens",  "Maria", "Olena", "Tomas", "Wei",   "Hiro",  "Priya", "Ahmed",
    "Fatima", "Lucas", "Sofia", "Ivan",  "Elena", "Kofi",  "Amara", "Diego", "Ines",  "Jonas",
    "Mei",    "Arjun", "Leila", "Pavel", "Nora",  "Sami",  "Yusuf", "Zara",  "Emil",  "Rosa"};
static const char *const last_names[] = {
    "Austin", "Stoltenberg", "Garcia",   "Kovalenko", "Petrauskas", "Zhang",  "Tanaka", "Sharma",
    "Hassan", "Okafor",      "Silva",    "Novak",     "Ivanova",    "Mensah", "Diallo", "Lopez",
    "Berg",   "Schmidt",     "Rossi",    "Nakamura",  "Kumar",      "Haddad", "Volkov", "Lindqvist",
    "Moreau", "Yilmaz",      "Kowalski", "Dubois",    "Andersen",   "Costa",  "Murphy", "Kim",
    "Park",   "Nguyen",      "Santos",   "Mahmoud",   "Fischer",    "Jansen", "Horvat", "Popescu"};
static const char *const titles[] = {"president",        "prime minister",
                                     "foreign minister", "defense minister",
                                     "finance minister", "spokesperson",
                                     "ambassador",       "secretary general",
                                     "governor",         "mayor",
                                     "general",          "interior minister",
                                     "trade minister",   "central bank governor",
                                     "senator"};
static const char *const agencies[] = {"Reuters", "AP", "AFP", "Xinhua", "dpa", "Kyodo"};

/* ---- a small seeded generator (splitmix64), the same everywhere ------- */

static uint64_t rng_state;
static uint64_t rng(void) {
  uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}
static double uniform(void) { return (double)(rng() >> 11) / 9007199254740992.0; }
static size_t below(size_t n) { return (size_t)(uniform() * (double)n); }

/* Zipf over 0..n-1 with exponent 1, by inverting a precomputed CDF. */
typedef struct zipf {
  double *cdf;
  size_t n;
} zipf;

static zipf zipf_new(size_t n, double s) {
  zipf z = {malloc(n * sizeof(double)), n};
  double sum = 0;
  for (size_t i = 0; i < n; i++) z.cdf[i] = (sum += 1.0 / pow((double)(i + 1), s));
  for (size_t i = 0; i < n; i++) z.cdf[i] /= sum;
  return z;
}
static size_t zipf_draw(const zipf *z) {
  double u = uniform();
  size_t lo = 0, hi = z->n - 1;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (z->cdf[mid] < u)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* ---- the synthetic world --------------------------------------------- */

static char *words[NWORDS], *speakers[NSPEAKERS], *bylines[NBYLINES], *places[NPLACES];

static char *make_word(void) {
  static const char *const syll[] = {"ka", "lo",  "mi", "ra",  "ten", "vo", "su", "pel", "da",
                                     "ni", "gor", "ve", "sta", "lin", "bu", "ro", "qua", "ze"};
  char w[32] = "";
  size_t n = 1 + below(3);
  for (size_t i = 0; i < n; i++) strcat(w, syll[below(sizeof syll / sizeof syll[0])]);
  return strdup(w);
}

static char *make_name(void) {
  char n[96];
  snprintf(n, sizeof n, "%s %s", first_names[below(sizeof first_names / sizeof first_names[0])],
           last_names[below(sizeof last_names / sizeof last_names[0])]);
  return strdup(n);
}

static void make_world(void) {
  for (size_t i = 0; i < NWORDS; i++) words[i] = make_word();
  for (size_t i = 0; i < NSPEAKERS; i++) speakers[i] = make_name();
  for (size_t i = 0; i < NBYLINES; i++) bylines[i] = make_name();
  for (size_t i = 0; i < NPLACES; i++) {
    char p[64];
    char *w = make_word();
    snprintf(p, sizeof p, "%c%s", w[0] - 'a' + 'A', w + 1);
    free(w);
    places[i] = strdup(p);
  }
}

static void die(const char *what, const nf_error *err) {
  fprintf(stderr, "bench_facets: %s: %s\n", what, err ? err->message : "");
  exit(1);
}

/* The results of the article being built: drawn by build(), emitted by the
 * synthetic analyzer below, so that the record and the document are made as
 * for an analysed article (the bench runs in one thread). */
#define MAX_PLANNED 64
static struct planned {
  nf_type type;
  const char *value, *attr_key, *attr;
} planned[MAX_PLANNED];
static size_t nplanned;

static void plan(nf_type type, const char *value, const char *attr_key, const char *attr) {
  if (nplanned < MAX_PLANNED) planned[nplanned++] = (struct planned){type, value, attr_key, attr};
}

static nf_status synthetic_create(const nf_analyzer_env *env, void **instance, nf_error *err) {
  (void)env;
  (void)err;
  *instance = planned;
  return NF_OK;
}

static void synthetic_destroy(void *instance) { (void)instance; }

static nf_status synthetic_analyze(const void *instance, nf_analysis *a, nf_error *err) {
  (void)instance;
  for (size_t i = 0; i < nplanned; i++) {
    nf_attr_value attr = NF_ATTR_STR(planned[i].attr_key, planned[i].attr);
    nf_result r = {planned[i].type,  0,         0, 0,     0,
                   planned[i].value, NF_NO_REF, 0, &attr, planned[i].attr ? 1 : 0};
    nf_status s = nf_analysis_emit(a, &r, NULL);
    if (s != NF_OK) return nf_error_set(err, s, "cannot emit");
  }
  return NF_OK;
}

static const char *const synthetic_provides[] = {"country",  "speaker", "official", "byline",
                                                 "dateline", "agency",  NULL};
static const nf_analyzer_v2 synthetic = {
    NF_ANALYZER_ABI,  "synthetic",       "Drawn values",   synthetic_provides, NULL,
    synthetic_create, synthetic_destroy, synthetic_analyze};

/* Builds the index of n articles; returns seconds. */
static double build(const char *path, const nf_schema *schema, unsigned long n) {
  zipf zw = zipf_new(NWORDS, 1.0), zc = zipf_new(sizeof countries / sizeof countries[0], 1.1),
       zs = zipf_new(NSPEAKERS, 0.9), zb = zipf_new(NBYLINES, 0.8), zp = zipf_new(NPLACES, 1.0);
  nf_error err;
  nf_xdb *db;
  nf_record *rec;
  nf_registry *reg;
  nf_pipeline *pipeline;
  nf_analysis *an;
  if (nf_xdb_open_writable(path, &db, &err)) die("open", &err);
  nf_xstem *stem;
  if (nf_xstem_new("english", &stem, &err)) die("stemmer", &err);
  if (nf_xdb_set_metadata(db, NF_XLANGUAGE_KEY, "english", &err)) die("metadata", &err);
  if (nf_record_new(&rec) || nf_analysis_new(&an) || nf_registry_new(&reg)) die("record", NULL);
  if (nf_registry_add(reg, &synthetic, &err) || nf_pipeline_new(reg, NULL, &pipeline, &err))
    die("pipeline", &err);
  nf_buf text = NF_BUF_INIT, headline = NF_BUF_INIT;
  double t0 = bench_now();
  for (unsigned long i = 0; i < n; i++) {
    nf_buf_clear(&text);
    nf_buf_clear(&headline);
    size_t nw = 120 + below(200);
    for (size_t k = 0; k < nw; k++)
      nf_buf_printf(&text, "%s%s", k ? (k % 17 == 0 ? ". " : " ") : "", words[zipf_draw(&zw)]);
    for (size_t k = 0; k < 6; k++)
      nf_buf_printf(&headline, "%s%s", k ? " " : "", words[zipf_draw(&zw)]);
    char id[32], date[16];
    snprintf(id, sizeof id, "syn-%07lu", i);
    /* ten years, 2015-2024, any day up to the 28th */
    snprintf(date, sizeof date, "%04zu-%02zu-%02zu", 2015 + below(10), 1 + below(12),
             1 + below(28));
    nf_article a;
    memset(&a, 0, sizeof a);
    a.id = (nf_str){id, strlen(id)};
    a.text = (nf_str){text.data, text.len};
    a.headline = (nf_str){headline.data, headline.len};
    a.date = (nf_str){date, strlen(date)};
    nplanned = 0;
    for (size_t k = 1 + below(6); k > 0; k--)
      plan(NF_TYPE_COUNTRY, countries[zipf_draw(&zc)], NULL, NULL);
    for (size_t k = below(6); k > 0; k--)
      plan(NF_TYPE_SPEAKER, speakers[zipf_draw(&zs)], NULL, NULL);
    for (size_t k = below(5); k > 0; k--)
      plan(NF_TYPE_OFFICIAL, speakers[zipf_draw(&zs)], NF_ATTR_TITLE,
           titles[below(sizeof titles / sizeof titles[0])]);
    for (size_t k = 1 + below(2); k > 0; k--)
      plan(NF_TYPE_BYLINE, bylines[zipf_draw(&zb)], NULL, NULL);
    plan(NF_TYPE_DATELINE, places[zipf_draw(&zp)], NULL, NULL);
    plan(NF_TYPE_AGENCY, agencies[below(sizeof agencies / sizeof agencies[0])], NULL, NULL);
    if (nf_record_extract(rec, pipeline, an, &a, &err)) die("record", &err);
    nf_xdoc *doc;
    char *uid;
    size_t uid_len;
    if (nf_document_build(schema, rec, stem, NF_DOCUMENT_STORED, &doc, &err)) die("document", &err);
    if (nf_document_uid_term(schema, rec, &uid, &uid_len)) die("uid", NULL);
    if (nf_xdb_replace(db, uid, uid_len, doc, &err)) die("replace", &err);
    free(uid);
    nf_xdoc_free(doc);
    if ((i + 1) % 10000 == 0) {
      if (nf_xdb_commit(db, &err)) die("commit", &err);
      fprintf(stderr, "\r%lu articles", i + 1);
    }
  }
  if (nf_xdb_commit(db, &err)) die("commit", &err);
  fprintf(stderr, "\n");
  double secs = bench_now() - t0;
  nf_buf_free(&text);
  nf_buf_free(&headline);
  nf_record_free(rec);
  nf_analysis_free(an);
  nf_pipeline_free(pipeline);
  nf_registry_free(reg);
  nf_xdb_free(db);
  nf_xstem_free(stem);
  free(zw.cdf);
  free(zc.cdf);
  free(zs.cdf);
  free(zb.cdf);
  free(zp.cdf);
  return secs;
}

/* ---- queries ----------------------------------------------------------- */

/* Queries of varied selectivity: everything, frequent and rare words,
 * common and rare countries, speakers, months and years, and mixes. */
static char *make_query(size_t i) {
  char q[256];
  switch (i % 10) {
    case 0:
      snprintf(q, sizeof q, "%s", i % 20 ? words[below(3)] : "");
      break;
    case 1:
      snprintf(q, sizeof q, "%s", words[below(30)]);
      break;
    case 2:
      snprintf(q, sizeof q, "%s", words[300 + below(3000)]);
      break;
    case 3:
      snprintf(q, sizeof q, "country:%s", countries[below(5)]);
      break;
    case 4:
      snprintf(q, sizeof q, "country:%s",
               countries[10 + below(sizeof countries / sizeof countries[0] - 10)]);
      break;
    case 5:
      snprintf(q, sizeof q, "speaker:\"%s\"", speakers[below(200)]);
      break;
    case 6:
      snprintf(q, sizeof q, "date:%zu-%02zu", 2015 + below(10), 1 + below(12));
      break;
    case 7:
      snprintf(q, sizeof q, "year:%zu", 2015 + below(10));
      break;
    case 8:
      snprintf(q, sizeof q, "%s country:%s", words[below(100)], countries[below(20)]);
      break;
    default:
      snprintf(q, sizeof q, "%s OR %s", words[below(1000)], words[1000 + below(5000)]);
      break;
  }
  return strdup(q);
}

/* Median and p99 (nearest rank) of n times, in milliseconds. */
static void report(const char *what, double *t, size_t n) {
  size_t p99 = bench_sort_p99(t, n);
  double sum = 0;
  for (size_t i = 0; i < n; i++) sum += t[i];
  printf("  %-34s median %8.2f ms   p99 %8.2f ms   mean %8.2f ms   max %8.2f ms\n", what,
         t[n / 2] * 1e3, t[p99] * 1e3, sum / (double)n * 1e3, t[n - 1] * 1e3);
}

int main(int argc, char **argv) {
  unsigned long ndocs = 100000, nqueries = 200, seed = 20211220;
  const char *keep = NULL;
  static const struct option longopts[] = {{"docs", required_argument, NULL, 'n'},
                                           {"queries", required_argument, NULL, 'q'},
                                           {"seed", required_argument, NULL, 's'},
                                           {"db", required_argument, NULL, 'd'},
                                           {NULL, 0, NULL, 0}};
  int c;
  while ((c = getopt_long(argc, argv, "n:q:s:d:", longopts, NULL)) != -1) {
    switch (c) {
      case 'n':
        ndocs = strtoul(optarg, NULL, 10);
        break;
      case 'q':
        nqueries = strtoul(optarg, NULL, 10);
        break;
      case 's':
        seed = strtoul(optarg, NULL, 10);
        break;
      case 'd':
        keep = optarg;
        break;
      default:
        fprintf(stderr, "usage: bench_facets [--docs N] [--queries N] [--seed N] [--db DIR]\n");
        return 2;
    }
  }
  if (ndocs == 0 || nqueries == 0 || nqueries > MAX_QUERIES) {
    fprintf(stderr, "bench_facets: --docs and --queries (at most %d) need a number\n", MAX_QUERIES);
    return 2;
  }
  nf_error err;
  nf_registry *kinds;
  nf_schema *schema;
  if (nf_registry_default(&kinds, &err) || nf_schema_load(NF_BENCH_SCHEMA, kinds, &schema, &err))
    die("schema", &err);
  rng_state = seed;
  make_world();

  char tmpl[] = "/tmp/nf-bench-facets-XXXXXX", path[600];
  struct stat st;
  int reuse = keep && stat(keep, &st) == 0;
  if (keep) {
    snprintf(path, sizeof path, "%s", keep);
  } else {
    if (!mkdtemp(tmpl)) die("mkdtemp", NULL);
    snprintf(path, sizeof path, "%s/db", tmpl);
  }
  printf("bench_facets: %lu synthetic articles (seed %lu), %lu queries\n", ndocs, seed, nqueries);
  if (reuse) {
    printf("  index: reused %s\n", path);
  } else {
    double secs = build(path, schema, ndocs);
    printf("  index: built in %.1f s (%.0f articles/s)\n", secs, (double)ndocs / secs);
  }
  const char *dbs[] = {path};
  nf_searcher *s;
  if (nf_searcher_open(dbs, 1, schema, NULL, &s, &err)) die("open", &err);

  /* the default facets: every facet field of the schema; then the date field */
  const char *facets[40];
  size_t nfacets = 0;
  const char *date = NULL;
  for (size_t i = 0; i < nf_schema_field_count(schema) && nfacets < 39; i++) {
    const nf_field *f = nf_schema_field(schema, i);
    if (f->facet) facets[nfacets++] = f->name;
    if (f->kind->mode == NF_KIND_DATE) date = f->name;
  }
  printf("  facets:");
  for (size_t i = 0; i < nfacets; i++) printf(" %s", facets[i]);
  printf(" (10 values each); term facets counted by %s\n",
         getenv("NF_FACET_METHOD") ? getenv("NF_FACET_METHOD") : "the shim's choice");
  facets[nfacets] = date;

  char **queries = calloc(nqueries, sizeof *queries);
  double *plain = calloc(nqueries, sizeof(double)), *faceted = calloc(nqueries, sizeof(double)),
         *histo = calloc(nqueries, sizeof(double)), *hist_only = calloc(nqueries, sizeof(double));
  unsigned long *totals = calloc(nqueries, sizeof *totals);
  for (size_t i = 0; i < nqueries; i++) queries[i] = make_query(i);
  nf_search_options none = {.limit = 10, .sort = NF_SORT_RELEVANCE, .facet_limit = 10};
  nf_search_options with = {.limit = 10,
                            .sort = NF_SORT_RELEVANCE,
                            .facets = facets,
                            .nfacets = nfacets,
                            .facet_limit = 10};
  nf_search_options with_hist = {.limit = 10,
                                 .sort = NF_SORT_RELEVANCE,
                                 .facets = facets,
                                 .nfacets = nfacets + 1,
                                 .facet_limit = 10};
  nf_search_options hist = {.limit = 10,
                            .sort = NF_SORT_RELEVANCE,
                            .facets = facets + nfacets,
                            .nfacets = 1,
                            .facet_limit = 10};
  /* one untimed pass so that every run reads from the page cache */
  for (size_t i = 0; i < nqueries; i++)
    bench_timed_search(s, queries[i], &with_hist, &totals[i], die);
  for (size_t i = 0; i < nqueries; i++) {
    plain[i] = bench_timed_search(s, queries[i], &none, NULL, die);
    faceted[i] = bench_timed_search(s, queries[i], &with, NULL, die);
    histo[i] = bench_timed_search(s, queries[i], &with_hist, NULL, die);
    hist_only[i] = bench_timed_search(s, queries[i], &hist, NULL, die);
  }
  unsigned long buckets[4] = {0}; /* matches: <0.1%, <1%, <10%, more */
  for (size_t i = 0; i < nqueries; i++) {
    double f = (double)totals[i] / (double)ndocs;
    buckets[f < 0.001 ? 0 : f < 0.01 ? 1 : f < 0.1 ? 2 : 3]++;
  }
  printf(
      "  queries by matches: %lu under 0.1%%, %lu under 1%%, %lu under 10%%, "
      "%lu 10%% or more\n",
      buckets[0], buckets[1], buckets[2], buckets[3]);
  printf("  search time, 10 hits with snippets, one core:\n");
  report("no facets", plain, nqueries);
  report("default facets", faceted, nqueries);
  report("default facets + histogram", histo, nqueries);
  report("histogram alone", hist_only, nqueries);

  nf_searcher_free(s);
  for (size_t i = 0; i < nqueries; i++) free(queries[i]);
  free(queries);
  free(plain);
  free(faceted);
  free(histo);
  free(hist_only);
  free(totals);
  for (size_t i = 0; i < NWORDS; i++) free(words[i]);
  for (size_t i = 0; i < NSPEAKERS; i++) free(speakers[i]);
  for (size_t i = 0; i < NBYLINES; i++) free(bylines[i]);
  for (size_t i = 0; i < NPLACES; i++) free(places[i]);
  nf_schema_free(schema);
  nf_registry_free(kinds);
  if (!keep) {
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpl);
    if (system(cmd) != 0) fprintf(stderr, "bench_facets: could not remove %s\n", tmpl);
  }
  return 0;
}
