/* Indexing throughput: newsfields against plain Xapian indexing of the same
 * text, in the same run.
 *
 *   bench_index ARTICLES.jsonl [LIMIT]
 *
 * newsfields runs twice: analysing in the writer's thread, and with the
 * analysis thread beside it (the default on two cores).
 * Plain Xapian: a TermGenerator over headline (prefix S) and text with the
 * English stemmer, the text as document data, replace by unique id term —
 * what any Xapian indexer does.  newsfields: the full pipeline (record,
 * analyzers, schema fields, facet terms).  Both read the same articles from
 * memory into fresh databases and commit at the end.  Prints the wall time
 * and the CPU time of the process (every thread) of each, MB/s and the
 * ratios.  The allocator is glibc's, as in a program that embeds the library
 * (the newsfields command links jemalloc: time it with /usr/bin/time).
 *
 *   bench_index --plain DB ARTICLES.jsonl
 *
 * only the plain Xapian indexing, streamed from the file into DB (kept): the
 * scale benchmark (scale.sh) compares its compacted size with newsfields'. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buffer.h"
#include "newsfields/index.h"
#include "newsfields/input.h"
#include "xapian/shim.h"

typedef struct article_copy {
  char *id, *headline, *text, *rest; /* rest: the JSON line, for newsfields */
  size_t text_len;
} article_copy;

typedef struct timing {
  double wall, cpu; /* seconds */
} timing;

