/* The official analyzer and the person names it finds: a table of sentences
 * for every news order of a title and a name, positive and negative, with
 * the exact officials; persons and their short forms; the record and index
 * values; and the data files' errors. */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzers_fixture.h"
#include "newsfields/analyzer.h"
#include "testutil.h"

static nf_registry *reg;
static nf_pipeline *pipe_;
static nf_analysis *an;
static nf_record *rec;

static void setup(void) { nf_test_analyzers_open(&reg, &pipe_, &an, &rec); }
static void teardown(void) { nf_test_analyzers_close(reg, pipe_, an, rec); }

static json_t *run(const char *text) {
  nf_test_analyzers_run(pipe_, an, rec, text);
  return nf_test_record_json(rec);
}

static const char *str_or_dash(json_t *v) { return json_is_string(v) ? json_string_value(v) : "-"; }

/* "person|title|country|org;" for each official. */
static char *officials(const char *text) {
  json_t *root = run(text);
  char *out = calloc(1, 4096);
  json_t *o;
  size_t i;
  json_array_foreach(json_object_get(root, "officials"), i, o) {
    char item[512];
    snprintf(item, sizeof item, "%s|%s|%s|%s;", str_or_dash(json_object_get(o, "person")),
             str_or_dash(json_object_get(o, "title")), str_or_dash(json_object_get(o, "country")),
             str_or_dash(json_object_get(o, "org")));
    strcat(out, item);
  }
  json_decref(root);
  return out;
}

