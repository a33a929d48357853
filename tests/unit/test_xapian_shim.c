/* The C++ shim over Xapian: real round trips through real databases. */
#include <check.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "newsfields/version.h"
#include "xapian/shim.h"

#define OK(expr)                                                                             \
  do {                                                                                       \
    nf_error ok_err_;                                                                        \
    nf_error_clear(&ok_err_);                                                                \
    nf_status ok_s_ = (expr);                                                                \
    ck_assert_msg(ok_s_ == NF_OK, "%s: %s: %s", #expr, nf_strerror(ok_s_), ok_err_.message); \
  } while (0)
/* OK() passes &ok_err_ as E to the call. */
#define E (&ok_err_)

enum { SLOT_DATE = 0, SLOT_ID = 1 };

/* ---- temporary directories ------------------------------------------- */

static char tmp[64];

static void rm_rf(const char *path) {
  struct stat st;
  if (lstat(path, &st) != 0) return;
  if (S_ISDIR(st.st_mode)) {
    DIR *d = opendir(path);
    if (d) {
      struct dirent *e;
      while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        char sub[1024];
        snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
        rm_rf(sub);
      }
      closedir(d);
    }
    rmdir(path);
  } else {
    unlink(path);
  }
}

static void setup(void) {
  snprintf(tmp, sizeof tmp, "/tmp/nf_shim_XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(tmp));
}

static void teardown(void) { rm_rf(tmp); }

static const char *in_tmp(const char *name) {
  static char paths[4][1024];
  static int next;
  char *p = paths[next++ % 4];
  snprintf(p, sizeof paths[0], "%s/%s", tmp, name);
  return p;
}

/* ---- a small corpus ---------------------------------------------------- */

typedef struct article {
  const char *id, *date, *headline, *body;
  const char *speakers[3], *countries[3];
} article;

static const article corpus[] = {
    {"d1",
     "20211130",
     "Defense ministers meet",
     "The defense minister was signing an agreement in Vilnius.",
     {"Austin", "Anušauskas"},
     {"lt", "us"}},
    {"d2",
     "20211201",
     "Treaty talks",
     "Talks on the treaty continued; nothing signed yet.",
     {"Austin"},
     {"us"}},
    {"d3", "20211215", "Markets", "Stocks fell and bonds rose.", {NULL}, {"gb"}},
    {"d4", "20211231", "Year end", "A quiet year for the treaty.", {"Blinken"}, {"us", "lt"}},
    {"d5",
     "20220105",
     "New year",
     "The minister said the treaty is signed.",
     {"Austin", "Blinken"},
     {"lt"}},
};
#define NCORPUS (sizeof corpus / sizeof corpus[0])

static nf_xdoc *make_doc(const article *a) {
  nf_xdoc *doc = NULL;
  OK(nf_xdoc_new("english", &doc, E));
  OK(nf_xdoc_index_text(doc, a->headline, strlen(a->headline), "S", E));
  nf_xdoc_increase_termpos(doc, 100);
  OK(nf_xdoc_index_text(doc, a->body, strlen(a->body), "", E));
  for (int i = 0; i < 3 && a->speakers[i]; i++)
    OK(nf_xdoc_add_boolean_term(doc, "XSPEAKER", a->speakers[i], strlen(a->speakers[i]), E));
  for (int i = 0; i < 3 && a->countries[i]; i++)
    OK(nf_xdoc_add_boolean_term(doc, "N", a->countries[i], strlen(a->countries[i]), E));
  OK(nf_xdoc_add_boolean_term(doc, "Q", a->id, strlen(a->id), E));
  OK(nf_xdoc_set_value(doc, SLOT_DATE, a->date, strlen(a->date), E));
  OK(nf_xdoc_set_value(doc, SLOT_ID, a->id, strlen(a->id), E));
  OK(nf_xdoc_set_data(doc, a->id, strlen(a->id), E));
  return doc;
}

static void add_article(nf_xdb *db, const article *a) {
  nf_xdoc *doc = make_doc(a);
  char uid[32];
  snprintf(uid, sizeof uid, "Q%s", a->id);
  OK(nf_xdb_replace(db, uid, strlen(uid), doc, E));
  nf_xdoc_free(doc);
}

/* A committed database at path holding corpus[from..to). */
static void build(const char *path, size_t from, size_t to) {
  nf_xdb *db = NULL;
  OK(nf_xdb_open_writable(path, &db, E));
  for (size_t i = from; i < to; i++) add_article(db, &corpus[i]);
  OK(nf_xdb_commit(db, E));
  nf_xdb_free(db);
}

static nf_xdb *open_db(const char *path) {
  nf_xdb *db = NULL;
  OK(nf_xdb_open(path, &db, E));
  return db;
}

static nf_xqp *make_parser(nf_xdb *db) {
  nf_xqp *qp = NULL;
  OK(nf_xqp_new(db, "english", &qp, E));
  OK(nf_xqp_add_prefix(qp, "headline", "S", E));
  OK(nf_xqp_add_boolean_prefix(qp, "speaker", "XSPEAKER", E));
  OK(nf_xqp_add_boolean_prefix(qp, "country", "N", E));
  OK(nf_xqp_add_date_range(qp, "date", SLOT_DATE, E));
  return qp;
}

/* The ids of the matches, in id order, space-separated, into buf. */
static const char *hits_of(nf_xdb *db, const nf_xquery *q, char *buf, size_t size) {
  nf_xenquire *e = NULL;
  nf_xmset *m = NULL;
  OK(nf_xenquire_new(db, &e, E));
  OK(nf_xenquire_set_query(e, q, E));
  OK(nf_xenquire_sort_by_value(e, SLOT_ID, 0, E));
  OK(nf_xenquire_run(e, 0, 100, &m, E));
  buf[0] = '\0';
  for (size_t i = 0; i < nf_xmset_size(m); i++) {
    char *data = NULL;
    size_t len = 0;
    OK(nf_xmset_data(m, i, &data, &len, E));
    if (i) strncat(buf, " ", size - strlen(buf) - 1);
    strncat(buf, data, size - strlen(buf) - 1);
    free(data);
  }
  nf_xmset_free(m);
  nf_xenquire_free(e);
  return buf;
}

static const char *hits(nf_xdb *db, nf_xqp *qp, const char *query, char *buf, size_t size) {
  nf_xquery *q = NULL;
  OK(nf_xqp_parse(qp, query, strlen(query), &q, E));
  hits_of(db, q, buf, size);
  nf_xquery_free(q);
  return buf;
}

static char *metadata(nf_xdb *db, const char *key) {
  char *v = NULL;
  OK(nf_xdb_get_metadata(db, key, &v, E));
  return v;
}

static unsigned long doccount(nf_xdb *db) {
  unsigned long n = 0;
  OK(nf_xdb_doccount(db, &n, E));
  return n;
}

static unsigned long termfreq(nf_xdb *db, const char *term) {
  unsigned long n = 0;
  OK(nf_xdb_termfreq(db, term, strlen(term), &n, E));
  return n;
}

/* ---- databases --------------------------------------------------------- */

static nf_status list_term(void *ctx, const char *rest, size_t n, unsigned long freq) {
  char *out = ctx;
  snprintf(out + strlen(out), 256 - strlen(out), "%s%.*s=%lu", *out ? " " : "", (int)n, rest, freq);
  return NF_OK;
}

static nf_status stop_at_once(void *ctx, const char *rest, size_t n, unsigned long freq) {
  (void)ctx, (void)rest, (void)n, (void)freq;
  return NF_ERR_LIMIT;
}

START_TEST(create_reopen_doccount) {
  build(in_tmp("db"), 0, NCORPUS);
  nf_xdb *db = open_db(in_tmp("db"));
  ck_assert_uint_eq(doccount(db), NCORPUS);
  ck_assert_uint_eq(termfreq(db, "XSPEAKER:Austin"), 3);
  ck_assert_uint_eq(termfreq(db, "Nlt"), 3);
  ck_assert_uint_eq(termfreq(db, "nosuchterm"), 0);
  /* the terms of a prefix, what follows it and how many documents */
  char terms[256] = "";
  OK(nf_xdb_each_term(db, "XSPEAKER", list_term, terms, E));
  ck_assert_str_eq(terms, ":Anušauskas=1 :Austin=3 :Blinken=2");
  nf_error stop;
  ck_assert_int_eq(nf_xdb_each_term(db, "XSPEAKER", stop_at_once, NULL, &stop), NF_ERR_LIMIT);
  char *data = NULL;
  size_t len = 0;
  OK(nf_xdb_get_data_by_term(db, "Qd4", 3, &data, &len, E));
  ck_assert_str_eq(data, "d4");
  ck_assert_uint_eq(len, 2);
  free(data);
  nf_error err;
  ck_assert_int_eq(nf_xdb_get_data_by_term(db, "Qd9", 3, &data, &len, &err), NF_ERR_NOT_FOUND);
  ck_assert_ptr_null(data);
  ck_assert_ptr_nonnull(strstr(err.message, "Qd9"));
  /* A read-only database refuses changes. */
  nf_xdoc *doc = make_doc(&corpus[0]);
  ck_assert_int_eq(nf_xdb_replace(db, "Qd1", 3, doc, &err), NF_ERR_INVALID);
  ck_assert_int_eq(nf_xdb_commit(db, &err), NF_ERR_INVALID);
  nf_xdoc_free(doc);
  nf_xdb_free(db);
}
END_TEST

START_TEST(replace_by_unique_term_keeps_one) {
  nf_xdb *db = NULL;
  OK(nf_xdb_open_writable(in_tmp("db"), &db, E));
  article a = corpus[0];
  add_article(db, &a);
  a.body = "A second version of the first article.";
  nf_xdoc *doc = make_doc(&a);
  OK(nf_xdoc_set_data(doc, "v2", 2, E));
  OK(nf_xdb_replace(db, "Qd1", 3, doc, E));
  nf_xdoc_free(doc);
  add_article(db, &corpus[1]);
  OK(nf_xdb_commit(db, E));
  ck_assert_uint_eq(doccount(db), 2);
  char *data = NULL;
  OK(nf_xdb_get_data_by_term(db, "Qd1", 3, &data, NULL, E));
  ck_assert_str_eq(data, "v2");
  free(data);
  /* A document without its unique term could never be replaced: refused. */
  nf_error err;
  doc = make_doc(&corpus[2]);
  ck_assert_int_eq(nf_xdb_replace(db, "Qother", 6, doc, &err), NF_ERR_INVALID);
  ck_assert_ptr_nonnull(strstr(err.message, "Qother"));
  nf_xdoc_free(doc);
  OK(nf_xdb_delete(db, "Qd2", 3, E));
  OK(nf_xdb_delete(db, "Qnone", 5, E));
  OK(nf_xdb_commit(db, E));
  ck_assert_uint_eq(doccount(db), 1);
  nf_xdb_free(db);
  db = open_db(in_tmp("db"));
  ck_assert_uint_eq(doccount(db), 1);
  nf_xdb_free(db);
}
END_TEST

START_TEST(uncommitted_changes_discarded_by_free) {
  nf_xdb *db = NULL;
  OK(nf_xdb_open_writable(in_tmp("db"), &db, E));
  add_article(db, &corpus[0]);
  OK(nf_xdb_set_metadata(db, "kept", "yes", E));
  OK(nf_xdb_commit(db, E));
  add_article(db, &corpus[1]);
  OK(nf_xdb_delete(db, "Qd1", 3, E));
  OK(nf_xdb_set_metadata(db, "dropped", "yes", E));
  ck_assert_uint_eq(doccount(db), 1); /* the writer sees its own changes */
  ck_assert_uint_eq(termfreq(db, "Qd2"), 1);
  nf_xdb_free(db);

  db = open_db(in_tmp("db"));
  ck_assert_uint_eq(doccount(db), 1);
  ck_assert_uint_eq(termfreq(db, "Qd1"), 1);
  ck_assert_uint_eq(termfreq(db, "Qd2"), 0);
  char *v = metadata(db, "kept");
  ck_assert_str_eq(v, "yes");
  free(v);
  v = metadata(db, "dropped");
  ck_assert_str_eq(v, "");
  free(v);
  nf_xdb_free(db);

  /* Reopened for writing, the discarded changes stay gone, and a commit
   * after a discard works as usual. */
  OK(nf_xdb_open_writable(in_tmp("db"), &db, E));
  ck_assert_uint_eq(doccount(db), 1);
  add_article(db, &corpus[2]);
  OK(nf_xdb_commit(db, E));
  OK(nf_xdb_commit(db, E)); /* nothing pending: fine */
  nf_xdb_free(db);
  db = open_db(in_tmp("db"));
  ck_assert_uint_eq(doccount(db), 2);
  nf_xdb_free(db);
}
END_TEST

START_TEST(reader_reopen_sees_new_commit) {
  build(in_tmp("db"), 0, 2);
  nf_xdb *reader = open_db(in_tmp("db"));
  nf_xdb *writer = NULL;
  OK(nf_xdb_open_writable(in_tmp("db"), &writer, E));
  add_article(writer, &corpus[2]);
  OK(nf_xdb_commit(writer, E));
  ck_assert_uint_eq(doccount(reader), 2); /* a reader sees one snapshot */
  OK(nf_xdb_reopen(reader, E));
  ck_assert_uint_eq(doccount(reader), 3);
  nf_xdb_free(writer);
  nf_xdb_free(reader);
}
END_TEST

START_TEST(metadata_round_trip) {
  nf_xdb *db = NULL;
  OK(nf_xdb_open_writable(in_tmp("db"), &db, E));
  OK(nf_xdb_set_metadata(db, NF_XLANGUAGE_KEY, "english", E));
  OK(nf_xdb_set_metadata(db, "schema", "{\"v\": 1}", E));
  OK(nf_xdb_commit(db, E));
  nf_xdb_free(db);
  db = open_db(in_tmp("db"));
  char *v = metadata(db, "schema");
  ck_assert_str_eq(v, "{\"v\": 1}");
  free(v);
  v = metadata(db, NF_XLANGUAGE_KEY);
  ck_assert_str_eq(v, "english");
  free(v);
  v = metadata(db, "unset");
  ck_assert_str_eq(v, "");
  free(v);
  nf_xdb_free(db);
}
END_TEST

START_TEST(stub_file_with_auto_line) {
  build(in_tmp("db1"), 0, 2);
  build(in_tmp("db2"), 2, NCORPUS);
  FILE *f = fopen(in_tmp("one.stub"), "w");
  ck_assert_ptr_nonnull(f);
  fprintf(f, "# a comment\nauto db1\n"); /* relative to the stub's folder */
  fclose(f);
  f = fopen(in_tmp("two.stub"), "w");
  ck_assert_ptr_nonnull(f);
  fprintf(f, "auto %s\nauto db2\n", in_tmp("db1"));
  fclose(f);

  nf_xdb *db = open_db(in_tmp("one.stub"));
  ck_assert_uint_eq(doccount(db), 2);
  nf_xdb_free(db);
  db = open_db(in_tmp("two.stub"));
  ck_assert_uint_eq(doccount(db), NCORPUS);
  nf_xdb_free(db);
}
END_TEST

static void check_corpus_facets(nf_xdb *db) {
  nf_xenquire *e = NULL;
  nf_xquery *q = NULL;
  nf_xmset *m = NULL;
  size_t speakers = 9, countries = 9;
  OK(nf_xenquire_new(db, &e, E));
  OK(nf_xquery_match_all(&q, E));
  OK(nf_xenquire_set_query(e, q, E));
  OK(nf_xenquire_add_term_facet(e, "XSPEAKER", &speakers, E));
  OK(nf_xenquire_add_term_facet(e, "N", &countries, E));
  ck_assert_uint_eq(speakers, 0);
  ck_assert_uint_eq(countries, 1);
  OK(nf_xenquire_run(e, 0, 2, &m, E));
  ck_assert_uint_eq(nf_xmset_size(m), 2);
  ck_assert_uint_eq(nf_xmset_total(m), NCORPUS);
  static const struct {
    const char *value;
    unsigned long count;
  } want_speakers[] = {{"Austin", 3}, {"Blinken", 2}, {"Anušauskas", 1}},
    want_countries[] = {{"lt", 3}, {"us", 3}, {"gb", 1}};
  ck_assert_uint_eq(nf_xmset_facet_size(m, speakers), 3);
  for (size_t i = 0; i < 3; i++) {
    ck_assert_str_eq(nf_xmset_facet_value(m, speakers, i), want_speakers[i].value);
    ck_assert_uint_eq(nf_xmset_facet_count(m, speakers, i), want_speakers[i].count);
  }
  ck_assert_uint_eq(nf_xmset_facet_size(m, countries), 3);
  for (size_t i = 0; i < 3; i++) {
    ck_assert_str_eq(nf_xmset_facet_value(m, countries, i), want_countries[i].value);
    ck_assert_uint_eq(nf_xmset_facet_count(m, countries, i), want_countries[i].count);
  }
  nf_xmset_free(m);
  nf_xquery_free(q);
  nf_xenquire_free(e);
}

START_TEST(two_databases_as_one) {
  build(in_tmp("db1"), 0, 3);
  build(in_tmp("db2"), 3, NCORPUS);
  const char *paths[] = {in_tmp("db1"), in_tmp("db2")};
  nf_xdb *db = NULL;
  OK(nf_xdb_open_many(paths, 2, &db, E));
  ck_assert_uint_eq(doccount(db), NCORPUS);
  ck_assert_uint_eq(termfreq(db, "XSPEAKER:Austin"), 3);
  nf_xqp *qp = make_parser(db);
  char buf[256];
  ck_assert_str_eq(hits(db, qp, "treaty", buf, sizeof buf), "d2 d4 d5");
  ck_assert_str_eq(hits(db, qp, "country:lt", buf, sizeof buf), "d1 d4 d5");
  char *data = NULL;
  OK(nf_xdb_get_data_by_term(db, "Qd5", 3, &data, NULL, E));
  ck_assert_str_eq(data, "d5");
  free(data);
  check_corpus_facets(db); /* counts summed over both */
  nf_xqp_free(qp);
  nf_xdb_free(db);

  nf_error err;
  ck_assert_int_eq(nf_xdb_open_many(paths, 0, &db, &err), NF_ERR_INVALID);
  ck_assert_ptr_null(db);
}
END_TEST

/* ---- terms --------------------------------------------------------------- */

static const struct {
  const char *prefix, *value, *term;
} term_rows[] = {
    {"XSPEAKER", "Austin", "XSPEAKER:Austin"},
    {"N", "lt", "Nlt"},
    {"XSPEAKER", "austin", "XSPEAKERaustin"},
    {"N", "LT", "NLT"},                           /* one-letter prefix: no ':' */
    {"XSPEAKER", "Šimonytė", "XSPEAKERŠimonytė"}, /* only ASCII capitals */
    {"XSPEAKER", ":x", "XSPEAKER::x"},            /* ':' too, as the QueryParser */
    {"XFOO:", "Bar", "XFOO:Bar"},                 /* prefix already ends in ':' */
    {"XA", "1", "XA1"},
    {"", "plain", "plain"},
};

START_TEST(boolean_term_colon_rule) {
  size_t len = 0;
  char *t =
      nf_xterm_make(term_rows[_i].prefix, term_rows[_i].value, strlen(term_rows[_i].value), &len);
  ck_assert_str_eq(t, term_rows[_i].term);
  ck_assert_uint_eq(len, strlen(term_rows[_i].term));
  free(t);
  if (!*term_rows[_i].prefix) return;

  /* The QueryParser builds the same term for a boolean prefix. */
  nf_xqp *qp = NULL;
  nf_xquery *q = NULL;
  OK(nf_xqp_new(NULL, "english", &qp, E));
  OK(nf_xqp_add_boolean_prefix(qp, "f", term_rows[_i].prefix, E));
  char query[128], want[128];
  snprintf(query, sizeof query, "f:%s", term_rows[_i].value);
  OK(nf_xqp_parse(qp, query, strlen(query), &q, E));
  char *d = nf_xquery_describe(q);
  snprintf(want, sizeof want, "Query(0 * %s)", term_rows[_i].term);
  ck_assert_str_eq(d, want);
  free(d);
  nf_xquery_free(q);
  nf_xqp_free(qp);

  /* And the document gets it. */
  nf_xdb *db = NULL;
  OK(nf_xdb_open_writable(in_tmp("db"), &db, E));
  nf_xdoc *doc = NULL;
  OK(nf_xdoc_new(NULL, &doc, E));
  OK(nf_xdoc_add_boolean_term(doc, term_rows[_i].prefix, term_rows[_i].value,
                              strlen(term_rows[_i].value), E));
  OK(nf_xdoc_add_boolean_term(doc, "Q", "1", 1, E));
  OK(nf_xdoc_set_data(doc, "1", 1, E));
  OK(nf_xdb_replace(db, "Q1", 2, doc, E));
  ck_assert_uint_eq(termfreq(db, term_rows[_i].term), 1);
  OK(nf_xquery_boolean_term(term_rows[_i].prefix, term_rows[_i].value, strlen(term_rows[_i].value),
                            &q, E));
  d = nf_xquery_describe(q);
  snprintf(want, sizeof want, "Query(%s)", term_rows[_i].term);
  ck_assert_str_eq(d, want);
  free(d);
  nf_xquery_free(q);
  nf_xdoc_free(doc);
  nf_xdb_free(db);
}
END_TEST

START_TEST(over_long_term_skipped) {
  char value[400];
  memset(value, 'a', sizeof value);
  const size_t longest = NF_XTERM_MAX - strlen("XCREDIT");
  nf_xdb *db = NULL;
  OK(nf_xdb_open_writable(in_tmp("db"), &db, E));
  nf_xdoc *doc = NULL;
  OK(nf_xdoc_new("english", &doc, E));
  OK(nf_xdoc_add_boolean_term(doc, "XCREDIT", value, longest, E));      /* kept */
  OK(nf_xdoc_add_boolean_term(doc, "XCREDIT", value, longest + 1, E));  /* skipped */
  OK(nf_xdoc_add_boolean_term(doc, "XCREDIT", value, sizeof value, E)); /* skipped */
  OK(nf_xdoc_add_boolean_term(doc, "XCREDIT", "short", 5, E));
  OK(nf_xdoc_add_boolean_term(doc, "Q", "1", 1, E));
  OK(nf_xdoc_set_data(doc, "1", 1, E));
  OK(nf_xdb_replace(db, "Q1", 2, doc, E));
  OK(nf_xdb_commit(db, E));
  nf_xdoc_free(doc);

  ck_assert_uint_eq(termfreq(db, "XCREDITshort"), 1);
  nf_xquery *q = NULL;
  char buf[64];
  OK(nf_xquery_boolean_term("XCREDIT", value, longest, &q, E));
  ck_assert_str_eq(hits_of(db, q, buf, sizeof buf), "1");
  nf_xquery_free(q);
  OK(nf_xquery_boolean_term("XCREDIT", value, sizeof value, &q, E)); /* built */
  ck_assert_str_eq(hits_of(db, q, buf, sizeof buf), "");             /* no match */
  nf_xquery_free(q);
  nf_xdb_free(db);
}
END_TEST

/* ---- query parsing and search ------------------------------------------ */

static const struct {
  const char *query, *hits;
} search_rows[] = {
    {"signed", "d1 d2 d5"}, /* stemmed: "signing" too */
    {"signing", "d1 d2 d5"},
    {"\"treaty continued\"", "d2"}, /* phrase */
    {"\"yet signed\"", ""},
    {"treaty", "d2 d4 d5"},
    {"headline:treaty", "d2"}, /* prefixed free text */
    {"headline:ministers", "d1"},
    {"speaker:Austin", "d1 d2 d5"}, /* boolean prefix */
    {"speaker:Anušauskas", "d1"},
    {"country:lt", "d1 d4 d5"},
    {"treaty country:lt", "d4 d5"},
    {"treaty speaker:Austin country:us", "d2"},
    {"speaker:Austin OR speaker:Blinken", "d1 d2 d4 d5"},
    {"treaty NOT signed", "d4"},
    {"treaty -signed", "d4"},
    {"NOT country:us", "d3 d5"}, /* pure NOT */
    {"(minister OR stocks) AND NOT treaty", "d1 d3"},
    {"treaty and signed", "d2 d5"}, /* boolean operators in any case */
    {"", ""},
};

START_TEST(parse_and_search) {
  build(in_tmp("db"), 0, NCORPUS);
  nf_xdb *db = open_db(in_tmp("db"));
  nf_xqp *qp = make_parser(db);
  char buf[256];
  ck_assert_msg(
      strcmp(hits(db, qp, search_rows[_i].query, buf, sizeof buf), search_rows[_i].hits) == 0,
      "query '%s': got '%s', want '%s'", search_rows[_i].query, buf, search_rows[_i].hits);
  nf_xqp_free(qp);
  nf_xdb_free(db);
}
END_TEST

static const struct {
  const char *query;
  nf_status status;
} syntax_rows[] = {
    {"AND", NF_ERR_QUERY},        {"a OR", NF_ERR_QUERY},
    {"treaty AND", NF_ERR_QUERY}, {"\"unclosed", NF_OK}, /* Xapian closes it */
    {"(treaty", NF_OK},           {"treaty)", NF_OK},
    {"1..5", NF_ERR_QUERY}, /* a range no processor claims */
};

START_TEST(syntax_errors) {
  nf_xqp *qp = NULL;
  OK(nf_xqp_new(NULL, "english", &qp, E));
  OK(nf_xqp_add_date_range(qp, "date", SLOT_DATE, E));
  nf_xquery *q = NULL;
  nf_error err;
  nf_error_clear(&err);
  const char *s = syntax_rows[_i].query;
  nf_status st = nf_xqp_parse(qp, s, strlen(s), &q, &err);
  ck_assert_msg(st == syntax_rows[_i].status, "'%s': %s %s", s, nf_strerror(st), err.message);
  if (st == NF_OK) {
    ck_assert_ptr_nonnull(q);
  } else {
    ck_assert_ptr_null(q);
    ck_assert_int_eq(err.status, st);
    ck_assert_str_ne(err.message, "");
  }
  nf_xquery_free(q);
  nf_xqp_free(qp);
}
END_TEST

/* A field processor: country names to codes, counting its calls in ctx. */
typedef struct country_ctx {
  int calls;
} country_ctx;

static nf_status country_field(void *ctx, const char *value, size_t n, nf_xquery **out,
                               nf_error *err) {
  ((country_ctx *)ctx)->calls++;
  if (n == 9 && memcmp(value, "Lithuania", 9) == 0)
    return nf_xquery_boolean_term("N", "lt", 2, out, err);
  if (n == 13 && memcmp(value, "United States", 13) == 0)
    return nf_xquery_boolean_term("N", "us", 2, out, err);
  if (n == 4 && memcmp(value, "null", 4) == 0) return NF_OK; /* a buggy processor */
  if (n == 3 && memcmp(value, "oom", 3) == 0) return nf_error_set(err, NF_ERR_NOMEM, NULL);
  return nf_error_set(err, NF_ERR_QUERY, "unknown country '%.*s'", (int)n, value);
}

START_TEST(field_processor_callback) {
  build(in_tmp("db"), 0, NCORPUS);
  nf_xdb *db = open_db(in_tmp("db"));
  nf_xqp *qp = make_parser(db);
  country_ctx ctx = {0};
  OK(nf_xqp_add_field_processor(qp, "place", 1, country_field, &ctx, E));
  OK(nf_xqp_add_field_processor(qp, "in", 0, country_field, &ctx, E)); /* not boolean */
  char buf[256];
  ck_assert_str_eq(hits(db, qp, "place:Lithuania", buf, sizeof buf), "d1 d4 d5");
  ck_assert_str_eq(hits(db, qp, "treaty place:\"United States\"", buf, sizeof buf), "d2 d4");
  ck_assert_int_eq(ctx.calls, 2);

  nf_xquery *q = NULL;
  nf_error err;
  const char *bad = "treaty place:Atlantis";
  ck_assert_int_eq(nf_xqp_parse(qp, bad, strlen(bad), &q, &err), NF_ERR_QUERY);
  ck_assert_ptr_null(q);
  ck_assert_str_eq(err.message, "unknown country 'Atlantis'");
  ck_assert_int_eq(ctx.calls, 3);
  /* The first error stops further calls and explains a later syntax error. */
  const char *two = "place:Narnia OR place:Lithuania AND";
  ck_assert_int_eq(nf_xqp_parse(qp, two, strlen(two), &q, &err), NF_ERR_QUERY);
  ck_assert_ptr_null(q);
  ck_assert_str_eq(err.message, "unknown country 'Narnia'");
  ck_assert_int_eq(ctx.calls, 4);
  /* Not the user's fault: the status is kept. */
  ck_assert_int_eq(nf_xqp_parse(qp, "place:null", 10, &q, &err), NF_ERR_INTERNAL);
  ck_assert_ptr_nonnull(strstr(err.message, "place"));
  ck_assert_int_eq(nf_xqp_parse(qp, "place:oom", 9, &q, &err), NF_ERR_NOMEM);
  ck_assert_ptr_null(q);
  /* And the parser works normally afterwards. */
  ck_assert_str_eq(hits(db, qp, "place:Lithuania", buf, sizeof buf), "d1 d4 d5");
  /* A free-text field's processor gets each word lower-cased by Xapian
   * (so name fields use boolean ones); its errors come through the same way. */
  ck_assert_int_eq(nf_xqp_parse(qp, "treaty in:Lithuania", 19, &q, &err), NF_ERR_QUERY);
  ck_assert_ptr_null(q);
  ck_assert_str_eq(err.message, "unknown country 'lithuania'");
  nf_xqp_free(qp);
  nf_xdb_free(db);
}
END_TEST

static const struct {
  const char *query, *hits;
} date_rows[] = {
    {"date:2021-12-01..2021-12-31", "d2 d3 d4"},
    {"date:20211201..20211215", "d2 d3"},
    {"date:..2021-11-30", "d1"},
    {"date:2022..", "d5"},
    {"date:2021-12..2021-12", "d2 d3 d4"}, /* a month covers all its days */
    {"date:2021..2021", "d1 d2 d3 d4"},
    {"date:2021-12-15..date:2022", "d3 d4 d5"},
    {"date:2021-11..", "d1 d2 d3 d4 d5"},
    {"treaty date:2021-12..", "d2 d4 d5"},
    {"date:2020-02-29..2020-02-29", ""}, /* a leap day is a valid date */
    {"date:2021-12-15", "d3"},           /* one date: its day, month or year */
    {"date:20211130", "d1"},
    {"date:2021-12", "d2 d3 d4"},
    {"date:2022", "d5"},
    {"treaty date:2021", "d2 d4"},
};

START_TEST(date_ranges) {
  build(in_tmp("db"), 0, NCORPUS);
  nf_xdb *db = open_db(in_tmp("db"));
  nf_xqp *qp = make_parser(db);
  char buf[256];
  ck_assert_msg(strcmp(hits(db, qp, date_rows[_i].query, buf, sizeof buf), date_rows[_i].hits) == 0,
                "query '%s': got '%s', want '%s'", date_rows[_i].query, buf, date_rows[_i].hits);
  nf_xqp_free(qp);
  nf_xdb_free(db);
}
END_TEST

START_TEST(date_range_queries) {
  nf_xqp *qp = NULL;
  OK(nf_xqp_new(NULL, "english", &qp, E));
  OK(nf_xqp_add_date_range(qp, "date", 3, E));
  static const struct {
    const char *query, *description;
  } rows[] = {
      {"date:2021-12-01..2021-12-31", "Query(VALUE_RANGE 3 20211201 20211231)"},
      {"date:2021-02..2021-02", "Query(VALUE_RANGE 3 20210201 20210228)"},
      {"date:2024-02..2024", "Query(VALUE_RANGE 3 20240201 20241231)"},
      {"date:..2021", "Query(VALUE_LE 3 20211231)"},
      {"date:2021..", "Query(VALUE_GE 3 20210101)"},
      {"date:2021-12", "Query(VALUE_RANGE 3 20211201 20211231)"},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    nf_xquery *q = NULL;
    OK(nf_xqp_parse(qp, rows[i].query, strlen(rows[i].query), &q, E));
    char *d = nf_xquery_describe(q);
    ck_assert_str_eq(d, rows[i].description);
    free(d);
    nf_xquery_free(q);
  }
  nf_xqp_free(qp);
}
END_TEST

static const struct {
  const char *query, *named;
} bad_date_rows[] = {
    {"date:2021-13-01..2021-12-31", "2021-13-01"},
    {"date:2021-02-30..", "2021-02-30"},
    {"date:2021-02-29..", "2021-02-29"}, /* not a leap year */
    {"date:..2021-1-5", "2021-1-5"},
    {"date:abc..2021", "abc"},
    {"date:2021-12-01..21", "'21'"},
    {"date:2022..2021", "ends before it starts"},
    {"date:..", "needs a start or an end"},
    {"date:2021-13", "'2021-13'"},
    {"date:yesterday", "'yesterday'"},
};

START_TEST(bad_dates) {
  nf_xqp *qp = NULL;
  OK(nf_xqp_new(NULL, "english", &qp, E));
  OK(nf_xqp_add_date_range(qp, "date", SLOT_DATE, E));
  nf_xquery *q = NULL;
  nf_error err;
  const char *s = bad_date_rows[_i].query;
  ck_assert_int_eq(nf_xqp_parse(qp, s, strlen(s), &q, &err), NF_ERR_QUERY);
  ck_assert_ptr_null(q);
  ck_assert_msg(strstr(err.message, bad_date_rows[_i].named) != NULL, "'%s': message '%s'", s,
                err.message);
  nf_xqp_free(qp);
}
END_TEST

START_TEST(built_queries) {
  build(in_tmp("db"), 0, NCORPUS);
  nf_xdb *db = open_db(in_tmp("db"));
  nf_xquery *treaty = NULL, *lt = NULL, *dec = NULL, *all = NULL, *none = NULL, *q = NULL;
  OK(nf_xquery_term("treaty", 6, &treaty, E));
  OK(nf_xquery_boolean_term("N", "lt", 2, &lt, E));
  OK(nf_xquery_value_range(SLOT_DATE, "20211201", "20211231", &dec, E));
  OK(nf_xquery_match_all(&all, E));
  OK(nf_xquery_match_nothing(&none, E));
  char buf[256];
  ck_assert_str_eq(hits_of(db, treaty, buf, sizeof buf), "d2 d4 d5");
  ck_assert_str_eq(hits_of(db, dec, buf, sizeof buf), "d2 d3 d4");
  ck_assert_str_eq(hits_of(db, all, buf, sizeof buf), "d1 d2 d3 d4 d5");
  ck_assert_str_eq(hits_of(db, none, buf, sizeof buf), "");

  static const struct {
    nf_xop op;
    const char *hits;
  } rows[] = {{NF_XOP_AND, "d4 d5"},
              {NF_XOP_OR, "d1 d2 d4 d5"},
              {NF_XOP_AND_NOT, "d2"},
              {NF_XOP_FILTER, "d4 d5"}};
  const nf_xquery *pair[] = {treaty, lt};
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    OK(nf_xquery_combine(rows[i].op, pair, 2, &q, E));
    ck_assert_str_eq(hits_of(db, q, buf, sizeof buf), rows[i].hits);
    nf_xquery_free(q);
  }
  const nf_xquery *three[] = {treaty, lt, dec};
  OK(nf_xquery_combine(NF_XOP_AND, three, 3, &q, E));
  ck_assert_str_eq(hits_of(db, q, buf, sizeof buf), "d4");
  char *d = nf_xquery_describe(q);
  ck_assert_ptr_nonnull(strstr(d, "VALUE_RANGE 0 20211201 20211231"));
  free(d);
  nf_xquery_free(q);

  nf_xquery *open_end = NULL;
  OK(nf_xquery_value_range(SLOT_DATE, "20211215", NULL, &open_end, E));
  ck_assert_str_eq(hits_of(db, open_end, buf, sizeof buf), "d3 d4 d5");
  nf_xquery_free(open_end);
  OK(nf_xquery_value_range(SLOT_DATE, NULL, "20211201", &open_end, E));
  ck_assert_str_eq(hits_of(db, open_end, buf, sizeof buf), "d1 d2");
  nf_xquery_free(open_end);
  nf_error err;
  ck_assert_int_eq(nf_xquery_value_range(SLOT_DATE, NULL, NULL, &q, &err), NF_ERR_INVALID);
  ck_assert_int_eq(nf_xquery_combine((nf_xop)42, pair, 2, &q, &err), NF_ERR_INVALID);
  ck_assert_ptr_null(q);

  nf_xquery_free(treaty);
  nf_xquery_free(lt);
  nf_xquery_free(dec);
  nf_xquery_free(all);
  nf_xquery_free(none);
  nf_xdb_free(db);
}
END_TEST

