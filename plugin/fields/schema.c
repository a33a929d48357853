/* The field schema: parsing and strict validation (see newsfields/schema.h). */
#include "newsfields/schema.h"

#include "newsfields/analyzer.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/buffer.h"
#include "core/fileutil.h"
#include "kinds.h"

#define NF_MAX_FIELDS 64
#define NF_MAX_SLOT 1000000u
#define NF_MAX_SCHEMA_PLUGINS 16

/* A kind the fields use, with the schema's instance of it. */
typedef struct kind_use {
  const nf_field_kind_v1 *kind;
  void *instance;
} kind_use;

struct nf_schema {
  char *path;
  char *dir;
  char *language;
  unsigned batch;
  nf_limits limits; /* 0: the default */
  nf_field fields[NF_MAX_FIELDS];
  unsigned long field_lines[NF_MAX_FIELDS];
  char *kind_names[NF_MAX_FIELDS]; /* as written, until resolved in the registry */
  unsigned long kind_lines[NF_MAX_FIELDS];
  int values[NF_MAX_FIELDS]; /* `values`: 0 not given, 1 one, 2 many */
  unsigned long values_lines[NF_MAX_FIELDS];
  size_t nfields;
  char *plugins[NF_MAX_SCHEMA_PLUGINS]; /* as written */
  unsigned long plugin_lines[NF_MAX_SCHEMA_PLUGINS];
  size_t nplugins;
  kind_use kinds[NF_MAX_FIELDS];
  size_t nkinds;
  nf_registry *own; /* the built-ins, when it was loaded with no registry */
};

static void field_free(nf_field *f) {
  for (size_t i = 0; i < f->nsources; i++) free(f->sources[i].attr);
  free(f->sources);
  free(f->name);
  free(f->prefix);
  free(f->source);
  free(f->label);
  free(f->description);
}

void nf_schema_free(nf_schema *schema) {
  if (!schema) return;
  for (size_t i = 0; i < schema->nkinds; i++)
    if (schema->kinds[i].instance) schema->kinds[i].kind->destroy(schema->kinds[i].instance);
  for (size_t i = 0; i < schema->nfields; i++) {
    field_free(&schema->fields[i]);
    free(schema->kind_names[i]);
  }
  for (size_t i = 0; i < schema->nplugins; i++) free(schema->plugins[i]);
  free(schema->path);
  free(schema->dir);
  free(schema->language);
  nf_registry_free(schema->own); /* after the kind instances: it may hold their code */
  free(schema);
}

/* Trim spaces at both ends of [*p, *p + *n). */
static void trim(const char **p, size_t *n) {
  while (*n && isspace((unsigned char)**p)) (*p)++, (*n)--;
  while (*n && isspace((unsigned char)(*p)[*n - 1])) (*n)--;
}

static char *dup_n(const char *p, size_t n) {
  char *s = malloc(n + 1);
  if (!s) return NULL;
  memcpy(s, p, n);
  s[n] = '\0';
  return s;
}

/* Parser state for one file. */
typedef struct parse_state {
  nf_schema *schema;
  const char *name;
  unsigned long line;
  enum { SEC_NONE, SEC_INDEX, SEC_FIELD } section;
  nf_field *field; /* the [field] being read */
  const nf_registry *reg;
  unsigned seen; /* bit per key already given in this section */
  nf_error *err;
} parse_state;

static nf_status fail(parse_state *st, const char *fmt, ...) NF_PRINTF(2, 3);
static nf_status fail(parse_state *st, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  nf_error_set_atv(st->err, NF_ERR_SCHEMA, st->name, st->line, fmt, ap);
  va_end(ap);
  return NF_ERR_SCHEMA;
}

static int valid_field_name(const char *s) {
  if (!islower((unsigned char)*s)) return 0;
  for (; *s; s++)
    if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s) && *s != '_') return 0;
  return 1;
}

static int valid_prefix(const char *s) {
  for (; *s; s++)
    if (!isupper((unsigned char)*s)) return 0;
  return 1;
}

