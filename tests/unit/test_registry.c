/* The registry, result types, pipelines ordered by what analyzers read, the
 * record derived from typed results, and plug-ins loaded at run time. */
#include <check.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "analyzers_fixture.h"
#include "fields/kinds.h"
#include "newsfields/analyzer.h"
#include "newsfields/fieldkind.h"
#include "newsfields/record.h"
#include "testutil.h"

static nf_status ok_create(const nf_analyzer_env *env, void **instance, nf_error *err) {
  (void)env, (void)err;
  static int dummy;
  *instance = &dummy;
  return NF_OK;
}
static void ok_destroy(void *instance) { (void)instance; }
static nf_status ok_analyze(const void *instance, nf_analysis *a, nf_error *err) {
  (void)instance, (void)a, (void)err;
  return NF_OK;
}
static nf_status failing_analyze(const void *instance, nf_analysis *a, nf_error *err) {
  (void)instance, (void)a;
  return nf_error_set(err, NF_ERR_PARSE, "cannot read this");
}
static nf_status failing_create(const nf_analyzer_env *env, void **instance, nf_error *err) {
  (void)env;
  *instance = NULL;
  return nf_error_set_at(err, NF_ERR_SCHEMA, "data.tsv", 3, "bad row");
}

static const char *const country_only[] = {"country", NULL};

#define ANALYZER(name, abi, provides, reads, create, destroy, analyze) \
  { (abi), (name), "", (provides), (reads), (create), (destroy), (analyze) }

static const nf_analyzer_v2 first =
    ANALYZER("first", NF_ANALYZER_ABI, country_only, NULL, ok_create, ok_destroy, ok_analyze);
static const nf_analyzer_v2 same_name =
    ANALYZER("first", NF_ANALYZER_ABI, country_only, NULL, ok_create, ok_destroy, ok_analyze);
static const nf_analyzer_v2 future =
    ANALYZER("future", NF_ANALYZER_ABI + 1, country_only, NULL, ok_create, ok_destroy, ok_analyze);
static const nf_analyzer_v2 incomplete =
    ANALYZER("incomplete", NF_ANALYZER_ABI, country_only, NULL, ok_create, NULL, ok_analyze);
static const nf_analyzer_v2 provides_nothing =
    ANALYZER("idle", NF_ANALYZER_ABI, NULL, NULL, ok_create, ok_destroy, ok_analyze);
static const nf_analyzer_v2 failing = ANALYZER("failing", NF_ANALYZER_ABI, country_only, NULL,
                                               ok_create, ok_destroy, failing_analyze);
static const nf_analyzer_v2 broken_data =
    ANALYZER("broken", NF_ANALYZER_ABI, country_only, NULL, failing_create, ok_destroy, ok_analyze);

START_TEST(registration_is_checked) {
  nf_registry *reg;
  nf_error err;
  ck_assert_int_eq(nf_registry_new(&reg), NF_OK);
  ck_assert_int_eq(nf_registry_add(reg, &first, &err), NF_OK);
  ck_assert_int_eq(nf_registry_add(reg, &same_name, &err), NF_ERR_INVALID);
  ck_assert_str_eq(err.message, "an analyzer named 'first' is already registered");
  ck_assert_int_eq(nf_registry_add(reg, &future, &err), NF_ERR_UNSUPPORTED);
  ck_assert_str_eq(err.message,
                   "analyzer 'future' is built for interface version 3, this library has 2");
  ck_assert_int_eq(nf_registry_add(reg, &incomplete, &err), NF_ERR_INVALID);
  ck_assert_int_eq(nf_registry_add(reg, &provides_nothing, &err), NF_ERR_INVALID);
  ck_assert_str_eq(err.message, "analyzer 'idle' provides no result type");
  ck_assert_uint_eq(nf_registry_size(reg), 1);
  ck_assert_ptr_eq(nf_registry_find(reg, "first"), &first);
  ck_assert_ptr_null(nf_registry_find(reg, "future"));
  nf_registry_free(reg);
  nf_registry_free(NULL);
}
END_TEST

