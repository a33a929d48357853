/* The speaker analyzer: a table of passages for every order of cue and
 * source, direct, partial and multi-paragraph quotations, reported speech,
 * pronouns, descriptions and bodies, positive and negative, with the exact
 * quotes; the record's keys and index values. */
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

/* "speaker|cue|content;" for each quote. */
static char *quotes(const char *text) {
  json_t *root = run(text);
  char *out = calloc(1, 8192);
  json_t *q;
  size_t i;
  json_array_foreach(json_object_get(root, "quotes"), i, q) {
    char item[1024];
    snprintf(item, sizeof item, "%s|%s|%s;", str_or_dash(json_object_get(q, "speaker")),
             str_or_dash(json_object_get(q, "cue")), str_or_dash(json_object_get(q, "content")));
    strcat(out, item);
  }
  json_decref(root);
  return out;
}

static const struct {
  const char *text, *want;
} rows[] = {
    /* "“...,” X said" and "“...,” said X" */
    {"“We will stay,” Lloyd Austin said.", "Lloyd Austin|said|We will stay,;"},
    {"“We will stay,” said Lloyd Austin.", "Lloyd Austin|said|We will stay,;"},
    {"\"We will stay,\" said Treasury Secretary James Baker.", "James Baker|said|We will stay,;"},
    /* "X said: “...”" */
    {"Lloyd Austin said: “We will stay.”", "Lloyd Austin|said|We will stay.;"},
    /* a paragraph ending in "says:" introduces the next, quoted or not */
    {"Reporter Jan Roe says:\n\n\"We will stay. We have no choice.\"\n\nThe talks ended.",
     "Jan Roe|says|We will stay. We have no choice.;"},
    {"Rick Perry spoke. In a speech last July, he said:\n\nLet no one be mistaken. We will "
     "stay.\n\nThe talks ended.",
     "Rick Perry|said|Let no one be mistaken. We will stay.;"},
    {"Rick Perry said: the talks ended.\n\nWe will stay.", "Rick Perry|said|the talks ended;"},
    /* "“...,” he said": the most recent person of his gender */
    {"Lloyd Austin arrived. “We will stay,” he said.", "Lloyd Austin|said|We will stay,;"},
    {"Mr. Lloyd Austin met Ms. Ann Lee. “It went well,” she said.", "Ann Lee|said|It went well,;"},
    /* the paragraph's speaker goes on; a new paragraph without a cue does not */
    {"“A deal,” Lloyd Austin said. “A good one.”\n\n“Nobody knows.”",
     "Lloyd Austin|said|A deal,;Lloyd Austin|said|A good one.;-|-|Nobody knows.;"},
    /* a quotation over two paragraphs */
    {"“We will stay,” Lloyd Austin said. “And we will build.\n\n“Then we will leave.”",
     "Lloyd Austin|said|We will stay,;Lloyd Austin|said|And we will build.;"
     "Lloyd Austin|said|Then we will leave.;"},
    /* "X, the Y, said" and "X, a Y of Z, said" */
    {"Gabrielius Landsbergis, Lithuania's foreign minister, said the curbs hurt.",
     "Gabrielius Landsbergis|said|the curbs hurt;"},
    {"“No,” Rachel Berg, a teacher from Monsey, New York, said.", "Rachel Berg|said|No,;"},
    {"Mr. Harry Reid, who represents Nevada, said he was sure.", "Harry Reid|said|he was sure;"},
    /* "X told Reuters" and reported speech with "that" */
    {"“We stand together,” Uzra Zeya told Reuters.", "Uzra Zeya|told|We stand together,;"},
    {"Uzra Zeya told reporters the deal would help.", "Uzra Zeya|told|the deal would help;"},
    {"Gabrielius Landsbergis stated earlier this month that his country would agree.",
     "Gabrielius Landsbergis|stated|his country would agree;"},
    /* "according to X" before and after */
    {"According to Lloyd Austin, the forces stand together.",
     "Lloyd Austin|According to|the forces stand together;"},
    {"The forces stand together, according to Lloyd Austin.",
     "Lloyd Austin|according to|The forces stand together;"},
    {"Spending rose, according to FEC filings.", "FEC|according to|Spending rose;"},
    {"As reported by Western Journalism, the delegates met.",
     "Western Journalism|reported|the delegates met;"},
    {"Sarah Baker of Columbia, South Carolina says she will vote.",
     "Sarah Baker|says|she will vote;"},
    {"“No,” Bill Eastland, wearing “Ted Cruz” pins, said.", "Bill Eastland|said|No,;-|-|Ted Cruz;"},
    /* partial quotes belong to the reported clause */
    {"Lloyd Austin said the troops would stay “as long as needed” in Lithuania.",
     "Lloyd Austin|said|the troops would stay “as long as needed” in Lithuania;"},
    /* bodies: a country, a ministry, an organisation, "which" */
    {"Lithuania angered China, which said it would answer with “firm countermeasures”.",
     "China|said|it would answer with “firm countermeasures”;"},
    {"The deal was done, the Lithuanian defense ministry said.",
     "Lithuanian defense ministry|said|The deal was done;"},
    {"The Bank of England said rates would hold.", "Bank of England|said|rates would hold;"},
    {"VILNIUS, Dec 20 (Reuters) - Ties were cut, the ministry said.", "-|said|Ties were cut;"},
    {"Ties were cut, the Ministry of Foreign Affairs said.",
     "Ministry of Foreign Affairs|said|Ties were cut;"},
    {"The U.S. National Hurricane Center said the storm would turn.",
     "U.S. National Hurricane Center|said|the storm would turn;"},
    {"A default would be a disaster, said Treasury Secretary Janet Yellen, as talks began.",
     "Janet Yellen|said|A default would be a disaster;"},
    {"The war would not let Portugal say so.", ""},
    {"“Too early,” a Pfizer spokesman said.", "Pfizer|said|Too early,;"},
    /* descriptions: the title of a person named before */
    {"Defense Minister Arvydas Anusauskas arrived. The minister said the deal helps.",
     "Arvydas Anusauskas|said|the deal helps;"},
    /* "it": the body that spoke last */
    {"The Bank of England said rates would hold. It said inflation would fall.",
     "Bank of England|said|rates would hold;Bank of England|said|inflation would fall;"},
    {"It said inflation would fall.", ""},
    /* participles and coordination take the sentence's subject */
    {"Ann Lee emailed supporters, saying the race was close.",
     "Ann Lee|saying|the race was close;"},
    {"John Kasich is telling a packed crowd that he will win.", "John Kasich|telling|he will win;"},
    /* a parenthetical cue */
    {"China has, Lithuanian officials say, begun holding up goods.",
     "-|say|China has, Lithuanian officials say, begun holding up goods;"},
    /* quote-only verbs need a quotation */
    {"Jeb Bush called Trump “unhinged.”", "Jeb Bush|called|unhinged.;"},
    {"Jeb Bush called the plan a joke.", ""},
    /* a title word after a given name is a surname; a hyphen inside the
     * words before an inverted speaker */
    {"\"It worked,\" said Representative Peter T. King, Republican of New York.",
     "Peter T. King|said|It worked,;"},
    {"\"I think so,\" said UC-AFT President Bob Samuels, who backs Sanders.",
     "Bob Samuels|said|I think so,;"},
    {"\"It is not easy,\" said Representative Peter T. King of New York, who backs Rubio.",
     "Peter T. King|said|It is not easy,;"},
    /* "he" is the last speaker, not a person named since as an object */
    {"\"We sting like bees,\" Mr. Obama said, not naming its author, Muhammad Ali, who died "
     "in June. Americans, he said, can rock.",
     "Obama|said|We sting like bees,;Obama|said|can rock;"},
    /* what is said of a document is no part of what it says */
    {"Clinton leads by three points, according to a Quinnipiac poll conducted in March.",
     "Quinnipiac|according to|Clinton leads by three points;"},
    /* ... or made by whom "by" names after a description of it */
    {"Roe leads by three points, according to the average of polls compiled by Acme Clear "
     "Politics.",
     "Acme Clear Politics|according to|Roe leads by three points;"},
    {"The case is weak, according to a court document filed by state attorney Dave Aronberg.",
     "Dave Aronberg|according to|The case is weak;"},
    /* ... not an agent that names no one */
    {"Output fell, according to figures released by the ministry.", "-|according to|Output fell;"},
    {"Prices rose, according to people familiar with the talks.", "-|according to|Prices rose;"},
    /* ... but "called for" reports what was asked for */
    {"Jeb Bush called for calm.", "Jeb Bush|called for|calm;"},
    /* unattributable quotations stay unattributed */
    {"The office is a “de facto embassy” in all but name.", "-|-|de facto embassy;"},
    {"“We will stay,” a senior official said.", "-|said|We will stay,;"},
    {"“Maybe,” he said.", "-|said|Maybe,;"},
    /* an adverb of manner between source and verb; a noun in "-ly" is none */
    {"Senator Ann Lee boldly suggested that the plan would fail.",
     "Ann Lee|suggested|the plan would fail;"},
    {"Senator Jane Roe met the family. The Roe family said the plan would fail.", ""},
    /* a description opening the sentence before the participle's subject */
    {"Democratic presidential nominee Jane Roe chimed in, saying the videos should be released.",
     "Jane Roe|saying|the videos should be released;"},
    /* an inverted speaker's party and state in parentheses */
    {"The deal is dead, said Rep. Jane Roe (D-Ore.), head of the caucus.",
     "Jane Roe|said|The deal is dead;"},
    /* a surname only a verb marks is a person's when the article writes a
     * full name ending in it; not when the full name is a company's or a
     * thing's */
    {"The Acme Fund's Jorvik Tamsen, a pollster, spoke first. “It is close,” Tamsen said.",
     "Jorvik Tamsen|said|It is close,;"},
    {"Shares rose in the Springfield Tamsen Bank. “It is over,” Tamsen said.",
     "-|said|It is over,;"},
    {"The Springfield Star ran the story. “It is over,” Star said.", "-|said|It is over,;"},
    /* the participle's subject is no person named as an object after a verb
     * or preposition; a describing word before the subject's name is no verb */
    {"Senator Jane Roe ran. Meanwhile, the group attacked Roe, saying she had lied.", ""},
    {"Co-moderator Jane Roe raised the issue, asking Tom Smith why he voted no.",
     "Jane Roe|asking|Tom Smith why he voted no;"},
    /* a person before a possessive: the title holder after it speaks; after
     * an inverted verb, no one the name gives */
    {"Senator Jane Roe ran. Roe’s campaign manager Tom Smith said the race was close.",
     "Tom Smith|said|the race was close;"},
    {"“It is over,” said Jane Roe's lawyer.", "-|said|It is over,;"},
    /* labels: a person's name and a colon before what the person says */
    {"Jane Roe: We Will Not Back Down on Taxes.\n\nSenator Jane Roe spoke on Monday.",
     "Jane Roe|:|We Will Not Back Down on Taxes;"},
    {"Polls differ - Mark Doe: “The numbers are close.”", "Mark Doe|:|The numbers are close.;"},
    {"Host Jane Roe met Governor Tom Smith.\n\nSMITH: We cut every tax we could find.",
     "Tom Smith|:|We cut every tax we could find;"},
    {"Roe: No new taxes for the middle class.\n\nWASHINGTON (AP) — Senator Jane Roe spoke.",
     "Jane Roe|:|No new taxes for the middle class;"},
    /* ... not a tally, a round-up's short heading, nor a word that names no one */
    {"Senator Jane Roe won votes.\n\nJane Roe: 1,769.", ""},
    {"Senator Jane Roe ran.\n\nRoe: A long shot.\n\nShe trails.", ""},
    {"Note: all prices are in dollars and include taxes.", ""},
    /* a transcript's speaker in capitals, named nowhere else, by a given name;
     * not a heading in capitals */
    {"JANE ROE: Why not debate this week, with the whole country watching?",
     "JANE ROE|:|Why not debate this week, with the whole country watching;"},
    {"BREAKING NEWS: The plant will close at the end of the month.", ""},
    /* publishers: a name before "reported" or "announced" that is no person's */
    {"Acme Widgets announced that it would close the plant.",
     "Acme Widgets|announced|it would close the plant;"},
    {"The plant will close, the Daily Planet reported.",
     "Daily Planet|reported|The plant will close;"},
    /* ... not a pronoun, a place after a preposition, nor a reporter's credit line */
    {"They reported that the plant would close.", ""},
    {"Police in Springfield reported two arrests.", ""},
    {"The plant closed.\n\nRoe reported from Springfield.", ""},
    /* no cue: no speech */
    {"Prices continued to rise.", ""},
    {"He declined to say whether he would run.", ""},
    {"She was told to leave.", ""},
    {"Trump's telling of the story changed.", ""},
    {"", ""},
    /* a name in apposition just before its verb, after a description ... */
    {"One of the report's authors, Orvin Vrana, said the plan would fail.",
     "Orvin Vrana|said|the plan would fail;"},
    /* ... but not one that names a part of a firm */
    {"The group's subsidiary, Acme Widgets, said that it would hire 200 workers.", ""},
    /* "who" after a name makes a person, however long the clause */
    {"Rucker Tolliver, who runs the get-out-the-vote drive for military veterans' families in "
     "three rural counties, said the effort was growing.",
     "Rucker Tolliver|said|the effort was growing;"},
    /* a participle after a dash speaks for the sentence's subject, as after a comma */
    {"Senator Jan Roe changed her vote on the spot – saying she would back the bill.",
     "Jan Roe|saying|she would back the bill;"},
    {"Senator Jan Roe arrived. The plan – saying nothing of its costs – failed.", ""},
    /* a verb of judgement after a named person is speech without a
     * quotation; not a verb of naming or one with other senses, nor after
     * a body */
    {"Senator Jan Roe criticized the plan to close the base.",
     "Jan Roe|criticized|the plan to close the base;"},
    /* "called on" is one after a named person only */
    {"Senator Jan Roe called on the ministry to block the deal.",
     "Jan Roe|called on|the ministry to block the deal;"},
    {"The ministry called on the banks to act.", ""},
    /* ... who is the subject, not the object of a preposition */
    {"Business leaders meeting with Senator Jan Roe criticized the plan to close the base.", ""},
    {"Senator Jan Roe called the meeting to order.", ""},
    {"Senator Jan Roe dismissed the aide on Monday.", ""},
    {"The ministry criticized the plan to close the base.", ""},
    /* a long closing appositive makes a person when a relative clause in it
     * is a person's; without one, it may describe a firm */
    {"Orvin Kovar, a close friend of the Senate candidate who later ran her first campaign in "
     "two states, said the race was close.",
     "Orvin Kovar|said|the race was close;"},
    {"Acme Widgets, a maker of springs and valves for the car industry that is owned by a "
     "Texas investment group, said that profits rose.",
     "-|said|profits rose;"},
    /* a sentence's first two words are the full name of a later "Perel
     * said" when the first is no word written in lower case; an opening
     * word is no name */
    {"Zach Perel, a canvasser from Keene, knocked on doors. \"It works,\" Perel said.",
     "Zach Perel|said|It works,;"},
    {"Zach Perel knocked on doors. \"It works,\" Perel said.", "Zach Perel|said|It works,;"},
    {"Canvasser Perel knocked on doors with another canvasser. \"It works,\" Perel said.",
     "-|said|It works,;"},
    {"Besides Perel, who lives in London, two others were named. \"We won,\" he said.",
     "-|said|We won,;"},
};

