/* Character classes: a table for ASCII, utf8proc's categories for the rest. */
#include "chars.h"

#include <utf8proc.h>

const uint8_t nf_ascii_class[128] = {
    NF_CC_SPACE,  NF_CC_SPACE,  NF_CC_SPACE,  NF_CC_SPACE,  /* 00..03 */
    NF_CC_SPACE,  NF_CC_SPACE,  NF_CC_SPACE,  NF_CC_SPACE,  /* 04..07 */
    NF_CC_SPACE,  NF_CC_SPACE,  NF_CC_NL,     NF_CC_NL,     /* 08..0B */
    NF_CC_PARA,   NF_CC_CR,     NF_CC_SPACE,  NF_CC_SPACE,  /* 0C..0F */
    NF_CC_SPACE,  NF_CC_SPACE,  NF_CC_SPACE,  NF_CC_SPACE,  /* 10..13 */
    NF_CC_SPACE,  NF_CC_SPACE,  NF_CC_SPACE,  NF_CC_SPACE,  /* 14..17 */
    NF_CC_SPACE,  NF_CC_SPACE,  NF_CC_SPACE,  NF_CC_SPACE,  /* 18..1B */
    NF_CC_SPACE,  NF_CC_SPACE,  NF_CC_SPACE,  NF_CC_SPACE,  /* 1C..1F */
    NF_CC_SPACE,  NF_CC_TERM,   NF_CC_QUOTE,  NF_CC_PUNCT,  /* 20..23 */
    NF_CC_SYMBOL, NF_CC_PUNCT,  NF_CC_PUNCT,  NF_CC_APOS,   /* 24..27 */
    NF_CC_OPEN,   NF_CC_CLOSE,  NF_CC_PUNCT,  NF_CC_SYMBOL, /* 28..2B */
    NF_CC_PUNCT,  NF_CC_HYPHEN, NF_CC_PERIOD, NF_CC_PUNCT,  /* 2C..2F */
    NF_CC_DIGIT,  NF_CC_DIGIT,  NF_CC_DIGIT,  NF_CC_DIGIT,  /* 30..33 */
    NF_CC_DIGIT,  NF_CC_DIGIT,  NF_CC_DIGIT,  NF_CC_DIGIT,  /* 34..37 */
    NF_CC_DIGIT,  NF_CC_DIGIT,  NF_CC_PUNCT,  NF_CC_PUNCT,  /* 38..3B */
    NF_CC_SYMBOL, NF_CC_SYMBOL, NF_CC_SYMBOL, NF_CC_TERM,   /* 3C..3F */
    NF_CC_PUNCT,  NF_CC_UPPER,  NF_CC_UPPER,  NF_CC_UPPER,  /* 40..43 */
    NF_CC_UPPER,  NF_CC_UPPER,  NF_CC_UPPER,  NF_CC_UPPER,  /* 44..47 */
    NF_CC_UPPER,  NF_CC_UPPER,  NF_CC_UPPER,  NF_CC_UPPER,  /* 48..4B */
    NF_CC_UPPER,  NF_CC_UPPER,  NF_CC_UPPER,  NF_CC_UPPER,  /* 4C..4F */
    NF_CC_UPPER,  NF_CC_UPPER,  NF_CC_UPPER,  NF_CC_UPPER,  /* 50..53 */
    NF_CC_UPPER,  NF_CC_UPPER,  NF_CC_UPPER,  NF_CC_UPPER,  /* 54..57 */
    NF_CC_UPPER,  NF_CC_UPPER,  NF_CC_UPPER,  NF_CC_OPEN,   /* 58..5B */
    NF_CC_PUNCT,  NF_CC_CLOSE,  NF_CC_SYMBOL, NF_CC_PUNCT,  /* 5C..5F */
    NF_CC_SYMBOL, NF_CC_LOWER,  NF_CC_LOWER,  NF_CC_LOWER,  /* 60..63 */
    NF_CC_LOWER,  NF_CC_LOWER,  NF_CC_LOWER,  NF_CC_LOWER,  /* 64..67 */
    NF_CC_LOWER,  NF_CC_LOWER,  NF_CC_LOWER,  NF_CC_LOWER,  /* 68..6B */
    NF_CC_LOWER,  NF_CC_LOWER,  NF_CC_LOWER,  NF_CC_LOWER,  /* 6C..6F */
    NF_CC_LOWER,  NF_CC_LOWER,  NF_CC_LOWER,  NF_CC_LOWER,  /* 70..73 */
    NF_CC_LOWER,  NF_CC_LOWER,  NF_CC_LOWER,  NF_CC_LOWER,  /* 74..77 */
    NF_CC_LOWER,  NF_CC_LOWER,  NF_CC_LOWER,  NF_CC_OPEN,   /* 78..7B */
    NF_CC_SYMBOL, NF_CC_CLOSE,  NF_CC_SYMBOL, NF_CC_SPACE,  /* 7C..7F */
};

static int is_cjk(int32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || /* hiragana, katakana */
         (cp >= 0x31F0 && cp <= 0x31FF) || /* katakana extensions */
         (cp >= 0x3400 && cp <= 0x4DBF) || /* Han extension A */
         (cp >= 0x4E00 && cp <= 0x9FFF) || /* Han */
         (cp >= 0xF900 && cp <= 0xFAFF) || /* Han compatibility */
         (cp >= 0xFF66 && cp <= 0xFF9F) || /* half-width katakana */
         (cp >= 0x20000 && cp <= 0x3134F); /* Han extensions B.. */
}

nf_cclass nf_char_class(int32_t cp) {
  if (cp < 0x80) return (nf_cclass)nf_ascii_class[cp < 0 ? 0 : cp];
  switch (cp) {
    case 0x85:
    case 0x2028:
      return NF_CC_NL;
    case 0x2029:
      return NF_CC_PARA;
    case 0x2019:
    case 0x02BC:
      return NF_CC_APOS;
    case 0x2018:
    case 0x201A:
    case 0x201B:
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0xAB:
    case 0xBB:
    case 0x2039:
    case 0x203A:
      return NF_CC_QUOTE;
    case 0x2010:
    case 0x2011:
      return NF_CC_HYPHEN;
    case 0x2212:
      return NF_CC_DASH;
    case 0x2026:
      return NF_CC_ELLIPSIS;
    case 0x200B:
    case 0xFEFF:
      return NF_CC_SPACE;
    case 0x3002:
    case 0xFF01:
    case 0xFF1F:
    case 0xFF61:
      return NF_CC_TERM;
    default:
      break;
  }
  if (is_cjk(cp)) return NF_CC_CJK;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
      return NF_CC_UPPER;
    case UTF8PROC_CATEGORY_LL:
      return NF_CC_LOWER;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return NF_CC_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return NF_CC_MARK;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return NF_CC_DIGIT;
    case UTF8PROC_CATEGORY_PD:
      return NF_CC_DASH;
    case UTF8PROC_CATEGORY_PS:
      return NF_CC_OPEN;
    case UTF8PROC_CATEGORY_PE:
      return NF_CC_CLOSE;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
      return NF_CC_PUNCT;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_CC:
      return NF_CC_SPACE;
    case UTF8PROC_CATEGORY_ZL:
      return NF_CC_NL;
    case UTF8PROC_CATEGORY_ZP:
      return NF_CC_PARA;
    case UTF8PROC_CATEGORY_CF:
      return NF_CC_FORMAT;
    default:
      return NF_CC_SYMBOL; /* S*, Cn, Co, Cs */
  }
}
