/* The byline analyzer: tables of wire and web bylines, closing credit lines,
 * author metadata and photo credits, with the names, organisations and roles
 * read from each, positive and negative; the record and index values; the
 * fixture in the style of the example article (a photo credit, no byline,
 * no dateline); and byline: and credit: searches end to end. */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzers_fixture.h"
#include "newsfields/analyzer.h"
#include "newsfields/index.h"
#include "newsfields/input.h"
#include "newsfields/search.h"
#include "search_fixture.h"
#include "testutil.h"

static nf_registry *reg;
static nf_pipeline *pipe_;
static nf_analysis *an;
static nf_record *rec;

/* The dateline and byline analyzers alone, taken from the built-ins. */
static void setup(void) {
  nf_error err;
  nf_error_clear(&err);
  nf_registry *all;
  ck_assert_int_eq(nf_registry_new(&all), NF_OK);
  ck_assert_int_eq(nf_registry_add_builtins(all, &err), NF_OK);
  ck_assert_int_eq(nf_registry_new(&reg), NF_OK);
  ck_assert_int_eq(nf_registry_add(reg, nf_registry_find(all, "dateline"), &err), NF_OK);
  ck_assert_int_eq(nf_registry_add(reg, nf_registry_find(all, "byline"), &err), NF_OK);
  nf_registry_free(all);
  nf_analyzer_env env = {NF_TEST_SCHEMA_DIR, NULL};
  ck_assert_msg(nf_pipeline_new(reg, &env, &pipe_, &err) == NF_OK, "%s: %s", err.where,
                err.message);
  ck_assert_int_eq(nf_analysis_new(&an), NF_OK);
  ck_assert_int_eq(nf_record_new(&rec), NF_OK);
}

static void teardown(void) {
  nf_record_free(rec);
  nf_analysis_free(an);
  nf_pipeline_free(pipe_);
  nf_registry_free(reg);
}

static void run(const char *text, const char *author) {
  nf_error err;
  static nf_article a; /* the record reads it until the next run */
  memset(&a, 0, sizeof a);
  a.id = (nf_str){"t", 1};
  a.text = (nf_str){text, strlen(text)};
  if (author) a.author = (nf_str){author, strlen(author)};
  ck_assert_msg(nf_record_extract(rec, pipe_, an, &a, &err) == NF_OK, "%s", err.message);
}

static json_t *record_json(void) {
  char *s;
  nf_error err;
  ck_assert_int_eq(nf_record_to_json(rec, 0, &s, &err), NF_OK);
  json_error_t jerr;
  json_t *root = json_loads(s, 0, &jerr);
  free(s);
  ck_assert_ptr_nonnull(root);
  return root;
}

static const char *str_or_dash(json_t *v) { return json_is_string(v) ? json_string_value(v) : "-"; }

/* A list of the record as "name|org[|role]|span text;" ("-" for null). */
static char *list_of(const char *key, const char *text) {
  json_t *root = record_json();
  json_t *list = json_object_get(root, key);
  ck_assert_msg(json_is_array(list), "no \"%s\" list", key);
  char *out = calloc(1, 4096);
  size_t i;
  json_t *e;
  json_array_foreach(list, i, e) {
    char item[512], span[256] = "-";
    json_t *sp = json_object_get(e, "span");
    if (json_is_array(sp)) {
      int b = (int)json_integer_value(json_array_get(sp, 0));
      int end = (int)json_integer_value(json_array_get(sp, 1));
      snprintf(span, sizeof span, "%.*s", end - b, text + b);
    }
    json_t *role = json_object_get(e, "role");
    snprintf(item, sizeof item, "%s|%s%s%s|%s;", str_or_dash(json_object_get(e, "name")),
             str_or_dash(json_object_get(e, "org")), role ? "|" : "",
             role ? json_string_value(role) : "", span);
    strcat(out, item);
  }
  json_decref(root);
  return out;
}

