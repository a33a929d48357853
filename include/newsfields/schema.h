/* newsfields — the field schema: which record value becomes which Xapian
 * prefix, value slot and facet.  Read by the indexer and the searcher alike,
 * so that a field is indexed and queried the same way.
 *
 * The file format (schema/newsfields.schema is the default):
 *
 *     # comment
 *     [index]
 *     language = english       # Snowball stemmer for free text ("none": no stemming)
 *     batch = 1000             # documents per commit
 *
 *     [field country]          # the query name: country:...
 *     kind = country           # text | name | place | exact | country | title | date | id | agency
 *     prefix = N               # Xapian term prefix (not for kind = date)
 *     slot = 1                 # value slot (required for kind = date)
 *     source = country         # what fills it (default: the field name), see below
 *     facet = yes              # counted by --facets (default: no)
 *     label = Country          # shown to people (default: the name, capitalised)
 *     description = ...        # free text for documentation
 *
 * A source is the article's metadata (id, text, headline, date, year, source,
 * url), a result type (its results' values: `source = official`) or a result
 * type's attribute (`source = official.country`); a field may have several,
 * separated by commas (`source = credit.name, credit.org`).
 *
 * An unknown, duplicate or missing key, a duplicate field or prefix, or a bad
 * value is an error naming the file and line. */
#ifndef NEWSFIELDS_SCHEMA_H
#define NEWSFIELDS_SCHEMA_H

#include <stddef.h>

#include "newsfields/export.h"
#include "newsfields/registry.h"
#include "newsfields/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum nf_field_kind {
  NF_FIELD_TEXT,    /* free text with positions, stemmed */
  NF_FIELD_NAME,    /* person names: surname, full name, initials ignored */
  NF_FIELD_PLACE,   /* a place name, case and accents folded */
  NF_FIELD_EXACT,   /* an exact value, case folded */
  NF_FIELD_COUNTRY, /* an ISO 3166 alpha-2 code, lower case */
  NF_FIELD_TITLE,   /* an official's title, normalised words and phrases */
  NF_FIELD_DATE,    /* a YYYYMMDD value slot, queried as a range */
  NF_FIELD_ID,      /* the unique article id */
  NF_FIELD_AGENCY   /* a news agency: variants (AP, Associated Press) are one value */
} nf_field_kind;

#define NF_NO_SLOT ((unsigned)-1)

/* The article's metadata a field may be filled from. */
typedef enum nf_meta {
  NF_META_NONE, /* a result type's, not the metadata */
  NF_META_ID,
  NF_META_TEXT,
  NF_META_HEADLINE,
  NF_META_DATE, /* YYYYMMDD: the metadata's, else the dateline's */
  NF_META_YEAR, /* YYYY */
  NF_META_SOURCE,
  NF_META_URL
} nf_meta;

/* One source of a field: metadata, or the value or an attribute of the
 * results of one type. */
typedef struct nf_field_source {
  nf_meta meta;
  nf_type type; /* NF_TYPE_NONE (0) for metadata */
  char *attr;   /* the attribute; NULL: the result's value */
} nf_field_source;

typedef struct nf_field {
  const char *name; /* query name */
  nf_field_kind kind;
  const char *prefix; /* "" for unprefixed free text; NULL for a date field */
  unsigned slot;      /* NF_NO_SLOT when the field has no value slot */
  const char *source; /* as the schema writes it */
  nf_field_source *sources;
  size_t nsources;
  int facet; /* 1 if counted by --facets */
  const char *label;
  const char *description;
} nf_field;

typedef struct nf_schema nf_schema;

/* Load and validate a schema file.  Its sources' result types are looked up
 * in reg (NULL: the built-in types only).  On error *out is NULL and err
 * says where. */
NF_API nf_status nf_schema_load(const char *path, nf_registry *reg, nf_schema **out, nf_error *err);
/* Parse schema text; name is used in error messages in place of a path. */
NF_API nf_status nf_schema_parse(const char *text, size_t n, const char *name, nf_registry *reg,
                                 nf_schema **out, nf_error *err);
NF_API void nf_schema_free(nf_schema *schema);

/* The default schema file: $NEWSFIELDS_SCHEMA if set and non-empty, else
 * share/newsfields/newsfields.schema beside the running program's bin/, else
 * the installed one, else the source tree's (for a build tree).  Returns a
 * malloc'd path, or NULL if none exists. */
NF_API char *nf_schema_default_path(void);
/* The directory the schema was loaded from (gazetteer files are found there). */
NF_API const char *nf_schema_dir(const nf_schema *schema);
/* Where it was loaded from, for messages. */
NF_API const char *nf_schema_path(const nf_schema *schema);

NF_API size_t nf_schema_field_count(const nf_schema *schema);
NF_API const nf_field *nf_schema_field(const nf_schema *schema, size_t i);
/* NULL when there is no such field. */
NF_API const nf_field *nf_schema_find(const nf_schema *schema, const char *name);
NF_API const char *nf_schema_language(const nf_schema *schema);
NF_API unsigned nf_schema_batch(const nf_schema *schema);

NF_API const char *nf_field_kind_name(nf_field_kind kind);

#ifdef __cplusplus
}
#endif
#endif
