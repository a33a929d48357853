/* The registry's tables, shared by its files.  Private to the registry layer. */
#ifndef NF_REGISTRY_INTERNAL_H
#define NF_REGISTRY_INTERNAL_H

#include "newsfields/analyzer.h"
#include "newsfields/fieldkind.h"

#define NF_MAX_ANALYZERS 64
#define NF_MAX_TYPES 64 /* built-in and registered result types, ids 1 .. 63 */
#define NF_MAX_KINDS 64
#define NF_MAX_PLUGINS 16

struct nf_registry {
  const nf_analyzer_v2 *analyzers[NF_MAX_ANALYZERS];
  size_t nanalyzers;
  const nf_result_type_v1 *types[NF_MAX_TYPES]; /* by id; [0] unused */
  size_t ntypes;                                /* the highest id */
  const nf_field_kind_v1 *kinds[NF_MAX_KINDS];
  size_t nkinds;
  void *plugins[NF_MAX_PLUGINS]; /* dlopen handles */
  size_t nplugins;
};

/* Registers the built-in result types with their fixed ids. */
nf_status nf_registry_add_builtin_types(nf_registry *reg);

#endif
