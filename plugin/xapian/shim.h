/* The C face of Xapian: opaque typed handles over the C++ API.
 *
 * The xapian layer of plugin/README.md.  The only place in the project that sees C++;
 * every entry point is exception-safe: Xapian's errors come back as nf_status
 * codes with Xapian's message in the nf_error.  Internal to the library (the
 * index and search layers build on it); not installed.
 *
 * Conventions: each _new/_open has a _free and _free(NULL) is a no-op; a
 * failed constructor sets *out = NULL; text is (const char *p, size_t n) and is
 * copied, never kept; strings returned through out-parameters are malloc'd and
 * the caller frees them with free(). */
#ifndef NF_XAPIAN_SHIM_H
#define NF_XAPIAN_SHIM_H

#include <stddef.h>

#include "newsfields/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nf_xdb nf_xdb;           /* a database, read-only or writable */
typedef struct nf_xdoc nf_xdoc;         /* a document being built */
typedef struct nf_xstem nf_xstem;       /* a stemmer that remembers its stems */
typedef struct nf_xquery nf_xquery;     /* a query (immutable once built) */
typedef struct nf_xqp nf_xqp;           /* a query parser */
typedef struct nf_xenquire nf_xenquire; /* a search over a database */
typedef struct nf_xmset nf_xmset;       /* one window of results */

/* Xapian's limit on the length of a term, in bytes. */
#define NF_XTERM_MAX 245
/* Database metadata key naming the stemmer language (see nf_xenquire_new). */
#define NF_XLANGUAGE_KEY "newsfields.language"

/* ---- database ---------------------------------------------------------- */

/* Open for reading: a database directory or a stub file ("auto PATH" lines). */
nf_status nf_xdb_open(const char *path, nf_xdb **out, nf_error *err);
/* Several databases (directories or stub files) searched as one. */
nf_status nf_xdb_open_many(const char *const *paths, size_t n, nf_xdb **out, nf_error *err);
/* Create the database if missing, else open it for writing. */
nf_status nf_xdb_open_writable(const char *path, nf_xdb **out, nf_error *err);
/* Closes the database.  A writable one is NOT committed: changes since the
 * last nf_xdb_commit are discarded, so an error mid-batch never half-writes.
 * (Changes are held in a Xapian transaction, which Xapian never flushes on
 * its own: commit every batch to bound the memory used.)  Free a database
 * after the enquires and msets made from it. */
void nf_xdb_free(nf_xdb *db);
/* Bring a reader up to the latest commit (after NF_ERR_DB_MODIFIED). */
nf_status nf_xdb_reopen(nf_xdb *db, nf_error *err);

nf_status nf_xdb_doccount(nf_xdb *db, unsigned long *out, nf_error *err);
/* Add the document, or replace the one indexed with the same unique term.
 * The document must contain uid_term (NF_ERR_INVALID otherwise): without it
 * the document could never be found to be replaced. */
nf_status nf_xdb_replace(nf_xdb *db, const char *uid_term, size_t n, const nf_xdoc *doc,
                         nf_error *err);
/* Delete the document with that unique term (no error if there is none). */
nf_status nf_xdb_delete(nf_xdb *db, const char *uid_term, size_t n, nf_error *err);
nf_status nf_xdb_commit(nf_xdb *db, nf_error *err);
/* Number of documents indexing that term (0 if none). */
nf_status nf_xdb_termfreq(nf_xdb *db, const char *term, size_t n, unsigned long *out,
                          nf_error *err);
/* Every term starting with prefix, in byte order: fn gets what follows the
 * prefix and the number of documents indexing the term.  A status other
 * than NF_OK from fn stops the walk and is returned. */
typedef nf_status (*nf_xprefix_fn)(void *ctx, const char *rest, size_t n, unsigned long termfreq);
nf_status nf_xdb_each_term(nf_xdb *db, const char *prefix, nf_xprefix_fn fn, void *ctx,
                           nf_error *err);
