/* What the command prints reaches a terminal: no byte of the input may
 * become a control sequence there.  Ids, headlines, snippets and facet
 * labels in `newsfields search`, and error messages that quote a file name,
 * a command or a query, show controls as escapes (\x1b, \u009b, \u202e);
 * --json and extract write them as JSON escapes; a query that is not UTF-8
 * is refused, in text and in --json. */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define NF "'" NF_TEST_COMMAND "' "
#define SCHEMA "--schema '" NF_TEST_SCHEMA_DIR "/newsfields.schema' "

static char *dir;

static void setup(void) { dir = nf_test_tmpdir(); }
static void teardown(void) {
  nf_test_rmtree(dir);
  free(dir);
}

/* No terminal control of any kind in text: C0 but newline, DEL, C1 (as
 * UTF-8, C2 80..C2 9F) and the bidirectional overrides. */
static void assert_inert(const char *text) {
  for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
    ck_assert_msg(*p >= 0x20 || *p == '\n', "control 0x%02x in: %s", *p, text);
    ck_assert_msg(*p != 0x7f, "DEL in: %s", text);
    ck_assert_msg(!(p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f), "C1 control in: %s", text);
    ck_assert_msg(!(p[0] == 0xe2 && p[1] == 0x80 && p[2] >= 0xaa && p[2] <= 0xae),
                  "bidi override in: %s", text);
  }
}

/* An article whose every field carries controls. */
static const char article[] =
    "{\"id\":\"esc\\u001b[2Jid\",\"headline\":\"Head\\u001b]0;pwned\\u0007line\\nnext "
    "\\u202eevil\",\"date\":\"2021-05-05\",\"author\":\"Ann\\u001b[31m Smith\",\"text\":\"Storm "
    "hit the coast \\u009b31m today, and \\u001b[5m blinking floods followed.\"}\n";

START_TEST(search_output_escapes_controls) {
  char input[600];
  snprintf(input, sizeof input, "%s/esc.jsonl", dir);
  ck_assert_int_eq(nf_test_write(input, article), 0);
  char *out, *err;
  ck_assert_int_eq(nf_test_runf(&out, &err, NF "index -q " SCHEMA "--db %s/db %s", dir, input), 0);
  free(out);
  free(err);
  ck_assert_int_eq(
      nf_test_runf(&out, &err, NF "search " SCHEMA "--db %s/db --facets byline storm", dir), 0);
  assert_inert(out);
  ck_assert_str_eq(out,
                   "1 match for storm (showing 1-1)\n"
                   "\n"
                   "  1. esc\\x1b[2Jid  2021-05-05  Head\\x1b]0;pwned\\x07line next \\u202eevil\n"
                   "    *Storm* hit the coast \\u009b31m today, and \\x1b[5m blinking floods "
                   "followed.\n"
                   "\n"
                   /* a value holds no control: the analysis made the ESC a space */
                   "byline: Ann [31m Smith (1)\n");
  ck_assert_str_eq(err, "");
  free(out);
  free(err);
  /* the query is echoed too */
  ck_assert_int_eq(
      nf_test_runf(&out, &err, NF "search " SCHEMA "--db %s/db \"$(printf 'storm\\033[8m')\"", dir),
      0);
  assert_inert(out);
  ck_assert(nf_test_contains(out, "1 match for storm\\x1b[8m (showing 1-1)"));
  free(out);
  free(err);
  /* --json: controls as JSON escapes, C1 and bidi ones too, never the bytes */
  ck_assert_int_eq(nf_test_runf(&out, &err, NF "search " SCHEMA "--db %s/db --json storm", dir), 0);
  assert_inert(out);
  ck_assert(nf_test_contains(out, "\"id\":\"esc\\u001B[2Jid\""));
  ck_assert(nf_test_contains(out, "next \\u202eevil"));
  ck_assert(nf_test_contains(out, "coast \\u009b31m today"));
  free(out);
  free(err);
  /* extract's JSON Lines, likewise */
  ck_assert_int_eq(nf_test_runf(&out, &err, NF "extract " SCHEMA "%s", input), 0);
  assert_inert(out);
  ck_assert(nf_test_contains(out, "\"id\":\"esc\\u001B[2Jid\""));
  ck_assert(nf_test_contains(out, "next \\u202eevil"));
  free(out);
  free(err);
}
END_TEST

