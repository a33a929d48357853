/* Kind `text`: free text with positions, stemmed by Xapian's TermGenerator
 * (stems under "Z" + the prefix); queried with the field's prefix. */
#include "builtin.h"

const nf_field_kind_v1 nf_kind_text = {
    .abi = NF_FIELD_KIND_ABI,
    .name = "text",
    .description = "free text with positions, Snowball-stemmed",
    .mode = NF_KIND_FREE_TEXT,
};
