/* The abbreviation list and the sentence-starter list.  Internal. */
#ifndef NF_TEXT_ABBREV_H
#define NF_TEXT_ABBREV_H

#include <stddef.h>

typedef enum nf_abbrev_class {
  NF_ABBREV_NONE = 0,
  NF_ABBREV_PLAIN, /* may end a sentence: Inc., Jr., Dec., St., Calif. */
  NF_ABBREV_TITLE, /* precedes a name and never ends a sentence: Mr., Gen. */
  NF_ABBREV_NUMBER /* an abbreviation only before a number: No. 5, Art. 3 */
} nf_abbrev_class;

/* The class of the word p[0..n) (without its period), case-sensitive. */
nf_abbrev_class nf_abbrev_lookup(const char *p, size_t n);

/* Whether the folded word p[0..n) usually starts a sentence and never
 * continues a name: the, he, however, in... */
int nf_is_sentence_starter(const char *p, size_t n);

/* For the tests: 1 when both tables are sorted and free of duplicates. */
int nf_abbrev_tables_sorted(void);

#endif
