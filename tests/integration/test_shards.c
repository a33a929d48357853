/* Sharded indexes (`index -j N`) and compaction, through the built command
 * and real databases: -j 2 finds what -j 1 finds (hits, facet counts,
 * histogram), each article lies in the shard its id hashes to and
 * re-indexing replaces it there, bad articles give the same messages and
 * leave the same articles, the number of shards cannot change under an
 * index, and `compact` (of one database, of shards, `index --compact`)
 * changes no result. */
#define _GNU_SOURCE
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "newsfields/schema.h"
#include "newsfields/search.h"
#include "search_fixture.h"
#include "testutil.h"

#define SAMPLE NF_TEST_CORPUS "/sample.jsonl"
#define ARTICLES 36
#define FACETS                                                                    \
  "byline,dateline,agency,country,title,official,officialorg,speaker,speakerorg," \
  "speakercountry,officialcountry"

static char *dir;
static nf_schema *schema;

static void setup(void) {
  nf_error err;
  ck_assert_int_eq(nf_schema_load(NF_TEST_SCHEMA_DIR "/newsfields.schema", NULL, &schema, &err),
                   NF_OK);
  dir = nf_test_tmpdir();
}

static void teardown(void) {
  nf_schema_free(schema);
  nf_test_rmtree(dir);
  free(dir);
}

/* `newsfields ARGS` run in dir; its exit status, stdout and stderr (the
 * caller frees them; out and err may be NULL). */
static int run(char **out, char **err, const char *args) {
  return nf_test_runf(out, err, "cd '%s' && '%s' %s", dir, NF_TEST_COMMAND, args);
}

static void run_ok(const char *args) {
  char *err;
  int rc = run(NULL, &err, args);
  ck_assert_msg(rc == 0, "newsfields %s: exit %d: %s", args, rc, err);
  free(err);
}

static char *path_in(const char *name) {
  char *p;
  ck_assert_int_ge(asprintf(&p, "%s/%s", dir, name), 0);
  return p;
}

/* The ids a query finds in the database at dir/name, sorted. */
static char *ids(const char *name, const char *query) {
  char *db = path_in(name);
  const char *dbs[] = {db};
  char *got = nf_test_search_ids(dbs, 1, schema, query, NULL);
  free(db);
  return got;
}

/* The JSON of a search with every facet (all values) and the histogram,
 * no hits: what must not depend on the layout. */
static char *counts(const char *name, const char *query) {
  char *args, *out;
  ck_assert_int_ge(asprintf(&args,
                            "search --db %s --json -n 0 --facet-limit 0 --histogram --facets "
                            "%s '%s'",
                            name, FACETS, query),
                   0);
  int rc = run(&out, NULL, args);
  ck_assert_msg(rc == 0, "%s", args);
  free(args);
  return out;
}

static const char *const queries[] = {"",
                                      "country:Lithuania",
                                      "minister",
                                      "speaker:Austin",
                                      "\"central bank\"",
                                      "date:2021-01-01..2021-12-31",
                                      "official:putin OR country:China",
                                      "title:\"defense minister\"",
                                      "rates -country:us"};

/* The databases at a and b answer every query alike. */
static void same_answers(const char *a, const char *b) {
  for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
    char *ia = ids(a, queries[q]), *ib = ids(b, queries[q]);
    ck_assert_msg(strncmp(ia, "ERROR", 5) != 0, "%s: %s", queries[q], ia);
    ck_assert_msg(strcmp(ia, ib) == 0, "%s: %s has %s, %s has %s", queries[q], a, ia, b, ib);
    char *ca = counts(a, queries[q]), *cb = counts(b, queries[q]);
    ck_assert_msg(strcmp(ca, cb) == 0, "%s: %s counts %s\n%s counts %s", queries[q], a, ca, b, cb);
    free(ia), free(ib), free(ca), free(cb);
  }
}

static long doccount(const char *name) {
  char *cmd, *out = NULL;
  long n = -1;
  ck_assert_int_ge(asprintf(&cmd, "xapian-delve '%s/%s' 2>/dev/null", dir, name), 0);
  if (nf_test_run(cmd, 0, &out) == 0) {
    const char *p = strstr(out, "number of documents = ");
    if (p) n = strtol(p + 22, NULL, 10);
  }
  free(cmd);
  free(out);
  return n;
}

static void xapian_check(const char *name) {
  char *cmd, *out = NULL;
  ck_assert_int_ge(asprintf(&cmd, "xapian-check '%s/%s'", dir, name), 0);
  int rc = nf_test_run(cmd, 1, &out);
  ck_assert_msg(rc == 0 && nf_test_contains(out, "No errors found"), "%s: %s", cmd, out);
  free(cmd);
  free(out);
}

static char *read_file(const char *name) {
  char *path = path_in(name), *text = NULL;
  size_t cap = 0;
  FILE *f = fopen(path, "r");
  ck_assert_ptr_nonnull(f);
  ck_assert_int_ge(getdelim(&text, &cap, '\0', f), 0);
  fclose(f);
  free(path);
  return text;
}