START_TEST(builtins_register_like_any_other) {
  nf_registry *reg;
  nf_error err;
  ck_assert_int_eq(nf_registry_new(&reg), NF_OK);
  /* the built-in types are there from the start, with their fixed ids */
  ck_assert_uint_eq(nf_registry_type(reg, "country"), NF_TYPE_COUNTRY);
  ck_assert_uint_eq(nf_registry_type(reg, "speaker"), NF_TYPE_SPEAKER);
  ck_assert_uint_eq(nf_registry_type(reg, "vessel"), NF_TYPE_NONE);
  ck_assert_uint_eq(nf_registry_type_count(reg), NF_TYPE_BUILTIN_COUNT - 1);
  ck_assert_str_eq(nf_registry_type_def(reg, NF_TYPE_OFFICIAL)->record_key, "officials");
  ck_assert_int_eq(nf_registry_add_builtins(reg, &err), NF_OK);
  ck_assert_ptr_nonnull(nf_registry_find(reg, "country"));
  /* a second registration of the built-ins is refused by name, as any duplicate */
  ck_assert_int_eq(nf_registry_add_builtins(reg, &err), NF_ERR_INVALID);
  nf_registry_free(reg);
}
END_TEST

START_TEST(analyzer_errors_name_the_analyzer) {
  nf_registry *reg;
  nf_pipeline *p;
  nf_analysis *a;
  nf_record *rec;
  nf_error err;
  ck_assert_int_eq(nf_registry_new(&reg), NF_OK);
  ck_assert_int_eq(nf_registry_add(reg, &failing, &err), NF_OK);
  nf_analyzer_env env = {NF_TEST_SCHEMA_DIR, NULL};
  ck_assert_int_eq(nf_pipeline_new(reg, &env, &p, &err), NF_OK);
  ck_assert_int_eq(nf_analysis_new(&a), NF_OK);
  ck_assert_int_eq(nf_record_new(&rec), NF_OK);
  nf_article art;
  memset(&art, 0, sizeof art);
  art.id = (nf_str){"x", 1};
  art.text = (nf_str){"Some text.", 10};
  ck_assert_int_eq(nf_record_extract(rec, p, a, &art, &err), NF_ERR_PARSE);
  ck_assert_str_eq(err.message, "analyzer failing: cannot read this");
  /* the article's date is parsed once, before any analyzer runs */
  art.date = (nf_str){"20 Dec 2021", 11};
  ck_assert_int_eq(nf_record_extract(rec, p, a, &art, &err), NF_ERR_PARSE);
  ck_assert_str_eq(err.message, "date '20 Dec 2021' is not an ISO 8601 date (YYYY-MM-DD)");
  nf_record_free(rec);
  nf_analysis_free(a);
  nf_pipeline_free(p);
  ck_assert_int_eq(nf_registry_add(reg, &broken_data, &err), NF_OK);
  p = (nf_pipeline *)1;
  ck_assert_int_eq(nf_pipeline_new(reg, &env, &p, &err), NF_ERR_SCHEMA);
  ck_assert_ptr_null(p);
  ck_assert_str_eq(err.where, "data.tsv:3");
  nf_registry_free(reg);
}
END_TEST

/* ---- the order of a pipeline -------------------------------------------------- */

/* Analyzers that say when they ran: each appends its name to `ran`. */
static char ran[256];
static nf_status note_analyze(const void *instance, nf_analysis *a, nf_error *err) {
  (void)a, (void)err;
  strcat(ran, (const char *)instance);
  strcat(ran, ";");
  return NF_OK;
}

static const char *const provides_title[] = {"title", NULL};
static const char *const provides_quote[] = {"quote", NULL};
static const char *const provides_person[] = {"person", NULL};
static const char *const reads_person[] = {"person", NULL};
static const char *const reads_title_person[] = {"title", "person", NULL};
static const char *const reads_quote[] = {"quote", NULL};
static const char *const reads_nonsense[] = {"nonsense", NULL};