static const struct {
  const char *text, *author, *bylines, *credits;
} rows[] = {
    /* bylines at the top */
    {"By Jane Doe\n\nVILNIUS, Dec 20 (Reuters) - Ministers met.", NULL,
     "Jane Doe|-|author|Jane Doe;", ""},
    {"By JANE DOE and JOHN ROE, Associated Press\n\nWASHINGTON (AP) — The Pentagon said.", NULL,
     "Jane Doe|AP|author|JANE DOE;John Roe|AP|author|JOHN ROE;", ""},
    {"by Janie Gabbett, Reuters\nLOS ANGELES, Feb 26 - The bank is not under pressure.", NULL,
     "Janie Gabbett|Reuters|author|Janie Gabbett;", ""},
    {"Jane Doe | Reuters\n\nThe minister resigned on Friday.", NULL,
     "Jane Doe|Reuters|author|Jane Doe;", ""},
    {"Written by Maria Lopez\n\nThe festival opened on Friday.", NULL,
     "Maria Lopez|-|author|Maria Lopez;", ""},
    {"Author: Tomas Berg\n\nThe festival opened on Friday.", NULL,
     "Tomas Berg|-|author|Tomas Berg;", ""},
    /* dashes set before the byline */
    {"---- by Lena Sorel\n\nThe festival opened on Friday.", NULL,
     "Lena Sorel|-|author|Lena Sorel;", ""},
    {"By PABLO RIVAS, AP Sports Writer\n\nLUSAIL, Qatar (AP) — Argentina won.", NULL,
     "Pablo Rivas|AP|author|PABLO RIVAS;", ""},
    {"By Ruth Kemp, Staff Writer\n\nThe council met.", NULL, "Ruth Kemp|-|author|Ruth Kemp;", ""},
    {"By Brad Schade Reuters\nCHICAGO, March 3 - Grain futures rose.", NULL,
     "Brad Schade|Reuters|author|Brad Schade;", ""},
    {"By Reuters Staff\n\nOil prices rose.", NULL, "-|Reuters|author|Reuters;", ""},
    /* names in capitals, recased */
    {"By PATRICK McDONALD and SEAN O'NEILL, Reuters\nDUBLIN, May 2 - Talks resumed.", NULL,
     "Patrick McDonald|Reuters|author|PATRICK McDONALD;Sean O'Neill|Reuters|author|SEAN O'NEILL;",
     ""},
    {"BY TED d'AFFLISIO, REUTERS\nNEW YORK, March 4 - Crude rose.", NULL,
     "Ted D'Afflisio|Reuters|author|TED d'AFFLISIO;", ""},
    {"By keith grant, Reuters\nLONDON, June 1 - Gilts fell.", NULL,
     "Keith Grant|Reuters|author|keith grant;", ""},
    {"By EGLĖ VAITKUTĖ\n\nLithuania stopped importing gas.", NULL,
     "Eglė Vaitkutė|-|author|EGLĖ VAITKUTĖ;", ""},
    /* the closing credit line: reporters apart from editors */
    {"The bank held rates.\n\nReporting by Ana Costa in Lisbon and Mark Hill; Additional reporting "
     "by Lee Min-jun in Seoul; Editing by Tom Ashdown",
     NULL,
     "Ana Costa|-|reporter|Ana Costa;Mark Hill|-|reporter|Mark Hill;"
     "Lee Min-jun|-|reporter|Lee Min-jun;Tom Ashdown|-|editor|Tom Ashdown;",
     ""},
    {"The bank held rates. (Reporting by Ana Costa; Writing by Mark Hill; Editing by Tom Ashdown "
     "and Sara Wu)",
     NULL,
     "Ana Costa|-|reporter|Ana Costa;Mark Hill|-|author|Mark Hill;Tom Ashdown|-|editor|Tom Ashdown;"
     "Sara Wu|-|editor|Sara Wu;",
     ""},
    {"Crowds gathered. (Additional reporting by Julia Brandt in West Palm Beach, Florida, and Omar "
     "Saleh in Miami; Writing by Scott Mills; Editing by Frances Hale.)",
     NULL,
     "Julia Brandt|-|reporter|Julia Brandt;Omar Saleh|-|reporter|Omar Saleh;"
     "Scott Mills|-|author|Scott Mills;Frances Hale|-|editor|Frances Hale;",
     ""},
    /* a name alone before the dateline (Reuters 1996) */
    {"Glenn Wright\nWASHINGTON 1996-08-30\nThe U.S. economy grew.", NULL,
     "Glenn Wright|-|author|Glenn Wright;", ""},
    {"Geert de Clercq\nPARIS 1996-08-30\nFrench shares rose.", NULL,
     "Geert de Clercq|-|author|Geert de Clercq;", ""},
    {"Wafa Amr\nJERUSALEM 1996-08-30\nTalks resumed.", NULL, "Wafa Amr|-|author|Wafa Amr;", ""},
    {"Breaking News\nWASHINGTON (AP) — The Senate voted.", NULL, "", ""},
    /* the author metadata, alone and beside the text */
    {"The two governments signed a trade agreement.", "Jane Doe, John Roe and Ann Poe",
     "Jane Doe|-|author|-;John Roe|-|author|-;Ann Poe|-|author|-;", ""},
    {"By MARISOL ORTEGA and DEVIN PARKS, Associated Press\n\nNASSAU, Bahamas (AP) — The storm.",
     "Marisol Ortega, Devin Parks",
     "Marisol Ortega|AP|author|MARISOL ORTEGA;Devin Parks|AP|author|DEVIN PARKS;", ""},
    {"The bank held rates.\n\nReporting by Ana Costa; Editing by Tom Ashdown", "Ana Costa, Li Wei",
     "Ana Costa|-|reporter|Ana Costa;Tom Ashdown|-|editor|Tom Ashdown;Li Wei|-|author|-;", ""},
    {"Voters went to the polls.", "Heidi Smith, @heidismith, USA TODAY",
     "Heidi Smith|USA TODAY|author|-;", ""},
    {"Voters went to the polls.", "Richard Wolf, and David Jackson, USA TODAY",
     "Richard Wolf|USA TODAY|author|-;David Jackson|USA TODAY|author|-;", ""},
    {"Voters went to the polls.", "AP", "-|AP|author|-;", ""},
    /* authors apart (";"): an organisation after them is an author of its own */
    {"Voters went to the polls.", "Jane Roe; Li Wei; Coast News",
     "Jane Roe|-|author|-;Li Wei|-|author|-;-|Coast News|author|-;", ""},
    /* a name of the text that is the metadata's organisation cut short */
    {"Written by Coast Today on November 7, 2023\n\nThe ferry resumed.", "Coast Today",
     "-|Coast Today|author|-;", ""},
    {"Voters went to the polls.", "By JIM RUTENBERG", "Jim Rutenberg|-|author|-;", ""},
    /* credits, never bylines */
    {"A soldier carries a training weapon. Photo: A.Pliadis/Lithuania Ministry of Defense\n\n"
     "The US and Lithuania signed an agreement.",
     NULL, "", "A. Pliadis|Lithuania Ministry of Defense|A.Pliadis/Lithuania Ministry of Defense;"},
    {"By Claire Dumont\n\nParis is one year away. (Photo by Jean-Marc Rivière/AFP)", NULL,
     "Claire Dumont|-|author|Claire Dumont;", "Jean-Marc Rivière|AFP|Jean-Marc Rivière/AFP;"},
    {"Ministers meet in Vilnius. Photograph: Ints Kalnins/Reuters", NULL, "",
     "Ints Kalnins|Reuters|Ints Kalnins/Reuters;"},
    {"Ministers meet in Vilnius. REUTERS/Ints Kalnins/File Photo", NULL, "",
     "Ints Kalnins|Reuters|REUTERS/Ints Kalnins;"},
    {"Troops arrive in Rukla. (AP Photo/Mindaugas Kulbis)", NULL, "",
     "Mindaugas Kulbis|AP|AP Photo/Mindaugas Kulbis;"},
    {"A radar station near Vilnius.\nPhoto credit: Lithuania Ministry of Defense", NULL, "",
     "-|Lithuania Ministry of Defense|Lithuania Ministry of Defense;"},
    {"Lava flows near Grindavik. Photo: H. Gunnarsson/Icelandic Coast Guard", NULL, "",
     "H. Gunnarsson|Icelandic Coast Guard|H. Gunnarsson/Icelandic Coast Guard;"},
    /* not bylines */
    {"By contrast, analysts said the market would recover.", NULL, "", ""},
    {"By Monday, the storm had passed.", NULL, "", ""},
    {"By the end of the year, rates\nwill have risen, the bank said.", NULL, "", ""},
    {"He was hit by John Smith's car on Main Street.", NULL, "", ""},
    {"The editing by Jane Doe was praised by critics.", NULL, "", ""},
    {"The photo by Jane Doe won a prize.", NULL, "", ""},
    {"Paris is one year away from hosting the Olympic Games.", NULL, "", ""},
    {"Reuters reported the deal on Monday.", NULL, "", ""},
    {"", NULL, "", ""},
};

