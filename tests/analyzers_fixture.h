/* The built-in analyzers over one article at a time, for the analyzer tests. */
#ifndef NF_TEST_ANALYZERS_FIXTURE_H
#define NF_TEST_ANALYZERS_FIXTURE_H

#include <jansson.h>

#include "newsfields/analyzer.h"
#include "newsfields/record.h"

/* A registry and pipeline of the built-ins (data from the source schema
 * directory), an analysis and a record; asserts that each is made. */
void nf_test_analyzers_open(nf_registry **reg, nf_pipeline **pipeline, nf_analysis **an,
                            nf_record **rec);
void nf_test_analyzers_close(nf_registry *reg, nf_pipeline *pipeline, nf_analysis *an,
                             nf_record *rec);
/* Analyse text as the article "t" (no date, no metadata); the text must
 * stay in place while the record is read. */
void nf_test_analyzers_run(const nf_pipeline *pipeline, nf_analysis *an, nf_record *rec,
                           const char *text);
/* The same, with the article's date ("1987-03-12"; NULL: none). */
void nf_test_analyzers_run_dated(const nf_pipeline *pipeline, nf_analysis *an, nf_record *rec,
                                 const char *text, const char *date);
/* The record as JSON; the caller json_decref()s it. */
json_t *nf_test_record_json(const nf_record *rec);

/* The values a field with this source ("speaker", "official.country") has
 * in the record, each followed by ';' (malloc'd); reg names the types (NULL:
 * the built-in ones). */
char *nf_test_field_values(nf_registry *reg, const nf_record *rec, const char *source);

#endif
