/* The field kinds through the registry, as the schema, the indexer and the
 * query parser use them: each built-in kind's index keys, query key and facet
 * label, their errors, and a plug-in's kind (vessel) beside them. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/buffer.h"
#include "fields/keys.h"
#include "newsfields/analyzer.h"
#include "newsfields/fieldkind.h"
#include "testutil.h"

/* One value through one kind: the keys it is indexed under ('|'-separated),
 * the key a query of it looks up ("ERROR: status: message" when there is
 * none), and for a facet counted on its terms, the label of that key. */
typedef struct row {
  const char *kind, *value, *index_keys, *query_key, *label;
} row;

#define PARSE "ERROR: 4: "
#define QUERY "ERROR: 6: "

static const row rows[] = {
    /* place and exact: folded, '.' and '\'' dropped, other punctuation one space */
    {"place", "Vilnius", "vilnius", "vilnius", NULL},
    {"place", "  KYIV ", "kyiv", "kyiv", NULL},
    {"place", "São Tomé", "sao tome", "sao tome", NULL},
    {"place", "Washington, D.C.", "washington dc", "washington dc", NULL},
    {"place", "--", "", "", NULL},
    {"place", "\xff", PARSE, PARSE "the value is not valid UTF-8", NULL},
    /* renamed places are their current name (schema/place-aliases.tsv) */
    {"place", "Peking", "beijing", "beijing", NULL},
    {"place", "BEIJING", "beijing", "beijing", NULL},
    {"place", "Bombay", "mumbai", "mumbai", NULL},
    {"place", "Saigon", "ho chi minh city", "ho chi minh city", NULL},
    {"place", "HO CHI MINH", "ho chi minh city", "ho chi minh city", NULL},
    {"place", "Leningrad", "st petersburg", "st petersburg", NULL},
    {"place", "Saint Petersburg", "st petersburg", "st petersburg", NULL},
    {"place", "Rangoon", "yangon", "yangon", NULL},
    {"place", "Calcutta", "kolkata", "kolkata", NULL},
    {"place", "Madras", "chennai", "chennai", NULL},
    {"place", "Kiev", "kyiv", "kyiv", NULL},
    {"place", "Pekingese", "pekingese", "pekingese", NULL},
    {"exact", "U.S.", "us", "us", NULL},
    {"exact", "O'Brien", "obrien", "obrien", NULL},
    {"exact", "Straße", "strasse", "strasse", NULL},
    {"exact", "2021", "2021", "2021", NULL},
    {"exact", "defense  minister", "defense minister", "defense minister", NULL},
    /* names: every tail (the whole name, the query key, first) and first +
     * last */
    {"name", "Lloyd J. Austin III", "lloyd austin|austin", "lloyd austin", NULL},
    {"name", "Lloyd Austin", "lloyd austin|austin", "lloyd austin", NULL},
    {"name", "Austin", "austin", "austin", NULL},
    {"name", "Mr. Austin", "austin", "austin", NULL},
    {"name", "Arvydas Anušauskas", "arvydas anusauskas|anusauskas", "arvydas anusauskas", NULL},
    {"name", "Ursula von der Leyen",
     "ursula von der leyen|von der leyen|der leyen|leyen|ursula leyen", "ursula von der leyen",
     NULL},
    {"name", "Recep Tayyip Erdoğan", "recep tayyip erdogan|tayyip erdogan|erdogan|recep erdogan",
     "recep tayyip erdogan", NULL},
    {"name", "JANE DOE", "jane doe|doe", "jane doe", NULL},
    {"name", "Martin Luther King Jr.", "martin luther king|luther king|king|martin king",
     "martin luther king", NULL},
    {"name", "J. K. Rowling", "rowling", "rowling", NULL},
    {"name", "Dr. Ana María Pérez-Soto",
     "ana maria perez soto|maria perez soto|perez soto|soto|ana soto", "ana maria perez soto",
     NULL},
    {"name", "X", "x", "x", NULL},
    {"name", "", "", "", NULL},
    {"name", "Mr.", "", "", NULL},
    {"name", "Jane \xff", PARSE, PARSE "the name is not valid UTF-8", NULL},
    /* titles: normalised, with the head word */
    {"title", "Minister of Defence", "defense minister|minister", "defense minister", NULL},
    {"title", "Chief of Staff", "chief of staff|chief", "chief of staff", NULL},
    {"title", "spokeswoman", "spokesperson", "spokesperson", NULL},
    {"title", "the", "", "", NULL},
    /* an organisation's alias at the start of a title is made canonical */
    {"title", "Fed chairman", "federal reserve chair|chair", "federal reserve chair", NULL},
    {"title", "Federal Reserve Board chairman", "federal reserve chair|chair",
     "federal reserve chair", NULL},
    {"title", "chairman of the Federal Reserve", "federal reserve chair|chair",
     "federal reserve chair", NULL},
    {"title", "Federal Reserve chair", "federal reserve chair|chair", "federal reserve chair",
     NULL},
    {"title", "federal chairman", "federal chair|chair", "federal chair", NULL},
    /* agencies: the canonical name, folded */
    {"agency", "AP", "ap", "ap", NULL},
    {"agency", "Associated Press", "ap", "ap", NULL},
    {"agency", "A.P.", "ap", "ap", NULL},
    {"agency", "Reuter", "reuters", "reuters", NULL},
    {"agency", "Daily Planet", "daily planet", "daily planet", NULL},
    /* organisations: "the" and legal suffixes dropped, folded */
    {"org", "Texaco Inc", "texaco", "texaco", NULL},
    {"org", "TEXACO INC.", "texaco", "texaco", NULL},
    {"org", "Texaco", "texaco", "texaco", NULL},
    {"org", "the Bank of England", "bank of england", "bank of england", NULL},
    {"org", "General Electric Co", "general electric", "general electric", NULL},
    {"org", "Kidder, Peabody and Co", "kidder peabody", "kidder peabody", NULL},
    {"org", "Royal Dutch/Shell Group plc", "royal dutch shell group", "royal dutch shell group",
     NULL},
    {"org", "Volkswagen AG", "volkswagen", "volkswagen", NULL},
    {"org", "Inc", "inc", "inc", NULL},
    {"org", "Incorporated Investors", "incorporated investors", "incorporated investors", NULL},
    {"org", "Theodore Associates", "theodore associates", "theodore associates", NULL},
    /* countries: indexed as the code, queried by any name; labelled by name */
    {"country", "lt", "lt", "lt", "Lithuania"},
    {"country", "su", "su", "su", "Soviet Union"},
    {"country", "zz", "zz", QUERY "country:zz is not a country I know", "ZZ"},
    {"country", "Lithuania", "Lithuania", "lt", NULL},
    {"country", "Lithuanian", "Lithuanian", "lt", NULL},
    {"country", "LTU", "LTU", "lt", NULL},
    {"country", "Republic of Lithuania", "Republic of Lithuania", "lt", NULL},
    {"country", "Atlantis", "Atlantis", QUERY "country:Atlantis is not a country I know", NULL},
    {"country", "Korea", "Korea",
     QUERY "country:Korea could mean North Korea or South Korea: give the full name or the code",
     NULL},
    /* the plug-in's kind */
    {"vessel", "MV Ever Given", "ever given", "ever given", NULL},
    {"vessel", "Ever Given", "ever given", "ever given", NULL},
    {"vessel", "EVER GIVEN", "ever given", "ever given", NULL},
    {"vessel", "M/V Ever Given", "ever given", "ever given", NULL},
    {"vessel", "the Moskva", "moskva", "moskva", NULL},
    {"vessel", "RFS Moskva", "moskva", "moskva", NULL},
    {"vessel", "HMS Queen Elizabeth", "queen elizabeth", "queen elizabeth", NULL},
    {"vessel", "QE2", "queen elizabeth 2", "queen elizabeth 2", NULL},
    {"vessel", "Queen Elizabeth II", "queen elizabeth 2", "queen elizabeth 2", NULL},
    {"vessel", "the", "the", "the", NULL},
    {"vessel", "MV", "mv", "mv", NULL},
    {"vessel", "", "", "", NULL},
    {"vessel", "\xff", PARSE, PARSE "the ship's name is not valid UTF-8", NULL},
};

