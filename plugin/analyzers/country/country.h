/* The country analyzer, for the list of built-ins (analyzers/builtins.c). */
#ifndef NF_COUNTRY_COUNTRY_H
#define NF_COUNTRY_COUNTRY_H

#include "newsfields/analyzer.h"

extern const nf_analyzer_v2 nf_country_analyzer;

#endif
