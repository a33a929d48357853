/* The registry's tables, shared by its files.  Private to the registry layer. */
#ifndef NF_REGISTRY_INTERNAL_H
#define NF_REGISTRY_INTERNAL_H

#include "newsfields/analyzer.h"
#include "newsfields/fieldkind.h"

#define NF_MAX_ANALYZERS 64
#define NF_MAX_KINDS 64
#define NF_MAX_PLUGINS 16

struct nf_registry {
  const nf_analyzer_v1 *defs[NF_MAX_ANALYZERS];
  size_t n;
  const nf_field_kind_v1 *kinds[NF_MAX_KINDS];
  size_t nkinds;
  void *plugins[NF_MAX_PLUGINS]; /* dlopen handles */
  size_t nplugins;
};

#endif
