/* A layer that links only nf_core reaches up to the index: must not compile. */
#include "core/buffer.h"
#include "index/document.h"

int nf_layers_upward(void);
int nf_layers_upward(void) { return nf_document_build != NULL; }
