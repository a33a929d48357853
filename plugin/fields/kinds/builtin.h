/* The built-in field kinds, one file each.  Private to the fields layer. */
#ifndef NF_FIELDS_KINDS_BUILTIN_H
#define NF_FIELDS_KINDS_BUILTIN_H

#include "newsfields/fieldkind.h"

extern const nf_field_kind_v1 nf_kind_text;
extern const nf_field_kind_v1 nf_kind_name;
extern const nf_field_kind_v1 nf_kind_place;
extern const nf_field_kind_v1 nf_kind_exact;
extern const nf_field_kind_v1 nf_kind_country;
extern const nf_field_kind_v1 nf_kind_title;
extern const nf_field_kind_v1 nf_kind_date;
extern const nf_field_kind_v1 nf_kind_id;
extern const nf_field_kind_v1 nf_kind_agency;
extern const nf_field_kind_v1 nf_kind_org;

#endif
