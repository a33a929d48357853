/* Kind `date`: a YYYYMMDD value slot, queried as a range
 * (date:2021-12-01..2021-12-31) and counted by month for the histogram. */
#include "builtin.h"

const nf_field_kind_v1 nf_kind_date = {
    .abi = NF_FIELD_KIND_ABI,
    .name = "date",
    .description = "a YYYYMMDD value slot, queried as a range a..b",
    .mode = NF_KIND_DATE,
};
