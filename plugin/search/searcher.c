/* Searching: query string -> parser with the schema's fields -> enquire ->
 * hits with snippets, and facet counts over the whole match set. */
#include "newsfields/search.h"

#include <stdlib.h>
#include <string.h>

#include "fieldrefs.h"
#include "fields/keys.h"
#include "query.h"
#include "record/stored.h"
#include "results_internal.h"
#include "suggest.h"
#include "xapian/shim.h"

#define NF_META_LANGUAGE "newsfields.language"

struct nf_searcher {
  const nf_schema *schema;
  nf_xdb *db;
  nf_query_parser *qp;
  char *language;
  nf_search_limits limits;
};

void nf_searcher_free(nf_searcher *s) {
  if (!s) return;
  nf_query_parser_free(s->qp);
  nf_xdb_free(s->db);
  free(s->language);
  free(s);
}

nf_status nf_searcher_open(const char *const *db_paths, size_t n, const nf_schema *schema,
                           const char *language, nf_searcher **out, nf_error *err) {
  *out = NULL;
  if (n == 0) return nf_error_set(err, NF_ERR_INVALID, "no database given");
  nf_searcher *s = calloc(1, sizeof *s);
  if (!s) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  s->schema = schema;
  nf_status st = nf_xdb_open_many(db_paths, n, &s->db, err);
  if (st == NF_OK && language) {
    if (!(s->language = strdup(language))) st = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  } else if (st == NF_OK) {
    st = nf_xdb_get_metadata(s->db, NF_META_LANGUAGE, &s->language, err);
    if (st == NF_OK && !*s->language) {
      free(s->language);
      s->language = strdup(nf_schema_language(schema));
      if (!s->language) st = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
    }
  }
  if (st == NF_OK) st = nf_query_parser_new(schema, s->db, s->language, &s->qp, err);
  if (st != NF_OK) {
    nf_searcher_free(s);
    return st;
  }
  *out = s;
  return NF_OK;
}

nf_status nf_searcher_reopen(nf_searcher *s, nf_error *err) { return nf_xdb_reopen(s->db, err); }

nf_status nf_searcher_set_limits(nf_searcher *s, const nf_search_limits *limits, nf_error *err) {
  if (!s || !limits) return nf_error_set(err, NF_ERR_INVALID, "no searcher or limits");
  if (!(limits->time_limit >= 0))
    return nf_error_set(err, NF_ERR_INVALID, "the time limit is negative");
  s->limits = *limits;
  return NF_OK;
}

/* A query over the searcher's bounds is refused before it runs. */
static nf_status check_cost(const nf_searcher *s, const nf_xquery *q, nf_error *err) {
  const nf_search_limits *l = &s->limits;
  if (!l->max_terms && !l->max_phrases) return NF_OK;
  nf_xquery_cost cost;
  nf_status st = nf_xquery_cost_of(q, &cost, err);
  if (st != NF_OK) return st;
  if (l->max_terms && cost.terms > l->max_terms)
    return nf_error_set(err, NF_ERR_LIMIT, "the query is too complex: %lu terms (at most %u)",
                        cost.terms, l->max_terms);
  if (l->max_phrases && cost.phrases > l->max_phrases)
    return nf_error_set(err, NF_ERR_LIMIT, "the query is too complex: %lu phrases (at most %u)",
                        cost.phrases, l->max_phrases);
  return NF_OK;
}

nf_status nf_searcher_doccount(nf_searcher *s, unsigned long *out, nf_error *err) {
  return nf_xdb_doccount(s->db, out, err);
}