/* Metadata: *out is "" when the key is unset. */
nf_status nf_xdb_get_metadata(nf_xdb *db, const char *key, char **out, nf_error *err);
nf_status nf_xdb_set_metadata(nf_xdb *db, const char *key, const char *value, nf_error *err);
/* The data of the document with that unique term; NF_ERR_NOT_FOUND if none. */
nf_status nf_xdb_get_data_by_term(nf_xdb *db, const char *uid_term, size_t n, char **out,
                                  size_t *out_len, nf_error *err);

/* Progress of a compaction: a table's name and what Xapian says of it ("" when
 * it starts, "Done (...)" or "doesn't exist" when it ends). */
typedef void (*nf_xcompact_fn)(void *ctx, const char *table, const char *status);
/* Compact the databases at paths (directories or stubs; several are merged,
 * each one's docids after the previous one's) into a new database at out,
 * which must not exist.  fn (may be NULL) hears of each table. */
nf_status nf_xdb_compact(const char *const *paths, size_t n, const char *out, nf_xcompact_fn fn,
                         void *ctx, nf_error *err);

/* ---- document ---------------------------------------------------------- */

/* language: a Snowball stemmer name ("english", "none" or NULL for none). */
nf_status nf_xdoc_new(const char *language, nf_xdoc **out, nf_error *err);
/* The same with stem's language, its stems taken from stem's memo of the
 * words it has stemmed (the same stems, Snowball run once per word).  One
 * thread's: stem serves the documents of one thread at a time, and must
 * outlive their nf_xdoc_index_text calls (not the documents themselves). */
nf_status nf_xdoc_new_stemmed(nf_xstem *stem, nf_xdoc **out, nf_error *err);
/* language as for nf_xdoc_new (an unknown one is an error); the memo is
 * bounded. */
nf_status nf_xstem_new(const char *language, nf_xstem **out, nf_error *err);
void nf_xstem_free(nf_xstem *stem);
void nf_xdoc_free(nf_xdoc *doc);
/* Free text with positions, under prefix ("" for none); stems get Z+prefix. */
nf_status nf_xdoc_index_text(nf_xdoc *doc, const char *p, size_t n, const char *prefix,
                             nf_error *err);
/* Leave a gap in positions so a phrase cannot match across two fields. */
void nf_xdoc_increase_termpos(nf_xdoc *doc, unsigned delta);
/* A boolean term prefix+value; inserts ':' between a multi-letter prefix and a
 * value starting with a capital, as the QueryParser does.  A term longer than
 * NF_XTERM_MAX is skipped silently (Xapian would refuse the whole document). */
nf_status nf_xdoc_add_boolean_term(nf_xdoc *doc, const char *prefix, const char *value, size_t n,
                                   nf_error *err);
nf_status nf_xdoc_set_value(nf_xdoc *doc, unsigned slot, const char *p, size_t n, nf_error *err);
nf_status nf_xdoc_set_data(nf_xdoc *doc, const char *p, size_t n, nf_error *err);

/* What a document holds, for callers building their own: each term in
 * byte order with its wdf and positions (none for boolean terms and stems),
 * each value with its slot, and the data (malloc'd). */
typedef nf_status (*nf_xterm_fn)(void *ctx, const char *term, size_t n, unsigned wdf,
                                 const unsigned *positions, size_t npositions);
typedef nf_status (*nf_xvalue_fn)(void *ctx, unsigned slot, const char *value, size_t n);
nf_status nf_xdoc_each_term(const nf_xdoc *doc, nf_xterm_fn fn, void *ctx, nf_error *err);
nf_status nf_xdoc_each_value(const nf_xdoc *doc, nf_xvalue_fn fn, void *ctx, nf_error *err);
nf_status nf_xdoc_get_data(const nf_xdoc *doc, char **out, size_t *out_len, nf_error *err);
/* Add the document's terms (wdf and positions kept), values and data to a
 * caller's Xapian::Document (xapian_document is a Xapian::Document *). */
