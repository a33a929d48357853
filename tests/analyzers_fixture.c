/* The built-in analyzers over one article at a time, for the analyzer tests. */
#include "analyzers_fixture.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buffer.h"
#include "newsfields/schema.h"

static nf_status join_value(void *ctx, const char *v, size_t n) {
  nf_buf *out = ctx;
  nf_status s = nf_buf_append(out, v, n);
  return s == NF_OK ? nf_buf_append_char(out, ';') : s;
}

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
  nf_test_analyzers_run_dated(pipeline, an, rec, text, NULL);
}

void nf_test_analyzers_run_dated(const nf_pipeline *pipeline, nf_analysis *an, nf_record *rec,
                                 const char *text, const char *date) {
  nf_error err;
  static nf_article a; /* the record reads it until the next run */
  memset(&a, 0, sizeof a);
  a.id = (nf_str){"t", 1};
  a.text = (nf_str){text, strlen(text)};
  if (date) a.date = (nf_str){date, strlen(date)};
  ck_assert_msg(nf_record_extract(rec, pipeline, an, &a, &err) == NF_OK, "%s", err.message);
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

char *nf_test_field_values(nf_registry *reg, const nf_record *rec, const char *source) {
  char text[512];
  snprintf(text, sizeof text,
           "[field v]\nkind = exact\nprefix = XV\nsource = %s\n"
           "[field id]\nkind = id\nprefix = Q\n",
           source);
  nf_schema *schema;
  nf_error err;
  ck_assert_msg(nf_schema_parse(text, strlen(text), "test", reg, &schema, &err) == NF_OK, "%s",
                err.message);
  nf_buf out = NF_BUF_INIT;
  ck_assert_int_eq(nf_record_values(rec, nf_schema_find(schema, "v"), join_value, &out), NF_OK);
  nf_schema_free(schema);
  char *s = strdup(nf_buf_str(&out));
  nf_buf_free(&out);
  return s;
}
