/* The text layer: UTF-8, folding, tokens, paragraphs, the nf_text object.
 * Sentences and quotations have their own files (test_text_sentences.c,
 * test_text_quotes.c). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsfields/text.h"
#include "text/abbrev.h"

/* ---- helpers ------------------------------------------------------------ */

static nf_text *analyze(const char *p, size_t n) {
  nf_text *t = NULL;
  ck_assert_int_eq(nf_text_new(&t), NF_OK);
  nf_error err;
  nf_error_clear(&err);
  ck_assert_int_eq(nf_text_analyze(t, p, n, &err), NF_OK);
  return t;
}

static char kind_letter(int kind) {
  switch (kind) {
    case NF_TOKEN_WORD:
      return 'W';
    case NF_TOKEN_NUMBER:
      return 'N';
    case NF_TOKEN_PUNCT:
      return 'P';
    case NF_TOKEN_QUOTE:
      return 'Q';
    case NF_TOKEN_APOSTROPHE:
      return 'A';
    case NF_TOKEN_HYPHEN:
      return 'H';
    case NF_TOKEN_DASH:
      return 'D';
    case NF_TOKEN_SYMBOL:
      return 'S';
    default:
      return '?';
  }
}

/* Token texts (by their spans), folded forms, or kind letters, joined. */
enum { TOKENS, FOLDS, KINDS };
static void render(const nf_text *t, int what, char *buf, size_t size) {
  size_t n, len = 0;
  const nf_token *tk = nf_text_tokens(t, &n);
  const char *s = nf_text_bytes(t, NULL);
  buf[0] = '\0';
  for (size_t i = 0; i < n && len < size; i++) {
    const char *sep = (i && what != KINDS) ? " " : "";
    int w;
    if (what == TOKENS)
      w = snprintf(buf + len, size - len, "%s%.*s", sep, (int)(tk[i].end - tk[i].start),
                   s + tk[i].start);
    else if (what == FOLDS)
      w = snprintf(buf + len, size - len, "%s%s", sep, nf_text_folded(t, i, NULL));
    else
      w = snprintf(buf + len, size - len, "%c", kind_letter(tk[i].kind));
    len += (size_t)w;
  }
}

/* ---- UTF-8 ---------------------------------------------------------------- */

typedef struct utf8_row {
  const char *in;
  size_t len;
  int valid;
  size_t bad_offset;
  const char *sanitized;
  size_t replacements;
} utf8_row;

#define R "\xEF\xBF\xBD" /* U+FFFD */
#define B(s) s, sizeof s - 1
static const utf8_row utf8_rows[] = {
    {B("abc"), 1, 3, "abc", 0},
    {B(""), 1, 0, "", 0},
    {B("caf\xC3\xA9"), 1, 5, "caf\xC3\xA9", 0},
    {B("\xF0\x9F\x98\x80 ok"), 1, 7, "\xF0\x9F\x98\x80 ok", 0},
    {B("\xF4\x8F\xBF\xBF"), 1, 4, "\xF4\x8F\xBF\xBF", 0}, /* U+10FFFF */
    {B("a\0b"), 1, 3, "a\0b", 0},                         /* NUL is valid */
    {B("ab\xE2\x82"), 0, 2, "ab" R, 1},                   /* truncated at the end */
    {B("\xE2\x82x"), 0, 0, R "x", 1},                     /* truncated in the middle */
    {B("\xF0\x9F\x98"), 0, 0, R, 1},                      /* truncated 4-byte */
    {B("\xC0\xAF"), 0, 0, R R, 2},                        /* overlong '/' */
    {B("\xE0\x80\xAF"), 0, 0, R R R, 3},                  /* overlong, 3 bytes */
    {B("\xF0\x80\x80\xAF"), 0, 0, R R R R, 4},            /* overlong, 4 bytes */
    {B("\xED\xA0\x80"), 0, 0, R R R, 3},                  /* surrogate U+D800 */
    {B("x\xED\xBF\xBFy"), 0, 1, "x" R R R "y", 3},        /* surrogate U+DFFF */
    {B("a\x80"
       "b"),
     0, 1, "a" R "b", 1}, /* lone continuation */
    {B("\xFF"), 0, 0, R, 1},
    {B("\xFE\xFF"), 0, 0, R R, 2},
    {B("\xF4\x90\x80\x80"), 0, 0, R R R R, 4}, /* above U+10FFFF */
    {B("\xF5\x80\x80\x80"), 0, 0, R R R R, 4},
    {B("0123456789abcdefg\xC3(z"), 0, 17, "0123456789abcdefg" R "(z", 1}, /* after the fast path */
};

