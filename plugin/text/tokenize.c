/* The tokenizer: one pass over the text, each token folded into the arena as
 * it is made.  The decisions (possessives, hyphens, periods) are in
 * include/newsfields/text.h. */
#include <string.h>

#include "abbrev.h"
#include "chars.h"
#include "fold.h"
#include "text_internal.h"

static nf_status push(nf_text *t, size_t start, size_t end, int kind, uint32_t flags,
                      const char *fold) {
  nf_status st = NF_GROW(t->tok, t->tok_cap, t->ntok + 1);
  if (st != NF_OK) return st;
  size_t off = t->folds.len;
  if (fold)
    st = nf_buf_append(&t->folds, fold, strlen(fold) + 1);
  else
    st = nf_fold_into(&t->folds, t->s + start, end - start);
  if (st != NF_OK) return st;
  if (t->folds.len > UINT32_MAX) return NF_ERR_INVALID; /* folded forms past 4 GiB */
  nf_token *k = &t->tok[t->ntok++];
  k->start = (uint32_t)start;
  k->end = (uint32_t)end;
  k->fold = (uint32_t)off;
  k->fold_len = (uint32_t)(t->folds.len - off - 1);
  k->flags = flags;
  k->kind = (uint8_t)kind;
  memset(k->reserved, 0, sizeof k->reserved);
  uint32_t h = 2166136261u;
  for (const unsigned char *p = (const unsigned char *)t->folds.data + off; *p; p++)
    h = (h ^ *p) * 16777619u;
  k->hash = h;
  return NF_OK;
}

typedef struct word_case {
  unsigned letters, upper, lower, digits;
} word_case;

static void count_letter(word_case *w, int c) {
  w->letters++;
  if (c == NF_CC_UPPER) w->upper++;
  if (c == NF_CC_LOWER) w->lower++;
}

/* After a word of one or two letters and its period at j: more groups of one
 * or two letters each followed by a period make a dotted abbreviation (U.S.,
 * a.m., Ph.D.).  Returns its end, or 0; adds the groups' letters to w. */
static size_t scan_dotted(const unsigned char *s, size_t n, size_t j, word_case *w) {
  size_t k = j + 1, end = 0;
  for (;;) {
    word_case g = {0, 0, 0, 0};
    size_t m = k;
    for (;;) {
      int32_t cp;
      size_t len;
      int c = nf_class_at(s, n, m, &cp, &len);
      if (nf_cc_is_letter(c))
        count_letter(&g, c);
      else if (c != NF_CC_MARK)
        break;
      m += len;
      if (g.letters > 2) break;
    }
    if (g.letters == 0 || g.letters > 2 || m >= n || s[m] != '.') break;
    w->letters += g.letters;
    w->upper += g.upper;
    w->lower += g.lower;
    end = k = m + 1;
  }
  return end;
}

/* Whether the first character after s[j] and any spaces is a digit. */
static int digit_follows(const unsigned char *s, size_t n, size_t j) {
  while (j < n && (s[j] == ' ' || s[j] == '\t')) j++;
  return j < n && s[j] >= '0' && s[j] <= '9';
}