/* ---- results --------------------------------------------------------------- */

static nf_xmset *run_all(nf_xdb *db, int sort, unsigned slot, int descending, unsigned offset,
                         unsigned limit) {
  nf_xenquire *e = NULL;
  nf_xquery *q = NULL;
  nf_xmset *m = NULL;
  OK(nf_xenquire_new(db, &e, E));
  OK(nf_xquery_match_all(&q, E));
  OK(nf_xenquire_set_query(e, q, E));
  if (sort) OK(nf_xenquire_sort_by_value(e, slot, descending, E));
  OK(nf_xenquire_run(e, offset, limit, &m, E));
  nf_xquery_free(q);
  nf_xenquire_free(e); /* the mset outlives its enquire */
  return m;
}

static const char *ids(const nf_xmset *m, char *buf, size_t size) {
  buf[0] = '\0';
  for (size_t i = 0; i < nf_xmset_size(m); i++) {
    char *v = NULL;
    OK(nf_xmset_value(m, i, SLOT_ID, &v, E));
    if (i) strncat(buf, " ", size - strlen(buf) - 1);
    strncat(buf, v, size - strlen(buf) - 1);
    free(v);
  }
  return buf;
}

START_TEST(sort_by_value) {
  nf_xdb *db = NULL;
  OK(nf_xdb_open_writable(in_tmp("db"), &db, E));
  /* Added out of date order, so docid order is not date order. */
  static const size_t order[] = {2, 0, 4, 1, 3};
  for (size_t i = 0; i < NCORPUS; i++) add_article(db, &corpus[order[i]]);
  OK(nf_xdb_commit(db, E));
  char buf[256];
  nf_xmset *m = run_all(db, 1, SLOT_DATE, 0, 0, 10);
  ck_assert_str_eq(ids(m, buf, sizeof buf), "d1 d2 d3 d4 d5");
  nf_xmset_free(m);
  m = run_all(db, 1, SLOT_DATE, 1, 0, 10);
  ck_assert_str_eq(ids(m, buf, sizeof buf), "d5 d4 d3 d2 d1");
  char *v = NULL;
  OK(nf_xmset_value(m, 0, SLOT_DATE, &v, E));
  ck_assert_str_eq(v, "20220105");
  free(v);
  OK(nf_xmset_value(m, 0, 42, &v, E)); /* unset slot */
  ck_assert_str_eq(v, "");
  free(v);
  nf_xmset_free(m);
  m = run_all(db, 0, 0, 0, 0, 10); /* relevance: all equal, so docid order */
  ck_assert_str_eq(ids(m, buf, sizeof buf), "d3 d1 d5 d2 d4");
  ck_assert_uint_eq(nf_xmset_docid(m, 0), 1);
  nf_xmset_free(m);
  nf_xdb_free(db);
}
END_TEST

