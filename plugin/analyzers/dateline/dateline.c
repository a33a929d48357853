/* The dateline analyzer: where and when a story was filed, and by which
 * agency ("VILNIUS, Dec 20 (Reuters) -").  The shape is read by
 * dateline_rules.c; this file decides whether a shape is a dateline, gives
 * the place its country (places.tsv) and the date its year, and emits the
 * dateline, its agency and its date. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/recase.h"
#include "core/date.h"
#include "dateline.h"
#include "dateline_rules.h"
#include "gazetteer/agencies.h"
#include "gazetteer/aliases.h"
#include "gazetteer/eras.h"
#include "gazetteer/places.h"

/* The opening dateline is on one of the first lines (after a byline, a
 * kicker or a subheading), never deep in the text. */
#define MAX_LINES 6
#define MAX_OFFSET 2000
#define MAX_BARE_WORDS 4 /* "NEW YORK -": a place with neither date nor agency */
#define NAME_MAX 256

typedef struct dateline_analyzer {
  nf_places *places;
  nf_agencies *agencies;
  nf_eras *eras;       /* "MOSCOW" in 1987 is the Soviet Union's */
  nf_aliases *aliases; /* "PEKING" is Beijing */
} dateline_analyzer;

/* Capitals that open a line before a dash without being a place. */
static const char *const not_places[] = {
    "exclusive",  "update",     "updated",  "breaking", "urgent",    "flash",     "corrected",
    "correction", "refile",     "repeat",   "analysis", "factbox",   "explainer", "insight",
    "interview",  "feature",    "preview",  "review",   "column",    "opinion",   "editorial",
    "comment",    "commentary", "watch",    "video",    "photos",    "live",      "note",
    "editors",    "advisory",   "bulletin", "wrapup",   "summary",   "table",     "text",
    "transcript", "poll",       "timeline", "graphic",  "newsmaker", "profile",   NULL};

static void destroy(void *instance) {
  dateline_analyzer *da = instance;
  if (!da) return;
  nf_places_free(da->places);
  nf_agencies_free(da->agencies);
  nf_eras_free(da->eras);
  nf_aliases_free(da->aliases);
  free(da);
}

static nf_status create(const nf_analyzer_env *env, void **instance, nf_error *err) {
  *instance = NULL;
  dateline_analyzer *da = calloc(1, sizeof *da);
  if (!da) return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
  nf_status s = nf_places_load(env->schema_dir, &da->places, err);
  if (s == NF_OK) s = nf_agencies_load(env->schema_dir, &da->agencies, err);
  if (s == NF_OK) s = nf_eras_load(env->schema_dir, &da->eras, err);
  if (s == NF_OK) s = nf_aliases_load(env->schema_dir, &da->aliases, err);
  if (s != NF_OK) {
    destroy(da);
    return s;
  }
  *instance = da;
  return NF_OK;
}

/* The year of a "Dec 20" dateline in an article dated *pub: the article's
 * year, or the one before when that would put the dateline after the
 * article (a January story datelined Dec 31).  A day or two ahead is the
 * time zone, not a year. */
static int complete_year(const nf_date *pub, int month, int day) {
  long ahead = nf_date_day_number(pub->year, month, day) -
               nf_date_day_number(pub->year, pub->month, pub->day);
  return ahead > 2 ? pub->year - 1 : pub->year;
}

/* The place table knows the place of the shape. */
static int known_place(const dateline_analyzer *da, const nf_toks *k, const nf_dateline_shape *sh) {
  char code[3];
  const char *spelling;
  const char *p = k->bytes + k->v[sh->place_b].start;
  nf_places_country(da->places, p, k->v[sh->place_e - 1].end - k->v[sh->place_b].start, NULL, 0,
                    code, &spelling);
  return spelling != NULL;
}

/* Whether the shape is a dateline and not a line that merely looks like one. */
static int plausible(const dateline_analyzer *da, const nf_toks *k, const nf_dateline_shape *sh,
                     size_t line) {
  if (nf_in_list(nf_tok_fold(k, sh->place_b), not_places)) return 0;
  int agency = sh->agency_b != sh->agency_e;
  if (sh->flags & NF_DL_PLACE_LOWER) return sh->month && (sh->flags & NF_DL_DASH);
  /* "BUENOS AIRES, ABR 7 -": a date garbled is still a date's place */
  int dated = sh->month != 0 || (sh->flags & NF_DL_GARBLED);
  /* "Chrysler Corp (C) -" is a company and its ticker: unless the place is known */
  if (agency && !dated && !(sh->flags & NF_DL_AGENCY_KNOWN) && !(sh->flags & NF_DL_PLACE_CAPS) &&
      !known_place(da, k, sh))
    return 0;
  if (dated || agency) return 1;
  /* neither date nor agency: "WASHINGTON —" in capitals, not a headline */
  unsigned need = NF_DL_PLACE_CAPS | NF_DL_DASH | NF_DL_SPACED;
  if ((sh->flags & need) != need || (sh->flags & NF_DL_CAPS_AFTER) ||
      sh->place_words > MAX_BARE_WORDS)
    return 0;
  /* below the first line, only a place known or given its state ("MANCHESTER,
   * N.H. -"): "LEAD -" and "WHEAT -" head the lines of price tables */
  return line == 0 || sh->nregions > 0 || known_place(da, k, sh);
}

/* The text of tokens [b, e). */
static const char *span_text(const nf_toks *k, size_t b, size_t e, size_t *n) {
  *n = k->v[e - 1].end - k->v[b].start;
  return k->bytes + k->v[b].start;
}