static nf_status parse_unsigned(parse_state *st, const char *key, const char *v, unsigned max,
                                unsigned *out) {
  char *end;
  errno = 0;
  if (!isdigit((unsigned char)*v)) return fail(st, "'%s' needs a number, not '%s'", key, v);
  unsigned long x = strtoul(v, &end, 10);
  if (*end || errno || x > max) return fail(st, "'%s' needs a number, not '%s'", key, v);
  *out = (unsigned)x;
  return NF_OK;
}

/* Record that key (bit) was seen; a repeat is an error. */
static nf_status mark_seen(parse_state *st, unsigned bit, const char *key) {
  if (st->seen & bit) return fail(st, "duplicate key '%s'", key);
  st->seen |= bit;
  return NF_OK;
}

static nf_status set_string(parse_state *st, char **slot, const char *v) {
  char *s = strdup(v);
  if (!s) return nf_error_set_at(st->err, NF_ERR_NOMEM, st->name, st->line, "out of memory");
  free(*slot);
  *slot = s;
  return NF_OK;
}

/* `plugins = a.so, b.so`: the paths as written, resolved when loaded. */
static nf_status set_plugins(parse_state *st, const char *v) {
  nf_schema *sc = st->schema;
  if (!*v) return fail(st, "'plugins' needs a value");
  const char *p = v;
  for (;;) {
    const char *comma = strchr(p, ',');
    size_t n = comma ? (size_t)(comma - p) : strlen(p);
    trim(&p, &n);
    if (n == 0) return fail(st, "'plugins' has an empty entry");
    if (sc->nplugins == NF_MAX_SCHEMA_PLUGINS)
      return fail(st, "too many plugins (at most %d)", NF_MAX_SCHEMA_PLUGINS);
    if (!(sc->plugins[sc->nplugins] = dup_n(p, n)))
      return nf_error_set_at(st->err, NF_ERR_NOMEM, st->name, st->line, "out of memory");
    sc->plugin_lines[sc->nplugins++] = st->line;
    if (!comma) break;
    p = comma + 1;
  }
  return NF_OK;
}

static nf_status index_key(parse_state *st, const char *key, const char *v) {
  nf_schema *sc = st->schema;
  nf_status s;
  if (strcmp(key, "language") == 0) {
    if ((s = mark_seen(st, 1u, key))) return s;
    if (!*v) return fail(st, "'language' needs a value");
    return set_string(st, &sc->language, v);
  }
  if (strcmp(key, "batch") == 0) {
    if ((s = mark_seen(st, 2u, key))) return s;
    if ((s = parse_unsigned(st, key, v, 10000000u, &sc->batch))) return s;
    if (sc->batch == 0) return fail(st, "'batch' must be at least 1");
    return NF_OK;
  }
  if (strcmp(key, "plugins") == 0) {
    if ((s = mark_seen(st, 4u, key))) return s;
    return set_plugins(st, v);
  }
  static const char *const limit_keys[NF_LIMIT_COUNT] = {"max_line_bytes", "max_article_bytes",
                                                         "max_record_bytes", "max_quotes"};
  for (unsigned i = 0; i < NF_LIMIT_COUNT; i++) {
    if (strcmp(key, limit_keys[i]) != 0) continue;
    if ((s = mark_seen(st, 8u << i, key))) return s;
    unsigned v_max;
    if ((s = parse_unsigned(st, key, v, 4000000000u, &v_max))) return s;
    if (v_max == 0) return fail(st, "'%s' must be at least 1", key);
    sc->limits.max[i] = v_max;
    return NF_OK;
  }
  return fail(st, "unknown key '%s' in [index]", key);
}

enum {
  K_KIND = 1,
  K_PREFIX = 2,
  K_SLOT = 4,
  K_SOURCE = 8,
  K_FACET = 16,
  K_LABEL = 32,
  K_DESCRIPTION = 64,
  K_VALUES = 128,
  K_COLLAPSE = 256
};

