/* An official's country and organisation, from evidence only, never the
 * dateline city alone.  In order of trust:
 *   1. the title's own country (adjective, "X's", "of X": official_titles.c);
 *   2. the organisation's (Bundesbank: de) or a party or legislature of one
 *      country's system before the office ("Republican Senator");
 *   3. a country named inside the organisation's name ("Chairwoman of the
 *      Japan Socialist Party", "president of Volkswagen do Brasil");
 *   4. a region or city just before the title ("Indiana Gov. Mike Pence",
 *      "Tokyo Governor"), a country after the name ("President Denis
 *      Sassou-Nguesso of Congo"), a US party label after it ("(D-Mass.)",
 *      "(D)"), an office that exists in one country's system only
 *      ("Secretary of State", "House Speaker");
 *   5. the same person's other titles in the article;
 *   6. for a public office with none of these ("Prime Minister Yasuhiro
 *      Nakasone"), the country the text is about: the one it names most
 *      often outside the dateline (a tie goes to the dateline's country when
 *      it is one of the tied).  A company's or an association's office gets
 *      no country this way: its holder holds no state's office. */
#include <stdio.h>
#include <string.h>

#include "analysis/tokens.h"
#include "official_internal.h"

/* A country named inside an organisation's name, tokens [b, e): "the Japan
 * Socialist Party", "Electronic Industries Association of Japan" (the
 * country analyzer leaves these out of the text's countries); NULL if none. */
static const char *country_within(const article *a, uint32_t b, uint32_t e) {
  for (uint32_t k = b; k < e && k < a->toks.n; k++) {
    if (a->country_at[k] != NONE) return a->countries[a->country_at[k]].code;
    if (!(a->toks.v[k].flags & NF_TOK_CAPITALIZED)) continue;
    nf_lex_match m = lex_at(a, k, NF_LEX_BIT(NF_LEX_PLACE));
    if (m.len && k + m.len <= e && (m.flags & NF_LEX_COUNTRY) && m.entry->country[0])
      return nf_lexicon_place_country(a->lex, m.entry, a->date);
  }
  return NULL;
}

/* The organisation of schema/organisations.tsv that a title names, or NULL:
 * its org words ("Federal Reserve Board chairman", "chairman of the Fed"),
 * else a word of one country's system before the office ("Republican
 * Senator", "Bundestag deputy"). */
static const nf_lex_entry *title_organisation(const article *a, const title *t) {
  if (t->org_end > t->org_begin) {
    nf_lex_match m = lex_at(a, t->org_begin, NF_LEX_BIT(NF_LEX_ORGANISATION));
    /* "Federal Reserve Board", not "GM de Mexico": a subsidiary named by
     * its country is its own */
    if (m.len && t->org_begin + m.len <= t->org_end &&
        !country_within(a, (uint32_t)(t->org_begin + m.len), t->org_end))
      return m.entry;
  }
  int after_of = 0;
  for (size_t k = t->begin; k < t->end; k++) {
    after_of |= nf_tok_is(&a->toks, k, "of");
    /* "Labour Minister": a domain before the head is no party; "Chancellor
     * of the Exchequer" names its state */
    if (k >= t->office_begin && k < t->office_end && !after_of) continue;
    nf_lex_match m = lex_at(a, k, NF_LEX_BIT(NF_LEX_ORGANISATION));
    if (m.len && k + m.len <= t->end && !country_within(a, (uint32_t)(k + m.len), t->end))
      return m.entry;
  }
  return NULL;
}

/* "Sen. Tim Kaine (D-Va.)", "Rep. Jim Wright (D-Texas)", "Attorney General
 * Roy Cooper (D)": a US party label after the name at k. */
