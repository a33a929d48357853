/* Round trips through real Xapian databases with the library API:
 * index the fixture articles, search them with every kind of field. */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buffer.h"
#include "newsfields/analyzer.h"
#include "newsfields/index.h"
#include "newsfields/input.h"
#include "newsfields/record.h"
#include "newsfields/search.h"
#include "search_fixture.h"
#include "testutil.h"

#define FIXTURE NF_TEST_FIXTURES "/articles.jsonl"
#define SAMPLE NF_TEST_CORPUS "/sample.jsonl"
#define STRIKE NF_TEST_FIXTURES "/duplicates/port-strike.jsonl"

static char *dir, *db;
static nf_registry *kinds; /* the schema's kinds */
static nf_schema *schema;

/* Index every article of the inputs into path; returns the count. */
static unsigned long index_into(const char *path, const char *const *inputs, size_t n) {
  return nf_test_index_files(path, schema, NULL, inputs, n);
}

static void setup(void) {
  nf_error err;
  ck_assert_int_eq(nf_registry_default(&kinds, &err), NF_OK);
  ck_assert_int_eq(nf_schema_load(NF_TEST_SCHEMA_DIR "/newsfields.schema", kinds, &schema, &err),
                   NF_OK);
  dir = nf_test_tmpdir();
  db = malloc(strlen(dir) + 4);
  sprintf(db, "%s/db", dir);
  const char *inputs[] = {FIXTURE};
  ck_assert_uint_eq(index_into(db, inputs, 1), 6);
}

static void teardown(void) {
  nf_schema_free(schema);
  nf_registry_free(kinds);
  nf_test_rmtree(dir);
  free(dir);
  free(db);
}

/* The ids of a search, sorted, space-separated (or "ERROR: message"). */
static char *search_ids(const char *const *dbs, size_t ndbs, const char *query,
                        const nf_search_options *opts) {
  return nf_test_search_ids(dbs, ndbs, schema, query, opts);
}

static const struct {
  const char *query, *ids;
} queries[] = {
    {"oil", "fx-002"},
    {"climbing", "fx-002"},           /* stemmed */
    {"\"interest rates\"", "fx-003"}, /* phrase */
    {"\"rates interest\"", ""},
    {"headline:agreement", "fx-005"},
    {"agreement", "fx-005"},
    {"headline:vilnius", "fx-001"},
    {"oil OR storm", "fx-002 fx-004"},
    {"minister AND NOT trade", "fx-001"},
    {"byline:doe", "fx-001 fx-005"},
    {"byline:\"Jane Doe\"", "fx-001 fx-005"},
    {"byline:\"JANE DOE\"", "fx-001 fx-005"},
    {"byline:Roe", "fx-001 fx-003"},
    {"byline:costa oil", "fx-002"},
    {"byline:nobody", ""},
    {"date:2021-12-01..2021-12-31", "fx-001 fx-002"},
    {"date:2021-12..2022-01", "fx-001 fx-002 fx-003"},
    {"date:2022..", "fx-003 fx-004"},
    {"date:..2021-11-30", "fx-005"},
    {"year:2021", "fx-001 fx-002 fx-005"},
    {"source:\"wire service\"", "fx-001 fx-002"},
    {"id:fx-004", "fx-004"},
    {"country:lt", "fx-001"},
    {"country:Lithuanian", "fx-001"},
    {"country:\"Republic of Lithuania\"", "fx-001"},
    {"country:LTU oil", ""},
    {"country:Atlantis", "ERROR: *"},
    {"id:FX-004", ""},
    {"", "fx-001 fx-002 fx-003 fx-004 fx-005 fx-006"},
    {"date:2021-13-01..2021-12-31", "ERROR: *"},
    {"byline:\"\"", "ERROR: *"},
};

START_TEST(query_rows) {
  const char *dbs[] = {db};
  char *got = search_ids(dbs, 1, queries[_i].query, NULL);
  const char *want = queries[_i].ids;
  if (strcmp(want, "ERROR: *") == 0)
    ck_assert_msg(strncmp(got, "ERROR: ", 7) == 0, "%s: got '%s'", queries[_i].query, got);
  else
    ck_assert_msg(strcmp(got, want) == 0, "%s: got '%s', want '%s'", queries[_i].query, got, want);
  free(got);
}
END_TEST