/* The instance is the analyzer's name, so that note_analyze can say it. */
#define NOTED(name, provides, reads)                                                           \
  static nf_status name##_create(const nf_analyzer_env *env, void **instance, nf_error *err) { \
    (void)env, (void)err;                                                                      \
    *instance = #name;                                                                         \
    return NF_OK;                                                                              \
  }                                                                                            \
  static const nf_analyzer_v2 name =                                                           \
      ANALYZER(#name, NF_ANALYZER_ABI, provides, reads, name##_create, ok_destroy, note_analyze)

NOTED(speakers, provides_quote, reads_title_person);
NOTED(titles, provides_title, reads_person);
NOTED(persons, provides_person, NULL);
NOTED(loop_a, provides_title, reads_quote);
NOTED(loop_b, provides_quote, reads_title_person);
NOTED(lost, provides_quote, reads_nonsense);

static nf_status run_order(const nf_analyzer_v2 *const *defs, size_t n, nf_error *err) {
  nf_registry *reg;
  nf_pipeline *p = NULL;
  ck_assert_int_eq(nf_registry_new(&reg), NF_OK);
  for (size_t i = 0; i < n; i++) ck_assert_int_eq(nf_registry_add(reg, defs[i], err), NF_OK);
  nf_status s = nf_pipeline_new(reg, NULL, &p, err);
  if (s == NF_OK) {
    nf_analysis *a;
    nf_article art;
    memset(&art, 0, sizeof art);
    art.id = (nf_str){"x", 1};
    art.text = (nf_str){"Text.", 5};
    ran[0] = '\0';
    ck_assert_int_eq(nf_analysis_new(&a), NF_OK);
    ck_assert_int_eq(nf_pipeline_run(p, a, &art, err), NF_OK);
    nf_analysis_free(a);
  }
  nf_pipeline_free(p);
  nf_registry_free(reg);
  return s;
}

START_TEST(pipeline_runs_readers_after_providers) {
  nf_error err;
  /* registered readers first: they still run after what they read */
  const nf_analyzer_v2 *defs[] = {&speakers, &titles, &persons};
  ck_assert_int_eq(run_order(defs, 3, &err), NF_OK);
  ck_assert_str_eq(ran, "persons;titles;speakers;");
  /* where nothing is read, registration order stands */
  const nf_analyzer_v2 *same[] = {&persons, &titles, &speakers};
  ck_assert_int_eq(run_order(same, 3, &err), NF_OK);
  ck_assert_str_eq(ran, "persons;titles;speakers;");
}
END_TEST

START_TEST(missing_providers_and_cycles_are_errors) {
  nf_error err;
  const nf_analyzer_v2 *no_provider[] = {&speakers, &titles};
  ck_assert_int_eq(run_order(no_provider, 2, &err), NF_ERR_INVALID);
  ck_assert_str_eq(err.message, "analyzer 'speakers' reads 'person', which no analyzer provides");
  const nf_analyzer_v2 *cycle[] = {&persons, &loop_a, &loop_b};
  ck_assert_int_eq(run_order(cycle, 3, &err), NF_ERR_INVALID);
  ck_assert_str_eq(err.message,
                   "the analyzers 'loop_a', 'loop_b' read each other's results (a cycle)");
  const nf_analyzer_v2 *unknown[] = {&lost};
  ck_assert_int_eq(run_order(unknown, 1, &err), NF_ERR_INVALID);
  ck_assert_str_eq(err.message,
                   "analyzer 'lost' reads 'nonsense', which is not a registered result type");
}
END_TEST

/* ---- results and the record derived from them --------------------------------- */

/* A plug-in's own types, one of each layout. */
static const nf_member ship_members[] = {
    {"name", NF_MEMBER_VALUE, NULL},
    {"flag", NF_MEMBER_ATTR, "flag"},
    {"text", NF_MEMBER_TEXT, NULL},
    {"span", NF_MEMBER_SPAN, NULL},
};
static const nf_member port_members[] = {
    {"port", NF_MEMBER_VALUE, NULL},
    {"mentions", NF_MEMBER_MENTIONS, NULL},
};
static const nf_member voyage_members[] = {
    {"from", NF_MEMBER_ATTR_SPAN, "from"},
    {"to", NF_MEMBER_ATTR, "to"},
};
static const nf_result_type_v1 types[] = {
    {"ship", "ships", NF_LAYOUT_OBJECTS, ship_members, 4, ""},
    {"port", "ports", NF_LAYOUT_GROUPS, port_members, 2, ""},
    {"captain", "captain", NF_LAYOUT_VALUE, NULL, 0, ""},
    {"voyage", "voyage", NF_LAYOUT_OBJECT, voyage_members, 2, ""},
    {"cargo", "cargo", NF_LAYOUT_VALUES, NULL, 0, ""},
    {"hull", NULL, NF_LAYOUT_NONE, NULL, 0, ""},
};
static const char *const ship_types[] = {"ship",  "port", "captain", "voyage",
                                         "cargo", "hull", NULL};
static const char *const reads_ship[] = {"ship", "hull", NULL};

static const char *const ship_text = "The Ever Given left Suez for Rotterdam; Suez cheered.";

static nf_status ship_analyze(const void *instance, nf_analysis *a, nf_error *err) {
  (void)instance, (void)err;
  nf_type t[6]; /* the types registered in `types`, in order */
  for (int i = 0; i < 6; i++) t[i] = NF_TYPE_BUILTIN_COUNT + (nf_type)i;
  nf_attr_value flag = NF_ATTR_STR("flag", "pa"), none = NF_ATTR_STR("flag", NULL);
  nf_result ship = {t[0], 4, 14, 0, 0, "Ever Given", NF_NO_REF, 0, &flag, 1};
  uint32_t at;
  ck_assert_int_eq(nf_analysis_emit(a, &ship, &at), NF_OK);
  ck_assert_uint_eq(at, 0);
  /* the token range comes from the span */
  ck_assert_uint_eq(nf_analysis_result(a, at)->tok_begin, 1);
  ck_assert_uint_eq(nf_analysis_result(a, at)->tok_end, 3);
  nf_result hidden = {t[0], 0, 3, 0, 0, "The", NF_NO_REF, NF_RESULT_HIDDEN, &none, 1};
  ck_assert_int_eq(nf_analysis_emit(a, &hidden, NULL), NF_OK);
  nf_result port1 = {t[1], 20, 24, 0, 0, "Suez", NF_NO_REF, 0, NULL, 0};
  nf_result port2 = {t[1], 29, 38, 0, 0, "Rotterdam", NF_NO_REF, 0, NULL, 0};
  nf_result port3 = {t[1], 40, 44, 0, 0, "Suez", NF_NO_REF, 0, NULL, 0};
  ck_assert_int_eq(nf_analysis_emit(a, &port1, NULL), NF_OK);
  ck_assert_int_eq(nf_analysis_emit(a, &port2, NULL), NF_OK);
  ck_assert_int_eq(nf_analysis_emit(a, &port3, NULL), NF_OK);
  nf_attr_value voyage_attrs[] = {NF_ATTR_SPAN("from", 20, 24), NF_ATTR_STR("to", "Rotterdam")};
  nf_result voyage = {t[3], 4, 38, 0, 0, NULL, NF_NO_REF, 0, voyage_attrs, 2};
  ck_assert_int_eq(nf_analysis_emit(a, &voyage, NULL), NF_OK);
  nf_result cargo1 = {t[4], 0, 0, 0, 0, "grain", NF_NO_REF, 0, NULL, 0};
  /* a value broken over lines, with a tab and a control character: one line */
  nf_result cargo2 = {
      t[4], 0, 0, 0, 0, " steel\n\tplates\x01 \xc2\x85", NF_NO_REF, NF_RESULT_UNINDEXED, NULL, 0};
  nf_result cargo3 = {t[4], 0, 0, 0, 0, "grain", NF_NO_REF, 0, NULL, 0};
  ck_assert_int_eq(nf_analysis_emit(a, &cargo1, NULL), NF_OK);
  ck_assert_int_eq(nf_analysis_emit(a, &cargo2, NULL), NF_OK);
  ck_assert_int_eq(nf_analysis_emit(a, &cargo3, NULL), NF_OK);
  nf_result hull = {t[5], 8, 14, 0, 0, "steel", NF_NO_REF, 0, NULL, 0};
  ck_assert_int_eq(nf_analysis_emit(a, &hull, NULL), NF_OK);
  /* a type it does not provide is refused */
  nf_result person = {NF_TYPE_PERSON, 0, 3, 0, 0, "The", NF_NO_REF, 0, NULL, 0};
  ck_assert_int_eq(nf_analysis_emit(a, &person, NULL), NF_ERR_INVALID);
  return NF_OK;
}

/* Reads the ship analyzer's results by type and span. */
static char lookups[256];
static nf_status reader_analyze(const void *instance, nf_analysis *a, nf_error *err) {
  (void)instance, (void)err;
  nf_type ship = NF_TYPE_BUILTIN_COUNT, hull = NF_TYPE_BUILTIN_COUNT + 5;
  size_t cursor = 0;
  const nf_result *r;
  lookups[0] = '\0';
  /* within bytes [0, 15): both ships, the hidden one included */
  while ((r = nf_analysis_next(a, ship, 0, 15, &cursor))) {
    strcat(lookups, r->value);
    strcat(lookups, ";");
  }
  /* within [5, 30): no ship lies inside it */
  cursor = 0;
  ck_assert_ptr_null(nf_analysis_next(a, ship, 5, 30, &cursor));
  ck_assert_str_eq(nf_result_attr(nf_analysis_first(a, ship), "flag"), "pa");
  ck_assert_ptr_null(nf_result_attr(nf_analysis_first(a, ship), "colour"));
  ck_assert_uint_eq(nf_analysis_count_of(a, hull), 1);
  /* a type it does not read is not there for it */
  ck_assert_ptr_null(nf_analysis_first(a, NF_TYPE_BUILTIN_COUNT + 1));
  ck_assert_uint_eq(nf_analysis_count_of(a, NF_TYPE_BUILTIN_COUNT + 1), 0);
  return NF_OK;
}

static const char *const provides_quote_only[] = {"quote", NULL};
static const nf_analyzer_v2 ship_analyzer =
    ANALYZER("ships", NF_ANALYZER_ABI, ship_types, NULL, ok_create, ok_destroy, ship_analyze);
static const nf_analyzer_v2 reader = ANALYZER("reader", NF_ANALYZER_ABI, provides_quote_only,
                                              reads_ship, ok_create, ok_destroy, reader_analyze);

START_TEST(record_is_derived_from_typed_results) {
  nf_registry *reg;
  nf_pipeline *p;
  nf_analysis *a;
  nf_record *rec;
  nf_error err;
  ck_assert_int_eq(nf_registry_new(&reg), NF_OK);
  ck_assert_int_eq(nf_fields_register_kinds(reg, &err), NF_OK); /* for the fields' values */
  for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
    nf_type id;
    ck_assert_int_eq(nf_registry_add_type(reg, &types[i], &id, &err), NF_OK);
    ck_assert_uint_eq(id, NF_TYPE_BUILTIN_COUNT + i);
  }
  ck_assert_int_eq(nf_registry_add(reg, &reader, &err), NF_OK);
  ck_assert_int_eq(nf_registry_add(reg, &ship_analyzer, &err), NF_OK);
  ck_assert_int_eq(nf_pipeline_new(reg, NULL, &p, &err), NF_OK);
  ck_assert_str_eq(nf_pipeline_get(p, 0)->name, "ships");
  ck_assert_int_eq(nf_analysis_new(&a), NF_OK);
  ck_assert_int_eq(nf_record_new(&rec), NF_OK);
  nf_article art;
  memset(&art, 0, sizeof art);
  art.id = (nf_str){"s1", 2};
  art.text = (nf_str){ship_text, strlen(ship_text)};
  ck_assert_msg(nf_record_extract(rec, p, a, &art, &err) == NF_OK, "%s", err.message);
  ck_assert_str_eq(lookups, "Ever Given;The;");
  char *json;
  ck_assert_int_eq(nf_record_to_json(rec, 0, &json, &err), NF_OK);
  /* the metadata, then each provided type in the order of its id: the built-in
   * "quote" that only the reader provides is an empty list */
  ck_assert_str_eq(json,
                   "{\"id\":\"s1\",\"headline\":null,\"date\":null,\"url\":null,\"source\":null,"
                   "\"quotes\":[],"
                   "\"ships\":[{\"name\":\"Ever Given\",\"flag\":\"pa\",\"text\":\"Ever Given\","
                   "\"span\":[4,14]}],"
                   "\"ports\":[{\"port\":\"Suez\",\"mentions\":[[20,24],[40,44]]},"
                   "{\"port\":\"Rotterdam\",\"mentions\":[[29,38]]}],"
                   "\"captain\":null,"
                   "\"voyage\":{\"from\":[20,24],\"to\":\"Rotterdam\"},"
                   "\"cargo\":[\"grain\",\"steel plates\",\"grain\"]}");
  free(json);
  /* field values: each once, hidden and unindexed results left out */
  char *v = nf_test_field_values(reg, rec, "cargo");
  ck_assert_str_eq(v, "grain;");
  free(v);
  v = nf_test_field_values(reg, rec, "ship, ship.flag, port");
  ck_assert_str_eq(v, "Ever Given;pa;Suez;Rotterdam;");
  free(v);
  v = nf_test_field_values(reg, rec, "id, headline, hull");
  ck_assert_str_eq(v, "s1;steel;");
  free(v);
  nf_record_free(rec);
  nf_analysis_free(a);
  nf_pipeline_free(p);
  nf_registry_free(reg);
}
END_TEST

