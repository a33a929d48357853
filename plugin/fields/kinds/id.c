/* Kind `id`: the unique article id, one term as written, queried as written;
 * an article indexed again replaces the document with the same id term. */
#include "builtin.h"

const nf_field_kind_v1 nf_kind_id = {
    .abi = NF_FIELD_KIND_ABI,
    .name = "id",
    .description = "the unique article id, as written",
    .mode = NF_KIND_UNIQUE,
};