static int us_party_label(const article *a, size_t k) {
  if (k + 2 >= a->toks.n) return 0;
  static const char *const parties[] = {"d", "r", "i", NULL};
  if (nf_tok_is(&a->toks, k, "(") && nf_tok_in(&a->toks, k + 1, parties) &&
      nf_tok_is(&a->toks, k + 2, ")") && (a->toks.v[k + 1].flags & NF_TOK_CAPITALIZED))
    return 1;
  if (k + 3 >= a->toks.n) return 0;
  /* "Rep. Anthony Beilenson, D-Cal, said": the state must follow */
  if (nf_tok_is(&a->toks, k, ",") && !(a->toks.v[k + 3].flags & NF_TOK_CAPITALIZED)) return 0;
  if (!nf_tok_is(&a->toks, k, "(") && !nf_tok_is(&a->toks, k, ",")) return 0;
  return nf_tok_in(&a->toks, k + 1, parties) &&
         (a->toks.v[k + 2].kind == NF_TOKEN_HYPHEN || a->toks.v[k + 2].kind == NF_TOKEN_DASH ||
          nf_tok_is(&a->toks, k + 2, "-"));
}

/* 1 when the word w is in the normalised title `norm` as a whole word. */
static int has_word(const char *norm, const char *w) {
  size_t n = strlen(w);
  for (const char *p = norm; (p = strstr(p, w)); p += n)
    if ((p == norm || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' ')) return 1;
  return 0;
}

/* An office of a US state's or of Congress's ("governor", "senator",
 * "representative", "attorney general"): before or after it, a name that
 * is also a US state's ("Florida", "Georgia", "Maryland") is that state. */
static int state_office(const char *norm) {
  static const char *const words[] = {
      "governor",      "senator",     "representative", "congressman",
      "congresswoman", "assemblyman", "assemblywoman",  NULL};
  for (size_t i = 0; words[i]; i++)
    if (has_word(norm, words[i])) return 1;
  return strstr(norm, "attorney general") != NULL;
}

/* An office only a government has: a state office, a minister, a
 * chancellor, a mayor. */
static int government_office(const char *norm) {
  static const char *const words[] = {"minister", "chancellor", "mayor",
                                      "premier",  "secretary",  NULL};
  for (size_t i = 0; words[i]; i++)
    if (has_word(norm, words[i])) return 1;
  return state_office(norm);
}

/* The country of a place's lexicon entry for title t: its one country, or
 * the US for a name that is also a US state's, beside a state office. */
static const char *place_country(const article *a, const title *t, const nf_lex_entry *e) {
  if (e->country[0]) return nf_lexicon_place_country(a->lex, e, a->date);
  return (e->flags & NF_LEX_US_STATE) && state_office(off_norm_of(a, t)) ? "us" : NULL;
}

/* The country of a capitalised region or city that ends just before title
 * t ("Indiana Gov.", "New Jersey Gov.", "Tokyo Governor"), when every
 * place of that name is in one country; NULL if none. */
static const char *place_before(const article *a, const title *t) {
  uint32_t end = t->begin;
  for (uint32_t len = 3; len >= 1; len--) { /* "New Jersey", not "Jersey" */
    if (len > end) continue;
    uint32_t b = end - len;
    if (!(a->toks.v[b].flags & NF_TOK_CAPITALIZED)) continue;
    nf_lex_match m = lex_at(a, b, NF_LEX_BIT(NF_LEX_PLACE));
    const char *code = m.len == len ? place_country(a, t, m.entry) : NULL;
    if (code) return code;
  }
  return NULL;
}

/* A region or city named as an office's organisation ("the former governor
 * of Florida", "Mayor of New York", "Kremlin leader"): the place's entry,
 * or NULL if the organisation is none; *body is 1 when the place also
 * names a body (the Kremlin), which stays the organisation. */
