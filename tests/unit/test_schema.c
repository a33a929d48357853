/* The field schema: the default file, and every kind of bad line. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "newsfields/analyzer.h"
#include "newsfields/schema.h"
#include "testutil.h"

START_TEST(default_schema_declares_every_design_field) {
  nf_schema *s;
  nf_error err;
  ck_assert_int_eq(nf_schema_load(NF_TEST_SCHEMA_DIR "/newsfields.schema", NULL, &s, &err), NF_OK);
  static const struct {
    const char *name, *prefix;
    nf_field_kind kind;
    int facet;
  } rows[] = {
      {"text", "", NF_FIELD_TEXT, 0},
      {"headline", "S", NF_FIELD_TEXT, 0},
      {"byline", "A", NF_FIELD_NAME, 1},
      {"credit", "XCREDIT", NF_FIELD_NAME, 0},
      {"dateline", "XDL", NF_FIELD_PLACE, 1},
      {"agency", "XAGENCY", NF_FIELD_AGENCY, 1},
      {"country", "N", NF_FIELD_COUNTRY, 1},
      {"title", "XTITLE", NF_FIELD_TITLE, 1},
      {"official", "XOFFICIAL", NF_FIELD_NAME, 1},
      {"speaker", "XSPEAKER", NF_FIELD_NAME, 1},
      {"year", "XYEAR", NF_FIELD_EXACT, 1},
      {"id", "Q", NF_FIELD_ID, 0},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    const nf_field *f = nf_schema_find(s, rows[i].name);
    ck_assert_msg(f != NULL, "no field %s", rows[i].name);
    ck_assert_str_eq(f->prefix, rows[i].prefix);
    ck_assert_int_eq(f->kind, rows[i].kind);
    ck_assert_int_eq(f->facet, rows[i].facet);
  }
  const nf_field *date = nf_schema_find(s, "date");
  ck_assert_ptr_nonnull(date);
  ck_assert_int_eq(date->kind, NF_FIELD_DATE);
  ck_assert_uint_eq(date->slot, 0);
  ck_assert_ptr_null(date->prefix);
  const nf_field *country = nf_schema_find(s, "country");
  ck_assert_str_eq(country->source, "country");
  ck_assert_uint_eq(country->nsources, 1);
  ck_assert_uint_eq(country->sources[0].type, NF_TYPE_COUNTRY);
  ck_assert_ptr_null(country->sources[0].attr);
  const nf_field *credit = nf_schema_find(s, "credit");
  ck_assert_uint_eq(credit->nsources, 2);
  ck_assert_uint_eq(credit->sources[1].type, NF_TYPE_CREDIT);
  ck_assert_str_eq(credit->sources[1].attr, "org");
  ck_assert_int_eq(nf_schema_find(s, "year")->sources[0].meta, NF_META_YEAR);
  ck_assert_str_eq(nf_schema_find(s, "headline")->source, "headline");
  ck_assert_str_eq(nf_schema_find(s, "headline")->label, "Headline");
  ck_assert_ptr_null(nf_schema_find(s, "nosuch"));
  ck_assert_str_eq(nf_schema_language(s), "english");
  ck_assert_uint_eq(nf_schema_batch(s), 1000);
  ck_assert_str_eq(nf_schema_dir(s), NF_TEST_SCHEMA_DIR);
  nf_schema_free(s);
}
END_TEST

#define ID "[field id]\nkind = id\nprefix = Q\n"

/* Each bad schema, and the exact error it gives. */
static const struct {
  const char *text;
  const char *error;
} bad[] = {
    {"[field x]\nkind = name\nprefix = XX\nprefx = Y\n" ID,
     "t.schema:4: unknown key 'prefx' in [field x]"},
    {"[field x]\nkind = name\nprefix = XX\nprefix = XY\n" ID, "t.schema:4: duplicate key 'prefix'"},
    {"[field x]\nkind = name\nprefix = XX\n[field x]\nkind = name\nprefix = XY\n" ID,
     "t.schema:4: duplicate field 'x' (first defined at line 1)"},
    {"[field x]\nprefix = XX\n" ID, "t.schema:1: [field x] has no 'kind'"},
    {"[field x]\nkind = name\n" ID, "t.schema:1: [field x] has no 'prefix'"},
    {"[field x]\nkind = color\nprefix = XX\n" ID,
     "t.schema:2: unknown kind 'color' (text, name, place, exact, country, title, date, id, "
     "agency)"},
    {"[field x]\nkind = name\nprefix = xx\n" ID,
     "t.schema:3: prefix 'xx' must be capital letters A-Z"},
    {"[field x]\nkind = name\nprefix = XFOO\n" ID,
     "t.schema:3: prefix 'XFOO': prefixes starting XF are reserved for facets"},
    {"[field x]\nkind = name\nprefix = Q\n" ID,
     "t.schema:4: prefix 'Q' is already used by [field x]"},
    {"[field d]\nkind = date\n" ID, "t.schema:1: [field d] is a date and needs a 'slot'"},
    {"[field d]\nkind = date\nslot = 0\n[field e]\nkind = date\nslot = 0\n" ID,
     "t.schema:4: slot of [field e] is already used by [field d]"},
    {"[field d]\nkind = date\nslot = x1\n" ID, "t.schema:3: 'slot' needs a number, not 'x1'"},
    {"[field x]\nkind = name\nprefix = XX\nfacet = maybe\n" ID,
     "t.schema:4: 'facet' is yes or no, not 'maybe'"},
    {"[field x]\nkind = name\nprefix =\n" ID,
     "t.schema:1: [field x] needs a non-empty prefix (only free text may have none)"},
    {"[fields x]\n" ID,
     "t.schema:1: unknown section [fields x] (expected [index] or [field NAME])"},
    {"[field X]\n" ID, "t.schema:1: bad field name 'X' (lower-case letters, digits, '_')"},
    {"[field x\n" ID, "t.schema:1: section header without ']'"},
    {"kind = name\n" ID, "t.schema:1: key outside a section"},
    {"[index]\nlanguage english\n" ID, "t.schema:2: expected 'key = value' or '[section]'"},
    {"[index]\nbatch = 0\n" ID, "t.schema:2: 'batch' must be at least 1"},
    {"[index]\nstemmer = english\n" ID, "t.schema:2: unknown key 'stemmer' in [index]"},
    {"# only a comment\n", "t.schema: the schema declares no field"},
    {"[field x]\nkind = name\nprefix = XX\n",
     "t.schema: the schema needs exactly one field of kind 'id' (it has 0)"},
    {"[field x]\nkind = name\nprefix = XX\n" ID,
     "t.schema:1: [field x]: source 'x' is neither the article's metadata (id, text, headline, "
     "date, year, source, url) nor a result type"},
    {"[field x]\nkind = name\nprefix = XX\nsource = official.\n" ID,
     "t.schema:1: [field x]: bad source 'official.' (a metadata name, TYPE or TYPE.ATTRIBUTE)"},
    {"[field x]\nkind = name\nprefix = XX\nsource = official,, speaker\n" ID,
     "t.schema:1: [field x]: bad source list 'official,, speaker'"},
};

