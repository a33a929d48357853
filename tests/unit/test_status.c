/* Status codes and the error object. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "newsfields/status.h"

START_TEST(strerror_covers_every_status) {
  for (int s = NF_OK; s <= NF_ERR_TIMEOUT; s++) {
    const char *m = nf_strerror((nf_status)s);
    ck_assert_ptr_nonnull(m);
    ck_assert_str_ne(m, "unknown status");
  }
  ck_assert_str_eq(nf_strerror((nf_status)999), "unknown status");
}
END_TEST

START_TEST(error_set_at_formats_file_and_line) {
  nf_error err;
  nf_error_clear(&err);
  nf_status s = nf_error_set_at(&err, NF_ERR_PARSE, "in.jsonl", 7, "bad %s", "json");
  ck_assert_int_eq(s, NF_ERR_PARSE);
  ck_assert_int_eq(err.status, NF_ERR_PARSE);
  char buf[256];
  ck_assert_str_eq(nf_error_format(&err, buf, sizeof buf), "in.jsonl:7: bad json");
  nf_error_set_at(&err, NF_ERR_IO, "f.txt", 0, "gone");
  ck_assert_str_eq(nf_error_format(&err, buf, sizeof buf), "f.txt: gone");
  nf_error_set(&err, NF_ERR_QUERY, "no such field");
  ck_assert_str_eq(nf_error_format(&err, buf, sizeof buf), "no such field");
}
END_TEST

START_TEST(null_error_object_is_accepted) {
  ck_assert_int_eq(nf_error_set(NULL, NF_ERR_IO, "x"), NF_ERR_IO);
  ck_assert_int_eq(nf_error_set_at(NULL, NF_ERR_IO, "f", 1, "x"), NF_ERR_IO);
  nf_error_clear(NULL);
}
END_TEST

START_TEST(long_messages_are_truncated_not_overflowed) {
  nf_error err;
  char big[4000];
  memset(big, 'a', sizeof big - 1);
  big[sizeof big - 1] = '\0';
  nf_error_set_at(&err, NF_ERR_PARSE, big, 3, "%s", big);
  ck_assert_uint_eq(strlen(err.message), NF_ERROR_MESSAGE_MAX - 1);
  ck_assert_uint_eq(strlen(err.where), NF_ERROR_WHERE_MAX - 1);
}
END_TEST

int main(void) {
  Suite *s = suite_create("status");
  TCase *tc = tcase_create("status");
  tcase_add_test(tc, strerror_covers_every_status);
  tcase_add_test(tc, error_set_at_formats_file_and_line);
  tcase_add_test(tc, null_error_object_is_accepted);
  tcase_add_test(tc, long_messages_are_truncated_not_overflowed);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
