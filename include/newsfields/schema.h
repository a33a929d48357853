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
 *     source = countries       # the record key it is filled from (default: the field name)
 *     facet = yes              # counted by --facets (default: no)
 *     label = Country          # shown to people (default: the name, capitalised)
 *     description = ...        # free text for documentation
 *
 * An unknown, duplicate or missing key, a duplicate field or prefix, or a bad
 * value is an error naming the file and line. */
#ifndef NEWSFIELDS_SCHEMA_H
#define NEWSFIELDS_SCHEMA_H

#include <stddef.h>

#include "newsfields/export.h"
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

typedef struct nf_field {
  const char *name; /* query name */
  nf_field_kind kind;
  const char *prefix; /* "" for unprefixed free text; NULL for a date field */
  unsigned slot;      /* NF_NO_SLOT when the field has no value slot */
  const char *source; /* record key */
  int facet;          /* 1 if counted by --facets */
  const char *label;
  const char *description;
} nf_field;

typedef struct nf_schema nf_schema;

/* Load and validate a schema file.  On error *out is NULL and err says where. */
NF_API nf_status nf_schema_load(const char *path, nf_schema **out, nf_error *err);
/* Parse schema text; name is used in error messages in place of a path. */
NF_API nf_status nf_schema_parse(const char *text, size_t n, const char *name, nf_schema **out,
                                 nf_error *err);
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