/* Issue 10: a title with its organisation, speakers and bodies apart. */
START_TEST(titles_with_organisations_and_speaking_bodies) {
  char path[1024], db2[1024];
  snprintf(path, sizeof path, "%s/orgs.jsonl", dir);
  snprintf(db2, sizeof db2, "%s/orgs-db", dir);
  ck_assert_int_eq(
      nf_test_write(path,
                    "{\"id\":\"v1\",\"text\":\"Federal Reserve Board Chairman Paul Volcker "
                    "said rates would hold.\"}\n"
                    "{\"id\":\"v2\",\"text\":\"Paul Volcker, chairman of the Federal Reserve, "
                    "said rates would hold.\"}\n"
                    "{\"id\":\"x\",\"text\":\"Texaco Inc said it would appeal. Chairman John "
                    "Doe spoke.\"}\n"),
      0);
  const char *inputs[] = {path};
  ck_assert_uint_eq(index_into(db2, inputs, 1), 3);
  static const struct {
    const char *query, *ids;
  } rows[] = {
      {"title:\"Fed chairman\"", "v1 v2"},
      {"title:\"Federal Reserve Board chairman\"", "v1 v2"},
      {"title:\"chairman of the Federal Reserve\"", "v1 v2"},
      {"title:chairman officialorg:\"Federal Reserve\"", "v1 v2"},
      {"title:chairman", "v1 v2 x"},
      {"speakerorg:\"Texaco Inc\"", "x"},
      {"speakerorg:TEXACO", "x"},
      {"speaker:texaco", ""},
      {"speaker:volcker", "v1 v2"},
  };
  const char *dbs[] = {db2};
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    char *got = search_ids(dbs, 1, rows[i].query, NULL);
    ck_assert_msg(strcmp(got, rows[i].ids) == 0, "%s: got '%s', want '%s'", rows[i].query, got,
                  rows[i].ids);
    free(got);
  }
}
END_TEST

START_TEST(reindexing_replaces_by_id) {
  const char *inputs[] = {FIXTURE};
  ck_assert_uint_eq(index_into(db, inputs, 1), 6);
  const char *dbs[] = {db};
  nf_searcher *s;
  nf_error err;
  unsigned long count;
  ck_assert_int_eq(nf_searcher_open(dbs, 1, schema, NULL, &s, &err), NF_OK);
  ck_assert_int_eq(nf_searcher_doccount(s, &count, &err), NF_OK);
  ck_assert_uint_eq(count, 6);
  nf_searcher_free(s);
}
END_TEST

START_TEST(uncommitted_articles_are_discarded) {
  nf_error err;
  nf_indexer *ix;
  nf_index_options opts = {NULL, 1000, NULL, 0, 0};
  ck_assert_int_eq(nf_indexer_open(db, schema, &opts, &ix, &err), NF_OK);
  nf_article a;
  memset(&a, 0, sizeof a);
  a.id = (nf_str){"new-1", 5};
  a.text = (nf_str){"never committed", 15};
  ck_assert_int_eq(nf_indexer_add(ix, &a, &err), NF_OK);
  ck_assert_uint_eq(nf_indexer_committed(ix), 0);
  nf_indexer_free(ix);
  const char *dbs[] = {db};
  char *got = search_ids(dbs, 1, "committed", NULL);
  ck_assert_str_eq(got, "");
  free(got);
}
END_TEST

START_TEST(bad_article_leaves_indexer_usable) {
  nf_error err;
  nf_indexer *ix;
  nf_index_options in_caller = {NULL, 0, NULL, 1, 0}; /* the error comes back at once */
  ck_assert_int_eq(nf_indexer_open(db, schema, &in_caller, &ix, &err), NF_OK);
  nf_article a;
  memset(&a, 0, sizeof a);
  a.id = (nf_str){"bad-date", 8};
  a.text = (nf_str){"text", 4};
  a.date = (nf_str){"2021-02-30", 10};
  ck_assert_int_eq(nf_indexer_add(ix, &a, &err), NF_ERR_PARSE);
  ck_assert_str_eq(err.message, "date '2021-02-30' is not an ISO 8601 date (YYYY-MM-DD)");
  a.date = (nf_str){NULL, 0};
  ck_assert_int_eq(nf_indexer_add(ix, &a, &err), NF_OK);
  ck_assert_int_eq(nf_indexer_commit(ix, &err), NF_OK);
  unsigned long count;
  ck_assert_int_eq(nf_indexer_doccount(ix, &count, &err), NF_OK);
  ck_assert_uint_eq(count, 7);
  nf_indexer_free(ix);
}
END_TEST

/* An article made for the thread tests: id "t-N", dated unless bad. */
static nf_article numbered(char *id, size_t cap, int n, int bad) {
  snprintf(id, cap, "t-%d", n);
  nf_article a;
  memset(&a, 0, sizeof a);
  a.id = (nf_str){id, strlen(id)};
  a.text = (nf_str){"Threaded text about Lithuania.", 30};
  a.date = bad ? (nf_str){"2021-02-30", 10} : (nf_str){"2021-03-01", 10};
  a.origin = "feed.jsonl";
  a.line = (unsigned long)n;
  return a;
}

static unsigned long count_of(const char *query) {
  const char *dbs[] = {db};
  char *ids = search_ids(dbs, 1, query, NULL);
  unsigned long n = *ids ? 1 : 0;
  for (char *p = ids; *p; p++) n += *p == ' ';
  free(ids);
  return n;
}

