/* Quotation marks: which open, which close, which are apostrophes; nested
 * quotations and the wire convention for quotes over several paragraphs.
 * The rules are documented with nf_quote in include/newsfields/text.h. */
#include "abbrev.h"
#include "chars.h"
#include "text_internal.h"

#define NONE UINT32_MAX

enum role { ROLE_OPEN, ROLE_CLOSE, ROLE_EITHER, ROLE_APOS };

static int mark_role(int32_t cp, int *single) {
  *single = 0;
  switch (cp) {
    case 0x60:
      return ROLE_OPEN; /* `` */
    case '"':
      return ROLE_EITHER;
    case 0x201C:
    case 0x201E:
    case 0x201F:
    case 0xAB:
      return ROLE_OPEN; /* “ „ ‟ « */
    case 0x201D:
    case 0xBB:
      return ROLE_CLOSE; /* ” » */
    case '\'':
    case 0x2019:
      *single = 1;
      return ROLE_APOS; /* ' ’ */
    case 0x2018:
    case 0x201A:
    case 0x201B:
    case 0x2039: /* ‘ ‚ ‛ ‹ */
      *single = 1;
      return ROLE_OPEN;
    case 0x203A:
      *single = 1;
      return ROLE_CLOSE; /* › */
    default:
      return -1;
  }
}

typedef struct ctx {
  nf_text *t;
  size_t depth;           /* open quotations on the stack */
  size_t open_single;     /* how many of them are single */
  uint32_t pending_first; /* a quotation continued from the previous paragraph */
} ctx;

typedef struct flank {
  int can_open, can_close, space_after;
} flank;

/* Left- and right-flanking, as CommonMark decides for emphasis: a mark with
 * a space (or an opening bracket, dash, other mark) before it and a letter
 * after it can open; the reverse can close. */
static flank flanking(const nf_text *t, const nf_token *k) {
  int32_t cp;
  size_t len;
  int l = nf_class_before(t->s, k->start, &cp);
  int r = nf_class_at(t->s, t->n, k->end, &cp, &len);
  int lfree = l == NF_CC_END || nf_cc_is_space(l);
  int rfree = r == NF_CC_END || nf_cc_is_space(r);
  int lopen = l == NF_CC_OPEN || l == NF_CC_QUOTE || l == NF_CC_APOS || l == NF_CC_DASH ||
              l == NF_CC_HYPHEN || l == NF_CC_PUNCT;
  int rclose = r == NF_CC_PERIOD || r == NF_CC_TERM || r == NF_CC_PUNCT || r == NF_CC_CLOSE ||
               r == NF_CC_QUOTE || r == NF_CC_APOS || r == NF_CC_DASH || r == NF_CC_HYPHEN ||
               r == NF_CC_ELLIPSIS;
  flank f;
  f.can_open = !rfree && (lfree || lopen);
  f.can_close = !lfree && (rfree || rclose);
  f.space_after = rfree;
  return f;
}

static int32_t mark_cp(const nf_text *t, const nf_token *k) {
  int32_t cp;
  nf_utf8_decode(t->s + k->start, &cp);
  return cp;
}

/* The role of mark token k.  A doubled single mark ('' ’’ ‘‘ ``) stands for
 * a double one: '' like ", ’’ like ”, ‘‘ and `` like “. */
static int token_role(const nf_text *t, const nf_token *k, int32_t *cp, int *single) {
  *cp = mark_cp(t, k);
  int role = mark_role(*cp, single);
  size_t len = *cp < 0x80 ? 1 : 3; /* the marks that come doubled: ' ` ’ ‘ */
  if ((*cp == '\'' || *cp == '`' || *cp == 0x2019 || *cp == 0x2018) &&
      k->end - k->start == 2 * len) {
    *single = 0;
    if (*cp == '\'') return ROLE_EITHER;
    if (*cp == 0x2019) return ROLE_CLOSE;
    return ROLE_OPEN;
  }
  return role;
}

