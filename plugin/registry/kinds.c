/* Field kinds by name: the built-in ones and those plug-ins register. */
#include <string.h>

#include "registry_internal.h"

nf_status nf_registry_add_kind(nf_registry *reg, const nf_field_kind_v1 *def, nf_error *err) {
  if (!def || !def->name || !*def->name)
    return nf_error_set(err, NF_ERR_INVALID, "a field kind needs a name");
  if (def->abi != NF_FIELD_KIND_ABI)
    return nf_error_set(err, NF_ERR_UNSUPPORTED,
                        "field kind '%s' is built for interface version %u, this library has %u",
                        def->name, def->abi, NF_FIELD_KIND_ABI);
  if (def->mode == NF_KIND_TERMS && (!def->index_keys || !def->query_key))
    return nf_error_set(err, NF_ERR_INVALID, "field kind '%s' lacks index_keys or query_key",
                        def->name);
  if ((def->create != NULL) != (def->destroy != NULL))
    return nf_error_set(err, NF_ERR_INVALID, "field kind '%s' needs both create and destroy",
                        def->name);
  if (nf_registry_kind(reg, def->name))
    return nf_error_set(err, NF_ERR_INVALID, "a field kind named '%s' is already registered",
                        def->name);
  if (reg->nkinds == NF_MAX_KINDS)
    return nf_error_set(err, NF_ERR_INVALID, "too many field kinds (at most %d)", NF_MAX_KINDS);
  reg->kinds[reg->nkinds++] = def;
  return NF_OK;
}

const nf_field_kind_v1 *nf_registry_kind(const nf_registry *reg, const char *name) {
  for (size_t i = 0; i < reg->nkinds; i++)
    if (strcmp(reg->kinds[i]->name, name) == 0) return reg->kinds[i];
  return NULL;
}

size_t nf_registry_kind_count(const nf_registry *reg) { return reg->nkinds; }

const nf_field_kind_v1 *nf_registry_kind_at(const nf_registry *reg, size_t i) {
  return i < reg->nkinds ? reg->kinds[i] : NULL;
}