nf_status nf_xdoc_copy_into(const nf_xdoc *doc, void *xapian_document, nf_error *err);

/* Build a term exactly as nf_xdoc_add_boolean_term does (malloc'd; NULL when
 * out of memory).  The QueryParser's rule, followed exactly: a ':' goes
 * between a prefix of two or more bytes not ending in ':' and a value whose
 * first byte is 'A'-'Z' or ':' ("XSPEAKER"+"Austin" = "XSPEAKER:Austin",
 * "N"+"LT" = "NLT", "XSPEAKER"+"austin" = "XSPEAKERaustin"). */
char *nf_xterm_make(const char *prefix, const char *value, size_t n, size_t *out_len);

/* ---- queries ----------------------------------------------------------- */

typedef enum nf_xop { NF_XOP_AND, NF_XOP_OR, NF_XOP_AND_NOT, NF_XOP_FILTER } nf_xop;

nf_status nf_xquery_term(const char *term, size_t n, nf_xquery **out, nf_error *err);
/* A boolean term prefix+value (the ':' rule applied, as nf_xterm_make).  An
 * over-long term is still built; it matches nothing. */
nf_status nf_xquery_boolean_term(const char *prefix, const char *value, size_t n, nf_xquery **out,
                                 nf_error *err);
/* Documents whose value in slot lies in [lo, hi] (byte-wise comparison).
 * Either end may be NULL for an open range, not both. */
nf_status nf_xquery_value_range(unsigned slot, const char *lo, const char *hi, nf_xquery **out,
                                nf_error *err);
/* Combine subqueries; each is copied, the caller still frees its own. */
nf_status nf_xquery_combine(nf_xop op, const nf_xquery *const *subs, size_t n, nf_xquery **out,
                            nf_error *err);
nf_status nf_xquery_match_all(nf_xquery **out, nf_error *err);
nf_status nf_xquery_match_nothing(nf_xquery **out, nf_error *err);
/* What running a query costs, counted on its tree: terms (boolean filter
 * terms and value ranges included), phrase and NEAR groups, and wildcard
 * nodes (none unless the parser is given FLAG_WILDCARD). */
typedef struct nf_xquery_cost {
  unsigned long terms;
  unsigned long phrases;
  unsigned long wildcards;
} nf_xquery_cost;
nf_status nf_xquery_cost_of(const nf_xquery *q, nf_xquery_cost *out, nf_error *err);
/* Xapian's get_description(), for tests and --explain (malloc'd). */
char *nf_xquery_describe(const nf_xquery *q);
void nf_xquery_free(nf_xquery *q);

/* ---- query parser ------------------------------------------------------ */

/* A field processor: turn the text after "field:" into a query.  Return
 * NF_OK with *out set, or an error status with a message in err (shown to
 * the user as the query error).  Called during nf_xqp_parse only; after the
 * first error in a parse, no more calls are made. */
typedef nf_status (*nf_xfield_fn)(void *ctx, const char *value, size_t n, nf_xquery **out,
                                  nf_error *err);

/* db may be NULL (it is used for wildcards and spelling).  language as for
 * nf_xdoc_new; stemmed terms are searched with STEM_SOME, as indexed. */
nf_status nf_xqp_new(nf_xdb *db, const char *language, nf_xqp **out, nf_error *err);
void nf_xqp_free(nf_xqp *qp);
/* A parser that adds its prefixes and processors to a caller's
 * Xapian::QueryParser (xapian_queryparser is a Xapian::QueryParser *),
 * keeping the caller's stemmer and flags.  Free it only after the caller's
 * parser is no longer used: the processors it added belong to it.  A field
 * processor's error is thrown to the caller as a Xapian::QueryParserError. */
nf_status nf_xqp_wrap(void *xapian_queryparser, nf_xqp **out, nf_error *err);

