/* newsfields — the analyzer interface: typed results in, typed results out.
 *
 * An analyzer is a versioned table of functions (nf_analyzer_v2), registered
 * by name in a registry (newsfields/registry.h), as SQLite FTS5 registers
 * tokenizers.  The built-in analyzers register exactly as a plug-in's do.
 *
 * An analyzer reads the article's token stream (nf_text), its metadata and
 * the results of the analyzers it declares in `reads`, and emits typed
 * results (nf_result): a result type, a byte span with its token range, a
 * value and named attributes.  That is its only output.  The record layer
 * derives the JSON record (`newsfields extract`) and the index values from
 * the results: each result type declares how it appears in the record
 * (nf_result_type_v1), each schema field names the type and attribute it is
 * filled from (`source = official.country`).
 *
 * The pipeline runs analyzers in an order computed from their declarations:
 * an analyzer runs after every analyzer that provides a type it reads.  A
 * type read but provided by none, or a cycle, is an error naming them.
 *
 * Threads: create() and destroy() run once; analyze() may run in several
 * threads at once on one instance, each with its own nf_analysis, so an
 * instance is read-only after create(): per-article state lives in the
 * nf_analysis and on the stack. */
#ifndef NEWSFIELDS_ANALYZER_H
#define NEWSFIELDS_ANALYZER_H

#include <stddef.h>
#include <stdint.h>

#include "newsfields/article.h"
#include "newsfields/date.h"
#include "newsfields/export.h"
#include "newsfields/registry.h"
#include "newsfields/status.h"
#include "newsfields/text.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The version of nf_analyzer_v2 and nf_result_type_v1 this header describes. */
#define NF_ANALYZER_ABI 2

/* ---- result types -------------------------------------------------------- */

/* A result type (nf_type, newsfields/registry.h): one of the built-in
 * constants, or the id a plug-in's type got from nf_registry_add_type (look
 * it up by name in create()). */
enum {
  NF_TYPE_NONE = 0,
  NF_TYPE_COUNTRY,  /* a country named: value ISO code ("lt"); name, written */
  NF_TYPE_DATELINE, /* the opening dateline: value place; written, region, country, date, agency */
  NF_TYPE_DATE,     /* a publication date the text gives: value YYYY-MM-DD */
  NF_TYPE_BYLINE,   /* an author or editor: value name (may be NULL); org, role */
  NF_TYPE_CREDIT,   /* a photo or other credit: value name or org; name, org */
  NF_TYPE_AGENCY,   /* the article's news agency: value its canonical name */
  NF_TYPE_PERSON,   /* a person mentioned: value the fullest name; ref its first mention */
  NF_TYPE_TITLE,    /* a title mentioned: value normalised title; person; ref its official */
  NF_TYPE_OFFICIAL, /* a person holding a title: value the person; title, country, org */
  NF_TYPE_QUOTE,    /* quoted or reported speech, span its content: speaker, speaker_span, cue,
                       speaker_kind (person, body, group), country (the speaker's) */
  NF_TYPE_SPEAKER,  /* a named person who speaks, once per article: value name; country */
  NF_TYPE_BODY,     /* a named body that speaks (organisation, government, company), once per
                       article: value its short name ("Texaco", not "Texaco Inc"); country */
  NF_TYPE_BUILTIN_COUNT
};

/* Built-in attribute names.  An attribute is a name with a string or a span;
 * a plug-in may use any other name. */
#define NF_ATTR_NAME "name"       /* a display name (a country's) */
#define NF_ATTR_WRITTEN "written" /* as the text writes it */
#define NF_ATTR_PERSON "person"
#define NF_ATTR_TITLE "title"
#define NF_ATTR_COUNTRY "country" /* ISO 3166-1 alpha-2, lower case */
#define NF_ATTR_ORG "org"
#define NF_ATTR_KIND "kind"
#define NF_ATTR_ROLE "role"
#define NF_ATTR_REGION "region"
#define NF_ATTR_DATE "date" /* YYYY-MM-DD */
#define NF_ATTR_AGENCY "agency"
#define NF_ATTR_CUE "cue"
#define NF_ATTR_SPEAKER "speaker"
#define NF_ATTR_SPEAKER_SPAN "speaker_span" /* a span */
#define NF_ATTR_SPEAKER_KIND "speaker_kind" /* person, body or group */
#define NF_ATTR_FOUND "found"               /* where a byline was found: text, metadata or both */