/* Emits the dateline found, its agency and its date. */
static nf_status emit_dateline(const dateline_analyzer *da, nf_analysis *a, const nf_toks *k,
                               const nf_dateline_shape *sh) {
  size_t n;
  const char *written = span_text(k, sh->place_b, sh->place_e, &n);
  /* the country, from the regions written after the place, else the place */
  nf_place_region regions[NF_DATELINE_MAX_REGIONS];
  for (size_t r = 0; r < sh->nregions; r++)
    regions[r].p = span_text(k, sh->region_b[r], sh->region_e[r], &regions[r].n);
  char code[3];
  const char *spelling;
  int has_country =
      nf_places_country(da->places, written, n, regions, sh->nregions, code, &spelling);
  char place[NAME_MAX];
  /* the value: the place's current name ("PEKING" is Beijing), else the
   * table's spelling, else the place recased */
  const char *current = nf_aliases_canonical(da->aliases, written, n);
  if (current) {
    snprintf(place, sizeof place, "%s", current);
  } else if (spelling) {
    snprintf(place, sizeof place, "%s", spelling);
  } else {
    unsigned flags = NF_RECASE_PLACE | ((sh->flags & NF_DL_PLACE_LOWER) ? NF_RECASE_LOWER : 0);
    if (!nf_recase(written, n, flags, place, sizeof place))
      snprintf(place, sizeof place, "%.*s", (int)n, written);
  }
  /* the date, with the article's year when the dateline has none */
  nf_date pub, date = {0, 0, 0};
  int has_pub = nf_analysis_date(a, &pub);
  if (sh->month) {
    int year = sh->year ? sh->year : has_pub ? complete_year(&pub, sh->month, sh->day) : 0;
    if (year && nf_date_valid(year, sh->month, sh->day)) date = (nf_date){year, sh->month, sh->day};
  }
  /* the country in the article's era: "MOSCOW" in 1987 is the Soviet Union */
  if (has_country && sh->nregions == 0) {
    const nf_date *when = has_pub ? &pub : date.year ? &date : NULL;
    const char *then = nf_eras_code(da->eras, written, n, code, when);
    if (then != code) memcpy(code, then, 3);
  }
  char iso[11] = "";
  if (date.year) nf_date_iso(&date, iso);
  /* the agency: canonical when known, else as written */
  const char *agency = sh->agency;
  size_t agency_n = agency ? strlen(agency) : 0;
  if (!agency && sh->agency_b != sh->agency_e)
    agency = span_text(k, sh->agency_b, sh->agency_e, &agency_n);
  size_t rn = 0;
  const char *region =
      sh->nregions ? span_text(k, sh->region_b[0], sh->region_e[sh->nregions - 1], &rn) : NULL;
  char written_s[NAME_MAX], region_s[NAME_MAX], agency_s[NAME_MAX];
  snprintf(written_s, sizeof written_s, "%.*s", (int)n, written);
  snprintf(region_s, sizeof region_s, "%.*s", (int)rn, region ? region : "");
  snprintf(agency_s, sizeof agency_s, "%.*s", (int)agency_n, agency ? agency : "");
  nf_attr_value attrs[] = {
      NF_ATTR_STR(NF_ATTR_WRITTEN, written_s),
      NF_ATTR_STR(NF_ATTR_REGION, region ? region_s : NULL),
      NF_ATTR_STR(NF_ATTR_COUNTRY, has_country ? code : NULL),
      NF_ATTR_STR(NF_ATTR_DATE, date.year ? iso : NULL),
      NF_ATTR_STR(NF_ATTR_AGENCY, agency ? agency_s : NULL),
  };
  nf_result r = {NF_TYPE_DATELINE, sh->start, sh->end, 0, 0, place, NF_NO_REF, 0, attrs, 5};
  nf_status s = nf_analysis_emit(a, &r, NULL);
  if (s == NF_OK && agency) {
    nf_result ar = {NF_TYPE_AGENCY,
                    k->v[sh->agency_b].start,
                    k->v[sh->agency_e - 1].end,
                    0,
                    0,
                    agency_s,
                    NF_NO_REF,
                    0,
                    NULL,
                    0};
    s = nf_analysis_emit(a, &ar, NULL);
  }
  /* the record takes it when the article's metadata has no date */
  if (s == NF_OK && date.year) {
    nf_result dr = {NF_TYPE_DATE, sh->start, sh->end, 0, 0, iso, NF_NO_REF, 0, NULL, 0};
    s = nf_analysis_emit(a, &dr, NULL);
  }
  return s;
}

static nf_status analyze(const void *instance, nf_analysis *a, nf_error *err) {
  const dateline_analyzer *da = instance;
  nf_toks k = nf_toks_of(nf_analysis_text(a));
  size_t lines = 0;
  nf_status s = NF_OK;
  for (size_t i = 0; i < k.n && lines < MAX_LINES && k.v[i].start < MAX_OFFSET;
       i = nf_tok_line_end(&k, i), lines++) {
    nf_dateline_shape sh;
    if (nf_dateline_shape_at(&k, i, da->agencies, &sh) && plausible(da, &k, &sh, lines)) {
      s = emit_dateline(da, a, &k, &sh);
      break;
    }
  }
  if (s == NF_ERR_NOMEM) return nf_error_set(err, s, "out of memory");
  return s;
}

static const char *const provides[] = {"dateline", "agency", "date", NULL};

const nf_analyzer_v2 nf_dateline_analyzer = {
    NF_ANALYZER_ABI,
    "dateline",
    "The opening dateline: place, its country, the date and the agency",
    provides,
    NULL,
    create,
    destroy,
    analyze,
};
