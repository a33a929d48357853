/* The analyzers of people, officials with their titles (official*.c) and
 * quoted speakers (speaker*.c), for the list of built-ins
 * (analyzers/builtins.c). */
#ifndef NF_PEOPLE_PEOPLE_H
#define NF_PEOPLE_PEOPLE_H

#include "newsfields/analyzer.h"

extern const nf_analyzer_v2 nf_official_analyzer;
extern const nf_analyzer_v2 nf_speaker_analyzer;

#endif