START_TEST(utf8_validate_and_sanitize) {
  const utf8_row *r = &utf8_rows[_i];
  size_t bad = 12345;
  nf_status st = nf_utf8_validate(r->in, r->len, &bad);
  ck_assert_int_eq(st, r->valid ? NF_OK : NF_ERR_PARSE);
  ck_assert_uint_eq(bad, r->bad_offset);

  char *out = NULL;
  size_t out_len = 0, repl = 99;
  ck_assert_int_eq(nf_utf8_sanitize(r->in, r->len, &out, &out_len, &repl), NF_OK);
  ck_assert_ptr_nonnull(out);
  size_t want = strlen(r->sanitized);
  if (r->valid) want = r->len; /* may hold a NUL */
  ck_assert_uint_eq(out_len, want);
  ck_assert_int_eq(memcmp(out, r->sanitized, want), 0);
  ck_assert_int_eq(out[out_len], '\0');
  ck_assert_uint_eq(repl, r->replacements);
  ck_assert_int_eq(nf_utf8_validate(out, out_len, NULL), NF_OK);
  free(out);
}
END_TEST

START_TEST(utf8_bad_arguments) {
  char *out = (char *)1;
  ck_assert_int_eq(nf_utf8_validate(NULL, 0, NULL), NF_OK);
  ck_assert_int_eq(nf_utf8_validate(NULL, 3, NULL), NF_ERR_INVALID);
  ck_assert_int_eq(nf_utf8_sanitize(NULL, 3, &out, NULL, NULL), NF_ERR_INVALID);
  ck_assert_ptr_null(out);
  ck_assert_int_eq(nf_utf8_sanitize("x", 1, NULL, NULL, NULL), NF_ERR_INVALID);
}
END_TEST

START_TEST(analyze_sanitizes_invalid_text) {
  const char in[] =
      "Vilnius \xFF"
      "and Riga\xE2\x82";
  nf_text *t = analyze(in, sizeof in - 1);
  size_t n;
  const char *s = nf_text_bytes(t, &n);
  ck_assert_ptr_ne(s, in);
  ck_assert_uint_eq(nf_text_replacements(t), 2);
  ck_assert_uint_eq(n, strlen("Vilnius " R "and Riga" R));
  ck_assert_int_eq(memcmp(s, "Vilnius " R "and Riga" R, n), 0);
  char buf[256];
  render(t, TOKENS, buf, sizeof buf);
  ck_assert_str_eq(buf, "Vilnius " R " and Riga " R);
  render(t, KINDS, buf, sizeof buf);
  ck_assert_str_eq(buf, "WSWWS");

  /* Valid text is used in place. */
  static const char ok[] = "ok";
  ck_assert_int_eq(nf_text_analyze(t, ok, 2, NULL), NF_OK);
  ck_assert_ptr_eq(nf_text_bytes(t, NULL), ok);
  ck_assert_uint_eq(nf_text_replacements(t), 0);
  nf_text_free(t);
}
END_TEST

/* ---- folding -------------------------------------------------------------- */

typedef struct fold_row {
  const char *in, *want;
} fold_row;

static const fold_row fold_rows[] = {
    {"Anušauskas", "anusauskas"},
    {"Erdoğan", "erdogan"},
    {"São Tomé", "sao tome"},
    {"ß", "ss"},
    {"Straße", "strasse"},
    {"STRASSE", "strasse"},
    {"Łódź", "lodz"},
    {"Øresund", "oresund"},
    {"İstanbul", "istanbul"},
    {"Đà Nẵng", "da nang"},
    {"Thành phố Hồ Chí Minh", "thanh pho ho chi minh"},
    {"Æsir Œuvre", "aesir oeuvre"},
    {"Þingvellir", "thingvellir"},
    {"ﬁnance", "finance"},
    {"ＵＳＡ", "usa"},
    {"Москва", "москва"},
    {"Ελλάδα", "ελλαδα"},
    {"北京", "北京"},
    {"서울", "서울"},
    {"Lithuania’s", "lithuania's"},
    {"Côte d’Ivoire", "cote d'ivoire"},
    {"“quoted” «cité» ‘single’", "\"quoted\" \"cite\" 'single'"},
    {"a — b – c", "a - b - c"},
    {"soft\xC2\xADhyphen", "softhyphen"},
    {"", ""},
    {"\xFF", R},
    {"MiXeD 123 !?", "mixed 123 !?"},
};

START_TEST(fold_rows_match) {
  const fold_row *r = &fold_rows[_i];
  char out[256];
  size_t len = 999;
  ck_assert_int_eq(nf_fold(r->in, strlen(r->in), out, sizeof out, &len), NF_OK);
  ck_assert_str_eq(out, r->want);
  ck_assert_uint_eq(len, strlen(r->want));
}
END_TEST

