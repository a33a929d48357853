/* newsfields/xapian.h in process (so that the sanitizer build runs it too):
 * an article of the sample corpus analysed into the terms, values, data and
 * unique term newsfields indexes, and query terms made as the processors
 * installed on a caller's parser make them; a run-time analyzer and field
 * kind (the vessel plug-in) loaded by nf_embed_open as by --plugin.
 * test_install.c builds outside programs on the same calls against an
 * installed copy. */
#define _GNU_SOURCE /* asprintf */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsfields/input.h"
#include "newsfields/xapian.h"
#include "testutil.h"

static nf_embed *embed;

static void setup(void) {
  nf_error err;
  nf_error_clear(&err);
  ck_assert_msg(
      nf_embed_open(NF_TEST_SCHEMA_DIR "/newsfields.schema", NULL, 0, &embed, &err) == NF_OK, "%s",
      err.message);
}

static void teardown(void) { nf_embed_free(embed); }

typedef struct seen {
  int country_lt, speaker_austin, positions_match_wdf, positional;
} seen;

static nf_status on_term(void *ctx, const char *term, size_t n, unsigned wdf,
                         const unsigned *positions, size_t npositions) {
  seen *s = ctx;
  (void)positions;
  if (n == 3 && memcmp(term, "Nlt", 3) == 0) s->country_lt = 1;
  if (n == 14 && memcmp(term, "XSPEAKERaustin", 14) == 0) s->speaker_austin = 1;
  if (npositions) {
    s->positional++;
    if (wdf == npositions) s->positions_match_wdf++;
  }
  return NF_OK;
}

typedef struct slot_value {
  unsigned slot;
  char value[32];
  int count;
  char similar[32]; /* slot 1's: the near-duplicate key */
} slot_value;

/* Keeps the first slot's value, and slot 1's apart. */
static nf_status on_value(void *ctx, unsigned slot, const char *value, size_t n) {
  slot_value *v = ctx;
  char *to = slot == 1 ? v->similar : v->value;
  if (slot != 1) v->slot = slot;
  memcpy(to, value, n < sizeof v->value - 1 ? n : sizeof v->value - 1);
  v->count++;
  return NF_OK;
}

/* The corpus article with this id, analysed. */
static nf_document *analysed(const char *id) {
  nf_error err;
  nf_error_clear(&err);
  nf_input *in;
  const char *path = NF_TEST_CORPUS "/sample.jsonl";
  ck_assert_int_eq(nf_input_open(&path, 1, &in, &err), NF_OK);
  const nf_article *a;
  nf_document *d = NULL;
  while (!d && nf_input_next(in, &a, &err) == NF_OK && a)
    if (a->id.n == strlen(id) && memcmp(a->id.p, id, a->id.n) == 0)
      ck_assert_msg(nf_embed_analyse(embed, a, &d, &err) == NF_OK, "%s", err.message);
  nf_input_free(in);
  ck_assert_ptr_nonnull(d);
  return d;
}

START_TEST(article_terms_values_data) {
  nf_document *d = analysed("nf-sample-016");
  nf_error err;
  nf_error_clear(&err);
  seen s = {0, 0, 0, 0};
  ck_assert_int_eq(nf_document_terms(d, on_term, &s, &err), NF_OK);
  ck_assert_int_eq(s.country_lt, 1);
  ck_assert_int_eq(s.speaker_austin, 1);
  ck_assert_int_gt(s.positional, 100);
  ck_assert_int_eq(s.positions_match_wdf, s.positional); /* the free text's own wdf */
  slot_value v = {0, "", 0, ""};
  ck_assert_int_eq(nf_document_values(d, on_value, &v, &err), NF_OK);
  ck_assert_int_eq(v.count, 2); /* the date, and the near-duplicate key */
  ck_assert_uint_eq(strlen(v.similar), 16);
  ck_assert_uint_eq(strspn(v.similar, "0123456789abcdef"), 16);
  ck_assert_uint_eq(v.slot, 0);
  ck_assert_str_eq(v.value, "20211220");
  size_t n;
  ck_assert_str_eq(nf_document_unique_term(d, &n), "Qnf-sample-016");
  ck_assert_uint_eq(n, 14);
  const char *data = nf_document_data(d, &n);
  ck_assert_uint_eq(strlen(data), n);
  ck_assert(strncmp(data, "{\"id\":\"nf-sample-016\",", 22) == 0);
  const char *omega = strchr(data, '\n');
  ck_assert_ptr_nonnull(omega);
  const char *want =
      "\nnewsfields=1\ncaption=Lithuania, U.S. sign defense procurement pact as China and "
      "Russia turn up the heat\nsample=VILNIUS, Dec 20 (Reuters)";
  ck_assert_msg(strncmp(omega, want, strlen(want)) == 0, "%s", omega);
  ck_assert(nf_test_contains(omega, "\ndate=2021-12-20\nmodtime=1639958400"));
  nf_document_free(d);
}
END_TEST

static const struct {
  const char *field, *value;
  nf_status status;
  const char *term;
} query_rows[] = {
    {"speaker", "Austin", NF_OK, "XSPEAKERaustin"},
    {"speaker", "Lloyd J. Austin III", NF_OK, "XSPEAKERlloyd austin"},
    {"country", "Lithuanian", NF_OK, "Nlt"},
    {"country", "LT", NF_OK, "Nlt"},
    {"id", "nf-sample-016", NF_OK, "Qnf-sample-016"},
    {"country", "Narnia", NF_ERR_QUERY, NULL},
    {"text", "austin", NF_ERR_INVALID, NULL},
    {"nosuchfield", "x", NF_ERR_NOT_FOUND, NULL},
};

