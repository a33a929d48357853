/* The field schema: the default file, every kind of bad line, the kinds it
 * resolves in the registry and the plug-ins it loads. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "newsfields/analyzer.h"
#include "newsfields/schema.h"
#include "testutil.h"

#define VESSEL_SCHEMA NF_TEST_FIXTURES "/plugin/vessel.schema"

static nf_registry *reg;

static void setup(void) {
  nf_error err;
  ck_assert_int_eq(nf_registry_default(&reg, &err), NF_OK);
}

static void teardown(void) { nf_registry_free(reg); }

START_TEST(default_schema_declares_every_design_field) {
  nf_schema *s;
  nf_error err;
  ck_assert_int_eq(nf_schema_load(NF_TEST_SCHEMA_DIR "/newsfields.schema", reg, &s, &err), NF_OK);
  static const struct {
    const char *name, *prefix, *kind;
    int facet;
  } rows[] = {
      {"text", "", "text", 0},
      {"headline", "S", "text", 0},
      {"byline", "A", "name", 1},
      {"credit", "XCREDIT", "name", 0},
      {"dateline", "XDL", "place", 1},
      {"agency", "XAGENCY", "agency", 1},
      {"country", "N", "country", 1},
      {"title", "XTITLE", "title", 1},
      {"official", "XOFFICIAL", "name", 1},
      {"speaker", "XSPEAKER", "name", 1},
      {"year", "XYEAR", "exact", 1},
      {"id", "Q", "id", 0},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    const nf_field *f = nf_schema_find(s, rows[i].name);
    ck_assert_msg(f != NULL, "no field %s", rows[i].name);
    ck_assert_str_eq(f->prefix, rows[i].prefix);
    ck_assert_ptr_eq(f->kind, nf_registry_kind(reg, rows[i].kind));
    ck_assert_int_eq(f->facet, rows[i].facet);
  }
  /* one instance of a kind for all its fields; none for a kind without */
  const nf_field *country = nf_schema_find(s, "country");
  ck_assert_ptr_nonnull(country->kind_instance);
  ck_assert_ptr_eq(nf_schema_find(s, "speakercountry")->kind_instance, country->kind_instance);
  ck_assert_ptr_nonnull(nf_schema_find(s, "agency")->kind_instance);
  ck_assert_ptr_null(nf_schema_find(s, "speaker")->kind_instance);
  const nf_field *date = nf_schema_find(s, "date");
  ck_assert_ptr_nonnull(date);
  ck_assert_str_eq(date->kind->name, "date");
  ck_assert_int_eq(date->kind->mode, NF_KIND_DATE);
  ck_assert_uint_eq(date->slot, 0);
  ck_assert_ptr_null(date->prefix);
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
     "agency, org)"},
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
    {"[index]\nplugins =\n" ID, "t.schema:2: 'plugins' needs a value"},
    {"[index]\nplugins = a.so, , b.so\n" ID, "t.schema:2: 'plugins' has an empty entry"},
    {"[index]\nplugins = a.so\nplugins = b.so\n" ID, "t.schema:3: duplicate key 'plugins'"},
    {"[field x]\nkind = vessel\nprefix = XX\n" ID,
     "t.schema:2: unknown kind 'vessel' (text, name, place, exact, country, title, date, id, "
     "agency, org)"},
    {"[field t]\nkind = text\nprefix = XT\nkind = name\n" ID, "t.schema:4: duplicate key 'kind'"},
    {"# only a comment\n", "t.schema: the schema declares no field"},
    {"[field x]\nkind = name\nprefix = XX\n",
     "t.schema: the schema needs exactly one field of kind 'id' (it has 0)"},
    {"[field x]\nkind = name\nprefix = XX\n" ID,
     "t.schema:1: [field x]: source 'x' is neither the article's metadata (id, text, headline, "
     "date, year, source, url, similar) nor a result type"},
    {"[field x]\nkind = exact\nprefix = XX\nslot = 1\ncollapse = maybe\n" ID,
     "t.schema:5: 'collapse' is yes or no, not 'maybe'"},
    {"[field x]\nkind = exact\nprefix = XX\ncollapse = yes\n" ID,
     "t.schema:1: [field x] has 'collapse = yes' and needs a 'slot'"},
    {"[field x]\nkind = exact\nprefix = XX\nslot = 1\ncollapse = yes\n"
     "[field y]\nkind = exact\nprefix = XY\nslot = 2\ncollapse = yes\n" ID,
     "t.schema:6: [field x] and [field y] both have 'collapse = yes' (one at most)"},
    {"[field d]\nkind = date\nslot = 1\ncollapse = yes\n" ID,
     "t.schema:1: [field d] has 'collapse = yes': its kind must be of boolean terms, not 'date'"},
    {"[field x]\nkind = name\nprefix = XX\nsource = official.\n" ID,
     "t.schema:1: [field x]: bad source 'official.' (a metadata name, TYPE or TYPE.ATTRIBUTE)"},
    {"[field x]\nkind = name\nprefix = XX\nsource = official,, speaker\n" ID,
     "t.schema:1: [field x]: bad source list 'official,, speaker'"},
    {"[field x]\nkind = name\nprefix = XX\nsource = speaker\nvalues = several\n" ID,
     "t.schema:5: 'values' is one or many, not 'several'"},
    {"[field d]\nkind = date\nslot = 0\nsource = date\nvalues = many\n" ID,
     "t.schema:5: [field d]: 'values' is for kinds of boolean terms, not 'date'"},
};