static const struct {
  unsigned offset, limit;
  const char *ids;
} window_rows[] = {
    {0, 10, "d1 d2 d3 d4 d5"},
    {0, 2, "d1 d2"},
    {1, 2, "d2 d3"},
    {4, 10, "d5"},
    {5, 10, ""},
    {0, 0, ""},
};

START_TEST(offset_limit_windows) {
  build(in_tmp("db"), 0, NCORPUS);
  nf_xdb *db = open_db(in_tmp("db"));
  nf_xmset *m = run_all(db, 1, SLOT_DATE, 0, window_rows[_i].offset, window_rows[_i].limit);
  char buf[256];
  ck_assert_str_eq(ids(m, buf, sizeof buf), window_rows[_i].ids);
  ck_assert_uint_eq(nf_xmset_total(m), NCORPUS);
  for (size_t i = 0; i < nf_xmset_size(m); i++) {
    ck_assert_uint_eq(nf_xmset_rank(m, i), window_rows[_i].offset + i);
    ck_assert_uint_ne(nf_xmset_docid(m, i), 0);
  }
  /* Out of range: zero, and an error where there is one. */
  size_t past = nf_xmset_size(m);
  ck_assert_uint_eq(nf_xmset_docid(m, past), 0);
  char *data = NULL;
  nf_error err;
  ck_assert_int_eq(nf_xmset_data(m, past, &data, NULL, &err), NF_ERR_INVALID);
  ck_assert_ptr_null(data);
  nf_xmset_free(m);
  nf_xdb_free(db);
}
END_TEST