START_TEST(bad_schema_is_an_error_naming_file_and_line) {
  nf_schema *s = (nf_schema *)1;
  nf_error err;
  nf_error_clear(&err);
  nf_status st = nf_schema_parse(bad[_i].text, strlen(bad[_i].text), "t.schema", NULL, &s, &err);
  ck_assert_int_eq(st, NF_ERR_SCHEMA);
  ck_assert_ptr_null(s);
  char buf[2048];
  ck_assert_str_eq(nf_error_format(&err, buf, sizeof buf), bad[_i].error);
}
END_TEST

START_TEST(defaults_are_filled) {
  const char *text =
      "[index]\nlanguage = french\nbatch = 5\n"
      "[field speaker]\nkind = name\nprefix = XWHO\nfacet = yes\n" ID;
  nf_schema *s;
  nf_error err;
  ck_assert_int_eq(nf_schema_parse(text, strlen(text), "/x/y.schema", NULL, &s, &err), NF_OK);
  const nf_field *f = nf_schema_find(s, "speaker");
  ck_assert_str_eq(f->source, "speaker"); /* the result type of that name */
  ck_assert_uint_eq(f->sources[0].type, NF_TYPE_SPEAKER);
  ck_assert_str_eq(f->label, "Speaker");
  ck_assert_uint_eq(f->slot, NF_NO_SLOT);
  ck_assert_str_eq(nf_schema_language(s), "french");
  ck_assert_uint_eq(nf_schema_batch(s), 5);
  ck_assert_str_eq(nf_schema_dir(s), "/x");
  ck_assert_uint_eq(nf_schema_field_count(s), 2);
  nf_schema_free(s);
}
END_TEST

START_TEST(missing_file_is_an_io_error) {
  nf_schema *s;
  nf_error err;
  ck_assert_int_eq(nf_schema_load("/nonexistent/newsfields.schema", NULL, &s, &err), NF_ERR_IO);
  ck_assert_ptr_null(s);
  ck_assert_str_eq(err.where, "/nonexistent/newsfields.schema");
  nf_schema_free(NULL);
}
END_TEST

START_TEST(default_path_prefers_the_environment) {
  setenv("NEWSFIELDS_SCHEMA", "/somewhere/custom.schema", 1);
  char *p = nf_schema_default_path();
  ck_assert_str_eq(p, "/somewhere/custom.schema");
  free(p);
  unsetenv("NEWSFIELDS_SCHEMA");
  p = nf_schema_default_path();
  ck_assert_ptr_nonnull(p);
  ck_assert(nf_test_contains(p, "newsfields.schema"));
  free(p);
}
END_TEST

int main(void) {
  Suite *s = suite_create("schema");
  TCase *tc = tcase_create("schema");
  tcase_add_test(tc, default_schema_declares_every_design_field);
  tcase_add_loop_test(tc, bad_schema_is_an_error_naming_file_and_line, 0,
                      (int)(sizeof bad / sizeof bad[0]));
  tcase_add_test(tc, defaults_are_filled);
  tcase_add_test(tc, missing_file_is_an_io_error);
  tcase_add_test(tc, default_path_prefers_the_environment);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