START_TEST(bad_schema_is_an_error_naming_file_and_line) {
  nf_schema *s = (nf_schema *)1;
  nf_error err;
  nf_error_clear(&err);
  nf_status st = nf_schema_parse(bad[_i].text, strlen(bad[_i].text), "t.schema", reg, &s, &err);
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
  ck_assert_int_eq(nf_schema_parse(text, strlen(text), "/x/y.schema", reg, &s, &err), NF_OK);
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

/* One value per article or many, from the sources unless `values` says:
 * it decides whether repeated filters OR or AND (issue 12). */
START_TEST(fields_have_one_value_or_many) {
  nf_schema *s;
  nf_error err;
  ck_assert_int_eq(nf_schema_load(NF_TEST_SCHEMA_DIR "/newsfields.schema", reg, &s, &err), NF_OK);
  static const char *const many[] = {"byline",         "credit",         "country", "title",
                                     "official",       "officialorg",    "speaker", "speakerorg",
                                     "speakercountry", "officialcountry"};
  static const char *const one[] = {"dateline", "agency", "date", "year", "source", "id"};
  for (size_t i = 0; i < sizeof many / sizeof *many; i++)
    ck_assert_msg(nf_schema_find(s, many[i])->multi == 1, "%s has many values", many[i]);
  for (size_t i = 0; i < sizeof one / sizeof *one; i++)
    ck_assert_msg(nf_schema_find(s, one[i])->multi == 0, "%s has one value", one[i]);
  nf_schema_free(s);
  const char *text =
      "[field who]\nkind = name\nprefix = XWHO\nsource = speaker\nvalues = one\n"
      "[field place]\nkind = place\nprefix = XPL\nsource = dateline\nvalues = many\n" ID;
  ck_assert_msg(
      nf_schema_parse(text, strlen(text), NF_TEST_SCHEMA_DIR "/t.schema", reg, &s, &err) == NF_OK,
      "%s", err.message);
  ck_assert_int_eq(nf_schema_find(s, "who")->multi, 0);
  ck_assert_int_eq(nf_schema_find(s, "place")->multi, 1);
  nf_schema_free(s);
}
END_TEST

START_TEST(missing_file_is_an_io_error) {
  nf_schema *s;
  nf_error err;
  ck_assert_int_eq(nf_schema_load("/nonexistent/newsfields.schema", reg, &s, &err), NF_ERR_IO);
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

/* A directory with the vessel schema in it and, beside it, a link to the
 * plug-in as vessel.so; extra is put before the schema's text (at_end: after). */
static char *vessel_dir(const char *extra, int at_end) {
  char *dir = nf_test_tmpdir(), path[600], text[8192];
  ck_assert_ptr_nonnull(dir);
  snprintf(path, sizeof path, "%s/vessel.so", dir);
  ck_assert_int_eq(symlink(NF_TEST_VESSEL, path), 0);
  FILE *f = fopen(VESSEL_SCHEMA, "r");
  ck_assert_ptr_nonnull(f);
  char fixture[4096];
  size_t n = fread(fixture, 1, sizeof fixture - 1, f);
  fixture[n] = '\0';
  fclose(f);
  snprintf(text, sizeof text, "%s%s", at_end ? fixture : extra, at_end ? extra : fixture);
  snprintf(path, sizeof path, "%s/ships.schema", dir);
  ck_assert_int_eq(nf_test_write(path, text), 0);
  return dir;
}

/* `plugins =` names the plug-in relative to the schema's directory; its kind
 * serves the schema's fields, wherever [index] stands in the file. */
START_TEST(schema_loads_its_plugins) {
  static const struct {
    const char *extra;
    int at_end;
  } forms[] = {
      {"[index]\nplugins = vessel.so\n", 0},
      {"\n[index]\nlanguage = english\nplugins = vessel.so\n", 1},
  };
  char *dir = vessel_dir(forms[_i].extra, forms[_i].at_end), path[600];
  snprintf(path, sizeof path, "%s/ships.schema", dir);
  nf_schema *s;
  nf_error err;
  nf_error_clear(&err);
  ck_assert_msg(nf_schema_load(path, reg, &s, &err) == NF_OK, "%s: %s", err.where, err.message);
  const nf_field *ship = nf_schema_find(s, "vessel");
  ck_assert_ptr_nonnull(ship);
  ck_assert_str_eq(ship->kind->name, "vessel");
  ck_assert_ptr_eq(ship->kind, nf_registry_kind(reg, "vessel"));
  ck_assert_str_eq(ship->label, "Ship");
  ck_assert_str_eq(ship->source, "vessel");
  nf_schema_free(s);
  nf_test_rmtree(dir);
  free(dir);
}
END_TEST

/* Without the plug-in the kind is unknown; loaded first (--plugin), the
 * schema needs no `plugins =`; a plug-in that does not load names the line. */
START_TEST(plugin_kinds_and_plugin_errors) {
  nf_schema *s;
  nf_error err;
  nf_error_clear(&err);
  ck_assert_int_eq(nf_schema_load(VESSEL_SCHEMA, reg, &s, &err), NF_ERR_SCHEMA);
  ck_assert_ptr_null(s);
  char buf[2048];
  ck_assert_str_eq(nf_error_format(&err, buf, sizeof buf), VESSEL_SCHEMA
                   ":15: unknown kind 'vessel' (text, name, place, exact, country, "
                   "title, date, id, agency, org)");
  ck_assert_int_eq(nf_registry_load(reg, NF_TEST_VESSEL, &err), NF_OK);
  ck_assert_int_eq(nf_schema_load(VESSEL_SCHEMA, reg, &s, &err), NF_OK);
  ck_assert_str_eq(nf_schema_find(s, "vessel")->kind->name, "vessel");
  nf_schema_free(s);
  /* the kinds the message lists are the registry's, the plug-in's too */
  const char *text = "[field x]\nkind = boat\nprefix = XX\n" ID;
  ck_assert_int_eq(nf_schema_parse(text, strlen(text), "t.schema", reg, &s, &err), NF_ERR_SCHEMA);
  ck_assert_str_eq(nf_error_format(&err, buf, sizeof buf),
                   "t.schema:2: unknown kind 'boat' (text, name, place, exact, country, title, "
                   "date, id, agency, org, vessel)");
  /* the same plug-in again: its kind is taken */
  char *dir = vessel_dir("[index]\nplugins = vessel.so\n", 0), path[600], want[1400];
  snprintf(path, sizeof path, "%s/ships.schema", dir);
  ck_assert_int_eq(nf_schema_load(path, reg, &s, &err), NF_ERR_INVALID);
  snprintf(want, sizeof want,
           "%s:2: plugin %s/vessel.so: a result type named 'vessel' is already registered", path,
           dir);
  ck_assert_str_eq(nf_error_format(&err, buf, sizeof buf), want);
  nf_test_rmtree(dir);
  free(dir);
  text = "[index]\nplugins = /nonexistent/nope.so\n" ID;
  ck_assert_int_eq(nf_schema_parse(text, strlen(text), "t.schema", reg, &s, &err),
                   NF_ERR_NOT_FOUND);
  ck_assert_ptr_null(s);
  ck_assert_str_eq(err.where, "t.schema:2");
  ck_assert_msg(nf_test_contains(err.message, "plugin /nonexistent/nope.so: cannot load: "), "%s",
                err.message);
  text = "[index]\nplugins = nope.so\n" ID;
  ck_assert_int_eq(nf_schema_parse(text, strlen(text), "/nonexistent/t.schema", reg, &s, &err),
                   NF_ERR_NOT_FOUND);
  ck_assert_msg(nf_test_contains(err.message, "plugin /nonexistent/nope.so: cannot load: "), "%s",
                err.message);
}
END_TEST

/* A kind's data file is found beside the schema: missing, it is an error. */
START_TEST(kind_data_is_beside_the_schema) {
  const char *text = "[field c]\nkind = country\nprefix = N\nsource = country\n" ID;
  nf_schema *s;
  nf_error err;
  ck_assert_int_eq(nf_schema_parse(text, strlen(text), "/nonexistent/t.schema", reg, &s, &err),
                   NF_ERR_IO);
  ck_assert_ptr_null(s);
  ck_assert_str_eq(err.where, "/nonexistent/countries.tsv");
  ck_assert_int_eq(
      nf_schema_parse(text, strlen(text), NF_TEST_SCHEMA_DIR "/t.schema", reg, &s, &err), NF_OK);
  ck_assert_ptr_nonnull(nf_schema_find(s, "c")->kind_instance);
  nf_schema_free(s);
  /* no registry: the schema's own, of the built-in types and kinds */
  ck_assert_int_eq(
      nf_schema_parse(text, strlen(text), NF_TEST_SCHEMA_DIR "/t.schema", NULL, &s, &err), NF_OK);
  ck_assert_ptr_nonnull(nf_schema_find(s, "c")->kind_instance);
  nf_schema_free(s);
}
END_TEST

int main(void) {
  Suite *s = suite_create("schema");
  TCase *tc = tcase_create("schema");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, default_schema_declares_every_design_field);
  tcase_add_loop_test(tc, bad_schema_is_an_error_naming_file_and_line, 0,
                      (int)(sizeof bad / sizeof bad[0]));
  tcase_add_test(tc, defaults_are_filled);
  tcase_add_test(tc, fields_have_one_value_or_many);
  tcase_add_test(tc, missing_file_is_an_io_error);
  tcase_add_test(tc, default_path_prefers_the_environment);
  tcase_add_loop_test(tc, schema_loads_its_plugins, 0, 2);
  tcase_add_test(tc, plugin_kinds_and_plugin_errors);
  tcase_add_test(tc, kind_data_is_beside_the_schema);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
