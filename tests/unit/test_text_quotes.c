/* Quotations: straight, curly, nested, apostrophes, over paragraphs,
 * unbalanced. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsfields/text.h"

/* Each quotation as depth, flags (s single, u unclosed, c continues,
 * C continued, ^N first piece when not itself) and [content]; joined by " ". */
static void render(const nf_text *t, char *buf, size_t size, int outer) {
  size_t n, len = 0;
  const nf_quote *q = nf_text_quotes(t, &n);
  const char *s = nf_text_bytes(t, NULL);
  buf[0] = '\0';
  for (size_t i = 0; i < n && len < size; i++) {
    char flags[32];
    snprintf(flags, sizeof flags, "%s%s%s%s", (q[i].flags & NF_QUOTE_SINGLE) ? "s" : "",
             (q[i].flags & NF_QUOTE_UNCLOSED) ? "u" : "",
             (q[i].flags & NF_QUOTE_CONTINUES) ? "c" : "",
             (q[i].flags & NF_QUOTE_CONTINUED) ? "C" : "");
    if (q[i].first != i)
      snprintf(flags + strlen(flags), sizeof flags - strlen(flags), "^%u", q[i].first);
    nf_span sp = outer ? q[i].outer : q[i].content;
    len += (size_t)snprintf(buf + len, size - len, "%s%u%s[%.*s]", i ? " " : "", q[i].depth, flags,
                            (int)(sp.end - sp.start), s + sp.start);
  }
}

typedef struct quote_row {
  const char *in;
  const char *want;       /* rendered contents */
  const char *want_outer; /* rendered outer spans, or NULL */
} quote_row;

static const quote_row rows[] = {
    /* straight and curly */
    {"He said “we will win” today.", "0[we will win]", "0[“we will win”]"},
    {"He said \"we will win\" today.", "0[we will win]", "0[\"we will win\"]"},
    {"\"We will win,\" he said.", "0[We will win,]", NULL},
    {"Smith said the U.K. \"backs the Baltic plan.\"", "0[backs the Baltic plan.]", NULL},
    {"He said:\"Yes.\"", "0[Yes.]", NULL},
    {"He said \"\" then.", "0[]", "0[\"\"]"},
    {"Il a dit « non » hier.", "0[ non ]", NULL},
    {"Er sagte „nein“ gestern.", "0[nein]", NULL},
    {"He said ‹no› twice.", "0s[no]", NULL},
    /* nested */
    {"“He told me ‘go home,’ and I did,” she said.",
     "0[He told me ‘go home,’ and I did,] 1s[go home,]", NULL},
    {"\"He told me 'go home,' and I did,\" she said.",
     "0[He told me 'go home,' and I did,] 1s[go home,]", NULL},
    {"‘He said “no”,’ she said.", "0s[He said “no”,] 1[no]", NULL},
    {"“She said ‘they said “no”’,” he said.",
     "0[She said ‘they said “no”’,] 1s[they said “no”] 2[no]", NULL},
    {"“He said ‘no and left,” she said.", "0[He said ‘no and left,] 1su[no and left,]", NULL},
    /* apostrophes are not quote marks */
    {"Lithuania’s ministers’ talks in the ’90s don’t matter.", "", NULL},
    {"Lithuania's ministers' talks in the '90s don't matter.", "", NULL},
    {"‘Lithuania’s stance is clear,’ he said.", "0s[Lithuania’s stance is clear,]", NULL},
    {"“The ministers’ talks ended,” he said.", "0[The ministers’ talks ended,]", NULL},
    {"‘The ministers’ talks ended,’ he said.", "0s[The ministers’ talks ended,]", NULL},
    {"‘We met the ministers’, he said.", "0s[We met the ministers]", NULL},
    {"'We are ready,' says minister", "0s[We are ready,]", NULL},
    {"He is 5'11\" tall and \"fit\".", "0[fit]", NULL},
    {"‘Leads’ simply beats ‘We Don’t Know.’", "0s[Leads] 0s[We Don’t Know.]", NULL},
    {"‘extreme carelessness’ did not equal ‘gross negligence?’",
     "0s[extreme carelessness] 0s[gross negligence?]", NULL},
    {"‘Get ‘em out,’ he said, ’cause 'tis late.", "0s[Get ‘em out,]", NULL},
    {"Trump‘s aide called them “rapists“ on Monday.", "0[rapists]", NULL},
    {"They see that. “", "", NULL},
    {"“They see that. “ He left.", "0[They see that. ]", NULL},
    /* doubled single marks for double ones */
    {"''We agree,'' he said.", "0[We agree,]", "0[''We agree,'']"},
    {"``We agree,'' he said.", "0[We agree,]", NULL},
    {"a “question’’ that", "0[question]", NULL},
    /* over several paragraphs: the wire convention */
    {"“The Baltic drills will go ahead.\n\n“And more ships will join them,” he said.",
     "0c[The Baltic drills will go ahead.] 0C^0[And more ships will join them,]",
     "0c[“The Baltic drills will go ahead.] 0C^0[“And more ships will join them,”]"},
    {"\"One.\n\n\"Two.\n\n\"Three,\" he said.", "0c[One.] 0cC^0[Two.] 0C^0[Three,]", NULL},
    {"“He said ‘no.\n\n“Then he left,” she said.", "0c[He said ‘no.] 1su[no.] 0C^0[Then he left,]",
     NULL},
    {"“A.” “B.\n\n“C,” he said.", "0[A.] 0c[B.] 0C^1[C,]", NULL},
    /* unbalanced: closed at the paragraph end */
    {"He said “we will win.\n\nThe talks ended.", "0u[we will win.]", "0u[“we will win.]"},
    {"He said \"we will win.\n\nThe talks ended \"soon\".", "0u[we will win.] 0[soon]", NULL},
    {"“We will stand.\n\nHe left.", "0u[We will stand.]", NULL},
    {"“Last words", "0u[Last words]", NULL},
    {"He said we will win” today.", "", NULL},
    {"He said ” today.", "", NULL},
};