START_TEST(result_types_are_checked) {
  nf_registry *reg;
  nf_error err;
  ck_assert_int_eq(nf_registry_new(&reg), NF_OK);
  static const nf_result_type_v1 dup = {"person", NULL, NF_LAYOUT_NONE, NULL, 0, ""};
  ck_assert_int_eq(nf_registry_add_type(reg, &dup, NULL, &err), NF_ERR_INVALID);
  ck_assert_str_eq(err.message, "a result type named 'person' is already registered");
  static const nf_result_type_v1 key_taken = {"boss", "officials", NF_LAYOUT_VALUES, NULL, 0, ""};
  ck_assert_int_eq(nf_registry_add_type(reg, &key_taken, NULL, &err), NF_ERR_INVALID);
  ck_assert_str_eq(err.message,
                   "result type 'boss': the record key 'officials' is the type 'official''s");
  static const nf_result_type_v1 metadata = {"head", "headline", NF_LAYOUT_VALUE, NULL, 0, ""};
  ck_assert_int_eq(nf_registry_add_type(reg, &metadata, NULL, &err), NF_ERR_INVALID);
  ck_assert_str_eq(err.message,
                   "result type 'head': the record key 'headline' is the article's metadata");
  static const nf_result_type_v1 no_members = {"crew", "crew", NF_LAYOUT_OBJECTS, NULL, 0, ""};
  ck_assert_int_eq(nf_registry_add_type(reg, &no_members, NULL, &err), NF_ERR_INVALID);
  ck_assert_str_eq(err.message, "result type 'crew' has no members");
  static const nf_result_type_v1 no_key = {"deck", NULL, NF_LAYOUT_VALUES, NULL, 0, ""};
  ck_assert_int_eq(nf_registry_add_type(reg, &no_key, NULL, &err), NF_ERR_INVALID);
  ck_assert_uint_eq(nf_registry_type_count(reg), NF_TYPE_BUILTIN_COUNT - 1);
  nf_registry_free(reg);
}
END_TEST

