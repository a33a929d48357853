/* The country analyzer: a table of sentences and the mentions it finds, for
 * every ambiguity of issue 3, positive and negative; the record it writes;
 * and query-time resolution of country names. */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzers_fixture.h"
#include "newsfields/analyzer.h"
#include "newsfields/countries.h"
#include "testutil.h"

static nf_registry *reg;
static nf_pipeline *pipe_;
static nf_analysis *an;
static nf_record *rec;

static void setup(void) { nf_test_analyzers_open(&reg, &pipe_, &an, &rec); }
static void teardown(void) { nf_test_analyzers_close(reg, pipe_, an, rec); }

/* The mentions found, as "code:text;" in text order. */
static char *mentions(const char *text) {
  nf_test_analyzers_run(pipe_, an, rec, text);
  char *out = calloc(1, 4096);
  size_t cursor = 0;
  const nf_result *r;
  while ((r = nf_analysis_next(an, NF_TYPE_COUNTRY, 0, UINT32_MAX, &cursor))) {
    char item[256];
    snprintf(item, sizeof item, "%s:%.*s;", r->value, (int)(r->end - r->start), text + r->start);
    strcat(out, item);
  }
  return out;
}

static const struct {
  const char *text, *want;
} rows[] = {
    /* every way of naming one country */
    {"Lithuania and the Republic of Lithuania signed.", "lt:Lithuania;lt:Republic of Lithuania;"},
    {"Lithuanian troops joined. Lithuanians voted.", "lt:Lithuanian;lt:Lithuanians;"},
    {"Lithuania's foreign minister spoke.", "lt:Lithuania;"},
    {"The U.S. and the United States of America, the US and the USA.",
     "us:U.S.;us:United States of America;us:US;us:USA;"},
    {"America is a big market.", "us:America;"},
    {"Britain and the U.K. agreed with the United Kingdom.",
     "gb:Britain;gb:U.K.;gb:United Kingdom;"},
    {"The Soviet Union, the USSR and Soviet tanks.", "su:Soviet Union;su:USSR;su:Soviet;"},
    {"West Germany and East Germany talked.", "de:West Germany;dd:East Germany;"},
    /* US and us */
    {"Let us talk about trade.", ""},
    {"Give us the US figures.", "us:US;"},
    /* Georgia the US state and the country */
    {"Georgia held elections in Tbilisi.", "ge:Georgia;"},
    {"Voters in Atlanta, Georgia, went to the polls.", ""},
    {"The state of Georgia counts votes again.", ""},
    /* Jordan, Chad and Israel as given names */
    {"Jordan and Israel signed a water deal.", "jo:Jordan;il:Israel;"},
    {"Michael Jordan visited the team.", ""},
    {"Jordan Peterson spoke at the event.", ""},
    {"Chad Smith plays the drums.", ""},
    {"Troops from Chad arrived.", "td:Chad;"},
    {"Israel Adesanya won the fight.", ""},
    {"The Israel Defense Forces said so.", "il:Israel;"},
    /* Turkey the bird and china the pottery */
    {"Families roast a turkey for the holiday.", ""},
    {"Turkey prices rose before the holiday.", ""},
    {"Turkey said it would veto the bid.", "tr:Turkey;"},
    {"They sold fine china at auction.", ""},
    {"China said it would retaliate.", "cn:China;"},
    /* Guinea inside longer names */
    {"Papua New Guinea, Equatorial Guinea and Guinea-Bissau.",
     "pg:Papua New Guinea;gq:Equatorial Guinea;gw:Guinea-Bissau;"},
    {"Guinea exports bauxite, the Guinean mines minister said.", "gn:Guinea;gn:Guinean;"},
    {"The talks in Guinea ended.", "gn:Guinea;"},
    /* Niger and Nigeria */
    {"Niger borders Nigeria; Nigerien and Nigerian troops met.",
     "ne:Niger;ng:Nigeria;ne:Nigerien;ng:Nigerian;"},
    /* the two Congos */
    {"The Democratic Republic of the Congo and the Republic of the Congo.",
     "cd:Democratic Republic of the Congo;cg:Republic of the Congo;"},
    /* Dominica and the Dominican Republic */
    {"Dominica and the Dominican Republic.", "dm:Dominica;do:Dominican Republic;"},
    /* Korea alone */
    {"North Korea fired a missile; Korea was tense.", "kp:North Korea;kp:Korea;"},
    {"Korea was tense.", ""},
    {"South Korea and North Korea.", "kr:South Korea;kp:North Korea;"},
    /* demonyms that are languages */
    {"She spoke in French to French officials.", "fr:French;"},
    {"The German-speaking press and German banks.", "de:German;"},
    {"Chinese language classes grew; Chinese exports fell.", "cn:Chinese;"},
    /* a capital acting as a government, and as a place */
    {"Beijing said it would respond.", "cn:Beijing;"},
    {"Talks between Washington and Moscow resumed.", "us:Washington;ru:Moscow;"},
    {"Beijing's decision angered Vilnius.", "cn:Beijing;"},
    {"The embassy in Vilnius opened; she lives in Beijing.", ""},
    {"Its office in Vilnius has angered China.", "cn:China;"},
    {"VILNIUS, Dec 20 (Reuters) - Ministers met.", ""},
    /* things that contain a country but are not one */
    {"Latin American and South American leaders met near the South China Sea.", ""},
    {"Ships crossed the Indian Ocean.", ""},
    {"Profit was US$ 300 million, up from the U.S. figure.", "us:U.S.;"},
    {"The China Daily said so at the Hong Kong Open.", ""},
    {"SOCCER - ROMANIA BEAT LITHUANIA IN WORLD CUP QUALIFIER", "ro:ROMANIA;lt:LITHUANIA;"},
    {"Neil Jordan directed it. Jordan said the film was hard.", ""},
    {"The German government and German Foreign Minister spoke.", "de:German;de:German;"},
    /* issue 10: Georgia, the US state and its companies, and the country */
    {"Voters in Atlanta, Georgia, went to the polls.", ""},
    {"Georgia-Pacific Corp raised its dividend.", ""},
    {"Georgia Power said demand rose.", ""},
    {"The FTC urged the governor of Georgia to veto a bill.", ""},
    {"Georgia's governor signed the bill.", ""},
    {"GREENSBORO, N.C., June 1 - Dominion has plants in Georgia, which would cut competition.", ""},
    {"ATLANTA, Ga. - Delta said Georgia fuel taxes rose.", ""},
    {"The DeKalb County School System of Georgia sold bonds.", ""},
    {"The Georgian government protested to Moscow.", "ge:Georgian;"},
    {"Protesters marched in Tbilisi; Georgia recalled its envoy.", "ge:Georgia;"},
    {"Georgia and Armenia signed a deal.", "ge:Georgia;am:Armenia;"},
    /* Jordan the person */
    {"Michael Jordan scored 40 points. Jordan said he was tired.", ""},
    {"Jordan said it would close the border.", "jo:Jordan;"},
    {"Jordanian troops and Jordan's king met.", "jo:Jordanian;jo:Jordan;"},
    /* Chad */
    {"Mr. Chad spoke first.", ""},
    {"Chad's army retook the town.", "td:Chad;"},
    {"The ballots had hanging chads.", ""},
    {"Lake Chad is shrinking.", ""},
    /* Niger the river */
    {"Oil spills fouled the Niger Delta.", ""},
    {"Floods along the Niger River and the River Niger.", ""},
    {"Niger said uranium output rose.", "ne:Niger;"},
    /* Turkey the bird and a company */
    {"Butterball Turkey Co raised prices.", ""},
    {"Farmers sold more turkey this year.", ""},
    {"Talks between Turkey and Greece resumed.", "tr:Turkey;gr:Greece;"},
    /* china the porcelain */
    {"Wedgwood sells bone china and crystal.", ""},
    {"China Light and Power Co said profit rose.", ""},
    {"Exports of China clay rose.", ""},
    {"Trade with China grew.", "cn:China;"},
    /* Guinea */
    {"Shipping in the Gulf of Guinea slowed.", ""},
    {"She kept a guinea pig.", ""},
    {"Mining in New Guinea grew.", ""},
    {"Guinea-Bissau and Equatorial Guinea signed.", "gw:Guinea-Bissau;gq:Equatorial Guinea;"},
    {"Guinea said bauxite output rose.", "gn:Guinea;"},
    /* country words inside organisation names: a blocker phrase, or a
     * common-noun country word before a company head; otherwise the name
     * names the country (as the development gold reads it) */
    {"Bank of America cut its prime rate.", ""},
    {"Aluminum Co of America raised prices.", "us:America;"},
    {"American Express Co said profit rose.", ""},
    {"The Mexico Fund Inc declared a dividend.", ""},
    {"The Korea Fund rose.", ""},
    {"American Motors Corp and Japanese makers met.", "us:American;jp:Japanese;"},
    {"American troops left.", "us:American;"},
    {"Mexico raised oil prices.", "mx:Mexico;"},
    {"", ""},
};