static const nf_lex_entry *org_is_place(const article *a, const title *t, int *body) {
  if (t->org_end <= t->org_begin) return NULL;
  nf_lex_match m = lex_at(a, t->org_begin, NF_LEX_BIT(NF_LEX_PLACE));
  if (m.len != t->org_end - t->org_begin) return NULL;
  *body = lex_at(a, t->org_begin, NF_LEX_BIT(NF_LEX_ORGANISATION) | NF_LEX_BIT(NF_LEX_ORG)).len ==
          m.len;
  return m.entry;
}

/* The country of a region or city after "of" at k ("Senator Marco Rubio of
 * Florida"), the whole of a capitalised name ("of Texas", not "of Texas
 * Instruments"); NULL if none. */
static const char *place_after_of(const article *a, const title *t, size_t k) {
  if (k + 1 >= a->toks.n || !nf_tok_is(&a->toks, k, "of") ||
      !(a->toks.v[k + 1].flags & NF_TOK_CAPITALIZED))
    return NULL;
  nf_lex_match m = lex_at(a, k + 1, NF_LEX_BIT(NF_LEX_PLACE));
  if (!m.len) return NULL;
  size_t after = k + 1 + m.len;
  if (after < a->toks.n && a->toks.v[after].kind == NF_TOKEN_WORD &&
      (a->toks.v[after].flags & NF_TOK_CAPITALIZED))
    return NULL;
  return place_country(a, t, m.entry);
}

/* Offices that exist in one country's system only, by normalised title.
 * Britain's "Secretary of State for Trade" normalises otherwise. */
static const char *one_country_office(const char *norm) {
  static const struct {
    const char *title, *country;
  } offices[] = {
      {"secretary of state", "us"},     {"house speaker", "us"},
      {"senate majority leader", "us"}, {"senate minority leader", "us"},
      {"house majority leader", "us"},  {"house minority leader", "us"},
  };
  for (size_t i = 0; i < sizeof offices / sizeof *offices; i++)
    if (strcmp(norm, offices[i].title) == 0) return offices[i].country;
  return NULL;
}

/* A company's or an association's office, which is no state's: its words
 * ("chairman", "chief executive", "executive vice-president", "board",
 * "managing director") or the body it names before the office ("Company
 * chairman", "Association spokesman", "union leader"). */
static int private_office(const article *a, const title *t) {
  /* "subcommittee chairman", "House Budget Committee chairman" */
  static const char *const public_words[] = {
      "house",         "senate",     "committee", "subcommittee", "congressional",
      "parliamentary", "government", "federal",   "state",        NULL};
  for (size_t k = t->begin; k < t->end; k++)
    if (nf_tok_in(&a->toks, k, public_words)) return 0;
  const char *norm = off_norm_of(a, t);
  static const char *const words[] = {"chair",    "executive", "ceo",       "board",
                                      "managing", "founder",   "treasurer", NULL};
  for (size_t i = 0; words[i]; i++)
    if (has_word(norm, words[i])) return 1;
  if (strcmp(norm, "director") == 0) return 1;
  static const char *const bodies[] = {"company", "association", "firm",       "group",
                                       "union",   "corporation", "federation", NULL};
  for (size_t k = t->begin > 0 ? t->begin - 1 : 0; k < t->end; k++)
    if (nf_tok_in(&a->toks, k, bodies)) return 1;
  return 0;
}

/* A tally of mentions per distinct code: there are a few hundred codes at
 * most, so counting stays linear in the mentions however many there are. */
typedef struct country_tally {
  struct {
    char code[4];
    size_t n;
  } v[NF_TEXT_COUNTRIES_MAX];
  size_t n;
} country_tally;

static void tally_add(country_tally *t, const char *code) {
  size_t k = 0;
  while (k < t->n && strcmp(t->v[k].code, code) != 0) k++;
  if (k == t->n) {
    if (t->n == NF_TEXT_COUNTRIES_MAX) return;
    memcpy(t->v[t->n].code, code, 4);
    t->v[t->n++].n = 0;
  }
  t->v[k].n++;
}