/* A word or number from i + skip (skip: a leading apostrophe, as in '90s). */
static size_t scan_word(const unsigned char *s, size_t n, size_t i, size_t skip, int *kind,
                        uint32_t *flags) {
  size_t j = i + skip;
  word_case w = {0, 0, 0, 0};
  uint32_t f = 0;
  int last = NF_CC_END, numeric = 1, apostrophe = 0;
  int32_t cp, cp2;
  size_t len, len2;
  for (;;) {
    /* ASCII letters and digits, the bulk of news text, without decoding. */
    while (j < n && s[j] < 0x80) {
      int a = nf_ascii_class[s[j]];
      if (a == NF_CC_LOWER) {
        if (j == i) f |= NF_TOK_LOWER;
        w.letters++;
        w.lower++;
        numeric = 0;
      } else if (a == NF_CC_UPPER) {
        if (j == i) f |= NF_TOK_CAPITALIZED;
        w.letters++;
        w.upper++;
        numeric = 0;
      } else if (a == NF_CC_DIGIT) {
        w.digits++;
      } else {
        break;
      }
      last = a;
      j++;
    }
    int c = nf_class_at(s, n, j, &cp, &len);
    if (nf_cc_is_letter(c)) {
      if (j == i) f |= c == NF_CC_UPPER ? NF_TOK_CAPITALIZED : c == NF_CC_LOWER ? NF_TOK_LOWER : 0;
      count_letter(&w, c);
      numeric = 0;
      last = c;
      j += len;
      continue;
    }
    if (c == NF_CC_DIGIT) {
      w.digits++;
      last = c;
      j += len;
      continue;
    }
    if (c == NF_CC_MARK) {
      j += len;
      continue;
    }
    if (c == NF_CC_FORMAT) { /* soft hyphen, joiners: inside a word only */
      if (!nf_cc_is_word(nf_class_at(s, n, j + len, &cp2, &len2))) break;
      j += len;
      continue;
    }
    if (c == NF_CC_APOS || cp == 0x2018) { /* ‘ typed for ’: "Trump‘s" */
      if (!nf_cc_is_word(last)) break;
      int c2 = nf_class_at(s, n, j + len, &cp2, &len2);
      if (!nf_cc_is_letter(c2)) break;
      if (cp2 == 's' || cp2 == 'S') { /* a final 's is a token of its own */
        int32_t cp3;
        size_t len3;
        int c3 = nf_class_at(s, n, j + len + 1, &cp3, &len3);
        if (!nf_cc_is_word(c3) && c3 != NF_CC_FORMAT) break;
      }
      apostrophe = 1;
      last = c;
      j += len;
      continue;
    }
    /* Digits joined by , . : / - stay one number: 1,750 2.27 2021-12-20. */
    if (numeric && last == NF_CC_DIGIT &&
        (cp == ',' || cp == '.' || cp == ':' || cp == '/' || cp == '-') &&
        nf_class_at(s, n, j + 1, &cp2, &len2) == NF_CC_DIGIT) {
      last = NF_CC_PUNCT;
      j++;
      continue;
    }
    if (cp == '.' && w.letters && !w.digits && !apostrophe) {
      size_t word = j - i;
      size_t end = 0;
      if (w.letters <= 2) end = scan_dotted(s, n, j, &w);
      if (end) {
        j = end;
        f |= NF_TOK_ABBREV;
      } else if (w.letters == 1 && w.upper == 1) {
        j++;
        f |= NF_TOK_ABBREV | NF_TOK_INITIAL;
      } else {
        nf_abbrev_class cls = nf_abbrev_lookup((const char *)s + i, word);
        if (cls == NF_ABBREV_NUMBER && !digit_follows(s, n, j + 1)) cls = NF_ABBREV_NONE;
        if (cls != NF_ABBREV_NONE) {
          j++;
          f |= NF_TOK_ABBREV;
          if (cls != NF_ABBREV_PLAIN) f |= NF_TOK_TITLE_ABBREV;
        }
      }
    }
    break;
  }
  if (w.letters) f |= NF_TOK_HAS_LETTER;
  if (w.digits) f |= NF_TOK_HAS_DIGIT;
  if (w.upper && !w.lower) f |= NF_TOK_ALL_CAPS;
  if ((f & NF_TOK_CAPITALIZED) && w.letters >= 2 && w.upper == 1 && w.lower == w.letters - 1)
    f |= NF_TOK_TITLE_CASE;
  *kind = w.letters ? NF_TOKEN_WORD : NF_TOKEN_NUMBER;
  *flags = f;
  return j;
}

/* Whether an elided word that keeps its leading apostrophe starts at s[j]
 * ('em, 'cause, 'til): the apostrophe then belongs to the word. */
static int elision(const unsigned char *s, size_t n, size_t j) {
  static const char *const words[] = {"em", "cause", "til", "tis", "twas", "bout"};
  for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
    size_t m = strlen(words[k]);
    int32_t cp;
    size_t len;
    if (j + m <= n && memcmp(s + j, words[k], m) == 0 &&
        !nf_cc_is_word(nf_class_at(s, n, j + m, &cp, &len)))
      return 1;
  }
  return 0;
}

/* The end of a run of dashes and hyphens from i. */
static size_t dash_run(const unsigned char *s, size_t n, size_t i, unsigned *count) {
  int32_t cp;
  size_t len;
  *count = 0;
  for (;;) {
    int c = nf_class_at(s, n, i, &cp, &len);
    if (c != NF_CC_HYPHEN && c != NF_CC_DASH) return i;
    i += len;
    ++*count;
  }
}