static nf_registry *reg;

static void setup(void) {
  nf_error err;
  nf_error_clear(&err);
  ck_assert_int_eq(nf_registry_default(&reg, &err), NF_OK);
  ck_assert_msg(nf_registry_load(reg, NF_TEST_VESSEL, &err) == NF_OK, "%s", err.message);
}

static void teardown(void) { nf_registry_free(reg); }

static nf_status collect(void *ctx, const char *key, size_t n) {
  nf_buf *b = ctx;
  if (b->data) nf_buf_append_char(b, '|');
  return nf_buf_append(b, key, n);
}

START_TEST(kind_rows) {
  const row *r = &rows[_i];
  const nf_field_kind_v1 *k = nf_registry_kind(reg, r->kind);
  ck_assert_ptr_nonnull(k);
  ck_assert_int_eq(k->mode, NF_KIND_TERMS);
  void *instance = NULL;
  nf_error err;
  nf_error_clear(&err);
  nf_kind_env env = {NF_TEST_SCHEMA_DIR};
  if (k->create) ck_assert_int_eq(k->create(&env, &instance, &err), NF_OK);
  size_t n = strlen(r->value);
  nf_buf got = NF_BUF_INIT;

  nf_status s = k->index_keys(instance, r->value, n, collect, &got);
  if (s != NF_OK) nf_buf_printf(&got, "ERROR: %d: ", (int)s);
  ck_assert_str_eq(nf_buf_str(&got), r->index_keys);

  nf_buf_free(&got);
  s = k->query_key(instance, r->value, n, collect, &got, &err);
  if (s != NF_OK) nf_buf_printf(&got, "ERROR: %d: %s", (int)s, err.message);
  ck_assert_str_eq(nf_buf_str(&got), r->query_key);

  /* the label of the value as a key, for a facet counted on its terms */
  nf_buf_free(&got);
  if (k->flags & NF_KIND_FACET_ON_TERMS) {
    ck_assert_ptr_nonnull(k->facet_label);
    ck_assert_int_eq(k->facet_label(instance, r->value, n, collect, &got), NF_OK);
    if (r->label) ck_assert_str_eq(nf_buf_str(&got), r->label);
  } else {
    ck_assert_ptr_null(r->label);
  }
  nf_buf_free(&got);
  if (instance) k->destroy(instance);
}
END_TEST