static nf_status field_key(parse_state *st, const char *key, const char *v) {
  nf_field *f = st->field;
  nf_status s;
  if (strcmp(key, "kind") == 0) {
    /* resolved once the plug-ins are loaded (resolve_kinds) */
    if ((s = mark_seen(st, K_KIND, key))) return s;
    size_t i = (size_t)(f - st->schema->fields);
    st->schema->kind_lines[i] = st->line;
    return set_string(st, &st->schema->kind_names[i], v);
  }
  if (strcmp(key, "prefix") == 0) {
    if ((s = mark_seen(st, K_PREFIX, key))) return s;
    if (!valid_prefix(v)) return fail(st, "prefix '%s' must be capital letters A-Z", v);
    if (strncmp(v, "XF", 2) == 0)
      return fail(st, "prefix '%s': prefixes starting XF are reserved for facets", v);
    return set_string(st, &f->prefix, v);
  }
  if (strcmp(key, "slot") == 0) {
    if ((s = mark_seen(st, K_SLOT, key))) return s;
    return parse_unsigned(st, key, v, NF_MAX_SLOT, &f->slot);
  }
  if (strcmp(key, "source") == 0) {
    if ((s = mark_seen(st, K_SOURCE, key))) return s;
    return set_string(st, &f->source, v);
  }
  if (strcmp(key, "facet") == 0) {
    if ((s = mark_seen(st, K_FACET, key))) return s;
    if (strcmp(v, "yes") == 0)
      f->facet = 1;
    else if (strcmp(v, "no") == 0)
      f->facet = 0;
    else
      return fail(st, "'facet' is yes or no, not '%s'", v);
    return NF_OK;
  }
  if (strcmp(key, "collapse") == 0) {
    if ((s = mark_seen(st, K_COLLAPSE, key))) return s;
    if (strcmp(v, "yes") == 0)
      f->collapse = 1;
    else if (strcmp(v, "no") == 0)
      f->collapse = 0;
    else
      return fail(st, "'collapse' is yes or no, not '%s'", v);
    return NF_OK;
  }
  if (strcmp(key, "values") == 0) {
    if ((s = mark_seen(st, K_VALUES, key))) return s;
    if (strcmp(v, "one") != 0 && strcmp(v, "many") != 0)
      return fail(st, "'values' is one or many, not '%s'", v);
    size_t i = (size_t)(f - st->schema->fields);
    st->schema->values[i] = v[0] == 'm' ? 2 : 1;
    st->schema->values_lines[i] = st->line;
    return NF_OK;
  }
  if (strcmp(key, "label") == 0) {
    if ((s = mark_seen(st, K_LABEL, key))) return s;
    return set_string(st, &f->label, v);
  }
  if (strcmp(key, "description") == 0) {
    if ((s = mark_seen(st, K_DESCRIPTION, key))) return s;
    return set_string(st, &f->description, v);
  }
  return fail(st, "unknown key '%s' in [field %s]", key, f->name);
}

static const char *const meta_names[] = {
    [NF_META_ID] = "id",     [NF_META_TEXT] = "text",       [NF_META_HEADLINE] = "headline",
    [NF_META_DATE] = "date", [NF_META_YEAR] = "year",       [NF_META_SOURCE] = "source",
    [NF_META_URL] = "url",   [NF_META_SIMILAR] = "similar",
};

/* One source, "meta", "type" or "type.attr", into src. */
static nf_status parse_source(parse_state *st, const nf_field *f, const char *item,
                              nf_field_source *src) {
  memset(src, 0, sizeof *src);
  for (size_t m = 1; m < sizeof meta_names / sizeof *meta_names; m++) {
    if (strcmp(item, meta_names[m]) == 0) {
      src->meta = (nf_meta)m;
      return NF_OK;
    }
  }
  const char *dot = strchr(item, '.');
  char type[64];
  size_t tn = dot ? (size_t)(dot - item) : strlen(item);
  if (tn == 0 || tn >= sizeof type || (dot && !valid_field_name(dot + 1)))
    return fail(st, "[field %s]: bad source '%s' (a metadata name, TYPE or TYPE.ATTRIBUTE)",
                f->name, item);
  memcpy(type, item, tn);
  type[tn] = '\0';
  src->type = nf_registry_type(st->reg, type);
  if (src->type == 0)
    return fail(st,
                "[field %s]: source '%s' is neither the article's metadata (id, text, headline, "
                "date, year, source, url, similar) nor a result type",
                f->name, type);
  if (dot && !(src->attr = strdup(dot + 1)))
    return nf_error_set_at(st->err, NF_ERR_NOMEM, st->name, st->line, "out of memory");
  return NF_OK;
}

