/* The built-ins, registered as any plug-in's would be: the field kinds and
 * the analyzers; the default registry and pipeline. */
#include "builtins.h"

#include "fields/kinds.h"

nf_status nf_registry_add_builtins(nf_registry *reg, nf_error *err) {
  /* The pipeline orders them by what they read; this is the order where
   * nothing does. */
  static const nf_analyzer_v2 *const builtins[] = {
      &nf_country_analyzer,  &nf_dateline_analyzer, &nf_byline_analyzer,
      &nf_official_analyzer, &nf_speaker_analyzer,
  };
  nf_status s = nf_fields_register_kinds(reg, err);
  for (size_t i = 0; s == NF_OK && i < sizeof builtins / sizeof builtins[0]; i++)
    s = nf_registry_add(reg, builtins[i], err);
  return s;
}

nf_status nf_registry_default(nf_registry **out, nf_error *err) {
  *out = NULL;
  nf_registry *reg;
  if (nf_registry_new(&reg) != NF_OK) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  nf_status s = nf_registry_add_builtins(reg, err);
  if (s != NF_OK) {
    nf_registry_free(reg);
    return s;
  }
  *out = reg;
  return NF_OK;
}

nf_status nf_pipeline_default(const char *schema_dir, const char *const *plugins, size_t nplugins,
                              nf_registry **reg_out, nf_pipeline **out, nf_error *err) {
  *reg_out = NULL;
  *out = NULL;
  nf_registry *reg;
  nf_status s = nf_registry_default(&reg, err);
  if (s != NF_OK) return s;
  for (size_t i = 0; s == NF_OK && i < nplugins; i++) s = nf_registry_load(reg, plugins[i], err);
  nf_analyzer_env env = {schema_dir, reg};
  if (s == NF_OK) s = nf_pipeline_new(reg, &env, out, err);
  if (s != NF_OK) {
    nf_registry_free(reg);
    return s;
  }
  *reg_out = reg;
  return NF_OK;
}