/* The shard of an id: FNV-1a 64 of its bytes, mod n (fixed for ever: it
 * says where an indexed article is). */
static unsigned shard_of(const char *id, unsigned n) {
  uint64_t h = 14695981039346656037ull;
  for (const char *p = id; *p; p++) {
    h ^= (unsigned char)*p;
    h *= 1099511628211ull;
  }
  return (unsigned)(h % n);
}

/* Every article of shard k of dir/name is one that hashes to k; returns
 * how many there are. */
static long check_placement(const char *name, unsigned n) {
  long total = 0;
  for (unsigned k = 0; k < n; k++) {
    char shard[256];
    snprintf(shard, sizeof shard, "%s/shard%u", name, k);
    char *list = ids(shard, "");
    ck_assert_msg(strncmp(list, "ERROR", 5) != 0, "%s", list);
    long here = 0;
    for (char *save = NULL, *id = strtok_r(list, " ", &save); id; id = strtok_r(NULL, " ", &save)) {
      ck_assert_msg(shard_of(id, n) == k, "%s is in shard %u of %u", id, k, n);
      here++;
    }
    ck_assert_int_eq(doccount(shard), here);
    total += here;
    free(list);
  }
  return total;
}

START_TEST(two_shards_answer_as_one) {
  run_ok("index -q -j 1 --batch 7 --db one " SAMPLE);
  run_ok("index -q -j 2 --batch 7 --db two " SAMPLE);
  char *stub = read_file("two/XAPIANDB");
  ck_assert_str_eq(stub, "auto shard0\nauto shard1\n");
  free(stub);
  ck_assert_int_eq(doccount("one"), ARTICLES);
  ck_assert_int_eq(doccount("two"), ARTICLES);
  ck_assert_int_gt(doccount("two/shard0"), 0);
  ck_assert_int_gt(doccount("two/shard1"), 0);
  xapian_check("two/shard0");
  xapian_check("two/shard1");
  same_answers("one", "two");
  /* three shards too: the stub and the placement follow N */
  run_ok("index -q -j 3 --db three " SAMPLE);
  ck_assert_int_eq(check_placement("three", 3), ARTICLES);
  same_answers("one", "three");
  /* the language is every shard's */
  for (int k = 0; k < 3; k++) {
    char *cmd, *out = NULL;
    ck_assert_int_ge(
        asprintf(&cmd, "xapian-metadata get '%s/three/shard%d' newsfields.language", dir, k), 0);
    ck_assert_int_eq(nf_test_run(cmd, 0, &out), 0);
    ck_assert_str_eq(out, "english\n");
    free(cmd), free(out);
  }
}
END_TEST

START_TEST(reindexing_replaces_in_its_shard) {
  run_ok("index -q -j 2 --db two " SAMPLE);
  ck_assert_int_eq(check_placement("two", 2), ARTICLES);
  long shard0 = doccount("two/shard0");
  run_ok("index -q -j 2 --batch 5 --db two " SAMPLE);
  ck_assert_int_eq(doccount("two"), ARTICLES);
  ck_assert_int_eq(doccount("two/shard0"), shard0);
  ck_assert_int_eq(check_placement("two", 2), ARTICLES);
  /* a changed article replaces the old one, in its shard */
  char *line = NULL;
  ck_assert_int_ge(asprintf(&line,
                            "{\"id\":\"nf-sample-005\",\"headline\":\"Changed\",\"text\":\"The "
                            "zanzibarian delegation arrived in Vilnius, Lithuania.\"}\n"),
                   0);
  char *changed = path_in("changed.jsonl");
  ck_assert_int_eq(nf_test_write(changed, line), 0);
  run_ok("index -q -j 2 --db two changed.jsonl");
  ck_assert_int_eq(doccount("two"), ARTICLES);
  char *found = ids("two", "zanzibarian");
  ck_assert_str_eq(found, "nf-sample-005");
  free(found);
  found = ids("two", "id:nf-sample-005");
  ck_assert_str_eq(found, "nf-sample-005");
  free(found);
  ck_assert_int_eq(check_placement("two", 2), ARTICLES);
  free(line);
  free(changed);
}
END_TEST

/* The sample with a bad date on line 21 and bad JSON on line 32. */
static void write_bad_input(void) {
  char *cmd;
  ck_assert_int_ge(asprintf(&cmd,
                            "cd '%s' && (head -20 '%s'; echo '{\"id\":\"bad1\",\"text\":\"x\","
                            "\"date\":\"notadate\"}'; sed -n 21,30p '%s'; echo '{not json'; "
                            "sed -n 31,36p '%s') > bad.jsonl",
                            dir, SAMPLE, SAMPLE, SAMPLE),
                   0);
  ck_assert_int_eq(system(cmd), 0);
  free(cmd);
}