/* The field's comma-separated sources. */
static nf_status parse_sources(parse_state *st, nf_field *f) {
  size_t n = 1;
  for (const char *p = f->source; *p; p++) n += *p == ',';
  f->sources = calloc(n, sizeof *f->sources);
  if (!f->sources)
    return nf_error_set_at(st->err, NF_ERR_NOMEM, st->name, st->line, "out of memory");
  const char *p = f->source;
  for (size_t i = 0; i < n; i++) {
    const char *comma = strchr(p, ',');
    size_t len = comma ? (size_t)(comma - p) : strlen(p);
    trim(&p, &len);
    char item[128];
    if (len == 0 || len >= sizeof item)
      return fail(st, "[field %s]: bad source list '%s'", f->name, f->source);
    memcpy(item, p, len);
    item[len] = '\0';
    nf_status s = parse_source(st, f, item, &f->sources[i]);
    f->nsources = i + 1;
    if (s != NF_OK) return s;
    p = comma ? comma + 1 : p + len;
  }
  return NF_OK;
}

/* Checks a finished [field] section and fills its defaults; what depends on
 * its kind is checked once the kinds are resolved (check_kind). */
static nf_status finish_field(parse_state *st) {
  nf_field *f = st->field;
  nf_schema *sc = st->schema;
  unsigned long saved = st->line;
  st->line = sc->field_lines[sc->nfields - 1];
  nf_status s = NF_OK;
  if (!(st->seen & K_KIND)) s = fail(st, "[field %s] has no 'kind'", f->name);
  if (s == NF_OK && !f->source) s = set_string(st, &f->source, f->name);
  if (s == NF_OK && !f->label) {
    s = set_string(st, &f->label, f->name);
    if (s == NF_OK) f->label[0] = (char)toupper((unsigned char)f->label[0]);
  }
  for (size_t i = 0; s == NF_OK && i + 1 < sc->nfields; i++) {
    const nf_field *o = &sc->fields[i];
    if (f->prefix && o->prefix && strcmp(f->prefix, o->prefix) == 0)
      s = fail(st, "prefix '%s' is already used by [field %s]", f->prefix, o->name);
    else if (f->slot != NF_NO_SLOT && f->slot == o->slot)
      s = fail(st, "slot of [field %s] is already used by [field %s]", f->name, o->name);
    else if (f->collapse && o->collapse)
      s = fail(st, "[field %s] and [field %s] both have 'collapse = yes' (one at most)", o->name,
               f->name);
  }
  if (s == NF_OK && f->collapse && f->slot == NF_NO_SLOT)
    s = fail(st, "[field %s] has 'collapse = yes' and needs a 'slot'", f->name);
  st->line = saved;
  st->field = NULL;
  return s;
}

/* Loads the plug-ins the schema names, each relative to its directory unless
 * absolute; an error names the schema's line and the plug-in. */
static nf_status load_plugins(parse_state *st, nf_registry *reg) {
  nf_schema *sc = st->schema;
  for (size_t i = 0; i < sc->nplugins; i++) {
    const char *p = sc->plugins[i];
    char *path = p[0] == '/' ? strdup(p) : nf_path_join(sc->dir, p);
    if (!path) return nf_error_set_at(st->err, NF_ERR_NOMEM, st->name, 0, "out of memory");
    nf_error why;
    nf_error_clear(&why);
    nf_status s = nf_registry_load(reg, path, &why);
    if (s != NF_OK) {
      st->line = sc->plugin_lines[i];
      nf_error_set_at(st->err, s, st->name, st->line, "plugin %s: %s", path, why.message);
      free(path);
      return s;
    }
    free(path);
  }
  return NF_OK;
}

