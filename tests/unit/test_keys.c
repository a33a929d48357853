/* Index and query keys: folding, person names, facet prefixes. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/buffer.h"
#include "fields/keys.h"
#include "testutil.h"

static const struct {
  const char *in, *key;
} folds[] = {
    {"Vilnius", "vilnius"},
    {"  KYIV ", "kyiv"},
    {"São Tomé", "sao tome"},
    {"Washington, D.C.", "washington dc"},
    {"U.S.", "us"},
    {"O'Brien", "obrien"},
    {"Straße", "strasse"},
    {"Reuters", "reuters"},
    {"defense  minister", "defense minister"},
    {"--", ""},
};

START_TEST(fold_rows) {
  nf_buf key = NF_BUF_INIT;
  ck_assert_int_eq(nf_key_fold(folds[_i].in, strlen(folds[_i].in), &key), NF_OK);
  ck_assert_str_eq(nf_buf_str(&key), folds[_i].key);
  nf_buf_free(&key);
}
END_TEST

static nf_status collect(void *ctx, const char *key, size_t n) {
  nf_buf *b = ctx;
  if (b->len) nf_buf_append_char(b, '|');
  return nf_buf_append(b, key, n);
}

/* A name, the keys it is indexed under, and the key a query of it looks up. */
static const struct {
  const char *name, *index_keys, *query_key;
} names[] = {
    {"Lloyd J. Austin III", "austin|lloyd austin", "lloyd austin"},
    {"Lloyd Austin", "austin|lloyd austin", "lloyd austin"},
    {"Austin", "austin", "austin"},
    {"Mr. Austin", "austin", "austin"},
    {"Arvydas Anušauskas", "anusauskas|arvydas anusauskas", "arvydas anusauskas"},
    {"Ursula von der Leyen", "leyen|der leyen|von der leyen|ursula von der leyen|ursula leyen",
     "ursula von der leyen"},
    {"Recep Tayyip Erdoğan", "erdogan|tayyip erdogan|recep tayyip erdogan|recep erdogan",
     "recep tayyip erdogan"},
    {"JANE DOE", "doe|jane doe", "jane doe"},
    {"Martin Luther King Jr.", "king|luther king|martin luther king|martin king",
     "martin luther king"},
    {"J. K. Rowling", "rowling", "rowling"},
    {"Dr. Ana María Pérez-Soto", "soto|perez soto|maria perez soto|ana maria perez soto|ana soto",
     "ana maria perez soto"},
    {"X", "x", "x"},
    {"", "", ""},
};

START_TEST(name_rows) {
  nf_buf keys = NF_BUF_INIT, q = NF_BUF_INIT;
  const char *name = names[_i].name;
  ck_assert_int_eq(nf_name_keys(name, strlen(name), collect, &keys), NF_OK);
  ck_assert_str_eq(nf_buf_str(&keys), names[_i].index_keys);
  ck_assert_int_eq(nf_name_query_key(name, strlen(name), &q), NF_OK);
  ck_assert_str_eq(nf_buf_str(&q), names[_i].query_key);
  nf_buf_free(&keys);
  nf_buf_free(&q);
}
END_TEST

START_TEST(facet_prefixes) {
  nf_field speaker = {.name = "speaker", .kind = NF_FIELD_NAME, .prefix = "XSPEAKER", .facet = 1};
  nf_field country = {.name = "country", .kind = NF_FIELD_COUNTRY, .prefix = "N", .facet = 1};
  nf_field my_field = {.name = "my_field2", .kind = NF_FIELD_EXACT, .prefix = "XMY", .facet = 1};
  char buf[NF_FACET_PREFIX_MAX];
  nf_facet_prefix(&speaker, buf);
  ck_assert_str_eq(buf, "XFSPEAKER");
  nf_facet_prefix(&country, buf);
  ck_assert_str_eq(buf, "N");
  nf_facet_prefix(&my_field, buf);
  ck_assert_str_eq(buf, "XFMYUFIELD2");
}
END_TEST

int main(void) {
  Suite *s = suite_create("keys");
  TCase *tc = tcase_create("keys");
  tcase_add_loop_test(tc, fold_rows, 0, (int)(sizeof folds / sizeof folds[0]));
  tcase_add_loop_test(tc, name_rows, 0, (int)(sizeof names / sizeof names[0]));
  tcase_add_test(tc, facet_prefixes);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