static nf_status open_quote(ctx *c, size_t k, int single, int32_t cp) {
  nf_text *t = c->t;
  nf_status st = NF_GROW(t->quote, t->quote_cap, t->nquote + 1);
  if (st == NF_OK) st = NF_GROW(t->stack, t->stack_cap, c->depth + 1);
  if (st != NF_OK) return st;
  nf_quote *q = &t->quote[t->nquote];
  q->outer.start = t->tok[k].start;
  q->content.start = q->content.end = q->outer.end = t->tok[k].end;
  q->tok_begin = q->tok_end = (uint32_t)k + 1;
  q->first = (uint32_t)t->nquote;
  q->depth = (uint16_t)(c->depth > UINT16_MAX ? UINT16_MAX : c->depth);
  q->flags = single ? NF_QUOTE_SINGLE : 0;
  if (c->pending_first != NONE) {
    q->first = c->pending_first;
    q->flags |= NF_QUOTE_CONTINUED;
    c->pending_first = NONE;
  }
  t->tok[k].flags |= NF_TOK_OPEN;
  t->stack[c->depth].quote = (uint32_t)t->nquote;
  t->stack[c->depth].opener = cp;
  c->depth++;
  if (single) c->open_single++;
  t->nquote++;
  return NF_OK;
}

/* End quotation q before token k, without a closing mark. */
static void end_before(nf_text *t, nf_quote *q, size_t k, uint16_t flags) {
  q->tok_end = (uint32_t)k;
  q->content.end = q->outer.end = k > q->tok_begin ? t->tok[k - 1].end : q->content.start;
  q->flags |= flags;
}

static nf_quote *pop(ctx *c) {
  nf_quote *q = &c->t->quote[c->t->stack[--c->depth].quote];
  if (q->flags & NF_QUOTE_SINGLE) c->open_single--;
  return q;
}

/* Close the innermost open quotation of the family with mark k, ending any
 * opened inside it.  Returns 0 when none of that family is open.  (The
 * counts keep this linear: the stack is searched only when it will pop.) */
static int close_family(ctx *c, size_t k, int single) {
  nf_text *t = c->t;
  if ((single ? c->open_single : c->depth - c->open_single) == 0) return 0;
  size_t d = c->depth;
  while (!(t->quote[t->stack[d - 1].quote].flags & NF_QUOTE_SINGLE) != !single) d--;
  while (c->depth > d) end_before(t, pop(c), k, NF_QUOTE_UNCLOSED);
  nf_quote *q = pop(c);
  q->tok_end = (uint32_t)k;
  q->content.end = t->tok[k].start;
  q->outer.end = t->tok[k].end;
  t->tok[k].flags |= NF_TOK_CLOSE;
  return 1;
}

static int top_is_single(const ctx *c) {
  return c->depth && (c->t->quote[c->t->stack[c->depth - 1].quote].flags & NF_QUOTE_SINGLE);
}

static int glued_after_s(const nf_text *t, size_t k) {
  if (k == 0) return 0;
  const nf_token *p = &t->tok[k - 1];
  if (p->kind != NF_TOKEN_WORD || p->end != t->tok[k].start) return 0;
  unsigned char last = t->s[p->end - 1];
  return last == 's' || last == 'S';
}

/* A lower case word that is not a function word: what follows a plural
 * possessive ("ministers’ talks"), unlike what follows a closing mark
 * ("‘Boasters’ and"). */
static int lower_content_word(const nf_text *t, const nf_token *k) {
  return k->kind == NF_TOKEN_WORD && (k->flags & NF_TOK_LOWER) &&
         !nf_is_sentence_starter(t->folds.data + k->fold, k->fold_len);
}

/* Whether the next single mark after token k in the paragraph could close
 * a quotation (and is not an opening mark).  Stops at the first single mark,
 * so scanning stays linear. */
static int closer_follows(const nf_text *t, size_t k, size_t e) {
  for (size_t j = k + 1; j < e; j++) {
    if (t->tok[j].kind != NF_TOKEN_QUOTE) continue;
    int32_t cp;
    int single, role = token_role(t, &t->tok[j], &cp, &single);
    if (!single) continue;
    if (role != ROLE_APOS) return 0;
    flank f = flanking(t, &t->tok[j]);
    return f.can_close && !(cp == '\'' && f.can_open);
  }
  return 0;
}

static void make_apostrophe(nf_text *t, size_t k) {
  t->tok[k].kind = NF_TOKEN_APOSTROPHE;
  if (glued_after_s(t, k)) t->tok[k].flags |= NF_TOK_POSSESSIVE;
}

/* Whether the paragraph starting with token k opens with a mark that can
 * continue a quotation of the family `single`. */