/* Error messages quoting what was given: exit status, and the exact line. */
static const struct {
  const char *args; /* after the command; printf(1) makes the bytes */
  int status;
  const char *message;
} quoting[] = {
    {"\"$(printf 'fr\\033ob')\"", 2, "newsfields: unknown command 'fr\\x1bob'\n"},
    {"search --limit \"$(printf '1\\033[2J')\" x", 2,
     "newsfields search: --limit needs a number up to 100000, not '1\\x1b[2J'\n"},
    {"search " SCHEMA "--db \"$(printf '/nonexistent/x\\033]0;t\\007y')\" x", 1,
     "newsfields: Couldn't stat '/nonexistent/x\\x1b]0;t\\x07y' (No such file or directory)\n"},
    {"search " SCHEMA "--db \"$(printf '/nonexistent/a\\302\\233b\\342\\200\\256c')\" x", 1,
     "newsfields: Couldn't stat '/nonexistent/a\\u009bb\\u202ec' (No such file or directory)\n"},
    {"search " SCHEMA "--db \"$(printf '/nonexistent/new\\nline')\" x", 1,
     "newsfields: Couldn't stat '/nonexistent/new\\nline' (No such file or directory)\n"},
    {"serve --port \"$(printf '80\\033[31m')\"", 2,
     "newsfields serve: --port needs a number from 0 to 65535, not '80\\x1b[31m'\n"},
};

START_TEST(errors_escape_what_they_quote) {
  char *out, *err;
  int rc = nf_test_runf(&out, &err, NF "%s", quoting[_i].args);
  ck_assert_msg(rc == quoting[_i].status, "%s: %d %s", quoting[_i].args, rc, err);
  assert_inert(err);
  /* the first line is the message (a usage error adds a hint) */
  char *nl = strchr(err, '\n');
  ck_assert_ptr_nonnull(nl);
  nl[1] = '\0';
  ck_assert_str_eq(err, quoting[_i].message);
  ck_assert_str_eq(out, "");
  free(out);
  free(err);
}
END_TEST

START_TEST(query_not_utf8_refused) {
  char input[600];
  snprintf(input, sizeof input, "%s/esc.jsonl", dir);
  ck_assert_int_eq(nf_test_write(input, article), 0);
  char *out, *err;
  ck_assert_int_eq(nf_test_runf(&out, &err, NF "index -q " SCHEMA "--db %s/db %s", dir, input), 0);
  free(out);
  free(err);
  static const char *const modes[] = {"", "--json ", "--histogram "};
  static const struct {
    const char *bytes; /* for printf(1) */
    const char *message;
  } rows[] = {
      {"st\\377orm", "byte 0xff at offset 2"},
      {"storm \\303", "byte 0xc3 at offset 6"},       /* cut short */
      {"\\300\\257", "byte 0xc0 at offset 0"},        /* overlong "/" */
      {"a \\355\\240\\200", "byte 0xed at offset 2"}, /* a surrogate */
  };
  for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++)
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
      ck_assert_int_eq(
          nf_test_runf(&out, &err, NF "search " SCHEMA "--db %s/db %s\"$(printf '%s')\"", dir,
                       modes[m], rows[i].bytes),
          1);
      char want[256];
      snprintf(want, sizeof want,
               "newsfields: the query is not valid UTF-8: %s (check the terminal's or the "
               "script's encoding)\n",
               rows[i].message);
      ck_assert_str_eq(err, want);
      /* with --json, the error as JSON on standard output too */
      char json[300] = "";
      if (strcmp(modes[m], "--json ") == 0)
        snprintf(json, sizeof json,
                 "{\"error\":{\"message\":\"the query is not valid UTF-8: %s (check the "
                 "terminal's or the script's encoding)\",\"status\":400}}\n",
                 rows[i].message);
      ck_assert_str_eq(out, json);
      free(out);
      free(err);
    }
}
END_TEST

int main(void) {
  Suite *s = suite_create("cli_terminal");
  TCase *tc = tcase_create("terminal");
  tcase_set_timeout(tc, 120);
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, search_output_escapes_controls);
  tcase_add_loop_test(tc, errors_escape_what_they_quote, 0,
                      (int)(sizeof quoting / sizeof quoting[0]));
  tcase_add_test(tc, query_not_utf8_refused);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