/* The registered kinds' names, for the message about an unknown one. */
static void kind_list(const nf_registry *reg, nf_buf *out) {
  for (size_t i = 0; i < nf_registry_kind_count(reg); i++)
    nf_buf_printf(out, "%s%s", i ? ", " : "", nf_registry_kind_at(reg, i)->name);
}

/* What a field's kind asks of it. */
static nf_status check_kind(parse_state *st, const nf_field *f) {
  if (f->collapse && f->kind->mode != NF_KIND_TERMS)
    return fail(st, "[field %s] has 'collapse = yes': its kind must be of boolean terms, not '%s'",
                f->name, f->kind->name);
  if (f->kind->mode == NF_KIND_DATE) {
    if (f->slot == NF_NO_SLOT) return fail(st, "[field %s] is a date and needs a 'slot'", f->name);
    if (f->prefix) return fail(st, "[field %s] is a date: it has a slot, not a 'prefix'", f->name);
    return NF_OK;
  }
  if (!f->prefix) return fail(st, "[field %s] has no 'prefix'", f->name);
  if (!*f->prefix && f->kind->mode != NF_KIND_FREE_TEXT)
    return fail(st, "[field %s] needs a non-empty prefix (only free text may have none)", f->name);
  return NF_OK;
}

/* Whether a source gives an article one value at most: its metadata (not
 * its text), or a result type whose record keeps one result. */
static int one_value_source(const nf_registry *reg, const nf_field_source *src) {
  if (src->meta != NF_META_NONE) return src->meta != NF_META_TEXT;
  const nf_result_type_v1 *def = nf_registry_type_def(reg, src->type);
  return def && (def->layout == NF_LAYOUT_VALUE || def->layout == NF_LAYOUT_OBJECT);
}

/* One value or many (see `values` in newsfields/schema.h): as the schema
 * says for a field of boolean terms, else from its sources. */
static nf_status resolve_values(parse_state *st, nf_field *f, size_t i) {
  int given = st->schema->values[i];
  if (given && f->kind->mode != NF_KIND_TERMS) {
    st->line = st->schema->values_lines[i];
    return fail(st, "[field %s]: 'values' is for kinds of boolean terms, not '%s'", f->name,
                f->kind->name);
  }
  if (given)
    f->multi = given == 2;
  else if (f->kind->mode == NF_KIND_DATE || f->kind->mode == NF_KIND_UNIQUE)
    f->multi = 0;
  else
    f->multi = f->nsources != 1 || !one_value_source(st->reg, &f->sources[0]);
  return NF_OK;
}

/* Each field's kind from the registry, checked against the field. */
static nf_status resolve_kinds(parse_state *st, const nf_registry *reg) {
  nf_schema *sc = st->schema;
  for (size_t i = 0; i < sc->nfields; i++) {
    nf_field *f = &sc->fields[i];
    f->kind = nf_registry_kind(reg, sc->kind_names[i]);
    if (!f->kind) {
      st->line = sc->kind_lines[i];
      nf_buf kinds = NF_BUF_INIT;
      kind_list(reg, &kinds);
      nf_status s = fail(st, "unknown kind '%s' (%s)", sc->kind_names[i], nf_buf_str(&kinds));
      nf_buf_free(&kinds);
      return s;
    }
    st->line = sc->field_lines[i];
    nf_status s = check_kind(st, f);
    if (s != NF_OK) return s;
  }
  return NF_OK;
}

/* One instance of each kind the fields use, made with the schema's directory. */
static nf_status create_kinds(nf_schema *sc, nf_error *err) {
  nf_kind_env env = {sc->dir};
  for (size_t i = 0; i < sc->nfields; i++) {
    nf_field *f = &sc->fields[i];
    size_t k = 0;
    while (k < sc->nkinds && sc->kinds[k].kind != f->kind) k++;
    if (k == sc->nkinds) {
      sc->kinds[k].kind = f->kind;
      sc->kinds[k].instance = NULL;
      sc->nkinds++;
      if (f->kind->create) {
        nf_status s = f->kind->create(&env, &sc->kinds[k].instance, err);
        if (s != NF_OK) {
          sc->kinds[k].instance = NULL;
          return s;
        }
      }
    }
    f->kind_instance = sc->kinds[k].instance;
  }
  return NF_OK;
}

