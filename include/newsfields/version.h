/* newsfields — the library's version and the Xapian it runs on. */
#ifndef NEWSFIELDS_VERSION_H
#define NEWSFIELDS_VERSION_H

#include "newsfields/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* This library's version, "MAJOR.MINOR.PATCH"; a static string. */
NF_API const char *nf_version(void);
/* The version of the Xapian library in use; a static string. */
NF_API const char *nf_xapian_version(void);

#ifdef __cplusplus
}
#endif
#endif
