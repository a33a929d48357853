/* The query parser for a schema.  Internal to layer 6. */
#ifndef NF_SEARCH_QUERY_H
#define NF_SEARCH_QUERY_H

#include "newsfields/schema.h"
#include "xapian/shim.h"

/* A parser knowing every field of the schema; db may be NULL. */
nf_status nf_query_parser_new(const nf_schema *schema, nf_xdb *db, const char *language,
                              nf_xqp **out, nf_error *err);

#endif