nf_status nf_xqp_add_prefix(nf_xqp *qp, const char *field, const char *prefix, nf_error *err);
nf_status nf_xqp_add_boolean_prefix(nf_xqp *qp, const char *field, const char *prefix,
                                    nf_error *err);
/* How a field processor's queries combine, as Xapian's boolean prefixes. */
enum {
  NF_XFIELD_FREE = 0,         /* free text (add_prefix): by the default operator */
  NF_XFIELD_EXCLUSIVE = 1,    /* a filter; repeated filters of the field OR */
  NF_XFIELD_NONEXCLUSIVE = 2, /* a filter; each its own group, so repeated ones AND */
};
/* field: values go to fn instead of a plain term; boolean is one of
 * NF_XFIELD_* (0 and 1 as add_prefix and add_boolean_prefix). */
nf_status nf_xqp_add_field_processor(nf_xqp *qp, const char *field, int boolean, nf_xfield_fn fn,
                                     void *ctx, nf_error *err);
/* field:START..END over a YYYYMMDD value slot; START and END accept
 * YYYY-MM-DD, YYYYMMDD, YYYY-MM and YYYY (a month or year covers all its days),
 * either may be empty for an open range; END may repeat the field
 * (date:2021..date:2022).  field:DATE alone means that day, month or year.
 * A bad date, an empty range or one that ends before it starts makes
 * nf_xqp_parse fail with NF_ERR_QUERY naming it. */
nf_status nf_xqp_add_date_range(nf_xqp *qp, const char *field, unsigned slot, nf_error *err);
/* Parse with phrases, AND/OR/NOT, brackets, love/hate and boolean prefixes.
 * A syntax error or a field processor's error gives NF_ERR_QUERY (with the
 * processor's message; a processor's NF_ERR_NOMEM or NF_ERR_INTERNAL is
 * passed on as it is).  Xapian is lenient: an unclosed quote or bracket is
 * accepted; a bare operator ("AND", "a OR") is an error. */
nf_status nf_xqp_parse(nf_xqp *qp, const char *p, size_t n, nf_xquery **out, nf_error *err);

/* ---- search ------------------------------------------------------------ */

/* The snippet stemmer's language is the database's NF_XLANGUAGE_KEY
 * metadata (an unknown one is NF_ERR_INVALID), else "english";
 * nf_xenquire_set_language overrides it: it should be the query parser's.
 * An mset may outlive its enquire. */
nf_status nf_xenquire_new(nf_xdb *db, nf_xenquire **out, nf_error *err);
void nf_xenquire_free(nf_xenquire *e);
nf_status nf_xenquire_set_language(nf_xenquire *e, const char *language, nf_error *err);
nf_status nf_xenquire_set_query(nf_xenquire *e, const nf_xquery *q, nf_error *err);
/* Bound each nf_xenquire_run to about seconds of matching and facet
 * counting (0: no bound, the default); past it the run stops with
 * NF_ERR_TIMEOUT.  The clock is read every 32 documents, so a run may
 * overshoot by the time 32 documents take. */
nf_status nf_xenquire_set_time_limit(nf_xenquire *e, double seconds, nf_error *err);
/* on: fold the matches that share their value in slot into one hit, the
 * best of them by the sort order (Xapian's collapse key); documents with no
 * value there are never folded.  Off by default. */
nf_status nf_xenquire_set_collapse(nf_xenquire *e, int on, unsigned slot, nf_error *err);
/* Sort by relevance (the default) or by a value slot, then relevance. */
nf_status nf_xenquire_sort_by_relevance(nf_xenquire *e, nf_error *err);
nf_status nf_xenquire_sort_by_value(nf_xenquire *e, unsigned slot, int descending, nf_error *err);
/* Count, over the whole match set, the terms with this prefix in each
 * matching document (a document counts once per distinct term).  Returns the
 * facet's index for nf_xmset_facet_*.  Call before nf_xenquire_run.  After a
 * multi-letter prefix, terms going on with a capital belong to a longer
 * prefix (the ':' rule) and are not counted. */
