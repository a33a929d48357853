/* Abbreviations that keep their period, and the words that start sentences.
 * Both tables are sorted (byte order) for binary search; a unit test checks. */
#include "abbrev.h"

#include <string.h>

typedef struct entry {
  const char *word;
  unsigned char cls;
} entry;

#define P NF_ABBREV_PLAIN
#define T NF_ABBREV_TITLE
#define N NF_ABBREV_NUMBER

/* Titles and ranks (AP style), months, company and name suffixes, streets,
 * US states (AP abbreviations), a few Latin and lower case ones. */
static const entry abbrevs[] = {
    {"Adm", T},   {"Ala", P},    {"Amb", T},  {"Apr", P},  {"Ariz", P},   {"Ark", P},  {"Art", N},
    {"Assn", P},  {"Atty", T},   {"Aug", P},  {"Ave", P},  {"Blvd", P},   {"Brig", T}, {"Bros", P},
    {"Calif", P}, {"Capt", T},   {"Cdr", T},  {"Cmdr", T}, {"Co", P},     {"Col", T},  {"Colo", P},
    {"Conn", P},  {"Corp", P},   {"Cos", P},  {"Cpl", T},  {"Cpt", T},    {"Dec", P},  {"Del", P},
    {"Dept", P},  {"Det", T},    {"Dr", T},   {"Drs", T},  {"Feb", P},    {"Fig", N},  {"Fla", P},
    {"Fr", T},    {"Ft", T},     {"Ga", P},   {"Gen", T},  {"Gens", T},   {"Gov", T},  {"Govt", P},
    {"Hon", T},   {"Ill", P},    {"Inc", P},  {"Ind", P},  {"Insp", T},   {"Intl", P}, {"Jan", P},
    {"Jr", P},    {"Kan", P},    {"Kans", P}, {"Ky", P},   {"La", P},     {"Lt", T},   {"Ltd", P},
    {"Maj", T},   {"Mar", P},    {"Mass", P}, {"Md", P},   {"Messrs", T}, {"Mich", P}, {"Minn", P},
    {"Miss", P},  {"Mlle", T},   {"Mme", T},  {"Mo", P},   {"Mont", P},   {"Mr", T},   {"Mrs", T},
    {"Ms", T},    {"Msgr", T},   {"Mt", T},   {"Neb", P},  {"Nev", P},    {"No", N},   {"Nos", N},
    {"Nov", P},   {"Oct", P},    {"Okla", P}, {"Ore", P},  {"Pa", P},     {"Pres", T}, {"Prof", T},
    {"Pvt", T},   {"Rd", P},     {"Rep", T},  {"Reps", T}, {"Rev", T},    {"Sen", T},  {"Sens", T},
    {"Sep", P},   {"Sept", P},   {"Sgt", T},  {"Spc", T},  {"Sr", P},     {"St", P},   {"Supt", T},
    {"Tenn", P},  {"Tex", P},    {"Va", P},   {"Vol", N},  {"Vt", P},     {"Wash", P}, {"Wis", P},
    {"Wyo", P},   {"approx", P}, {"ca", P},   {"cf", P},   {"est", P},    {"etc", P},  {"incl", P},
    {"vs", T},
};

#undef P
#undef T
#undef N

/* Closed-class and adverbial words (folded) that begin sentences and do not
 * continue a name: after "U.S." or "J." they mean a new sentence. */
static const char *const starters[] = {
    "a",         "about",   "according", "after",     "again",   "all",     "also",  "although",
    "among",     "an",      "and",       "another",   "any",     "as",      "at",    "because",
    "before",    "both",    "but",       "by",        "despite", "during",  "each",  "earlier",
    "either",    "even",    "for",       "from",      "he",      "her",     "here",  "his",
    "how",       "however", "i",         "if",        "in",      "instead", "it",    "its",
    "last",      "later",   "many",      "meanwhile", "more",    "most",    "much",  "my",
    "neither",   "no",      "none",      "nor",       "not",     "now",     "on",    "once",
    "one",       "only",    "or",        "other",     "others",  "our",     "over",  "several",
    "she",       "since",   "so",        "some",      "still",   "such",    "that",  "the",
    "their",     "then",    "there",     "these",     "they",    "this",    "those", "though",
    "thus",      "to",      "today",     "two",       "under",   "until",   "we",    "what",
    "when",      "where",   "whether",   "which",     "while",   "who",     "why",   "with",
    "yesterday", "yet",     "you",
};

static int cmp_key(const char *p, size_t n, const char *w) {
  size_t m = strlen(w);
  int c = memcmp(p, w, n < m ? n : m);
  if (c) return c;
  return n < m ? -1 : n > m ? 1 : 0;
}

nf_abbrev_class nf_abbrev_lookup(const char *p, size_t n) {
  if (n == 0 || n > 6) return NF_ABBREV_NONE;
  size_t lo = 0, hi = sizeof abbrevs / sizeof abbrevs[0];
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = cmp_key(p, n, abbrevs[mid].word);
    if (c == 0) return (nf_abbrev_class)abbrevs[mid].cls;
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return NF_ABBREV_NONE;
}

int nf_is_sentence_starter(const char *p, size_t n) {
  if (n == 0 || n > 9) return 0;
  size_t lo = 0, hi = sizeof starters / sizeof starters[0];
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = cmp_key(p, n, starters[mid]);
    if (c == 0) return 1;
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return 0;
}

int nf_abbrev_tables_sorted(void) {
  for (size_t i = 1; i < sizeof abbrevs / sizeof abbrevs[0]; i++)
    if (strcmp(abbrevs[i - 1].word, abbrevs[i].word) >= 0) return 0;
  for (size_t i = 1; i < sizeof starters / sizeof starters[0]; i++)
    if (strcmp(starters[i - 1], starters[i]) >= 0) return 0;
  for (size_t i = 0; i < sizeof abbrevs / sizeof abbrevs[0]; i++)
    if (strlen(abbrevs[i].word) > 6) return 0;
  for (size_t i = 0; i < sizeof starters / sizeof starters[0]; i++)
    if (strlen(starters[i]) > 9) return 0;
  return 1;
}