/* How a type's results appear in the JSON record. */
typedef enum nf_layout {
  NF_LAYOUT_NONE,    /* not in the record: working results for other analyzers */
  NF_LAYOUT_VALUE,   /* the first result's value, or null */
  NF_LAYOUT_OBJECT,  /* the first result as an object of its members, or null */
  NF_LAYOUT_VALUES,  /* an array of every result's value */
  NF_LAYOUT_OBJECTS, /* an array of objects, one per result */
  NF_LAYOUT_GROUPS   /* an array of objects, one per distinct value, in order of first
                        result, with the members of that first result */
} nf_layout;

/* Where a member of a result's JSON object comes from. */
typedef enum nf_member_kind {
  NF_MEMBER_VALUE,     /* the value, or null */
  NF_MEMBER_SPAN,      /* [start, end], or null when the result has no span */
  NF_MEMBER_TEXT,      /* the text the span covers */
  NF_MEMBER_ATTR,      /* the string attribute `attr`, or null */
  NF_MEMBER_ATTR_SPAN, /* the span attribute `attr` as [start, end], or null */
  NF_MEMBER_MENTIONS   /* NF_LAYOUT_GROUPS: the spans of every result of the group */
} nf_member_kind;

typedef struct nf_member {
  const char *key; /* the JSON key */
  nf_member_kind kind;
  const char *attr; /* for NF_MEMBER_ATTR and NF_MEMBER_ATTR_SPAN */
} nf_member;

typedef struct nf_result_type_v1 {
  const char *name;       /* unique, as schema sources name it: "official" */
  const char *record_key; /* the record's key ("officials"); NULL for NF_LAYOUT_NONE */
  nf_layout layout;
  const nf_member *members; /* for OBJECT, OBJECTS and GROUPS */
  size_t nmembers;
  const char *description; /* one line */
} nf_result_type_v1;

/* Register a result type; the def must outlive the registry.  A duplicate
 * name is an error quoting it.  *id (may be NULL) gets the type's id. */
NF_API nf_status nf_registry_add_type(nf_registry *reg, const nf_result_type_v1 *def, nf_type *id,
                                      nf_error *err);
/* The id of a type by name, or NF_TYPE_NONE. */
NF_API nf_type nf_registry_type(const nf_registry *reg, const char *name);
NF_API size_t nf_registry_type_count(const nf_registry *reg); /* ids are 1 .. count */
/* The declaration of a type, or NULL. */
NF_API const nf_result_type_v1 *nf_registry_type_def(const nf_registry *reg, nf_type id);

/* ---- results --------------------------------------------------------------- */

#define NF_NO_REF UINT32_MAX

/* Result flags; the low 16 bits are the analyzer's own. */
#define NF_RESULT_OWN_FLAGS 0xffffu
#define NF_RESULT_HIDDEN (1u << 30)    /* for later analyzers only: not recorded, not indexed */
#define NF_RESULT_UNINDEXED (1u << 31) /* recorded, but no index value (an editor's byline) */

/* A named attribute: a string, or a span (str NULL, is_span 1). */
typedef struct nf_attr_value {
  const char *key;
  const char *str;
  uint32_t start, end;
  int is_span;
} nf_attr_value;

#define NF_ATTR_STR(k, s) ((nf_attr_value){(k), (s), 0, 0, 0})
#define NF_ATTR_SPAN(k, b, e) ((nf_attr_value){(k), NULL, (b), (e), 1})

typedef struct nf_result {
  nf_type type;
  uint32_t start, end;         /* bytes of the text; start == end: no span */
  uint32_t tok_begin, tok_end; /* its tokens; set by nf_analysis_emit from the span */
  const char *value;           /* normalised ("lt", "Lloyd J. Austin III"), may be NULL */
  uint32_t ref;                /* index of a related result, or NF_NO_REF */
  uint32_t flags;              /* NF_RESULT_* and the analyzer's own low bits */
  const nf_attr_value *attrs;  /* attributes with a NULL str (and no span) are dropped */
  uint32_t nattrs;
} nf_result;

/* A string attribute of r, or NULL. */
NF_API const char *nf_result_attr(const nf_result *r, const char *key);
/* A span attribute of r: 1 and the span set, or 0. */
NF_API int nf_result_attr_span(const nf_result *r, const char *key, uint32_t *start, uint32_t *end);

/* ---- analyzers ------------------------------------------------------------ */

/* One article under analysis: its text, metadata and the results so far. */
typedef struct nf_analysis nf_analysis;

/* What an analyzer is given when it is created. */
typedef struct nf_analyzer_env {
  const char *schema_dir;      /* where its gazetteer files are */
  const nf_registry *registry; /* to look up the ids of plug-in types */
} nf_analyzer_env;

