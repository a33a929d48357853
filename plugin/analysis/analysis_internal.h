/* The nf_analysis of one article, for the pipeline.  Private to the analysis
 * layer. */
#ifndef NF_ANALYSIS_INTERNAL_H
#define NF_ANALYSIS_INTERNAL_H

#include <stdint.h>

#include "newsfields/analyzer.h"

/* Forget the previous article and take this one: its date is parsed and its
 * text tokenized.  A bad date is NF_ERR_PARSE. */
nf_status nf_analysis_begin(nf_analysis *a, const nf_article *article, nf_error *err);

/* The types the running analyzer may emit and read (bit t for type t); all
 * of them between runs. */
void nf_analysis_allow(nf_analysis *a, uint64_t provides, uint64_t reads);
#define NF_ALL_TYPES UINT64_MAX

#endif