START_TEST(mention_rows) {
  char *got = mentions(rows[_i].text);
  ck_assert_msg(strcmp(got, rows[_i].want) == 0, "'%s'\n got: '%s'\nwant: '%s'", rows[_i].text, got,
                rows[_i].want);
  free(got);
}
END_TEST

/* Countries in their era (issue 10): the mentions of a text in an article of
 * this date (NULL: undated, today's states). */
static char *mentions_on(const char *text, const char *date) {
  nf_error err;
  static nf_article a; /* the record reads it until the next run */
  memset(&a, 0, sizeof a);
  a.id = (nf_str){"t", 1};
  a.text = (nf_str){text, strlen(text)};
  if (date) a.date = (nf_str){date, strlen(date)};
  ck_assert_msg(nf_record_extract(rec, pipe_, an, &a, &err) == NF_OK, "%s", err.message);
  char *out = calloc(1, 4096);
  size_t cursor = 0;
  const nf_result *r;
  while ((r = nf_analysis_next(an, NF_TYPE_COUNTRY, 0, UINT32_MAX, &cursor))) {
    char item[256];
    snprintf(item, sizeof item, "%s:%.*s;", r->value, (int)(r->end - r->start), text + r->start);
    strcat(out, item);
  }
  return out;
}

static const struct {
  const char *text, *date, *want;
} era_rows[] = {
    {"Moscow said it would cut oil exports.", "1987-03-02", "su:Moscow;"},
    {"Moscow said it would cut oil exports.", "1991-12-25", "su:Moscow;"},
    {"Moscow said it would cut oil exports.", "1991-12-26", "ru:Moscow;"},
    {"Moscow said it would cut oil exports.", NULL, "ru:Moscow;"},
    {"The Kremlin rejected the plan.", "1987-03-02", "su:Kremlin;"},
    {"The Kremlin rejected the plan.", "2022-03-02", "ru:Kremlin;"},
    {"Gorbachev and the Kremlin met the Soviet Union's allies.", "1987-03-02",
     "su:Kremlin;su:Soviet Union;"},
    {"Belgrade said it would devalue the dinar.", "1987-03-02", "yu:Belgrade;"},
    {"Belgrade said it would devalue the dinar.", "2010-03-02", "rs:Belgrade;"},
    {"Talks between Prague and Bratislava resumed.", "1987-03-02", "cs:Prague;cs:Bratislava;"},
    {"Talks between Prague and Bratislava resumed.", "1993-01-01", "cz:Prague;sk:Bratislava;"},
    {"East Berlin said it would open the border.", "1987-03-02", "dd:East Berlin;"},
    {"East Berlin said it would open the border.", "1990-10-03", "de:East Berlin;"},
    /* the countries themselves keep their codes in every era */
    {"Russia and the USSR.", "1987-03-02", "ru:Russia;su:USSR;"},
    {"Russia and the USSR.", "2022-03-02", "ru:Russia;su:USSR;"},
    /* only the places the table lists switch; a capital only as a place is none */
    {"Beijing said it would buy wheat; talks in Moscow ended.", "1987-03-02", "cn:Beijing;"},
};

