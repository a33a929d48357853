/* newsfields — the analyzer plugin interface.
 *
 * Layer 3 of DESIGN.md.  An analyzer is a versioned table of functions,
 * registered by name in a registry, as SQLite FTS5 registers tokenizers.
 * The built-in analyzers (country, dateline, byline, official, speaker)
 * register through nf_registry_add exactly as an outside one does; a shared
 * object loaded with nf_registry_load exports one entry point,
 * NF_PLUGIN_ENTRY (newsfields/registry.h), that registers its analyzers in
 * the same registry.
 *
 * A pipeline runs the registry's analyzers in registration order over one
 * article at a time.  Each reads the token stream (nf_text) and the results
 * of the analyzers before it, emits typed results with spans, and writes its
 * part of the record (JSON keys and index values).
 *
 * Threads: create() and destroy() run once; analyze() may run in several
 * threads at once on one instance, each with its own nf_analysis, so an
 * instance is read-only after create(): per-article state lives in the
 * nf_analysis and on the stack. */
#ifndef NEWSFIELDS_ANALYZER_H
#define NEWSFIELDS_ANALYZER_H

#include <stddef.h>
#include <stdint.h>

#include "newsfields/date.h"
#include "newsfields/export.h"
#include "newsfields/record.h"
#include "newsfields/registry.h"
#include "newsfields/status.h"
#include "newsfields/text.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The version of nf_analyzer_v1 this header describes. */
#define NF_ANALYZER_ABI 1

/* One article under analysis: its text, record and the results so far. */
typedef struct nf_analysis nf_analysis;

#define NF_NO_REF UINT32_MAX

/* A typed result with its span in the text (start == end: no span). */
typedef struct nf_result {
  const char *type; /* what it is: "country", "person", "title", "quote", ... */
  uint32_t start, end;
  const char *value; /* normalised ("lt", "Lloyd J. Austin III"), may be NULL */
  const char *label; /* for people or as written, may be NULL */
  uint32_t ref;      /* index of a related result, or NF_NO_REF */
  uint32_t flags;    /* the analyzer's own */
} nf_result;

/* What an analyzer is given when it is created. */
typedef struct nf_analyzer_env {
  const char *schema_dir; /* where its gazetteer files are */
} nf_analyzer_env;

typedef struct nf_analyzer_v1 {
  unsigned abi;            /* NF_ANALYZER_ABI */
  const char *name;        /* unique: "country" */
  const char *description; /* one line */
  /* Load data and build the instance; on failure set err (naming the file
   * and line of bad data) and leave *instance NULL. */
  nf_status (*create)(const nf_analyzer_env *env, void **instance, nf_error *err);
  void (*destroy)(void *instance);
  nf_status (*analyze)(const void *instance, nf_analysis *a, nf_error *err);
} nf_analyzer_v1;

/* ---- registry (newsfields/registry.h) ------------------------------------ */

/* Register an analyzer; def must outlive the registry.  A duplicate name or
 * an ABI this library does not know is an error quoting the name. */
NF_API nf_status nf_registry_add(nf_registry *reg, const nf_analyzer_v1 *def, nf_error *err);
NF_API size_t nf_registry_size(const nf_registry *reg);
NF_API const nf_analyzer_v1 *nf_registry_get(const nf_registry *reg, size_t i);
NF_API const nf_analyzer_v1 *nf_registry_find(const nf_registry *reg, const char *name);

/* ---- pipeline ---------------------------------------------------------- */

typedef struct nf_pipeline nf_pipeline;

/* Create an instance of every analyzer of the registry, in its order (the
 * registry must outlive the pipeline). */
NF_API nf_status nf_pipeline_new(const nf_registry *reg, const nf_analyzer_env *env,
                                 nf_pipeline **out, nf_error *err);
NF_API void nf_pipeline_free(nf_pipeline *p);
/* A registry of the built-ins (nf_registry_default) and the plugins named
 * (which may be NULL), and a pipeline of its analyzers; the caller frees
 * both, the pipeline first. */
NF_API nf_status nf_pipeline_default(const char *schema_dir, const char *const *plugins,
                                     size_t nplugins, nf_registry **reg_out, nf_pipeline **out,
                                     nf_error *err);

/* Per-thread working memory for analysing articles one after another. */
NF_API nf_status nf_analysis_new(nf_analysis **out);
NF_API void nf_analysis_free(nf_analysis *a);

/* Analyse the record's text (nf_record_begin done) with every analyzer.
 * An analyzer's error names the analyzer. */
NF_API nf_status nf_pipeline_run(const nf_pipeline *p, nf_analysis *a, nf_record *rec,
                                 nf_error *err);

/* ---- what an analyzer sees --------------------------------------------- */

NF_API const nf_text *nf_analysis_text(const nf_analysis *a);
NF_API nf_record *nf_analysis_record(nf_analysis *a);
/* The article's date, when it has one: 1 and *out set, else 0. */
NF_API int nf_analysis_date(const nf_analysis *a, nf_date *out);
/* Add a result (strings are copied); *index (may be NULL) gets its index. */
NF_API nf_status nf_analysis_emit(nf_analysis *a, const nf_result *r, uint32_t *index);
/* Every result so far, in the order emitted (valid until the next emit). */
NF_API const nf_result *nf_analysis_results(const nf_analysis *a, size_t *count);

#ifdef __cplusplus
}
#endif
#endif
