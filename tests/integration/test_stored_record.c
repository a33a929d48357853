/* The record as the index stores it, through real Xapian databases: the
 * sample corpus indexed by the indexer (the smaller layout 2 of
 * record/stored.h) and as an index made before it stored every record
 * (layout 1, whole) read the same, byte for byte: the whole record of an
 * article, the search results and the export. */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buffer.h"
#include "index/document.h"
#include "newsfields/analyzer.h"
#include "newsfields/index.h"
#include "newsfields/input.h"
#include "newsfields/record.h"
#include "newsfields/search.h"
#include "record/stored.h"
#include "search_fixture.h"
#include "testutil.h"
#include "xapian/shim.h"

#define SAMPLE NF_TEST_CORPUS "/sample.jsonl"

static char *dir, *stored_db, *old_db;
static nf_registry *reg;
static nf_pipeline *pipeline;
static nf_schema *schema;

/* The sample corpus through the indexer: layout 2. */
static void index_stored(void) {
  const char *inputs[] = {SAMPLE};
  ck_assert_uint_gt(nf_test_index_files(stored_db, schema, NULL, inputs, 1), 30);
}

/* Calls fn with every article of the sample corpus and its record. */
typedef void (*article_fn)(void *ctx, const nf_article *a, const nf_record *rec);
static void each_article(article_fn fn, void *ctx) {
  nf_error err;
  nf_input *in;
  nf_analysis *an;
  nf_record *rec;
  const char *inputs[] = {SAMPLE};
  ck_assert_int_eq(nf_input_open(inputs, 1, &in, &err), NF_OK);
  ck_assert_int_eq(nf_analysis_new(&an), NF_OK);
  ck_assert_int_eq(nf_record_new(&rec), NF_OK);
  const nf_article *a;
  while (nf_input_next(in, &a, &err) == NF_OK && a) {
    ck_assert_msg(nf_record_extract(rec, pipeline, an, a, &err) == NF_OK, "%s", err.message);
    fn(ctx, a, rec);
  }
  nf_record_free(rec);
  nf_analysis_free(an);
  nf_input_free(in);
}

typedef struct old_ctx {
  nf_xdb *db;
  nf_xstem *stem;
} old_ctx;

static void add_old(void *ctx, const nf_article *a, const nf_record *rec) {
  (void)a;
  old_ctx *c = ctx;
  nf_error err;
  nf_xdoc *doc;
  char *uid;
  size_t uid_len;
  ck_assert_int_eq(nf_document_build(schema, rec, c->stem, 0, &doc, &err), NF_OK);
  ck_assert_int_eq(nf_document_uid_term(schema, rec, &uid, &uid_len), NF_OK);
  ck_assert_int_eq(nf_xdb_replace(c->db, uid, uid_len, doc, &err), NF_OK);
  free(uid);
  nf_xdoc_free(doc);
}

/* The same articles as an older newsfields indexed them: every record whole. */
static void index_old(void) {
  nf_error err;
  old_ctx c;
  ck_assert_int_eq(nf_xdb_open_writable(old_db, &c.db, &err), NF_OK);
  ck_assert_int_eq(nf_xdb_set_metadata(c.db, NF_XLANGUAGE_KEY, "english", &err), NF_OK);
  ck_assert_int_eq(nf_xstem_new("english", &c.stem, &err), NF_OK);
  each_article(add_old, &c);
  ck_assert_int_eq(nf_xdb_commit(c.db, &err), NF_OK);
  nf_xstem_free(c.stem);
  nf_xdb_free(c.db);
}

static char *path_in(const char *name) {
  char *p = malloc(strlen(dir) + strlen(name) + 2);
  sprintf(p, "%s/%s", dir, name);
  return p;
}

static void setup(void) {
  nf_error err;
  ck_assert_int_eq(nf_pipeline_default(NF_TEST_SCHEMA_DIR, NULL, 0, &reg, &pipeline, &err), NF_OK);
  ck_assert_int_eq(nf_schema_load(NF_TEST_SCHEMA_DIR "/newsfields.schema", reg, &schema, &err),
                   NF_OK);
  dir = nf_test_tmpdir();
  stored_db = path_in("stored");
  old_db = path_in("old");
  index_stored();
  index_old();
}

static void teardown(void) {
  nf_schema_free(schema);
  nf_pipeline_free(pipeline);
  nf_registry_free(reg);
  nf_test_rmtree(dir);
  free(dir);
  free(stored_db);
  free(old_db);
}

/* The document data of an article in a database, malloc'd. */
static char *data_of(const char *path, const nf_article *a, size_t *n) {
  nf_error err;
  nf_xdb *db;
  ck_assert_int_eq(nf_xdb_open(path, &db, &err), NF_OK);
  size_t tlen;
  char *term = nf_xterm_make("Q", a->id.p, a->id.n, &tlen), *data;
  ck_assert_int_eq(nf_xdb_get_data_by_term(db, term, tlen, &data, n, &err), NF_OK);
  free(term);
  nf_xdb_free(db);
  return data;
}

typedef struct compare_ctx {
  nf_searcher *stored, *old;
  size_t articles, smaller;
} compare_ctx;