START_TEST(byline_rows) {
  run(rows[_i].text, rows[_i].author);
  char *got = list_of("byline", rows[_i].text);
  ck_assert_msg(strcmp(got, rows[_i].bylines) == 0, "'%s'\n got: '%s'\nwant: '%s'", rows[_i].text,
                got, rows[_i].bylines);
  free(got);
  got = list_of("credits", rows[_i].text);
  ck_assert_msg(strcmp(got, rows[_i].credits) == 0, "'%s'\n got credits: '%s'\nwant: '%s'",
                rows[_i].text, got, rows[_i].credits);
  free(got);
}
END_TEST

/* The values of a field with this source, "a;b;" in order. */
static char *values_of(const char *source) { return nf_test_field_values(NULL, rec, source); }

START_TEST(record_and_values) {
  const char *text =
      "By JANE DOE, Associated Press\n\nWASHINGTON (AP) — The vote. "
      "Photo: A.Pliadis/Lithuania Ministry of Defense\n\n"
      "Reporting by Ana Costa; Editing by Tom Ashdown";
  run(text, "Jane Doe, Li Wei");
  json_t *root = record_json();
  /* where each was found: the text, the author metadata, or both */
  char *b = json_dumps(json_object_get(root, "byline"), JSON_COMPACT);
  ck_assert_str_eq(b,
                   "[{\"name\":\"Jane Doe\",\"org\":\"AP\",\"role\":\"author\",\"span\":[3,11],"
                   "\"source\":\"both\"},{\"name\":\"Ana Costa\",\"org\":null,\"role\":"
                   "\"reporter\",\"span\":[122,131],\"source\":\"text\"},{\"name\":\"Tom "
                   "Ashdown\",\"org\":null,\"role\":\"editor\",\"span\":[144,155],\"source\":"
                   "\"text\"},{\"name\":\"Li Wei\",\"org\":null,\"role\":\"author\",\"span\":"
                   "null,\"source\":\"metadata\"}]");
  free(b);
  b = json_dumps(json_object_get(root, "credits"), JSON_COMPACT);
  ck_assert_str_eq(b,
                   "[{\"name\":\"A. Pliadis\",\"org\":\"Lithuania Ministry of Defense\","
                   "\"span\":[68,107]}]");
  free(b);
  json_decref(root);
  /* editors are not authors */
  char *v = values_of("byline");
  ck_assert_str_eq(v, "Jane Doe;Ana Costa;Li Wei;");
  free(v);
  v = values_of("credit.name, credit.org");
  ck_assert_str_eq(v, "A. Pliadis;Lithuania Ministry of Defense;");
  free(v);
  v = values_of("agency");
  ck_assert_str_eq(v, "AP;");
  free(v);
}
END_TEST

