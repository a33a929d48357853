/* The byline analyzer, for the list of built-ins (analyzers/builtins.c). */
#ifndef NF_BYLINE_BYLINE_H
#define NF_BYLINE_BYLINE_H

#include "newsfields/analyzer.h"

extern const nf_analyzer_v2 nf_byline_analyzer;

#endif
