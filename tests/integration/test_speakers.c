/* The example story end to end: officials, titles and speakers extracted
 * from nf-sample-016 (the sample corpus's retelling) and from a fixture
 * written in the example article's style (a scraped page: stray "X", photo
 * credit, "Related Posts"), then indexed into a real Xapian database and
 * found again with speaker:, official:, title: and country fields. */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsfields/analyzer.h"
#include "newsfields/index.h"
#include "newsfields/input.h"
#include "newsfields/record.h"
#include "newsfields/search.h"
#include "search_fixture.h"
#include "testutil.h"

#define FIXTURE NF_TEST_FIXTURES "/speakers/lithuania-arms.jsonl"
#define SAMPLE NF_TEST_CORPUS "/sample.jsonl"

static char *dir, *db;
static nf_registry *kinds; /* the schema's kinds */
static nf_schema *schema;

static void setup(void) {
  nf_error err;
  ck_assert_int_eq(nf_registry_default(&kinds, &err), NF_OK);
  ck_assert_int_eq(nf_schema_load(NF_TEST_SCHEMA_DIR "/newsfields.schema", kinds, &schema, &err),
                   NF_OK);
  dir = nf_test_tmpdir();
  db = malloc(strlen(dir) + 4);
  sprintf(db, "%s/db", dir);
  nf_indexer *ix;
  nf_input *in;
  const char *inputs[] = {SAMPLE, FIXTURE};
  ck_assert_int_eq(nf_indexer_open(db, schema, NULL, &ix, &err), NF_OK);
  ck_assert_int_eq(nf_input_open(inputs, 2, &in, &err), NF_OK);
  const nf_article *a;
  while (nf_input_next(in, &a, &err) == NF_OK && a)
    ck_assert_msg(nf_indexer_add(ix, a, &err) == NF_OK, "%s", err.message);
  ck_assert_int_eq(nf_indexer_commit(ix, &err), NF_OK);
  nf_input_free(in);
  nf_indexer_free(ix);
}

static void teardown(void) {
  nf_schema_free(schema);
  nf_registry_free(kinds);
  nf_test_rmtree(dir);
  free(dir);
  free(db);
}

/* 1 when the search returns the article id. */
static int finds(const char *query, const char *id) {
  const char *dbs[] = {db};
  char *ids = nf_test_search_ids(dbs, 1, schema, query, NULL);
  ck_assert_msg(strncmp(ids, "ERROR: ", 7) != 0, "%s: %s", query, ids);
  int found = 0;
  for (char *w = strtok(ids, " "); w && !found; w = strtok(NULL, " ")) found = strcmp(w, id) == 0;
  free(ids);
  return found;
}

static const struct {
  const char *query;
  int want;
} queries[] = {
    {"speaker:Austin country:Lithuania", 1},
    {"speaker:\"Lloyd Austin\"", 1},
    {"official:Anusauskas", 1},
    {"official:Anušauskas", 1},
    {"official:\"Arvydas Anusauskas\"", 1},
    {"title:\"defense minister\"", 1},
    {"title:\"Defence Minister\"", 1},
    {"title:\"Minister of Defense\"", 1},
    {"title:minister", 1},
    {"title:\"secretary of defense\"", 1},
    {"title:\"undersecretary of state\"", 1},
    {"speaker:Zeya", 1},
    {"speaker:Landsbergis", 1},
    {"official:Landsbergis title:\"foreign minister\"", 1},
    {"speakercountry:LT", 1},
    {"speakercountry:US", 1},
    {"officialcountry:Lithuania", 1},
    {"speaker:Austin country:Ghana", 0},
    {"speaker:Anusauskas_not_a_name", 0},
    {"title:\"prime minister\"", 0},
    {"official:Zeya title:chancellor", 0},
};

START_TEST(example_story_is_found) {
  const char *ids[] = {"nf-sample-016", "fx-speakers-001"};
  for (size_t k = 0; k < 2; k++)
    ck_assert_msg(finds(queries[_i].query, ids[k]) == queries[_i].want, "%s: %s %s",
                  queries[_i].query, ids[k], queries[_i].want ? "not found" : "found");
}
END_TEST

/* The record of the fixture, as `extract` gives it. */
static json_t *extract(const char *path, const char *id) {
  nf_error err;
  nf_registry *reg;
  nf_pipeline *pipe;
  nf_analysis *an;
  nf_record *rec;
  nf_input *in;
  ck_assert_int_eq(nf_pipeline_default(NF_TEST_SCHEMA_DIR, NULL, 0, &reg, &pipe, &err), NF_OK);
  ck_assert_int_eq(nf_analysis_new(&an), NF_OK);
  ck_assert_int_eq(nf_record_new(&rec), NF_OK);
  const char *inputs[] = {path};
  ck_assert_int_eq(nf_input_open(inputs, 1, &in, &err), NF_OK);
  const nf_article *a;
  json_t *out = NULL;
  while (!out && nf_input_next(in, &a, &err) == NF_OK && a) {
    if (a->id.n != strlen(id) || memcmp(a->id.p, id, a->id.n) != 0) continue;
    ck_assert_msg(nf_record_extract(rec, pipe, an, a, &err) == NF_OK, "%s", err.message);
    char *json;
    ck_assert_int_eq(nf_record_to_json(rec, 0, &json, &err), NF_OK);
    out = json_loads(json, 0, NULL);
    free(json);
  }
  nf_input_free(in);
  nf_record_free(rec);
  nf_analysis_free(an);
  nf_pipeline_free(pipe);
  nf_registry_free(reg);
  ck_assert_ptr_nonnull(out);
  return out;
}

