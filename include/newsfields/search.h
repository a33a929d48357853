/* newsfields — fielded search with snippets and facets.
 *
 * A query string in Xapian's syntax (phrases, AND/OR/NOT, brackets) with the
 * schema's fields: `speaker:Austin country:Lithuania`, `headline:agreement`,
 * `date:2021-12-01..2021-12-31`, `id:X`.  Each field's value is normalised at
 * query time exactly as the indexer normalised it. */
#ifndef NEWSFIELDS_SEARCH_H
#define NEWSFIELDS_SEARCH_H

#include <stddef.h>

#include "newsfields/export.h"
#include "newsfields/schema.h"
#include "newsfields/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nf_searcher nf_searcher;
typedef struct nf_results nf_results;

typedef enum nf_sort { NF_SORT_RELEVANCE, NF_SORT_DATE } nf_sort;

typedef struct nf_search_options {
  unsigned offset;           /* first hit (0-based) */
  unsigned limit;            /* hits to return */
  nf_sort sort;              /* NF_SORT_DATE: newest first */
  const char *const *facets; /* facet fields to count ("country", ...); the date
                                field ("date") asks for the by-month histogram */
  size_t nfacets;
  unsigned facet_limit;  /* values per facet, most frequent first; 0: all */
  size_t snippet_length; /* bytes of text around the matches; 0: 200 */
  int histogram_days;    /* 1: the histogram counts days (YYYY-MM-DD), not months */
  int no_snippet;        /* 1: no snippets (the hits' snippet is "") */
  int with_text;         /* 1: each hit's record keeps the article's "text" */
  int no_collapse;       /* 1: every matching article is a hit of its own; 0 (the
                            default): near-duplicates are folded into one hit, see
                            nf_results_groups */
} nf_search_options;

/* Open one or several databases (directories or stub files) as one.  The
 * schema must outlive the searcher.  language: the stemmer for free text;
 * NULL: the one the first database was indexed with. */
NF_API nf_status nf_searcher_open(const char *const *db_paths, size_t n, const nf_schema *schema,
                                  const char *language, nf_searcher **out, nf_error *err);
NF_API void nf_searcher_free(nf_searcher *s);
/* Bring the searcher up to the databases' latest commits (cheap when
 * nothing changed): a long-running searcher sees new articles, and a search
 * that failed with NF_ERR_DB_MODIFIED can be tried again. */
NF_API nf_status nf_searcher_reopen(nf_searcher *s, nf_error *err);
/* Documents in the databases. */
NF_API nf_status nf_searcher_doccount(nf_searcher *s, unsigned long *out, nf_error *err);

/* The whole record of the article with that id (JSON, its text included,
 * as nf_record_to_json writes it, whatever layout the index stored it in;
 * malloc'd, *len bytes), for a document view:
 * hits carry only a summary of it.  NF_ERR_NOT_FOUND when no article has
 * the id. */
NF_API nf_status nf_searcher_document(nf_searcher *s, const char *id, size_t n, char **out,
                                      size_t *len, nf_error *err);

/* Bounds on what one search may cost, for a searcher that answers queries
 * from others (newsfields serve).  0 leaves a bound off; all are off until
 * nf_searcher_set_limits is called. */
typedef struct nf_search_limits {
  unsigned max_terms;   /* terms of the parsed query, field filters and date ranges included */
  unsigned max_phrases; /* "quoted phrases" and NEAR groups */
  double time_limit;    /* seconds of matching and facet counting */
} nf_search_limits;

/* A query over max_terms or max_phrases is refused before it runs, with
 * NF_ERR_LIMIT and a message giving the count and the bound; a search that
 * runs past time_limit stops with NF_ERR_TIMEOUT. */
NF_API nf_status nf_searcher_set_limits(nf_searcher *s, const nf_search_limits *limits,
                                        nf_error *err);

/* Run a query.  A bad query, an unknown facet field or an unknown value
 * where the field needs a known one is NF_ERR_QUERY with a message; over a
 * limit, see nf_searcher_set_limits. */
NF_API nf_status nf_search(nf_searcher *s, const char *query, size_t n,
                           const nf_search_options *opts, nf_results **out, nf_error *err);

/* Xapian's own reading of the last parsed query (for --explain; malloc'd). */
NF_API char *nf_searcher_describe_query(nf_searcher *s, const char *query, size_t n, nf_error *err);

/* A matched word in a snippet: bytes [start, end) of its UTF-8 (byte
 * offsets, not characters; the JSON form gives "segments" besides, the
 * snippet cut at its marks). */
typedef struct nf_mark {
  size_t start, end;
} nf_mark;

typedef struct nf_hit {
  unsigned rank; /* 1-based over the whole result list */
  double score;
  int percent;
  const char *id;
  const char *date;     /* "YYYY-MM-DD" or NULL */
  const char *headline; /* or NULL */
  const char *snippet;  /* plain text around the matches */
  const nf_mark *marks; /* the matched words inside snippet */
  size_t nmarks;
  const char *record; /* the extracted record, as JSON */
  /* Near-duplicates (the schema's `collapse = yes` field, `similar` by
   * default): the hit's key, and how many other matching articles share it
   * and were folded into this hit.  similar_key is NULL when the search did
   * not collapse or the article has no key; field:"key" lists the group. */
  unsigned long similar;
  const char *similar_key;
} nf_hit;