START_TEST(fold_buffer_too_small) {
  char out[8];
  size_t len = 0;
  ck_assert_int_eq(nf_fold("Anušauskas", strlen("Anušauskas"), out, sizeof out, &len),
                   NF_ERR_INVALID);
  ck_assert_uint_eq(len, 10);
  ck_assert_int_eq(nf_fold("ab", 2, out, 2, &len), NF_ERR_INVALID); /* no room for the NUL */
  ck_assert_uint_eq(len, 2);
  ck_assert_int_eq(nf_fold("ab", 2, out, 3, &len), NF_OK);
  ck_assert_str_eq(out, "ab");
  ck_assert_int_eq(nf_fold("", 0, NULL, 0, &len), NF_ERR_INVALID);
  ck_assert_uint_eq(len, 0);
  ck_assert_int_eq(nf_fold(NULL, 1, out, sizeof out, NULL), NF_ERR_INVALID);
}
END_TEST

/* ---- tokens --------------------------------------------------------------- */

typedef struct token_row {
  const char *in;
  const char *tokens; /* token texts, by span, joined by one space */
  const char *folds;  /* NULL: same as tokens */
  const char *kinds;
} token_row;

static const token_row token_rows[] = {
    /* possessives and apostrophes */
    {"Lithuania's defense", "Lithuania 's defense", "lithuania 's defense", "WWW"},
    {"Lithuania’s defense", "Lithuania ’s defense", "lithuania 's defense", "WWW"},
    {"LITHUANIA'S ARMY", "LITHUANIA 'S ARMY", "lithuania 's army", "WWW"},
    {"the 1990's boom", "the 1990 's boom", NULL, "WNWW"},
    {"he's here", "he 's here", NULL, "WWW"},
    {"don't O'Brien d’Ivoire", "don't O'Brien d’Ivoire", "don't o'brien d'ivoire", "WWW"},
    {"the ministers' talks", "the ministers ' talks", NULL, "WWAW"},
    {"the ’90s and '80s", "the ’90s and '80s", "the '90s and '80s", "WWWW"},
    {"Sayyidʼs", "Sayyid ʼs", "sayyid 's", "WW"},
    {"Trump‘s", "Trump ‘s", "trump 's", "WW"},
    {"get ‘em, 'cause 'tis", "get ‘em , 'cause 'tis", "get 'em , 'cause 'tis", "WWPWW"},
    {"``Yes,'' he said", "`` Yes , '' he said", "\" yes , \" he said", "QWPQWW"},
    /* hyphens and dashes */
    {"Guinea-Bissau", "Guinea - Bissau", "guinea - bissau", "WHW"},
    {"Papua New Guinea", "Papua New Guinea", "papua new guinea", "WWW"},
    {"anti-tank F-16 U.S.-led", "anti - tank F - 16 U.S. - led", "anti - tank f - 16 u.s. - led",
     "WHWWHNWHW"},
    {"a 12-year-old", "a 12 - year - old", NULL, "WNHWHW"},
    {"pre- and post-war", "pre - and post - war", NULL, "WDWWHW"},
    {"a - b – c — d -- e ---", "a - b – c — d -- e ---", "a - b - c - d -- e ---", "WDWDWDWDWD"},
    {"Lt.-Gen. Smith", "Lt. - Gen. Smith", "lt. - gen. smith", "WHWW"},
    /* periods: abbreviations, initials, numbers */
    {"U.S. U.K. a.m. Ph.D. e.g.", "U.S. U.K. a.m. Ph.D. e.g.", "u.s. u.k. a.m. ph.d. e.g.",
     "WWWWW"},
    {"Dec. Jan. Gen. Lt. Col. Mr. Dr. Inc. St. Calif.",
     "Dec. Jan. Gen. Lt. Col. Mr. Dr. Inc. St. Calif.",
     "dec. jan. gen. lt. col. mr. dr. inc. st. calif.", "WWWWWWWWWW"},
    {"Lloyd J. Austin", "Lloyd J. Austin", "lloyd j. austin", "WWW"},
    {"K.Jonaitis/Vilnius", "K. Jonaitis / Vilnius", "k. jonaitis / vilnius", "WWPW"},
    {"St.Louis", "St. Louis", "st. louis", "WW"},
    {"No. 5 and no. The No.", "No. 5 and no . The No .", "no. 5 and no . the no .", "WNWWPWWP"},
    {"the minister. He", "the minister . He", "the minister . he", "WWPW"},
    {"a. b", "a . b", NULL, "WPW"},
    {"reuters.com", "reuters . com", NULL, "WPW"},
    {"1,750 2.27 2021-12-20 10:30 12/20/2021 1990-91",
     "1,750 2.27 2021-12-20 10:30 12/20/2021 1990-91", NULL, "NNNNNN"},
    {"in 2021. Then", "in 2021 . Then", "in 2021 . then", "WNPW"},
    {"3.5bn 10th M72", "3.5bn 10th M72", "3.5bn 10th m72", "WWW"},
    {"$1.5 50% 1,", "$ 1.5 50 % 1 ,", NULL, "SNNPNP"},
    /* punctuation, quote marks, symbols */
    {"(Reuters) - $5, 50% & more!?", "( Reuters ) - $ 5 , 50 % & more ! ?",
     "( reuters ) - $ 5 , 50 % & more ! ?", "PWPDSNPNPPWPP"},
    {"wait... what… now", "wait ... what … now", "wait ... what ... now", "WPWPW"},
    {"“Yes,” he said", "“ Yes , ” he said", "\" yes , \" he said", "QWPQWW"},
    {"\"No\" 'never'", "\" No \" ' never '", "\" no \" ' never '", "QWQQWQ"},
    {"© 2021 + x", "© 2021 + x", NULL, "SNSW"},
    /* letters of other scripts */
    {"Москва Ελλάδα", "Москва Ελλάδα", "москва ελλαδα", "WW"},
    {"北京市 Xi习", "北 京 市 Xi 习", "北 京 市 xi 习", "WWWWW"},
    {"São Tomé Erdoğan Anušauskas Straße Łódź", "São Tomé Erdoğan Anušauskas Straße Łódź",
     "sao tome erdogan anusauskas strasse lodz", "WWWWWW"},
    {"Lithu\xC2\xAD"
     "ania",
     "Lithu\xC2\xAD"
     "ania",
     "lithuania", "W"}, /* soft hyphen */
    {"a\xE2\x80\x8B"
     "b",
     "a b", NULL, "WW"},                          /* zero width space */
    {"\xEF\xBB\xBFStart", "Start", "start", "W"}, /* BOM */
    {"ＵＳ", "ＵＳ", "us", "W"},
    {"e\xCC\x81t\xC3\xA9", "e\xCC\x81t\xC3\xA9", "ete", "W"}, /* combining acute */
    /* whitespace */
    {"a\r\nb\tc\xC2\xA0"
     "d",
     "a b c d", NULL, "WWWW"},
    {"", "", NULL, ""},
    {" \t\r\n\n  ", "", NULL, ""},
};