START_TEST(quote_rows_match) {
  const quote_row *r = &rows[_i];
  nf_text *t = NULL;
  ck_assert_int_eq(nf_text_new(&t), NF_OK);
  ck_assert_int_eq(nf_text_analyze(t, r->in, strlen(r->in), NULL), NF_OK);
  char buf[1024];
  render(t, buf, sizeof buf, 0);
  ck_assert_str_eq(buf, r->want);
  if (r->want_outer) {
    render(t, buf, sizeof buf, 1);
    ck_assert_str_eq(buf, r->want_outer);
  }
  /* Marks and tokens agree with the spans. */
  size_t n, nt;
  const nf_quote *q = nf_text_quotes(t, &n);
  const nf_token *tk = nf_text_tokens(t, &nt);
  for (size_t i = 0; i < n; i++) {
    ck_assert(tk[q[i].tok_begin - 1].flags & NF_TOK_OPEN);
    ck_assert_uint_eq(tk[q[i].tok_begin - 1].start, q[i].outer.start);
    ck_assert_uint_eq(tk[q[i].tok_begin - 1].end, q[i].content.start);
    if (!(q[i].flags & (NF_QUOTE_UNCLOSED | NF_QUOTE_CONTINUES))) {
      ck_assert(tk[q[i].tok_end].flags & NF_TOK_CLOSE);
      ck_assert_uint_eq(tk[q[i].tok_end].start, q[i].content.end);
      ck_assert_uint_eq(tk[q[i].tok_end].end, q[i].outer.end);
    }
    for (size_t k = q[i].tok_begin; k < q[i].tok_end; k++) ck_assert(tk[k].flags & NF_TOK_IN_QUOTE);
  }
  nf_text_free(t);
}
END_TEST

START_TEST(apostrophe_tokens) {
  const char *in = "The ministers’ talks, Lithuania’s stance";
  nf_text *t = NULL;
  ck_assert_int_eq(nf_text_new(&t), NF_OK);
  ck_assert_int_eq(nf_text_analyze(t, in, strlen(in), NULL), NF_OK);
  size_t n;
  const nf_token *tk = nf_text_tokens(t, &n);
  ck_assert_uint_eq(n, 8);
  ck_assert_int_eq(tk[2].kind, NF_TOKEN_APOSTROPHE);
  ck_assert(tk[2].flags & NF_TOK_POSSESSIVE);
  ck_assert_int_eq(tk[6].kind, NF_TOKEN_WORD);
  ck_assert(tk[6].flags & NF_TOK_POSSESSIVE);
  ck_assert_str_eq(nf_text_folded(t, 6, NULL), "'s");
  nf_text_free(t);
}
END_TEST

START_TEST(unbalanced_quote_does_not_swallow_the_article) {
  const char *in = "He said “we will win.\n\nThe talks ended.\n\n“Good,” she said.";
  nf_text *t = NULL;
  ck_assert_int_eq(nf_text_new(&t), NF_OK);
  ck_assert_int_eq(nf_text_analyze(t, in, strlen(in), NULL), NF_OK);
  size_t n, np;
  const nf_token *tk = nf_text_tokens(t, &n);
  const nf_paragraph *p = nf_text_paragraphs(t, &np);
  ck_assert_uint_eq(np, 3);
  for (size_t k = p[1].tok_begin; k < p[1].tok_end; k++)
    ck_assert(!(tk[k].flags & NF_TOK_IN_QUOTE));
  char buf[256];
  render(t, buf, sizeof buf, 0);
  ck_assert_str_eq(buf, "0u[we will win.] 0[Good,]");
  nf_text_free(t);
}
END_TEST

int main(void) {
  Suite *s = suite_create("text_quotes");
  TCase *tc = tcase_create("quotes");
  tcase_add_loop_test(tc, quote_rows_match, 0, (int)(sizeof rows / sizeof rows[0]));
  tcase_add_test(tc, apostrophe_tokens);
  tcase_add_test(tc, unbalanced_quote_does_not_swallow_the_article);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
