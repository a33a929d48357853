/* The short name of an organisation, shared by the speaker analyzer (the
 * value of a "body" result) and the `org` field kind (its keys): "the",
 * legal-form suffixes (Inc, Corp, Co, Ltd, plc, AG, SA, NV, SpA, GmbH ...)
 * and "and Co" dropped, so that "Texaco Inc", "Texaco Inc." and "Texaco"
 * are one organisation.  The rules are code: an index and its queries must
 * agree whatever the data files say.  Internal. */
#ifndef NF_FIELDS_ORGS_H
#define NF_FIELDS_ORGS_H

#include <stddef.h>

/* The short name inside p[0..n): *start and *len get its bytes (never
 * empty when p has a word: "Inc" alone stays "Inc"). */
void nf_org_short(const char *p, size_t n, size_t *start, size_t *len);

/* 1 when p[0..n) is a legal-form suffix alone ("Inc", "Corp.", "plc"). */
int nf_org_is_suffix(const char *p, size_t n);

#endif
