/* The registry: analyzers by name, and the shared objects that add to it
 * (field kinds are in kinds.c). */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "registry_internal.h"

nf_status nf_registry_new(nf_registry **out) {
  *out = calloc(1, sizeof **out);
  return *out ? NF_OK : NF_ERR_NOMEM;
}

void nf_registry_free(nf_registry *reg) {
  if (!reg) return;
  for (size_t i = 0; i < reg->nplugins; i++) dlclose(reg->plugins[i]);
  free(reg);
}

nf_status nf_registry_add(nf_registry *reg, const nf_analyzer_v1 *def, nf_error *err) {
  if (!def || !def->name || !*def->name)
    return nf_error_set(err, NF_ERR_INVALID, "an analyzer needs a name");
  if (def->abi != NF_ANALYZER_ABI)
    return nf_error_set(err, NF_ERR_UNSUPPORTED,
                        "analyzer '%s' is built for interface version %u, this library has %u",
                        def->name, def->abi, NF_ANALYZER_ABI);
  if (!def->create || !def->destroy || !def->analyze)
    return nf_error_set(err, NF_ERR_INVALID, "analyzer '%s' lacks create, destroy or analyze",
                        def->name);
  if (nf_registry_find(reg, def->name))
    return nf_error_set(err, NF_ERR_INVALID, "an analyzer named '%s' is already registered",
                        def->name);
  if (reg->n == NF_MAX_ANALYZERS)
    return nf_error_set(err, NF_ERR_INVALID, "too many analyzers (at most %d)", NF_MAX_ANALYZERS);
  reg->defs[reg->n++] = def;
  return NF_OK;
}

nf_status nf_registry_load(nf_registry *reg, const char *path, nf_error *err) {
  if (reg->nplugins == NF_MAX_PLUGINS)
    return nf_error_set_at(err, NF_ERR_INVALID, path, 0, "too many plugins (at most %d)",
                           NF_MAX_PLUGINS);
  void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!h) return nf_error_set_at(err, NF_ERR_NOT_FOUND, path, 0, "cannot load: %s", dlerror());
  nf_plugin_init_fn init;
  /* dlsym returns an object pointer; POSIX guarantees the conversion. */
  *(void **)&init = dlsym(h, NF_PLUGIN_ENTRY);
  if (!init) {
    dlclose(h);
    return nf_error_set_at(err, NF_ERR_INVALID, path, 0, "no %s entry point", NF_PLUGIN_ENTRY);
  }
  size_t before = reg->n, kinds = reg->nkinds;
  nf_status s = init(reg, err);
  if (s != NF_OK) {
    /* what it registered points into the object we close */
    reg->n = before;
    reg->nkinds = kinds;
    if (err && !err->where[0]) snprintf(err->where, sizeof err->where, "%s", path);
    dlclose(h);
    return s;
  }
  reg->plugins[reg->nplugins++] = h;
  return NF_OK;
}

size_t nf_registry_size(const nf_registry *reg) { return reg->n; }

const nf_analyzer_v1 *nf_registry_get(const nf_registry *reg, size_t i) {
  return i < reg->n ? reg->defs[i] : NULL;
}

const nf_analyzer_v1 *nf_registry_find(const nf_registry *reg, const char *name) {
  for (size_t i = 0; i < reg->n; i++)
    if (strcmp(reg->defs[i]->name, name) == 0) return reg->defs[i];
  return NULL;
}
