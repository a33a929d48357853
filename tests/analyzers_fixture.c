/* The built-in analyzers over one article at a time, for the analyzer tests. */
#include "analyzers_fixture.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

void nf_test_analyzers_open(nf_registry **reg, nf_pipeline **pipeline, nf_analysis **an,
                            nf_record **rec) {
  nf_error err;
  nf_error_clear(&err);
  ck_assert_msg(nf_pipeline_default(NF_TEST_SCHEMA_DIR, NULL, 0, reg, pipeline, &err) == NF_OK,
                "%s: %s", err.where, err.message);
  ck_assert_int_eq(nf_analysis_new(an), NF_OK);
  ck_assert_int_eq(nf_record_new(rec), NF_OK);
}

void nf_test_analyzers_close(nf_registry *reg, nf_pipeline *pipeline, nf_analysis *an,
                             nf_record *rec) {
  nf_record_free(rec);
  nf_analysis_free(an);
  nf_pipeline_free(pipeline);
  nf_registry_free(reg);
}

void nf_test_analyzers_run(const nf_pipeline *pipeline, nf_analysis *an, nf_record *rec,
                           const char *text) {
  nf_error err;
  nf_article a;
  memset(&a, 0, sizeof a);
  a.id = (nf_str){"t", 1};
  a.text = (nf_str){text, strlen(text)};
  ck_assert_int_eq(nf_record_begin(rec, &a, &err), NF_OK);
  ck_assert_msg(nf_pipeline_run(pipeline, an, rec, &err) == NF_OK, "%s", err.message);
}

json_t *nf_test_record_json(const nf_record *rec) {
  nf_error err;
  char *json;
  ck_assert_int_eq(nf_record_to_json(rec, 0, &json, &err), NF_OK);
  json_t *root = json_loads(json, 0, NULL);
  free(json);
  ck_assert_ptr_nonnull(root);
  return root;
}
