/* Dates as web pages write them, in text, in metadata and in URLs,
 * normalised to "YYYY-MM-DD". */
#include "html_date.h"

#include <stdlib.h>

#include "core/date.h"
#include "newsfields/date.h"

static int space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int digits(const char *p, size_t n, size_t *i, size_t count, int *out) {
  int v = 0;
  for (size_t k = 0; k < count; k++, ++*i) {
    if (*i >= n || p[*i] < '0' || p[*i] > '9') return 0;
    v = v * 10 + (p[*i] - '0');
  }
  *out = v;
  return 1;
}

/* January..December, or a cut of three letters or more ("Jan", "Sept"). */
int nf_html_month(const char *p, size_t n) {
  static const char *const months[] = {"january",   "february", "march",    "april",
                                       "may",       "june",     "july",     "august",
                                       "september", "october",  "november", "december"};
  if (n < 3) return 0;
  for (int i = 0; i < 12; i++) {
    size_t k = 0;
    while (k < n && months[i][k] && lower((unsigned char)p[k]) == months[i][k]) k++;
    if (k == n) return i + 1;
  }
  return 0;
}

static int alnum(char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* A date of the calendar (core/date.c's), in the years web pages date. */
static int valid(int y, int mo, int d) { return y >= 1900 && y <= 2200 && nf_date_valid(y, mo, d); }

static int put(int y, int mo, int d, char *out) {
  if (!valid(y, mo, d)) return 0;
  const int v[3] = {y, mo, d}, width[3] = {4, 2, 2};
  for (int k = 0; k < 3; k++) {
    for (int i = width[k] - 1, x = v[k]; i >= 0; i--, x /= 10) out[i] = (char)('0' + x % 10);
    out += width[k];
    *out++ = k < 2 ? '-' : '\0';
  }
  return 1;
}

int nf_html_date(const char *p, size_t n, char *out) {
  while (n && space((unsigned char)*p)) p++, n--;
  size_t i = 0;
  int y, mo, d;
  /* ISO 8601: 2020-01-19..., 2020/01/19, 20200119 */
  if (digits(p, n, &i, 4, &y)) {
    if (i < n && (p[i] == '-' || p[i] == '/' || p[i] == '.')) {
      char sep = p[i++];
      if (digits(p, n, &i, 2, &mo) && i < n && p[i++] == sep && digits(p, n, &i, 2, &d))
        return (i == n || !(p[i] >= '0' && p[i] <= '9')) && put(y, mo, d, out);
      return 0;
    }
    if (digits(p, n, &i, 2, &mo) && digits(p, n, &i, 2, &d))
      return (i == n || !(p[i] >= '0' && p[i] <= '9')) && put(y, mo, d, out);
    return 0;
  }
  /* words: "Sun, 19 Jan 2020", "January 19, 2020", "19 January 2020",
   * "Published: Mar 3, 2015 | 10:32 am", "am 29.12.2010" (day first when
   * dotted); punctuation and labels between them are passed over */
  int day = 0, month = 0, year = 0;
  i = 0;
  while (i < n && (month == 0 || day == 0 || year == 0)) {
    while (i < n && !alnum(p[i])) i++;
    size_t start = i;
    if (i < n && p[i] >= '0' && p[i] <= '9') {
      int v = 0;
      while (i < n && p[i] >= '0' && p[i] <= '9' && i - start < 5) v = v * 10 + (p[i++] - '0');
      if (i < n && p[i] == ':') break; /* a time: the date is over */
      size_t j = i + 1, k;
      int dm = 0, dy;
      for (k = j; k < n && k < j + 2 && p[k] >= '0' && p[k] <= '9'; k++) dm = dm * 10 + p[k] - '0';
      if (!day && !month && i - start <= 2 && i < n && p[i] == '.' && k > j && k < n &&
          p[k] == '.' && (j = k + 1, digits(p, n, &j, 4, &dy)) &&
          !(j < n && p[j] >= '0' && p[j] <= '9'))
        return put(dy, dm, v, out);
      if (i - start == 4)
        year = v;
      else if (i - start <= 2 && !day)
        day = v;
      else
        return 0;
      while (i < n && ((p[i] | 0x20) >= 'a' && (p[i] | 0x20) <= 'z')) i++; /* 19th */
    } else if (i < n) {
      while (i < n && ((p[i] | 0x20) >= 'a' && (p[i] | 0x20) <= 'z')) i++;
      int m = nf_html_month(p + start, i - start);
      if (i < n && p[i] >= '0' && p[i] <= '9') m = 0; /* "Bo2man": a word, no month */
      while (i < n && alnum(p[i])) i++;
      if (m && !month)
        month = m;
      else if (!m && i - start > 3 && month)
        return 0; /* a word after the month */
    }
  }
  return month && day && year && put(year, month, day, out);
}

/* A date in a URL's path: /2020/01/19/ or /2020/oct/02/; 1 when found. */
int nf_html_url_date(const char *u, size_t n, char *iso) {
  for (size_t i = 0; u && i + 9 <= n; i++) {
    if (u[i] != '/' || u[i + 5] != '/') continue;
    int year = 0, month = 0, day = 0;
    for (size_t k = i + 1; k < i + 5; k++)
      year = u[k] >= '0' && u[k] <= '9' ? year * 10 + u[k] - '0' : -1000000;
    size_t k = i + 6, w = k;
    while (w < n && w < k + 2 && u[w] >= '0' && u[w] <= '9') month = month * 10 + u[w++] - '0';
    if (w == k) { /* a month named: /2020/oct/02/ */
      while (w < n && w < k + 9 && ((u[w] | 0x20) >= 'a' && (u[w] | 0x20) <= 'z')) w++;
      month = w - k >= 3 ? nf_html_month(u + k, w - k) : 0;
    }
    if (!month || w >= n || u[w] != '/') continue;
    size_t e = w + 1;
    while (e < n && e < w + 3 && u[e] >= '0' && u[e] <= '9') day = day * 10 + u[e++] - '0';
    if (e == w + 1 || (e < n && u[e] >= '0' && u[e] <= '9')) continue;
    if (put(year, month, day, iso)) return 1;
  }
  return 0;
}

long nf_html_day_number(const char *iso) {
  return nf_date_day_number(atoi(iso), atoi(iso + 5), atoi(iso + 8));
}
