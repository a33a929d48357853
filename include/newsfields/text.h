/* newsfields — the text layer: UTF-8, folding, tokens, sentences, quotations.
 *
 * The text layer of plugin/README.md.  Knows nothing of news or of Xapian.  An nf_text
 * analyses one article at a time and keeps its arrays from one article to
 * the next, so that a long run allocates only while the arrays still grow.
 * There is no global state: use one nf_text per thread.
 *
 * All offsets are byte offsets into the analysed text (nf_text_bytes), as
 * half-open spans [start, end).  Texts are limited to UINT32_MAX - 1 bytes.
 *
 * Decisions the analyzers rely on (the tests in tests/unit/test_text*.c hold
 * them to it):
 *
 * - Possessives: "Lithuania's" is two tokens, "Lithuania" and "'s" (kind
 *   WORD, flag NF_TOK_POSSESSIVE, folded "'s"), so a gazetteer sees the bare
 *   name.  Only a final 's / ’s / ʼs after a word splits; other internal
 *   apostrophes stay inside the word ("don't", "O'Brien", "d'Ivoire").  A
 *   plural possessive ("ministers' talks") is an NF_TOKEN_APOSTROPHE token,
 *   also flagged NF_TOK_POSSESSIVE.  A leading apostrophe before digits or
 *   in a few elisions is part of the word ("'90s", "'em", "'cause").  A ‘
 *   typed where ’ belongs ("Trump‘s") is taken as the apostrophe.
 * - Hyphens: a single hyphen between two word characters with no space is an
 *   NF_TOKEN_HYPHEN token, and the parts are separate tokens: "Guinea-Bissau"
 *   is Guinea, -, Bissau.  Multi-token gazetteer entries are tokenized the
 *   same way, so "Guinea-Bissau" matches as three tokens (and longest match
 *   keeps "Guinea" from firing inside it), while "pro-Russian" still shows
 *   "Russian".  NF_TOK_SPACE_BEFORE tells a glued part from a free word.
 *   Digits joined by - / : , . are one NUMBER token ("2021-12-20", "1,750",
 *   "2.27", "10:30"); any other dash, and "--", is an NF_TOKEN_DASH.
 * - Periods: a word token includes its final period (flag NF_TOK_ABBREV)
 *   when it is a dotted abbreviation ("U.S.", "a.m.", "Ph.D.": two or more
 *   groups of one or two letters, each followed by a period), a single
 *   capital initial ("J.", also glued: "K.Jonaitis" is "K." + "Jonaitis"), or
 *   on the built-in abbreviation list ("Dec.", "Gen.", "Lt.", "Mr.", "Inc.",
 *   "St.", "Calif."; "No." only before a number).  Any other period is an
 *   NF_TOKEN_PUNCT token.
 * - Sentences: see nf_sentence.  Quotations: see nf_quote.
 * - Paragraphs: a blank line, a line that begins with a space or tab (old
 *   wire copy indents paragraphs), a form feed or U+2029 starts one. */
#ifndef NEWSFIELDS_TEXT_H
#define NEWSFIELDS_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "newsfields/export.h"
#include "newsfields/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- UTF-8 ------------------------------------------------------------- */

/* NF_OK when p[0..n) is well-formed UTF-8 (no overlong forms, no surrogates,
 * nothing above U+10FFFF); otherwise NF_ERR_PARSE, with the offset of the
 * first bad byte in *bad_offset (which may be NULL). */
NF_API nf_status nf_utf8_validate(const char *p, size_t n, size_t *bad_offset);

/* A copy of p[0..n) where each ill-formed sequence is replaced by U+FFFD,
 * one per maximal subpart as Unicode recommends (and as Python's and the
 * WHATWG decoders do): a truncated sequence is one replacement, a byte that
 * cannot start or continue a sequence (0xC0, 0xFF, a lone continuation byte,
 * the second byte of an encoded surrogate) is one each.  *out is malloc'd and
 * NUL-terminated, the caller frees it with free(); *out_len excludes the NUL;
 * replacements may be NULL.  On failure *out is NULL. */
NF_API nf_status nf_utf8_sanitize(const char *p, size_t n, char **out, size_t *out_len,
                                  size_t *replacements);

/* ---- folding ----------------------------------------------------------- */

/* The folded form of p[0..n): case folded ("ß" → "ss"), compatibility
 * decomposed with the marks removed ("Anušauskas" → "anusauskas", "ﬁ" →
 * "fi"), default-ignorable characters dropped (soft hyphen), letters without
 * a decomposition mapped to their base (ł→l, ø→o, đ→d, ı→i, æ→ae, œ→oe,
 * þ→th), and punctuation lumped to ASCII: apostrophes and single quotes to
 * ', double quotes and guillemets to ", dashes and hyphens to -.  Ill-formed
 * UTF-8 folds to U+FFFD.  Allocates nothing.
 *
 * Writes the result and a NUL to out when it fits in cap bytes and returns
 * NF_OK; otherwise returns NF_ERR_INVALID and writes nothing useful.  Either
 * way *out_len (which may be NULL) receives the folded length without the
 * NUL, so a caller can retry with cap = *out_len + 1 (out may be NULL when
 * cap is 0, to ask for the length alone). */