nf_status nf_searcher_document(nf_searcher *s, const char *id, size_t n, char **out, size_t *len,
                               nf_error *err) {
  *out = NULL;
  *len = 0;
  const char *prefix = "Q";
  for (size_t i = 0; i < nf_schema_field_count(s->schema); i++) {
    const nf_field *f = nf_schema_field(s->schema, i);
    if (f->kind->mode == NF_KIND_UNIQUE) prefix = f->prefix;
  }
  size_t tlen;
  char *term = nf_xterm_make(prefix, id, n, &tlen);
  if (!term) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  char *data = NULL;
  size_t dlen = 0;
  nf_status st =
      n ? nf_xdb_get_data_by_term(s->db, term, tlen, &data, &dlen, err) : NF_ERR_NOT_FOUND;
  free(term);
  if (st == NF_ERR_NOT_FOUND)
    return nf_error_set(err, st, "no article has the id '%.*s'", (int)(n > 200 ? 200 : n), id);
  if (st != NF_OK) return st;
  /* the record is the data's first line, as the index stored it; Omega's
   * lines follow it */
  st = nf_stored_record_line(data, dlen, out, len);
  free(data);
  if (st == NF_ERR_DB_CORRUPT)
    return nf_error_set(err, st, "the article '%.*s' has no newsfields record",
                        (int)(n > 200 ? 200 : n), id);
  return st == NF_OK ? st : nf_error_set(err, st, "out of memory");
}

static int blank(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (p[i] != ' ' && p[i] != '\t' && p[i] != '\n' && p[i] != '\r') return 0;
  return 1;
}

/* An empty query browses everything (useful with facets); the fields a
 * query names are checked first. */
static nf_status parse(nf_searcher *s, const char *q, size_t n, nf_xquery **out, nf_error *err) {
  if (blank(q, n)) return nf_xquery_match_all(out, err);
  nf_status st = nf_query_check_fields(s->schema, q, n, err);
  return st == NF_OK ? nf_query_parser_parse(s->qp, q, n, out, err) : st;
}

char *nf_searcher_describe_query(nf_searcher *s, const char *query, size_t n, nf_error *err) {
  nf_xquery *q;
  if (parse(s, query, n, &q, err) != NF_OK) return NULL;
  char *d = nf_xquery_describe(q);
  nf_xquery_free(q);
  return d;
}

/* What opts asks to count, checked: the facet fields, and the date field
 * when the histogram is asked for.  Per call, on the caller's stack. */
typedef struct facet_plan {
  const nf_field **fields;
  size_t nfields;
  const nf_field *date; /* the histogram's field, or NULL */
} facet_plan;

static nf_status plan_facets(const nf_searcher *s, const nf_search_options *opts, facet_plan *plan,
                             nf_error *err) {
  for (size_t i = 0; i < opts->nfacets; i++) {
    const nf_field *f = nf_schema_find(s->schema, opts->facets[i]);
    if (f && f->kind->mode == NF_KIND_DATE) {
      plan->date = f;
    } else if (f && f->facet) {
      plan->fields[plan->nfields++] = f;
    } else {
      nf_buf names = NF_BUF_INIT;
      const char *date = NULL;
      for (size_t k = 0; k < nf_schema_field_count(s->schema); k++) {
        const nf_field *o = nf_schema_field(s->schema, k);
        if (o->facet) nf_buf_printf(&names, "%s%s", names.len ? ", " : "", o->name);
        if (o->kind->mode == NF_KIND_DATE) date = o->name;
      }
      if (date) nf_buf_printf(&names, "; %s for the by-month histogram", date);
      nf_status st = nf_error_set(err, NF_ERR_QUERY, "'%s' is not a facet field (facets: %s)",
                                  opts->facets[i], nf_buf_str(&names));
      nf_buf_free(&names);
      return st;
    }
  }
  return NF_OK;
}

static const nf_field *date_field(const nf_schema *schema) {
  for (size_t i = 0; i < nf_schema_field_count(schema); i++)
    if (nf_schema_field(schema, i)->kind->mode == NF_KIND_DATE) return nf_schema_field(schema, i);
  return NULL;
}

/* The field near-duplicates are folded on (`collapse = yes`), or NULL. */
static const nf_field *collapse_field(const nf_schema *schema) {
  for (size_t i = 0; i < nf_schema_field_count(schema); i++)
    if (nf_schema_field(schema, i)->collapse) return nf_schema_field(schema, i);
  return NULL;
}