static int continues(const nf_text *t, size_t k, int single) {
  if (k >= t->ntok || t->tok[k].kind != NF_TOKEN_QUOTE) return 0;
  int32_t cp;
  int s, role = token_role(t, &t->tok[k], &cp, &s);
  if (role < 0 || s != single) return 0;
  return role == ROLE_OPEN || role == ROLE_EITHER || (role == ROLE_APOS && cp == '\'');
}

static nf_status paragraph(ctx *c, const nf_paragraph *g, int last_para) {
  nf_text *t = c->t;
  size_t b = g->tok_begin, e = g->tok_end;
  for (size_t k = b; k < e; k++) {
    nf_token *tk = &t->tok[k];
    if (tk->kind != NF_TOKEN_QUOTE) continue;
    int32_t cp;
    int single, role = token_role(t, tk, &cp, &single);
    nf_status st = NF_OK;
    if (k == b && c->pending_first != NONE) {
      st = open_quote(c, k, single, cp);
      if (st != NF_OK) return st;
      continue;
    }
    flank f = flanking(t, tk);
    int may_open = k + 1 < e; /* a mark that ends the paragraph opens nothing */
    switch (role) {
      case ROLE_OPEN:
        /* German „…“: a “ closes an open „.  A “ or ‘ placed as a closer
         * (glued after a word, or alone between spaces) closes an open
         * quotation: some sites type them for ” and ’. */
        if (cp == 0x201C && c->depth && !top_is_single(c) &&
            t->stack[c->depth - 1].opener == 0x201E)
          close_family(c, k, 0);
        else if ((cp == 0x201C || cp == 0x2018) && !f.can_open && (single ? top_is_single(c) : 1) &&
                 close_family(c, k, single))
          ;
        else if (may_open)
          st = open_quote(c, k, single, cp);
        break;
      case ROLE_CLOSE:
        if (!close_family(c, k, single) && f.can_open && !f.can_close)
          st = open_quote(c, k, single, cp);
        break;
      case ROLE_EITHER:
        if (f.can_open && !f.can_close)
          st = open_quote(c, k, 0, cp);
        else if (close_family(c, k, 0))
          ;
        else if (!f.space_after && may_open)
          st = open_quote(c, k, 0, cp);
        break;
      case ROLE_APOS:
        if (f.can_close && top_is_single(c)) {
          int possessive = glued_after_s(t, k) && k + 1 < e &&
                           lower_content_word(t, &t->tok[k + 1]) && closer_follows(t, k, e);
          if (possessive)
            make_apostrophe(t, k);
          else
            close_family(c, k, 1);
        } else if (cp == '\'' && f.can_open && !f.can_close) {
          st = open_quote(c, k, 1, cp);
        } else {
          make_apostrophe(t, k);
        }
        break;
      default:
        break;
    }
    if (st != NF_OK) return st;
  }
  c->pending_first = NONE;
  if (c->depth == 0) return NF_OK;
  /* Still open at the paragraph end: the outermost one continues when the
   * next paragraph opens with a mark of its family; the rest end here. */
  nf_quote *bottom = &t->quote[t->stack[0].quote];
  int single = (bottom->flags & NF_QUOTE_SINGLE) != 0;
  while (c->depth > 1) end_before(t, pop(c), e, NF_QUOTE_UNCLOSED);
  pop(c);
  if (!last_para && continues(t, e, single)) {
    end_before(t, bottom, e, NF_QUOTE_CONTINUES);
    c->pending_first = bottom->first;
  } else {
    end_before(t, bottom, e, NF_QUOTE_UNCLOSED);
  }
  return NF_OK;
}

nf_status nf_find_quotes(nf_text *t) {
  ctx c = {t, 0, 0, NONE};
  for (size_t p = 0; p < t->npara; p++) {
    nf_status st = paragraph(&c, &t->para[p], p + 1 == t->npara);
    if (st != NF_OK) return st;
  }
  /* Nested quotations lie inside outermost ones, which do not overlap. */
  for (size_t q = 0; q < t->nquote; q++)
    if (t->quote[q].depth == 0)
      for (size_t k = t->quote[q].tok_begin; k < t->quote[q].tok_end; k++)
        t->tok[k].flags |= NF_TOK_IN_QUOTE;
  return NF_OK;
}
