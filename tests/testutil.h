/* Helpers for the tests: temporary directories and running commands. */
#ifndef NF_TESTUTIL_H
#define NF_TESTUTIL_H

#include <stddef.h>

#define NF_TEST_PRINTF(f, a) __attribute__((format(printf, f, a)))

/* A new empty directory under /tmp (malloc'd path); removed by nf_test_rmtree. */
char *nf_test_tmpdir(void);
void nf_test_rmtree(const char *path);

/* Run a shell command; stdout (and stderr when merge_stderr) in *out
 * (malloc'd), the exit status returned (-1 if it did not exit normally). */
int nf_test_run(const char *command, int merge_stderr, char **out);

/* The command's output with stdout and stderr kept apart. */
int nf_test_run2(const char *command, char **out, char **err);

/* nf_test_run2 of a command built from a format; out and err may be NULL
 * (that output is dropped). */
int nf_test_runf(char **out, char **err, const char *fmt, ...) NF_TEST_PRINTF(3, 4);

/* Write text to path; returns 0 on success. */
int nf_test_write(const char *path, const char *text);

/* qsort comparison of C strings (an array of const char *). */
int nf_test_cmp_str(const void *a, const void *b);

/* 1 if haystack contains needle. */
int nf_test_contains(const char *haystack, const char *needle);

/* Run every test case of the suite; the process exit status. */
#include <check.h>
int nf_test_main(Suite *s);

#endif