/* "person|title|country" for each official, ';'-joined. */
static char *officials(json_t *root) {
  char *out = calloc(1, 2048);
  json_t *o;
  size_t i;
  json_array_foreach(json_object_get(root, "officials"), i, o) {
    const char *country = json_string_value(json_object_get(o, "country"));
    char item[256];
    snprintf(item, sizeof item, "%s|%s|%s;", json_string_value(json_object_get(o, "person")),
             json_string_value(json_object_get(o, "title")), country ? country : "-");
    strcat(out, item);
  }
  return out;
}

static int in_list(json_t *root, const char *key, const char *name) {
  json_t *v;
  size_t i;
  json_array_foreach(json_object_get(root, key), i,
                     v) if (strcmp(json_string_value(v), name) == 0) return 1;
  return 0;
}

static int has_speaker(json_t *root, const char *name) { return in_list(root, "speakers", name); }

START_TEST(fixture_officials_and_speakers) {
  json_t *root = extract(FIXTURE, "fx-speakers-001");
  char *got = officials(root);
  ck_assert_str_eq(got,
                   "Lloyd J. Austin III|defense secretary|us;"
                   "Arvydas Anusauskas|defense minister|lt;"
                   "Uzra Zeya|undersecretary of state|us;"
                   "Gabrielius Landsbergis|foreign minister|lt;");
  free(got);
  ck_assert(has_speaker(root, "Lloyd J. Austin III"));
  ck_assert(has_speaker(root, "Uzra Zeya"));
  ck_assert(has_speaker(root, "Gabrielius Landsbergis"));
  /* China speaks as a body, not a person */
  ck_assert(!has_speaker(root, "China"));
  ck_assert(in_list(root, "bodies", "China"));
  /* the first speaker is Austin ("According to Austin"), and the credit
   * line's photographer is nobody's speaker */
  ck_assert_str_eq(json_string_value(json_array_get(json_object_get(root, "speakers"), 0)),
                   "Lloyd J. Austin III");
  ck_assert(!has_speaker(root, "J. Petraitis"));
  /* "“...,” he said" is Austin's, and so is "steady nerve" (the title
   * without a name, "The American defense secretary", is his); the scare
   * quote "de facto embassy" is no one's */
  json_t *q;
  size_t i;
  int he_said = 0, nerve = 0, scare = 0;
  json_array_foreach(json_object_get(root, "quotes"), i, q) {
    const char *content = json_string_value(json_object_get(q, "content"));
    json_t *speaker = json_object_get(q, "speaker");
    if (strncmp(content, "Our commitment to Lithuania", 27) == 0) {
      he_said = 1;
      ck_assert_str_eq(json_string_value(speaker), "Lloyd J. Austin III");
      ck_assert_str_eq(json_string_value(json_object_get(q, "cue")), "said");
    }
    if (strcmp(content, "steady nerve") == 0) {
      nerve = 1;
      ck_assert_str_eq(json_string_value(speaker), "Lloyd J. Austin III");
      ck_assert_str_eq(json_string_value(json_object_get(q, "cue")), "thanked");
    }
    if (strcmp(content, "de facto embassy") == 0) {
      scare = 1;
      ck_assert(json_is_null(speaker));
      ck_assert(json_is_null(json_object_get(q, "speaker_span")));
    }
  }
  ck_assert(he_said && nerve && scare);
  json_decref(root);
}
END_TEST

START_TEST(sample_016_officials_and_speakers) {
  json_t *root = extract(SAMPLE, "nf-sample-016");
  char *got = officials(root);
  ck_assert_str_eq(got,
                   "Arvydas Anušauskas|defense minister|lt;"
                   "Lloyd J. Austin III|defense secretary|us;"
                   "Uzra Zeya|undersecretary of state|us;"
                   "Gabrielius Landsbergis|foreign minister|lt;");
  free(got);
  ck_assert(has_speaker(root, "Lloyd J. Austin III"));
  ck_assert(has_speaker(root, "Arvydas Anušauskas"));
  ck_assert(has_speaker(root, "Uzra Zeya"));
  ck_assert(has_speaker(root, "Gabrielius Landsbergis"));
  json_decref(root);
}
END_TEST

int main(void) {
  Suite *s = suite_create("speakers");
  TCase *tc = tcase_create("example story");
  tcase_add_unchecked_fixture(tc, setup, teardown);
  tcase_add_loop_test(tc, example_story_is_found, 0, sizeof queries / sizeof *queries);
  tcase_set_timeout(tc, 120);
  suite_add_tcase(s, tc);
  TCase *rec = tcase_create("records");
  tcase_add_test(rec, fixture_officials_and_speakers);
  tcase_add_test(rec, sample_016_officials_and_speakers);
  suite_add_tcase(s, rec);
  return nf_test_main(s);
}
