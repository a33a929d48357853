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
 *     plugins = a.so, b.so     # plug-ins to load (relative to the schema's directory)
 *     max_line_bytes = 33554432     # one JSON line (default 32 MiB; newsfields/limits.h)
 *     max_article_bytes = 8388608   # an article's headline and text (default 8 MiB)
 *     max_record_bytes = 33554432   # an article's record as JSON (default 32 MiB)
 *     max_quotes = 20000            # quotations in one article's record (default 20,000)
 *
 *     [field country]          # the query name: country:...
 *     kind = country           # a registered field kind (newsfields/fieldkind.h): text,
 *                              # name, place, exact, country, title, date, id, agency, or
 *                              # one a plug-in registers
 *     prefix = N               # Xapian term prefix (not for kind = date)
 *     slot = 1                 # value slot (required for kind = date)
 *     source = country         # what fills it (default: the field name), see below
 *     facet = yes              # counted by --facets (default: no)
 *     collapse = yes           # near-duplicates: searches fold the matches that share
 *                              # this field's slot value into one hit (default: no)
 *     values = many            # one or many values per article (default: from
 *                              # the sources, see below); only for kinds of
 *                              # boolean terms
 *     label = Country          # shown to people (default: the name, capitalised)
 *     description = ...        # free text for documentation
 *
 * A source is the article's metadata (id, text, headline, date, year, source,
 * url, similar: the near-duplicate key of the text, a hash of its first 25
 * words folded), a result type (its results' values: `source = official`) or a result
 * type's attribute (`source = official.country`); a field may have several,
 * separated by commas (`source = credit.name, credit.org`).
 *
 * A field of boolean terms has one value per article or many, which decides
 * how a query's repeated filters of it combine, as Omega's exclusive and
 * non-exclusive boolean prefixes do: many (countries, speakers, officials,
 * titles) AND them, `country:Iran country:Iraq` finds the articles naming
 * both; one (the dateline, the agency, the year) ORs them,
 * `dateline:London dateline:Paris` finds the articles from either (AND
 * could find none).  Unless `values` says, a field has one value when it
 * has a single source that gives one: the article's metadata (not its text)
 * or a result type whose record layout keeps one result (NF_LAYOUT_VALUE,
 * NF_LAYOUT_OBJECT), or an attribute of one; otherwise many.  The date
 * field and the id have one.
 *
 * At most one field has `collapse = yes`; it needs a slot and a prefix (a
 * kind of boolean terms), so that `field:KEY` lists the articles a hit
 * stands for.  The default schema's is `similar` (source = similar).
 *
 * Loading reads the whole file, then loads the plug-ins it names into the
 * registry, then resolves each field's kind in the registry, then creates
 * one instance of each kind the fields use (with the schema's directory,
 * where the kinds' data files are).
 *
 * An unknown, duplicate or missing key, a duplicate field or prefix, an
 * unknown kind or source, a plug-in that does not load or a bad value is an
 * error naming the file and line. */
#ifndef NEWSFIELDS_SCHEMA_H
#define NEWSFIELDS_SCHEMA_H

#include <stddef.h>

#include "newsfields/export.h"
#include "newsfields/fieldkind.h"
#include "newsfields/limits.h"
#include "newsfields/registry.h"
#include "newsfields/status.h"

#ifdef __cplusplus
extern "C" {
#endif

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
  NF_META_URL,
  NF_META_SIMILAR /* the near-duplicate key of the text: 16 hex digits */
} nf_meta;

/* One source of a field: metadata, or the value or an attribute of the
 * results of one type. */
typedef struct nf_field_source {
  nf_meta meta;
  nf_type type; /* NF_TYPE_NONE (0) for metadata */
  char *attr;   /* the attribute; NULL: the result's value */
} nf_field_source;

typedef struct nf_field {
  char *name;                   /* query name */
  const nf_field_kind_v1 *kind; /* from the registry the schema was loaded with */
  void *kind_instance;          /* the schema's instance of the kind (NULL: it has none) */
  char *prefix;                 /* "" for unprefixed free text; NULL for a date field */
  unsigned slot;                /* NF_NO_SLOT when the field has no value slot */
  char *source;                 /* as the schema writes it */
  nf_field_source *sources;     /* what fills it */
  size_t nsources;
  int facet; /* 1 if counted by --facets */
  char *label;
  char *description;
  int multi;    /* 1: an article may have several values (repeated filters AND);
                   0: at most one (repeated filters OR).  See `values` above. */
  int collapse; /* 1: searches fold the matches sharing this field's slot value
                   into one hit (`collapse = yes`, see above) */
} nf_field;

typedef struct nf_schema nf_schema;

/* Load and validate a schema file, resolving its kinds in reg (plug-ins it
 * names are loaded into reg, and stay there if it fails).  reg must outlive
 * the schema.  On error *out is NULL and err says where. */
NF_API nf_status nf_schema_load(const char *path, nf_registry *reg, nf_schema **out, nf_error *err);
/* Parse schema text; name is used in error messages in place of a path, and
 * its directory is the schema's (for plug-ins and the kinds' data). */
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
/* A size limit: the schema's, or the default (newsfields/limits.h).  A
 * command's option overrides it with nf_schema_set_limit (0: back to the
 * schema's default). */
NF_API size_t nf_schema_limit(const nf_schema *schema, nf_limit which);
NF_API void nf_schema_set_limit(nf_schema *schema, nf_limit which, size_t value);

#ifdef __cplusplus
}
#endif
#endif
