/* Sentence boundaries: each abbreviation case, positive and negative. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsfields/text.h"

typedef struct sentence_row {
  const char *in;
  const char *want[6]; /* the sentences' texts, by span */
} sentence_row;

static const sentence_row rows[] = {
    /* Abbreviations that do not end the sentence. */
    {"The sailors trained at a U.S. Navy base near Klaipeda.",
     {"The sailors trained at a U.S. Navy base near Klaipeda."}},
    {"U.S. Secretary of Defense Lloyd J. Austin met the minister in Vilnius.",
     {"U.S. Secretary of Defense Lloyd J. Austin met the minister in Vilnius."}},
    {"The pact was signed on Dec. 20 in Vilnius.", {"The pact was signed on Dec. 20 in Vilnius."}},
    {"The meeting is set for Jan. 5 in Riga.", {"The meeting is set for Jan. 5 in Riga."}},
    {"Gen. Mark Milley visited the base.", {"Gen. Mark Milley visited the base."}},
    {"Lt. Col. Jonas Petraitis led the drill.", {"Lt. Col. Jonas Petraitis led the drill."}},
    {"The bill was listed as No. 5 on the agenda.",
     {"The bill was listed as No. 5 on the agenda."}},
    {"Mr. Smith and Dr. Jones met Mrs. Brown.", {"Mr. Smith and Dr. Jones met Mrs. Brown."}},
    {"Shares of Acme Inc. rose 5 pct.", {"Shares of Acme Inc. rose 5 pct."}},
    {"Acme Inc. President John Smith agreed.", {"Acme Inc. President John Smith agreed."}},
    {"He flew to St. Louis on Monday.", {"He flew to St. Louis on Monday."}},
    {"The talks ended at 5 p.m. local time.", {"The talks ended at 5 p.m. local time."}},
    {"The rate rose to 2.27 pct from 1.9 pct.", {"The rate rose to 2.27 pct from 1.9 pct."}},
    {"Smith said the U.K. \"backs the Baltic plan.\"",
     {"Smith said the U.K. \"backs the Baltic plan.\""}},
    {"Gen. The Lord Smith spoke.", {"Gen. The Lord Smith spoke."}}, /* a title never ends */
    {"Visit reuters.com for more.", {"Visit reuters.com for more."}},
    {"He said it was done... The talks went on.", {"He said it was done... The talks went on."}},

    /* Abbreviations that do end the sentence. */
    {"The minister arrived in the U.S. The talks began on Monday.",
     {"The minister arrived in the U.S.", "The talks began on Monday."}},
    {"The minister arrived in the U.S. He met Austin.",
     {"The minister arrived in the U.S.", "He met Austin."}},
    {"He works for Acme Inc. The company declined comment.",
     {"He works for Acme Inc.", "The company declined comment."}},
    {"It was plan B. However, the minister agreed.",
     {"It was plan B.", "However, the minister agreed."}},
    {"They met in the U.S. \"We agree,\" he said.",
     {"They met in the U.S.", "\"We agree,\" he said."}},
    {"He met the minister in the U.S.", {"He met the minister in the U.S."}},
    {"Talks were held in the U.S.\n\nThe minister left.",
     {"Talks were held in the U.S.", "The minister left."}},
    {"Talks ended, said Smith Jr.” Then he left.",
     {"Talks ended, said Smith Jr.”", "Then he left."}},

    /* Plain terminal marks. */
    {"The talks ended. Officials left.", {"The talks ended.", "Officials left."}},
    {"Did they agree? Nobody knows! The talks go on.",
     {"Did they agree?", "Nobody knows!", "The talks go on."}},
    {"He met Lloyd J. Austin III. The two men spoke.",
     {"He met Lloyd J. Austin III.", "The two men spoke."}},
    {"Output rose in 2021. 2022 will be harder.", {"Output rose in 2021.", "2022 will be harder."}},
    {"Visit reuters.com. Then leave.", {"Visit reuters.com.", "Then leave."}},
    {"(The talks ended.) Then they left.", {"(The talks ended.)", "Then they left."}},
    {"Really?! Yes.", {"Really?!", "Yes."}},
    {"it ended. and then", {"it ended. and then"}},
    {"会谈结束。部长离开了。", {"会谈结束。", "部长离开了。"}},

    /* Quotation marks. */
    {"\"We will stand together.\" The minister then left.",
     {"\"We will stand together.\"", "The minister then left."}},
    {"“We will stand together.” The minister then left.",
     {"“We will stand together.”", "The minister then left."}},
    {"\"Why?\" he asked.", {"\"Why?\" he asked."}},
    {"“We agree,” he said. “The talks will go on.”",
     {"“We agree,” he said.", "“The talks will go on.”"}},
    {"He said: “They told me ‘go home.’” Then he left.",
     {"He said: “They told me ‘go home.’”", "Then he left."}},

    /* Paragraphs always end sentences; line breaks do not. */
    {"Lithuania and US sign pact\n\nThe minister said no.",
     {"Lithuania and US sign pact", "The minister said no."}},
    {"The minister said\nthe talks ended.", {"The minister said\nthe talks ended."}},
    {"    The minister said\nthe talks ended.\n    Officials left.",
     {"The minister said\nthe talks ended.", "Officials left."}},
    {"Stories to watch:\n1. Talks in Vilnius. Officials met.\n2. Markets fell.",
     {"Stories to watch:\n1. Talks in Vilnius.", "Officials met.", "2. Markets fell."}},
    {"", {NULL}},
};

