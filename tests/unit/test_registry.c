/* The analyzer registry, pipelines and plugins loaded at run time. */
#include <check.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "newsfields/analyzer.h"
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
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
