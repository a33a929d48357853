/* The query parser for a schema.  Internal to the search layer. */
#ifndef NF_SEARCH_QUERY_H
#define NF_SEARCH_QUERY_H

#include "newsfields/countries.h"
#include "newsfields/schema.h"
#include "xapian/shim.h"

typedef struct nf_query_parser nf_query_parser;
typedef struct nf_agencies nf_agencies;

/* The tables that resolve field values; either may be NULL when the schema
 * has no field that needs it.  They must outlive the parser. */
typedef struct nf_query_tables {
  nf_countries *countries;     /* country: names, demonyms and codes */
  const nf_agencies *agencies; /* agency: variants */
} nf_query_tables;

/* A parser knowing every field of the schema; db may be NULL. */
nf_status nf_query_parser_new(const nf_schema *schema, nf_xdb *db, const char *language,
                              const nf_query_tables *tables, nf_query_parser **out, nf_error *err);
void nf_query_parser_free(nf_query_parser *qp);
nf_status nf_query_parser_parse(nf_query_parser *qp, const char *p, size_t n, nf_xquery **out,
                                nf_error *err);

#endif
