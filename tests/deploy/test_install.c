/* newsfields installed into a temporary prefix (cmake --install build
 * --prefix P) and used from outside as a Xapian user would: a program built
 * through pkg-config on the C API (newsfields/xapian.h) and one built with
 * find_package(newsfields) on newsfields/newsfields.hpp, each indexing the
 * sample corpus into its own WritableDatabase and answering a query through
 * its own QueryParser, the C one with a plug-in too; python3-xapian programs
 * using the installed Python module (the README's example as it is shown,
 * and one with a plug-in); the installed .pc names the prefix it is in;
 * the installed command runs without LD_LIBRARY_PATH. */
#define _GNU_SOURCE /* asprintf */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define CONSUMER NF_TEST_SOURCE_DIR "/tests/deploy/consumer"
#define CORPUS NF_TEST_CORPUS "/sample.jsonl"

static char *prefix;

/* The exact ids each outside program prints for each query. */
static const struct {
  const char *query, *ids;
} queries[] = {
    {"speaker:Austin country:Lithuania", "nf-sample-016\nnf-sample-017\nnf-sample-035\n"},
    {"title:\"Defense Secretary\" date:2021-12", "nf-sample-016\n"},
    {"country:LT date:2023-07-01..2023-07-31", "nf-sample-035\n"},
};

static char *run_ok(const char *cmd) {
  char *out = NULL;
  int rc = nf_test_run(cmd, 1, &out);
  ck_assert_msg(rc == 0, "%s: exit %d\n%s", cmd, rc, out ? out : "");
  return out;
}

static void install(void) {
  prefix = nf_test_tmpdir();
  char *cmd;
  ck_assert(asprintf(&cmd, "'%s' --install '%s' --prefix '%s/p'", NF_TEST_CMAKE, NF_TEST_BINARY_DIR,
                     prefix) > 0);
  free(run_ok(cmd));
  free(cmd);
}

static void uninstall(void) {
  nf_test_rmtree(prefix);
  free(prefix);
}

/* Runs program on every query; its own database under the prefix. */
static void check_queries(const char *program) {
  for (size_t i = 0; i < sizeof queries / sizeof *queries; i++) {
    char *cmd;
    ck_assert(asprintf(&cmd, "%s '%s/p/share/newsfields/newsfields.schema' '%s' '%s/db%zu' '%s'",
                       program, prefix, CORPUS, prefix, i, queries[i].query) > 0);
    char *out = run_ok(cmd);
    ck_assert_msg(strcmp(out, queries[i].ids) == 0, "%s:\n%s", queries[i].query, out);
    free(out);
    free(cmd);
  }
}

START_TEST(pkg_config_c_api) {
  char *cmd, *out;
  /* the .pc says where it is installed, not where it was configured */
  ck_assert(asprintf(&cmd, "PKG_CONFIG_PATH='%s/p/lib/pkgconfig' pkg-config --cflags newsfields",
                     prefix) > 0);
  out = run_ok(cmd);
  char *want;
  ck_assert(asprintf(&want, "-I%s/p/lib/pkgconfig/../../include", prefix) > 0);
  ck_assert_msg(strncmp(out, want, strlen(want)) == 0, "%s", out);
  free(want);
  free(out);
  free(cmd);
  ck_assert(asprintf(&cmd,
                     "cd '%s' && PKG_CONFIG_PATH='%s/p/lib/pkgconfig' c++ -std=c++17 -Wall -Wextra "
                     "-Werror '%s/capi.cc' -o capi $(PKG_CONFIG_PATH='%s/p/lib/pkgconfig' "
                     "pkg-config --cflags --libs newsfields xapian-core) -Wl,-rpath,'%s/p/lib'",
                     prefix, prefix, CONSUMER, prefix, prefix) > 0);
  free(run_ok(cmd));
  free(cmd);
  ck_assert(asprintf(&cmd, "'%s/capi'", prefix) > 0);
  check_queries(cmd);
  free(cmd);

  /* a plug-in loaded by nf_embed_open in the outside program, resolving the
   * API in the installed libnewsfields: the vessel analyzer and kind on a
   * deployment's schema (the installed one with a vessel field) */
  ck_assert(
      asprintf(&cmd,
               "cd '%s' && mkdir vessel && for f in p/share/newsfields/*; do ln -s \"$PWD/$f\" "
               "vessel/; done && rm vessel/newsfields.schema && cp '%s/plugin/vessels.txt' "
               "vessel/ && cat p/share/newsfields/newsfields.schema > vessel/newsfields.schema "
               "&& printf '\\n[field vessel]\\nkind = vessel\\nprefix = XVESSEL\\nsource = "
               "vessel\\n' >> vessel/newsfields.schema && printf '%%s\\n' "
               "'{\"id\":\"v1\",\"text\":\"The MV Ever Given ran aground.\"}' "
               "'{\"id\":\"v2\",\"text\":\"EVER GIVEN was refloated.\"}' "
               "'{\"id\":\"v3\",\"text\":\"The Moskva sank.\"}' > ships.jsonl",
               prefix, NF_TEST_FIXTURES) > 0);
  free(run_ok(cmd));
  free(cmd);
  ck_assert(asprintf(&cmd,
                     "cd '%s' && ./capi vessel/newsfields.schema ships.jsonl shipdb "
                     "'vessel:\"Ever Given\"' '%s'",
                     prefix, NF_TEST_VESSEL) > 0);
  char *ids = run_ok(cmd);
  ck_assert_str_eq(ids, "v1\nv2\n");
  free(ids);
  free(cmd);
}
END_TEST