typedef struct nf_facet_value {
  const char *value;   /* what a filter query uses: field:"value" */
  const char *label;   /* for people */
  unsigned long count; /* matching documents with this value */
} nf_facet_value;

/* Matches in one month of the date field (or one day, with
 * nf_search_options.histogram_days). */
typedef struct nf_month_count {
  char month[12]; /* "YYYY-MM", or "YYYY-MM-DD" by day */
  unsigned long count;
} nf_month_count;

/* When a search finds nothing, a value of a field the query filters by
 * that no article has ("speaker:Miyazwa") gets the indexed values close to
 * it (by edit distance, closest and most frequent first), each one a
 * suggestion: what field:"value" finds, count articles. */
typedef struct nf_suggestion {
  const char *field;   /* "speaker" */
  const char *queried; /* the value as the query wrote it: "Miyazwa" */
  const char *value;   /* the indexed value: "miyazawa"; field:"value" finds it */
  const char *label;   /* its spelling in the articles ("Kiichi Miyazawa"), else value */
  unsigned long count; /* articles with it */
} nf_suggestion;

NF_API void nf_results_free(nf_results *r);
/* The number of matching articles, exact (every match is checked, with or
 * without facets; near-duplicates folded into a hit are counted): the same
 * in the text output, --json and the HTTP API. */
NF_API unsigned long nf_results_total(const nf_results *r);
/* The number of hits once near-duplicates are folded (what offset and
 * limit page through), exact; nf_results_total when the search did not
 * collapse.  Facets and the histogram count articles, not groups. */
NF_API unsigned long nf_results_groups(const nf_results *r);
/* The collapse field's name when the search folded near-duplicates
 * ("similar"), else NULL. */
NF_API const char *nf_results_collapse_field(const nf_results *r);
NF_API size_t nf_results_size(const nf_results *r);
NF_API const nf_hit *nf_results_hit(const nf_results *r, size_t i);
NF_API size_t nf_results_facet_count(const nf_results *r);
/* The field name of facet f, and its values. */
NF_API const char *nf_results_facet_name(const nf_results *r, size_t f);
NF_API size_t nf_results_facet_size(const nf_results *r, size_t f);
NF_API const nf_facet_value *nf_results_facet_value(const nf_results *r, size_t f, size_t i);
/* The by-month histogram of the whole match set, oldest month first.  Months
 * with no match are left out, and so are matches with no date.  1 when it was
 * asked for (the date field among the facets), else 0 and the size is 0.  It
 * is not one of the nf_results_facet_* lists. */
NF_API int nf_results_has_histogram(const nf_results *r);
/* The suggestions (none unless the search found nothing). */
NF_API size_t nf_results_suggestion_count(const nf_results *r);
NF_API const nf_suggestion *nf_results_suggestion(const nf_results *r, size_t i);
NF_API size_t nf_results_histogram_size(const nf_results *r);
NF_API const nf_month_count *nf_results_histogram_month(const nf_results *r, size_t i);

/* The documented JSON form: {"query", "total", "offset", "hits": [...]
 * (each with "snippet", its "marks" as byte offsets and its "segments",
 * [{"text", "mark"}]; when the search collapsed, each hit with a key has
 * "similar": {"count", "key"} and "groups" follows "total"),
 * "facets": {...}, "suggestions": [{"field", "queried", "value", "label",
 * "count"}]}, and "histogram": [{"month": "2021-12", "count": 3}, ...]
 * when it was counted (malloc'd, NUL-terminated). */
NF_API nf_status nf_results_to_json(const nf_results *r, int pretty, char **out, nf_error *err);

/* ---- export: every match as CSV or JSON Lines, a window at a time ---- */

typedef enum nf_export_format { NF_EXPORT_CSV, NF_EXPORT_JSONL } nf_export_format;

typedef struct nf_export_options {
  nf_export_format format;
  const char *const *columns; /* "id", "date", "headline", "score", "rank", "text", or a key
                                 of the record ("countries", "officials", ...) */
  size_t ncolumns;
  nf_sort sort;
  unsigned offset;     /* first match */
  unsigned long limit; /* matches; 0: all */
  unsigned window;     /* matches searched at a time; 0: 100 */
} nf_export_options;

typedef struct nf_export nf_export;

/* An export of a query's matches, in order.  CSV has a header line of the
 * column names, then a line a match (RFC 4180: fields quoted when they
 * hold a comma, a quote or a line break; a text starting with = + - @ is
 * prefixed with ' so that a spreadsheet does not read it as a formula); a
 * list is its entries joined by "; ", an entry by its name ("Lloyd
 * Austin", "Lloyd Austin (defense secretary)" for an official, "speaker:
 * words" for a quote).  JSON Lines is one object a match, the columns as
 * keys, the record's values whole.  A column that names nothing the record
 * has is empty (null).  The options are copied. */
NF_API nf_status nf_export_new(const char *query, size_t n, const nf_export_options *o,
                               nf_export **out, nf_error *err);
/* The next piece of the export, searched on s (any searcher of the same
 * databases; another may be given each call): *data and *len (owned by the
 * export, valid until the next call), *len 0 at the end.  The first call
 * checks the query (NF_ERR_QUERY as nf_search). */
NF_API nf_status nf_export_next(nf_export *x, nf_searcher *s, const char **data, size_t *len,
                                nf_error *err);
NF_API void nf_export_free(nf_export *x);

#ifdef __cplusplus
}
#endif
#endif