START_TEST(analysis_thread_reports_bad_articles_in_order) {
  nf_error err;
  nf_indexer *ix;
  nf_index_options threaded = {NULL, 0, NULL, 2, 0};
  ck_assert_int_eq(nf_indexer_open(db, schema, &threaded, &ix, &err), NF_OK);
  char id[32];
  int errors = 0;
  /* 100 articles, the 40th bad: its error comes back once, naming its line */
  for (int n = 1; n <= 100; n++) {
    nf_article a = numbered(id, sizeof id, n, n == 40);
    nf_error_clear(&err);
    nf_status s = nf_indexer_add(ix, &a, &err);
    if (s != NF_OK) {
      ck_assert_int_eq(s, NF_ERR_PARSE);
      ck_assert_str_eq(err.where, "feed.jsonl:40");
      errors++;
    }
  }
  nf_status s;
  while ((s = nf_indexer_flush(ix, &err)) != NF_OK) {
    ck_assert_int_eq(s, NF_ERR_PARSE);
    ck_assert_str_eq(err.where, "feed.jsonl:40");
    errors++;
  }
  ck_assert_int_eq(errors, 1);
  ck_assert_int_eq(nf_indexer_commit(ix, &err), NF_OK);
  ck_assert_uint_eq(nf_indexer_added(ix), 99);
  nf_indexer_free(ix);
  ck_assert_uint_eq(count_of("threaded"), 99);
}
END_TEST

START_TEST(analysis_thread_stops_at_a_bad_article) {
  nf_error err;
  nf_indexer *ix;
  nf_index_options threaded = {NULL, 0, NULL, 2, 0};
  ck_assert_int_eq(nf_indexer_open(db, schema, &threaded, &ix, &err), NF_OK);
  char id[32];
  nf_status s = NF_OK;
  for (int n = 1; n <= 100 && s == NF_OK; n++) {
    nf_article a = numbered(id, sizeof id, n, n == 40);
    s = nf_indexer_add(ix, &a, &err);
  }
  if (s == NF_OK) s = nf_indexer_flush(ix, &err);
  ck_assert_int_eq(s, NF_ERR_PARSE);
  ck_assert_str_eq(err.where, "feed.jsonl:40");
  /* the caller stops here: exactly the 39 before the bad one are kept */
  ck_assert_int_eq(nf_indexer_commit(ix, &err), NF_OK);
  nf_indexer_free(ix);
  ck_assert_uint_eq(count_of("threaded"), 39);
}
END_TEST

START_TEST(analysis_thread_indexes_as_the_caller_does) {
  const char *inputs[] = {NF_TEST_CORPUS "/sample.jsonl"};
  static const char *const queries[] = {"speaker:Austin country:Lithuania",
                                        "country:China",
                                        "official:Anusauskas",
                                        "title:minister",
                                        "byline:holloway",
                                        "agency:Reuters",
                                        "dateline:Vilnius",
                                        "minister"};
  char *results[2][sizeof queries / sizeof queries[0]];
  for (unsigned threads = 1; threads <= 2; threads++) {
    char path[700];
    snprintf(path, sizeof path, "%s/sample-%u", dir, threads);
    nf_error err;
    nf_indexer *ix;
    nf_input *in;
    nf_index_options o = {NULL, 7, NULL, threads, 0}; /* small batches: commits mid-stream */
    ck_assert_int_eq(nf_indexer_open(path, schema, &o, &ix, &err), NF_OK);
    ck_assert_int_eq(nf_input_open(inputs, 1, &in, &err), NF_OK);
    const nf_article *a;
    while (nf_input_next(in, &a, &err) == NF_OK && a)
      ck_assert_int_eq(nf_indexer_add(ix, a, &err), NF_OK);
    ck_assert_int_eq(nf_indexer_commit(ix, &err), NF_OK);
    ck_assert_uint_eq(nf_indexer_added(ix), 36);
    nf_input_free(in);
    nf_indexer_free(ix);
    const char *dbs[] = {path};
    for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++)
      results[threads - 1][q] = search_ids(dbs, 1, queries[q], NULL);
  }
  for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
    ck_assert_msg(*results[0][q], "%s finds nothing", queries[q]);
    ck_assert_str_eq(results[1][q], results[0][q]);
    free(results[0][q]);
    free(results[1][q]);
  }
}
END_TEST

START_TEST(sort_by_date_and_windows) {
  const char *dbs[] = {db};
  nf_search_options o = {.limit = 3, .sort = NF_SORT_DATE};
  char *got = search_ids(dbs, 1, "", &o);
  ck_assert_str_eq(got, "fx-004 fx-003 fx-001");
  free(got);
  o.offset = 3;
  got = search_ids(dbs, 1, "", &o);
  ck_assert_str_eq(got, "fx-002 fx-005 fx-006");
  free(got);
  o.offset = 10;
  got = search_ids(dbs, 1, "", &o);
  ck_assert_str_eq(got, "");
  free(got);
}
END_TEST

