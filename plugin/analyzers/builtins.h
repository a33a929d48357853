/* The built-in analyzers' definitions.  Internal. */
#ifndef NF_ANALYZERS_BUILTINS_H
#define NF_ANALYZERS_BUILTINS_H

#include "newsfields/analyzer.h"

extern const nf_analyzer_v1 nf_country_analyzer;
extern const nf_analyzer_v1 nf_dateline_analyzer;
extern const nf_analyzer_v1 nf_byline_analyzer;
extern const nf_analyzer_v1 nf_official_analyzer;
extern const nf_analyzer_v1 nf_speaker_analyzer;

#endif
