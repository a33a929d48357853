/* The record as the index stores it (record/stored.h): what layout 2 leaves
 * out, that it reads back byte for byte as layout 1, and that a record of
 * another shape, or an old index's, is stored and read whole. */
#include <check.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/buffer.h"
#include "record/json_write.h"
#include "record/stored.h"
#include "testutil.h"

/* The text the rows' spans point into: "content" [4,9) is "said:". */
#define TEXT "Lee said: \"We will.\" Kim"

/* The built-in keys, every one as the record has them with nothing found. */
#define EMPTY_TYPES                                                                  \
  "\"countries\":[],\"dateline\":null,\"byline\":[],\"credits\":[],\"agency\":null," \
  "\"officials\":[],\"quotes\":[],\"speakers\":[],\"bodies\":[]"

/* A quotation of "said:" by a speaker of a kind, whole and as stored. */
#define QUOTE(speaker, kind)                                                \
  "{\"speaker\":" speaker ",\"speaker_span\":null,\"speaker_kind\":\"" kind \
  "\","                                                                     \
  "\"cue\":null,\"content\":\"said:\",\"content_span\":[4,9]}"
#define STORED_QUOTE(speaker, kind) \
  "{\"speaker\":" speaker ",\"speaker_kind\":\"" kind "\",\"content_span\":[4,9]}"

