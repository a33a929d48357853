/* Case and accent folding with utf8proc: case fold, compatibility
 * decomposition, marks stripped, ignorables dropped, punctuation lumped.
 * utf8proc_decompose_char writes into a caller buffer, so folding allocates
 * nothing (utf8proc_map would allocate per call). */
#include "fold.h"

#include <string.h>
#include <utf8proc.h>

#include "newsfields/text.h"
#include "utf8.h"

#define FOLD_OPTIONS                                                               \
  (UTF8PROC_CASEFOLD | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | \
   UTF8PROC_IGNORE | UTF8PROC_LUMP)

/* What utf8proc leaves alone: letters with no decomposition whose base letter
 * a reader would type, and quotation marks (LUMP turns ‹ › into < >). */
static const char *special(int32_t cp) {
  switch (cp) {
    case 0x0141:
    case 0x0142:
      return "l"; /* Ł ł */
    case 0x00D8:
    case 0x00F8:
      return "o"; /* Ø ø */
    case 0x0110:
    case 0x0111:
      return "d"; /* Đ đ */
    case 0x00D0:
    case 0x00F0:
      return "d"; /* Ð ð */
    case 0x0126:
    case 0x0127:
      return "h"; /* Ħ ħ */
    case 0x0166:
    case 0x0167:
      return "t"; /* Ŧ ŧ */
    case 0x0131:
      return "i"; /* ı */
    case 0x00C6:
    case 0x00E6:
      return "ae"; /* Æ æ */
    case 0x0152:
    case 0x0153:
      return "oe"; /* Œ œ */
    case 0x00DE:
    case 0x00FE:
      return "th"; /* Þ þ */
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
      return "\"";
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2039:
    case 0x203A:
    case 0x02BC:
      return "'";
    default:
      return NULL;
  }
}

static size_t put_cp(int32_t cp, char *dst) {
  if (cp < 0x80) {
    dst[0] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
    return 1;
  }
  const char *s = special(cp);
  if (s) {
    size_t k = strlen(s);
    memcpy(dst, s, k);
    return k;
  }
  utf8proc_ssize_t k = utf8proc_encode_char(cp, (utf8proc_uint8_t *)dst);
  return k > 0 ? (size_t)k : 0;
}

size_t nf_fold_cp(int32_t cp, char *dst) {
  if (cp < 0x80) return put_cp(cp, dst);
  if (special(cp)) return put_cp(cp, dst);
  /* Hangul syllables would decompose into jamo: keep them whole. */
  if (cp >= 0xAC00 && cp <= 0xD7A3) return put_cp(cp, dst);
  utf8proc_int32_t buf[32];
  int boundclass = 0;
  utf8proc_ssize_t k = utf8proc_decompose_char(cp, buf, 32, FOLD_OPTIONS, &boundclass);
  if (k < 0 || k > 32) return put_cp(cp, dst); /* cannot happen with Unicode 15 */
  size_t out = 0;
  for (utf8proc_ssize_t i = 0; i < k; i++) out += put_cp(buf[i], dst + out);
  return out;
}

nf_status nf_fold_into(nf_buf *b, const unsigned char *p, size_t n) {
  nf_status st = nf_buf_reserve(b, n + 1);
  if (st != NF_OK) return st;
  char *d = b->data + b->len;
  size_t room = b->cap - b->len - 1; /* nf_buf keeps a byte for its own NUL */
  size_t i = 0;
  while (i < n) {
    unsigned c = p[i];
    if (c < 0x80) {
      /* room >= n + 1 - (bytes written so far past i), see the reserve below */
      *d++ = (char)(c - 'A' < 26u ? c + 32 : c);
      i++;
      continue;
    }
    int32_t cp;
    size_t len = nf_utf8_decode(p + i, &cp);
    size_t used = (size_t)(d - (b->data + b->len));
    room = b->cap - b->len - 1 - used;
    /* Keep room for this code point's folding plus one byte per byte left. */
    if (room < NF_FOLD_CP_MAX + (n - i) + 1) {
      b->len += used;
      st = nf_buf_reserve(b, NF_FOLD_CP_MAX + (n - i) + 1);
      b->len -= used;
      if (st != NF_OK) return st;
      d = b->data + b->len + used;
    }
    d += nf_fold_cp(cp, d);
    i += len;
  }
  *d++ = '\0';
  b->len = (size_t)(d - b->data);
  return NF_OK;
}

nf_status nf_fold(const char *p, size_t n, char *out, size_t cap, size_t *out_len) {
  if (out_len) *out_len = 0;
  if ((!p && n) || (!out && cap)) return NF_ERR_INVALID;
  const unsigned char *s = (const unsigned char *)p;
  size_t len = 0, i = 0;
  int fits = 1;
  char tmp[NF_FOLD_CP_MAX];
  while (i < n) {
    unsigned c = s[i];
    if (c < 0x80) {
      if (fits && len + 1 < cap)
        out[len] = (char)(c - 'A' < 26u ? c + 32 : c);
      else
        fits = 0;
      len++;
      i++;
      continue;
    }
    size_t bad = 1, adv = nf_utf8_check(s + i, n - i, &bad);
    int32_t cp = 0xFFFD;
    if (adv)
      nf_utf8_decode(s + i, &cp);
    else
      adv = bad;
    size_t k = nf_fold_cp(cp, tmp);
    if (fits && len + k < cap)
      memcpy(out + len, tmp, k);
    else
      fits = 0;
    len += k;
    i += adv;
  }
  if (out_len) *out_len = len;
  if (!fits || len >= cap) return NF_ERR_INVALID;
  out[len] = '\0';
  return NF_OK;
}
