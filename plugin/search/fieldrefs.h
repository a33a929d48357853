/* The fields a query names, checked before Xapian reads it.  Internal to the
 * search layer. */
#ifndef NF_SEARCH_FIELDREFS_H
#define NF_SEARCH_FIELDREFS_H

#include <stddef.h>

#include "newsfields/schema.h"
#include "newsfields/status.h"

/* NF_ERR_QUERY, listing the schema's fields, for a field the schema does
 * not have (`speakr:Baker`, `Country:Japan`: with the field meant when one
 * is close) or one with no value (`speaker:`, `speaker: Baker`), which
 * Xapian would search as words.  A field is a word of ASCII letters (then
 * letters, digits or '_') where a word starts (the query's start, after a
 * space, '(', '+' or '-'), outside quotes, and its ':'; an unknown word is
 * taken for a field only when its ':' is followed by a value or the end:
 * "Note: the meeting", "10:30" and "http://..." stay text. */
nf_status nf_query_check_fields(const nf_schema *schema, const char *q, size_t n, nf_error *err);

#endif