START_TEST(query_terms) {
  nf_error err;
  nf_error_clear(&err);
  char *term;
  size_t n;
  nf_status s = nf_embed_query_term(embed, query_rows[_i].field, query_rows[_i].value,
                                    strlen(query_rows[_i].value), &term, &n, &err);
  ck_assert_msg(s == query_rows[_i].status, "%s:%s: %d %s", query_rows[_i].field,
                query_rows[_i].value, s, err.message);
  if (query_rows[_i].term) {
    ck_assert_str_eq(term, query_rows[_i].term);
    ck_assert_uint_eq(n, strlen(query_rows[_i].term));
  } else {
    ck_assert_ptr_null(term);
  }
  free(term);
}
END_TEST

/* ---- a plug-in loaded by the library calls, as by --plugin ------------------ */

/* A deployment's schema directory: the default schema's data files linked,
 * the vessel plug-in's list of ships beside them, and the default schema
 * with a field of the plug-in's kind (malloc'd path of the schema). */
static char *vessel_schema(const char *root) {
  char *cmd, *out = NULL;
  ck_assert(asprintf(&cmd,
                     "mkdir '%s/schema' && for f in '%s'/*; do ln -s \"$f\" '%s/schema/'; done && "
                     "rm '%s/schema/newsfields.schema' && cp '%s/plugin/vessels.txt' '%s/schema/' "
                     "&& cat '%s/newsfields.schema' > '%s/schema/newsfields.schema' && printf "
                     "'\\n[field vessel]\\nkind = vessel\\nprefix = XVESSEL\\nsource = vessel\\n' "
                     ">> '%s/schema/newsfields.schema'",
                     root, NF_TEST_SCHEMA_DIR, root, root, NF_TEST_FIXTURES, root,
                     NF_TEST_SCHEMA_DIR, root, root) > 0);
  ck_assert_msg(nf_test_run(cmd, 1, &out) == 0, "%s: %s", cmd, out ? out : "");
  free(out);
  free(cmd);
  char *path;
  ck_assert(asprintf(&path, "%s/schema/newsfields.schema", root) > 0);
  return path;
}

typedef struct vessel_terms {
  int ever_given, moskva;
} vessel_terms;

static nf_status on_vessel_term(void *ctx, const char *term, size_t n, unsigned wdf,
                                const unsigned *positions, size_t npositions) {
  vessel_terms *v = ctx;
  (void)wdf, (void)positions, (void)npositions;
  if (n == 17 && memcmp(term, "XVESSELever given", 17) == 0) v->ever_given++;
  if (n == 13 && memcmp(term, "XVESSELmoskva", 13) == 0) v->moskva++;
  return NF_OK;
}

START_TEST(plugin_through_embed) {
  char *root = nf_test_tmpdir(), *schema = vessel_schema(root);
  nf_error err;
  nf_error_clear(&err);
  nf_embed *e = NULL;
  /* the schema's kind is the plug-in's: without it the schema does not load */
  ck_assert_int_ne(nf_embed_open(schema, NULL, 0, &e, &err), NF_OK);
  ck_assert_msg(nf_test_contains(err.message, "vessel"), "%s", err.message);
  ck_assert_ptr_null(e);
  const char *plugins[] = {NF_TEST_VESSEL};
  nf_error_clear(&err);
  ck_assert_msg(nf_embed_open(schema, plugins, 1, &e, &err) == NF_OK, "%s", err.message);

  /* its analyzer runs beside the built-ins; its kind makes the terms */
  nf_article a;
  memset(&a, 0, sizeof a);
  a.id = (nf_str){"v1", 2};
  const char *text = "VILNIUS (Reuters) - The MV Ever Given ran aground in the Suez Canal.";
  a.text = (nf_str){text, strlen(text)};
  nf_document *d = NULL;
  ck_assert_msg(nf_embed_analyse(e, &a, &d, &err) == NF_OK, "%s", err.message);
  vessel_terms v = {0, 0};
  ck_assert_int_eq(nf_document_terms(d, on_vessel_term, &v, &err), NF_OK);
  ck_assert_int_eq(v.ever_given, 1);
  ck_assert_int_eq(v.moskva, 0);
  size_t n;
  const char *data = nf_document_data(d, &n);
  ck_assert_msg(nf_test_contains(data, "\"vessels\":[{\"name\":\"MV Ever Given\""), "%s", data);
  ck_assert_msg(nf_test_contains(data, "\"dateline\":{\"place\":\"Vilnius\""), "%s", data);
  nf_document_free(d);

  /* and the query-time key, by any spelling */
  static const char *const spellings[][2] = {{"EVER GIVEN", "XVESSELever given"},
                                             {"MV Ever Given", "XVESSELever given"},
                                             {"RFS Moskva", "XVESSELmoskva"}};
  for (size_t i = 0; i < sizeof spellings / sizeof *spellings; i++) {
    char *term;
    ck_assert_msg(nf_embed_query_term(e, "vessel", spellings[i][0], strlen(spellings[i][0]), &term,
                                      &n, &err) == NF_OK,
                  "%s", err.message);
    ck_assert_str_eq(term, spellings[i][1]);
    free(term);
  }
  nf_embed_free(e);
  nf_test_rmtree(root);
  free(root);
  free(schema);
}
END_TEST

int main(void) {
  Suite *s = suite_create("embed");
  TCase *tc = tcase_create("xapian.h");
  tcase_add_unchecked_fixture(tc, setup, teardown);
  tcase_add_test(tc, article_terms_values_data);
  tcase_add_loop_test(tc, query_terms, 0, sizeof query_rows / sizeof *query_rows);
  suite_add_tcase(s, tc);
  TCase *plugins = tcase_create("plug-ins");
  tcase_add_test(plugins, plugin_through_embed);
  suite_add_tcase(s, plugins);
  return nf_test_main(s);
}