/* Facet values as "label=count ...", in the order given. */
static char *facet_text(const char *const *dbs, size_t ndbs, const char *query, const char *facet) {
  nf_searcher *s;
  nf_results *r;
  nf_error err;
  const char *facets[] = {facet};
  nf_search_options o = {.limit = 10, .sort = NF_SORT_RELEVANCE, .facets = facets, .nfacets = 1};
  ck_assert_int_eq(nf_searcher_open(dbs, ndbs, schema, NULL, &s, &err), NF_OK);
  ck_assert_msg(nf_search(s, query, strlen(query), &o, &r, &err) == NF_OK, "%s", err.message);
  char *out = calloc(1, 4096);
  ck_assert_str_eq(nf_results_facet_name(r, 0), facet);
  for (size_t i = 0; i < nf_results_facet_size(r, 0); i++) {
    const nf_facet_value *v = nf_results_facet_value(r, 0, i);
    char item[256];
    snprintf(item, sizeof item, "%s%s[%s]=%lu", i ? " " : "", v->label, v->value, v->count);
    strcat(out, item);
  }
  nf_results_free(r);
  nf_searcher_free(s);
  return out;
}

START_TEST(facets_count_every_match) {
  const char *dbs[] = {db};
  char *got = facet_text(dbs, 1, "", "byline");
  ck_assert_str_eq(got, "Jane Doe[jane doe]=2 John Roe[john roe]=2 Ana Costa[ana costa]=1");
  free(got);
  got = facet_text(dbs, 1, "", "year");
  ck_assert_str_eq(got, "2021[2021]=3 2022[2022]=2");
  free(got);
  got = facet_text(dbs, 1, "byline:doe", "year");
  ck_assert_str_eq(got, "2021[2021]=2");
  free(got);
  /* A facet value used as a filter finds what it counted. */
  char *ids = search_ids(dbs, 1, "byline:\"john roe\"", NULL);
  ck_assert_str_eq(ids, "fx-001 fx-003");
  free(ids);
}
END_TEST

START_TEST(unknown_facet_is_a_query_error) {
  const char *dbs[] = {db};
  nf_searcher *s;
  nf_results *r;
  nf_error err;
  const char *facets[] = {"headline"};
  nf_search_options o = {.limit = 10, .sort = NF_SORT_RELEVANCE, .facets = facets, .nfacets = 1};
  ck_assert_int_eq(nf_searcher_open(dbs, 1, schema, NULL, &s, &err), NF_OK);
  ck_assert_int_eq(nf_search(s, "", 0, &o, &r, &err), NF_ERR_QUERY);
  ck_assert_ptr_null(r);
  ck_assert_str_eq(
      err.message,
      "'headline' is not a facet field (facets: byline, dateline, "
      "agency, country, title, official, officialorg, speaker, speakerorg, speakercountry, "
      "officialcountry, year; date for the by-month histogram)");
  nf_searcher_free(s);
}
END_TEST

/* Each line of a JSON Lines file into the file odd or even, by line number. */
static void split_lines(const char *path, const char *odd, const char *even) {
  FILE *in = fopen(path, "r"), *o = fopen(odd, "w"), *e = fopen(even, "w");
  ck_assert(in && o && e);
  char line[65536];
  for (int n = 1; fgets(line, sizeof line, in); n++) fputs(line, n % 2 ? o : e);
  fclose(in);
  fclose(o);
  fclose(e);
}

START_TEST(several_databases_search_as_one) {
  char odd[600], even[600], db1[600], db2[600], stub[600];
  snprintf(odd, sizeof odd, "%s/odd.jsonl", dir);
  snprintf(even, sizeof even, "%s/even.jsonl", dir);
  snprintf(db1, sizeof db1, "%s/db1", dir);
  snprintf(db2, sizeof db2, "%s/db2", dir);
  snprintf(stub, sizeof stub, "%s/both.stub", dir);
  split_lines(FIXTURE, odd, even);
  const char *i1[] = {odd}, *i2[] = {even};
  ck_assert_uint_eq(index_into(db1, i1, 1), 3);
  ck_assert_uint_eq(index_into(db2, i2, 1), 3);
  char stub_text[1300];
  snprintf(stub_text, sizeof stub_text, "auto %s\nauto %s\n", db1, db2);
  ck_assert_int_eq(nf_test_write(stub, stub_text), 0);

  const char *both[] = {db1, db2}, *one[] = {db}, *stubs[] = {stub};
  const char *facet_names[] = {"byline", "year"};
  for (size_t f = 0; f < 2; f++) {
    char *whole = facet_text(one, 1, "", facet_names[f]);
    char *split = facet_text(both, 2, "", facet_names[f]);
    char *via_stub = facet_text(stubs, 1, "", facet_names[f]);
    ck_assert_str_eq(split, whole);
    ck_assert_str_eq(via_stub, whole);
    free(whole);
    free(split);
    free(via_stub);
  }
  char *got = search_ids(both, 2, "byline:doe OR oil", NULL);
  ck_assert_str_eq(got, "fx-001 fx-002 fx-005");
  free(got);
}
END_TEST