START_TEST(sentence_rows_match) {
  const sentence_row *r = &rows[_i];
  nf_text *t = NULL;
  ck_assert_int_eq(nf_text_new(&t), NF_OK);
  ck_assert_int_eq(nf_text_analyze(t, r->in, strlen(r->in), NULL), NF_OK);
  size_t n, want = 0, np;
  const nf_sentence *s = nf_text_sentences(t, &n);
  const nf_paragraph *p = nf_text_paragraphs(t, &np);
  const nf_token *tk = nf_text_tokens(t, NULL);
  const char *text = nf_text_bytes(t, NULL);
  while (want < 6 && r->want[want]) want++;
  char got[2048] = "";
  size_t len = 0;
  for (size_t i = 0; i < n; i++)
    len += (size_t)snprintf(got + len, sizeof got - len, "%s%.*s", i ? " | " : "",
                            (int)(s[i].span.end - s[i].span.start), text + s[i].span.start);
  char expect[2048] = "";
  len = 0;
  for (size_t i = 0; i < want; i++)
    len += (size_t)snprintf(expect + len, sizeof expect - len, "%s%s", i ? " | " : "", r->want[i]);
  ck_assert_str_eq(got, expect);
  for (size_t i = 0; i < n; i++) {
    ck_assert(tk[s[i].tok_begin].flags & NF_TOK_SENT_START);
    ck_assert_uint_eq(s[i].span.start, tk[s[i].tok_begin].start);
    ck_assert_uint_eq(s[i].span.end, tk[s[i].tok_end - 1].end);
    ck_assert_uint_lt(s[i].paragraph, np);
    ck_assert_uint_le(p[s[i].paragraph].span.start, s[i].span.start);
    ck_assert_uint_ge(p[s[i].paragraph].span.end, s[i].span.end);
  }
  nf_text_free(t);
}
END_TEST

START_TEST(sentence_of_token) {
  const char *in = "One two. Three four.\n\nFive.";
  nf_text *t = NULL;
  ck_assert_int_eq(nf_text_new(&t), NF_OK);
  ck_assert_int_eq(nf_text_analyze(t, in, strlen(in), NULL), NF_OK);
  static const size_t want[] = {0, 0, 0, 1, 1, 1, 2, 2};
  size_t n;
  nf_text_tokens(t, &n);
  ck_assert_uint_eq(n, 8);
  for (size_t i = 0; i < n; i++) ck_assert_uint_eq(nf_text_sentence_of(t, i), want[i]);
  ck_assert_uint_eq(nf_text_sentence_of(t, n), (size_t)-1);
  const nf_sentence *s = nf_text_sentences(t, NULL);
  ck_assert_uint_eq(s[2].paragraph, 1);
  nf_text_free(t);
}
END_TEST

int main(void) {
  Suite *s = suite_create("text_sentences");
  TCase *tc = tcase_create("sentences");
  tcase_add_loop_test(tc, sentence_rows_match, 0, (int)(sizeof rows / sizeof rows[0]));
  tcase_add_test(tc, sentence_of_token);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
