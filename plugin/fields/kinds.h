/* The built-in field kinds (plugin/fields/kinds/, one file each), registered
 * through nf_registry_add_kind as a plug-in's kinds are.  Internal. */
#ifndef NF_FIELDS_KINDS_H
#define NF_FIELDS_KINDS_H

#include "newsfields/registry.h"
#include "newsfields/status.h"

/* text, name, place, exact, country, title, date, id, agency, in that order. */
nf_status nf_fields_register_kinds(nf_registry *reg, nf_error *err);

#endif
