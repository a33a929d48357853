/* The built-in analyzers, registered as any outside analyzer would be. */
#include "analyzers/builtins.h"

nf_status nf_registry_add_builtins(nf_registry *reg, nf_error *err) {
  static const nf_analyzer_v1 *const builtins[] = {
      &nf_country_analyzer,  &nf_dateline_analyzer, &nf_byline_analyzer,
      &nf_official_analyzer, &nf_speaker_analyzer,
  };
  for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++) {
    nf_status s = nf_registry_add(reg, builtins[i], err);
    if (s != NF_OK) return s;
  }
  return NF_OK;
}
