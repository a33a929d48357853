/* Calendar arithmetic for the layers above (the public part is
 * newsfields/date.h): date.c is the one place that knows the Gregorian
 * calendar.  Internal. */
#ifndef NF_CORE_DATE_H
#define NF_CORE_DATE_H

#ifdef __cplusplus
extern "C" {
#endif

/* The days in month (1 .. 12) of year; year 0 is a leap year, as in the
 * proleptic Gregorian calendar. */
int nf_date_days_in_month(int year, int month);
/* The days since 0000-03-01: two dates' difference in days. */
long nf_date_day_number(int year, int month, int day);

#ifdef __cplusplus
}
#endif
#endif