START_TEST(weights_and_percent) {
  build(in_tmp("db"), 0, NCORPUS);
  nf_xdb *db = open_db(in_tmp("db"));
  nf_xqp *qp = make_parser(db);
  nf_xquery *q = NULL;
  OK(nf_xqp_parse(qp, "treaty signed", 13, &q, E));
  nf_xenquire *e = NULL;
  nf_xmset *m = NULL;
  OK(nf_xenquire_new(db, &e, E));
  OK(nf_xenquire_set_query(e, q, E));
  OK(nf_xenquire_run(e, 0, 10, &m, E));
  ck_assert_uint_eq(nf_xmset_size(m), 4);
  char *data = NULL;
  OK(nf_xmset_data(m, 0, &data, NULL, E));
  ck_assert_str_eq(data, "d5"); /* the only one with both words */
  free(data);
  ck_assert_int_eq(nf_xmset_percent(m, 0), 100);
  for (size_t i = 1; i < nf_xmset_size(m); i++) {
    ck_assert(nf_xmset_weight(m, i) <= nf_xmset_weight(m, i - 1));
    ck_assert(nf_xmset_weight(m, i) > 0);
  }
  nf_xmset_free(m);
  nf_xenquire_free(e);
  nf_xquery_free(q);
  nf_xqp_free(qp);
  nf_xdb_free(db);
}
END_TEST