NF_API nf_status nf_fold(const char *p, size_t n, char *out, size_t cap, size_t *out_len);

/* ---- tokens ------------------------------------------------------------ */

typedef struct nf_span {
  uint32_t start, end; /* bytes [start, end) */
} nf_span;

typedef enum nf_token_kind {
  NF_TOKEN_WORD = 1,   /* letters and digits (see the decisions above) */
  NF_TOKEN_NUMBER,     /* digits, with internal , . : / - between digits */
  NF_TOKEN_PUNCT,      /* . , ; : ! ? ( ) … "..." and other punctuation */
  NF_TOKEN_QUOTE,      /* a quotation mark (see NF_TOK_OPEN / NF_TOK_CLOSE) */
  NF_TOKEN_APOSTROPHE, /* a free-standing apostrophe that is not a quote mark */
  NF_TOKEN_HYPHEN,     /* a hyphen joining two word parts: Guinea-Bissau */
  NF_TOKEN_DASH,       /* - – — ― −, "--", a spaced hyphen */
  NF_TOKEN_SYMBOL      /* $ % & + © U+FFFD, other symbols */
} nf_token_kind;

/* Token flags. */
enum {
  NF_TOK_HAS_LETTER = 1u << 0,
  NF_TOK_HAS_DIGIT = 1u << 1,
  NF_TOK_CAPITALIZED = 1u << 2,   /* first character is an upper or title case letter */
  NF_TOK_LOWER = 1u << 3,         /* first character is a lower case letter */
  NF_TOK_ALL_CAPS = 1u << 4,      /* has a cased letter and no lower case letter: US, U.S., M72 */
  NF_TOK_TITLE_CASE = 1u << 5,    /* capitalized, two letters or more, the rest lower case */
  NF_TOK_ABBREV = 1u << 6,        /* the word includes its final period: U.S., Dec., J. */
  NF_TOK_INITIAL = 1u << 7,       /* one capital letter and a period: J. */
  NF_TOK_TITLE_ABBREV = 1u << 8,  /* an abbreviation that precedes a name or number and
                                    never ends a sentence: Mr., Gen., Lt., Dr., No. */
  NF_TOK_POSSESSIVE = 1u << 9,    /* "'s" split from a word, or a plural possessive ' */
  NF_TOK_SPACE_BEFORE = 1u << 10, /* whitespace (or the start of the text) precedes it */
  NF_TOK_LINE_START = 1u << 11,   /* first token of the text or after a line break */
  NF_TOK_PARA_START = 1u << 12,   /* first token of a paragraph */
  NF_TOK_SENT_START = 1u << 13,   /* first token of a sentence */
  NF_TOK_OPEN = 1u << 14,         /* a quote mark that opens a quotation */
  NF_TOK_CLOSE = 1u << 15,        /* a quote mark that closes a quotation */
  NF_TOK_IN_QUOTE = 1u << 16,     /* inside the content of a quotation */
  NF_TOK_ELLIPSIS = 1u << 17,     /* "..." or "…" */
  NF_TOK_CJK = 1u << 18           /* one Han or kana character, a token by itself */
};

/* One token.  The folded form is NUL-terminated at nf_text_folds(t) + fold,
 * fold_len bytes long; every token has one (punctuation folds as above). */
typedef struct nf_token {
  uint32_t start, end;
  uint32_t fold, fold_len;
  uint32_t flags;
  uint8_t kind; /* nf_token_kind */
  uint8_t reserved[3];
  uint32_t hash; /* FNV-1a of the folded form, so that gazetteers hash it once */
} nf_token;

/* A static name for a kind: "word", "number", ... ("?" when unknown). */
NF_API const char *nf_token_kind_name(int kind);

/* ---- sentences, paragraphs, quotations ---------------------------------- */

/* A sentence: from its first token to its last, never across a paragraph.
 *
 * The rule: a sentence ends
 * - at the end of a paragraph;
 * - after . ! ? 。 (with any closing quote marks and brackets that follow,
 *   so `."` ends after the quote), unless the next token starts with a lower
 *   case letter or is , ; : or a closing bracket, or is glued to the mark and
 *   not capitalized ("reuters.com"; the CJK stops need no space);
 * - after an abbreviation (U.S., Inc., J., Dec.) only when the next token is
 *   a capitalized word that usually starts a sentence and never continues a
 *   name (The, He, It, But, In, However... a closed list), or an opening
 *   quote mark before a capitalized word: "in the U.S. The minister" ends,
 *   "U.S. Secretary", "Lloyd J. Austin", "Jan. 5", "St. Louis" do not; an
 *   abbreviation followed by a closing quote is treated as . above;
 * - never after a title abbreviation (NF_TOK_TITLE_ABBREV: Mr., Lt. Col.,
 *   No.), after an ellipsis, or after a list number at the start of a line
 *   ("1."). */
