/* Person names as news copy writes them ("Lloyd J. Austin III", "Ursula von
 * der Leyen", "Recep Tayyip Erdoğan", "Mr. Austin"), found from cues, and the
 * later short forms of each resolved to the fullest form in the article.
 *
 * A name is a run of capitalised words (with initials, particles such as
 * "von der" or "bin", hyphenated parts and suffixes such as "Jr." or "III").
 * A run is a new person when a cue says so: an honorific or a title before
 * it, a title in apposition after it, a reporting verb next to it, a
 * first name from the list at its start, or an age in apposition ("Kallas,
 * 45,").  Every run, with or without a cue, whose surname (or full name) is
 * a person's is a mention of that person.  Internal to the people analyzers. */
#ifndef NF_PEOPLE_PERSON_NAMES_H
#define NF_PEOPLE_PERSON_NAMES_H

#include <stddef.h>
#include <stdint.h>

#include "gazetteer/lexicon.h"
#include "newsfields/text.h"

/* Per-token marks the caller sets before nf_people_find. */
enum {
  NF_PM_COUNTRY = 1u << 0,     /* part of a country mention */
  NF_PM_TITLE = 1u << 1,       /* part of a title (not of a name) */
  NF_PM_TITLE_END = 1u << 2,   /* last token of a title */
  NF_PM_TITLE_START = 1u << 3, /* first token of a title */
  NF_PM_ORG = 1u << 4          /* part of an organisation's name */
};

enum { NF_GENDER_UNKNOWN = 0, NF_GENDER_MALE = 1, NF_GENDER_FEMALE = 2 };

typedef struct nf_person {
  uint32_t tok_begin, tok_end;            /* the fullest mention's name */
  uint32_t core_first, core_last, nwords; /* its first and last core words, word count */
  uint32_t first_mention;                 /* index into mentions */
  uint8_t gender;                         /* NF_GENDER_* */
  uint8_t weak; /* while finding: one word with only a verb to say it is a person */
} nf_person;

typedef struct nf_person_mention {
  uint32_t tok_begin, tok_end; /* the name's tokens, honorific excluded */
  uint32_t person;             /* index into persons */
} nf_person_mention;

/* The persons of one article; arrays grow once and are reused.  They are
 * the caller's: the official analyzer lends them from the arrays the
 * analysis keeps (analysis/scratch.h) and takes them back, so there is no
 * free here. */
typedef struct nf_people {
  nf_person *persons;
  size_t npersons, cap_persons;
  nf_person_mention *mentions; /* in text order */
  size_t nmentions, cap_mentions;
} nf_people;

void nf_people_init(nf_people *pp);

/* Find the persons and their mentions in t.  marks has one byte per token
 * (NF_PM_*).  NF_ERR_NOMEM is the only failure. */
nf_status nf_people_find(nf_people *pp, const nf_lexicon *lex, const nf_text *t,
                         const uint8_t *marks);

/* The mention whose name starts at token i, or NULL. */
const nf_person_mention *nf_people_mention_at(const nf_people *pp, size_t i);

/* The name of a person as written in its fullest mention: bytes [start, end). */
void nf_person_span(const nf_people *pp, const nf_text *t, size_t person, uint32_t *start,
                    uint32_t *end);

#endif
