/* The query parser for a schema.  Internal to the search layer. */
#ifndef NF_SEARCH_QUERY_H
#define NF_SEARCH_QUERY_H

#include "newsfields/schema.h"
#include "xapian/shim.h"

typedef struct nf_query_parser nf_query_parser;

/* A parser knowing every field of the schema, each normalised by its kind;
 * db may be NULL.  The schema must outlive the parser. */
nf_status nf_query_parser_new(const nf_schema *schema, nf_xdb *db, const char *language,
                              nf_query_parser **out, nf_error *err);
/* The same fields added to a caller's Xapian::QueryParser (a
 * Xapian::QueryParser *, see nf_xqp_wrap); free the parser only after the
 * caller's is no longer used. */
nf_status nf_query_parser_wrap(const nf_schema *schema, void *xapian_queryparser,
                               nf_query_parser **out, nf_error *err);
/* The term field:value looks up (a field of kind mode NF_KIND_TERMS):
 * NF_ERR_QUERY naming the field when the kind knows no key for the value. */
nf_status nf_query_field_term(const nf_field *f, const char *value, size_t n, char **term,
                              size_t *term_len, nf_error *err);
void nf_query_parser_free(nf_query_parser *qp);

/* A field:value of boolean terms the last parse read (a field processor's
 * work, so not kept for a caller's parser of nf_query_parser_wrap, whose
 * parses are its own): for the suggestions when nothing matches. */
typedef struct nf_query_filter {
  const nf_field *field;
  char *value; /* as the query wrote it */
  char *term;  /* the term it looks up, prefix included */
  size_t term_len;
} nf_query_filter;
size_t nf_query_parser_filter_count(const nf_query_parser *qp);
const nf_query_filter *nf_query_parser_filter(const nf_query_parser *qp, size_t i);
nf_status nf_query_parser_parse(nf_query_parser *qp, const char *p, size_t n, nf_xquery **out,
                                nf_error *err);

#endif