static const struct {
  const char *text, *want;
} rows[] = {
    /* title, then name */
    {"US Secretary of Defense Lloyd J. Austin III arrived.",
     "Lloyd J. Austin III|defense secretary|us|-;"},
    {"Lithuanian Defense Minister Arvydas Anusauskas arrived.",
     "Arvydas Anusauskas|defense minister|lt|-;"},
    {"Philippine Secretary of Trade and Industry Jose Concepcion spoke.",
     "Jose Concepcion|trade and industry secretary|ph|-;"},
    {"The rates will rise, said Treasury Secretary James Baker.",
     "James Baker|treasury secretary|-|-;"},
    {"U.S. Undersecretary of State Uzra Zeya told Reuters.",
     "Uzra Zeya|undersecretary of state|us|-;"},
    {"German Finance Minister Christian Lindner arrived.",
     "Christian Lindner|finance minister|de|-;"},
    {"Lithuanian foreign minister Gabrielius Landsbergis spoke.",
     "Gabrielius Landsbergis|foreign minister|lt|-;"},
    {"Former Defence Minister Jane Roe spoke.", "Jane Roe|defense minister|-|-;"},
    /* name, then title in apposition */
    {"Gabrielius Landsbergis, Lithuania's foreign minister, said so.",
     "Gabrielius Landsbergis|foreign minister|lt|-;"},
    {"João Gomes Cravinho, Portugal's foreign minister, spoke.",
     "João Gomes Cravinho|foreign minister|pt|-;"},
    {"Yukiya Amano, director general of the International Atomic Energy Agency, spoke.",
     "Yukiya Amano|director general|-|International Atomic Energy Agency;"},
    {"Ana Costa, the Minister of Health of Portugal, spoke.", "Ana Costa|health minister|pt|-;"},
    /* title, then name in apposition */
    {"The talks stalled, the foreign minister, Gabrielius Landsbergis, said.",
     "Gabrielius Landsbergis|foreign minister|-|-;"},
    {"Saudi Arabia's energy minister, Prince Abdulaziz bin Salman, said no.",
     "Abdulaziz bin Salman|energy minister|sa|-;"},
    {"The prime minister, Kaja Kallas, won.", "Kaja Kallas|prime minister|-|-;"},
    /* organisations */
    {"NATO Secretary-General Jens Stoltenberg spoke.",
     "Jens Stoltenberg|secretary general|-|NATO;"},
    {"ECB President Christine Lagarde spoke.",
     "Christine Lagarde|president|-|European Central Bank;"},
    {"EU foreign policy chief Josep Borrell spoke.", "Josep Borrell|foreign policy chief|-|EU;"},
    {"Pfizer Chief Executive Albert Bourla spoke.", "Albert Bourla|chief executive|-|Pfizer;"},
    {"Chinese Foreign Ministry spokesman Zhao Lijian spoke.",
     "Zhao Lijian|foreign ministry spokesperson|cn|-;"},
    /* the country from evidence: the organisation's, a US party label, the
     * country the text names most; never the dateline's */
    {"Bundesbank President Karl Otto Poehl said rates would hold.",
     "Karl Otto Poehl|president|de|Bundesbank;"},
    {"Federal Reserve Board Chairman Paul Volcker spoke.",
     "Paul Volcker|chair|us|Federal Reserve;"},
    {"Senator Tim Kaine (D-Va.) spoke.", "Tim Kaine|senator|us|-;"},
    {"Senator Tim Kaine spoke.", "Tim Kaine|senator|-|-;"},
    {"HONG KONG, March 3 - Finance Minister Kiichi Miyazawa spoke.",
     "Kiichi Miyazawa|finance minister|-|-;"},
    {"TOKYO, March 3 - Finance Minister Kiichi Miyazawa said Japan would act.",
     "Kiichi Miyazawa|finance minister|jp|-;"},
    {"Finance Minister Kiichi Miyazawa said Japan and Britain would act.",
     "Kiichi Miyazawa|finance minister|-|-;"},
    {"Labour Minister Almir Pazzionotto said Brazil would act.",
     "Almir Pazzionotto|labor minister|br|-;"},
    {"Republican Senator Bob Dole spoke.", "Bob Dole|senator|us|-;"},
    /* compound and royal titles; an ambassador's host country is not his */
    {"Finance and Petroleum Minister Sheikh Ali Khalifa al-Sabah spoke.",
     "Ali Khalifa al-Sabah|finance and petroleum minister|-|-;"},
    {"Chancellor of the Exchequer Nigel Lawson spoke.", "Nigel Lawson|exchequer chancellor|gb|-;"},
    {"Ambassador to Japan Mike Mansfield said Japan would act.", "Mike Mansfield|ambassador|-|-;"},
    /* one official once; short forms are the same person */
    {"Defense Secretary Lloyd Austin spoke. Later Defense Secretary Austin left.",
     "Lloyd Austin|defense secretary|-|-;"},
    /* positions that are jobs are officials too, but never take the
     * country the text names most; honorifics are no titles */
    {"Analyst Jordan Whitaker said Japan would act.", "Jordan Whitaker|analyst|-|-;"},
    /* a title in apposition with its complement */
    {"\"Prices will rise,\" said Dana Moss, a semiconductor analyst with Harlow Brothers.",
     "Dana Moss|analyst|-|-;"},
    {"\"Prices will rise,\" said Dana Moss, economist at Harlow Brothers Securities.",
     "Dana Moss|economist|-|-;"},
    {"Kenji Sato, Chairman of the Federation of Economic Organizations, spoke.",
     "Kenji Sato|chair|-|Federation of Economic Organizations;"},
    {"Ruth Mercer, chairman of the NAPM's business survey committee, said prices rose.",
     "Ruth Mercer|chair|-|NAPM;"},
    {"Ruth Mercer, president of the company, said prices rose.", "Ruth Mercer|president|-|-;"},
    /* a country named inside the organisation's name is the office's */
    {"Nora Ito, chairwoman of the Japan Socialist Party, spoke.",
     "Nora Ito|chair|jp|Japan Socialist Party;"},
    {"WASHINGTON, April 9 - Rep. Alan Berg, D-Cal, said he would act.",
     "Alan Berg|representative|us|-;"},
    /* a company's officers hold no state's office */
    {"\"Rates will fall,\" said Societe Generale economist Alain Roux.",
     "Alain Roux|economist|-|Societe Generale;"},
    /* East Asian given names keep their second syllable */
    {"TAIPEI, March 3 - Central bank governor Lin Chi-cheng spoke.",
     "Lin Chi-cheng|central bank governor|-|-;"},
    /* a name followed by a body word is an organisation's */
    {"The bond pays 15 pct, lead manager Hambros Bank Ltd said.", ""},
    {"The court ruled, SIA general counsel William Fitzpatrick said.",
     "William Fitzpatrick|general counsel|-|SIA;"},
    {"Japan's Minister of International Trade and Industry Hajime Tamura spoke.",
     "Hajime Tamura|international trade and industry minister|jp|-;"},
    /* an organisation's name before the office, with its own words */
    {"WASHINGTON, March 3 - Senate Banking Committee Chairman William Proxmire spoke.",
     "William Proxmire|chair|-|Senate Banking Committee;"},
    {"The fall of Communist Party leader Hu Yaobang hurt.", "Hu Yaobang|leader|-|Communist Party;"},
    {"It rose, said Laurie Milbank and Co assistant manager Machiko Suzuki.",
     "Machiko Suzuki|assistant manager|-|Laurie Milbank and Co;"},
    /* a state written as initials is a place: the office is that country's */
    {"WASHINGTON - Rep. Mathew Rinaldo (R-N.J.) spoke.", "Mathew Rinaldo|representative|us|-;"},
    /* a gazetteer firm may start with a first name */
    {"Prices rose, said Morgan Stanley Group managing director John Wellemeyer.",
     "John Wellemeyer|managing director|-|Morgan Stanley;"},
    /* no organisation: a legal form, a place, a generic body noun */
    {"\"It rose,\" said Sumitomo Bank Ltd chief economist Masahiko Koido.",
     "Masahiko Koido|chief economist|-|-;"},
    {"Company chairman Simon Keswick spoke.", "Simon Keswick|chair|-|-;"},
    /* a region or city just before the title names the office's country;
     * the longest place wins ("New Jersey", not the island of Jersey) */
    {"New York Governor Mario Cuomo spoke.", "Mario Cuomo|governor|us|-;"},
    {"New Jersey Gov. Chris Christie spoke.", "Chris Christie|governor|us|-;"},
    {"Massachusetts Sen. Elizabeth Warren spoke.", "Elizabeth Warren|senator|us|-;"},
    /* after the name ("of X", a state's abbreviation), or as the office's
     * "of X"; a name that is also a US state's is that state beside a state
     * office, not beside a president */
    {"Senator Marco Rubio of Florida finished third.", "Marco Rubio|senator|us|-;"},
    {"Gov. Phil Bryant of Mississippi spoke.", "Phil Bryant|governor|us|-;"},
    {"Jeb Bush, the former governor of Florida, spoke.", "Jeb Bush|governor|us|-;"},
    {"Sen. Rand Paul (Ky.) spoke.", "Rand Paul|senator|us|-;"},
    {"Georgia Gov. Nathan Deal spoke.", "Nathan Deal|governor|us|-;"},
    {"Indiana GOP Rep. Susan Brooks spoke.", "Susan Brooks|representative|us|-;"},
    {"Chairman Jan Roe of Houston spoke.", "Jan Roe|chair|-|-;"},
    /* a text that names no country is about its regions' (twice at least),
     * for a government's office */
    {"Senator Jan Roe spoke in Iowa, then in Ohio.", "Jan Roe|senator|us|-;"},
    {"Senator Jan Roe spoke in Iowa.", "Jan Roe|senator|-|-;"},
    {"Acme president Jan Roe spoke in Iowa, then in Ohio.", "Jan Roe|president|-|Acme;"},
    /* a party label, an office of one country's system */
    {"Attorney General Roy Cooper (D) spoke.", "Roy Cooper|attorney general|us|-;"},
    {"Burma was praised by Secretary of State Hillary Clinton. Burma gained.",
     "Hillary Clinton|secretary of state|us|-;"},
    /* a plural title names each person of the list after it, each with the
     * country after the name; a plural after "of" names a body's members */
    {"Presidents Ibrahim Babangida of Nigeria and Denis Sassou-Nguesso of Zaire urged action.",
     "Ibrahim Babangida|president|ng|-;Denis Sassou-Nguesso|president|cd|-;"},
    {"Senators Jake Garn, John Heinz and Richard Shelby spoke.",
     "Jake Garn|senator|-|-;John Heinz|senator|-|-;Richard Shelby|senator|-|-;"},
    {"Robert Heller, a member of the Board of Governors of the Federal Reserve System, spoke.", ""},
    {"Agriculture Minister Ignaz Kiechle spoke. EC Farm Ministers will meet.",
     "Ignaz Kiechle|agriculture minister|-|-;"},
    /* a company's or an association's office takes no country from the text */
    {"Company chairman Simon Keswick said Britain and Britain's market grew.",
     "Simon Keswick|chair|-|-;"},
    {"Association spokesman Fred Carvalho said Brazil would act.",
     "Fred Carvalho|spokesperson|-|-;"},
    {"Chief executive Tim Cook said the United States would act.", "Tim Cook|chief executive|-|-;"},
    /* a tie of the text's countries goes to the dateline's, when tied */
    {"TOKYO, March 3 - Prime Minister Yasuhiro Nakasone said Japan and the U.S. would act.",
     "Yasuhiro Nakasone|prime minister|jp|-;"},
    {"PARIS, March 3 - Prime Minister Yasuhiro Nakasone said Japan and the U.S. would act.",
     "Yasuhiro Nakasone|prime minister|-|-;"},
    {"Foreign ministry spokesperson Zhao Lijian spoke.",
     "Zhao Lijian|foreign ministry spokesperson|-|-;"},
    {"It fell, Corporate Affairs Minister Michael Howard said.",
     "Michael Howard|corporate affairs minister|-|-;"},
    /* a name after a title across a line break is no organisation */
    {"Officials, including Commerce Secretary\nMalcolm Baldrige and Defense Secretary Caspar "
     "Weinberger, spoke.",
     "Malcolm Baldrige|commerce secretary|-|-;Caspar Weinberger|defense secretary|-|-;"},
    /* a rank before the country; words that start a name are no domains */
    {"Deputy U.S. Trade Representative Michael Smith spoke.",
     "Michael Smith|deputy trade representative|us|-;"},
    {"Ramon Diaz, 65, was named chairman of the Presidential Commission on Good Government.",
     "Ramon Diaz|chair|-|Presidential Commission on Good Government;"},
    {"A spokesman for the Federal Banking Supervisory Office in West Berlin said it.", ""},
    /* a short parenthesis inside the complement; a German company's boards */
    {"Kenji Sato, Chairman of the Federation of Economic Organizations (Keidanren), told "
     "reporters it was fine.",
     "Kenji Sato|chair|-|Federation of Economic Organizations;"},
    {"Volkswagen management board chief Carl Hahn spoke.",
     "Carl Hahn|management board chief|-|Volkswagen;"},
    /* wire copy wraps its lines inside a complement */
    {"Kenji Sato, Chairman of the Federation of Economic\nOrganizations, spoke.",
     "Kenji Sato|chair|-|Federation of Economic Organizations;"},
    /* a predicate gives or takes the office */
    {"Carlos Reyes, 41, was made agriculture secretary.",
     "Carlos Reyes|agriculture secretary|-|-;"},
    {"Halvorsen Corp said it elected Peter Lund chairman and chief executive officer.",
     "Peter Lund|chair and chief executive|-|-;"},
    {"Halvorsen Corp said Peter Lund has resigned as vice president, chief financial officer.",
     "Peter Lund|vice president|-|-;"},
    {"Halvorsen Corp named Peter Lund as president.", "Peter Lund|president|-|-;"},
    {"Mr. Austin and Dr. Jane Roe spoke.", ""},
    /* no name, no official */
    {"The defense minister arrived.", ""},
    {"A general election was called.", ""},
    {"The minister's office declined to comment.", ""},
    {"Lithuania and China argued.", ""},
    {"", ""},
};

