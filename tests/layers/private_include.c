/* A layer that links the people analyzers reaches for their private header,
 * which the family does not offer: must not compile. */
#include "people/official_internal.h"
#include "people/people.h"

int nf_layers_private(void);
int nf_layers_private(void) { return nf_official_analyzer.abi != 0; }
