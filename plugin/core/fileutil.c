/* Small file helpers. */
#include "fileutil.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

nf_status nf_read_file(const char *path, char **out, size_t *len, nf_error *err) {
  *out = NULL;
  if (len) *len = 0;
  FILE *f = fopen(path, "rb");
  if (!f) return nf_error_set_at(err, NF_ERR_IO, path, 0, "cannot open: %s", strerror(errno));
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap);
  if (!buf) {
    fclose(f);
    return nf_error_set_at(err, NF_ERR_NOMEM, path, 0, "out of memory");
  }
  for (;;) {
    if (cap - n < 4096) {
      char *p = realloc(buf, cap * 2);
      if (!p) {
        free(buf);
        fclose(f);
        return nf_error_set_at(err, NF_ERR_NOMEM, path, 0, "out of memory");
      }
      buf = p;
      cap *= 2;
    }
    size_t got = fread(buf + n, 1, cap - n - 1, f);
    n += got;
    if (got == 0) break;
  }
  int failed = ferror(f);
  int saved = errno;
  fclose(f);
  if (failed) {
    free(buf);
    return nf_error_set_at(err, NF_ERR_IO, path, 0, "cannot read: %s", strerror(saved));
  }
  buf[n] = '\0';
  *out = buf;
  if (len) *len = n;
  return NF_OK;
}

char *nf_executable_dir(void) {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return NULL;
  buf[n] = '\0';
  return nf_path_dirname(buf);
}

char *nf_path_join(const char *dir, const char *name) {
  size_t a = strlen(dir), b = strlen(name);
  char *p = malloc(a + b + 2);
  if (!p) return NULL;
  memcpy(p, dir, a);
  size_t at = a;
  if (a && dir[a - 1] != '/') p[at++] = '/';
  memcpy(p + at, name, b + 1);
  return p;
}

char *nf_path_dirname(const char *path) {
  const char *slash = strrchr(path, '/');
  if (!slash) return strdup(".");
  if (slash == path) return strdup("/");
  size_t n = (size_t)(slash - path);
  char *p = malloc(n + 1);
  if (!p) return NULL;
  memcpy(p, path, n);
  p[n] = '\0';
  return p;
}

int nf_path_exists(const char *path) {
  struct stat st;
  return stat(path, &st) == 0;
}

int nf_path_is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}
