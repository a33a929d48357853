/* A layer that links nf_core may include what core offers. */
#include "core/buffer.h"

int nf_layers_legal(void);
int nf_layers_legal(void) {
  nf_buf b = NF_BUF_INIT;
  return b.len == 0;
}