START_TEST(hits_carry_snippet_and_record) {
  const char *dbs[] = {db};
  nf_searcher *s;
  nf_results *r;
  nf_error err;
  nf_search_options o = {.limit = 10, .sort = NF_SORT_RELEVANCE};
  ck_assert_int_eq(nf_searcher_open(dbs, 1, schema, NULL, &s, &err), NF_OK);
  ck_assert_int_eq(nf_search(s, "crude", 5, &o, &r, &err), NF_OK);
  ck_assert_uint_eq(nf_results_size(r), 1);
  const nf_hit *h = nf_results_hit(r, 0);
  ck_assert_str_eq(h->id, "fx-002");
  ck_assert_str_eq(h->date, "2021-12-03");
  ck_assert_str_eq(h->headline, "Oil prices climb on supply worries");
  ck_assert_uint_eq(h->rank, 1);
  ck_assert_uint_eq(h->nmarks, 1);
  ck_assert_int_eq(strncmp(h->snippet + h->marks[0].start, "crude", 5), 0);
  ck_assert_uint_eq(h->marks[0].end - h->marks[0].start, 5);
  json_error_t jerr;
  json_t *rec = json_loads(h->record, 0, &jerr);
  ck_assert_ptr_nonnull(rec);
  ck_assert_str_eq(json_string_value(json_object_get(rec, "source")), "Wire Service");
  ck_assert_ptr_null(json_object_get(rec, "text"));
  json_decref(rec);
  char *json;
  ck_assert_int_eq(nf_results_to_json(r, 0, &json, &err), NF_OK);
  json_t *root = json_loads(json, 0, &jerr);
  ck_assert_ptr_nonnull(root);
  ck_assert_str_eq(json_string_value(json_object_get(root, "query")), "crude");
  ck_assert_int_eq(json_integer_value(json_object_get(root, "total")), 1);
  json_t *hit = json_array_get(json_object_get(root, "hits"), 0);
  ck_assert_str_eq(json_string_value(json_object_get(hit, "id")), "fx-002");
  ck_assert_ptr_nonnull(json_object_get(hit, "fields"));
  ck_assert_ptr_null(json_object_get(json_object_get(hit, "fields"), "id"));
  json_decref(root);
  free(json);
  nf_results_free(r);
  nf_searcher_free(s);
}
END_TEST

/* ---- facets and histogram against a brute-force count ------------------- */

static nf_status take_key(void *ctx, const char *key, size_t n) {
  return nf_buf_append(ctx, key, n);
}

/* The facet key of one value: what the facet counts it under, its query key,
 * or its index key when the facet counts the field's own terms. */
static void facet_key(const nf_field *f, const char *v, size_t n, nf_buf *key) {
  nf_buf_clear(key);
  nf_error err;
  nf_status s = f->kind->flags & NF_KIND_FACET_ON_TERMS
                    ? f->kind->index_keys(f->kind_instance, v, n, take_key, key)
                    : f->kind->query_key(f->kind_instance, v, n, take_key, key, &err);
  ck_assert_int_eq(s, NF_OK);
}

/* What every article of the inputs should count for: {id: {"month": "YYYY-MM"
 * or "", "facets": {field: {key: true}}}}, from the analyzers' records (the
 * record's index values: what the indexer turns into terms). */
typedef struct truth_ctx {
  const nf_field *field;
  json_t *keys;
  nf_buf *key;
  char *month; /* the date field's: the first date value is the slot's */
} truth_ctx;

static nf_status truth_value(void *ctx, const char *value, size_t n) {
  truth_ctx *c = ctx;
  if (c->field->kind->mode == NF_KIND_DATE) {
    if (!c->month[0]) snprintf(c->month, 8, "%.4s-%.2s", value, value + 4);
    return NF_OK;
  }
  facet_key(c->field, value, n, c->key);
  if (c->key->len) json_object_set_new(c->keys, nf_buf_str(c->key), json_true());
  return NF_OK;
}

static json_t *truth_of(const char *const *inputs, size_t ninputs) {
  nf_error err;
  nf_registry *reg;
  nf_pipeline *p;
  nf_analysis *an;
  nf_record *rec;
  nf_input *in;
  ck_assert_int_eq(nf_pipeline_default(nf_schema_dir(schema), NULL, 0, &reg, &p, &err), NF_OK);
  ck_assert_int_eq(nf_analysis_new(&an), NF_OK);
  ck_assert_int_eq(nf_record_new(&rec), NF_OK);
  ck_assert_int_eq(nf_input_open(inputs, ninputs, &in, &err), NF_OK);
  json_t *truth = json_object();
  nf_buf key = NF_BUF_INIT;
  const nf_article *a;
  while (nf_input_next(in, &a, &err) == NF_OK && a) {
    ck_assert_msg(nf_record_extract(rec, p, an, a, &err) == NF_OK, "%s", err.message);
    json_t *facets = json_object();
    char month[8] = "";
    for (size_t fi = 0; fi < nf_schema_field_count(schema); fi++) {
      const nf_field *f = nf_schema_field(schema, fi);
      if (!f->facet && f->kind->mode != NF_KIND_DATE) continue;
      truth_ctx ctx = {f, json_object(), &key, month};
      ck_assert_int_eq(nf_record_values(rec, f, truth_value, &ctx), NF_OK);
      json_object_set_new(facets, f->name, ctx.keys);
    }
    json_object_set_new(truth, nf_record_id(rec, NULL),
                        json_pack("{s:s,s:o}", "month", month, "facets", facets));
  }
  nf_buf_free(&key);
  nf_input_free(in);
  nf_record_free(rec);
  nf_analysis_free(an);
  nf_pipeline_free(p);
  nf_registry_free(reg);
  return truth;
}