/* A capitalised word at k, part of a longer name ("Lloyd Austin", "Khalifa
 * al-Sabah"). */
static int name_word_at(const article *a, size_t k) {
  return k < a->toks.n && (a->toks.v[k].flags & NF_TOK_CAPITALIZED) &&
         (a->toks.v[k].kind == NF_TOKEN_WORD || a->toks.v[k].kind == NF_TOKEN_HYPHEN);
}

/* For a text that names no country: the states of the regions it names
 * ("in Iowa", "Ohio's"), outside the dateline.  A region's name counts
 * alone, not inside a longer name ("Sheikh Ali al-Sabah" is no Sabah). */
static void tally_places(const article *a, uint32_t dl_end, country_tally *t) {
  for (size_t b = 0; b < a->toks.n; b++) {
    if (a->toks.v[b].start < dl_end || !(a->toks.v[b].flags & NF_TOK_CAPITALIZED)) continue;
    nf_lex_match m = lex_at(a, b, NF_LEX_BIT(NF_LEX_PLACE));
    if (!m.len || !m.entry->country[0]) continue;
    size_t e = b + m.len;
    int alone = !(b > 0 && (name_word_at(a, b - 1) || a->toks.v[b - 1].kind == NF_TOKEN_HYPHEN)) &&
                !name_word_at(a, e);
    if ((m.entry->flags & NF_LEX_REGION) && alone) {
      const char *code = nf_lexicon_place_country(a->lex, m.entry, a->date);
      if (code) tally_add(t, code);
    }
    b = e - 1;
  }
}

/* The most named code of the tally, when it is alone or the dateline's and
 * named at least `least` times. */
static void pick_text_country(article *a, const country_tally *tally, const char *dl_country,
                              size_t least) {
  size_t best = 0, nbest = 0;
  for (size_t k = 0; k < tally->n; k++) {
    if (tally->v[k].n > best) {
      best = tally->v[k].n;
      nbest = 0;
    }
    if (tally->v[k].n == best) nbest++;
  }
  if (best == 0 || best < least) return;
  for (size_t k = 0; k < tally->n; k++) {
    if (tally->v[k].n != best) continue;
    if (nbest == 1 || (dl_country && strcmp(tally->v[k].code, dl_country) == 0)) {
      memcpy(a->text_country, tally->v[k].code, 4);
      return;
    }
  }
}

/* The country the text names most often outside the dateline, when it is
 * named more often than any other, or ties with others and is the
 * dateline's country; "" else.  A text that names no country is about the
 * country of the regions it names, twice at least (one region's name alone
 * says little: "Centre"). */
static void find_text_country(article *a, nf_analysis *an) {
  a->text_country[0] = '\0';
  const nf_result *dl = nf_analysis_first(an, NF_TYPE_DATELINE);
  uint32_t dl_end = dl ? dl->end : 0;
  const char *dl_country = dl ? nf_result_attr(dl, NF_ATTR_COUNTRY) : NULL;
  country_tally tally;
  tally.n = 0;
  for (size_t i = 0; i < a->ncountries; i++)
    if (a->toks.v[a->countries[i].begin].start >= dl_end) tally_add(&tally, a->countries[i].code);
  a->text_country_by_places = tally.n == 0;
  if (a->text_country_by_places) tally_places(a, dl_end, &tally);
  pick_text_country(a, &tally, dl_country, a->text_country_by_places ? 2 : 1);
}

static void set_country(official *of, const char *code) {
  if (!of->country[0] && code) snprintf(of->country, sizeof of->country, "%s", code);
}

