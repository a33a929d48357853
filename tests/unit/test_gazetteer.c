/* Gazetteers: longest-first matching over tokens, lookups, strict TSV files. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsfields/gazetteer.h"
#include "testutil.h"

static nf_gazetteer *g;
static nf_text *t;

/* phrase -> value */
static const struct {
  const char *phrase;
  uint32_t value;
} entries[] = {
    {"Guinea", 1},
    {"Papua New Guinea", 2},
    {"Equatorial Guinea", 3},
    {"Guinea-Bissau", 4},
    {"U.S.", 5},
    {"US", 5},
    {"United States", 5},
    {"Niger", 6},
    {"Nigeria", 7},
    {"Republic of the Congo", 8},
    {"Congo", 8},
    {"Congo", 9},
    {"Anušauskas", 10},
    {"Côte d'Ivoire", 11},
};

static void setup(void) {
  nf_error err;
  ck_assert_int_eq(nf_gazetteer_new(&g), NF_OK);
  ck_assert_int_eq(nf_text_new(&t), NF_OK);
  for (size_t i = 0; i < sizeof entries / sizeof entries[0]; i++)
    ck_assert_int_eq(
        nf_gazetteer_add(g, entries[i].phrase, strlen(entries[i].phrase), entries[i].value, &err),
        NF_OK);
}

static void teardown(void) {
  nf_gazetteer_free(g);
  nf_text_free(t);
}

/* Every match in the text as "matched text=values;" */
static char *matches(const char *text) {
  nf_error err;
  ck_assert_int_eq(nf_text_analyze(t, text, strlen(text), &err), NF_OK);
  size_t count;
  const nf_token *toks = nf_text_tokens(t, &count);
  char *out = calloc(1, 2048);
  for (size_t i = 0; i < count;) {
    const uint32_t *v;
    size_t nv;
    size_t len = nf_gazetteer_match(g, t, i, &v, &nv);
    if (!len) {
      i++;
      continue;
    }
    char item[256];
    int at = snprintf(item, sizeof item, "%.*s=", (int)(toks[i + len - 1].end - toks[i].start),
                      text + toks[i].start);
    for (size_t k = 0; k < nv; k++)
      at += snprintf(item + at, sizeof item - (size_t)at, "%s%u", k ? "," : "", v[k]);
    strcat(out, item);
    strcat(out, ";");
    i += len;
  }
  return out;
}

static const struct {
  const char *text, *want;
} rows[] = {
    {"Guinea and Papua New Guinea", "Guinea=1;Papua New Guinea=2;"},
    {"Equatorial Guinea, Guinea-Bissau.", "Equatorial Guinea=3;Guinea-Bissau=4;"},
    {"the U.S. and the US, the United States", "U.S.=5;US=5;United States=5;"},
    {"the us and united states", "us=5;united states=5;"}, /* case is the caller's rule */
    {"Niger borders Nigeria", "Niger=6;Nigeria=7;"},
    {"the Republic of the Congo and Congo", "Republic of the Congo=8;Congo=8,9;"},
    {"Lithuania's Anusauskas and ANUŠAUSKAS", "Anusauskas=10;ANUŠAUSKAS=10;"},
    {"Côte d’Ivoire", "Côte d’Ivoire=11;"},
    {"Papua New", ""},
    {"", ""},
};

START_TEST(match_rows) {
  char *got = matches(rows[_i].text);
  ck_assert_msg(strcmp(got, rows[_i].want) == 0, "'%s': got '%s', want '%s'", rows[_i].text, got,
                rows[_i].want);
  free(got);
}
END_TEST

START_TEST(lookup_whole_phrases) {
  const uint32_t *v;
  size_t nv;
  nf_error err;
  ck_assert_int_eq(nf_gazetteer_lookup(g, "papua new guinea", 16, &v, &nv, &err), NF_OK);
  ck_assert_uint_eq(nv, 1);
  ck_assert_uint_eq(v[0], 2);
  ck_assert_int_eq(nf_gazetteer_lookup(g, "Papua New", 9, &v, &nv, &err), NF_OK);
  ck_assert_uint_eq(nv, 0);
  ck_assert_int_eq(nf_gazetteer_lookup(g, "\"Congo\"", 7, &v, &nv, &err), NF_OK);
  ck_assert_uint_eq(nv, 2);
  ck_assert_int_eq(nf_gazetteer_lookup(g, "Guinea Guinea", 13, &v, &nv, &err), NF_OK);
  ck_assert_uint_eq(nv, 0);
  ck_assert_uint_eq(nf_gazetteer_size(g), 13);
}
END_TEST