START_TEST(bad_articles_as_with_one_database) {
  write_bad_input();
  const char *stop =
      "newsfields: bad.jsonl:21: date 'notadate' is not an ISO 8601 date (YYYY-MM-DD)\n"
      "newsfields: use --skip-bad to skip bad articles\n";
  const char *skip =
      "newsfields: skipped: bad.jsonl:21: date 'notadate' is not an ISO 8601 date "
      "(YYYY-MM-DD)\n"
      "newsfields: skipped: bad.jsonl:32: invalid JSON at column 4: string or '}' "
      "expected near 'not'\n";
  const char *dbs[] = {"one", "two"};
  for (int j = 0; j < 2; j++) {
    char args[256], *err;
    /* small batches: several commits before the error */
    snprintf(args, sizeof args, "index -q -j %d --batch 3 --db %s bad.jsonl", j + 1, dbs[j]);
    ck_assert_int_eq(run(NULL, &err, args), 1);
    ck_assert_str_eq(err, stop);
    free(err);
    ck_assert_int_eq(doccount(dbs[j]), 20); /* exactly the articles before it */
  }
  char *before = ids("one", ""), *after = ids("two", "");
  ck_assert_str_eq(before, after);
  free(before), free(after);
  for (int j = 0; j < 2; j++) {
    char args[256], *err;
    snprintf(args, sizeof args, "index -q -j %d --skip-bad --db %s bad.jsonl", j + 1, dbs[j]);
    ck_assert_int_eq(run(NULL, &err, args), 0);
    ck_assert_str_eq(err, skip);
    free(err);
    ck_assert_int_eq(doccount(dbs[j]), ARTICLES);
  }
  same_answers("one", "two");
}
END_TEST

START_TEST(shards_cannot_change) {
  run_ok("index -q -j 2 --db two " SAMPLE);
  run_ok("index -q --db one " SAMPLE);
  char *err;
  ck_assert_int_eq(run(NULL, &err, "index -q -j 3 --db two " SAMPLE), 1);
  ck_assert_str_eq(err,
                   "newsfields: two: the index is split into 2 shards: index into it with -j 2 "
                   "(or merge the shards into one database with `newsfields compact`, then use "
                   "-j 1)\n");
  free(err);
  ck_assert_int_eq(run(NULL, &err, "index -q --db two " SAMPLE), 1);
  ck_assert(nf_test_contains(err, "the index is split into 2 shards: index into it with -j 2"));
  free(err);
  ck_assert_int_eq(run(NULL, &err, "index -q -j 2 --db one " SAMPLE), 1);
  ck_assert_str_eq(err,
                   "newsfields: one: the index is one database: index into it with -j 1 (a "
                   "database is not split into shards; -j 2 makes a new index in a new --db)\n");
  free(err);
  ck_assert_int_eq(run(NULL, &err, "index -q -j 0 --db x " SAMPLE), 2);
  ck_assert(nf_test_contains(err, "--jobs is a number from 1 to 64, not '0'"));
  free(err);
  ck_assert_int_eq(doccount("two"), ARTICLES);
  ck_assert_int_eq(doccount("one"), ARTICLES);
}
END_TEST

START_TEST(compact_one_database_and_shards) {
  run_ok("index -q --db one " SAMPLE);
  run_ok("index -q -j 2 --db two " SAMPLE);
  run_ok("index -q --db reference " SAMPLE);
  /* one database, into a new one */
  run_ok("compact -q --db one --output one-compact");
  xapian_check("one-compact");
  same_answers("reference", "one-compact");
  /* shards merged in place, with progress */
  char *err;
  ck_assert_int_eq(run(NULL, &err, "compact --db two"), 0);
  ck_assert_msg(nf_test_contains(err, "newsfields: compact two: postlist: "), "%s", err);
  free(err);
  char *stub = path_in("two/XAPIANDB");
  ck_assert_int_ne(access(stub, F_OK), 0);
  free(stub);
  xapian_check("two");
  ck_assert_int_eq(doccount("two"), ARTICLES);
  same_answers("reference", "two");
  /* it is one database now: -j 1 indexes into it, replacing */
  run_ok("index -q --db two " SAMPLE);
  ck_assert_int_eq(doccount("two"), ARTICLES);
  same_answers("reference", "two");
  /* index --compact, from nothing */
  run_ok("index -q -j 2 --compact --db fresh " SAMPLE);
  xapian_check("fresh");
  same_answers("reference", "fresh");
  /* an output that exists is refused; no index is an error */
  ck_assert_int_eq(run(NULL, &err, "compact -q --db one --output one-compact"), 1);
  ck_assert_str_eq(err,
                   "newsfields: one-compact: already exists: the compacted database goes to a new "
                   "path\n");
  free(err);
  ck_assert_int_eq(run(NULL, &err, "compact -q --db nothing"), 1);
  ck_assert_str_eq(err, "newsfields: nothing: no index there\n");
  free(err);
}
END_TEST

int main(void) {
  Suite *s = suite_create("shards");
  TCase *tc = tcase_create("shards");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 240);
  tcase_add_test(tc, two_shards_answer_as_one);
  tcase_add_test(tc, reindexing_replaces_in_its_shard);
  tcase_add_test(tc, bad_articles_as_with_one_database);
  tcase_add_test(tc, shards_cannot_change);
  tcase_add_test(tc, compact_one_database_and_shards);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