typedef struct nf_analyzer_v2 {
  unsigned abi;                /* NF_ANALYZER_ABI */
  const char *name;            /* unique: "country" */
  const char *description;     /* one line */
  const char *const *provides; /* the result types it emits, NULL-terminated */
  const char *const *reads;    /* the result types it reads, NULL-terminated (may be NULL) */
  /* Load data and build the instance; on failure set err (naming the file
   * and line of bad data) and leave *instance NULL. */
  nf_status (*create)(const nf_analyzer_env *env, void **instance, nf_error *err);
  void (*destroy)(void *instance);
  nf_status (*analyze)(const void *instance, nf_analysis *a, nf_error *err);
} nf_analyzer_v2;

/* Register an analyzer; def must outlive the registry.  A duplicate name, an
 * ABI this library does not know or an unknown type in provides or reads is
 * an error quoting the name. */
NF_API nf_status nf_registry_add(nf_registry *reg, const nf_analyzer_v2 *def, nf_error *err);
NF_API size_t nf_registry_size(const nf_registry *reg);
NF_API const nf_analyzer_v2 *nf_registry_get(const nf_registry *reg, size_t i);
NF_API const nf_analyzer_v2 *nf_registry_find(const nf_registry *reg, const char *name);

/* ---- pipeline ------------------------------------------------------------ */

typedef struct nf_pipeline nf_pipeline;

/* Create an instance of every analyzer of the registry, in the order their
 * declarations ask (registration order where they do not); the registry must
 * outlive the pipeline.  A type read and provided by no analyzer, or a
 * cycle, is NF_ERR_INVALID naming the analyzers. */
NF_API nf_status nf_pipeline_new(const nf_registry *reg, const nf_analyzer_env *env,
                                 nf_pipeline **out, nf_error *err);
NF_API void nf_pipeline_free(nf_pipeline *p);
NF_API const nf_registry *nf_pipeline_registry(const nf_pipeline *p);
/* The analyzers in the order they run. */
NF_API size_t nf_pipeline_size(const nf_pipeline *p);
NF_API const nf_analyzer_v2 *nf_pipeline_get(const nf_pipeline *p, size_t i);
/* 1 when some analyzer of the pipeline provides the type. */
NF_API int nf_pipeline_provides(const nf_pipeline *p, nf_type type);

/* The built-in analyzers (and those of the plug-ins named, which may be
 * NULL) in a new registry (nf_registry_default) and pipeline; the caller
 * frees both, the pipeline first. */
NF_API nf_status nf_pipeline_default(const char *schema_dir, const char *const *plugins,
                                     size_t nplugins, nf_registry **reg_out, nf_pipeline **out,
                                     nf_error *err);

/* Per-thread working memory for analysing articles one after another. */
NF_API nf_status nf_analysis_new(nf_analysis **out);
NF_API void nf_analysis_free(nf_analysis *a);

/* Analyse one article with every analyzer.  The article (its strings) must
 * stay in place until the next run: the analysis reads it, never copies it.
 * A bad date is NF_ERR_PARSE; an analyzer's error names the analyzer. */
NF_API nf_status nf_pipeline_run(const nf_pipeline *p, nf_analysis *a, const nf_article *article,
                                 nf_error *err);

/* ---- what an analyzer sees ------------------------------------------------ */

NF_API const nf_text *nf_analysis_text(const nf_analysis *a);
NF_API const nf_article *nf_analysis_article(const nf_analysis *a);
/* The article's date (parsed once, from its metadata): 1 and *out set, else 0. */
NF_API int nf_analysis_date(const nf_analysis *a, nf_date *out);

/* Add a result.  Its strings and attributes are copied, the value and
 * string attributes as values: each run of spaces and control characters
 * one space, none at either end ("Alan\nGreenspan" is "Alan Greenspan").
 * Its token range is set from its span.  Emitting a type the analyzer does not provide is
 * NF_ERR_INVALID.  *index (may be NULL) gets its index. */
NF_API nf_status nf_analysis_emit(nf_analysis *a, const nf_result *r, uint32_t *index);

/* Every result so far, in the order emitted; the pointer and the results
 * stay valid until the next emit. */
NF_API size_t nf_analysis_count(const nf_analysis *a);
NF_API const nf_result *nf_analysis_result(const nf_analysis *a, uint32_t index);
/* Results of one type lying within [start, end) of the text, in the order
 * emitted: start with *cursor = 0, NULL at the end.  (0, UINT32_MAX): all. */
NF_API const nf_result *nf_analysis_next(const nf_analysis *a, nf_type type, uint32_t start,
                                         uint32_t end, size_t *cursor);
/* The first result of a type, or NULL. */
NF_API const nf_result *nf_analysis_first(const nf_analysis *a, nf_type type);
/* How many results of a type. */
NF_API size_t nf_analysis_count_of(const nf_analysis *a, nf_type type);

#ifdef __cplusplus
}
#endif
#endif
