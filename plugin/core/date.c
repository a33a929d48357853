/* ISO 8601 calendar dates. */
#include "newsfields/date.h"

#include <ctype.h>

#include "date.h"

int nf_date_days_in_month(int year, int month) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return days[month - 1] + (month == 2 && leap);
}

long nf_date_day_number(int year, int month, int day) {
  if (month < 3) year--, month += 12;
  return 365L * year + year / 4 - year / 100 + year / 400 + (153 * (month - 3) + 2) / 5 + day - 1;
}

int nf_date_valid(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return 0;
  return day <= nf_date_days_in_month(year, month);
}

/* Reads exactly `width` digits at *i. */
static int digits(const char *p, size_t n, size_t *i, int width, int *out) {
  int v = 0;
  for (int k = 0; k < width; k++, (*i)++) {
    if (*i >= n || !isdigit((unsigned char)p[*i])) return 0;
    v = v * 10 + (p[*i] - '0');
  }
  *out = v;
  return 1;
}

/* A time part: [T or space]HH:MM[:SS[.frac]][Z|+HH:MM|-HH:MM|+HHMM]. */
static int valid_time(const char *p, size_t n, size_t i) {
  if (i == n) return 1;
  if (p[i] != 'T' && p[i] != 't' && p[i] != ' ') return 0;
  i++;
  int h, m, s;
  if (!digits(p, n, &i, 2, &h) || i >= n || p[i++] != ':' || !digits(p, n, &i, 2, &m)) return 0;
  if (h > 24 || m > 59) return 0;
  if (i < n && p[i] == ':') {
    i++;
    if (!digits(p, n, &i, 2, &s) || s > 60) return 0;
    if (i < n && (p[i] == '.' || p[i] == ',')) {
      i++;
      if (i >= n || !isdigit((unsigned char)p[i])) return 0;
      while (i < n && isdigit((unsigned char)p[i])) i++;
    }
  }
  if (i == n) return 1;
  if ((p[i] == 'Z' || p[i] == 'z') && i + 1 == n) return 1;
  if (p[i] != '+' && p[i] != '-') return 0;
  i++;
  if (!digits(p, n, &i, 2, &h)) return 0;
  if (i < n && p[i] == ':') i++;
  if (i < n && !digits(p, n, &i, 2, &m)) return 0;
  return i == n;
}

nf_status nf_date_parse_iso(const char *p, size_t n, nf_date *out, nf_error *err) {
  size_t i = 0;
  nf_date d = {0, 0, 0};
  int ok = digits(p, n, &i, 4, &d.year);
  if (ok && i < n && p[i] == '-') {
    i++;
    ok = digits(p, n, &i, 2, &d.month) && i < n && p[i++] == '-' && digits(p, n, &i, 2, &d.day);
  } else if (ok) {
    ok = digits(p, n, &i, 2, &d.month) && digits(p, n, &i, 2, &d.day);
  }
  ok = ok && nf_date_valid(d.year, d.month, d.day) && valid_time(p, n, i);
  if (!ok) {
    int shown = n > 40 ? 40 : (int)n;
    return nf_error_set(err, NF_ERR_PARSE, "date '%.*s%s' is not an ISO 8601 date (YYYY-MM-DD)",
                        shown, p, n > 40 ? "..." : "");
  }
  *out = d;
  return NF_OK;
}

/* Writes v as exactly `width` digits. */
static char *put_digits(char *p, unsigned v, int width) {
  for (int i = width - 1; i >= 0; i--, v /= 10) p[i] = (char)('0' + v % 10);
  return p + width;
}

void nf_date_compact(const nf_date *d, char *buf) {
  char *p = put_digits(buf, (unsigned)d->year, 4);
  p = put_digits(p, (unsigned)d->month, 2);
  p = put_digits(p, (unsigned)d->day, 2);
  *p = '\0';
}

void nf_date_iso(const nf_date *d, char *buf) {
  char *p = put_digits(buf, (unsigned)d->year, 4);
  *p++ = '-';
  p = put_digits(p, (unsigned)d->month, 2);
  *p++ = '-';
  p = put_digits(p, (unsigned)d->day, 2);
  *p = '\0';
}
