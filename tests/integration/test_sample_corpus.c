/* The bundled sample corpus against its hand-made gold (tests/corpus/README.md):
 * the countries of every article, in order of first mention. */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsfields/analyzer.h"
#include "newsfields/input.h"
#include "newsfields/record.h"
#include "testutil.h"

static const struct {
  const char *id, *countries;
} gold[] = {
    {"nf-sample-001", "gb ie us"},
    {"nf-sample-002", "ke et no jm us gb ch nl qa"},
    {"nf-sample-003", "bs us gb ht"},
    {"nf-sample-004", "ng bj ne gh tg"},
    {"nf-sample-005", "us mx"},
    {"nf-sample-006", "dm do"},
    {"nf-sample-007", "au us ca nz sg"},
    {"nf-sample-008", "ru us sa iq cn"},
    {"nf-sample-009", "eg et sd za us"},
    {"nf-sample-010", "ph cn jp kr au nz vn in id us"},
    {"nf-sample-011", "cd cg cf"},
    {"nf-sample-012", "jp kr cn no au pa us pg gq qa"},
    {"nf-sample-013", "lt by iq lv pl"},
    {"nf-sample-014", "cn lt tw"},
    {"nf-sample-015", "cl ar pe ve"},
    {"nf-sample-016", "lt us ru ua cn by tw"},
    {"nf-sample-017", "us ru ua it de ee lv lt pl by"},
    {"nf-sample-018", "ua ru by pl fr"},
    {"nf-sample-019", "nz au us gb jp"},
    {"nf-sample-020", "lt ru ua us no lv ee de"},
    {"nf-sample-021", "sg us cn tw jp ru ua"},
    {"nf-sample-022", "ru lt pl by"},
    {"nf-sample-023", "it ru ua de us gb"},
    {"nf-sample-024", "ru ua tr eg lb so"},
    {"nf-sample-025", "pk tr ae cn us af"},
    {"nf-sample-026", "pl dk no ru se de"},
    {"nf-sample-027", "gb ru ua us"},
    {"nf-sample-028", "qa ar fr hr ma"},
    {"nf-sample-029", "ph us tw cn kr kp"},
    {"nf-sample-030", "tr sy gr il az jo"},
    {"nf-sample-031", "ee ua ru lv lt su"},
    {"nf-sample-032", "ge ru us ua"},
    {"nf-sample-033", "br pt ua cn ae us ru"},
    {"nf-sample-034", "jp us de gb fr it ca ru ua cn"},
    {"nf-sample-035", "lt tr se ua us de fi ru"},
    {"nf-sample-036", "fr ru by ua"},
};

START_TEST(every_article_gives_its_gold_countries) {
  nf_registry *reg;
  nf_pipeline *p;
  nf_analysis *an;
  nf_record *rec;
  nf_input *in;
  nf_error err;
  ck_assert_int_eq(nf_pipeline_default(NF_TEST_SCHEMA_DIR, NULL, 0, &reg, &p, &err), NF_OK);
  ck_assert_int_eq(nf_analysis_new(&an), NF_OK);
  ck_assert_int_eq(nf_record_new(&rec), NF_OK);
  const char *paths[] = {NF_TEST_CORPUS "/sample.jsonl"};
  ck_assert_int_eq(nf_input_open(paths, 1, &in, &err), NF_OK);
  size_t n = 0;
  const nf_article *a;
  while (nf_input_next(in, &a, &err) == NF_OK && a) {
    ck_assert_uint_lt(n, sizeof gold / sizeof gold[0]);
    ck_assert_int_eq(nf_record_extract(rec, p, an, a, &err), NF_OK);
    char *json;
    ck_assert_int_eq(nf_record_to_json(rec, 0, &json, &err), NF_OK);
    json_error_t jerr;
    json_t *root = json_loads(json, 0, &jerr);
    ck_assert_str_eq(json_string_value(json_object_get(root, "id")), gold[n].id);
    char codes[512] = "";
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(root, "countries"), i, c) {
      if (i) strcat(codes, " ");
      strcat(codes, json_string_value(json_object_get(c, "code")));
    }
    ck_assert_msg(strcmp(codes, gold[n].countries) == 0, "%s: got '%s', want '%s'", gold[n].id,
                  codes, gold[n].countries);
    json_decref(root);
    free(json);
    n++;
  }
  ck_assert_uint_eq(n, sizeof gold / sizeof gold[0]);
  nf_input_free(in);
  nf_record_free(rec);
  nf_analysis_free(an);
  nf_pipeline_free(p);
  nf_registry_free(reg);
}
END_TEST

int main(void) {
  Suite *s = suite_create("sample_corpus");
  TCase *tc = tcase_create("sample_corpus");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, every_article_gives_its_gold_countries);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