/* Each official's own evidence, 2 to 4 above (1 is in of->country). */
static void own_evidence(article *a, size_t o) {
  official *of = &a->officials[o];
  const nf_lex_entry *org = NULL;
  for (size_t ti = 0; ti < a->ntitles && !org; ti++)
    if (a->titles[ti].official == o) org = title_organisation(a, &a->titles[ti]);
  of->org_entry = org;
  if (org && org->country[0]) set_country(of, org->country);
  const title *t = &a->titles[of->title];
  /* "Republican Senator Bob Dole": a party of one country's system just
   * before the title is evidence of the country, not the office's org */
  if (!of->country[0] && t->begin > 0) {
    nf_lex_match m = lex_at(a, t->begin - 1, NF_LEX_BIT(NF_LEX_ORGANISATION));
    if (m.len == 1 && m.entry->country[0]) set_country(of, m.entry->country);
  }
  if (!of->country[0] && of->org_title != NONE) {
    const title *ot = &a->titles[of->org_title];
    int body = 0;
    const nf_lex_entry *place = org_is_place(a, ot, &body);
    if (place) {
      set_country(of, place_country(a, ot, place));
      if (!body) of->org_title = NONE; /* a place is no organisation */
    } else {
      set_country(of, country_within(a, ot->org_begin, ot->org_end));
    }
  }
  if (!of->country[0] && t->begin > 0 && !t->posted) set_country(of, place_before(a, t));
  for (size_t m = 0; !of->country[0] && m < a->people.nmentions; m++) {
    const nf_person_mention *pm = &a->people.mentions[m];
    if (pm->person != of->person) continue;
    if (us_party_label(a, pm->tok_end)) set_country(of, "us");
    /* "President Denis Sassou-Nguesso of Congo" */
    size_t k = pm->tok_end;
    if (k + 1 < a->toks.n && nf_tok_is(&a->toks, k, "of") && a->country_at[k + 1] != NONE &&
        a->countries[a->country_at[k + 1]].begin == k + 1)
      set_country(of, a->countries[a->country_at[k + 1]].code);
    /* "Sen. Rand Paul (Ky.)": a state's abbreviation after a state office */
    if (k + 2 < a->toks.n && nf_tok_is(&a->toks, k, "(") && nf_tok_is(&a->toks, k + 2, ")") &&
        (a->toks.v[k + 1].flags & NF_TOK_ABBREV) && (a->toks.v[k + 1].flags & NF_TOK_CAPITALIZED) &&
        state_office(off_norm_of(a, t)))
      set_country(of, "us");
    /* "Senator Marco Rubio of Florida": a public office's region */
    if (!of->country[0] && !t->posted && !private_office(a, t))
      set_country(of, place_after_of(a, t, k));
  }
  if (!of->country[0]) set_country(of, one_country_office(off_norm_of(a, t)));
}

/* 5: the same person's other titles. */
static void same_person(article *a) {
  for (size_t o = 0; o < a->nofficials; o++) {
    official *of = &a->officials[o];
    for (size_t p = 0; !of->country[0] && p < a->nofficials; p++)
      if (a->officials[p].person == of->person && a->officials[p].country[0])
        set_country(of, a->officials[p].country);
  }
}

void off_find_countries(article *a, nf_analysis *an) {
  a->date = nf_analysis_date(an, &a->date_value) ? &a->date_value : NULL;
  find_text_country(a, an);
  for (size_t o = 0; o < a->nofficials; o++) own_evidence(a, o);
  same_person(a);
  if (!a->text_country[0]) return;
  for (size_t o = 0; o < a->nofficials; o++) {
    official *of = &a->officials[o];
    const title *t = &a->titles[of->title];
    if (of->country[0] || of->org_entry || of->org_title != NONE || (t->head_flags & NF_LEX_ROLE) ||
        t->posted || private_office(a, t))
      continue;
    /* regions say less than countries: only a government's offices take
     * theirs ("Senator", "Chancellor"; a firm has presidents too) */
    if (a->text_country_by_places && !government_office(off_norm_of(a, t))) continue;
    set_country(of, a->text_country);
  }
  /* "PMDB leader, Senator Affonso Camargo": the senator's country is the
   * leader's too */
  same_person(a);
}