/* Every facet field of the schema, then the date field (the histogram). */
static size_t all_facets(const char **names, size_t max) {
  size_t n = 0;
  for (size_t i = 0; i < nf_schema_field_count(schema) && n < max; i++)
    if (nf_schema_field(schema, i)->facet) names[n++] = nf_schema_field(schema, i)->name;
  for (size_t i = 0; i < nf_schema_field_count(schema) && n < max; i++)
    if (nf_schema_field(schema, i)->kind->mode == NF_KIND_DATE)
      names[n++] = nf_schema_field(schema, i)->name;
  return n;
}

/* {name: count} as sorted "name=count" lines, for messages that show the difference. */
static char *counts_text(json_t *counts) {
  const char *names[4096];
  size_t n = 0;
  const char *k;
  json_t *v;
  json_object_foreach(counts, k, v) if (n < 4096) names[n++] = k;
  qsort(names, n, sizeof names[0], nf_test_cmp_str);
  nf_buf out = NF_BUF_INIT;
  for (size_t i = 0; i < n; i++)
    nf_buf_printf(&out, "%s=%lld\n", names[i],
                  (long long)json_integer_value(json_object_get(counts, names[i])));
  char *text = strdup(nf_buf_str(&out));
  nf_buf_free(&out);
  return text;
}

static void add_one(json_t *counts, const char *name) {
  json_t *c = json_object_get(counts, name);
  json_object_set_new(counts, name, json_integer(c ? json_integer_value(c) + 1 : 1));
}

/* The hits of a query as a set of ids, all of them. */
static size_t count_matches(nf_searcher *s, const char *query) {
  nf_search_options o = {.limit = 10000, .sort = NF_SORT_RELEVANCE};
  nf_results *r;
  nf_error err;
  ck_assert_msg(nf_search(s, query, strlen(query), &o, &r, &err) == NF_OK, "%s: %s", query,
                err.message);
  size_t n = nf_results_size(r);
  nf_results_free(r);
  return n;
}

/* Facet counts and the histogram of each query equal a count over the
 * matching articles' records; each facet value used as a filter finds as
 * many articles as it counted.  Without the histogram (no value spy) a
 * query of filters is counted from the reader's bits. */
static void check_against_truth(const char *const *dbs, size_t ndbs, json_t *truth, int histogram) {
  static const char *const queries[] = {
      "",
      "country:lt",
      "speaker:Austin",
      "defense OR minister",
      "date:2021-12",
      "title:minister",
      "NOT country:us",
      "nothingmatchesthis",
  };
  const char *facets[32];
  size_t nfacets = all_facets(facets, 32) - !histogram; /* the date field comes last */
  nf_searcher *s;
  nf_error err;
  ck_assert_int_eq(nf_searcher_open(dbs, ndbs, schema, NULL, &s, &err), NF_OK);
  for (size_t qi = 0; qi < sizeof queries / sizeof queries[0]; qi++) {
    const char *query = queries[qi];
    nf_search_options o = {
        .limit = 10000, .sort = NF_SORT_RELEVANCE, .facets = facets, .nfacets = nfacets};
    nf_results *r;
    ck_assert_msg(nf_search(s, query, strlen(query), &o, &r, &err) == NF_OK, "%s: %s", query,
                  err.message);
    ck_assert_uint_eq(nf_results_total(r), nf_results_size(r));
    ck_assert_uint_eq(nf_results_facet_count(r), nfacets - (size_t)histogram);
    ck_assert(nf_results_has_histogram(r) == histogram);
    /* brute force: {field: {key: count}} and {month: count} over the hits */
    json_t *want = json_object(), *want_months = json_object();
    for (size_t i = 0; i < nf_results_size(r); i++) {
      json_t *doc = json_object_get(truth, nf_results_hit(r, i)->id);
      ck_assert_ptr_nonnull(doc);
      const char *field, *k;
      json_t *keys, *v;
      json_object_foreach(json_object_get(doc, "facets"), field, keys) {
        if (!json_object_get(want, field)) json_object_set_new(want, field, json_object());
        json_object_foreach(keys, k, v) add_one(json_object_get(want, field), k);
      }
      const char *month = json_string_value(json_object_get(doc, "month"));
      if (*month) add_one(want_months, month);
    }
    for (size_t f = 0; f < nf_results_facet_count(r); f++) {
      const char *name = nf_results_facet_name(r, f);
      json_t *got = json_object();
      for (size_t i = 0; i < nf_results_facet_size(r, f); i++) {
        const nf_facet_value *v = nf_results_facet_value(r, f, i);
        ck_assert_ptr_null(json_object_get(got, v->value)); /* each key once */
        json_object_set_new(got, v->value, json_integer((json_int_t)v->count));
        if (i < 3) { /* the value as a filter finds what it counted */
          char filter[1024];
          snprintf(filter, sizeof filter, "%s%s%s%s:\"%s\"", *query ? "(" : "", query,
                   *query ? ") AND " : "", name, v->value);
          ck_assert_msg(count_matches(s, filter) == v->count, "%s: %zu, counted %lu", filter,
                        count_matches(s, filter), v->count);
        }
      }
      json_t *w = json_object_get(want, name);
      char *got_text = counts_text(got), *want_text = w ? counts_text(w) : strdup("");
      ck_assert_msg(strcmp(got_text, want_text) == 0, "%s, facet %s (%zu db): got\n%swant\n%s",
                    query, name, ndbs, got_text, want_text);
      free(got_text);
      free(want_text);
      json_decref(got);
    }
    json_t *got_months = json_object();
    for (size_t i = 0; i < nf_results_histogram_size(r); i++) {
      const nf_month_count *m = nf_results_histogram_month(r, i);
      if (i) ck_assert_str_lt(nf_results_histogram_month(r, i - 1)->month, m->month);
      json_object_set_new(got_months, m->month, json_integer((json_int_t)m->count));
    }
    char *got_text = counts_text(got_months),
         *want_text = histogram ? counts_text(want_months) : strdup("");
    ck_assert_msg(strcmp(got_text, want_text) == 0, "%s, histogram: got\n%swant\n%s", query,
                  got_text, want_text);
    free(got_text);
    free(want_text);
    json_decref(got_months);
    json_decref(want_months);
    json_decref(want);
    nf_results_free(r);
  }
  nf_searcher_free(s);
}

