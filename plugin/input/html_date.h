/* Dates as web pages write them, normalised to "YYYY-MM-DD".  Internal to
 * the HTML reader. */
#ifndef NF_INPUT_HTML_DATE_H
#define NF_INPUT_HTML_DATE_H

#include <stddef.h>

/* A date as the page writes it ("2020-01-19T10:00:00-05:00", "20200119",
 * "January 19, 2020", "19 Jan 2020", "Sun, 19 Jan 2020 10:00:00 GMT",
 * "Published: Jan. 19, 2020 | 10:32 am", "am 19.01.2020, 13:36 Uhr") as
 * "YYYY-MM-DD" in out (11 bytes); 0 when it is not a date. */
int nf_html_date(const char *p, size_t n, char *out);

/* A date in a URL's path (/2020/01/19/, /2017/7/12/, /2020/oct/02/) into
 * iso (11 bytes); 0 when there is none. */
int nf_html_url_date(const char *u, size_t n, char *iso);

/* The month (1..12) that p[0..n) names, in full or cut to three letters or
 * more ("Jan", "Sept"), case aside; 0 when none. */
int nf_html_month(const char *p, size_t n);

/* The day number of a "YYYY-MM-DD" date (days since 0000-03-01). */
long nf_html_day_number(const char *iso);

#endif