/* With NF_KIND_ONE_KEY the indexer takes the query key for the index key:
 * for every value they must be the same. */
START_TEST(one_key_kinds_index_their_query_key) {
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    const nf_field_kind_v1 *k = nf_registry_kind(reg, rows[i].kind);
    if (!(k->flags & NF_KIND_ONE_KEY)) continue;
    const char *q = rows[i].query_key;
    if (strncmp(q, "ERROR", 5) == 0) q = PARSE;
    ck_assert_msg(strcmp(rows[i].index_keys, q) == 0, "%s %s", rows[i].kind, rows[i].value);
  }
}
END_TEST

/* With NF_KIND_QUERY_KEY_FIRST the indexer takes the first index key for
 * the facet's key: for every value it must be the query key. */
START_TEST(query_key_first_kinds_index_it_first) {
  size_t checked = 0;
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    const nf_field_kind_v1 *k = nf_registry_kind(reg, rows[i].kind);
    if (!(k->flags & NF_KIND_QUERY_KEY_FIRST)) continue;
    const char *q = rows[i].query_key, *keys = rows[i].index_keys;
    if (strncmp(q, "ERROR", 5) == 0) continue;
    size_t first = strcspn(keys, "|");
    ck_assert_msg(strlen(q) == first && strncmp(keys, q, first) == 0, "%s %s", rows[i].kind,
                  rows[i].value);
    checked++;
  }
  ck_assert_uint_gt(checked, 5);
}
END_TEST

/* The built-ins in the order the schema's message lists them, each with its
 * mode and flags. */