START_TEST(token_rows_match) {
  const token_row *r = &token_rows[_i];
  nf_text *t = analyze(r->in, strlen(r->in));
  char buf[1024];
  render(t, TOKENS, buf, sizeof buf);
  ck_assert_str_eq(buf, r->tokens);
  render(t, FOLDS, buf, sizeof buf);
  ck_assert_str_eq(buf, r->folds ? r->folds : r->tokens);
  render(t, KINDS, buf, sizeof buf);
  ck_assert_str_eq(buf, r->kinds);
  nf_text_free(t);
}
END_TEST

typedef struct flag_row {
  const char *in;
  size_t token;
  uint32_t have, lack;
} flag_row;

static const flag_row flag_rows[] = {
    {"Lithuania's", 0, NF_TOK_HAS_LETTER | NF_TOK_CAPITALIZED | NF_TOK_TITLE_CASE,
     NF_TOK_ALL_CAPS | NF_TOK_POSSESSIVE | NF_TOK_LOWER},
    {"Lithuania's", 1, NF_TOK_POSSESSIVE | NF_TOK_HAS_LETTER, NF_TOK_SPACE_BEFORE},
    {"NATO", 0, NF_TOK_ALL_CAPS | NF_TOK_CAPITALIZED, NF_TOK_TITLE_CASE},
    {"U.S.", 0, NF_TOK_ALL_CAPS | NF_TOK_ABBREV | NF_TOK_CAPITALIZED,
     NF_TOK_INITIAL | NF_TOK_TITLE_ABBREV},
    {"J.", 0, NF_TOK_ABBREV | NF_TOK_INITIAL | NF_TOK_ALL_CAPS, NF_TOK_TITLE_ABBREV},
    {"Gen.", 0, NF_TOK_ABBREV | NF_TOK_TITLE_ABBREV | NF_TOK_TITLE_CASE, NF_TOK_INITIAL},
    {"No. 5", 0, NF_TOK_ABBREV | NF_TOK_TITLE_ABBREV, 0},
    {"Inc.", 0, NF_TOK_ABBREV, NF_TOK_TITLE_ABBREV},
    {"McDonald", 0, NF_TOK_CAPITALIZED, NF_TOK_TITLE_CASE | NF_TOK_ALL_CAPS},
    {"iPhone", 0, NF_TOK_LOWER, NF_TOK_CAPITALIZED | NF_TOK_ALL_CAPS},
    {"M72", 0, NF_TOK_ALL_CAPS | NF_TOK_HAS_DIGIT | NF_TOK_HAS_LETTER, NF_TOK_TITLE_CASE},
    {"1,750", 0, NF_TOK_HAS_DIGIT, NF_TOK_HAS_LETTER | NF_TOK_CAPITALIZED},
    {"Ürümqi", 0, NF_TOK_CAPITALIZED | NF_TOK_TITLE_CASE, NF_TOK_ALL_CAPS},
    {"ÉTAT", 0, NF_TOK_CAPITALIZED | NF_TOK_ALL_CAPS, NF_TOK_TITLE_CASE},
    {"北", 0, NF_TOK_CJK | NF_TOK_HAS_LETTER, NF_TOK_CAPITALIZED | NF_TOK_LOWER},
    {"One", 0, NF_TOK_SPACE_BEFORE | NF_TOK_LINE_START | NF_TOK_PARA_START | NF_TOK_SENT_START, 0},
    {"a\nb", 1, NF_TOK_LINE_START | NF_TOK_SPACE_BEFORE, NF_TOK_PARA_START},
    {"a\n\nb", 1, NF_TOK_LINE_START | NF_TOK_PARA_START, 0},
    {"a\n    b", 1, NF_TOK_LINE_START | NF_TOK_PARA_START, 0},
    {"a b", 1, NF_TOK_SPACE_BEFORE, NF_TOK_LINE_START | NF_TOK_PARA_START},
    {"a.b", 1, 0, NF_TOK_SPACE_BEFORE},
    {"wait…", 1, NF_TOK_ELLIPSIS, 0},
    {"wait...", 1, NF_TOK_ELLIPSIS, 0},
    {"“a”", 0, NF_TOK_OPEN, NF_TOK_CLOSE | NF_TOK_IN_QUOTE},
    {"“a”", 1, NF_TOK_IN_QUOTE, 0},
    {"“a”", 2, NF_TOK_CLOSE, NF_TOK_OPEN | NF_TOK_IN_QUOTE},
    {"the ministers' talks", 2, NF_TOK_POSSESSIVE, NF_TOK_OPEN | NF_TOK_CLOSE},
};