START_TEST(quote_rows) {
  char *got = quotes(rows[_i].text);
  ck_assert_msg(strcmp(got, rows[_i].want) == 0, "'%s'\n got: '%s'\nwant: '%s'", rows[_i].text, got,
                rows[_i].want);
  free(got);
}
END_TEST

START_TEST(record_keys_and_index_values) {
  const char *text =
      "Lithuanian Defense Minister Arvydas Anusauskas arrived. “We are ready,” "
      "Anusauskas said. China said it would respond. “Never,” he said.";
  json_t *root = run(text);
  char *speakers = json_dumps(json_object_get(root, "speakers"), JSON_COMPACT);
  ck_assert_str_eq(speakers, "[\"Arvydas Anusauskas\"]");
  free(speakers);
  char *bodies = json_dumps(json_object_get(root, "bodies"), JSON_COMPACT);
  ck_assert_str_eq(bodies, "[\"China\"]");
  free(bodies);
  json_t *q = json_array_get(json_object_get(root, "quotes"), 0);
  char *span = json_dumps(json_object_get(q, "speaker_span"), JSON_COMPACT);
  /* the words that name the speaker at the cue: "Anusauskas" */
  ck_assert_str_eq(span, "[76,86]");
  free(span);
  ck_assert_int_eq(strncmp(text + 76, "Anusauskas said", 15), 0);
  span = json_dumps(json_object_get(q, "content_span"), JSON_COMPACT);
  ck_assert_str_eq(span, "[59,72]");
  ck_assert_int_eq(strncmp(text + 59, "We are ready,", 13), 0);
  free(span);
  json_decref(root);
  char *values = nf_test_field_values(NULL, rec, "speaker");
  ck_assert_str_eq(values, "Arvydas Anusauskas;");
  free(values);
  values = nf_test_field_values(NULL, rec, "body");
  ck_assert_str_eq(values, "China;");
  free(values);
  values = nf_test_field_values(NULL, rec, "speaker.country");
  ck_assert_str_eq(values, "lt;");
  free(values);
  values = nf_test_field_values(NULL, rec, "quote.country");
  ck_assert_str_eq(values, "lt;cn;");
  free(values);
}
END_TEST

