/* ISO 8601 dates as the index stores them. */
#include <check.h>
#include <string.h>

#include "core/date.h"
#include "newsfields/date.h"
#include "testutil.h"

static const struct {
  const char *in;
  const char *compact; /* NULL: an error */
} rows[] = {
    {"2021-12-20", "20211220"},
    {"20211220", "20211220"},
    {"2021-12-20T10:00:00Z", "20211220"},
    {"2021-12-20T10:00:00.123+02:00", "20211220"},
    {"2021-12-20 10:00", "20211220"},
    {"2021-12-20T23:59:60-0500", "20211220"},
    {"2024-02-29", "20240229"},
    {"2000-02-29", "20000229"},
    {"0001-01-01", "00010101"},
    {"1900-02-29", NULL},
    {"2023-02-29", NULL},
    {"2021-13-01", NULL},
    {"2021-00-10", NULL},
    {"2021-04-31", NULL},
    {"2021-12", NULL},
    {"2021", NULL},
    {"21-12-20", NULL},
    {"2021/12/20", NULL},
    {"Dec 20, 2021", NULL},
    {"2021-12-20T", NULL},
    {"2021-12-20T25:00", NULL},
    {"2021-12-20x", NULL},
    {"", NULL},
};

START_TEST(parse_rows) {
  nf_date d;
  nf_error err;
  nf_error_clear(&err);
  nf_status s = nf_date_parse_iso(rows[_i].in, strlen(rows[_i].in), &d, &err);
  if (!rows[_i].compact) {
    ck_assert_msg(s == NF_ERR_PARSE, "'%s' should not parse", rows[_i].in);
    ck_assert(nf_test_contains(err.message, "is not an ISO 8601 date"));
    return;
  }
  ck_assert_msg(s == NF_OK, "'%s': %s", rows[_i].in, err.message);
  char buf[9];
  nf_date_compact(&d, buf);
  ck_assert_str_eq(buf, rows[_i].compact);
}
END_TEST

START_TEST(iso_form_and_error_text) {
  nf_date d = {2021, 3, 4};
  char buf[11];
  nf_date_iso(&d, buf);
  ck_assert_str_eq(buf, "2021-03-04");
  nf_error err;
  nf_date_parse_iso("yesterday", 9, &d, &err);
  ck_assert_str_eq(err.message, "date 'yesterday' is not an ISO 8601 date (YYYY-MM-DD)");
}
END_TEST

START_TEST(calendar_arithmetic) {
  ck_assert_int_eq(nf_date_days_in_month(2024, 2), 29);
  ck_assert_int_eq(nf_date_days_in_month(1900, 2), 28);
  ck_assert_int_eq(nf_date_days_in_month(2000, 2), 29);
  ck_assert_int_eq(nf_date_days_in_month(0, 2), 29);
  ck_assert_int_eq(nf_date_days_in_month(2021, 4), 30);
  ck_assert_int_eq(nf_date_days_in_month(2021, 12), 31);
  ck_assert_int_eq(nf_date_day_number(0, 3, 1), 0);
  ck_assert_int_eq(nf_date_day_number(2022, 1, 1) - nf_date_day_number(2021, 12, 31), 1);
  ck_assert_int_eq(nf_date_day_number(2024, 3, 1) - nf_date_day_number(2024, 2, 28), 2);
  ck_assert_int_eq(nf_date_day_number(2022, 1, 1) - nf_date_day_number(2021, 1, 1), 365);
}
END_TEST

int main(void) {
  Suite *s = suite_create("date");
  TCase *tc = tcase_create("date");
  tcase_add_loop_test(tc, parse_rows, 0, (int)(sizeof rows / sizeof rows[0]));
  tcase_add_test(tc, iso_form_and_error_text);
  tcase_add_test(tc, calendar_arithmetic);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
