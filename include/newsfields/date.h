/* newsfields — calendar dates as the index stores them (YYYYMMDD). */
#ifndef NEWSFIELDS_DATE_H
#define NEWSFIELDS_DATE_H

#include <stddef.h>

#include "newsfields/export.h"
#include "newsfields/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nf_date {
  int year;  /* 1 .. 9999 */
  int month; /* 1 .. 12 */
  int day;   /* 1 .. days in the month */
} nf_date;

/* ISO 8601: YYYY-MM-DD or YYYYMMDD, optionally followed by a time
 * ("T10:00:00Z", " 10:00", "T10:00:00.5+02:00"), which is ignored.
 * NF_ERR_PARSE with a message quoting the text when it is not such a date. */
NF_API nf_status nf_date_parse_iso(const char *p, size_t n, nf_date *out, nf_error *err);
/* 1 if the date exists in the Gregorian calendar. */
NF_API int nf_date_valid(int year, int month, int day);
/* "YYYYMMDD" into buf (at least 9 bytes). */
NF_API void nf_date_compact(const nf_date *d, char *buf);
/* "YYYY-MM-DD" into buf (at least 11 bytes). */
NF_API void nf_date_iso(const nf_date *d, char *buf);

#ifdef __cplusplus
}
#endif
#endif