/* "kind:speaker;" for each quote with a source: persons, named bodies (by
 * their short name) and unnamed groups (no speaker). */
static char *kinds(const char *text) {
  json_t *root = run(text);
  char *out = calloc(1, 4096);
  json_t *q;
  size_t i;
  json_array_foreach(json_object_get(root, "quotes"), i, q) {
    char item[512];
    snprintf(item, sizeof item, "%s:%s;", str_or_dash(json_object_get(q, "speaker_kind")),
             str_or_dash(json_object_get(q, "speaker")));
    strcat(out, item);
  }
  json_t *lists = json_array();
  json_array_append(
      lists, json_object_get(root, "speakers") ? json_object_get(root, "speakers") : json_null());
  json_array_append(
      lists, json_object_get(root, "bodies") ? json_object_get(root, "bodies") : json_null());
  char *dump = json_dumps(lists, JSON_COMPACT);
  strcat(out, dump);
  free(dump);
  json_decref(lists);
  json_decref(root);
  return out;
}

static const struct {
  const char *text, *want;
} kind_rows[] = {
    {"Lloyd Austin said the troops would stay.", "person:Lloyd Austin;[[\"Lloyd Austin\"],[]]"},
    {"Texaco Inc said it would appeal.", "body:Texaco;[[],[\"Texaco\"]]"},
    {"The Bank of England said rates would hold.",
     "body:Bank of England;[[],[\"Bank of England\"]]"},
    {"China said it would respond.", "body:China;[[],[\"China\"]]"},
    {"Prices will rise, U.S. officials said.", "group:-;[[],[]]"},
    {"Prices will rise, dealers said.", "group:-;[[],[]]"},
    {"Prices will rise, Tokyo dealers said.", "group:-;[[],[]]"},
    {"Prices will rise, the ministry said.", "group:-;[[],[]]"},
    {"“Maybe,” he said.", "-:-;[[],[]]"},
    {"Alan\nGreenspan said rates would hold.", "person:Alan Greenspan;[[\"Alan Greenspan\"],[]]"},
    /* a sheikh by his given name */
    {"Oil minister Sheikh Ali al-Khalifa al-Sabah spoke. Sheikh Ali said OPEC would hold.",
     "person:Ali al-Khalifa al-Sabah;[[\"Ali al-Khalifa al-Sabah\"],[]]"},
    /* a family name first ("Ban" is Ban Ki-moon), a nickname inside a name */
    {"U.N. Secretary-General Ban Ki-moon spoke. “It was hard,” Ban recalled.",
     "person:Ban Ki-moon;[[\"Ban Ki-moon\"],[]]"},
    {"John “Tig” Tiegen spoke. “She goes home,” Tiegen stated.",
     "person:John “Tig” Tiegen;[[\"John “Tig” Tiegen\"],[]]"},
    /* a name in apposition after a description speaks; "adding to" is no
     * speech */
    {"“We are anxious,” said another Twitter user, Johanna Bayer.",
     "person:Johanna Bayer;[[\"Johanna Bayer\"],[]]"},
    {"Prices rose, according to the bank's counsel, Jan Roe.", "person:Jan Roe;[[\"Jan Roe\"],[]]"},
    {"Acme said its suit alleges that Quorvex and its chairman, Jan Roe, interfered.", "[[],[]]"},
    {"Jan Roe won the primary on Tuesday, adding to her lead.", "[[],[]]"},
    /* a spokesman for a named person speaks, not that person */
    {"“We were not told,” Jan Roe, a spokesman for House Speaker Paul Ryan told the Post.",
     "person:Jan Roe;[[\"Jan Roe\"],[]]"},
    {"“We were not told,” a spokesman for House Speaker Paul Ryan said.", "group:-;[[],[]]"},
    /* after a person's description, a weak verb names the person */
    {"Shen Xincheng, a doctoral candidate at the Georgia Institute of Technology, urged calm.",
     "person:Shen Xincheng;[[\"Shen Xincheng\"],[]]"},
    {"Quorvex Pumps, a maker of valves, warned that sales would fall.", "[[],[]]"},
    /* a no-break space is a space, a soft hyphen nothing, in a value */
    {"Alan\u00a0Greenspan said rates would hold.",
     "person:Alan Greenspan;[[\"Alan Greenspan\"],[]]"},
    {"Alan \u00adGreenspan said rates would hold.",
     "person:Alan Greenspan;[[\"Alan Greenspan\"],[]]"},
    {"The Bank of\nEngland said rates would hold.",
     "body:Bank of England;[[],[\"Bank of England\"]]"},
    /* a lone word that only a verb makes a speaker is no person; one named
     * in full, or with a title, elsewhere in the text is */
    {"Barclays said profits rose.", "body:Barclays;[[],[\"Barclays\"]]"},
    {"Hexcel said profits rose.", "[[],[]]"},
    {"Prices rose, Petrobras said.", "[[],[]]"},
    {"Richard Ketchum wrote the letter. Ketchum said it was clear.",
     "person:Richard Ketchum;person:Richard Ketchum;[[\"Richard Ketchum\"],[]]"},
    {"Prices rose, Mr. Ketchum said.", "person:Ketchum;[[\"Ketchum\"],[]]"},
    {"Clinton said taxes would rise. She gave no date.", "person:Clinton;[[\"Clinton\"],[]]"},
    {"Lloyds said profits rose. It did not say by how much.", "[[],[]]"},
    /* initials written together start a name; a firm's known by its
     * founder's initials do not, nor an industrial firm's name */
    {"“It is a disgusting day,” said Rep. G.K. Butterfield (D-N.C.).",
     "person:G.K. Butterfield;[[\"G.K. Butterfield\"],[]]"},
    {"E.F. Hutton said profits rose.", "body:E.F. Hutton;[[],[\"E.F. Hutton\"]]"},
    {"Bell Resources said profits rose.", "body:Bell Resources;[[],[\"Bell Resources\"]]"},
    /* a first name after a saint's "St" names a place, not a person */
    {"The St Lawrence Seaway said it would open.", "[[],[]]"},
    {"Lori Bernstein held a sign. “It is the lens,” said Bernstein.",
     "person:Lori Bernstein;[[\"Lori Bernstein\"],[]]"},
    /* organisations of the gazetteer, possessives inside names, datelines
     * and legal forms alone */
    {"Merrill Lynch said profits rose.", "body:Merrill Lynch;[[],[\"Merrill Lynch\"]]"},
    /* a body of the gazetteer by its one name, however the text writes it */
    {"The USDA said exports rose.",
     "body:Agriculture Department;[[],[\"Agriculture Department\"]]"},
    {"The U.S. Agriculture Department said exports rose.",
     "body:Agriculture Department;[[],[\"Agriculture Department\"]]"},
    {"The Fed said rates would hold.", "body:Federal Reserve;[[],[\"Federal Reserve\"]]"},
    {"Standard and Poor's Corp said it cut the rating.",
     "body:Standard and Poor's;[[],[\"Standard and Poor's\"]]"},
    {"NEW YORK, Feb 26 - Magma Copper Co, a unit of Newmont Mining Corp, said it cut prices.",
     "body:Magma Copper;[[],[\"Magma Copper\"]]"},
    {"As previously announced, the two firms signed a letter.", "[[],[]]"},
    /* a company written with its legal form, then by its first words */
    {"Harlan Mining Inc bought a mine. Harlan said output would rise.",
     "body:Harlan Mining;[[],[\"Harlan Mining\"]]"},
    {"Harlan said output would rise.", "[[],[]]"},
    /* a later short form of a name ending in an organisation word */
    {"The Swiss National Bank cut rates. The National Bank said prices were stable.",
     "body:Swiss National Bank;[[],[\"Swiss National Bank\"]]"},
    /* an indefinite body names none; one with a title after it does */
    {"\"It will fall,\" said a senior official at a U.S. Bank.", "group:-;[[],[]]"},
    {"Prices rose, a Fiat spokesman said.", "body:Fiat;[[],[\"Fiat\"]]"},
    /* "and" inside a name */
    {"Valley Federal Savings and Loan Association said it appointed a director.",
     "body:Valley Federal Savings and Loan Association;[[],[\"Valley Federal Savings and Loan "
     "Association\"]]"},
    /* a name after "at" is a place's or a firm's; a firm's "and" tail is
     * no person; the writer of the byline is no one "he" means */
    {"It will close its plant at Hasbrouck Heights, the spokesman added.", "group:-;[[],[]]"},
    /* an unnamed office holder: the quotation is kept, with no speaker */
    {"Prices rose, a spokesman said.", "group:-;[[],[]]"},
    {"Prices rose, a senior ministry spokesman said.", "group:-;[[],[]]"},
    {"\"It went fast,\" said Stephen Lewis, head of research at Phillips and Drew. Lewis of "
     "Phillips and Drew said rates would fall.",
     "person:Stephen Lewis;person:Stephen Lewis;[[\"Stephen Lewis\"],[]]"},
    {"By Jonathan Lynn, Reuters\n    FRANKFURT, March 23 - \"It is far outside our area,\" he "
     "said.",
     "-:-;[[],[]]"},
    /* an unnamed office holder speaks for the body after "for" */
    {"No solution was expected, a spokesman for the National Federation of Banks said today.",
     "body:National Federation of Banks;[[],[\"National Federation of Banks\"]]"},
    /* ... and a person's spokesman for the person */
    {"Trade Representative Clayton Yeutter met them. A spokesman for Yeutter said talks would "
     "go on.",
     "person:Clayton Yeutter;[[\"Clayton Yeutter\"],[]]"},
    /* "called for" reports what was asked for */
    {"Republican nominee Donald Trump has called for the complete repeal of the law.",
     "person:Donald Trump;[[\"Donald Trump\"],[]]"},
    /* a document speaks for the body that issued it; what is said of the
     * document is no part of what it says */
    {"Clinton leads by three points, according to a Quinnipiac poll conducted in March.",
     "body:Quinnipiac;[[],[\"Quinnipiac\"]]"},
    {"According to a Washington Post-ABC News survey, voters are unhappy.",
     "body:Washington Post-ABC News;[[],[\"Washington Post-ABC News\"]]"},
    /* ... but a person's aides speak unnamed; an opening adverb is no name */
    {"Aides to Gov. Chris Christie said the plan would work.", "group:-;[[],[]]"},
    {"Significantly, the judge said he could not order it.", "group:-;[[],[]]"},
    /* a firm known only by its country names none */
    {"Prices rose, an Italian firm said.", "group:-;[[],[]]"},
    {"Details were not settled, a senior Singapore bank director said.", "group:-;[[],[]]"},
    /* a name hyphenated at the end of a wrapped line */
    {"President Denis Sassou-\nNguesso said it was time.",
     "person:Denis Sassou-Nguesso;[[\"Denis Sassou-Nguesso\"],[]]"},
    /* a ticker between the name and the verb */
    {"Harlan Mining Inc <HRM> said output would rise.",
     "body:Harlan Mining;[[],[\"Harlan Mining\"]]"},
    /* the agent of a participle is not who speaks */
    {"Economists polled by Reuters said prices would rise.", "group:-;[[],[]]"},
    /* a peer's title with the surname alone is the name */
    {"Prices rose, chairman Lord Barber said. Barber said more.",
     "person:Lord Barber;person:Lord Barber;[[\"Lord Barber\"],[]]"},
};