static const struct {
  const char *record; /* as nf_record_to_json writes it, without the text */
  const char *lines;  /* Omega's lines after it */
  int layout;         /* the layout stored */
  const char *stored; /* what is stored, without the text; NULL: the record */
} rows[] = {
    /* nothing found: only the id is left */
    {"{\"id\":\"a\",\"headline\":null,\"date\":null,\"url\":null,\"source\":null," EMPTY_TYPES "}",
     "", 2, "{\"id\":\"a\"}"},
    /* no headline: the caption is the id, so the null is kept */
    {"{\"id\":\"a\",\"headline\":null,\"date\":null,\"url\":null,\"source\":null," EMPTY_TYPES "}",
     "\ncaption=a\nsample=x", 2, "{\"id\":\"a\",\"headline\":null}"},
    /* the headline, date and url are Omega's caption, date and url; meta
     * is kept whole (its nulls are the article's) */
    {"{\"id\":\"a\",\"headline\":\"H\",\"date\":\"2021-12-20\",\"url\":\"http://x/\","
     "\"source\":\"AP\",\"meta\":{\"x\":null,\"y\":[]}," EMPTY_TYPES "}",
     "\ncaption=H\nsample=x\nurl=http://x/\ndate=2021-12-20\nmodtime=1639958400", 2,
     "{\"id\":\"a\",\"source\":\"AP\",\"meta\":{\"x\":null,\"y\":[]}}"},
    /* unless the line is not the value: a headline of two lines, an url
     * with no line, a date that differs */
    {"{\"id\":\"a\",\"headline\":\"H\\nI\",\"date\":\"2021-12-20\",\"url\":\"http://x/\","
     "\"source\":null," EMPTY_TYPES "}",
     "\ncaption=H I\nsample=x\ndate=2021-12-21", 2,
     "{\"id\":\"a\",\"headline\":\"H\\nI\",\"date\":\"2021-12-20\",\"url\":\"http://x/\"}"},
    /* objects lose their null members; a quotation its content, the text
     * under its span; an empty string is no null */
    {"{\"id\":\"a\",\"headline\":null,\"date\":null,\"url\":null,\"source\":null,"
     "\"countries\":[{\"code\":\"us\",\"name\":\"United States\",\"mentions\":[[0,3]]}],"
     "\"dateline\":{\"place\":\"Vilnius\",\"written\":\"VILNIUS\",\"region\":null,"
     "\"country\":\"lt\",\"date\":null,\"agency\":\"\",\"span\":[0,7]},"
     "\"byline\":[{\"name\":\"Lee\",\"org\":null,\"role\":\"author\",\"span\":null,"
     "\"source\":\"meta\"}],\"credits\":[],\"agency\":\"Reuters\","
     "\"officials\":[{\"person\":\"Lee\",\"title\":\"president\",\"country\":null,\"org\":null,"
     "\"span\":[0,3]}],"
     "\"quotes\":[{\"speaker\":\"Lee\",\"speaker_span\":[0,3],\"speaker_kind\":\"person\","
     "\"cue\":\"said\",\"content\":\"said:\",\"content_span\":[4,9]},"
     "{\"speaker\":null,\"speaker_span\":null,\"speaker_kind\":\"group\",\"cue\":null,"
     "\"content\":\"\",\"content_span\":null}],"
     "\"speakers\":[\"Lee\"],\"bodies\":[]}",
     "", 2,
     "{\"id\":\"a\",\"countries\":[{\"code\":\"us\",\"name\":\"United States\","
     "\"mentions\":[[0,3]]}],\"dateline\":{\"place\":\"Vilnius\",\"written\":\"VILNIUS\","
     "\"country\":\"lt\",\"agency\":\"\",\"span\":[0,7]},\"byline\":[{\"name\":\"Lee\","
     "\"role\":\"author\",\"source\":\"meta\"}],\"agency\":\"Reuters\",\"officials\":[{"
     "\"person\":\"Lee\",\"title\":\"president\",\"span\":[0,3]}],\"quotes\":[{\"speaker\":"
     "\"Lee\",\"speaker_span\":[0,3],\"speaker_kind\":\"person\",\"cue\":\"said\","
     "\"content_span\":[4,9]},{\"speaker_kind\":\"group\",\"content\":\"\"}]}"},
    /* the speakers and bodies are the quotations' named speakers, each once,
     * those of kind person and the others; a list that is not is kept */
    {"{\"id\":\"a\",\"headline\":null,\"date\":null,\"url\":null,\"source\":null,"
     "\"countries\":[],\"dateline\":null,\"byline\":[],\"credits\":[],\"agency\":null,"
     "\"officials\":[],\"quotes\":[" QUOTE("\"Lee\"", "person") "," QUOTE(
         "\"Ode\"",
         "body") "," QUOTE("\"Lee\"",
                           "person") "," QUOTE("\"Kim\"",
                                               "person") "," QUOTE("null",
                                                                   "group") "],"
                                                                            "\"speakers\":[\"Lee\","
                                                                            "\"Kim\"],\"bodies\":["
                                                                            "\"Ode\"]}",
     "", 2,
     "{\"id\":\"a\",\"quotes\":[" STORED_QUOTE("\"Lee\"", "person") "," STORED_QUOTE(
         "\"Ode\"",
         "body") "," STORED_QUOTE("\"Lee\"",
                                  "person") "," STORED_QUOTE("\"Kim\"",
                                                             "person") ",{\"speaker_kind\":"
                                                                       "\"group\",\"content_span\":"
                                                                       "[4,9]}]}"},
    {"{\"id\":\"a\",\"headline\":null,\"date\":null,\"url\":null,\"source\":null,"
     "\"countries\":[],\"dateline\":null,\"byline\":[],\"credits\":[],\"agency\":null,"
     "\"officials\":[],\"quotes\":[" QUOTE("\"Lee\"", "person") "," QUOTE(
         "\"Kim\"", "person") "],"
                              "\"speakers\":[\"Kim\",\"Lee\"],\"bodies\":[\"Ode\"]}",
     "", 2,
     "{\"id\":\"a\",\"quotes\":[" STORED_QUOTE("\"Lee\"", "person") "," STORED_QUOTE(
         "\"Kim\"", "person") "],\"speakers\":[\"Kim\",\"Lee\"],\"bodies\":[\"Ode\"]}"},
    /* a content that is not the text under its span is kept; so is a null
     * one whose span is within the text; past the text's end it is null */
    {"{\"id\":\"a\",\"headline\":null,\"date\":null,\"url\":null,\"source\":null,"
     "\"countries\":[],\"dateline\":null,\"byline\":[],\"credits\":[],\"agency\":null,"
     "\"officials\":[],\"quotes\":[{\"speaker\":null,\"speaker_span\":null,"
     "\"speaker_kind\":\"group\",\"cue\":null,\"content\":\"SAID:\",\"content_span\":[4,9]},"
     "{\"speaker\":null,\"speaker_span\":null,\"speaker_kind\":\"group\",\"cue\":null,"
     "\"content\":null,\"content_span\":[4,9]},"
     "{\"speaker\":null,\"speaker_span\":null,\"speaker_kind\":\"group\",\"cue\":null,"
     "\"content\":null,\"content_span\":[4,900]}],\"speakers\":[],\"bodies\":[]}",
     "", 2,
     "{\"id\":\"a\",\"quotes\":[{\"speaker_kind\":\"group\",\"content\":\"SAID:\","
     "\"content_span\":[4,9]},{\"speaker_kind\":\"group\",\"content\":null,"
     "\"content_span\":[4,9]},{\"speaker_kind\":\"group\",\"content_span\":[4,900]}]}"},
    /* an object with every member null is left empty */
    {"{\"id\":\"a\",\"headline\":null,\"date\":null,\"url\":null,\"source\":null,"
     "\"countries\":[],\"dateline\":{\"place\":null,\"written\":null,\"region\":null,"
     "\"country\":null,\"date\":null,\"agency\":null,\"span\":null},"
     "\"byline\":[],\"credits\":[],\"agency\":null,\"officials\":[],\"quotes\":[],"
     "\"speakers\":[],\"bodies\":[]}",
     "", 2, "{\"id\":\"a\",\"dateline\":{}}"},
    /* a plug-in's type after the built-in ones is kept whole */
    {"{\"id\":\"a\",\"headline\":null,\"date\":null,\"url\":null,\"source\":null," EMPTY_TYPES
     ",\"vessels\":[],\"ship\":null}",
     "", 2, "{\"id\":\"a\",\"vessels\":[],\"ship\":null}"},
    /* other shapes are stored whole: a built-in type missing (a pipeline
     * of some analyzers only), keys out of order, an object with a member
     * more, one without its members, a type of another kind */
    {"{\"id\":\"a\",\"headline\":null,\"date\":null,\"url\":null,\"source\":null,"
     "\"countries\":[],\"dateline\":null,\"credits\":[],\"agency\":null,\"officials\":[],"
     "\"quotes\":[],\"speakers\":[],\"bodies\":[]}",
     "", 1, NULL},
    {"{\"id\":\"a\",\"date\":null,\"headline\":null,\"url\":null,\"source\":null," EMPTY_TYPES "}",
     "", 1, NULL},
    {"{\"id\":\"a\",\"headline\":null,\"date\":null,\"url\":null,\"source\":null,"
     "\"countries\":[],\"dateline\":{\"place\":null,\"written\":null,\"region\":null,"
     "\"country\":null,\"date\":null,\"agency\":null,\"span\":null,\"extra\":null},"
     "\"byline\":[],\"credits\":[],\"agency\":null,\"officials\":[],\"quotes\":[],"
     "\"speakers\":[],\"bodies\":[]}",
     "", 1, NULL},
    {"{\"id\":\"a\",\"headline\":null,\"date\":null,\"url\":null,\"source\":null,"
     "\"countries\":[],\"dateline\":null,\"byline\":[{}],\"credits\":[],\"agency\":null,"
     "\"officials\":[],\"quotes\":[],\"speakers\":[],\"bodies\":[]}",
     "", 1, NULL},
    {"{\"id\":\"a\",\"headline\":null,\"date\":null,\"url\":null,\"source\":null,"
     "\"countries\":[],\"dateline\":null,\"byline\":[],\"credits\":[],\"agency\":null,"
     "\"officials\":[],\"quotes\":[],\"speakers\":{},\"bodies\":[]}",
     "", 1, NULL},
    {"{\"id\":\"a\",\"vessels\":[],\"headline\":null,\"date\":null,\"url\":null,"
     "\"source\":null," EMPTY_TYPES "}",
     "", 1, NULL},
};