/* The author metadata that is the publication itself (its `source`) gives
 * way to a person the text names as the author, not to no one. */
START_TEST(the_site_as_author_gives_way_to_the_text) {
  static const struct {
    const char *text, *bylines;
  } cases[] = {{"Written by: Kai Moreno\n\nThe ferry resumed.", "Kai Moreno|-|author|Kai Moreno;"},
               {"The ferry resumed.", "-|Coast Press|author|-;"}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    nf_error err;
    static nf_article a;
    memset(&a, 0, sizeof a);
    a.id = (nf_str){"t", 1};
    a.text = (nf_str){cases[i].text, strlen(cases[i].text)};
    a.author = (nf_str){"Coast Press", 11};
    a.source = (nf_str){"Coast Press", 11};
    ck_assert_msg(nf_record_extract(rec, pipe_, an, &a, &err) == NF_OK, "%s", err.message);
    char *got = list_of("byline", cases[i].text);
    ck_assert_str_eq(got, cases[i].bylines);
    free(got);
  }
}
END_TEST

START_TEST(bad_author_metadata_is_an_error) {
  nf_error err;
  nf_article a;
  memset(&a, 0, sizeof a);
  a.id = (nf_str){"t", 1};
  a.text = (nf_str){"Text.", 5};
  a.author = (nf_str){"Jane \xff Doe", 10};
  ck_assert_int_eq(nf_record_extract(rec, pipe_, an, &a, &err), NF_ERR_PARSE);
  ck_assert_msg(nf_test_contains(err.message, "\"author\" is not valid UTF-8"), "%s", err.message);
}
END_TEST

/* The fixture in the style of the example article: a scraped page with a
 * stray "X", a photo caption with its credit, no byline and no dateline. */
