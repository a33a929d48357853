/* The dateline analyzer: a table of wire-style openings and what it reads
 * from each (place, written form, region, country, date, agency, span),
 * positive and negative; the record and index values it writes; and, end to
 * end, the sample corpus indexed and searched by dateline:, agency: and a
 * date taken from the dateline. */
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

static void run(const char *text, const char *date, const char *source) {
  nf_error err;
  static nf_article a; /* the record reads it until the next run */
  memset(&a, 0, sizeof a);
  a.id = (nf_str){"t", 1};
  a.text = (nf_str){text, strlen(text)};
  if (date) a.date = (nf_str){date, strlen(date)};
  if (source) a.source = (nf_str){source, strlen(source)};
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

/* The dateline as "place|written|region|country|date|agency|span text", or "-". */
static char *dateline_of(const char *text) {
  json_t *root = record_json();
  json_t *d = json_object_get(root, "dateline");
  char *out = calloc(1, 1024);
  if (json_is_object(d)) {
    json_t *span = json_object_get(d, "span");
    int b = (int)json_integer_value(json_array_get(span, 0));
    int e = (int)json_integer_value(json_array_get(span, 1));
    snprintf(out, 1024, "%s|%s|%s|%s|%s|%s|%.*s", str_or_dash(json_object_get(d, "place")),
             str_or_dash(json_object_get(d, "written")), str_or_dash(json_object_get(d, "region")),
             str_or_dash(json_object_get(d, "country")), str_or_dash(json_object_get(d, "date")),
             str_or_dash(json_object_get(d, "agency")), e - b, text + b);
  } else {
    ck_assert_msg(json_is_null(d), "no \"dateline\" key");
    strcpy(out, "-");
  }
  json_decref(root);
  return out;
}

static const struct {
  const char *text, *date, *want;
} rows[] = {
    /* the forms of issue 4 */
    {"VILNIUS, Dec 20 (Reuters) - Lithuania and the United States agreed on Monday.", "2021-12-20",
     "Vilnius|VILNIUS|-|lt|2021-12-20|Reuters|VILNIUS, Dec 20 (Reuters) -"},
    {"WASHINGTON (AP) — The Pentagon will move troops to the Baltics.", "2022-02-22",
     "Washington|WASHINGTON|-|us|-|AP|WASHINGTON (AP) —"},
    {"KYIV, Ukraine, March 3 — Russian forces took the port overnight.", "2022-03-03",
     "Kyiv|KYIV|Ukraine|ua|2022-03-03|-|KYIV, Ukraine, March 3 —"},
    {"TAUPO, New Zealand, March 24 - Boat operators are hiring again.", "2022-03-24",
     "Taupo|TAUPO|New Zealand|nz|2022-03-24|-|TAUPO, New Zealand, March 24 -"},
    {"LONDON 1996-08-30\nShares in London closed higher on Friday.", NULL,
     "London|LONDON|-|gb|1996-08-30|-|LONDON 1996-08-30"},
    {"Washington (AFP) – The White House said on Friday it would wait.", NULL,
     "Washington|Washington|-|us|-|AFP|Washington (AFP) –"},
    {"BEIJING, Jan. 5 (Xinhua) -- China's exports rose in December.", "2023-01-06",
     "Beijing|BEIJING|-|cn|2023-01-05|Xinhua|BEIJING, Jan. 5 (Xinhua) --"},
    {"    SALVADOR, Feb 26 - Cocoa farmers in Bahia expect rain this week.", "1987-02-26",
     "Salvador|SALVADOR|-|-|1987-02-26|-|SALVADOR, Feb 26 -"},
    /* after a byline line */
    {"By Jane Doe, Reuters\nOSLO, June 2 - Norway raised its gas output.", "2022-06-02",
     "Oslo|OSLO|-|no|2022-06-02|-|OSLO, June 2 -"},
    {"By MARIA LOPEZ, Associated Press\n\nLIMA, Peru (AP) — Protesters marched on Sunday.", NULL,
     "Lima|LIMA|Peru|pe|-|AP|LIMA, Peru (AP) —"},
    /* the year: the article's, or the one before for a dateline after it */
    {"MOSCOW, Dec 30 (Reuters) - Russia set a new oil price cap.", "2022-01-02",
     "Moscow|MOSCOW|-|ru|2021-12-30|Reuters|MOSCOW, Dec 30 (Reuters) -"},
    {"TOKYO, Dec 1 (Reuters) - Japan's factory output rose.", "2021-11-30",
     "Tokyo|TOKYO|-|jp|2021-12-01|Reuters|TOKYO, Dec 1 (Reuters) -"},
    {"PARIS, March 3 (AFP) - Farmers blocked roads around the capital.", NULL,
     "Paris|PARIS|-|fr|-|AFP|PARIS, March 3 (AFP) -"},
    {"MADRID, 20 March (Reuters) - Spain's jobless rate fell.", "2023-03-21",
     "Madrid|MADRID|-|es|2023-03-20|Reuters|MADRID, 20 March (Reuters) -"},
    {"CAIRO, March 3, 2022 (Reuters) - Egypt raised bread prices.", "2022-03-09",
     "Cairo|CAIRO|-|eg|2022-03-03|Reuters|CAIRO, March 3, 2022 (Reuters) -"},
    /* the country from the region, the city or both */
    {"RICHMOND, Va., March 5 - The utility raised its dividend.", "1987-03-05",
     "Richmond|RICHMOND|Va.|us|1987-03-05|-|RICHMOND, Va., March 5 -"},
    {"WINSTON-SALEM, N.C., March 2 - The tobacco company said sales rose.", "1987-03-02",
     "Winston-Salem|WINSTON-SALEM|N.C.|us|1987-03-02|-|WINSTON-SALEM, N.C., March 2 -"},
    {"ATLANTA, Georgia, May 3 - The airline added flights.", "2022-05-03",
     "Atlanta|ATLANTA|Georgia|us|2022-05-03|-|ATLANTA, Georgia, May 3 -"},
    {"TBILISI, Georgia, March 9 — The ruling party dropped the bill.", "2023-03-09",
     "Tbilisi|TBILISI|Georgia|ge|2023-03-09|-|TBILISI, Georgia, March 9 —"},
    {"KINSHASA, Congo (AP) — The outbreak is over, officials said.", NULL,
     "Kinshasa|KINSHASA|Congo|cd|-|AP|KINSHASA, Congo (AP) —"},
    {"ST. LOUIS, Oct. 19 - The brewer cut its forecast.", "1987-10-19",
     "St. Louis|ST. LOUIS|-|us|1987-10-19|-|ST. LOUIS, Oct. 19 -"},
    {"GEORGETOWN, Grand Cayman, British West Indies, March 25 - The bank opened a branch.",
     "1987-03-25",
     "Georgetown|GEORGETOWN|Grand Cayman, British West Indies|-|1987-03-25|-|"
     "GEORGETOWN, Grand Cayman, British West Indies, March 25 -"},
    {"GRONINGEN, the Netherlands, March 31 - Gas output fell.", "1987-03-31",
     "Groningen|GRONINGEN|the Netherlands|nl|1987-03-31|-|GRONINGEN, the Netherlands, March 31 -"},
    /* more of what wire copy does */
    {"WASHINGTON, Oct 20, Reuter - The Senate passed the bill.", "1987-10-20",
     "Washington|WASHINGTON|-|us|1987-10-20|Reuters|WASHINGTON, Oct 20, Reuter -"},
    {"sioux falls, april 7 - Cattle prices were steady.", "1987-04-07",
     "Sioux Falls|sioux falls|-|us|1987-04-07|-|sioux falls, april 7 -"},
    {"NEW YORK - Stocks fell sharply in early trading.", NULL,
     "New York|NEW YORK|-|us|-|-|NEW YORK -"},
    {"DES MOINES — Ted Cruz spent the day in small towns.", NULL,
     "Des Moines|DES MOINES|-|us|-|-|DES MOINES —"},
    {"RICHMOND, Va., Marc 16 - The utility said its profit rose.", "1987-03-16",
     "Richmond|RICHMOND|Va.|us|-|-|RICHMOND, Va., Marc 16 -"},
    {"****NEW YORK, June 2 - Bond prices were mixed.", "1987-06-02",
     "New York|NEW YORK|-|us|1987-06-02|-|NEW YORK, June 2 -"},
    {"VILNIUS, Dec 20 (Wire) - Ministers met.", "2021-12-20",
     "Vilnius|VILNIUS|-|lt|2021-12-20|Wire|VILNIUS, Dec 20 (Wire) -"},
    {"CRICKET - LEICESTERSHIRE TAKE OVER AT TOP\nLONDON 1996-08-30\nSimmons took four wickets.",
     NULL, "London|LONDON|-|gb|1996-08-30|-|LONDON 1996-08-30"},
    {"AL-AIN, United Arab Emirates 1996-12-06\nJapan won the match.", NULL,
     "Al-Ain|AL-AIN|United Arab Emirates|ae|1996-12-06|-|AL-AIN, United Arab Emirates 1996-12-06"},
    /* renamed places: the current name, as written kept (issue 10) */
    {"PEKING, March 2 - China said its exports rose.", "1987-03-02",
     "Beijing|PEKING|-|cn|1987-03-02|-|PEKING, March 2 -"},
    {"BOMBAY, March 2 - Indian shares rose.", "1987-03-02",
     "Mumbai|BOMBAY|-|in|1987-03-02|-|BOMBAY, March 2 -"},
    {"RANGOON, March 2 - Burma raised rice prices.", "1987-03-02",
     "Yangon|RANGOON|-|mm|1987-03-02|-|RANGOON, March 2 -"},
    {"SAIGON, April 30 - Crowds filled the streets.", "1975-04-30",
     "Ho Chi Minh City|SAIGON|-|vn|1975-04-30|-|SAIGON, April 30 -"},
    {"CALCUTTA, March 2 - Jute prices fell.", "1987-03-02",
     "Kolkata|CALCUTTA|-|in|1987-03-02|-|CALCUTTA, March 2 -"},
    {"MADRAS, March 2 - The port reopened.", "1987-03-02",
     "Chennai|MADRAS|-|in|1987-03-02|-|MADRAS, March 2 -"},
    {"MUMBAI, March 2 (Reuters) - Indian shares rose.", "2023-03-02",
     "Mumbai|MUMBAI|-|in|2023-03-02|Reuters|MUMBAI, March 2 (Reuters) -"},
    /* the country in the article's era (issue 10): today's when undated */
    {"MOSCOW, March 2 - The Soviet Union raised oil output.", "1987-03-02",
     "Moscow|MOSCOW|-|su|1987-03-02|-|MOSCOW, March 2 -"},
    {"MOSCOW, Dec 25 - Gorbachev resigned.", "1991-12-25",
     "Moscow|MOSCOW|-|su|1991-12-25|-|MOSCOW, Dec 25 -"},
    {"MOSCOW, Dec 26 - The flag came down.", "1991-12-26",
     "Moscow|MOSCOW|-|ru|1991-12-26|-|MOSCOW, Dec 26 -"},
    {"MOSCOW, March 2 - Oil output rose.", NULL, "Moscow|MOSCOW|-|ru|-|-|MOSCOW, March 2 -"},
    {"MOSCOW, March 2, 1987 - Oil output rose.", NULL,
     "Moscow|MOSCOW|-|su|1987-03-02|-|MOSCOW, March 2, 1987 -"},
    {"LENINGRAD, March 2 - The port froze.", "1987-03-02",
     "St. Petersburg|LENINGRAD|-|su|1987-03-02|-|LENINGRAD, March 2 -"},
    {"BELGRADE, March 2 - Yugoslavia cut imports.", "1987-03-02",
     "Belgrade|BELGRADE|-|yu|1987-03-02|-|BELGRADE, March 2 -"},
    {"BELGRADE, March 2 - Serbia cut imports.", "2015-03-02",
     "Belgrade|BELGRADE|-|rs|2015-03-02|-|BELGRADE, March 2 -"},
    {"PRAGUE, March 2 - Skoda raised output.", "1987-03-02",
     "Prague|PRAGUE|-|cs|1987-03-02|-|PRAGUE, March 2 -"},
    {"PRAGUE, March 2 - Skoda raised output.", "1993-03-02",
     "Prague|PRAGUE|-|cz|1993-03-02|-|PRAGUE, March 2 -"},
    {"BRATISLAVA, March 2 - The refinery closed.", "1987-03-02",
     "Bratislava|BRATISLAVA|-|cs|1987-03-02|-|BRATISLAVA, March 2 -"},
    {"EAST BERLIN, March 2 - The GDR raised output.", "1987-03-02",
     "East Berlin|EAST BERLIN|-|dd|1987-03-02|-|EAST BERLIN, March 2 -"},
    {"EAST BERLIN, March 2 - Rents rose.", "1995-03-02",
     "East Berlin|EAST BERLIN|-|de|1995-03-02|-|EAST BERLIN, March 2 -"},
    /* not datelines */
    {"Paris is one year away from hosting the Olympic Games.", NULL, "-"},
    {"US, Lithuania Sign Agreement to Improve Military Interoperability\n\nThe US and Lithuania "
     "signed an agreement on Monday.",
     NULL, "-"},
    {"Turkey prices at the supermarket tell only part of the story.", NULL, "-"},
    {"EXCLUSIVE - Minister quits over leaked letters", NULL, "-"},
    {"In an email dated Feb. 12, 2012 — months before the attack — the director asked for guards.",
     NULL, "-"},
    {"HOLLOWAY--Margaret Anne, 87, of Dover, died peacefully at home.", NULL, "-"},
    {"Acme Widgets Corp (AWC) - The company said profit rose.", NULL, "-"},
    {"SOCCER - JAPAN GET LUCKY WIN, UAE HOLD KUWAIT", NULL, "-"},
    {"Storms cut power to thousands of homes, officials said.", NULL, "-"},
    {"The story began here.\nIt went on.\nAnd on.\nAnd on.\nAnd on.\nAnd on.\n"
     "LONDON, May 2 - Too late to be the opening dateline.",
     NULL, "-"},
    {"Wheat prices, in dlrs per tonne:\nWHEAT - 120.50\nCORN - 98.25", NULL, "-"},
    {"APRIL 7 - Closing prices on the exchange.", NULL, "-"},
    {"", NULL, "-"},
};

START_TEST(dateline_rows) {
  run(rows[_i].text, rows[_i].date, NULL);
  char *got = dateline_of(rows[_i].text);
  ck_assert_msg(strcmp(got, rows[_i].want) == 0, "'%s'\n got: '%s'\nwant: '%s'", rows[_i].text, got,
                rows[_i].want);
  free(got);
}
END_TEST

/* The values of a field with this source, "a;b;" in order. */
static char *values_of(const char *source) { return nf_test_field_values(NULL, rec, source); }

START_TEST(record_and_values) {
  const char *text = "VILNIUS, Dec 20 (Reuters) - Lithuania and the United States agreed.";
  run(text, "2021-12-20", "Wire Service");
  json_t *root = record_json();
  char *d = json_dumps(json_object_get(root, "dateline"), JSON_COMPACT | JSON_PRESERVE_ORDER);
  ck_assert_str_eq(d,
                   "{\"place\":\"Vilnius\",\"written\":\"VILNIUS\",\"region\":null,"
                   "\"country\":\"lt\",\"date\":\"2021-12-20\",\"agency\":\"Reuters\","
                   "\"span\":[0,27]}");
  free(d);
  ck_assert_str_eq(json_string_value(json_object_get(root, "agency")), "Reuters");
  ck_assert_str_eq(json_string_value(json_object_get(root, "date")), "2021-12-20");
  json_decref(root);
  char *v = values_of("dateline");
  ck_assert_str_eq(v, "Vilnius;");
  free(v);
  v = values_of("agency");
  ck_assert_str_eq(v, "Reuters;"); /* one agency, though the source names another */
  free(v);
  v = values_of("date");
  ck_assert_str_eq(v, "20211220;"); /* the article's, added once */
  free(v);
}
END_TEST

START_TEST(undated_article_takes_the_dateline_date) {
  run("ZURICH 2019-08-30\n\nKiprono won the 5,000 metres.", NULL, NULL);
  char *v = values_of("date");
  ck_assert_str_eq(v, "20190830;");
  free(v);
  v = values_of("year");
  ck_assert_str_eq(v, "2019;");
  free(v);
  json_t *root = record_json();
  ck_assert_str_eq(json_string_value(json_object_get(root, "date")), "2019-08-30");
  json_decref(root);
  /* a dateline without its year leaves an undated article undated */
  run("OSLO, June 2 - Norway raised its gas output.", NULL, NULL);
  v = values_of("date");
  ck_assert_str_eq(v, "");
  free(v);
}
END_TEST

START_TEST(agency_from_source_when_the_dateline_has_none) {
  run("GOLENIOW, Poland, Sept 27 - The pipeline opened.", "2022-09-27", "AP");
  char *v = values_of("agency");
  ck_assert_str_eq(v, "AP;");
  free(v);
  run("GOLENIOW, Poland, Sept 27 - The pipeline opened.", "2022-09-27", "Nordic Energy Daily");
  v = values_of("agency");
  ck_assert_str_eq(v, "");
  free(v);
  json_t *root = record_json();
  ck_assert(json_is_null(json_object_get(root, "agency")));
  json_decref(root);
}
END_TEST

/* Bad rows in the analyzers' data files: errors naming the file and line. */
static const struct {
  const char *places, *agencies, *want;
} bad_files[] = {
    {"Vilnius\tlt\tcity\nKaunas\tLT\tcity\n", "Reuters\tReuter\n",
     "places.tsv:2: 'LT' is not a lower-case ISO 3166-1 alpha-2 code"},
    {"Vilnius\tlt\ttown\n", "Reuters\n", "places.tsv:1: unknown kind 'town'"},
    {"Vilnius\tlt\n", "Reuters\n", "places.tsv:1: 2 columns, expected at least 3"},
    {"Vilnius\tlt\tcity\n", "Reuters\tReuter\n# comment\nAP\tAssociated Press\tREUTER\n",
     "agencies.tsv:3: 'REUTER' already names agency 'Reuters' (line 1)"},
    {"Vilnius\tlt\tcity\n", "Reuters\t...\n", "agencies.tsv:1: '...' has no letter or digit"},
};

START_TEST(bad_data_files_name_file_and_line) {
  char *tmp = nf_test_tmpdir();
  char path[512];
  snprintf(path, sizeof path, "%s/places.tsv", tmp);
  ck_assert_int_eq(nf_test_write(path, bad_files[_i].places), 0);
  snprintf(path, sizeof path, "%s/agencies.tsv", tmp);
  ck_assert_int_eq(nf_test_write(path, bad_files[_i].agencies), 0);
  nf_registry *all, *one;
  nf_pipeline *p = NULL;
  nf_error err;
  ck_assert_int_eq(nf_registry_new(&all), NF_OK);
  ck_assert_int_eq(nf_registry_add_builtins(all, &err), NF_OK);
  ck_assert_int_eq(nf_registry_new(&one), NF_OK);
  ck_assert_int_eq(nf_registry_add(one, nf_registry_find(all, "dateline"), &err), NF_OK);
  nf_analyzer_env env = {tmp, NULL};
  nf_error_clear(&err);
  ck_assert_int_eq(nf_pipeline_new(one, &env, &p, &err), NF_ERR_SCHEMA);
  ck_assert_ptr_null(p);
  char msg[NF_ERROR_WHERE_MAX + NF_ERROR_MESSAGE_MAX + 4];
  nf_error_format(&err, msg, sizeof msg);
  ck_assert_msg(nf_test_contains(msg, bad_files[_i].want), "got '%s', want '%s'", msg,
                bad_files[_i].want);
  nf_registry_free(one);
  nf_registry_free(all);
  nf_test_rmtree(tmp);
  free(tmp);
}
END_TEST

/* Bad rows in the era and alias tables: errors naming the file and line. */
static const struct {
  const char *eras, *aliases, *want;
} bad_tables[] = {
    {"su\tru\t1991-12-26\tMoscow\nyu\tRS\t1992-04-27\tBelgrade\n", "Peking\tBeijing\n",
     "country-eras.tsv:2: 'RS' is not a lower-case ISO 3166-1 alpha-2 code"},
    {"su\tru\t1991-13-26\tMoscow\n", "Peking\tBeijing\n",
     "country-eras.tsv:1: '1991-13-26' is not a date (YYYY-MM-DD)"},
    {"su\tsu\t1991-12-26\tMoscow\n", "Peking\tBeijing\n",
     "country-eras.tsv:1: the successor of 'su' is itself"},
    {"su\tru\t1991-12-26\n", "Peking\tBeijing\n",
     "country-eras.tsv:1: 3 columns, expected at least 4"},
    {"su\tru\t1991-12-26\t...\n", "Peking\tBeijing\n",
     "country-eras.tsv:1: '...' has no letter or digit"},
    {"su\tru\t1991-12-26\tMoscow\n", "# old\tcurrent\nPeking\tBeijing\nPEKING\tBeijing\n",
     "place-aliases.tsv:3: 'PEKING' already has a current name (line 2)"},
    {"su\tru\t1991-12-26\tMoscow\n", "Peking\tpeking\n",
     "place-aliases.tsv:1: 'Peking' is its own current name"},
    {"su\tru\t1991-12-26\tMoscow\n", "Bombay\tMumbai\nMumbai\tBombay City\n",
     "place-aliases.tsv:2: 'Mumbai' is an old name and also a current one"},
    {"su\tru\t1991-12-26\tMoscow\n", "Peking\n",
     "place-aliases.tsv:1: 1 column, expected at least 2"},
};

START_TEST(bad_era_and_alias_tables_name_file_and_line) {
  char *tmp = nf_test_tmpdir();
  char path[512];
  const char *files[][2] = {{"places.tsv", "Vilnius\tlt\tcity\n"},
                            {"agencies.tsv", "Reuters\n"},
                            {"country-eras.tsv", bad_tables[_i].eras},
                            {"place-aliases.tsv", bad_tables[_i].aliases}};
  for (size_t f = 0; f < 4; f++) {
    snprintf(path, sizeof path, "%s/%s", tmp, files[f][0]);
    ck_assert_int_eq(nf_test_write(path, files[f][1]), 0);
  }
  nf_registry *all, *one;
  nf_pipeline *p = NULL;
  nf_error err;
  ck_assert_int_eq(nf_registry_new(&all), NF_OK);
  ck_assert_int_eq(nf_registry_add_builtins(all, &err), NF_OK);
  ck_assert_int_eq(nf_registry_new(&one), NF_OK);
  ck_assert_int_eq(nf_registry_add(one, nf_registry_find(all, "dateline"), &err), NF_OK);
  nf_analyzer_env env = {tmp, NULL};
  nf_error_clear(&err);
  ck_assert_int_eq(nf_pipeline_new(one, &env, &p, &err), NF_ERR_SCHEMA);
  ck_assert_ptr_null(p);
  char msg[NF_ERROR_WHERE_MAX + NF_ERROR_MESSAGE_MAX + 4];
  nf_error_format(&err, msg, sizeof msg);
  ck_assert_msg(nf_test_contains(msg, bad_tables[_i].want), "got '%s', want '%s'", msg,
                bad_tables[_i].want);
  nf_registry_free(one);
  nf_registry_free(all);
  nf_test_rmtree(tmp);
  free(tmp);
}
END_TEST

/* ---- the sample corpus, end to end ----------------------------------------- */

START_TEST(sample_article_016) {
  /* the default pipeline, as `newsfields index` runs it */
  nf_registry *dreg;
  nf_pipeline *dpipe;
  nf_error err;
  ck_assert_msg(nf_pipeline_default(NF_TEST_SCHEMA_DIR, NULL, 0, &dreg, &dpipe, &err) == NF_OK,
                "%s: %s", err.where, err.message);
  const char *inputs[] = {NF_TEST_CORPUS "/sample.jsonl"};
  nf_input *in;
  ck_assert_int_eq(nf_input_open(inputs, 1, &in, &err), NF_OK);
  const nf_article *a;
  int seen = 0;
  while (nf_input_next(in, &a, &err) == NF_OK && a) {
    if (a->id.n != 13 || memcmp(a->id.p, "nf-sample-016", 13) != 0) continue;
    ck_assert_msg(nf_record_extract(rec, dpipe, an, a, &err) == NF_OK, "%s", err.message);
    json_t *root = record_json();
    json_t *d = json_object_get(root, "dateline");
    ck_assert_str_eq(json_string_value(json_object_get(d, "place")), "Vilnius");
    ck_assert_str_eq(json_string_value(json_object_get(d, "country")), "lt");
    ck_assert_str_eq(json_string_value(json_object_get(d, "date")), "2021-12-20");
    ck_assert_str_eq(json_string_value(json_object_get(d, "agency")), "Reuters");
    json_decref(root);
    seen = 1;
  }
  ck_assert(seen);
  nf_input_free(in);
  nf_pipeline_free(dpipe);
  nf_registry_free(dreg);
}
END_TEST

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
  char *undated = malloc(strlen(dir) + 16);
  sprintf(undated, "%s/undated.txt", dir);
  ck_assert_int_eq(nf_test_write(undated,
                                 "Kiprono edges Tadesse in Zurich\n\n"
                                 "ZURICH 2019-08-30\n\nKiprono won the 5,000 metres.\n"),
                   0);
  /* 1987 wire copy: an old name and a state that is gone */
  char *old = malloc(strlen(dir) + 16);
  sprintf(old, "%s/old.jsonl", dir);
  ck_assert_int_eq(nf_test_write(old,
                                 "{\"id\": \"old-peking\", \"date\": \"1987-03-02\", "
                                 "\"text\": \"PEKING, March 2 - China said Moscow had "
                                 "agreed to buy more rice.\"}\n"),
                   0);
  const char *inputs[] = {NF_TEST_CORPUS "/sample.jsonl", undated, old};
  nf_test_index_files(db, schema, NULL, inputs, 3);
  free(undated);
  free(old);
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
    {"dateline:Vilnius", "nf-sample-013 nf-sample-016 nf-sample-035"},
    {"dateline:VILNIUS", "nf-sample-013 nf-sample-016 nf-sample-035"},
    {"dateline:kyiv", "nf-sample-018"},
    {"dateline:\"Lisbon\"", "nf-sample-033"},
    {"agency:Xinhua", "nf-sample-014"},
    {"agency:AFP", "nf-sample-006 nf-sample-009 nf-sample-033 nf-sample-036"},
    {"dateline:Vilnius agency:Reuters date:2021-12-01..2021-12-31", "nf-sample-016"},
    /* a renamed place: either name finds both (issue 10) */
    {"dateline:Beijing", "nf-sample-014 old-peking"},
    {"dateline:Peking", "nf-sample-014 old-peking"},
    {"dateline:PEKING", "nf-sample-014 old-peking"},
    /* Moscow in 1987 is the Soviet Union's; Russia and the USSR stay apart */
    {"country:USSR dateline:Beijing", "old-peking"},
    {"country:su dateline:Peking", "old-peking"},
    {"country:Russia dateline:Peking", ""},
    {"country:China dateline:Peking", "nf-sample-014 old-peking"},
    /* the undated article is found by the date of its dateline */
    {"date:2019-08-30", "nf-sample-002 undated.txt"},
};

