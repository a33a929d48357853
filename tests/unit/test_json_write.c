/* The record's compact JSON writer against jansson's own dump: the same
 * bytes for every kind of value, escape and nesting. */
#include <check.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/buffer.h"
#include "record/json_write.h"
#include "testutil.h"

/* Ours and jansson's compact dump of v; v is taken. */
static void same_as_jansson(json_t *v) {
  ck_assert_ptr_nonnull(v);
  char *want = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
  nf_buf b = NF_BUF_INIT;
  ck_assert_int_eq(nf_json_write(&b, v), NF_OK);
  ck_assert_int_eq(nf_buf_append_char(&b, '\0'), NF_OK);
  ck_assert_str_eq(b.data, want);
  ck_assert_uint_eq(nf_json_length(v), strlen(want)); /* measured without writing */
  free(want);
  nf_buf_free(&b);
  json_decref(v);
}

static const char *const documents[] = {
    "{}",
    "[]",
    "{\"a\":[],\"b\":{},\"c\":[[]],\"d\":[{}]}",
    "{\"id\":\"reuters-1\",\"date\":null,\"spans\":[[0,12],[40,52]],\"ok\":true,\"no\":false}",
    "{\"z\":1,\"a\":2,\"m\":3}", /* the order given, not sorted */
    "[-1,0,9223372036854775807,-9223372036854775808]",
    "[0.5,1e300,-2.25,3.0,1.1]",
    "\"quote \\\" backslash \\\\ slash / tab \\t newline \\n return \\r\"",
    "\"\\b\\f\\u0001\\u001f\\u007f\"",
    "\"caf\\u00e9 \\u201cquoted\\u201d \\ud83d\\ude00 \\u2028\"",
    "{\"key \\\"with\\\" escapes\\n\":\"v\",\"\\u00e9\":[\"\\u0000\"]}",
};

START_TEST(documents_dump_as_jansson_does) {
  json_error_t e;
  json_t *v = json_loads(documents[_i], JSON_DECODE_ANY | JSON_ALLOW_NUL, &e);
  ck_assert_msg(v != NULL, "%s: %s", documents[_i], e.text);
  same_as_jansson(v);
}
END_TEST

START_TEST(every_byte_below_0x80_dumps_as_jansson_does) {
  char s[128];
  for (int i = 0; i < 128; i++) s[i] = (char)i;
  same_as_jansson(json_stringn(s, sizeof s));
  same_as_jansson(json_pack("{s:s#}", "all", s, sizeof s));
}
END_TEST

START_TEST(a_string_is_written_whole) {
  nf_buf b = NF_BUF_INIT;
  ck_assert_int_eq(nf_json_write_string(&b, "a\nb\"c\x01", 6), NF_OK);
  ck_assert_int_eq(b.len, strlen("\"a\\nb\\\"c\\u0001\""));
  ck_assert_int_eq(memcmp(b.data, "\"a\\nb\\\"c\\u0001\"", b.len), 0);
  ck_assert_uint_eq(nf_json_string_length("a\nb\"c\x01", 6), b.len);
  nf_buf_free(&b);
}
END_TEST

int main(void) {
  Suite *s = suite_create("json_write");
  TCase *t = tcase_create("dump");
  tcase_add_loop_test(t, documents_dump_as_jansson_does, 0,
                      (int)(sizeof documents / sizeof documents[0]));
  tcase_add_test(t, every_byte_below_0x80_dumps_as_jansson_does);
  tcase_add_test(t, a_string_is_written_whole);
  suite_add_tcase(s, t);
  return nf_test_main(s);
}