/* The JSON of a record (no text) with the text member added. */
static char *with_text(const char *json) {
  nf_buf b = NF_BUF_INIT;
  size_t n = strlen(json);
  ck_assert_int_eq(nf_buf_append(&b, json, n - 1), NF_OK);
  ck_assert_int_eq(nf_buf_append_str(&b, n > 2 ? ",\"text\":" : "\"text\":"), NF_OK);
  ck_assert_int_eq(nf_json_write_string(&b, TEXT, strlen(TEXT)), NF_OK);
  ck_assert_int_eq(nf_buf_append_char(&b, '}'), NF_OK);
  return b.data;
}

/* Document data: the record line, its layout and Omega's lines. */
static char *data_of(const char *line, int layout, const char *lines) {
  nf_buf b = NF_BUF_INIT;
  ck_assert_int_eq(nf_buf_printf(&b, "%s\nnewsfields=%d%s", line, layout, lines), NF_OK);
  return b.data;
}

START_TEST(stored_and_read_back) {
  json_error_t e;
  json_t *rec = json_loads(rows[_i].record, 0, &e);
  ck_assert_msg(rec != NULL, "%s", e.text);
  char *whole = with_text(rows[_i].record);

  /* what is stored */
  nf_buf b = NF_BUF_INIT;
  int layout = NF_STORED_LAYOUT;
  size_t whole_len = 0;
  ck_assert_int_eq(nf_stored_write(&b, rec, TEXT, strlen(TEXT), rows[_i].lines,
                                   strlen(rows[_i].lines), &layout, &whole_len),
                   NF_OK);
  ck_assert_int_eq(layout, rows[_i].layout);
  ck_assert_uint_eq(whole_len, strlen(whole)); /* the size of layout 1, not written */
  char *want = with_text(rows[_i].stored ? rows[_i].stored : rows[_i].record);
  ck_assert_str_eq(nf_buf_str(&b), want);

  /* layout 1 asked: the record whole, as nf_record_to_json writes it */
  nf_buf one = NF_BUF_INIT;
  layout = 1;
  whole_len = 0;
  ck_assert_int_eq(nf_stored_write(&one, rec, TEXT, strlen(TEXT), rows[_i].lines,
                                   strlen(rows[_i].lines), &layout, &whole_len),
                   NF_OK);
  ck_assert_int_eq(layout, 1);
  ck_assert_uint_eq(whole_len, strlen(whole));
  ck_assert_str_eq(nf_buf_str(&one), whole);

  /* read back, from the stored layout and from an old index's */
  char *data = data_of(nf_buf_str(&b), rows[_i].layout, rows[_i].lines),
       *old = data_of(whole, 1, rows[_i].lines);
  ck_assert_int_eq(nf_stored_layout(data, strlen(data)), rows[_i].layout);
  ck_assert_int_eq(nf_stored_layout(old, strlen(old)), 1);
  char *line;
  size_t len;
  ck_assert_int_eq(nf_stored_record_line(data, strlen(data), &line, &len), NF_OK);
  ck_assert_str_eq(line, whole);
  ck_assert_uint_eq(len, strlen(whole));
  free(line);
  ck_assert_int_eq(nf_stored_record_line(old, strlen(old), &line, &len), NF_OK);
  ck_assert_str_eq(line, whole);
  free(line);

  /* and as a searcher parses it: put back (layout 1: as it is), dumped by
   * jansson */
  json_t *parsed = json_loads(nf_buf_str(&b), 0, &e);
  ck_assert_ptr_nonnull(parsed);
  ck_assert_int_eq(nf_stored_expand(parsed, data, strlen(data)), NF_OK);
  char *dumped = json_dumps(parsed, JSON_COMPACT | JSON_PRESERVE_ORDER);
  ck_assert_str_eq(dumped, whole);
  free(dumped);
  json_decref(parsed);

  free(data);
  free(old);
  free(want);
  free(whole);
  nf_buf_free(&b);
  nf_buf_free(&one);
  json_decref(rec);
}
END_TEST

