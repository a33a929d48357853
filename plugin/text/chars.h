/* Character classes for the tokenizer.  Internal. */
#ifndef NF_TEXT_CHARS_H
#define NF_TEXT_CHARS_H

#include <stddef.h>
#include <stdint.h>

#include "utf8.h"

typedef enum nf_cclass {
  NF_CC_END = 0,  /* past the end of the text */
  NF_CC_SPACE,    /* spaces, tabs, controls, zero width space, BOM */
  NF_CC_NL,       /* line break: \n, VT, NEL, U+2028 */
  NF_CC_CR,       /* \r: a line break unless \n follows */
  NF_CC_PARA,     /* paragraph break: form feed, U+2029 */
  NF_CC_UPPER,    /* Lu, Lt */
  NF_CC_LOWER,    /* Ll */
  NF_CC_LETTER,   /* Lo, Lm: letters without case */
  NF_CC_MARK,     /* Mn, Mc, Me */
  NF_CC_DIGIT,    /* Nd, Nl, No */
  NF_CC_CJK,      /* Han ideographs and kana: a token each */
  NF_CC_APOS,     /* ' ’ ʼ: apostrophe or single quote */
  NF_CC_QUOTE,    /* " “ ” „ ‘ ‚ ‛ ‟ « » ‹ › */
  NF_CC_HYPHEN,   /* - U+2010 U+2011 */
  NF_CC_DASH,     /* other Pd, U+2212 minus */
  NF_CC_PERIOD,   /* . */
  NF_CC_TERM,     /* ! ? and their full-width forms, U+3002 */
  NF_CC_ELLIPSIS, /* … */
  NF_CC_OPEN,     /* ( [ { and Ps */
  NF_CC_CLOSE,    /* ) ] } and Pe */
  NF_CC_PUNCT,    /* other P */
  NF_CC_SYMBOL,   /* S, unassigned, private use */
  NF_CC_FORMAT    /* Cf: soft hyphen, joiners; inside a word they stay in it */
} nf_cclass;

extern const uint8_t nf_ascii_class[128];

/* The class of a non-ASCII code point. */
nf_cclass nf_char_class(int32_t cp);

static inline int nf_cc_is_letter(int c) {
  return c == NF_CC_UPPER || c == NF_CC_LOWER || c == NF_CC_LETTER;
}
static inline int nf_cc_is_word(int c) { return c >= NF_CC_UPPER && c <= NF_CC_DIGIT; }
static inline int nf_cc_is_space(int c) { return c >= NF_CC_SPACE && c <= NF_CC_PARA; }

/* The class of the code point at s[i] (i <= n), with its value and length. */
static inline int nf_class_at(const unsigned char *s, size_t n, size_t i, int32_t *cp,
                              size_t *len) {
  if (i >= n) {
    *cp = -1;
    *len = 0;
    return NF_CC_END;
  }
  if (s[i] < 0x80) {
    *cp = s[i];
    *len = 1;
    return nf_ascii_class[s[i]];
  }
  *len = nf_utf8_decode(s + i, cp);
  return (int)nf_char_class(*cp);
}

/* The class of the code point that ends just before s[i] (NF_CC_END at 0). */
static inline int nf_class_before(const unsigned char *s, size_t i, int32_t *cp) {
  if (i == 0) {
    *cp = -1;
    return NF_CC_END;
  }
  if (s[i - 1] < 0x80) {
    *cp = s[i - 1];
    return nf_ascii_class[s[i - 1]];
  }
  size_t len;
  return nf_class_at(s, i, nf_utf8_prev(s, i), cp, &len);
}

#endif