START_TEST(speaker_kinds) {
  char *got = kinds(kind_rows[_i].text);
  ck_assert_msg(strcmp(got, kind_rows[_i].want) == 0, "'%s'\n got: '%s'\nwant: '%s'",
                kind_rows[_i].text, got, kind_rows[_i].want);
  free(got);
}
END_TEST

START_TEST(group_country_goes_to_speakercountry) {
  json_t *root = run("Prices will rise, U.S. officials said.");
  json_decref(root);
  char *values = nf_test_field_values(NULL, rec, "quote.country");
  ck_assert_str_eq(values, "us;");
  free(values);
  values = nf_test_field_values(NULL, rec, "speaker");
  ck_assert_str_eq(values, "");
  free(values);
}
END_TEST

START_TEST(invalid_utf8_is_analysed_on_the_sanitized_copy) {
  const char *text = "Ann Lee said \xff the deal helps.";
  char *got = quotes(text);
  ck_assert_str_eq(got, "Ann Lee|said|\xef\xbf\xbd the deal helps;");
  free(got);
}
END_TEST

int main(void) {
  Suite *s = suite_create("speaker");
  TCase *tc = tcase_create("speaker");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_loop_test(tc, quote_rows, 0, sizeof rows / sizeof *rows);
  tcase_add_test(tc, record_keys_and_index_values);
  tcase_add_loop_test(tc, speaker_kinds, 0, sizeof kind_rows / sizeof *kind_rows);
  tcase_add_test(tc, group_country_goes_to_speakercountry);
  tcase_add_test(tc, invalid_utf8_is_analysed_on_the_sanitized_copy);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
