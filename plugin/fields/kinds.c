/* The built-in field kinds, registered as any plug-in's kinds would be. */
#include "kinds.h"

#include "kinds/builtin.h"

nf_status nf_fields_register_kinds(nf_registry *reg, nf_error *err) {
  static const nf_field_kind_v1 *const builtins[] = {
      &nf_kind_text,  &nf_kind_name, &nf_kind_place, &nf_kind_exact,  &nf_kind_country,
      &nf_kind_title, &nf_kind_date, &nf_kind_id,    &nf_kind_agency, &nf_kind_org,
  };
  for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++) {
    nf_status s = nf_registry_add_kind(reg, builtins[i], err);
    if (s != NF_OK) return s;
  }
  return NF_OK;
}