static nf_status open_section(parse_state *st, const char *p, size_t n) {
  nf_status s;
  if (st->field && (s = finish_field(st))) return s;
  st->seen = 0;
  char *sec = dup_n(p, n);
  if (!sec) return nf_error_set_at(st->err, NF_ERR_NOMEM, st->name, st->line, "out of memory");
  if (strcmp(sec, "index") == 0) {
    free(sec);
    st->section = SEC_INDEX;
    return NF_OK;
  }
  if (strncmp(sec, "field ", 6) != 0) {
    s = fail(st, "unknown section [%s] (expected [index] or [field NAME])", sec);
    free(sec);
    return s;
  }
  const char *name = sec + 6;
  while (*name == ' ') name++;
  if (!valid_field_name(name)) {
    s = fail(st, "bad field name '%s' (lower-case letters, digits, '_')", name);
    free(sec);
    return s;
  }
  nf_schema *sc = st->schema;
  for (size_t i = 0; i < sc->nfields; i++) {
    if (strcmp(sc->fields[i].name, name) == 0) {
      s = fail(st, "duplicate field '%s' (first defined at line %lu)", name, sc->field_lines[i]);
      free(sec);
      return s;
    }
  }
  if (sc->nfields == NF_MAX_FIELDS) {
    free(sec);
    return fail(st, "too many fields (at most %d)", NF_MAX_FIELDS);
  }
  nf_field *f = &sc->fields[sc->nfields];
  memset(f, 0, sizeof *f);
  f->slot = NF_NO_SLOT;
  f->name = strdup(name);
  free(sec);
  if (!f->name) return nf_error_set_at(st->err, NF_ERR_NOMEM, st->name, st->line, "out of memory");
  sc->field_lines[sc->nfields] = st->line;
  sc->nfields++;
  st->field = f;
  st->section = SEC_FIELD;
  return NF_OK;
}

static nf_status parse_line(parse_state *st, const char *p, size_t n) {
  trim(&p, &n);
  if (n == 0 || *p == '#') return NF_OK;
  if (*p == '[') {
    if (p[n - 1] != ']') return fail(st, "section header without ']'");
    const char *q = p + 1;
    size_t m = n - 2;
    trim(&q, &m);
    return open_section(st, q, m);
  }
  const char *eq = memchr(p, '=', n);
  if (!eq) return fail(st, "expected 'key = value' or '[section]'");
  const char *k = p, *v = eq + 1;
  size_t kn = (size_t)(eq - p), vn = n - kn - 1;
  trim(&k, &kn);
  trim(&v, &vn);
  if (kn == 0) return fail(st, "missing key before '='");
  if (st->section == SEC_NONE) return fail(st, "key outside a section");
  char *key = dup_n(k, kn), *val = dup_n(v, vn);
  nf_status s;
  if (!key || !val)
    s = nf_error_set_at(st->err, NF_ERR_NOMEM, st->name, st->line, "out of memory");
  else if (st->section == SEC_INDEX)
    s = index_key(st, key, val);
  else
    s = field_key(st, key, val);
  free(key);
  free(val);
  return s;
}