/* Each way the shim can count term facets (NF_FACET_METHOD), then its choice. */
static const char *const facet_methods[] = {"termlists", "postlists", "memory", "auto"};

START_TEST(facets_and_histogram_equal_brute_force) {
  setenv("NF_FACET_METHOD", facet_methods[_i], 1); /* this test's process only */
  char sample_db[600], odd[600], even[600], db1[600], db2[600];
  snprintf(sample_db, sizeof sample_db, "%s/sample", dir);
  snprintf(odd, sizeof odd, "%s/odd.jsonl", dir);
  snprintf(even, sizeof even, "%s/even.jsonl", dir);
  snprintf(db1, sizeof db1, "%s/db1", dir);
  snprintf(db2, sizeof db2, "%s/db2", dir);
  const char *inputs[] = {SAMPLE, FIXTURE};
  unsigned long n = index_into(sample_db, inputs, 2);
  split_lines(SAMPLE, odd, even);
  const char *i1[] = {odd, FIXTURE}, *i2[] = {even};
  ck_assert_uint_eq(index_into(db1, i1, 2) + index_into(db2, i2, 1), n);
  json_t *truth = truth_of(inputs, 2);
  ck_assert_uint_eq(json_object_size(truth), n);
  const char *one[] = {sample_db}, *two[] = {db1, db2};
  for (int histogram = 0; histogram < 2; histogram++) {
    check_against_truth(one, 1, truth, histogram);
    check_against_truth(two, 2, truth, histogram);
  }
  json_decref(truth);
}
END_TEST

/* The results of a query of filters, counted from the reader's bits, as
 * when Xapian visits every match (NF_FILTER_BITS=off): totals, folded
 * near-duplicates, hits and their windows, facets; one database and two. */
START_TEST(filters_counted_from_bits_as_by_a_full_match) {
  static const char *const queries[] = {
      "",
      "country:lt",
      "speaker:Austin",
      "NOT country:us",
      "year:2024",
      "country:nl",
      "country:us OR country:lt",
      "country:ua -speaker:Zelenskiy",
      "id:wire-001",
      "dateline:Rotterdam agency:Reuters",
      "nothingmatchesthis",
  };
  char one_db[600], odd[600], even[600], db1[600], db2[600];
  snprintf(one_db, sizeof one_db, "%s/one", dir);
  snprintf(odd, sizeof odd, "%s/odd.jsonl", dir);
  snprintf(even, sizeof even, "%s/even.jsonl", dir);
  snprintf(db1, sizeof db1, "%s/db1", dir);
  snprintf(db2, sizeof db2, "%s/db2", dir);
  const char *inputs[] = {SAMPLE, FIXTURE, STRIKE};
  index_into(one_db, inputs, 3);
  split_lines(SAMPLE, odd, even);
  const char *i1[] = {odd, STRIKE}, *i2[] = {even, FIXTURE};
  index_into(db1, i1, 2);
  index_into(db2, i2, 2);
  const char *facets[32];
  size_t nfacets = all_facets(facets, 32) - 1; /* no histogram: a value spy needs every match */
  const char *one[] = {one_db}, *two[] = {db1, db2};
  const char *const *layouts[] = {one, two};
  for (size_t l = 0; l < 2; l++)
    for (size_t qi = 0; qi < sizeof queries / sizeof queries[0]; qi++)
      for (int w = 0; w < 4; w++) {
        nf_search_options o = {.limit = 3,
                               .offset = (unsigned)(w & 1),
                               .sort = w & 2 ? NF_SORT_DATE : NF_SORT_RELEVANCE,
                               .facets = facets,
                               .nfacets = nfacets,
                               .facet_limit = 5};
        char *json[2];
        for (int bits = 0; bits < 2; bits++) {
          if (bits)
            unsetenv("NF_FILTER_BITS");
          else
            setenv("NF_FILTER_BITS", "off", 1);
          nf_searcher *s;
          nf_results *r;
          nf_error err;
          ck_assert_int_eq(nf_searcher_open(layouts[l], l + 1, schema, NULL, &s, &err), NF_OK);
          ck_assert_msg(nf_search(s, queries[qi], strlen(queries[qi]), &o, &r, &err) == NF_OK,
                        "%s: %s", queries[qi], err.message);
          ck_assert_int_eq(nf_results_to_json(r, 0, &json[bits], &err), NF_OK);
          nf_results_free(r);
          nf_searcher_free(s);
        }
        ck_assert_msg(strcmp(json[0], json[1]) == 0,
                      "%s (%zu db, window %d): matched\n%s\nbits\n%s", queries[qi], l + 1, w,
                      json[0], json[1]);
        free(json[0]);
        free(json[1]);
      }
}
END_TEST