START_TEST(find_package_hpp) {
  char *cmd;
  ck_assert(asprintf(&cmd,
                     "'%s' -S '%s' -B '%s/hpp-build' -DCMAKE_PREFIX_PATH='%s/p' >/dev/null && "
                     "'%s' --build '%s/hpp-build'",
                     NF_TEST_CMAKE, CONSUMER, prefix, prefix, NF_TEST_CMAKE, prefix) > 0);
  free(run_ok(cmd));
  free(cmd);
  ck_assert(asprintf(&cmd, "'%s/hpp-build/hpp'", prefix) > 0);
  check_queries(cmd);
  free(cmd);
}
END_TEST

/* The installed command finds libnewsfields beside it ($ORIGIN). */
START_TEST(installed_command_runs) {
  char *cmd;
  ck_assert(asprintf(&cmd, "env -u LD_LIBRARY_PATH '%s/p/bin/newsfields' --version", prefix) > 0);
  char *out = run_ok(cmd);
  ck_assert_msg(nf_test_contains(out, "newsfields"), "%s", out);
  free(out);
  free(cmd);
  ck_assert(asprintf(&cmd, "readelf -d '%s/p/bin/newsfields'", prefix) > 0);
  out = run_ok(cmd);
  ck_assert_msg(nf_test_contains(out, "[$ORIGIN/../lib]"), "%s", out);
  free(out);
  free(cmd);
}
END_TEST

/* Debian's python3 with python3-xapian and the installed package. */
static char *python(const char *script, const char *args) {
  char *cmd;
  ck_assert(asprintf(&cmd,
                     "cd '%s' && PYTHONPATH='%s/p/lib/python3/dist-packages' /usr/bin/python3 "
                     "'%s/tests/deploy/python/%s' %s",
                     prefix, prefix, NF_TEST_SOURCE_DIR, script, args) > 0);
  char *out = run_ok(cmd);
  free(cmd);
  return out;
}

START_TEST(python_module) {
  char *args;
  ck_assert(asprintf(&args,
                     "'%s/p/share/newsfields/newsfields.schema' '%s' '%s/pydb' "
                     "'speaker:Austin country:Lithuania' 'title:\"Defense Secretary\"' "
                     "'country:lt date:2021-12' 'date:2023-07-01..2023-07-31 country:Lithuanian'",
                     prefix, CORPUS, prefix) > 0);
  char *out = python("search.py", args);
  ck_assert_str_eq(out,
                   "speaker:Austin country:Lithuania: nf-sample-016 nf-sample-017 nf-sample-035\n"
                   "title:\"Defense Secretary\": nf-sample-016 nf-sample-017 nf-sample-021 "
                   "nf-sample-029 nf-sample-035\n"
                   "country:lt date:2021-12: nf-sample-016\n"
                   "date:2023-07-01..2023-07-31 country:Lithuanian: nf-sample-035\n");
  free(out);
  free(args);
}
END_TEST

/* The README's example of "Use from Python", as the README shows it. */
START_TEST(python_readme_example) {
  char *args;
  ck_assert(asprintf(&args, "'%s/README.md' '%s/p/share/newsfields/newsfields.schema' '%s'",
                     NF_TEST_SOURCE_DIR, prefix, CORPUS) > 0);
  char *out = python("readme.py", args);
  ck_assert_str_eq(out, "['nf-sample-016', 'nf-sample-017', 'nf-sample-035']\n['Lloyd Austin']\n");
  free(out);
  free(args);
}
END_TEST

/* A plug-in loaded by the library calls (newsfields.load) as by the command. */
START_TEST(python_plugin) {
  char *args;
  ck_assert(asprintf(&args, "'%s/p/share/newsfields' '%s' '%s/plugin/vessels.txt' '%s/pyplugin'",
                     prefix, NF_TEST_VESSEL, NF_TEST_FIXTURES, prefix) > 0);
  char *out = python("plugin.py", args);
  ck_assert_str_eq(out,
                   "vessels: ['MV Ever Given']\n"
                   "vessel:\"MV Ever Given\": v0\n"
                   "vessel:moskva: v1\n");
  free(out);
  free(args);
}
END_TEST

int main(void) {
  Suite *s = suite_create("install");
  TCase *tc = tcase_create("outside programs");
  tcase_add_unchecked_fixture(tc, install, uninstall);
  tcase_set_timeout(tc, 500);
  tcase_add_test(tc, pkg_config_c_api);
  tcase_add_test(tc, find_package_hpp);
  tcase_add_test(tc, installed_command_runs);
  tcase_add_test(tc, python_module);
  tcase_add_test(tc, python_readme_example);
  tcase_add_test(tc, python_plugin);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