static const struct {
  const char *text, *query, *language;
  const char *contains[3];
} snippet_rows[] = {
    {"Officials said <b> & </b> the deal was \"signing\" today, it's said.",
     "signed",
     "english",
     {"[[signing]]", "<b> & </b>", "\"[[signing]]\" today, it's"}},
    {"Tom & Jerry's <script>alert('x')</script> signing.",
     "signing",
     NULL,
     {"Tom & Jerry's <script>alert('x')</script> [[signing]]"}},
    {"The text has &amp; and &lt; already.",
     "text",
     "english",
     {"&amp; and &lt; already", "[[text]]"}},
    {"Private \xEE\x80\x80 use \xEE\x80\x81 characters signed here.",
     "signed",
     "english",
     {"\xEE\x80\x80 use \xEE\x80\x81", "[[signed]]"}},
};

START_TEST(snippets) {
  nf_xdb *db = NULL;
  OK(nf_xdb_open_writable(in_tmp("db"), &db, E));
  const char *text = snippet_rows[_i].text;
  nf_xdoc *doc = NULL;
  OK(nf_xdoc_new("english", &doc, E));
  OK(nf_xdoc_index_text(doc, text, strlen(text), "", E));
  OK(nf_xdoc_add_boolean_term(doc, "Q", "1", 1, E));
  OK(nf_xdoc_set_data(doc, "1", 1, E));
  OK(nf_xdb_replace(db, "Q1", 2, doc, E));
  OK(nf_xdb_commit(db, E));
  nf_xdoc_free(doc);

  nf_xqp *qp = NULL;
  nf_xquery *q = NULL;
  nf_xenquire *e = NULL;
  nf_xmset *m = NULL;
  OK(nf_xqp_new(db, "english", &qp, E));
  OK(nf_xqp_parse(qp, snippet_rows[_i].query, strlen(snippet_rows[_i].query), &q, E));
  OK(nf_xenquire_new(db, &e, E));
  if (snippet_rows[_i].language) OK(nf_xenquire_set_language(e, snippet_rows[_i].language, E));
  OK(nf_xenquire_set_query(e, q, E));
  OK(nf_xenquire_run(e, 0, 10, &m, E));
  ck_assert_uint_eq(nf_xmset_size(m), 1);
  char *s = NULL;
  OK(nf_xmset_snippet(m, text, strlen(text), 200, "[[", "]]", &s, E));
  for (size_t i = 0; i < 3 && snippet_rows[_i].contains[i]; i++)
    ck_assert_msg(strstr(s, snippet_rows[_i].contains[i]) != NULL, "snippet '%s' lacks '%s'", s,
                  snippet_rows[_i].contains[i]);
  ck_assert_ptr_null(strstr(s, "&amp;amp;"));
  free(s);
  nf_xmset_free(m);
  nf_xenquire_free(e);
  nf_xquery_free(q);
  nf_xqp_free(qp);
  nf_xdb_free(db);
}
END_TEST

START_TEST(snippet_of_long_text_is_cut) {
  build(in_tmp("db"), 0, NCORPUS);
  nf_xdb *db = open_db(in_tmp("db"));
  char text[4000] = "";
  for (int i = 0; i < 40; i++) strcat(text, "Nothing much happened on this day. ");
  strcat(text, "Then the minister was signing the treaty. ");
  for (int i = 0; i < 40; i++) strcat(text, "Nothing much happened after that. ");
  nf_xqp *qp = make_parser(db);
  nf_xquery *q = NULL;
  OK(nf_xqp_parse(qp, "signed", 6, &q, E));
  nf_xenquire *e = NULL;
  nf_xmset *m = NULL;
  OK(nf_xenquire_new(db, &e, E));
  OK(nf_xenquire_set_query(e, q, E));
  OK(nf_xenquire_run(e, 0, 10, &m, E));
  char *s = NULL;
  OK(nf_xmset_snippet(m, text, strlen(text), 80, "<em>", "</em>", &s, E));
  ck_assert_ptr_nonnull(strstr(s, "<em>signing</em>"));
  ck_assert_uint_lt(strlen(s), 200);
  free(s);
  nf_xmset_free(m);
  nf_xenquire_free(e);
  nf_xquery_free(q);
  nf_xqp_free(qp);
  nf_xdb_free(db);
}
END_TEST

/* The snippet (40 bytes, marks [ ]) of text for the one match of query. */
static char *snippet_of(nf_xdb *db, nf_xqp *qp, const char *query, const char *text) {
  nf_xquery *q = NULL;
  nf_xenquire *e = NULL;
  nf_xmset *m = NULL;
  char *s = NULL;
  OK(nf_xqp_parse(qp, query, strlen(query), &q, E));
  OK(nf_xenquire_new(db, &e, E));
  OK(nf_xenquire_set_query(e, q, E));
  OK(nf_xenquire_run(e, 0, 10, &m, E));
  ck_assert_uint_eq(nf_xmset_size(m), 1);
  OK(nf_xmset_snippet(m, text, strlen(text), 40, "[", "]", &s, E));
  nf_xmset_free(m);
  nf_xenquire_free(e);
  nf_xquery_free(q);
  return s;
}

/* A query of filters alone has no word in the text: the snippet is the
 * text's lead, cut at a word, or between characters inside a long word;
 * with a word, Xapian's window around it. */
START_TEST(snippet_of_filters_is_the_lead) {
  nf_xdb *db = NULL;
  OK(nf_xdb_open_writable(in_tmp("db"), &db, E));
  nf_xdoc *doc = NULL;
  OK(nf_xdoc_new("english", &doc, E));
  OK(nf_xdoc_index_text(doc, "minister", 8, "", E));
  OK(nf_xdoc_add_boolean_term(doc, "N", "lt", 2, E));
  OK(nf_xdoc_add_boolean_term(doc, "Q", "1", 1, E));
  OK(nf_xdb_replace(db, "Q1", 2, doc, E));
  OK(nf_xdb_commit(db, E));
  nf_xdoc_free(doc);
  nf_xdb_free(db);
  db = open_db(in_tmp("db"));
  nf_xqp *qp = make_parser(db);
  static const struct {
    const char *query, *text, *want;
  } rows[] = {
      {"country:lt", "VILNIUS - The minister signed the deal.",
       "VILNIUS - The minister signed the deal."},
      {"country:lt", "VILNIUS, Dec 20 - The minister signed the deal on Monday.",
       "VILNIUS, Dec 20 - The minister signed..."},
      {"country:lt",
       "\xc4\x84\xc5\xbeuoli\xc5\xa1k\xc4\x97s\xc4\x85\xc5\xbeuoli\xc5\xa1k\xc4\x97s"
       "\xc4\x85\xc5\xbeuoli\xc5\xa1k\xc4\x97s",
       "\xc4\x84\xc5\xbeuoli\xc5\xa1k\xc4\x97s\xc4\x85\xc5\xbeuoli\xc5\xa1k\xc4\x97s"
       "\xc4\x85\xc5\xbeuoli\xc5\xa1k..."}, /* not inside the 2-byte \xc4\x97 */
      {"NOT country:us", "VILNIUS, Dec 20 - The minister signed the deal on Monday.",
       "VILNIUS, Dec 20 - The minister signed..."},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    char *s = snippet_of(db, qp, rows[i].query, rows[i].text);
    ck_assert_msg(strcmp(s, rows[i].want) == 0, "%s: '%s', want '%s'", rows[i].query, s,
                  rows[i].want);
    free(s);
  }
  /* a word of the query: Xapian's window, the word marked */
  char *s = snippet_of(db, qp, "minister country:lt",
                       "VILNIUS, Dec 20 - The minister signed the deal on Monday.");
  ck_assert_msg(strstr(s, "[minister]") != NULL, "%s", s);
  free(s);
  nf_xqp_free(qp);
  nf_xdb_free(db);
}
END_TEST