static void same_record(void *ctx, const nf_article *a, const nf_record *rec) {
  compare_ctx *c = ctx;
  nf_error err;
  char *whole, *from_stored, *from_old;
  size_t n_stored, n_old;
  ck_assert_int_eq(nf_record_to_json(rec, NF_RECORD_JSON_TEXT, &whole, &err), NF_OK);
  ck_assert_int_eq(nf_searcher_document(c->stored, a->id.p, a->id.n, &from_stored, &n_stored, &err),
                   NF_OK);
  ck_assert_int_eq(nf_searcher_document(c->old, a->id.p, a->id.n, &from_old, &n_old, &err), NF_OK);
  ck_assert_str_eq(from_stored, whole);
  ck_assert_uint_eq(n_stored, strlen(whole));
  ck_assert_str_eq(from_old, whole);
  ck_assert_uint_eq(n_old, strlen(whole));

  /* what the index holds: layout 2, nothing a reader puts back, Omega's
   * lines as they were */
  size_t n, n1;
  char *data = data_of(stored_db, a, &n), *old = data_of(old_db, a, &n1);
  ck_assert_int_eq(nf_stored_layout(data, n), NF_STORED_LAYOUT);
  ck_assert_int_eq(nf_stored_layout(old, n1), 1);
  char *line_end = strchr(data, '\n'), *old_end = strchr(old, '\n');
  ck_assert_ptr_nonnull(line_end);
  ck_assert_ptr_nonnull(old_end);
  *line_end = *old_end = '\0';
  ck_assert_str_eq(old, whole);
  json_t *stored = json_loads(data, 0, NULL);
  ck_assert_ptr_nonnull(stored);
  ck_assert_ptr_null(json_object_get(stored, "headline")); /* Omega's caption= */
  ck_assert_ptr_null(json_object_get(stored, "date"));     /* Omega's date= */
  ck_assert_ptr_null(json_object_get(stored, "url"));      /* Omega's url=, or none */
  json_decref(stored);
  ck_assert(!nf_test_contains(data, "\"credits\":[]"));
  ck_assert(!nf_test_contains(data, "\"content\":"));
  ck_assert(!nf_test_contains(data, ":null,"));
  ck_assert_str_eq(line_end + strlen("\nnewsfields=2"), old_end + strlen("\nnewsfields=1"));
  c->smaller += strlen(data) < strlen(whole);
  c->articles++;
  free(data);
  free(old);
  free(whole);
  free(from_stored);
  free(from_old);
}

static nf_searcher *open_one(const char *path) {
  nf_error err;
  nf_searcher *s;
  const char *dbs[] = {path};
  ck_assert_int_eq(nf_searcher_open(dbs, 1, schema, NULL, &s, &err), NF_OK);
  return s;
}

START_TEST(every_record_reads_as_extracted) {
  compare_ctx c = {open_one(stored_db), open_one(old_db), 0, 0};
  each_article(same_record, &c);
  ck_assert_uint_gt(c.articles, 30);
  ck_assert_uint_eq(c.smaller, c.articles);
  nf_searcher_free(c.stored);
  nf_searcher_free(c.old);
}
END_TEST

static const char *const queries[] = {
    "", "said", "speaker:Austin", "country:Lithuania", "title:minister", "quake OR storm",
};

/* The JSON of a search, or of its export as JSON Lines with every record key. */
static char *search_json(nf_searcher *s, const char *q, int with_text) {
  static const char *const facets[] = {"country", "speaker", "title", "byline", "date"};
  nf_search_options o = {.limit = 50,
                         .facets = facets,
                         .nfacets = sizeof facets / sizeof facets[0],
                         .with_text = with_text,
                         .no_collapse = with_text};
  nf_results *r;
  nf_error err;
  char *json;
  ck_assert_msg(nf_search(s, q, strlen(q), &o, &r, &err) == NF_OK, "%s", err.message);
  ck_assert_int_eq(nf_results_to_json(r, with_text, &json, &err), NF_OK);
  nf_results_free(r);
  return json;
}

static char *export_jsonl(nf_searcher *s, const char *q) {
  static const char *const columns[] = {
      "id",       "date",   "headline", "text",   "url",       "source", "meta",     "countries",
      "dateline", "byline", "credits",  "agency", "officials", "quotes", "speakers", "bodies"};
  nf_export_options o = {.format = NF_EXPORT_JSONL,
                         .columns = columns,
                         .ncolumns = sizeof columns / sizeof columns[0]};
  nf_export *x;
  nf_error err;
  ck_assert_int_eq(nf_export_new(q, strlen(q), &o, &x, &err), NF_OK);
  nf_buf b = NF_BUF_INIT;
  const char *data;
  size_t len;
  while (nf_export_next(x, s, &data, &len, &err) == NF_OK && len)
    ck_assert_int_eq(nf_buf_append(&b, data, len), NF_OK);
  nf_export_free(x);
  return b.data ? b.data : strdup("");
}

START_TEST(searches_read_the_same) {
  nf_searcher *stored = open_one(stored_db), *old = open_one(old_db);
  const char *q = queries[_i];
  for (int with_text = 0; with_text < 2; with_text++) {
    char *a = search_json(stored, q, with_text), *b = search_json(old, q, with_text);
    ck_assert_str_eq(a, b);
    ck_assert(nf_test_contains(a, "\"rank\""));
    free(a);
    free(b);
  }
  char *a = export_jsonl(stored, q), *b = export_jsonl(old, q);
  ck_assert_str_eq(a, b);
  ck_assert(nf_test_contains(a, "\"quotes\":"));
  free(a);
  free(b);
  nf_searcher_free(stored);
  nf_searcher_free(old);
}
END_TEST

int main(void) {
  Suite *s = suite_create("stored_record");
  TCase *tc = tcase_create("stored_record");
  tcase_set_timeout(tc, 120);
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, every_record_reads_as_extracted);
  tcase_add_loop_test(tc, searches_read_the_same, 0, (int)(sizeof queries / sizeof queries[0]));
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
