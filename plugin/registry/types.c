/* Result types: the built-in ones with their fixed ids and record layout, and
 * those plug-ins register by name. */
#include <string.h>

#include "registry_internal.h"

/* The record keys, in the order of the ids: `newsfields extract` prints them
 * in this order after the article's metadata. */
static const nf_member country_members[] = {
    {"code", NF_MEMBER_VALUE, NULL},
    {"name", NF_MEMBER_ATTR, NF_ATTR_NAME},
    {"mentions", NF_MEMBER_MENTIONS, NULL},
};
static const nf_member dateline_members[] = {
    {"place", NF_MEMBER_VALUE, NULL},
    {"written", NF_MEMBER_ATTR, NF_ATTR_WRITTEN},
    {"region", NF_MEMBER_ATTR, NF_ATTR_REGION},
    {"country", NF_MEMBER_ATTR, NF_ATTR_COUNTRY},
    {"date", NF_MEMBER_ATTR, NF_ATTR_DATE},
    {"agency", NF_MEMBER_ATTR, NF_ATTR_AGENCY},
    {"span", NF_MEMBER_SPAN, NULL},
};
static const nf_member byline_members[] = {
    {"name", NF_MEMBER_VALUE, NULL},           {"org", NF_MEMBER_ATTR, NF_ATTR_ORG},
    {"role", NF_MEMBER_ATTR, NF_ATTR_ROLE},    {"span", NF_MEMBER_SPAN, NULL},
    {"source", NF_MEMBER_ATTR, NF_ATTR_FOUND},
};
static const nf_member credit_members[] = {
    {"name", NF_MEMBER_ATTR, NF_ATTR_NAME},
    {"org", NF_MEMBER_ATTR, NF_ATTR_ORG},
    {"span", NF_MEMBER_SPAN, NULL},
};
static const nf_member official_members[] = {
    {"person", NF_MEMBER_VALUE, NULL},
    {"title", NF_MEMBER_ATTR, NF_ATTR_TITLE},
    {"country", NF_MEMBER_ATTR, NF_ATTR_COUNTRY},
    {"org", NF_MEMBER_ATTR, NF_ATTR_ORG},
    {"span", NF_MEMBER_SPAN, NULL},
};
static const nf_member quote_members[] = {
    {"speaker", NF_MEMBER_ATTR, NF_ATTR_SPEAKER},
    {"speaker_span", NF_MEMBER_ATTR_SPAN, NF_ATTR_SPEAKER_SPAN},
    {"speaker_kind", NF_MEMBER_ATTR, NF_ATTR_SPEAKER_KIND},
    {"cue", NF_MEMBER_ATTR, NF_ATTR_CUE},
    {"content", NF_MEMBER_TEXT, NULL},
    {"content_span", NF_MEMBER_SPAN, NULL},
};

#define MEMBERS(m) (m), sizeof(m) / sizeof((m)[0])

/* Indexed by id: the order of the NF_TYPE_* constants. */
static const nf_result_type_v1 builtin_types[NF_TYPE_BUILTIN_COUNT] = {
    [NF_TYPE_COUNTRY] = {"country", "countries", NF_LAYOUT_GROUPS, MEMBERS(country_members),
                         "A country named: value its ISO 3166-1 alpha-2 code"},
    [NF_TYPE_DATELINE] = {"dateline", "dateline", NF_LAYOUT_OBJECT, MEMBERS(dateline_members),
                          "The opening dateline: value its place"},
    [NF_TYPE_DATE] = {"date", NULL, NF_LAYOUT_NONE, NULL, 0,
                      "A publication date the text gives (the dateline's): value YYYY-MM-DD"},
    [NF_TYPE_BYLINE] = {"byline", "byline", NF_LAYOUT_OBJECTS, MEMBERS(byline_members),
                        "An author or editor: value the name"},
    [NF_TYPE_CREDIT] = {"credit", "credits", NF_LAYOUT_OBJECTS, MEMBERS(credit_members),
                        "A photo or other credit: value the name, else the organisation"},
    [NF_TYPE_AGENCY] = {"agency", "agency", NF_LAYOUT_VALUE, NULL, 0,
                        "The article's news agency: value its canonical name"},
    [NF_TYPE_PERSON] = {"person", NULL, NF_LAYOUT_NONE, NULL, 0,
                        "A person mentioned: value the fullest name the article gives"},
    [NF_TYPE_TITLE] = {"title", NULL, NF_LAYOUT_NONE, NULL, 0,
                       "A title mentioned: value the normalised title"},
    [NF_TYPE_OFFICIAL] = {"official", "officials", NF_LAYOUT_OBJECTS, MEMBERS(official_members),
                          "A person holding a title: value the person"},
    [NF_TYPE_QUOTE] = {"quote", "quotes", NF_LAYOUT_OBJECTS, MEMBERS(quote_members),
                       "Quoted or reported speech: the span is its content"},
    [NF_TYPE_SPEAKER] = {"speaker", "speakers", NF_LAYOUT_VALUES, NULL, 0,
                         "A named person who speaks, once per article: value the name"},
    [NF_TYPE_BODY] = {"body", "bodies", NF_LAYOUT_VALUES, NULL, 0,
                      "A named body that speaks (organisation, government, company), once per "
                      "article: value its short name"},
};