/* A place before or as the office's organisation means the state of the
 * article's date: Belgrade is Yugoslavia's in 1987, Serbia's today. */
START_TEST(official_places_in_their_era) {
  static const struct {
    const char *text, *date, *want;
  } cases[] = {
      {"Belgrade Mayor Jan Roe spoke.", "1987-03-12", "yu"},
      {"Belgrade Mayor Jan Roe spoke.", "2016-03-12", "rs"},
      {"Belgrade Mayor Jan Roe spoke.", NULL, "rs"},
      {"Kremlin leader Mikhail Gorbachev spoke.", "1987-03-12", "su"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    nf_test_analyzers_run_dated(pipe_, an, rec, cases[i].text, cases[i].date);
    json_t *root = nf_test_record_json(rec);
    json_t *o = json_array_get(json_object_get(root, "officials"), 0);
    ck_assert_msg(o != NULL, "%s: no official", cases[i].text);
    ck_assert_str_eq(str_or_dash(json_object_get(o, "country")), cases[i].want);
    json_decref(root);
  }
}
END_TEST

START_TEST(official_rows) {
  char *got = officials(rows[_i].text);
  ck_assert_msg(strcmp(got, rows[_i].want) == 0, "'%s'\n got: '%s'\nwant: '%s'", rows[_i].text, got,
                rows[_i].want);
  free(got);
}
END_TEST

/* "as written=fullest name;" for every person mention. */
static char *persons(const char *text) {
  json_decref(run(text));
  char *out = calloc(1, 4096);
  size_t cursor = 0;
  const nf_result *r;
  while ((r = nf_analysis_next(an, NF_TYPE_PERSON, 0, UINT32_MAX, &cursor))) {
    char item[512];
    snprintf(item, sizeof item, "%s=%s;", nf_result_attr(r, NF_ATTR_WRITTEN), r->value);
    strcat(out, item);
  }
  return out;
}

static const struct {
  const char *text, *want;
} person_rows[] = {
    /* names as news writes them, found from cues */
    {"Ursula von der Leyen said it was time.", "Ursula von der Leyen=Ursula von der Leyen;"},
    {"Turkish President Recep Tayyip Erdoğan spoke. Erdogan said no.",
     "Recep Tayyip Erdoğan=Recep Tayyip Erdoğan;Erdogan=Recep Tayyip Erdoğan;"},
    {"President Xi Jinping met them. Xi said little.", "Xi Jinping=Xi Jinping;Xi=Xi Jinping;"},
    {"Maria Santos-Reyes said the pact helps.", "Maria Santos-Reyes=Maria Santos-Reyes;"},
    {"Ferdinand Marcos Jr. agreed.", "Ferdinand Marcos Jr.=Ferdinand Marcos Jr.;"},
    /* the short forms resolve to the fullest name */
    {"Mr. Austin arrived. Lloyd J. Austin III spoke. Austin said more.",
     "Austin=Lloyd J. Austin III;Lloyd J. Austin III=Lloyd J. Austin III;"
     "Austin=Lloyd J. Austin III;"},
    {"Minister Arvydas Anušauskas spoke. Anusauskas told reporters.",
     "Arvydas Anušauskas=Arvydas Anušauskas;Anusauskas=Arvydas Anušauskas;"},
    /* two people of one surname stay two */
    {"Bill Clinton and Hillary Clinton spoke. Hillary Clinton said so.",
     "Bill Clinton=Bill Clinton;Hillary Clinton=Hillary Clinton;Hillary Clinton=Hillary Clinton;"},
    /* age in apposition; a first name */
    {"Kaja Kallas, 45, won.", "Kaja Kallas=Kaja Kallas;"},
    /* no cue, no person; organisations, countries and datelines are none */
    {"Relations soured in Vilnius.", ""},
    {"The Bank of England said rates would hold.", ""},
    {"VILNIUS, Dec 20 (Reuters) - Lithuania said so.", ""},
    {"The Panama Canal added days to voyages.", ""},
    {"NATO said it would respond.", ""},
    /* companies and their fragments: a legal-form suffix in or after the
     * name, and the start of such a name later */
    {"Texaco Inc said it would appeal.", ""},
    {"General Electric Co said it would appeal.", ""},
    {"Moody's Investors Service Inc said it cut the rating.", ""},
    {"Kidder, Peabody and Co said so.", ""},
    {"Texaco Inc lost. Texaco said it would appeal.", ""},
    {"Texaco Inc lost. James Kinnear said it would appeal.", "James Kinnear=James Kinnear;"},
    /* places are no persons unless an honorific or a title says so */
    {"New York said it would sue.", ""},
    {"London said it would sue.", ""},
    {"Mr. London said he would sue.", "London=London;"},
    /* names are whitespace-normalised: no newline or tab in a value */
    {"Alan\nGreenspan said so.", "Alan Greenspan=Alan Greenspan;"},
    {"Chairman Alan\t\tGreenspan spoke.", "Alan Greenspan=Alan Greenspan;"},
    /* a lone letter: "S and P said" */
    {"S and P said it cut the rating.", ""},
    /* news agencies are no persons */
    {"Tanjug said the talks failed.", ""},
};

START_TEST(person_rows_test) {
  char *got = persons(person_rows[_i].text);
  ck_assert_msg(strcmp(got, person_rows[_i].want) == 0, "'%s'\n got: '%s'\nwant: '%s'",
                person_rows[_i].text, got, person_rows[_i].want);
  free(got);
}
END_TEST

/* "title=person" of every title mention ("-": no person), ';'-joined. */
static char *titles_found(void) {
  char *out = calloc(1, 4096);
  size_t cursor = 0;
  const nf_result *r;
  while ((r = nf_analysis_next(an, NF_TYPE_TITLE, 0, UINT32_MAX, &cursor))) {
    const char *person = nf_result_attr(r, NF_ATTR_PERSON);
    char item[512];
    snprintf(item, sizeof item, "%s=%s;", r->value, person ? person : "-");
    strcat(out, item);
  }
  return out;
}

START_TEST(bare_title_links_to_the_one_official_that_fits) {
  json_decref(
      run("US Secretary of Defense Lloyd J. Austin III met Lithuanian Defense Minister "
          "Arvydas Anusauskas. The American defense secretary praised the deal."));
  char *got = titles_found();
  ck_assert_str_eq(got,
                   "defense secretary=Lloyd J. Austin III;defense minister=Arvydas "
                   "Anusauskas;defense secretary=Lloyd J. Austin III;");
  free(got);
  /* two defense ministers: "the defense minister" is neither */
  json_decref(
      run("Defense Minister Ann Lee met Defense Minister Bo Chan. The defense minister "
          "left."));
  got = titles_found();
  ck_assert_str_eq(got, "defense minister=Ann Lee;defense minister=Bo Chan;defense minister=-;");
  free(got);
}
END_TEST

START_TEST(record_spans_and_index_values) {
  const char *text = "Lithuanian Defense Minister Arvydas Anusauskas spoke.";
  json_t *root = run(text);
  json_t *o = json_array_get(json_object_get(root, "officials"), 0);
  char *span = json_dumps(json_object_get(o, "span"), JSON_COMPACT);
  ck_assert_str_eq(span, "[0,46]");
  free(span);
  ck_assert(json_is_null(json_object_get(o, "org")));
  json_decref(root);
  const char *sources[] = {"official", "official.title", "official.country"};
  const char *want[] = {"Arvydas Anusauskas;", "defense minister;", "lt;"};
  for (size_t i = 0; i < 3; i++) {
    char *values = nf_test_field_values(NULL, rec, sources[i]);
    ck_assert_str_eq(values, want[i]);
    free(values);
  }
}
END_TEST

/* A schema directory with the default files and one of them replaced. */
static char *schema_with(const char *file, const char *text) {
  char *dir = nf_test_tmpdir();
  char cmd[1024];
  snprintf(cmd, sizeof cmd, "cp %s/*.tsv %s/", NF_TEST_SCHEMA_DIR, dir);
  ck_assert_int_eq(system(cmd), 0);
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", dir, file);
  ck_assert_int_eq(nf_test_write(path, text), 0);
  return dir;
}

static const struct {
  const char *file, *text, *message;
} bad_rows[] = {
    {"titles.tsv", "head\tminister\nboss\tchief\n", "titles.tsv:2"},
    {"titles.tsv", "head\tminister\tloud\n", "unknown flag 'loud'"},
    {"titles.tsv", "stop\tThe\n", "does not belong"},
    {"titles.tsv", "head\t.\n", "has no word"},
    {"reporting-verbs.tsv", "said\tsay\tsometimes\n", "reporting-verbs.tsv:1"},
    {"first-names.tsv", "Ann\tf\nBo\tx\n", "first-names.tsv:2"},
    {"name-words.tsv", "suffix\tJr.\nhead\tminister\n", "name-words.tsv:2"},
    {"titles.tsv", "head\t minister\n", "titles.tsv:1"},
    {"titles.tsv", "head\tminister\nrank\tminister\nhead\tMinister\n", "titles.tsv:3"},
    {"first-names.tsv", "José\tm\nJose\tm\n", "duplicate entry 'Jose'"},
};

START_TEST(bad_data_names_file_and_line) {
  char *dir = schema_with(bad_rows[_i].file, bad_rows[_i].text);
  nf_registry *r2;
  nf_pipeline *p2;
  nf_error err;
  nf_error_clear(&err);
  ck_assert_int_ne(nf_pipeline_default(dir, NULL, 0, &r2, &p2, &err), NF_OK);
  char msg[2048];
  nf_error_format(&err, msg, sizeof msg);
  ck_assert_msg(strstr(msg, bad_rows[_i].message) != NULL, "%s: '%s' lacks '%s'", bad_rows[_i].file,
                msg, bad_rows[_i].message);
  nf_test_rmtree(dir);
  free(dir);
}
END_TEST

int main(void) {
  Suite *s = suite_create("official");
  TCase *tc = tcase_create("official");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, official_places_in_their_era);
  tcase_add_loop_test(tc, official_rows, 0, sizeof rows / sizeof *rows);
  tcase_add_loop_test(tc, person_rows_test, 0, sizeof person_rows / sizeof *person_rows);
  tcase_add_test(tc, bare_title_links_to_the_one_official_that_fits);
  tcase_add_test(tc, record_spans_and_index_values);
  tcase_add_loop_test(tc, bad_data_names_file_and_line, 0, sizeof bad_rows / sizeof *bad_rows);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
