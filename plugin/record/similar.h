/* The near-duplicate key of an article (the `similar` metadata source).
 * Internal to the record layer. */
#ifndef NF_RECORD_SIMILAR_H
#define NF_RECORD_SIMILAR_H

#include <stddef.h>

#include "newsfields/text.h"

/* Words of the text's start that make the key. */
#define NF_SIMILAR_WORDS 25
/* The key's length: 16 lower-case hex digits. */
#define NF_SIMILAR_KEY_LEN 16

/* The key of the analysed text into out (NF_SIMILAR_KEY_LEN digits and a
 * NUL): a 64-bit FNV-1a hash of its first NF_SIMILAR_WORDS words and
 * numbers, folded (case and accents), punctuation, quote marks and dashes
 * left out.  Returns 0 (out "") when the text has no word.
 *
 * Why this rule (measured on Reuters-21578, README "Near duplicates"): a
 * wire story sent again with a correction, an added paragraph or a changed
 * figure further down keeps its dateline and lead, so it keeps the key;
 * the dateline's date and the lead's figures are kept, so the daily
 * reports written to a template (the Fed's repurchase agreements, a
 * company's quarterly results) on other days or of other companies get
 * other keys.  25 words rather than 20 keeps apart the USDA's "soybean
 * meal" and "soybean oil" tables, whose leads differ at word 21. */
int nf_similar_key(const nf_text *t, char out[NF_SIMILAR_KEY_LEN + 1]);

#endif
