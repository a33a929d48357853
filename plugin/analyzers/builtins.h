/* The built-in analyzers, one header per family.  Internal. */
#ifndef NF_ANALYZERS_BUILTINS_H
#define NF_ANALYZERS_BUILTINS_H

#include "byline/byline.h"
#include "country/country.h"
#include "dateline/dateline.h"
#include "people/people.h"

#endif
