/* Where bylines and credits are in the token stream, and which tokens are
 * the names and organisations in them.  Internal to the byline analyzer.
 *
 * Bylines (each on a line of its own, near the top unless said otherwise):
 *   By Jane Doe | By JANE DOE and JOHN ROE, Associated Press
 *   by Janie Gabbett, Reuters | By Pablo Rivas, AP Sports Writer
 *   Written by Jane Doe | Reported by ... | Author: Jane Doe | Authors: ...
 *   Jane Doe | Reuters
 *   Jane Doe                      (a name alone on the line before the dateline)
 *   (Reporting by X in Vilnius and Y; Additional reporting by Z;
 *    Writing by W; Editing by E)  (anywhere: the wire's closing credit line)
 * Credits (anywhere, never bylines):
 *   Photo: A.Pliadis/Lithuania Ministry of Defense | Photograph: X/Reuters
 *   (Photo by Jean-Marc Rivière/AFP) | REUTERS/Ints Kalnins | (AP Photo/X)
 *   Photo credit: ... | Image: ... | Picture: ... | Courtesy of ... */
#ifndef NF_BYLINE_BYLINE_RULES_H
#define NF_BYLINE_BYLINE_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "analysis/tokens.h"
#include "gazetteer/agencies.h"

typedef enum nf_byline_role { NF_ROLE_AUTHOR, NF_ROLE_REPORTER, NF_ROLE_EDITOR } nf_byline_role;

/* A person or an organisation found: tokens of the name and of the
 * organisation (b == e: none). */
typedef struct nf_byline_item {
  size_t name_b, name_e;
  size_t org_b, org_e;
  const char *agency; /* the organisation is this agency (canonical), or NULL */
  uint8_t role;       /* nf_byline_role (bylines only) */
  uint8_t lower;      /* the name was written in lower case */
} nf_byline_item;

#define NF_BYLINE_MAX_ITEMS 32

/* The bylines of the text.  dateline_start is the byte offset of the
 * dateline (UINT32_MAX: none), for the name alone on the line before it.
 * Returns the number of items written to out (at most max). */
size_t nf_bylines_find(const nf_toks *k, const nf_agencies *agencies, uint32_t dateline_start,
                       nf_byline_item *out, size_t max);

/* The credits of the text (role unused). */
size_t nf_credits_find(const nf_toks *k, const nf_agencies *agencies, nf_byline_item *out,
                       size_t max);

/* Whether p[0..n) has a word that makes it an organisation ("Press",
 * "Ministry", "Times"): for the `author` metadata. */
int nf_org_name(const char *p, size_t n);

/* A name or organisation as one string: the tokens' text with one space
 * where the text has space, "A.Pliadis" made "A. Pliadis".  Returns the
 * length written to out (NUL-terminated), 0 when it does not fit. */
size_t nf_tokens_text(const nf_toks *k, size_t b, size_t e, char *out, size_t cap);

#endif