START_TEST(example_style_fixture) {
  nf_registry *dreg;
  nf_pipeline *dpipe;
  nf_error err;
  ck_assert_msg(nf_pipeline_default(NF_TEST_SCHEMA_DIR, NULL, 0, &dreg, &dpipe, &err) == NF_OK,
                "%s: %s", err.where, err.message);
  const char *inputs[] = {NF_TEST_FIXTURES "/photo-credit.txt"};
  nf_input *in;
  const nf_article *a;
  ck_assert_int_eq(nf_input_open(inputs, 1, &in, &err), NF_OK);
  ck_assert_int_eq(nf_input_next(in, &a, &err), NF_OK);
  ck_assert_ptr_nonnull(a);
  ck_assert_msg(nf_record_extract(rec, dpipe, an, a, &err) == NF_OK, "%s", err.message);
  json_t *root = record_json();
  ck_assert(json_is_null(json_object_get(root, "dateline")));
  ck_assert_uint_eq(json_array_size(json_object_get(root, "byline")), 0);
  json_t *credits = json_object_get(root, "credits");
  ck_assert_uint_eq(json_array_size(credits), 1);
  json_t *c = json_array_get(credits, 0);
  ck_assert_str_eq(json_string_value(json_object_get(c, "name")), "A. Pliadis");
  ck_assert_str_eq(json_string_value(json_object_get(c, "org")), "Lithuania Ministry of Defense");
  json_decref(root);
  nf_input_free(in);
  nf_pipeline_free(dpipe);
  nf_registry_free(dreg);
}
END_TEST

/* ---- byline: and credit: end to end ------------------------------------------ */

static char *dir, *db;
static nf_registry *kinds; /* the schema's kinds */
static nf_schema *schema;

static void index_setup(void) {
  nf_error err;
  ck_assert_int_eq(nf_registry_default(&kinds, &err), NF_OK);
  ck_assert_int_eq(nf_schema_load(NF_TEST_SCHEMA_DIR "/newsfields.schema", kinds, &schema, &err),
                   NF_OK);
  dir = nf_test_tmpdir();
  db = malloc(strlen(dir) + 4);
  sprintf(db, "%s/db", dir);
  const char *inputs[] = {NF_TEST_CORPUS "/sample.jsonl", NF_TEST_FIXTURES "/photo-credit.txt"};
  nf_test_index_files(db, schema, NULL, inputs, 2);
}

static void index_teardown(void) {
  nf_schema_free(schema);
  nf_registry_free(kinds);
  nf_test_rmtree(dir);
  free(dir);
  free(db);
}

/* The ids a query finds, sorted, space-separated. */
static char *search_ids(const char *query) {
  const char *dbs[] = {db};
  return nf_test_search_ids(dbs, 1, schema, query, NULL);
}

static const struct {
  const char *query, *ids;
} queries[] = {
    {"credit:Pliadis", "photo-credit.txt"},
    {"credit:\"A. Pliadis\"", "photo-credit.txt"},
    {"credit:\"Lithuania Ministry of Defense\"", "photo-credit.txt"},
    {"credit:Kairys", "nf-sample-020"},
    {"byline:Pliadis", ""},
    {"byline:Kazlauskiene", "nf-sample-016 nf-sample-035"},
    {"byline:\"Marisol Ortega\"", "nf-sample-003"},
    {"byline:\"Helen Marsh\"", ""}, /* an editor */
    {"byline:Reuters", ""},
    {"agency:AP",
     "nf-sample-003 nf-sample-011 nf-sample-015 nf-sample-017 nf-sample-028 "
     "nf-sample-029"},
};

START_TEST(search_rows) {
  char *got = search_ids(queries[_i].query);
  ck_assert_msg(strcmp(got, queries[_i].ids) == 0, "%s: got '%s', want '%s'", queries[_i].query,
                got, queries[_i].ids);
  free(got);
}
END_TEST

Suite *byline_suite(void) {
  Suite *s = suite_create("byline");
  TCase *tc = tcase_create("byline");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_loop_test(tc, byline_rows, 0, sizeof rows / sizeof rows[0]);
  tcase_add_test(tc, record_and_values);
  tcase_add_test(tc, the_site_as_author_gives_way_to_the_text);
  tcase_add_test(tc, bad_author_metadata_is_an_error);
  tcase_add_test(tc, example_style_fixture);
  suite_add_tcase(s, tc);
  TCase *search = tcase_create("search");
  tcase_add_checked_fixture(search, index_setup, index_teardown);
  tcase_add_loop_test(search, search_rows, 0, sizeof queries / sizeof queries[0]);
  suite_add_tcase(s, search);
  return s;
}

int main(void) { return nf_test_main(byline_suite()); }
