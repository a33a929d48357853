/* The title normaliser: one form for every way a title is written or asked
 * for, and the keys it is indexed under. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "fields/titles.h"
#include "testutil.h"

static const struct {
  const char *title, *want;
} rows[] = {
    /* one spelling, modifiers before the head */
    {"Defense Minister", "defense minister"},
    {"Defence Minister", "defense minister"},
    {"Minister of Defense", "defense minister"},
    {"minister of national defence", "defense minister"},
    {"Secretary of Defense", "defense secretary"},
    {"Defense Secretary", "defense secretary"},
    {"Secretary of the Treasury", "treasury secretary"},
    {"Treasury Secretary", "treasury secretary"},
    {"Secretary of Trade and Industry", "trade and industry secretary"},
    {"Trade and Industry Secretary", "trade and industry secretary"},
    {"Minister for Foreign Affairs", "foreign minister"},
    {"Foreign Affairs Minister", "foreign minister"},
    {"foreign minister", "foreign minister"},
    {"Deputy Minister of Foreign Affairs", "deputy foreign minister"},
    {"Minister of Internal Affairs", "interior minister"},
    /* titles that keep "of" */
    {"Secretary of State", "secretary of state"},
    {"Undersecretary of State", "undersecretary of state"},
    {"Under Secretary of State", "undersecretary of state"},
    {"Under-Secretary of State", "undersecretary of state"},
    {"Chief of Staff", "chief of staff"},
    {"Secretary of State for Defence", "defense secretary"}, /* UK */
    /* states of an office are not the office */
    {"former Prime Minister", "prime minister"},
    {"then-Defense Secretary", "defense secretary"},
    {"acting Attorney General", "attorney general"},
    {"the newly appointed ambassador", "ambassador"},
    /* one word for one office */
    {"spokeswoman", "spokesperson"},
    {"Spokesman", "spokesperson"},
    {"chairwoman", "chair"},
    {"Chief Executive Officer", "chief executive"},
    {"CEO", "chief executive"},
    {"Gen.", "general"},
    {"Sen.", "senator"},
    {"Secretary-General", "secretary general"},
    {"Vice-President", "vice president"},
    /* plurals of the head */
    {"defense ministers", "defense minister"},
    {"Secretaries of State", "secretary of state"},
    {"foreign ministries", "foreign ministry"},
    /* case and accents */
    {"MINISTRE DE LA DÉFENSE", "ministre de la defense"},
    {"", ""},
    {"the", ""},
};

START_TEST(normalise_rows) {
  nf_buf out = NF_BUF_INIT;
  ck_assert_int_eq(nf_title_normalize(rows[_i].title, strlen(rows[_i].title), &out, NULL), NF_OK);
  ck_assert_msg(strcmp(nf_buf_str(&out), rows[_i].want) == 0, "'%s': got '%s', want '%s'",
                rows[_i].title, nf_buf_str(&out), rows[_i].want);
  /* normalising twice changes nothing: index values are normalised again */
  nf_buf again = NF_BUF_INIT;
  ck_assert_int_eq(nf_title_normalize(out.data ? out.data : "", out.len, &again, NULL), NF_OK);
  ck_assert_str_eq(nf_buf_str(&again), nf_buf_str(&out));
  nf_buf_free(&again);
  nf_buf_free(&out);
}
END_TEST

static nf_status collect(void *ctx, const char *key, size_t n) {
  nf_buf *b = ctx;
  if (b->len) nf_buf_append_char(b, '|');
  return nf_buf_append(b, key, n);
}

static const struct {
  const char *title, *keys;
} key_rows[] = {
    {"Defence Minister", "defense minister|minister"},
    {"Minister of Defense", "defense minister|minister"},
    {"minister", "minister"},
    {"Undersecretary of State", "undersecretary of state|undersecretary"},
    {"Chief of Staff", "chief of staff|chief"},
    {"Prime Minister", "prime minister|minister"},
    {"", ""},
};

START_TEST(key_rows_test) {
  nf_buf got = NF_BUF_INIT, title = NF_BUF_INIT;
  size_t head;
  ck_assert_int_eq(
      nf_title_normalize(key_rows[_i].title, strlen(key_rows[_i].title), &title, &head), NF_OK);
  ck_assert_int_eq(nf_title_normal_keys(title.data, title.len, head, collect, &got), NF_OK);
  nf_buf_free(&title);
  ck_assert_msg(strcmp(nf_buf_str(&got), key_rows[_i].keys) == 0, "'%s': got '%s', want '%s'",
                key_rows[_i].title, nf_buf_str(&got), key_rows[_i].keys);
  nf_buf_free(&got);
}
END_TEST

START_TEST(invalid_utf8_and_long_input) {
  nf_buf out = NF_BUF_INIT;
  ck_assert_int_eq(nf_title_normalize("Minister \xff", 10, &out, NULL), NF_OK);
  /* longer than any title: folded on the heap, words past the limit dropped */
  size_t n = 5000;
  char *big = malloc(n + 1);
  for (size_t i = 0; i < n; i++) big[i] = i % 10 == 9 ? ' ' : 'a';
  big[n] = '\0';
  ck_assert_int_eq(nf_title_normalize(big, n, &out, NULL), NF_OK);
  ck_assert(out.len > 0);
  free(big);
  nf_buf_free(&out);
}
END_TEST

int main(void) {
  Suite *s = suite_create("titles");
  TCase *tc = tcase_create("titles");
  tcase_add_loop_test(tc, normalise_rows, 0, sizeof rows / sizeof *rows);
  tcase_add_loop_test(tc, key_rows_test, 0, sizeof key_rows / sizeof *key_rows);
  tcase_add_test(tc, invalid_utf8_and_long_input);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