START_TEST(snippet_language_from_metadata) {
  static const char text[] = "The minister was signing.";
  nf_xdb *db = NULL;
  OK(nf_xdb_open_writable(in_tmp("db"), &db, E));
  OK(nf_xdb_set_metadata(db, NF_XLANGUAGE_KEY, "none", E));
  nf_xdoc *doc = NULL;
  OK(nf_xdoc_new("english", &doc, E));
  OK(nf_xdoc_index_text(doc, text, strlen(text), "", E));
  OK(nf_xdoc_add_boolean_term(doc, "Q", "1", 1, E));
  OK(nf_xdb_replace(db, "Q1", 2, doc, E));
  OK(nf_xdb_commit(db, E));
  nf_xdoc_free(doc);
  nf_xquery *q = NULL;
  OK(nf_xquery_term("Zsign", 5, &q, E));
  nf_xenquire *e = NULL;
  nf_xmset *m = NULL;
  char *s = NULL;
  OK(nf_xenquire_new(db, &e, E));
  OK(nf_xenquire_set_query(e, q, E));
  OK(nf_xenquire_run(e, 0, 10, &m, E));
  OK(nf_xmset_snippet(m, text, strlen(text), 100, "[", "]", &s, E));
  ck_assert_str_eq(s, text); /* no stemmer: "signing" is not "Zsign" */
  free(s);
  nf_xmset_free(m);
  OK(nf_xenquire_set_language(e, "english", E));
  OK(nf_xenquire_run(e, 0, 10, &m, E));
  OK(nf_xmset_snippet(m, text, strlen(text), 100, "[", "]", &s, E));
  ck_assert_str_eq(s, "The minister was [signing].");
  free(s);
  nf_xmset_free(m);
  nf_error err;
  ck_assert_int_eq(nf_xenquire_set_language(e, "klingon", &err), NF_ERR_INVALID);
  nf_xenquire_free(e);
  OK(nf_xdb_set_metadata(db, NF_XLANGUAGE_KEY, "klingon", E));
  e = (nf_xenquire *)1;
  ck_assert_int_eq(nf_xenquire_new(db, &e, &err), NF_ERR_INVALID);
  ck_assert_ptr_null(e);
  nf_xquery_free(q);
  nf_xdb_free(db);
}
END_TEST

START_TEST(facet_counts_exact) {
  /* Enough documents that Xapian would estimate without the facets. */
  nf_xdb *db = NULL;
  OK(nf_xdb_open_writable(in_tmp("db"), &db, E));
  static const char *names[] = {"Austin", "Blinken", "Lavrov", "Stoltenberg"};
  unsigned long want[4] = {0};
  unsigned long matching = 0;
  for (int i = 0; i < 600; i++) {
    nf_xdoc *doc = NULL;
    OK(nf_xdoc_new("english", &doc, E));
    const char *body = i % 7 ? "talks on security" : "talks on trade";
    OK(nf_xdoc_index_text(doc, body, strlen(body), "", E));
    for (int k = 0; k < 4; k++) {
      if (i % (k + 2) != 0) continue;
      OK(nf_xdoc_add_boolean_term(doc, "XSPEAKER", names[k], strlen(names[k]), E));
      if (i % 7) want[k]++;
    }
    /* A longer prefix sharing the start is another field, not a speaker. */
    OK(nf_xdoc_add_boolean_term(doc, "XSPEAKERX", "austin", 6, E));
    if (i % 7) matching++;
    char id[16];
    int len = snprintf(id, sizeof id, "Q%d", i);
    OK(nf_xdoc_add_boolean_term(doc, "", id, (size_t)len, E));
    OK(nf_xdb_replace(db, id, (size_t)len, doc, E));
    nf_xdoc_free(doc);
  }
  OK(nf_xdb_commit(db, E));

  nf_xqp *qp = NULL;
  nf_xquery *q = NULL;
  nf_xenquire *e = NULL;
  OK(nf_xqp_new(db, "english", &qp, E));
  OK(nf_xqp_parse(qp, "security", 8, &q, E));
  OK(nf_xenquire_new(db, &e, E));
  OK(nf_xenquire_set_query(e, q, E));
  size_t facet = 9;
  OK(nf_xenquire_add_term_facet(e, "XSPEAKER", &facet, E));
  /* Twice: counts start again on each run; limit 0 still counts. */
  for (unsigned limit = 0; limit <= 10; limit += 10) {
    nf_xmset *m = NULL;
    OK(nf_xenquire_run(e, 0, limit, &m, E));
    ck_assert_uint_eq(nf_xmset_size(m), limit);
    ck_assert_uint_eq(nf_xmset_total(m), matching);
    ck_assert_uint_eq(nf_xmset_facet_size(m, facet), 4);
    for (size_t i = 0; i < 4; i++) {
      ck_assert_str_eq(nf_xmset_facet_value(m, facet, i), names[i]); /* most frequent first */
      ck_assert_uint_eq(nf_xmset_facet_count(m, facet, i), want[i]);
    }
    ck_assert_ptr_null(nf_xmset_facet_value(m, facet, 4));
    ck_assert_uint_eq(nf_xmset_facet_size(m, facet + 1), 0);
    nf_xmset_free(m);
  }
  nf_xenquire_free(e);
  nf_xquery_free(q);
  nf_xqp_free(qp);
  nf_xdb_free(db);
}
END_TEST

/* Each way term facets can be counted (NF_FACET_METHOD), then the choice. */
static const char *const facet_methods[] = {"termlists", "postlists", "memory", "auto"};

/* What a parsed query costs: terms (filters and ranges included) and phrases. */
static const struct {
  const char *query;
  unsigned long terms, phrases;
} cost_rows[] = {
    {"treaty", 1, 0},
    {"treaty signed minister", 3, 0},
    {"\"defense minister\" treaty", 3, 1},
    {"\"a b c\" OR \"d e\" NOT f", 6, 2},
    {"speaker:Austin country:lt treaty", 3, 0},
    {"date:2021-12-01..2021-12-31 treaty", 2, 0},
    {"((((treaty))))", 1, 0},
    {"of the of the of the of the of the", 10, 0},
    {"headline:(talks OR \"year end\")", 3, 1},
};

START_TEST(query_cost) {
  build(in_tmp("db"), 0, NCORPUS);
  nf_xdb *db = open_db(in_tmp("db"));
  nf_xqp *qp = make_parser(db);
  nf_xquery *q = NULL;
  OK(nf_xqp_parse(qp, cost_rows[_i].query, strlen(cost_rows[_i].query), &q, E));
  nf_xquery_cost cost = {9, 9, 9};
  OK(nf_xquery_cost_of(q, &cost, E));
  ck_assert_msg(cost.terms == cost_rows[_i].terms, "%s: %lu terms", cost_rows[_i].query,
                cost.terms);
  ck_assert_msg(cost.phrases == cost_rows[_i].phrases, "%s: %lu phrases", cost_rows[_i].query,
                cost.phrases);
  ck_assert_uint_eq(cost.wildcards, 0);
  nf_xquery_free(q);
  nf_xqp_free(qp);
  nf_xdb_free(db);
}
END_TEST

/* A run past its time limit stops with NF_ERR_TIMEOUT, whichever way the
 * facets are counted; the enquire then runs again, and no limit changes no
 * result. */
START_TEST(time_limit_stops_a_run) {
  setenv("NF_FACET_METHOD", facet_methods[_i], 1);
  nf_xdb *db = NULL;
  OK(nf_xdb_open_writable(in_tmp("db"), &db, E));
  for (int i = 0; i < 2000; i++) {
    nf_xdoc *doc = NULL;
    OK(nf_xdoc_new("english", &doc, E));
    const char *body = i % 3 ? "talks on security of the region" : "talks on trade";
    OK(nf_xdoc_index_text(doc, body, strlen(body), "", E));
    OK(nf_xdoc_add_boolean_term(doc, "XSPEAKER", i % 2 ? "Austin" : "Blinken", 6, E));
    char id[16];
    int len = snprintf(id, sizeof id, "Q%d", i);
    OK(nf_xdoc_add_boolean_term(doc, "", id, (size_t)len, E));
    OK(nf_xdb_replace(db, id, (size_t)len, doc, E));
    nf_xdoc_free(doc);
  }
  OK(nf_xdb_commit(db, E));
  nf_xqp *qp = NULL;
  nf_xquery *q = NULL;
  nf_xenquire *e = NULL;
  OK(nf_xqp_new(db, "english", &qp, E));
  OK(nf_xqp_parse(qp, "talks OR security OR region", 27, &q, E));
  OK(nf_xenquire_new(db, &e, E));
  OK(nf_xenquire_set_query(e, q, E));
  size_t facet = 9;
  OK(nf_xenquire_add_term_facet(e, "XSPEAKER", &facet, E));
  nf_xmset *m = (nf_xmset *)1;
  nf_error err;
  nf_error_clear(&err);
  ck_assert_int_eq(nf_xenquire_set_time_limit(e, -1, &err), NF_ERR_INVALID);
  OK(nf_xenquire_set_time_limit(e, 1e-9, E));
  ck_assert_int_eq(nf_xenquire_run(e, 0, 10, &m, &err), NF_ERR_TIMEOUT);
  ck_assert_ptr_null(m);
  ck_assert_str_eq(err.message, "the search took longer than its time limit (1e-09 s)");
  /* a generous limit and none give the same, whole answer */
  for (int generous = 1; generous >= 0; generous--) {
    OK(nf_xenquire_set_time_limit(e, generous ? 600 : 0, E));
    OK(nf_xenquire_run(e, 0, 10, &m, E));
    ck_assert_uint_eq(nf_xmset_size(m), 10);
    ck_assert_uint_eq(nf_xmset_total(m), 2000);
    ck_assert_uint_eq(nf_xmset_facet_count(m, facet, 0), 1000);
    ck_assert_uint_eq(nf_xmset_facet_count(m, facet, 1), 1000);
    nf_xmset_free(m);
  }
  unsetenv("NF_FACET_METHOD");
  nf_xenquire_free(e);
  nf_xquery_free(q);
  nf_xqp_free(qp);
  nf_xdb_free(db);
}
END_TEST

