/* The analyzer registry, pipelines and plugins loaded at run time. */
#include <check.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "newsfields/analyzer.h"
#include "newsfields/fieldkind.h"
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

static const nf_analyzer_v1 first = {NF_ANALYZER_ABI, "first",    "",
                                     ok_create,       ok_destroy, ok_analyze};
static const nf_analyzer_v1 same_name = {NF_ANALYZER_ABI, "first",    "",
                                         ok_create,       ok_destroy, ok_analyze};
static const nf_analyzer_v1 future = {NF_ANALYZER_ABI + 1, "future",   "",
                                      ok_create,           ok_destroy, ok_analyze};
static const nf_analyzer_v1 incomplete = {NF_ANALYZER_ABI, "incomplete", "",
                                          ok_create,       NULL,         ok_analyze};
static const nf_analyzer_v1 failing = {NF_ANALYZER_ABI, "failing",  "",
                                       ok_create,       ok_destroy, failing_analyze};
static const nf_analyzer_v1 broken_data = {NF_ANALYZER_ABI, "broken",   "",
                                           failing_create,  ok_destroy, ok_analyze};

START_TEST(registration_is_checked) {
  nf_registry *reg;
  nf_error err;
  ck_assert_int_eq(nf_registry_new(&reg), NF_OK);
  ck_assert_int_eq(nf_registry_add(reg, &first, &err), NF_OK);
  ck_assert_int_eq(nf_registry_add(reg, &same_name, &err), NF_ERR_INVALID);
  ck_assert_str_eq(err.message, "an analyzer named 'first' is already registered");
  ck_assert_int_eq(nf_registry_add(reg, &future, &err), NF_ERR_UNSUPPORTED);
  ck_assert_str_eq(err.message,
                   "analyzer 'future' is built for interface version 2, this library has 1");
  ck_assert_int_eq(nf_registry_add(reg, &incomplete, &err), NF_ERR_INVALID);
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
  nf_analyzer_env env = {NF_TEST_SCHEMA_DIR};
  ck_assert_int_eq(nf_pipeline_new(reg, &env, &p, &err), NF_OK);
  ck_assert_int_eq(nf_analysis_new(&a), NF_OK);
  ck_assert_int_eq(nf_record_new(&rec), NF_OK);
  nf_article art;
  memset(&art, 0, sizeof art);
  art.id = (nf_str){"x", 1};
  art.text = (nf_str){"Some text.", 10};
  ck_assert_int_eq(nf_record_begin(rec, &art, &err), NF_OK);
  ck_assert_int_eq(nf_pipeline_run(p, a, rec, &err), NF_ERR_PARSE);
  ck_assert_str_eq(err.message, "analyzer failing: cannot read this");
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
  ck_assert_int_eq(nf_record_begin(rec, &art, &err), NF_OK);
  ck_assert_int_eq(nf_pipeline_run(p, a, rec, &err), NF_OK);
  size_t n;
  const nf_result *r = nf_analysis_results(a, &n);
  int shouts = 0;
  for (size_t i = 0; i < n; i++)
    if (strcmp(r[i].type, "shout") == 0) shouts++;
  ck_assert_int_eq(shouts, 2);
  char *json;
  ck_assert_int_eq(nf_record_to_json(rec, 0, &json, &err), NF_OK);
  ck_assert_msg(nf_test_contains(json, "\"shouts\":[\"NATO\",\"EU\"]"), "%s", json);
  ck_assert_msg(nf_test_contains(json, "\"code\":\"lt\""), "%s", json);
  free(json);
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
  ck_assert_uint_eq(nf_registry_kind_count(reg), 9);
  ck_assert_str_eq(nf_registry_kind_at(reg, 0)->name, "text");
  ck_assert_str_eq(nf_registry_kind_at(reg, 8)->name, "agency");
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
  ck_assert_uint_eq(nf_registry_kind_count(reg), 10);
  ck_assert_ptr_eq(nf_registry_kind_at(reg, 9), k);
  /* loaded again, its kind's name is taken: nothing of it stays */
  nf_error_clear(&err);
  ck_assert_int_eq(nf_registry_load(reg, NF_TEST_VESSEL, &err), NF_ERR_INVALID);
  ck_assert_str_eq(err.message, "a field kind named 'vessel' is already registered");
  ck_assert_str_eq(err.where, NF_TEST_VESSEL);
  ck_assert_uint_eq(nf_registry_kind_count(reg), 10);
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
  /* the same plugin twice: its analyzer's name is taken */
  ck_assert_int_eq(nf_registry_load(reg, NF_TEST_PLUGIN, &err), NF_ERR_INVALID);
  ck_assert_str_eq(err.message, "an analyzer named 'shout' is already registered");
  ck_assert_uint_eq(nf_registry_size(reg), 1);
  nf_registry_free(reg);
}
END_TEST

int main(void) {
  Suite *s = suite_create("registry");
  TCase *tc = tcase_create("registry");
  tcase_add_test(tc, registration_is_checked);
  tcase_add_test(tc, builtins_register_like_any_other);
  tcase_add_test(tc, analyzer_errors_name_the_analyzer);
  tcase_add_test(tc, plugin_analyzer_runs_beside_the_builtins);
  tcase_add_test(tc, bad_plugins_are_errors);
  tcase_add_loop_test(tc, kind_registration_is_checked, 0,
                      (int)(sizeof kind_rows / sizeof kind_rows[0]));
  tcase_add_test(tc, builtin_kinds_register_like_any_other);
  tcase_add_test(tc, plugin_kind_registers_beside_the_builtins);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
