/* The query parser for a schema.  Internal to layer 6. */
#ifndef NF_SEARCH_QUERY_H
#define NF_SEARCH_QUERY_H

#include "newsfields/countries.h"
#include "newsfields/schema.h"
#include "xapian/shim.h"

typedef struct nf_query_parser nf_query_parser;

/* A parser knowing every field of the schema; db may be NULL; countries
 * (which may be NULL when the schema has no country field) resolves
 * country: values and must outlive the parser. */
nf_status nf_query_parser_new(const nf_schema *schema, nf_xdb *db, const char *language,
                              nf_countries *countries, nf_query_parser **out, nf_error *err);
void nf_query_parser_free(nf_query_parser *qp);
nf_status nf_query_parser_parse(nf_query_parser *qp, const char *p, size_t n, nf_xquery **out,
                                nf_error *err);

#endif