START_TEST(era_rows_follow_the_article_date) {
  char *got = mentions_on(era_rows[_i].text, era_rows[_i].date);
  ck_assert_msg(strcmp(got, era_rows[_i].want) == 0, "'%s' (%s)\n got: '%s'\nwant: '%s'",
                era_rows[_i].text, era_rows[_i].date ? era_rows[_i].date : "undated", got,
                era_rows[_i].want);
  free(got);
}
END_TEST

START_TEST(record_lists_each_country_once_in_order) {
  const char *text = "Lithuania and China argued. China's envoy left Lithuania.";
  free(mentions(text));
  char *json;
  nf_error err;
  ck_assert_int_eq(nf_record_to_json(rec, 0, &json, &err), NF_OK);
  json_error_t jerr;
  json_t *root = json_loads(json, 0, &jerr);
  json_t *countries = json_object_get(root, "countries");
  ck_assert_uint_eq(json_array_size(countries), 2);
  json_t *lt = json_array_get(countries, 0), *cn = json_array_get(countries, 1);
  ck_assert_str_eq(json_string_value(json_object_get(lt, "code")), "lt");
  ck_assert_str_eq(json_string_value(json_object_get(lt, "name")), "Lithuania");
  ck_assert_str_eq(json_string_value(json_object_get(cn, "code")), "cn");
  char *spans = json_dumps(json_object_get(lt, "mentions"), JSON_COMPACT);
  ck_assert_str_eq(spans, "[[0,9],[47,56]]");
  free(spans);
  json_decref(root);
  free(json);
  /* the values of the country field: each country once */
  char *values = nf_test_field_values(NULL, rec, "country");
  ck_assert_str_eq(values, "lt;cn;");
  free(values);
}
END_TEST