START_TEST(builtin_kinds_and_their_modes) {
  static const struct {
    const char *name;
    nf_kind_mode mode;
    unsigned flags;
    int has_instance;
  } want[] = {
      {"text", NF_KIND_FREE_TEXT, 0, 0},
      {"name", NF_KIND_TERMS, NF_KIND_QUERY_KEY_FIRST, 0},
      {"place", NF_KIND_TERMS, NF_KIND_ONE_KEY, 1},
      {"exact", NF_KIND_TERMS, NF_KIND_ONE_KEY, 0},
      {"country", NF_KIND_TERMS, NF_KIND_FACET_ON_TERMS, 1},
      {"title", NF_KIND_TERMS, NF_KIND_QUERY_KEY_FIRST, 1},
      {"date", NF_KIND_DATE, 0, 0},
      {"id", NF_KIND_UNIQUE, 0, 0},
      {"agency", NF_KIND_TERMS, NF_KIND_ONE_KEY, 1},
      {"org", NF_KIND_TERMS, NF_KIND_ONE_KEY, 0},
      {"vessel", NF_KIND_TERMS, NF_KIND_ONE_KEY, 0},
  };
  ck_assert_uint_eq(nf_registry_kind_count(reg), sizeof want / sizeof want[0]);
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
    const nf_field_kind_v1 *k = nf_registry_kind_at(reg, i);
    ck_assert_str_eq(k->name, want[i].name);
    ck_assert_ptr_eq(nf_registry_kind(reg, want[i].name), k);
    ck_assert_int_eq(k->mode, want[i].mode);
    ck_assert_uint_eq(k->flags, want[i].flags);
    ck_assert_int_eq(k->create != NULL, want[i].has_instance);
    ck_assert(k->description && *k->description);
  }
  ck_assert_ptr_null(nf_registry_kind_at(reg, sizeof want / sizeof want[0]));
  ck_assert_ptr_null(nf_registry_kind(reg, "color"));
}
END_TEST

/* A kind's data is missing: create fails naming the file. */
START_TEST(kind_data_missing_is_an_error) {
  const nf_field_kind_v1 *k = nf_registry_kind(reg, "country");
  nf_kind_env env = {"/nonexistent"};
  void *instance = (void *)1;
  nf_error err;
  nf_error_clear(&err);
  ck_assert_int_eq(k->create(&env, &instance, &err), NF_ERR_IO);
  ck_assert_ptr_null(instance);
  ck_assert_str_eq(err.where, "/nonexistent/countries.tsv");
}
END_TEST

START_TEST(facet_prefixes) {
  nf_field speaker = {
      .name = "speaker", .kind = nf_registry_kind(reg, "name"), .prefix = "XSPEAKER"};
  nf_field country = {.name = "country", .kind = nf_registry_kind(reg, "country"), .prefix = "N"};
  nf_field mine = {.name = "my_field2", .kind = nf_registry_kind(reg, "exact"), .prefix = "XMY"};
  nf_field ship = {.name = "vessel", .kind = nf_registry_kind(reg, "vessel"), .prefix = "XVESSEL"};
  char buf[NF_FACET_PREFIX_MAX];
  nf_facet_prefix(&speaker, buf);
  ck_assert_str_eq(buf, "XFSPEAKER");
  nf_facet_prefix(&country, buf);
  ck_assert_str_eq(buf, "N");
  nf_facet_prefix(&mine, buf);
  ck_assert_str_eq(buf, "XFMYUFIELD2");
  nf_facet_prefix(&ship, buf);
  ck_assert_str_eq(buf, "XFVESSEL");
}
END_TEST

int main(void) {
  Suite *s = suite_create("kinds");
  TCase *tc = tcase_create("kinds");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_loop_test(tc, kind_rows, 0, (int)(sizeof rows / sizeof rows[0]));
  tcase_add_test(tc, one_key_kinds_index_their_query_key);
  tcase_add_test(tc, query_key_first_kinds_index_it_first);
  tcase_add_test(tc, builtin_kinds_and_their_modes);
  tcase_add_test(tc, kind_data_missing_is_an_error);
  tcase_add_test(tc, facet_prefixes);
  suite_add_tcase(s, tc);
  return nf_test_main(s);
}