/* One document's facet terms and date, for keyed_and_value_facets. */
static const struct {
  const char *speakers[3]; /* key \x1f spelling */
  const char *countries[2];
  const char *date;
} keyed_docs[] = {
    {{"lloyd austin\x1fLloyd Austin", "lloyd austin\x1fLloyd J. Austin III", NULL},
     {"lt", "us"},
     "20211220"},
    {{"lloyd austin\x1fLloyd J. Austin III", "jens stoltenberg\x1fJens Stoltenberg", NULL},
     {"us", NULL},
     "20211203"},
    {{"lloyd austin\x1fLloyd J. Austin III", NULL, NULL}, {NULL, NULL}, "20220112"},
    {{"lloyd\x1fLloyd", NULL, NULL}, {"lt", NULL}, ""},
    /* the dateline's capitals twice, the name as written once */
    {{"new york\x1fNEW YORK", NULL, NULL}, {NULL, NULL}, ""},
    {{"new york\x1fNEW YORK", NULL, NULL}, {NULL, NULL}, ""},
    {{"new york\x1fNew York", NULL, NULL}, {NULL, NULL}, ""},
};

START_TEST(keyed_and_value_facets) {
  setenv("NF_FACET_METHOD", facet_methods[_i], 1); /* this test's process only */
  nf_xdb *db = NULL;
  OK(nf_xdb_open_writable(in_tmp("db"), &db, E));
  for (size_t i = 0; i < sizeof keyed_docs / sizeof keyed_docs[0]; i++) {
    nf_xdoc *doc = NULL;
    OK(nf_xdoc_new("none", &doc, E));
    for (size_t k = 0; k < 3 && keyed_docs[i].speakers[k]; k++)
      OK(nf_xdoc_add_boolean_term(doc, "XFSPEAKER", keyed_docs[i].speakers[k],
                                  strlen(keyed_docs[i].speakers[k]), E));
    for (size_t k = 0; k < 2 && keyed_docs[i].countries[k]; k++) {
      OK(nf_xdoc_add_boolean_term(doc, "N", keyed_docs[i].countries[k], 2, E));
      /* a prefix extending another ("N", "NX") is walked again, not missed */
      OK(nf_xdoc_add_boolean_term(doc, "NX", keyed_docs[i].countries[k], 2, E));
    }
    OK(nf_xdoc_set_value(doc, SLOT_DATE, keyed_docs[i].date, strlen(keyed_docs[i].date), E));
    char id[16];
    int len = snprintf(id, sizeof id, "Qk%zu", i);
    OK(nf_xdoc_add_boolean_term(doc, "", id, (size_t)len, E));
    OK(nf_xdb_replace(db, id, (size_t)len, doc, E));
    nf_xdoc_free(doc);
  }
  OK(nf_xdb_commit(db, E));
  nf_xquery *q = NULL;
  nf_xenquire *e = NULL;
  OK(nf_xquery_match_all(&q, E));
  OK(nf_xenquire_new(db, &e, E));
  OK(nf_xenquire_set_query(e, q, E));
  size_t months = 9, nx = 9, speakers = 9, plain = 9, countries = 9;
  /* added out of byte order: the walk sorts them */
  OK(nf_xenquire_add_value_facet(e, SLOT_DATE, 6, &months, E));
  OK(nf_xenquire_add_term_facet(e, "NX", &nx, E));
  OK(nf_xenquire_add_keyed_facet(e, "XFSPEAKER", '\x1f', &speakers, E));
  OK(nf_xenquire_add_term_facet(e, "XFSPEAKER", &plain, E));
  OK(nf_xenquire_add_term_facet(e, "N", &countries, E));
  ck_assert_uint_eq(months, 0);
  ck_assert_uint_eq(countries, 4);
  nf_xmset *m = NULL;
  OK(nf_xenquire_run(e, 0, 0, &m, E));
  /* a document counts once per key, under one spelling: not all in
   * capitals, then the fullest, then the most common */
  ck_assert_uint_eq(nf_xmset_facet_size(m, speakers), 4);
  ck_assert_str_eq(nf_xmset_facet_value(m, speakers, 0), "lloyd austin\x1fLloyd J. Austin III");
  ck_assert_uint_eq(nf_xmset_facet_count(m, speakers, 0), 3);
  ck_assert_str_eq(nf_xmset_facet_value(m, speakers, 1), "new york\x1fNew York");
  ck_assert_uint_eq(nf_xmset_facet_count(m, speakers, 1), 3);
  ck_assert_str_eq(nf_xmset_facet_value(m, speakers, 2), "jens stoltenberg\x1fJens Stoltenberg");
  ck_assert_uint_eq(nf_xmset_facet_count(m, speakers, 2), 1);
  ck_assert_str_eq(nf_xmset_facet_value(m, speakers, 3), "lloyd\x1fLloyd");
  ck_assert_uint_eq(nf_xmset_facet_count(m, speakers, 3), 1);
  /* the plain facet counts every spelling */
  ck_assert_uint_eq(nf_xmset_facet_size(m, plain), 6);
  ck_assert_str_eq(nf_xmset_facet_value(m, plain, 0), "lloyd austin\x1fLloyd J. Austin III");
  ck_assert_uint_eq(nf_xmset_facet_count(m, plain, 0), 3);
  /* NX, walked after N had gone past its terms, still counts them all; N
   * counts them too, as "Xlt" (only after a prefix of two or more letters
   * does a capital mean a longer prefix). */
  ck_assert_uint_eq(nf_xmset_facet_size(m, countries), 4);
  ck_assert_str_eq(nf_xmset_facet_value(m, countries, 0), "Xlt");
  ck_assert_str_eq(nf_xmset_facet_value(m, countries, 2), "lt");
  ck_assert_uint_eq(nf_xmset_facet_count(m, countries, 2), 2);
  ck_assert_uint_eq(nf_xmset_facet_size(m, nx), 2);
  ck_assert_str_eq(nf_xmset_facet_value(m, nx, 0), "lt");
  ck_assert_uint_eq(nf_xmset_facet_count(m, nx, 0), 2);
  ck_assert_str_eq(nf_xmset_facet_value(m, nx, 1), "us");
  ck_assert_uint_eq(nf_xmset_facet_count(m, nx, 1), 2);
  /* months: the undated document is not counted */
  ck_assert_uint_eq(nf_xmset_facet_size(m, months), 2);
  ck_assert_str_eq(nf_xmset_facet_value(m, months, 0), "202112");
  ck_assert_uint_eq(nf_xmset_facet_count(m, months, 0), 2);
  ck_assert_str_eq(nf_xmset_facet_value(m, months, 1), "202201");
  ck_assert_uint_eq(nf_xmset_facet_count(m, months, 1), 1);
  nf_xmset_free(m);
  nf_error err;
  ck_assert_int_eq(nf_xenquire_add_value_facet(NULL, 0, 6, &months, &err), NF_ERR_INVALID);
  ck_assert_int_eq(nf_xenquire_add_keyed_facet(e, "", '\x1f', &months, &err), NF_ERR_INVALID);
  nf_xenquire_free(e);
  nf_xquery_free(q);
  nf_xdb_free(db);
}
END_TEST

START_TEST(facets_on_corpus) {
  build(in_tmp("db"), 0, NCORPUS);
  nf_xdb *db = open_db(in_tmp("db"));
  check_corpus_facets(db);
  nf_xdb_free(db);
}
END_TEST

/* ---- errors and edges ------------------------------------------------------ */

START_TEST(missing_database_not_found) {
  nf_xdb *db = (nf_xdb *)1;
  nf_error err;
  nf_error_clear(&err);
  ck_assert_int_eq(nf_xdb_open(in_tmp("nothing-here"), &db, &err), NF_ERR_NOT_FOUND);
  ck_assert_ptr_null(db);
  ck_assert_int_eq(err.status, NF_ERR_NOT_FOUND);
  ck_assert_ptr_nonnull(strstr(err.message, "nothing-here"));
  /* A folder that is not a database. */
  ck_assert_int_eq(nf_xdb_open(tmp, &db, &err), NF_ERR_NOT_FOUND);
  ck_assert_str_ne(err.message, "");
  const char *paths[] = {tmp, in_tmp("nothing-here")};
  ck_assert_int_eq(nf_xdb_open_many(paths, 2, &db, &err), NF_ERR_NOT_FOUND);
  ck_assert_ptr_null(db);
}
END_TEST

START_TEST(second_writer_locked) {
  nf_xdb *a = NULL, *b = (nf_xdb *)1;
  OK(nf_xdb_open_writable(in_tmp("db"), &a, E));
  nf_error err;
  nf_error_clear(&err);
  ck_assert_int_eq(nf_xdb_open_writable(in_tmp("db"), &b, &err), NF_ERR_DB_LOCKED);
  ck_assert_ptr_null(b);
  ck_assert_str_ne(err.message, "");
  nf_xdb_free(a); /* releases the lock */
  OK(nf_xdb_open_writable(in_tmp("db"), &b, E));
  nf_xdb_free(b);
}
END_TEST

START_TEST(bad_arguments) {
  nf_error err;
  nf_xdoc *doc = (nf_xdoc *)1;
  ck_assert_int_eq(nf_xdoc_new("klingon", &doc, &err), NF_ERR_INVALID);
  ck_assert_ptr_null(doc);
  ck_assert_ptr_nonnull(strstr(err.message, "klingon"));
  nf_xqp *qp = (nf_xqp *)1;
  ck_assert_int_eq(nf_xqp_new(NULL, "klingon", &qp, &err), NF_ERR_INVALID);
  ck_assert_ptr_null(qp);
  OK(nf_xdoc_new("none", &doc, E));
  ck_assert_int_eq(nf_xdoc_add_boolean_term(doc, "", "", 0, &err), NF_ERR_INVALID);
  ck_assert_int_eq(nf_xdoc_index_text(NULL, "x", 1, "", &err), NF_ERR_INVALID);
  nf_xdoc_free(doc);
  OK(nf_xqp_new(NULL, "", &qp, E));
  ck_assert_int_eq(nf_xqp_add_field_processor(qp, "f", 0, NULL, NULL, &err), NF_ERR_INVALID);
  ck_assert_int_eq(nf_xqp_add_prefix(qp, "", "S", &err), NF_ERR_INVALID);
  nf_xqp_free(qp);
  nf_xquery *q = (nf_xquery *)1;
  ck_assert_int_eq(nf_xquery_term("", 0, &q, &err), NF_ERR_INVALID);
  ck_assert_ptr_null(q);
  ck_assert_ptr_null(nf_xquery_describe(NULL));
  ck_assert_uint_eq(nf_xmset_size(NULL), 0);
  ck_assert_ptr_null(nf_xmset_facet_value(NULL, 0, 0));
  ck_assert_ptr_nonnull(nf_xapian_version());
  ck_assert_str_ne(nf_xapian_version(), "");
}
END_TEST

