/* The registry: analyzers by name, and the shared objects that add to it. */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "registry_internal.h"

nf_status nf_registry_new(nf_registry **out) {
  *out = NULL;
  nf_registry *reg = calloc(1, sizeof *reg);
  if (!reg) return NF_ERR_NOMEM;
  nf_status s = nf_registry_add_builtin_types(reg);
  if (s != NF_OK) {
    free(reg);
    return s;
  }
  *out = reg;
  return NF_OK;
}

void nf_registry_free(nf_registry *reg) {
  if (!reg) return;
  for (size_t i = 0; i < reg->nplugins; i++) dlclose(reg->plugins[i]);
  free(reg);
}

nf_status nf_registry_add(nf_registry *reg, const nf_analyzer_v2 *def, nf_error *err) {
  if (!def || !def->name || !*def->name)
    return nf_error_set(err, NF_ERR_INVALID, "an analyzer needs a name");
  if (def->abi != NF_ANALYZER_ABI)
    return nf_error_set(err, NF_ERR_UNSUPPORTED,
                        "analyzer '%s' is built for interface version %u, this library has %u",
                        def->name, def->abi, NF_ANALYZER_ABI);
  if (!def->create || !def->destroy || !def->analyze)
    return nf_error_set(err, NF_ERR_INVALID, "analyzer '%s' lacks create, destroy or analyze",
                        def->name);
  if (!def->provides || !def->provides[0])
    return nf_error_set(err, NF_ERR_INVALID, "analyzer '%s' provides no result type", def->name);
  if (nf_registry_find(reg, def->name))
    return nf_error_set(err, NF_ERR_INVALID, "an analyzer named '%s' is already registered",
                        def->name);
  if (reg->nanalyzers == NF_MAX_ANALYZERS)
    return nf_error_set(err, NF_ERR_INVALID, "too many analyzers (at most %d)", NF_MAX_ANALYZERS);
  reg->analyzers[reg->nanalyzers++] = def;
  return NF_OK;
}

size_t nf_registry_size(const nf_registry *reg) { return reg->nanalyzers; }

const nf_analyzer_v2 *nf_registry_get(const nf_registry *reg, size_t i) {
  return i < reg->nanalyzers ? reg->analyzers[i] : NULL;
}

const nf_analyzer_v2 *nf_registry_find(const nf_registry *reg, const char *name) {
  for (size_t i = 0; i < reg->nanalyzers; i++)
    if (strcmp(reg->analyzers[i]->name, name) == 0) return reg->analyzers[i];
  return NULL;
}

nf_status nf_registry_load(nf_registry *reg, const char *path, nf_error *err) {
  if (reg->nplugins == NF_MAX_PLUGINS)
    return nf_error_set_at(err, NF_ERR_INVALID, path, 0, "too many plug-ins (at most %d)",
                           NF_MAX_PLUGINS);
  /* dlopen looks a name without '/' up in the library path: a file that
   * exists here is meant as ./name. */
  char local[4096];
  struct stat st;
  const char *open_path = path;
  if (!strchr(path, '/') && stat(path, &st) == 0) {
    snprintf(local, sizeof local, "./%s", path);
    open_path = local;
  }
  void *h = dlopen(open_path, RTLD_NOW | RTLD_LOCAL);
  if (!h) return nf_error_set_at(err, NF_ERR_NOT_FOUND, path, 0, "cannot load: %s", dlerror());
  nf_plugin_init_fn init;
  /* dlsym returns an object pointer; POSIX guarantees the conversion. */
  *(void **)&init = dlsym(h, NF_PLUGIN_ENTRY);
  if (!init) {
    dlclose(h);
    return nf_error_set_at(err, NF_ERR_INVALID, path, 0, "no %s entry point", NF_PLUGIN_ENTRY);
  }
  size_t analyzers = reg->nanalyzers, types = reg->ntypes, kinds = reg->nkinds;
  nf_status s = init(reg, err);
  if (s != NF_OK) {
    /* what it registered points into the object we close */
    reg->nanalyzers = analyzers;
    reg->ntypes = types;
    reg->nkinds = kinds;
    if (err && !err->where[0]) snprintf(err->where, sizeof err->where, "%s", path);
    dlclose(h);
    return s;
  }
  reg->plugins[reg->nplugins++] = h;
  return NF_OK;
}
