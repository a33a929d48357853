/* newsfields — field kinds: how a field's values become index terms, how a
 * queried value is normalised, and how its facet is counted and labelled.
 *
 * A kind is a versioned table of functions registered by name
 * (nf_registry_add_kind), as Xapian's FieldProcessor and RangeProcessor are
 * subclassed: the schema's `kind = NAME` picks one.  The built-in kinds (text,
 * name, place, exact, country, title, date, id, agency) register through the
 * same call as a plug-in's, so a field with its own normalisation is one
 * file (the kind) plus a schema section.
 *
 * The same kind function normalises a value at index time and at query time:
 * whatever query_key gives for a queried value must be among the keys
 * index_keys gave for the indexed values it should find.
 *
 * Threads: create() and destroy() run once per schema; the other functions
 * may run in several threads at once on one instance, so an instance is
 * read-only after create() (or guards what it changes). */
#ifndef NEWSFIELDS_FIELDKIND_H
#define NEWSFIELDS_FIELDKIND_H

#include <stddef.h>

#include "newsfields/export.h"
#include "newsfields/registry.h"
#include "newsfields/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define NF_FIELD_KIND_ABI 1

/* Receives one key (bytes, not NUL-terminated); a status other than NF_OK
 * stops the caller and is returned. */
typedef nf_status (*nf_key_fn)(void *ctx, const char *key, size_t n);

/* How a kind is indexed and queried. */
typedef enum nf_kind_mode {
  NF_KIND_TERMS,     /* boolean terms from index_keys, queried through query_key */
  NF_KIND_FREE_TEXT, /* positional free text, stemmed (Xapian's TermGenerator) */
  NF_KIND_DATE,      /* a YYYYMMDD value slot, queried as a range a..b */
  NF_KIND_UNIQUE     /* the article id: one term, queried as written */
} nf_kind_mode;

/* Kind flags.  NF_KIND_FACET_ON_TERMS: one index key per value; the facet
 * counts the index terms themselves and labels them with facet_label. */
#define NF_KIND_FACET_ON_TERMS 1u
/* NF_KIND_ONE_KEY: a value is indexed under its query key alone (index_keys
 * gives just that key); the indexer computes it once, with query_key, for
 * both the term and the facet. */
#define NF_KIND_ONE_KEY 2u
/* NF_KIND_QUERY_KEY_FIRST: the first key index_keys gives for a value is its
 * query key (when it has one), so the indexer takes it for the facet
 * instead of normalising the value a second time. */
#define NF_KIND_QUERY_KEY_FIRST 4u

/* What a kind is given when it is created. */
typedef struct nf_kind_env {
  const char *schema_dir; /* where its data files are */
} nf_kind_env;

typedef struct nf_field_kind_v1 {
  unsigned abi;            /* NF_FIELD_KIND_ABI */
  const char *name;        /* the schema's `kind = name` */
  const char *description; /* one line, for documentation and --help */
  nf_kind_mode mode;
  unsigned flags; /* NF_KIND_* */
  /* Load the kind's tables (may be NULL: no instance).  Called once per
   * schema that uses the kind; on failure set err and leave *instance NULL. */
  nf_status (*create)(const nf_kind_env *env, void **instance, nf_error *err);
  void (*destroy)(void *instance);
  /* NF_KIND_TERMS: every key one value is indexed under (none for a value
   * that has none).  Malformed text (not UTF-8) is NF_ERR_PARSE. */
  nf_status (*index_keys)(const void *instance, const char *v, size_t n, nf_key_fn fn, void *ctx);
  /* NF_KIND_TERMS: the one key a value is looked up by, in a query and in
   * the facet (fn is called at most once).  A value the kind cannot know is
   * NF_ERR_QUERY with a message for the user (an unknown country naming the
   * nearest ones); malformed text is NF_ERR_PARSE with a message that the
   * caller puts after the field's name ("the name is not valid UTF-8"); a
   * value that is empty once normalised calls no fn and is NF_OK (the query
   * parser says it has nothing to search for).  At index time, a value
   * without a query key gets no facet term. */
  nf_status (*query_key)(const void *instance, const char *v, size_t n, nf_key_fn fn, void *ctx,
                         nf_error *err);
  /* With NF_KIND_FACET_ON_TERMS: the label people read for a key ("lt" ->
   * "Lithuania"); NULL or no call of fn: the key itself. */
  nf_status (*facet_label)(const void *instance, const char *key, size_t n, nf_key_fn fn,
                           void *ctx);
} nf_field_kind_v1;

/* Register a kind; def must outlive the registry.  A duplicate name or an ABI
 * this library does not know is an error quoting the name. */
NF_API nf_status nf_registry_add_kind(nf_registry *reg, const nf_field_kind_v1 *def, nf_error *err);
/* A kind by name, or NULL. */
NF_API const nf_field_kind_v1 *nf_registry_kind(const nf_registry *reg, const char *name);
NF_API size_t nf_registry_kind_count(const nf_registry *reg);
NF_API const nf_field_kind_v1 *nf_registry_kind_at(const nf_registry *reg, size_t i);

#ifdef __cplusplus
}
#endif
#endif