START_TEST(plugin_analyzer_runs_beside_the_builtins) {
  nf_registry *reg;
  nf_pipeline *p;
  nf_error err;
  nf_error_clear(&err);
  const char *plugins[] = {NF_TEST_PLUGIN};
  ck_assert_msg(nf_pipeline_default(NF_TEST_SCHEMA_DIR, plugins, 1, &reg, &p, &err) == NF_OK,
                "%s: %s", err.where, err.message);
  ck_assert_ptr_nonnull(nf_registry_find(reg, "shout"));
  ck_assert_ptr_nonnull(nf_registry_find(reg, "country"));
  nf_analysis *a;
  nf_record *rec;
  ck_assert_int_eq(nf_analysis_new(&a), NF_OK);
  ck_assert_int_eq(nf_record_new(&rec), NF_OK);
  const char *text = "NATO and the EU met in Vilnius; Lithuania hosted.";
  nf_article art;
  memset(&art, 0, sizeof art);
  art.id = (nf_str){"p1", 2};
  art.text = (nf_str){text, strlen(text)};
  ck_assert_int_eq(nf_record_extract(rec, p, a, &art, &err), NF_OK);
  ck_assert_uint_eq(nf_analysis_count_of(a, nf_registry_type(reg, "shout")), 2);
  char *json;
  ck_assert_int_eq(nf_record_to_json(rec, 0, &json, &err), NF_OK);
  ck_assert_msg(nf_test_contains(json, "\"shouts\":[\"NATO\",\"EU\"]"), "%s", json);
  ck_assert_msg(nf_test_contains(json, "\"code\":\"lt\""), "%s", json);
  free(json);
  char *v = nf_test_field_values(reg, rec, "shout");
  ck_assert_str_eq(v, "NATO;EU;");
  free(v);
  nf_record_free(rec);
  nf_analysis_free(a);
  nf_pipeline_free(p);
  nf_registry_free(reg);
}
END_TEST