nf_status nf_xenquire_add_term_facet(nf_xenquire *e, const char *prefix, size_t *out_index,
                                     nf_error *err);
/* As nf_xenquire_add_term_facet for terms whose value is a key, the byte sep
 * and a spelling ("lloyd austin" 0x1f "Lloyd J. Austin III"): a document
 * counts once per key, whatever spellings of it it has; the value reported is
 * key, sep and the spelling that most matching documents have.  All term
 * facets of an enquire are counted in one walk of each document's terms. */
nf_status nf_xenquire_add_keyed_facet(nf_xenquire *e, const char *prefix, char sep,
                                      size_t *out_index, nf_error *err);
/* Only the limit most frequent values of each term facet are wanted (0, the
 * default: all): the counts stop once no other value can be among them, and
 * each facet reports at most that many, exact. */
nf_status nf_xenquire_set_facet_limit(nf_xenquire *e, unsigned limit, nf_error *err);
/* Count, over the whole match set, the values in slot cut to their first len
 * bytes (0: the whole value; "20211220" with len 6 counts as "202112").
 * Documents with no value there are not counted.  Returns the facet's index
 * as nf_xenquire_add_term_facet does. */
nf_status nf_xenquire_add_value_facet(nf_xenquire *e, unsigned slot, size_t len, size_t *out_index,
                                      nf_error *err);
/* Results offset..offset+limit-1.  The whole match set is visited, so the
 * number of matches is exact. */
nf_status nf_xenquire_run(nf_xenquire *e, unsigned offset, unsigned limit, nf_xmset **out,
                          nf_error *err);

void nf_xmset_free(nf_xmset *m);
size_t nf_xmset_size(const nf_xmset *m);
/* The number of matching documents: exact, since nf_xenquire_run checks
 * them all (collapsed ones included). */
unsigned long nf_xmset_total(const nf_xmset *m);
/* The number of hits the matches make once collapsed, exact (the total
 * when not collapsing): what offset and limit page through. */
unsigned long nf_xmset_groups(const nf_xmset *m);
/* How many other matches were folded into hit i (0 when not collapsing). */
unsigned long nf_xmset_collapse_count(const nf_xmset *m, size_t i);
/* The value hit i was collapsed on ("" when not collapsing or it has none;
 * malloc'd). */
nf_status nf_xmset_collapse_key(const nf_xmset *m, size_t i, char **out, nf_error *err);
unsigned nf_xmset_docid(const nf_xmset *m, size_t i);
unsigned nf_xmset_rank(const nf_xmset *m, size_t i);
double nf_xmset_weight(const nf_xmset *m, size_t i);
int nf_xmset_percent(const nf_xmset *m, size_t i);
/* The document's data (malloc'd). */
nf_status nf_xmset_data(const nf_xmset *m, size_t i, char **out, size_t *out_len, nf_error *err);
/* The document's value in slot ("" if unset; malloc'd). */
nf_status nf_xmset_value(const nf_xmset *m, size_t i, unsigned slot, char **out, nf_error *err);
/* A snippet of text (about length bytes) around the query's matches, with
 * each match between hi_start and hi_end; the text is NOT escaped.  "..."
 * marks text left out mid-sentence.  Only unprefixed (body text) terms of
 * the query are highlighted. */
nf_status nf_xmset_snippet(const nf_xmset *m, const char *text, size_t n, size_t length,
                           const char *hi_start, const char *hi_end, char **out, nf_error *err);
/* Facet results: the number of distinct values, then each value (without
 * the prefix, and without the ':' the prefix rule may have added; for a value
 * facet, the cut value) with its count, most frequent first, ties by value. */
size_t nf_xmset_facet_size(const nf_xmset *m, size_t facet);
const char *nf_xmset_facet_value(const nf_xmset *m, size_t facet, size_t i);
unsigned long nf_xmset_facet_count(const nf_xmset *m, size_t facet, size_t i);

#ifdef __cplusplus
}
#endif
#endif
