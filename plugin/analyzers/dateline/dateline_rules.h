/* The shape of a dateline, token by token.  Internal to the dateline
 * analyzer.
 *
 *   PLACE [, REGION]... [,] [DATE] [(AGENCY)] [, AGENCY] [,] DASH
 *   PLACE [, REGION]... ISO-DATE <end of line>
 *
 * PLACE and REGION are capitalized words (with hyphens, "ST." and lower-case
 * particles inside: "RIO DE JANEIRO"); DATE is "Dec 20", "Jan. 5",
 * "March 3, 2022" or "1996-08-30"; DASH is any dash ("-", "--", "–", "—").
 * The shape alone does not make a dateline: the analyzer also asks how sure
 * it can be (nf_dateline_shape's flags) and what the place is. */
#ifndef NF_DATELINE_DATELINE_RULES_H
#define NF_DATELINE_DATELINE_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "analysis/tokens.h"
#include "gazetteer/agencies.h"

#define NF_DATELINE_MAX_REGIONS 3

enum {
  NF_DL_PLACE_CAPS = 1u << 0,   /* every place word in capitals: VILNIUS */
  NF_DL_PLACE_LOWER = 1u << 1,  /* a word in lower case: "sioux falls", "New york" */
  NF_DL_AGENCY_KNOWN = 1u << 2, /* the agency is in the agency table */
  NF_DL_CAPS_AFTER = 1u << 3,   /* capitals go on after the dash: a headline */
  NF_DL_DASH = 1u << 4,         /* ended by a dash (else by the end of the line) */
  NF_DL_SPACED = 1u << 5,       /* a space before the dash ("SIEGEL--Jerome" has none) */
  NF_DL_GARBLED = 1u << 6       /* a date the wire garbled: "Narch 2 -" (no date kept) */
};

typedef struct nf_dateline_shape {
  size_t place_b, place_e; /* tokens [place_b, place_e) */
  size_t region_b[NF_DATELINE_MAX_REGIONS], region_e[NF_DATELINE_MAX_REGIONS];
  size_t nregions;
  size_t place_words;
  int year, month, day;      /* 0 when not written */
  size_t agency_b, agency_e; /* agency_b == agency_e: none */
  const char *agency;        /* canonical, when known */
  uint32_t start, end;       /* bytes: from the place to the dash (or the date) */
  size_t next;               /* the first token after the dateline */
  unsigned flags;            /* NF_DL_* */
} nf_dateline_shape;

/* The dateline that starts at token i (a line start), if the tokens have its
 * shape: 1 and *out filled, else 0. */
int nf_dateline_shape_at(const nf_toks *k, size_t i, const nf_agencies *agencies,
                         nf_dateline_shape *out);

/* The month a word names ("Dec", "dec.", "DECEMBER", "Sept."), 1..12, or 0. */
int nf_month_of(const char *folded);

#endif