/* ---- field kinds ---------------------------------------------------------- */

static nf_status no_keys(const void *instance, const char *v, size_t n, nf_key_fn fn, void *ctx) {
  (void)instance, (void)v, (void)n, (void)fn, (void)ctx;
  return NF_OK;
}
static nf_status no_query_key(const void *instance, const char *v, size_t n, nf_key_fn fn,
                              void *ctx, nf_error *err) {
  (void)instance, (void)v, (void)n, (void)fn, (void)ctx, (void)err;
  return NF_OK;
}
static nf_status kind_create(const nf_kind_env *env, void **instance, nf_error *err) {
  (void)env, (void)err;
  *instance = NULL;
  return NF_OK;
}

/* A kind, and the error registering it gives ("" when it registers). */
static const struct {
  nf_field_kind_v1 def;
  nf_status status;
  const char *error;
} kind_rows[] = {
    {{NF_FIELD_KIND_ABI, "ship", "", NF_KIND_TERMS, 0, NULL, NULL, no_keys, no_query_key, NULL},
     NF_OK,
     ""},
    {{NF_FIELD_KIND_ABI, "name", "", NF_KIND_TERMS, 0, NULL, NULL, no_keys, no_query_key, NULL},
     NF_ERR_INVALID,
     "a field kind named 'name' is already registered"},
    {{NF_FIELD_KIND_ABI + 1, "future", "", NF_KIND_FREE_TEXT, 0, NULL, NULL, NULL, NULL, NULL},
     NF_ERR_UNSUPPORTED,
     "field kind 'future' is built for interface version 2, this library has 1"},
    {{NF_FIELD_KIND_ABI, "", "", NF_KIND_FREE_TEXT, 0, NULL, NULL, NULL, NULL, NULL},
     NF_ERR_INVALID,
     "a field kind needs a name"},
    {{NF_FIELD_KIND_ABI, "keyless", "", NF_KIND_TERMS, 0, NULL, NULL, NULL, no_query_key, NULL},
     NF_ERR_INVALID,
     "field kind 'keyless' lacks index_keys or query_key"},
    {{NF_FIELD_KIND_ABI, "leaky", "", NF_KIND_FREE_TEXT, 0, kind_create, NULL, NULL, NULL, NULL},
     NF_ERR_INVALID,
     "field kind 'leaky' needs both create and destroy"},
    {{NF_FIELD_KIND_ABI, "prose", "", NF_KIND_FREE_TEXT, 0, NULL, NULL, NULL, NULL, NULL},
     NF_OK,
     ""},
};

