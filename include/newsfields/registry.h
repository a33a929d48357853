/* newsfields — the registry: analyzers, result types and field kinds by name.
 *
 * One registry holds everything a deployment can extend: the analyzers that
 * find results (newsfields/analyzer.h), the result types they emit and the
 * field kinds that index and query them (newsfields/fieldkind.h).  The
 * built-ins register through the same calls as a plug-in: a shared object
 * loaded with nf_registry_load exports NF_PLUGIN_ENTRY, which registers its
 * types, analyzers and kinds in the registry it is given. */
#ifndef NEWSFIELDS_REGISTRY_H
#define NEWSFIELDS_REGISTRY_H

#include <stdint.h>

#include "newsfields/export.h"
#include "newsfields/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nf_registry nf_registry;

/* A result type's id (newsfields/analyzer.h): 0 is none. */
typedef uint32_t nf_type;

/* A registry with the built-in result types only. */
NF_API nf_status nf_registry_new(nf_registry **out);
/* Also closes the shared objects it loaded.  NULL is a no-op. */
NF_API void nf_registry_free(nf_registry *reg);

/* A registry with every built-in: result types, field kinds and analyzers. */
NF_API nf_status nf_registry_default(nf_registry **out, nf_error *err);
/* The built-in field kinds and analyzers, registered as a plug-in's are. */
NF_API nf_status nf_registry_add_builtins(nf_registry *reg, nf_error *err);

/* Load a shared object and call its NF_PLUGIN_ENTRY with the registry.  A
 * path without a '/' that names a file here is loaded as ./path (dlopen
 * would search the library path); errors name the path.  What a plug-in
 * registered stays until nf_registry_free. */
NF_API nf_status nf_registry_load(nf_registry *reg, const char *path, nf_error *err);

/* The entry point a plug-in exports:
 *   NF_PLUGIN_EXPORT nf_status nf_plugin_init(nf_registry *reg, nf_error *err);
 * (NF_PLUGIN_EXPORT keeps it visible when the plug-in is built with
 * -fvisibility=hidden.) */
#define NF_PLUGIN_ENTRY "nf_plugin_init"
#define NF_PLUGIN_EXPORT __attribute__((visibility("default")))
typedef nf_status (*nf_plugin_init_fn)(nf_registry *reg, nf_error *err);

#ifdef __cplusplus
}
#endif
#endif