static const struct {
  const char *data;
  int layout;
} layouts[] = {
    {"{}\nnewsfields=2\ncaption=x", 2},
    {"{}\nnewsfields=1\ncaption=x", 1},
    {"{}\nnewsfields=2", 2},
    {"{}", 1},
    {"{}\ncaption=x\nnewsfields=2", 1}, /* only the line after the record says */
    {"{}\nnewsfields=\n", 1},
    {"", 1},
};

START_TEST(the_layout_line) {
  const char *d = layouts[_i].data;
  ck_assert_int_eq(nf_stored_layout(d, strlen(d)), layouts[_i].layout);
}
END_TEST

START_TEST(a_stored_line_that_is_no_record) {
  static const char data[] = "not json\nnewsfields=2\ncaption=x";
  char *line = (char *)data;
  size_t len = 1;
  ck_assert_int_eq(nf_stored_record_line(data, strlen(data), &line, &len), NF_ERR_DB_CORRUPT);
  ck_assert_ptr_null(line);
  ck_assert_uint_eq(len, 0);
  /* an old index's line is given as it is */
  static const char old[] = "not json\nnewsfields=1";
  ck_assert_int_eq(nf_stored_record_line(old, strlen(old), &line, &len), NF_OK);
  ck_assert_str_eq(line, "not json");
  free(line);
}
END_TEST

int main(void) {
  Suite *s = suite_create("stored");
  TCase *tc = tcase_create("stored");
  tcase_add_loop_test(tc, stored_and_read_back, 0, (int)(sizeof rows / sizeof rows[0]));
  tcase_add_loop_test(tc, the_layout_line, 0, (int)(sizeof layouts / sizeof layouts[0]));
  tcase_add_test(tc, a_stored_line_that_is_no_record);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