START_TEST(search_rows) {
  char *got = search_ids(queries[_i].query);
  ck_assert_msg(strcmp(got, queries[_i].ids) == 0, "%s: got '%s', want '%s'", queries[_i].query,
                got, queries[_i].ids);
  free(got);
}
END_TEST

Suite *dateline_suite(void) {
  Suite *s = suite_create("dateline");
  TCase *tc = tcase_create("dateline");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_loop_test(tc, dateline_rows, 0, sizeof rows / sizeof rows[0]);
  tcase_add_test(tc, record_and_values);
  tcase_add_test(tc, undated_article_takes_the_dateline_date);
  tcase_add_test(tc, agency_from_source_when_the_dateline_has_none);
  tcase_add_test(tc, sample_article_016);
  tcase_add_loop_test(tc, bad_era_and_alias_tables_name_file_and_line, 0,
                      sizeof bad_tables / sizeof bad_tables[0]);
  tcase_add_loop_test(tc, bad_data_files_name_file_and_line, 0,
                      sizeof bad_files / sizeof bad_files[0]);
  suite_add_tcase(s, tc);
  TCase *search = tcase_create("search");
  tcase_add_checked_fixture(search, index_setup, index_teardown);
  tcase_add_loop_test(search, search_rows, 0, sizeof queries / sizeof queries[0]);
  suite_add_tcase(s, search);
  return s;
}

int main(void) { return nf_test_main(dateline_suite()); }