typedef struct nf_sentence {
  nf_span span;
  uint32_t tok_begin, tok_end; /* tokens [tok_begin, tok_end) */
  uint32_t paragraph;          /* index into nf_text_paragraphs */
} nf_sentence;

/* A paragraph: the span from its first token to its last. */
typedef struct nf_paragraph {
  nf_span span;
  uint32_t tok_begin, tok_end;
} nf_paragraph;

/* Quotation flags. */
enum {
  NF_QUOTE_SINGLE = 1u << 0,    /* single marks (‘ ’ ' ‹ ›); otherwise double */
  NF_QUOTE_UNCLOSED = 1u << 1,  /* no closing mark: ended at the paragraph end,
                                   or where an enclosing quotation closed */
  NF_QUOTE_CONTINUES = 1u << 2, /* goes on in the next piece (next paragraph) */
  NF_QUOTE_CONTINUED = 1u << 3  /* continues the previous piece */
};

/* A quotation, or one piece of a quotation that runs over paragraphs.
 *
 * Wire copy quotes over several paragraphs by leaving the quote open at the
 * end of a paragraph and opening the next paragraph with a quote mark.  Each
 * paragraph's part is one nf_quote: the first has NF_QUOTE_CONTINUES, the
 * following ones NF_QUOTE_CONTINUED (and CONTINUES, except the last), and
 * all carry in `first` the index of the first piece.  Any other quotation
 * still open at a paragraph end is closed there (NF_QUOTE_UNCLOSED), so an
 * unbalanced mark never swallows the rest of the article.
 *
 * Straight marks open or close by their neighbours (space before and a
 * letter after opens), then by what is open; a “ or ‘ placed as a closer
 * closes an open quotation (some sites type them for ” and ’), and „…“ and
 * «…» are understood.  A single ’ or ' that can close is a closing mark only
 * when a single quotation is open innermost, and not when it follows a word
 * in s, precedes a lower case content word and a later mark in the
 * paragraph could close instead ("‘The ministers’ talks ended,’"); otherwise
 * it is an NF_TOKEN_APOSTROPHE.  Apostrophes inside words (including ‘
 * typed for ’) are never tokens of their own.
 *
 * Quotations are listed in the order of their opening marks.  The opening
 * mark is token tok_begin - 1; when closed, the closing mark is token
 * tok_end. */
typedef struct nf_quote {
  nf_span content;             /* between the marks */
  nf_span outer;               /* with the marks */
  uint32_t tok_begin, tok_end; /* the content's tokens */
  uint32_t first;              /* index of the first piece (itself if not continued) */
  uint16_t depth;              /* 0 outermost, 1 inside another quotation, ... */
  uint16_t flags;              /* NF_QUOTE_* */
} nf_quote;

/* ---- the analysed text ---------------------------------------------------- */

typedef struct nf_text nf_text;

NF_API nf_status nf_text_new(nf_text **out);
/* NULL is a no-op. */
NF_API void nf_text_free(nf_text *t);

/* Analyse p[0..n): validate, tokenize, fold, find paragraphs, quotations and
 * sentences.  Replaces the previous analysis.
 *
 * The one exception to "text is never kept": when p is valid UTF-8 the
 * nf_text refers to it without copying, so the caller must keep p alive and
 * unchanged until the next nf_text_analyze or nf_text_free.  When p is not
 * valid UTF-8, the nf_text analyses a sanitized copy (nf_utf8_sanitize) that
 * it owns; read token text through nf_text_bytes in both cases.
 *
 * On failure the nf_text holds an empty analysis. */
NF_API nf_status nf_text_analyze(nf_text *t, const char *p, size_t n, nf_error *err);

/* The text the offsets refer to (the caller's, or the sanitized copy). */
NF_API const char *nf_text_bytes(const nf_text *t, size_t *n);
/* How many U+FFFD replacements sanitizing made (0 for valid text). */
NF_API size_t nf_text_replacements(const nf_text *t);

NF_API const nf_token *nf_text_tokens(const nf_text *t, size_t *count);
/* Base of the folded forms: token k's is nf_text_folds(t) + tokens[k].fold. */
NF_API const char *nf_text_folds(const nf_text *t);
/* The folded form of token i (NUL-terminated), or NULL when i is out of range. */
NF_API const char *nf_text_folded(const nf_text *t, size_t i, size_t *len);

NF_API const nf_sentence *nf_text_sentences(const nf_text *t, size_t *count);
NF_API const nf_paragraph *nf_text_paragraphs(const nf_text *t, size_t *count);
NF_API const nf_quote *nf_text_quotes(const nf_text *t, size_t *count);

/* The index of the sentence that holds token i (binary search), or
 * (size_t)-1 when i is out of range. */
NF_API size_t nf_text_sentence_of(const nf_text *t, size_t i);

#ifdef __cplusplus
}
#endif
#endif