START_TEST(kind_registration_is_checked) {
  nf_registry *reg;
  nf_error err;
  ck_assert_int_eq(nf_registry_default(&reg, &err), NF_OK);
  size_t before = nf_registry_kind_count(reg);
  nf_error_clear(&err);
  ck_assert_int_eq(nf_registry_add_kind(reg, &kind_rows[_i].def, &err), kind_rows[_i].status);
  ck_assert_str_eq(err.message, kind_rows[_i].error);
  int added = kind_rows[_i].status == NF_OK;
  ck_assert_uint_eq(nf_registry_kind_count(reg), before + (size_t)added);
  if (added) ck_assert_ptr_eq(nf_registry_kind(reg, kind_rows[_i].def.name), &kind_rows[_i].def);
  nf_registry_free(reg);
}
END_TEST

START_TEST(builtin_kinds_register_like_any_other) {
  nf_registry *reg;
  nf_error err;
  ck_assert_int_eq(nf_registry_new(&reg), NF_OK);
  ck_assert_uint_eq(nf_registry_kind_count(reg), 0);
  ck_assert_ptr_null(nf_registry_kind(reg, "name"));
  ck_assert_int_eq(nf_registry_add_builtins(reg, &err), NF_OK);
  ck_assert_uint_eq(nf_registry_kind_count(reg), 10);
  ck_assert_str_eq(nf_registry_kind_at(reg, 0)->name, "text");
  ck_assert_str_eq(nf_registry_kind_at(reg, 8)->name, "agency");
  ck_assert_str_eq(nf_registry_kind_at(reg, 9)->name, "org");
  nf_registry_free(reg);
}
END_TEST