START_TEST(flag_rows_match) {
  const flag_row *r = &flag_rows[_i];
  nf_text *t = analyze(r->in, strlen(r->in));
  size_t n;
  const nf_token *tk = nf_text_tokens(t, &n);
  ck_assert_uint_gt(n, r->token);
  ck_assert_uint_eq(tk[r->token].flags & r->have, r->have);
  ck_assert_uint_eq(tk[r->token].flags & r->lack, 0);
  nf_text_free(t);
}
END_TEST

START_TEST(token_spans_are_bytes) {
  const char *in = "“São” — 北京";
  nf_text *t = analyze(in, strlen(in));
  size_t n;
  const nf_token *tk = nf_text_tokens(t, &n);
  static const uint32_t spans[][2] = {{0, 3}, {3, 7}, {7, 10}, {11, 14}, {15, 18}, {18, 21}};
  ck_assert_uint_eq(n, 6);
  for (size_t i = 0; i < n; i++) {
    ck_assert_uint_eq(tk[i].start, spans[i][0]);
    ck_assert_uint_eq(tk[i].end, spans[i][1]);
  }
  size_t len;
  const char *f = nf_text_folded(t, 1, &len);
  ck_assert_str_eq(f, "sao");
  ck_assert_uint_eq(len, 3);
  ck_assert_ptr_eq(f, nf_text_folds(t) + tk[1].fold);
  ck_assert_ptr_null(nf_text_folded(t, n, &len));
  ck_assert_uint_eq(len, 0);
  ck_assert_str_eq(nf_token_kind_name(NF_TOKEN_HYPHEN), "hyphen");
  ck_assert_str_eq(nf_token_kind_name(0), "?");
  nf_text_free(t);
}
END_TEST

/* ---- paragraphs ------------------------------------------------------------ */

typedef struct para_row {
  const char *in;
  const char *want[4];
} para_row;

