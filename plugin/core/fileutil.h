/* Small file helpers.  Internal. */
#ifndef NF_CORE_FILEUTIL_H
#define NF_CORE_FILEUTIL_H

#include <stddef.h>

#include "newsfields/status.h"

/* Read a whole file; *out is malloc'd and NUL-terminated, *len excludes the NUL. */
nf_status nf_read_file(const char *path, char **out, size_t *len, nf_error *err);

/* The directory of the running executable (malloc'd), or NULL if unknown. */
char *nf_executable_dir(void);

/* dir + "/" + name, malloc'd; NULL when out of memory. */
char *nf_path_join(const char *dir, const char *name);

/* The directory part of path ("." when it has none), malloc'd. */
char *nf_path_dirname(const char *path);

int nf_path_exists(const char *path);
int nf_path_is_dir(const char *path);

#endif