static double clock_seconds(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static timing now(void) {
  return (timing){clock_seconds(CLOCK_MONOTONIC), clock_seconds(CLOCK_PROCESS_CPUTIME_ID)};
}

static timing since(timing t0) {
  timing t1 = now();
  return (timing){t1.wall - t0.wall, t1.cpu - t0.cpu};
}

static char *dup_str(nf_str s) { return s.p ? strndup(s.p, s.n) : strdup(""); }

static void die(const char *what, const nf_error *err) {
  fprintf(stderr, "bench_index: %s: %s %s\n", what, err ? err->where : "", err ? err->message : "");
  exit(1);
}

/* Plain Xapian indexing of article number i; commits every 1,000. */
static void plain_add(nf_xdb *db, const nf_article *a, size_t i) {
  nf_error err;
  {
    nf_xdoc *doc;
    if (nf_xdoc_new("english", &doc, &err)) die("doc", &err);
    if (a->headline.p && nf_xdoc_index_text(doc, a->headline.p, a->headline.n, "S", &err))
      die("index headline", &err);
    nf_xdoc_increase_termpos(doc, 100);
    if (nf_xdoc_index_text(doc, a->text.p, a->text.n, "", &err)) die("index text", &err);
    if (nf_xdoc_set_data(doc, a->text.p, a->text.n, &err)) die("data", &err);
    size_t tn;
    char *uid = nf_xterm_make("Q", a->id.p, a->id.n, &tn);
    if (nf_xdoc_add_boolean_term(doc, "Q", a->id.p, a->id.n, &err)) die("term", &err);
    if (nf_xdb_replace(db, uid, tn, doc, &err)) die("replace", &err);
    free(uid);
    nf_xdoc_free(doc);
    if ((i + 1) % 1000 == 0 && nf_xdb_commit(db, &err)) die("commit", &err);
  }
}

/* Plain Xapian indexing of the articles into db. */
static timing plain_xapian(const char *db_path, const nf_article *arts, size_t n) {
  nf_error err;
  nf_xdb *db;
  timing t0 = now();
  if (nf_xdb_open_writable(db_path, &db, &err)) die("open plain", &err);
  for (size_t i = 0; i < n; i++) plain_add(db, &arts[i], i);
  if (nf_xdb_commit(db, &err)) die("commit", &err);
  nf_xdb_free(db);
  return since(t0);
}

/* --plain DB FILE: plain Xapian only, streamed. */
static int plain_only(const char *db_path, const char *input) {
  nf_error err;
  nf_xdb *db;
  nf_input *in;
  const char *paths[] = {input};
  timing t0 = now();
  double bytes = 0;
  if (nf_input_open(paths, 1, &in, &err)) die("input", &err);
  if (nf_xdb_open_writable(db_path, &db, &err)) die("open plain", &err);
  const nf_article *a;
  size_t n = 0;
  while (nf_input_next(in, &a, &err) == NF_OK && a) {
    bytes += (double)(a->text.n + a->headline.n);
    plain_add(db, a, n++);
  }
  if (nf_xdb_commit(db, &err)) die("commit", &err);
  nf_xdb_free(db);
  nf_input_free(in);
  timing t = since(t0);
  printf("plain Xapian: %zu articles, %.2f MB of text in %.2f s (%.2f MB/s), %.2f s of CPU\n", n,
         bytes / 1e6, t.wall, bytes / 1e6 / t.wall, t.cpu);
  return 0;
}

static timing with_newsfields(const char *db_path, const nf_schema *schema, const nf_article *arts,
                              size_t n, unsigned threads) {
  nf_error err;
  nf_indexer *ix;
  nf_index_options opts = {NULL, 0, NULL, threads, 0};
  timing t0 = now();
  if (nf_indexer_open(db_path, schema, &opts, &ix, &err)) die("open newsfields", &err);
  for (size_t i = 0; i < n; i++)
    if (nf_indexer_add(ix, &arts[i], &err)) die("add", &err);
  if (nf_indexer_commit(ix, &err)) die("commit", &err);
  nf_indexer_free(ix);
  return since(t0);
}

int main(int argc, char **argv) {
  if (argc == 4 && strcmp(argv[1], "--plain") == 0) return plain_only(argv[2], argv[3]);
  if (argc < 2) {
    fprintf(stderr, "usage: bench_index ARTICLES.jsonl [LIMIT]\n");
    return 2;
  }
  size_t limit = argc > 2 ? strtoul(argv[2], NULL, 10) : (size_t)-1;
  nf_error err;
  nf_registry *kinds;
  nf_schema *schema;
  char *schema_path = nf_schema_default_path();
  if (!schema_path || nf_registry_default(&kinds, &err) ||
      nf_schema_load(schema_path, kinds, &schema, &err))
    die("schema", &err);
  free(schema_path);

  /* Read everything first: the timing is indexing, not reading. */
  nf_input *in;
  const char *paths[] = {argv[1]};
  if (nf_input_open(paths, 1, &in, &err)) die("input", &err);
  size_t n = 0, cap = 1024;
  nf_article *arts = calloc(cap, sizeof *arts);
  double bytes = 0;
  const nf_article *a;
  while (n < limit && nf_input_next(in, &a, &err) == NF_OK && a) {
    if (n == cap) arts = realloc(arts, (cap *= 2) * sizeof *arts);
    nf_article *c = &arts[n++];
    memset(c, 0, sizeof *c);
    c->id = (nf_str){dup_str(a->id), a->id.n};
    c->text = (nf_str){dup_str(a->text), a->text.n};
    if (a->headline.p) c->headline = (nf_str){dup_str(a->headline), a->headline.n};
    if (a->date.p) c->date = (nf_str){dup_str(a->date), a->date.n};
    if (a->source.p) c->source = (nf_str){dup_str(a->source), a->source.n};
    if (a->author.p) c->author = (nf_str){dup_str(a->author), a->author.n};
    bytes += (double)(a->text.n + a->headline.n);
  }
  nf_input_free(in);

  char tmpl[] = "/tmp/nf-bench-XXXXXX";
  char *dir = mkdtemp(tmpl);
  if (!dir) die("mkdtemp", NULL);
  char plain_db[64], nf_db[64], nf2_db[64];
  snprintf(plain_db, sizeof plain_db, "%s/plain", dir);
  snprintf(nf_db, sizeof nf_db, "%s/newsfields", dir);
  snprintf(nf2_db, sizeof nf2_db, "%s/newsfields2", dir);

  timing plain = plain_xapian(plain_db, arts, n);
  timing one = with_newsfields(nf_db, schema, arts, n, 1);
  timing two = with_newsfields(nf2_db, schema, arts, n, 2);
  double mb = bytes / 1e6;
  printf("articles: %zu, text: %.2f MB\n", n, mb);
  printf("plain Xapian indexing:                     %.2f s, %.2f MB/s, %.2f s of CPU\n",
         plain.wall, mb / plain.wall, plain.cpu);
  printf("newsfields indexing, one thread:           %.2f s, %.2f MB/s, %.2f s of CPU\n", one.wall,
         mb / one.wall, one.cpu);
  printf("newsfields indexing, with analysis thread: %.2f s, %.2f MB/s, %.2f s of CPU\n", two.wall,
         mb / two.wall, two.cpu);
  printf("ratio newsfields/plain wall time: %.2f one thread, %.2f with analysis thread\n",
         one.wall / plain.wall, two.wall / plain.wall);
  printf("ratio newsfields/plain CPU time:  %.2f one thread, %.2f with analysis thread\n",
         one.cpu / plain.cpu, two.cpu / plain.cpu);

  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
  for (size_t i = 0; i < n; i++) {
    free((char *)arts[i].id.p);
    free((char *)arts[i].text.p);
    free((char *)arts[i].headline.p);
    free((char *)arts[i].date.p);
    free((char *)arts[i].source.p);
    free((char *)arts[i].author.p);
  }
  free(arts);
  nf_schema_free(schema);
  nf_registry_free(kinds);
  return 0;
}
