/* The library's version, as the build sets it from the project's. */
#include "newsfields/version.h"

const char *nf_version(void) { return NF_VERSION_STRING; }