static const para_row para_rows[] = {
    {"One.\n\nTwo.", {"One.", "Two."}},
    {"One\ntwo.\n\n\nThree.", {"One\ntwo.", "Three."}},
    {"    Vilnius talks began\non Monday.\n    The minister left.",
     {"Vilnius talks began\non Monday.", "The minister left."}},
    {"A\n \t \nB", {"A", "B"}},
    {"A\r\n\r\nB", {"A", "B"}},
    {"A\rB", {"A\rB"}},
    {"A\fB", {"A", "B"}},
    {"A\xE2\x80\xA9"
     "B",
     {"A", "B"}},
    {"A\xE2\x80\xA8"
     "B",
     {"A\xE2\x80\xA8"
      "B"}},
    {"\n\n  Headline  \n\n", {"Headline"}},
    {"", {NULL}},
    {" \n\t \n", {NULL}},
};

START_TEST(paragraph_rows_match) {
  const para_row *r = &para_rows[_i];
  nf_text *t = analyze(r->in, strlen(r->in));
  size_t n, want = 0;
  const nf_paragraph *p = nf_text_paragraphs(t, &n);
  const char *s = nf_text_bytes(t, NULL);
  while (want < 4 && r->want[want]) want++;
  ck_assert_uint_eq(n, want);
  for (size_t i = 0; i < n; i++) {
    char buf[256];
    snprintf(buf, sizeof buf, "%.*s", (int)(p[i].span.end - p[i].span.start), s + p[i].span.start);
    ck_assert_str_eq(buf, r->want[i]);
  }
  nf_text_free(t);
}
END_TEST

/* ---- the object ------------------------------------------------------------- */

START_TEST(new_free_and_bad_arguments) {
  nf_text_free(NULL);
  ck_assert_int_eq(nf_text_new(NULL), NF_ERR_INVALID);
  nf_text *t = NULL;
  ck_assert_int_eq(nf_text_new(&t), NF_OK);
  nf_error err;
  nf_error_clear(&err);
  ck_assert_int_eq(nf_text_analyze(NULL, "x", 1, &err), NF_ERR_INVALID);
  ck_assert_int_eq(nf_text_analyze(t, NULL, 4, &err), NF_ERR_INVALID);
  ck_assert_int_eq(err.status, NF_ERR_INVALID);
  ck_assert_int_eq(nf_text_analyze(t, NULL, 0, &err), NF_OK);
  size_t n = 9;
  nf_text_tokens(t, &n);
  ck_assert_uint_eq(n, 0);
  ck_assert_uint_eq(nf_text_sentence_of(t, 0), (size_t)-1);
  nf_text_free(t);
}
END_TEST

START_TEST(empty_and_blank_texts) {
  static const char *const texts[] = {"", " ", "\n\n\n", "\t \r\n \xC2\xA0 \xE2\x80\xA9 "};
  for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
    nf_text *t = analyze(texts[k], strlen(texts[k]));
    size_t a = 1, b = 1, c = 1, d = 1;
    nf_text_tokens(t, &a);
    nf_text_sentences(t, &b);
    nf_text_paragraphs(t, &c);
    nf_text_quotes(t, &d);
    ck_assert_uint_eq(a + b + c + d, 0);
    nf_text_free(t);
  }
}
END_TEST

START_TEST(very_long_tokens) {
  size_t n = 200000;
  char *p = malloc(2 * n + 8);
  memset(p, 'A', n);
  memcpy(p + n, " ", 1);
  for (size_t i = 0; i < n / 2; i++) memcpy(p + n + 1 + 2 * i, "\xC3\x89", 2); /* É */
  size_t len = n + 1 + n;
  nf_text *t = analyze(p, len);
  size_t count;
  const nf_token *tk = nf_text_tokens(t, &count);
  ck_assert_uint_eq(count, 2);
  ck_assert_uint_eq(tk[0].end - tk[0].start, n);
  ck_assert_uint_eq(tk[0].fold_len, n);
  ck_assert_uint_eq(tk[1].fold_len, n / 2);
  const char *f = nf_text_folded(t, 1, NULL);
  for (size_t i = 0; i < n / 2; i++) ck_assert_int_eq(f[i], 'e');
  ck_assert_int_eq(f[n / 2], '\0');
  ck_assert(tk[0].flags & NF_TOK_ALL_CAPS);
  nf_text_free(t);
  free(p);
}
END_TEST

/* One line per token, sentence, paragraph and quotation, to compare runs. */
static char *dump(const nf_text *t) {
  size_t cap = 1 << 16, len = 0, n;
  char *out = malloc(cap);
  const nf_token *tk = nf_text_tokens(t, &n);
  for (size_t i = 0; i < n; i++)
    len += (size_t)snprintf(out + len, cap - len, "t %u %u %u %x %s\n", tk[i].start, tk[i].end,
                            tk[i].kind, tk[i].flags, nf_text_folded(t, i, NULL));
  const nf_sentence *s = nf_text_sentences(t, &n);
  for (size_t i = 0; i < n; i++)
    len += (size_t)snprintf(out + len, cap - len, "s %u %u %u\n", s[i].tok_begin, s[i].tok_end,
                            s[i].paragraph);
  const nf_quote *q = nf_text_quotes(t, &n);
  for (size_t i = 0; i < n; i++)
    len += (size_t)snprintf(out + len, cap - len, "q %u %u %u %u %x\n", q[i].content.start,
                            q[i].content.end, q[i].first, q[i].depth, q[i].flags);
  ck_assert_uint_lt(len, cap);
  return out;
}