START_TEST(unstemmed_language) {
  /* With no stemmer, "signed" does not find "signing". */
  nf_xdb *db = NULL;
  OK(nf_xdb_open_writable(in_tmp("db"), &db, E));
  nf_xdoc *doc = NULL;
  OK(nf_xdoc_new(NULL, &doc, E));
  OK(nf_xdoc_index_text(doc, "signing", 7, "", E));
  OK(nf_xdoc_add_boolean_term(doc, "Q", "1", 1, E));
  OK(nf_xdoc_set_data(doc, "1", 1, E));
  OK(nf_xdb_replace(db, "Q1", 2, doc, E));
  OK(nf_xdb_commit(db, E));
  nf_xdoc_free(doc);
  ck_assert_uint_eq(termfreq(db, "Zsign"), 0);
  nf_xqp *qp = NULL;
  OK(nf_xqp_new(db, "none", &qp, E));
  char buf[64];
  ck_assert_str_eq(hits(db, qp, "signed", buf, sizeof buf), "");
  ck_assert_str_eq(hits(db, qp, "signing", buf, sizeof buf), "1");
  nf_xqp_free(qp);
  nf_xdb_free(db);
}
END_TEST

START_TEST(positions_continue_between_calls) {
  nf_xdb *db = NULL;
  OK(nf_xdb_open_writable(in_tmp("db"), &db, E));
  nf_xdoc *doc = NULL;
  OK(nf_xdoc_new("english", &doc, E));
  OK(nf_xdoc_index_text(doc, "defense", 7, "", E));
  OK(nf_xdoc_index_text(doc, "minister", 8, "", E)); /* position 2: a phrase */
  nf_xdoc_increase_termpos(doc, 10);
  OK(nf_xdoc_index_text(doc, "treaty", 6, "", E)); /* not adjacent */
  OK(nf_xdoc_add_boolean_term(doc, "Q", "1", 1, E));
  OK(nf_xdoc_set_data(doc, "1", 1, E));
  OK(nf_xdb_replace(db, "Q1", 2, doc, E));
  OK(nf_xdb_commit(db, E));
  nf_xdoc_free(doc);
  nf_xqp *qp = NULL;
  OK(nf_xqp_new(db, "english", &qp, E));
  char buf[64];
  ck_assert_str_eq(hits(db, qp, "\"defense minister\"", buf, sizeof buf), "1");
  ck_assert_str_eq(hits(db, qp, "\"minister treaty\"", buf, sizeof buf), "");
  nf_xqp_free(qp);
  nf_xdb_free(db);
}
END_TEST

/* Every term of a document with its wdf and positions, one a line
 * (malloc'd). */
typedef struct listing {
  char *s;
  size_t n, cap;
} listing;

static void list_printf(listing *l, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int need = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (l->n + (size_t)need + 1 > l->cap) {
    l->cap = (l->n + (size_t)need + 1) * 2;
    l->s = realloc(l->s, l->cap);
    ck_assert_ptr_nonnull(l->s);
  }
  va_start(ap, fmt);
  vsnprintf(l->s + l->n, l->cap - l->n, fmt, ap);
  va_end(ap);
  l->n += (size_t)need;
}

static nf_status list_doc_term(void *ctx, const char *term, size_t n, unsigned wdf,
                               const unsigned *positions, size_t npositions) {
  listing *l = ctx;
  list_printf(l, "%.*s %u:", (int)n, term, wdf);
  for (size_t i = 0; i < npositions; i++) list_printf(l, " %u", positions[i]);
  list_printf(l, "\n");
  return NF_OK;
}

static char *terms_of(const nf_xdoc *doc) {
  listing l = {NULL, 0, 0};
  list_printf(&l, "");
  OK(nf_xdoc_each_term(doc, list_doc_term, &l, E));
  return l.s;
}

START_TEST(remembering_stemmer_stems_as_snowball) {
  /* A thread's stemmer gives the terms a document's own gives: the first
   * time a word is met (Snowball), the next times (the memo), and past the
   * memo's bound (it starts again). */
  static const char *const languages[] = {"english", "french", "none"};
  listing text = {NULL, 0, 0};
  list_printf(&text, "Ministers said the signing of treaties continued; ministers signing \"%s\". ",
              "ratifications");
  for (int i = 0; i < 70000; i++) list_printf(&text, "word%dings ", i);
  for (size_t k = 0; k < sizeof languages / sizeof languages[0]; k++) {
    nf_xstem *stem = NULL;
    OK(nf_xstem_new(languages[k], &stem, E));
    for (int round = 0; round < 2; round++) {
      nf_xdoc *own = NULL, *remembered = NULL;
      OK(nf_xdoc_new(languages[k], &own, E));
      OK(nf_xdoc_new_stemmed(stem, &remembered, E));
      nf_xdoc *docs[] = {own, remembered};
      for (int d = 0; d < 2; d++) {
        OK(nf_xdoc_index_text(docs[d], text.s, 60, "S", E));
        nf_xdoc_increase_termpos(docs[d], 100);
        OK(nf_xdoc_index_text(docs[d], text.s, text.n, "", E));
      }
      char *want = terms_of(own), *got = terms_of(remembered);
      ck_assert_msg(strcmp(want, got) == 0, "%s, round %d: the terms differ", languages[k], round);
      if (k == 0) ck_assert_ptr_nonnull(strstr(got, "\nZsign 2:\n"));
      free(want);
      free(got);
      nf_xdoc_free(own);
      nf_xdoc_free(remembered);
    }
    nf_xstem_free(stem);
  }
  free(text.s);

  nf_error err;
  nf_xstem *stem = (nf_xstem *)1;
  ck_assert_int_eq(nf_xstem_new("klingon", &stem, &err), NF_ERR_INVALID);
  ck_assert_ptr_null(stem);
  nf_xdoc *doc = (nf_xdoc *)1;
  ck_assert_int_eq(nf_xdoc_new_stemmed(NULL, &doc, &err), NF_ERR_INVALID);
  ck_assert_ptr_null(doc);
}
END_TEST

START_TEST(free_null_is_noop) {
  nf_xdb_free(NULL);
  nf_xdoc_free(NULL);
  nf_xstem_free(NULL);
  nf_xquery_free(NULL);
  nf_xqp_free(NULL);
  nf_xenquire_free(NULL);
  nf_xmset_free(NULL);
  nf_xdoc_increase_termpos(NULL, 5);
}
END_TEST

int main(void) {
  Suite *s = suite_create("xapian_shim");
  TCase *db = tcase_create("database");
  tcase_add_checked_fixture(db, setup, teardown);
  tcase_add_test(db, create_reopen_doccount);
  tcase_add_test(db, replace_by_unique_term_keeps_one);
  tcase_add_test(db, uncommitted_changes_discarded_by_free);
  tcase_add_test(db, reader_reopen_sees_new_commit);
  tcase_add_test(db, metadata_round_trip);
  tcase_add_test(db, stub_file_with_auto_line);
  tcase_add_test(db, two_databases_as_one);
  tcase_add_test(db, missing_database_not_found);
  tcase_add_test(db, second_writer_locked);
  suite_add_tcase(s, db);

  TCase *terms = tcase_create("terms");
  tcase_add_checked_fixture(terms, setup, teardown);
  tcase_add_loop_test(terms, boolean_term_colon_rule, 0,
                      (int)(sizeof term_rows / sizeof term_rows[0]));
  tcase_add_test(terms, over_long_term_skipped);
  tcase_add_test(terms, unstemmed_language);
  tcase_add_test(terms, positions_continue_between_calls);
  tcase_add_test(terms, remembering_stemmer_stems_as_snowball);
  suite_add_tcase(s, terms);

  TCase *query = tcase_create("query");
  tcase_add_checked_fixture(query, setup, teardown);
  tcase_add_loop_test(query, parse_and_search, 0,
                      (int)(sizeof search_rows / sizeof search_rows[0]));
  tcase_add_loop_test(query, syntax_errors, 0, (int)(sizeof syntax_rows / sizeof syntax_rows[0]));
  tcase_add_test(query, field_processor_callback);
  tcase_add_loop_test(query, date_ranges, 0, (int)(sizeof date_rows / sizeof date_rows[0]));
  tcase_add_test(query, date_range_queries);
  tcase_add_loop_test(query, bad_dates, 0, (int)(sizeof bad_date_rows / sizeof bad_date_rows[0]));
  tcase_add_test(query, built_queries);
  tcase_add_loop_test(query, query_cost, 0, (int)(sizeof cost_rows / sizeof cost_rows[0]));
  suite_add_tcase(s, query);

  TCase *results = tcase_create("results");
  tcase_add_checked_fixture(results, setup, teardown);
  tcase_add_test(results, sort_by_value);
  tcase_add_loop_test(results, offset_limit_windows, 0,
                      (int)(sizeof window_rows / sizeof window_rows[0]));
  tcase_add_test(results, weights_and_percent);
  tcase_add_loop_test(results, snippets, 0, (int)(sizeof snippet_rows / sizeof snippet_rows[0]));
  tcase_add_test(results, snippet_of_long_text_is_cut);
  tcase_add_test(results, snippet_of_filters_is_the_lead);
  tcase_add_test(results, snippet_language_from_metadata);
  tcase_add_test(results, facet_counts_exact);
  tcase_add_test(results, facets_on_corpus);
  tcase_add_loop_test(results, keyed_and_value_facets, 0,
                      (int)(sizeof facet_methods / sizeof facet_methods[0]));
  tcase_add_loop_test(results, time_limit_stops_a_run, 0,
                      (int)(sizeof facet_methods / sizeof facet_methods[0]));
  suite_add_tcase(s, results);

  TCase *edges = tcase_create("edges");
  tcase_add_checked_fixture(edges, setup, teardown);
  tcase_add_test(edges, bad_arguments);
  tcase_add_test(edges, free_null_is_noop);
  suite_add_tcase(s, edges);

  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