nf_status nf_tokenize(nf_text *t) {
  const unsigned char *s = t->s;
  size_t n = t->n, i = 0;
  unsigned newlines = 0;
  int indent = 0, para = 0, space = 1;
  while (i < n) {
    int32_t cp, cp2;
    size_t len, len2;
    int c = nf_class_at(s, n, i, &cp, &len);
    switch (c) {
      case NF_CC_SPACE:
        if (newlines) indent = 1;
        space = 1;
        i += len;
        continue;
      case NF_CC_FORMAT: /* invisible between tokens */
        i += len;
        continue;
      case NF_CC_CR: /* a line break unless \n follows (then that one counts) */
      case NF_CC_NL:
        if (c == NF_CC_CR && i + 1 < n && s[i + 1] == '\n') {
          i++;
          continue;
        }
        newlines++;
        indent = 0;
        space = 1;
        i += len;
        continue;
      case NF_CC_PARA:
        para = 1;
        newlines++;
        indent = 0;
        space = 1;
        i += len;
        continue;
      default:
        break;
    }

    uint32_t f = 0;
    if (space) f |= NF_TOK_SPACE_BEFORE;
    if (t->ntok == 0 || newlines) f |= NF_TOK_LINE_START;
    if (t->ntok == 0 || para || newlines >= 2 || (newlines && indent)) f |= NF_TOK_PARA_START;
    space = indent = para = 0;
    newlines = 0;

    const nf_token *prev = t->ntok ? &t->tok[t->ntok - 1] : NULL;
    int glued =
        prev && prev->end == i && (prev->kind == NF_TOKEN_WORD || prev->kind == NF_TOKEN_NUMBER);
    size_t end = i + len;
    int kind = NF_TOKEN_PUNCT;
    uint32_t wf = 0;
    unsigned count;
    const char *fold = NULL; /* a folded form other than the text's */
    switch (c) {
      case NF_CC_UPPER:
      case NF_CC_LOWER:
      case NF_CC_LETTER:
      case NF_CC_DIGIT:
        end = scan_word(s, n, i, 0, &kind, &wf);
        f |= wf;
        break;
      case NF_CC_CJK:
        kind = NF_TOKEN_WORD;
        f |= NF_TOK_HAS_LETTER | NF_TOK_CJK;
        break;
      case NF_CC_APOS:
      case NF_CC_QUOTE: {
        int c2 = nf_class_at(s, n, end, &cp2, &len2);
        if ((c == NF_CC_APOS || cp == 0x2018) && glued && (cp2 == 's' || cp2 == 'S')) {
          int32_t cp3;
          size_t len3;
          int c3 = nf_class_at(s, n, end + 1, &cp3, &len3);
          if (!nf_cc_is_word(c3) && c3 != NF_CC_FORMAT) {
            end++;
            kind = NF_TOKEN_WORD;
            f |= NF_TOK_HAS_LETTER | NF_TOK_POSSESSIVE | (cp2 == 'S' ? NF_TOK_ALL_CAPS : 0);
            break;
          }
        }
        if ((c == NF_CC_APOS || cp == 0x2018) && !glued &&
            (c2 == NF_CC_DIGIT || elision(s, n, end))) {
          end = scan_word(s, n, i, len, &kind, &wf); /* '90s, 'em */
          f |= wf;
          break;
        }
        if (cp2 == cp &&
            (cp == '\'' || cp == 0x2019 || cp == 0x2018)) { /* '' ’’ ‘‘: a double mark */
          end += len2;
          fold = "\"";
        }
        kind = cp == 0x02BC ? NF_TOKEN_APOSTROPHE : NF_TOKEN_QUOTE;
        break;
      }
      case NF_CC_HYPHEN:
      case NF_CC_DASH:
        end = dash_run(s, n, i, &count);
        kind = NF_TOKEN_DASH;
        if (count == 1 && c == NF_CC_HYPHEN && glued) {
          int c2 = nf_class_at(s, n, end, &cp2, &len2);
          if (nf_cc_is_letter(c2) || c2 == NF_CC_DIGIT) kind = NF_TOKEN_HYPHEN;
        }
        break;
      case NF_CC_PERIOD:
        while (end < n && s[end] == '.') end++;
        if (end - i > 1) f |= NF_TOK_ELLIPSIS;
        break;
      case NF_CC_ELLIPSIS:
        f |= NF_TOK_ELLIPSIS;
        break;
      case NF_CC_SYMBOL:
        if (cp == '`' && end < n && s[end] == '`') { /* `` opens, in old wire copy */
          end++;
          kind = NF_TOKEN_QUOTE;
          fold = "\"";
          break;
        }
        kind = NF_TOKEN_SYMBOL;
        break;
      case NF_CC_MARK:
        kind = NF_TOKEN_SYMBOL;
        break;
      default: /* TERM, OPEN, CLOSE, PUNCT */
        break;
    }
    nf_status st = push(t, i, end, kind, f, fold);
    if (st != NF_OK) return st;
    i = end;
  }
  return NF_OK;
}
