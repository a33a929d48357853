/* Helpers for the tests. */
#define _GNU_SOURCE
#include "testutil.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

char *nf_test_tmpdir(void) {
  char tmpl[] = "/tmp/newsfields-test-XXXXXX";
  char *d = mkdtemp(tmpl);
  return d ? strdup(d) : NULL;
}

void nf_test_rmtree(const char *path) {
  if (!path || strncmp(path, "/tmp/newsfields-test-", 21) != 0) return;
  char *cmd;
  if (asprintf(&cmd, "rm -rf '%s'", path) < 0) return;
  if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", path);
  free(cmd);
}

static char *slurp(FILE *f) {
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap);
  size_t got;
  while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
    n += got;
    if (cap - n < 1024) {
      char *p = realloc(buf, cap * 2);
      if (!p) {
        free(buf);
        return NULL;
      }
      buf = p;
      cap *= 2;
    }
  }
  if (buf) buf[n] = '\0';
  return buf;
}

int nf_test_run(const char *command, int merge_stderr, char **out) {
  char *full;
  if (asprintf(&full, "%s%s", command, merge_stderr ? " 2>&1" : "") < 0) return -1;
  FILE *p = popen(full, "r");
  free(full);
  if (!p) return -1;
  char *text = slurp(p);
  int status = pclose(p);
  if (out)
    *out = text;
  else
    free(text);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int nf_test_run2(const char *command, char **out, char **err) {
  char errpath[] = "/tmp/newsfields-stderr-XXXXXX";
  int fd = mkstemp(errpath);
  if (fd < 0) return -1;
  close(fd);
  char *full;
  int rc = -1;
  if (asprintf(&full, "%s 2>'%s'", command, errpath) >= 0) {
    rc = nf_test_run(full, 0, out);
    free(full);
  }
  FILE *f = fopen(errpath, "r");
  *err = f ? slurp(f) : strdup("");
  if (f) fclose(f);
  unlink(errpath);
  return rc;
}

int nf_test_runf(char **out, char **err, const char *fmt, ...) {
  char cmd[4096];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(cmd, sizeof cmd, fmt, ap);
  va_end(ap);
  char *o = NULL, *e = NULL;
  int rc = nf_test_run2(cmd, &o, &e);
  if (out)
    *out = o;
  else
    free(o);
  if (err)
    *err = e;
  else
    free(e);
  return rc;
}

int nf_test_write(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  if (!f) return -1;
  int ok = fputs(text, f) >= 0;
  return (fclose(f) == 0 && ok) ? 0 : -1;
}

int nf_test_cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int nf_test_contains(const char *haystack, const char *needle) {
  return haystack && needle && strstr(haystack, needle) != NULL;
}

int nf_test_main(Suite *s) {
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