static nf_status run(nf_searcher *s, const nf_xquery *q, const nf_search_options *opts,
                     const facet_plan *plan, nf_results *r, nf_error *err) {
  nf_xenquire *e;
  nf_status st = nf_xenquire_new(s->db, &e, err);
  if (st != NF_OK) return st;
  st = nf_xenquire_set_query(e, q, err);
  if (st == NF_OK && s->limits.time_limit > 0)
    st = nf_xenquire_set_time_limit(e, s->limits.time_limit, err);
  if (st == NF_OK && opts->sort == NF_SORT_DATE) {
    const nf_field *d = date_field(s->schema);
    if (!d)
      st = nf_error_set(err, NF_ERR_QUERY, "the schema has no date field to sort by");
    else
      st = nf_xenquire_sort_by_value(e, d->slot, 1, err);
  }
  /* Near-duplicates fold into one hit unless the options say not to. */
  const nf_field *collapse = opts->no_collapse ? NULL : collapse_field(s->schema);
  if (st == NF_OK && collapse) st = nf_xenquire_set_collapse(e, 1, collapse->slot, err);
  if (st == NF_OK && plan->nfields) st = nf_xenquire_set_facet_limit(e, opts->facet_limit, err);
  size_t *index = calloc(plan->nfields + 1, sizeof *index);
  if (!index && st == NF_OK) st = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  for (size_t i = 0; st == NF_OK && i < plan->nfields; i++) {
    char prefix[NF_FACET_PREFIX_MAX];
    nf_facet_prefix(plan->fields[i], prefix);
    /* Own facet terms are key + separator + spelling: one count per key. */
    if (nf_facet_has_own_terms(plan->fields[i]))
      st = nf_xenquire_add_keyed_facet(e, prefix, NF_FACET_SEPARATOR, &index[i], err);
    else
      st = nf_xenquire_add_term_facet(e, prefix, &index[i], err);
  }
  /* The histogram counts the date slot's YYYYMMDD values cut to YYYYMM. */
  if (st == NF_OK && plan->date)
    st = nf_xenquire_add_value_facet(e, plan->date->slot, opts->histogram_days ? 8 : 6,
                                     &index[plan->nfields], err);
  nf_xmset *m = NULL;
  if (st == NF_OK) st = nf_xenquire_run(e, opts->offset, opts->limit, &m, err);
  if (st == NF_OK) {
    st = nf_results_fill_hits(r, m, opts, collapse ? collapse->name : NULL, err);
  }
  for (size_t i = 0; st == NF_OK && i < plan->nfields; i++)
    st = nf_results_fill_facet(r, m, i, index[i], plan->fields[i], opts->facet_limit, err);
  if (st == NF_OK && plan->date) st = nf_results_fill_histogram(r, m, index[plan->nfields], err);
  free(index);
  nf_xmset_free(m);
  nf_xenquire_free(e);
  return st;
}

nf_status nf_search(nf_searcher *s, const char *query, size_t n, const nf_search_options *opts,
                    nf_results **out, nf_error *err) {
  *out = NULL;
  facet_plan plan = {calloc(opts->nfacets ? opts->nfacets : 1, sizeof *plan.fields), 0, NULL};
  if (!plan.fields) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  nf_status st = plan_facets(s, opts, &plan, err);
  nf_xquery *q = NULL;
  if (st == NF_OK) st = parse(s, query, n, &q, err);
  if (st == NF_OK) st = check_cost(s, q, err);
  nf_results *r = NULL;
  if (st == NF_OK) st = nf_results_new(query, n, opts->offset, plan.nfields, &r, err);
  if (st == NF_OK) st = run(s, q, opts, &plan, r, err);
  /* nothing found: close values for those no article has */
  if (st == NF_OK && nf_results_total(r) == 0 && !blank(query, n))
    st = nf_suggest_values(s->db, s->qp, r, err);
  nf_xquery_free(q);
  free(plan.fields);
  if (st != NF_OK) {
    nf_results_free(r);
    return st;
  }
  *out = r;
  return NF_OK;
}