START_TEST(histogram_by_month) {
  const char *dbs[] = {db};
  nf_searcher *s;
  nf_results *r;
  nf_error err;
  const char *facets[] = {"date", "year"};
  nf_search_options o = {.sort = NF_SORT_RELEVANCE, .facets = facets, .nfacets = 2};
  ck_assert_int_eq(nf_searcher_open(dbs, 1, schema, NULL, &s, &err), NF_OK);
  ck_assert_int_eq(nf_search(s, "", 0, &o, &r, &err), NF_OK);
  /* fx-006 has no date: not counted */
  static const char *const months[] = {"2021-11", "2021-12", "2022-01", "2022-02"};
  static const unsigned long counts[] = {1, 2, 1, 1};
  ck_assert(nf_results_has_histogram(r));
  ck_assert_uint_eq(nf_results_histogram_size(r), 4);
  for (size_t i = 0; i < 4; i++) {
    ck_assert_str_eq(nf_results_histogram_month(r, i)->month, months[i]);
    ck_assert_uint_eq(nf_results_histogram_month(r, i)->count, counts[i]);
  }
  ck_assert_ptr_null(nf_results_histogram_month(r, 4));
  ck_assert_uint_eq(nf_results_facet_count(r), 1);
  ck_assert_str_eq(nf_results_facet_name(r, 0), "year");
  char *json;
  ck_assert_int_eq(nf_results_to_json(r, 0, &json, &err), NF_OK);
  ck_assert_msg(
      nf_test_contains(json,
                       "\"facets\":{\"year\":[{\"value\":\"2021\",\"label\":"
                       "\"2021\",\"count\":3},{\"value\":\"2022\",\"label\":"
                       "\"2022\",\"count\":2}]},\"suggestions\":[],\"histogram\":[{\"month\":"
                       "\"2021-11\",\"count\":1},{\"month\":\"2021-12\","
                       "\"count\":2},{\"month\":\"2022-01\",\"count\":1},"
                       "{\"month\":\"2022-02\",\"count\":1}]}"),
      "%s", json);
  free(json);
  nf_results_free(r);
  /* Without the date field among the facets there is none. */
  o.nfacets = 0;
  ck_assert_int_eq(nf_search(s, "", 0, &o, &r, &err), NF_OK);
  ck_assert(!nf_results_has_histogram(r));
  ck_assert_uint_eq(nf_results_histogram_size(r), 0);
  ck_assert_int_eq(nf_results_to_json(r, 0, &json, &err), NF_OK);
  ck_assert(!nf_test_contains(json, "histogram"));
  free(json);
  nf_results_free(r);
  nf_searcher_free(s);
}
END_TEST

int main(void) {
  Suite *s = suite_create("index_search");
  TCase *tc = tcase_create("index_search");
  tcase_set_timeout(tc, 120);
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_loop_test(tc, query_rows, 0, (int)(sizeof queries / sizeof queries[0]));
  tcase_add_test(tc, titles_with_organisations_and_speaking_bodies);
  tcase_add_test(tc, reindexing_replaces_by_id);
  tcase_add_test(tc, uncommitted_articles_are_discarded);
  tcase_add_test(tc, bad_article_leaves_indexer_usable);
  tcase_add_test(tc, analysis_thread_reports_bad_articles_in_order);
  tcase_add_test(tc, analysis_thread_stops_at_a_bad_article);
  tcase_add_test(tc, analysis_thread_indexes_as_the_caller_does);
  tcase_add_test(tc, sort_by_date_and_windows);
  tcase_add_test(tc, facets_count_every_match);
  tcase_add_test(tc, unknown_facet_is_a_query_error);
  tcase_add_test(tc, several_databases_search_as_one);
  tcase_add_test(tc, hits_carry_snippet_and_record);
  tcase_add_loop_test(tc, facets_and_histogram_equal_brute_force, 0,
                      (int)(sizeof facet_methods / sizeof facet_methods[0]));
  tcase_add_test(tc, filters_counted_from_bits_as_by_a_full_match);
  tcase_add_test(tc, histogram_by_month);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