START_TEST(plugin_kind_registers_beside_the_builtins) {
  nf_registry *reg;
  nf_error err;
  nf_error_clear(&err);
  ck_assert_int_eq(nf_registry_default(&reg, &err), NF_OK);
  ck_assert_ptr_null(nf_registry_kind(reg, "vessel"));
  ck_assert_msg(nf_registry_load(reg, NF_TEST_VESSEL, &err) == NF_OK, "%s", err.message);
  const nf_field_kind_v1 *k = nf_registry_kind(reg, "vessel");
  ck_assert_ptr_nonnull(k);
  ck_assert_uint_eq(nf_registry_kind_count(reg), 11);
  ck_assert_ptr_eq(nf_registry_kind_at(reg, 10), k);
  /* loaded again, its kind's name is taken: nothing of it stays */
  nf_error_clear(&err);
  ck_assert_int_eq(nf_registry_load(reg, NF_TEST_VESSEL, &err), NF_ERR_INVALID);
  ck_assert_str_eq(err.message, "a result type named 'vessel' is already registered");
  ck_assert_str_eq(err.where, NF_TEST_VESSEL);
  ck_assert_uint_eq(nf_registry_kind_count(reg), 11);
  ck_assert_ptr_eq(nf_registry_kind(reg, "vessel"), k);
  nf_registry_free(reg);
}
END_TEST

START_TEST(bad_plugins_are_errors) {
  nf_registry *reg;
  nf_error err;
  ck_assert_int_eq(nf_registry_new(&reg), NF_OK);
  ck_assert_int_eq(nf_registry_load(reg, "/nonexistent/plugin.so", &err), NF_ERR_NOT_FOUND);
  ck_assert_str_eq(err.where, "/nonexistent/plugin.so");
  ck_assert_int_eq(nf_registry_load(reg, NF_TEST_NO_ENTRY, &err), NF_ERR_INVALID);
  ck_assert_str_eq(err.message, "no nf_plugin_init entry point");
  ck_assert_int_eq(nf_registry_load(reg, NF_TEST_PLUGIN, &err), NF_OK);
  /* the same plug-in twice: its type's name is taken, and nothing of it stays */
  ck_assert_int_eq(nf_registry_load(reg, NF_TEST_PLUGIN, &err), NF_ERR_INVALID);
  ck_assert_str_eq(err.message, "a result type named 'shout' is already registered");
  ck_assert_uint_eq(nf_registry_size(reg), 1);
  ck_assert_uint_eq(nf_registry_type_count(reg), NF_TYPE_BUILTIN_COUNT);
  nf_registry_free(reg);
}
END_TEST

int main(void) {
  Suite *s = suite_create("registry");
  TCase *tc = tcase_create("registry");
  tcase_add_test(tc, registration_is_checked);
  tcase_add_test(tc, builtins_register_like_any_other);
  tcase_add_test(tc, analyzer_errors_name_the_analyzer);
  tcase_add_test(tc, pipeline_runs_readers_after_providers);
  tcase_add_test(tc, missing_providers_and_cycles_are_errors);
  tcase_add_test(tc, record_is_derived_from_typed_results);
  tcase_add_test(tc, result_types_are_checked);
  tcase_add_test(tc, plugin_analyzer_runs_beside_the_builtins);
  tcase_add_test(tc, bad_plugins_are_errors);
  tcase_add_loop_test(tc, kind_registration_is_checked, 0,
                      (int)(sizeof kind_rows / sizeof kind_rows[0]));
  tcase_add_test(tc, builtin_kinds_register_like_any_other);
  tcase_add_test(tc, plugin_kind_registers_beside_the_builtins);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