START_TEST(phrase_without_words_is_refused) {
  nf_error err;
  ck_assert_int_eq(nf_gazetteer_add(g, " -- ", 4, 1, &err), NF_ERR_INVALID);
  ck_assert_int_eq(nf_gazetteer_add(g, "", 0, 1, &err), NF_ERR_INVALID);
}
END_TEST

START_TEST(many_phrases_grow_the_table) {
  nf_error err;
  char phrase[64];
  for (uint32_t i = 0; i < 5000; i++) {
    snprintf(phrase, sizeof phrase, "place%u town%u", i, i % 7);
    ck_assert_int_eq(nf_gazetteer_add(g, phrase, strlen(phrase), 100 + i, &err), NF_OK);
  }
  const uint32_t *v;
  size_t nv;
  ck_assert_int_eq(nf_gazetteer_lookup(g, "Place4321 Town2", 15, &v, &nv, &err), NF_OK);
  ck_assert_uint_eq(nv, 1);
  ck_assert_uint_eq(v[0], 4421);
}
END_TEST

/* ---- TSV files ---- */

static nf_status collect_row(void *ctx, const nf_tsv_row *row, nf_error *err) {
  (void)err;
  char *out = ctx;
  char item[256];
  snprintf(item, sizeof item, "%lu:", row->line);
  strcat(out, item);
  for (size_t i = 0; i < row->ncols; i++) {
    strcat(out, row->cols[i]);
    strcat(out, i + 1 < row->ncols ? "|" : ";");
  }
  return NF_OK;
}

static const struct {
  const char *content, *want; /* want: the rows, or "ERROR line: message" */
} tsv_rows[] = {
    {"# comment\nlt\tname\tLithuania\n\nus\talt\tU.S.\tupper\n",
     "2:lt|name|Lithuania;4:us|alt|U.S.|upper;"},
    {"lt\tname\tLithuania\r\n", "1:lt|name|Lithuania;"},
    {"lt\tname\n", "ERROR :1: 2 columns, expected at least 3 (separated by one tab)"},
    {"lt\tname\tLithuania\tx\ty\n", "ERROR :1: too many columns (at most 4)"},
    {"lt\t\tLithuania\n", "ERROR :1: column 2 is empty"},
    {"lt\tname\tLithuania \n", "ERROR :1: column 3 has spaces at its start or end"},
    {"lt name Lithuania\n", "ERROR :1: 1 column, expected at least 3 (separated by one tab)"},
    {"ok\tname\tfine\nlt\tname\t\xc3\x28\n", "ERROR :2: not valid UTF-8"},
};

START_TEST(tsv_file_rows) {
  char *dir = nf_test_tmpdir();
  char path[600];
  snprintf(path, sizeof path, "%s/data.tsv", dir);
  ck_assert_int_eq(nf_test_write(path, tsv_rows[_i].content), 0);
  char got[1024] = "";
  nf_error err;
  nf_error_clear(&err);
  nf_status s = nf_tsv_read(path, 3, 4, collect_row, got, &err);
  if (strncmp(tsv_rows[_i].want, "ERROR ", 6) == 0) {
    ck_assert_int_eq(s, NF_ERR_SCHEMA);
    char msg[2048];
    snprintf(msg, sizeof msg, "ERROR %s: %s", err.where + strlen(path), err.message);
    ck_assert_str_eq(msg, tsv_rows[_i].want);
    ck_assert_int_eq(strncmp(err.where, path, strlen(path)), 0);
  } else {
    ck_assert_int_eq(s, NF_OK);
    ck_assert_str_eq(got, tsv_rows[_i].want);
  }
  nf_test_rmtree(dir);
  free(dir);
}
END_TEST

int main(void) {
  Suite *s = suite_create("gazetteer");
  TCase *tc = tcase_create("gazetteer");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_loop_test(tc, match_rows, 0, (int)(sizeof rows / sizeof rows[0]));
  tcase_add_test(tc, lookup_whole_phrases);
  tcase_add_test(tc, phrase_without_words_is_refused);
  tcase_add_test(tc, many_phrases_grow_the_table);
  tcase_add_loop_test(tc, tsv_file_rows, 0, (int)(sizeof tsv_rows / sizeof tsv_rows[0]));
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