nf_status nf_schema_parse(const char *text, size_t n, const char *name, nf_registry *reg,
                          nf_schema **out, nf_error *err) {
  *out = NULL;
  if (!name) name = "(schema)";
  nf_schema *sc = calloc(1, sizeof *sc);
  if (!sc) return nf_error_set_at(err, NF_ERR_NOMEM, name, 0, "out of memory");
  /* no registry: one of the built-in types and kinds, the schema's own */
  if (!reg && (nf_registry_new(&sc->own) != NF_OK || nf_fields_register_kinds(sc->own, err))) {
    nf_schema_free(sc);
    return nf_error_set_at(err, NF_ERR_NOMEM, name, 0, "out of memory");
  }
  if (!reg) reg = sc->own;
  sc->batch = 1000;
  parse_state st = {sc, name, 0, SEC_NONE, NULL, reg, 0, err};
  nf_status s = NF_OK;
  const char *p = text, *end = text + n;
  while (s == NF_OK && p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *stop = nl ? nl : end;
    st.line++;
    if (memchr(p, '\0', (size_t)(stop - p)))
      s = fail(&st, "NUL byte in schema");
    else
      s = parse_line(&st, p, (size_t)(stop - p));
    p = nl ? nl + 1 : end;
  }
  if (s == NF_OK && st.field) s = finish_field(&st);
  if (s == NF_OK && sc->nfields == 0)
    s = nf_error_set_at(err, NF_ERR_SCHEMA, name, 0, "the schema declares no field");
  if (s == NF_OK && (!(sc->path = strdup(name)) || !(sc->dir = nf_path_dirname(name))))
    s = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  /* the whole file read: plug-ins first, then the kinds they may register */
  if (s == NF_OK) s = load_plugins(&st, reg);
  if (s == NF_OK) s = resolve_kinds(&st, reg);
  if (s == NF_OK) {
    int ids = 0;
    for (size_t i = 0; i < sc->nfields; i++) ids += sc->fields[i].kind->mode == NF_KIND_UNIQUE;
    if (ids != 1)
      s = nf_error_set_at(err, NF_ERR_SCHEMA, name, 0,
                          "the schema needs exactly one field of kind 'id' (it has %d)", ids);
  }
  /* sources last: a misspelt key or a duplicate field is the error to show first */
  for (size_t i = 0; s == NF_OK && i < sc->nfields; i++) {
    st.line = sc->field_lines[i];
    s = parse_sources(&st, &sc->fields[i]);
    if (s == NF_OK) s = resolve_values(&st, &sc->fields[i], i);
  }
  if (s == NF_OK && !sc->language && !(sc->language = strdup("english")))
    s = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  if (s == NF_OK) s = create_kinds(sc, err);
  if (s != NF_OK) {
    nf_schema_free(sc);
    return s;
  }
  *out = sc;
  return NF_OK;
}

nf_status nf_schema_load(const char *path, nf_registry *reg, nf_schema **out, nf_error *err) {
  *out = NULL;
  char *text;
  size_t n;
  nf_status s = nf_read_file(path, &text, &n, err);
  if (s != NF_OK) return s;
  s = nf_schema_parse(text, n, path, reg, out, err);
  free(text);
  return s;
}

static char *existing(char *path) {
  if (path && nf_path_exists(path)) return path;
  free(path);
  return NULL;
}

char *nf_schema_default_path(void) {
  const char *env = getenv("NEWSFIELDS_SCHEMA");
  if (env && *env) return strdup(env);
  char *found = NULL;
  char *exe = nf_executable_dir();
  if (exe) {
    char *up = nf_path_join(exe, "../share/newsfields/newsfields.schema");
    found = existing(up);
    free(exe);
  }
  if (!found) found = existing(strdup(NF_SCHEMA_INSTALL_DIR "/newsfields.schema"));
  if (!found) found = existing(strdup(NF_SCHEMA_SOURCE_DIR "/newsfields.schema"));
  return found;
}

const char *nf_schema_dir(const nf_schema *schema) { return schema->dir; }
const char *nf_schema_path(const nf_schema *schema) { return schema->path; }
size_t nf_schema_field_count(const nf_schema *schema) { return schema->nfields; }

const nf_field *nf_schema_field(const nf_schema *schema, size_t i) {
  return i < schema->nfields ? &schema->fields[i] : NULL;
}

const nf_field *nf_schema_find(const nf_schema *schema, const char *name) {
  for (size_t i = 0; i < schema->nfields; i++)
    if (strcmp(schema->fields[i].name, name) == 0) return &schema->fields[i];
  return NULL;
}

const char *nf_schema_language(const nf_schema *schema) { return schema->language; }
unsigned nf_schema_batch(const nf_schema *schema) { return schema->batch; }

size_t nf_schema_limit(const nf_schema *schema, nf_limit which) {
  return nf_limit_of(schema ? &schema->limits : NULL, which);
}

void nf_schema_set_limit(nf_schema *schema, nf_limit which, size_t value) {
  if ((unsigned)which < NF_LIMIT_COUNT) schema->limits.max[which] = value;
}
