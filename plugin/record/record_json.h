/* The record's JSON object, for the analyzers that add their keys to it. */
#ifndef NF_RECORD_RECORD_JSON_H
#define NF_RECORD_RECORD_JSON_H

#include <jansson.h>

#include "newsfields/record.h"

/* The object `extract` prints; analyzers set their own keys on it.  Owned by
 * the record; valid until the next nf_record_begin. */
json_t *nf_record_json(nf_record *rec);

#endif
