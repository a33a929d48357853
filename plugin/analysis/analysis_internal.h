/* The nf_analysis of one article, for the pipeline.  Internal. */
#ifndef NF_ANALYSIS_ANALYSIS_INTERNAL_H
#define NF_ANALYSIS_ANALYSIS_INTERNAL_H

#include "newsfields/analyzer.h"

/* Forget the previous article and analyse this one's text. */
nf_status nf_analysis_begin(nf_analysis *a, nf_record *rec, const char *text, size_t n,
                            nf_error *err);

#endif
