/* The hostile-input catalogue (tests/hostile/cases.tsv): each case's bad
 * input is made in a new directory, the command runs there, and its exit
 * status, the number of lines it prints and its standard error must be
 * exactly as the table says.  NF_HOSTILE_PRINT=1 in the environment prints
 * what each case gives instead, to write a new row. */
#define _GNU_SOURCE
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define NF_HOSTILE_TABLE NF_TEST_FIXTURES "/../hostile/cases.tsv"
#define MAX_CASES 400

enum { C_NAME, C_SETUP, C_ARGS, C_EXIT, C_LINES, C_STDERR, C_CHECK, C_COUNT };

typedef struct hostile_case {
  char *col[C_COUNT];
} hostile_case;

static hostile_case cases[MAX_CASES];
static int ncases;

/* \n, \t and \\ in a cell, in place. */
static void unescape(char *s) {
  char *w = s;
  for (const char *r = s; *r; r++) {
    if (*r == '\\' && r[1]) {
      r++;
      *w++ = *r == 'n' ? '\n' : *r == 't' ? '\t' : *r;
    } else {
      *w++ = *r;
    }
  }
  *w = '\0';
}

static void load_table(void) {
  FILE *f = fopen(NF_HOSTILE_TABLE, "r");
  if (!f) {
    perror(NF_HOSTILE_TABLE);
    exit(1);
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  while ((n = getline(&line, &cap, f)) > 0) {
    if (line[0] == '#' || line[0] == '\n') continue;
    if (line[n - 1] == '\n') line[n - 1] = '\0';
    if (ncases == MAX_CASES) break;
    hostile_case *c = &cases[ncases];
    char *p = strdup(line);
    for (int i = 0; i < C_COUNT; i++) {
      c->col[i] = p;
      char *tab = p ? strchr(p, '\t') : NULL;
      if (tab) *tab = '\0';
      p = tab ? tab + 1 : NULL;
      if (!c->col[i]) c->col[i] = "";
      unescape(c->col[i]);
    }
    ncases++;
  }
  free(line);
  fclose(f);
}

static int count_lines(const char *s) {
  int n = 0;
  for (; *s; s++) n += *s == '\n';
  return n;
}

START_TEST(hostile_case_row) {
  const hostile_case *c = &cases[_i];
  char *dir = nf_test_tmpdir();
  char *cmd = NULL, *out = NULL, *err = NULL;
  ck_assert_int_ge(asprintf(&cmd, "cd '%s' && { %s\n}", dir, c->col[C_SETUP]), 0);
  if (c->col[C_SETUP][0]) ck_assert_msg(system(cmd) == 0, "%s: the set-up failed", c->col[C_NAME]);
  free(cmd);
  ck_assert_int_ge(asprintf(&cmd,
                            "cd '%s' && newsfields() { '%s' \"$@\"; } && "
                            "NEWSFIELDS_SCHEMA= newsfields %s",
                            dir, NF_TEST_COMMAND, c->col[C_ARGS]),
                   0);
  int rc = nf_test_run2(cmd, &out, &err);
  size_t n = strlen(err);
  if (n && err[n - 1] == '\n') err[n - 1] = '\0';
  if (getenv("NF_HOSTILE_PRINT")) {
    printf("%s\t%d\t%d\t", c->col[C_NAME], rc, count_lines(out));
    for (const char *p = err; *p; p++) {
      if (*p == '\n')
        fputs("\\n", stdout);
      else if (*p == '\t')
        fputs("\\t", stdout);
      else if (*p == '\\')
        fputs("\\\\", stdout);
      else
        putchar(*p);
    }
    putchar('\n');
    fflush(stdout);
  } else {
    ck_assert_msg(rc == atoi(c->col[C_EXIT]), "%s: exit %d, not %s; stderr: %s", c->col[C_NAME], rc,
                  c->col[C_EXIT], err);
    if (strcmp(c->col[C_LINES], "-") != 0)
      ck_assert_msg(count_lines(out) == atoi(c->col[C_LINES]), "%s: %d lines, not %s",
                    c->col[C_NAME], count_lines(out), c->col[C_LINES]);
    ck_assert_msg(strcmp(err, c->col[C_STDERR]) == 0, "%s: stderr\n%s\nnot\n%s", c->col[C_NAME],
                  err, c->col[C_STDERR]);
    if (c->col[C_CHECK][0]) {
      free(cmd);
      ck_assert_int_ge(asprintf(&cmd, "cd '%s' && %s", dir, c->col[C_CHECK]), 0);
      ck_assert_msg(system(cmd) == 0, "%s: the check '%s' failed", c->col[C_NAME], c->col[C_CHECK]);
    }
  }
  free(cmd);
  free(out);
  free(err);
  nf_test_rmtree(dir);
  free(dir);
}
END_TEST

START_TEST(the_catalogue_is_large_enough) { ck_assert_int_ge(ncases, 60); }
END_TEST

int main(void) {
  load_table();
  Suite *s = suite_create("hostile");
  TCase *tc = tcase_create("hostile");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, the_catalogue_is_large_enough);
  tcase_add_loop_test(tc, hostile_case_row, 0, ncases);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