START_TEST(reuse_gives_the_same_results) {
  const char *a =
      "“We stand with Lithuania,” U.S. Defense Secretary Lloyd J. Austin said.\n\n"
      "The talks in Vilnius ended. Officials left.";
  const char *b = "Short \xFF text.";
  nf_text *fresh = analyze(a, strlen(a));
  char *want = dump(fresh);
  nf_text *t = analyze(b, strlen(b));
  nf_text_analyze(t, a, strlen(a), NULL);
  char *got = dump(t);
  ck_assert_str_eq(got, want);
  free(got);
  nf_text_analyze(t, b, strlen(b), NULL);
  nf_text_analyze(t, a, strlen(a), NULL);
  got = dump(t);
  ck_assert_str_eq(got, want);
  free(got);
  free(want);
  nf_text_free(t);
  nf_text_free(fresh);
}
END_TEST

/* Structural invariants that must hold for any input.  (Checked without
 * ck_assert, which reports every passing check through a pipe: too slow for
 * 100k quotations.) */
#define INV(cond)                                             \
  do {                                                        \
    if (!(cond)) ck_abort_msg("invariant failed: %s", #cond); \
  } while (0)

static void check_invariants(const nf_text *t) {
  size_t n, nt, np, ns, nq;
  nf_text_bytes(t, &n);
  const nf_token *tk = nf_text_tokens(t, &nt);
  const char *folds = nf_text_folds(t);
  for (size_t i = 0; i < nt; i++) {
    INV(tk[i].start < tk[i].end);
    INV(tk[i].end <= n);
    if (i) INV(tk[i - 1].end <= tk[i].start);
    INV(folds[tk[i].fold + tk[i].fold_len] == '\0');
    INV(tk[i].kind >= NF_TOKEN_WORD);
    INV(tk[i].kind <= NF_TOKEN_SYMBOL);
  }
  const nf_paragraph *p = nf_text_paragraphs(t, &np);
  size_t next = 0;
  for (size_t i = 0; i < np; i++) {
    INV(p[i].tok_begin == next);
    INV(p[i].tok_begin < p[i].tok_end);
    next = p[i].tok_end;
  }
  INV(next == nt);
  const nf_sentence *s = nf_text_sentences(t, &ns);
  next = 0;
  for (size_t i = 0; i < ns; i++) {
    INV(s[i].tok_begin == next);
    INV(s[i].tok_begin < s[i].tok_end);
    INV(s[i].paragraph < np);
    INV(s[i].tok_begin >= p[s[i].paragraph].tok_begin);
    INV(s[i].tok_end <= p[s[i].paragraph].tok_end);
    INV(nf_text_sentence_of(t, s[i].tok_begin) == i);
    INV(nf_text_sentence_of(t, s[i].tok_end - 1) == i);
    next = s[i].tok_end;
  }
  INV(next == nt);
  const nf_quote *q = nf_text_quotes(t, &nq);
  for (size_t i = 0; i < nq; i++) {
    INV(q[i].outer.start <= q[i].content.start);
    INV(q[i].content.start <= q[i].content.end);
    INV(q[i].content.end <= q[i].outer.end);
    INV(q[i].outer.end <= n);
    INV(q[i].tok_begin <= q[i].tok_end);
    INV(q[i].tok_end <= nt);
    INV(q[i].first <= i);
    INV(tk[q[i].tok_begin - 1].flags & NF_TOK_OPEN);
    if (i) INV(q[i - 1].outer.start < q[i].outer.start);
    if (q[i].first != i) INV(q[i].flags & NF_QUOTE_CONTINUED);
  }
}

START_TEST(random_input_keeps_invariants) {
  /* Pieces that exercise every path, glued at random. */
  static const char *const pieces[] = {" ",
                                       "\n",
                                       "\n\n",
                                       "\n  ",
                                       "\r\n",
                                       "a",
                                       "Word",
                                       "U.S.",
                                       "J.",
                                       "Mr.",
                                       "No.",
                                       "5",
                                       "1,750",
                                       ".",
                                       "!",
                                       "?",
                                       ",",
                                       "\"",
                                       "'",
                                       "’",
                                       "‘",
                                       "“",
                                       "”",
                                       "«",
                                       "»",
                                       "„",
                                       "-",
                                       "—",
                                       "--",
                                       "s",
                                       "’s",
                                       "...",
                                       "…",
                                       "(",
                                       ")",
                                       "北",
                                       "é",
                                       "\xCC\x81",
                                       "\xFF",
                                       "\xE2\x82",
                                       "\xC2\xAD",
                                       "The",
                                       "\xE2\x80\xA9",
                                       "\f",
                                       "$",
                                       "\t",
                                       "ʼ"};
  size_t npieces = sizeof pieces / sizeof *pieces;
  unsigned seed = 12345u;
  nf_text *t = NULL;
  ck_assert_int_eq(nf_text_new(&t), NF_OK);
  char buf[4096];
  for (int round = 0; round < 400; round++) {
    size_t len = 0;
    while (len < sizeof buf - 8) {
      seed = seed * 1103515245u + 12345u;
      const char *piece = pieces[(seed >> 16) % npieces];
      size_t k = strlen(piece);
      if (len + k >= sizeof buf) break;
      memcpy(buf + len, piece, k);
      len += k;
      if ((seed >> 8) % 61 == 0) break;
    }
    ck_assert_int_eq(nf_text_analyze(t, buf, len, NULL), NF_OK);
    check_invariants(t);
  }
  nf_text_free(t);
}
END_TEST

START_TEST(deep_nesting_stays_linear) {
  /* 100k opening marks in one paragraph, then closers: must not go quadratic. */
  size_t n = 100000;
  char *p = malloc(n * 10);
  size_t len = 0;
  for (size_t i = 0; i < n; i++) len += (size_t)sprintf(p + len, "‘a ");
  for (size_t i = 0; i < n / 3; i++) len += (size_t)sprintf(p + len, "b”");
  nf_text *t = analyze(p, len);
  size_t nq;
  nf_text_quotes(t, &nq);
  ck_assert_uint_eq(nq, n);
  check_invariants(t);
  nf_text_free(t);
  free(p);
}
END_TEST

START_TEST(abbreviation_tables_are_sorted) {
  ck_assert(nf_abbrev_tables_sorted());
  ck_assert_int_eq(nf_abbrev_lookup("Gen", 3), NF_ABBREV_TITLE);
  ck_assert_int_eq(nf_abbrev_lookup("Inc", 3), NF_ABBREV_PLAIN);
  ck_assert_int_eq(nf_abbrev_lookup("No", 2), NF_ABBREV_NUMBER);
  ck_assert_int_eq(nf_abbrev_lookup("gen", 3), NF_ABBREV_NONE);
  ck_assert_int_eq(nf_abbrev_lookup("Minister", 8), NF_ABBREV_NONE);
  ck_assert(nf_is_sentence_starter("the", 3));
  ck_assert(!nf_is_sentence_starter("secretary", 9));
}
END_TEST

#define NROWS(a) ((int)(sizeof(a) / sizeof((a)[0])))

int main(void) {
  Suite *s = suite_create("text");
  TCase *tc = tcase_create("utf8");
  tcase_add_loop_test(tc, utf8_validate_and_sanitize, 0, NROWS(utf8_rows));
  tcase_add_test(tc, utf8_bad_arguments);
  tcase_add_test(tc, analyze_sanitizes_invalid_text);
  suite_add_tcase(s, tc);

  tc = tcase_create("fold");
  tcase_add_loop_test(tc, fold_rows_match, 0, NROWS(fold_rows));
  tcase_add_test(tc, fold_buffer_too_small);
  suite_add_tcase(s, tc);

  tc = tcase_create("tokens");
  tcase_add_loop_test(tc, token_rows_match, 0, NROWS(token_rows));
  tcase_add_loop_test(tc, flag_rows_match, 0, NROWS(flag_rows));
  tcase_add_test(tc, token_spans_are_bytes);
  tcase_add_test(tc, abbreviation_tables_are_sorted);
  suite_add_tcase(s, tc);

  tc = tcase_create("paragraphs");
  tcase_add_loop_test(tc, paragraph_rows_match, 0, NROWS(para_rows));
  suite_add_tcase(s, tc);

  tc = tcase_create("object");
  tcase_add_test(tc, new_free_and_bad_arguments);
  tcase_add_test(tc, empty_and_blank_texts);
  tcase_add_test(tc, very_long_tokens);
  tcase_add_test(tc, reuse_gives_the_same_results);
  tcase_add_test(tc, random_input_keeps_invariants);
  tcase_add_test(tc, deep_nesting_stays_linear);
  suite_add_tcase(s, tc);

  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
