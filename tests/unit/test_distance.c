/* The edit distance behind "did you mean": swaps count one, code points not
 * bytes, and the bound on how far a suggestion may be. */
#include <check.h>
#include <string.h>

#include "testutil.h"
#include "text/distance.h"

static const struct {
  const char *a, *b;
  size_t limit, want;
} rows[] = {
    {"austin", "austin", 2, 0},
    {"miyazwa", "miyazawa", 2, 1},      /* a letter left out */
    {"speakr", "speaker", 2, 1},        /* the same */
    {"baekr", "baker", 2, 1},           /* two neighbours swapped: one edit */
    {"irak", "iraq", 2, 1},             /* one changed */
    {"persia", "serbia", 1, 2},         /* over the limit: limit + 1 */
    {"persia", "serbia", 2, 2},         /* within it */
    {"anušauskas", "anusauskas", 2, 1}, /* š is one code point, two bytes */
    {"", "eu", 2, 2},
    {"eu", "peru", 1, 2},
    {"abc", "cba", 3, 2},
};

START_TEST(distances) {
  size_t d = nf_edit_distance(rows[_i].a, strlen(rows[_i].a), rows[_i].b, strlen(rows[_i].b),
                              rows[_i].limit);
  ck_assert_msg(d == rows[_i].want, "%s/%s: %zu, want %zu", rows[_i].a, rows[_i].b, d,
                rows[_i].want);
}
END_TEST

START_TEST(bytes_that_are_not_utf8_are_one_each) {
  ck_assert_uint_eq(nf_edit_distance("a\xff", 2, "a\xfe", 2, 2), 1);
  ck_assert_uint_eq(nf_edit_distance("\xe2\x80", 2, "x", 1, 3), 2); /* cut short: two bytes */
}
END_TEST

START_TEST(the_limit_grows_with_the_length) {
  ck_assert_uint_eq(nf_suggest_limit(2), 0); /* EU */
  ck_assert_uint_eq(nf_suggest_limit(3), 0);
  ck_assert_uint_eq(nf_suggest_limit(4), 1); /* Irak */
  ck_assert_uint_eq(nf_suggest_limit(7), 1); /* Miyazwa */
  ck_assert_uint_eq(nf_suggest_limit(8), 2);
  ck_assert_uint_eq(nf_utf8_length("anušauskas", strlen("anušauskas")), 10);
}
END_TEST

int main(void) {
  Suite *s = suite_create("distance");
  TCase *tc = tcase_create("distance");
  tcase_add_loop_test(tc, distances, 0, sizeof rows / sizeof rows[0]);
  tcase_add_test(tc, bytes_that_are_not_utf8_are_one_each);
  tcase_add_test(tc, the_limit_grows_with_the_length);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