nf_status nf_registry_add_builtin_types(nf_registry *reg) {
  for (nf_type id = 1; id < NF_TYPE_BUILTIN_COUNT; id++) reg->types[id] = &builtin_types[id];
  reg->ntypes = NF_TYPE_BUILTIN_COUNT - 1;
  return NF_OK;
}

nf_status nf_registry_add_type(nf_registry *reg, const nf_result_type_v1 *def, nf_type *id,
                               nf_error *err) {
  if (!def || !def->name || !*def->name)
    return nf_error_set(err, NF_ERR_INVALID, "a result type needs a name");
  if (nf_registry_type(reg, def->name) != NF_TYPE_NONE)
    return nf_error_set(err, NF_ERR_INVALID, "a result type named '%s' is already registered",
                        def->name);
  if ((def->layout == NF_LAYOUT_NONE) != (def->record_key == NULL))
    return nf_error_set(err, NF_ERR_INVALID,
                        "result type '%s' needs a record key exactly when it is in the record",
                        def->name);
  int objects = def->layout == NF_LAYOUT_OBJECT || def->layout == NF_LAYOUT_OBJECTS ||
                def->layout == NF_LAYOUT_GROUPS;
  if (objects && (!def->members || !def->nmembers))
    return nf_error_set(err, NF_ERR_INVALID, "result type '%s' has no members", def->name);
  for (size_t i = 0; objects && i < def->nmembers; i++) {
    const nf_member *m = &def->members[i];
    int needs_attr = m->kind == NF_MEMBER_ATTR || m->kind == NF_MEMBER_ATTR_SPAN;
    if (!m->key || (needs_attr && !m->attr) ||
        (m->kind == NF_MEMBER_MENTIONS && def->layout != NF_LAYOUT_GROUPS))
      return nf_error_set(err, NF_ERR_INVALID, "result type '%s': member %zu is malformed",
                          def->name, i);
  }
  static const char *const metadata_keys[] = {"id",     "headline", "date", "url",
                                              "source", "meta",     "text"};
  for (size_t i = 0; def->record_key && i < sizeof metadata_keys / sizeof *metadata_keys; i++)
    if (strcmp(def->record_key, metadata_keys[i]) == 0)
      return nf_error_set(err, NF_ERR_INVALID,
                          "result type '%s': the record key '%s' is the article's metadata",
                          def->name, def->record_key);
  for (nf_type t = 1; def->record_key && t <= reg->ntypes; t++)
    if (reg->types[t]->record_key && strcmp(reg->types[t]->record_key, def->record_key) == 0)
      return nf_error_set(err, NF_ERR_INVALID,
                          "result type '%s': the record key '%s' is the type '%s''s", def->name,
                          def->record_key, reg->types[t]->name);
  if (reg->ntypes + 1 == NF_MAX_TYPES)
    return nf_error_set(err, NF_ERR_INVALID, "too many result types (at most %d)",
                        NF_MAX_TYPES - 1);
  reg->types[++reg->ntypes] = def;
  if (id) *id = (nf_type)reg->ntypes;
  return NF_OK;
}

nf_type nf_registry_type(const nf_registry *reg, const char *name) {
  for (nf_type t = 1; t <= reg->ntypes; t++)
    if (strcmp(reg->types[t]->name, name) == 0) return t;
  return NF_TYPE_NONE;
}

size_t nf_registry_type_count(const nf_registry *reg) { return reg->ntypes; }

const nf_result_type_v1 *nf_registry_type_def(const nf_registry *reg, nf_type id) {
  return id >= 1 && id <= reg->ntypes ? reg->types[id] : NULL;
}