static const struct {
  const char *query, *code; /* code NULL: an error containing `error` */
  const char *error;
} queries[] = {
    {"Lithuania", "lt", NULL},
    {"lithuanian", "lt", NULL},
    {"Lithuanians", "lt", NULL},
    {"LT", "lt", NULL},
    {"lt", "lt", NULL},
    {"LTU", "lt", NULL},
    {"Republic of Lithuania", "lt", NULL},
    {"U.S.", "us", NULL},
    {"USA", "us", NULL},
    {"United States", "us", NULL},
    {"ussr", "su", NULL},
    {"West Germany", "de", NULL},
    {"Lithuana", NULL, "country:Lithuana is not a country I know; did you mean Lithuania?"},
    {"Atlantis", NULL, "country:Atlantis is not a country I know"},
    /* close names only (issue 12): none rather than a far one */
    {"Persia", NULL, "country:Persia is not a country I know"},
    {"EU", NULL, "country:EU is not a country I know"},
    {"Irak", NULL, "country:Irak is not a country I know; did you mean Iraq or Iran?"},
    {"Phillipines", NULL, "country:Phillipines is not a country I know; did you mean Philippines?"},
    {"Peris", NULL, "country:Peris is not a country I know; did you mean Paris (France)?"},
};

START_TEST(query_values_resolve_to_codes) {
  nf_countries *c;
  nf_error err;
  ck_assert_int_eq(nf_countries_load(NF_TEST_SCHEMA_DIR, &c, &err), NF_OK);
  char code[4] = "";
  nf_error_clear(&err);
  nf_status s = nf_countries_resolve(c, queries[_i].query, strlen(queries[_i].query), code, &err);
  if (queries[_i].code) {
    ck_assert_msg(s == NF_OK, "%s: %s", queries[_i].query, err.message);
    ck_assert_str_eq(code, queries[_i].code);
  } else {
    ck_assert_int_eq(s, NF_ERR_NOT_FOUND);
    ck_assert_str_eq(err.message, queries[_i].error);
  }
  ck_assert_str_eq(nf_countries_name(c, "lt"), "Lithuania");
  ck_assert_ptr_null(nf_countries_name(c, "zz"));
  nf_countries_free(c);
}
END_TEST

int main(void) {
  Suite *s = suite_create("country");
  TCase *tc = tcase_create("country");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_loop_test(tc, mention_rows, 0, (int)(sizeof rows / sizeof rows[0]));
  tcase_add_loop_test(tc, era_rows_follow_the_article_date, 0,
                      (int)(sizeof era_rows / sizeof era_rows[0]));
  tcase_add_test(tc, record_lists_each_country_once_in_order);
  tcase_add_loop_test(tc, query_values_resolve_to_codes, 0,
                      (int)(sizeof queries / sizeof queries[0]));
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
