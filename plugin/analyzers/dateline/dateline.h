/* The dateline analyzer, for the list of built-ins (analyzers/builtins.c). */
#ifndef NF_DATELINE_DATELINE_H
#define NF_DATELINE_DATELINE_H

#include "newsfields/analyzer.h"

extern const nf_analyzer_v2 nf_dateline_analyzer;

#endif
