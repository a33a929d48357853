/* Recasing names and places written in capitals. */
#include "recase.h"

#include <string.h>
#include <utf8proc.h>

static const char *const name_particles[] = {"da",  "de", "del", "della", "der", "di",  "do",
                                             "dos", "du", "van", "von",   "bin", "ibn", NULL};
static const char *const place_particles[] = {"de",  "del", "da",   "do",  "dos", "das", "du", "of",
                                              "the", "on",  "upon", "sur", "en",  "am",  "im", "an",
                                              "der", "den", "y",    "au",  "aux", NULL};
static const char *const numerals[] = {"II", "III", "IV", "VI", "VII", "VIII", "IX", NULL};

static int in_list_ci(const char *p, size_t n, const char *const *list) {
  for (; *list; list++) {
    if (strlen(*list) != n) continue;
    size_t i = 0;
    while (i < n && (p[i] | 0x20) == (*list)[i]) i++;
    if (i == n) return 1;
  }
  return 0;
}

static int in_list(const char *p, size_t n, const char *const *list) {
  for (; *list; list++)
    if (strlen(*list) == n && memcmp(*list, p, n) == 0) return 1;
  return 0;
}

/* Counts the upper and lower case letters of a word. */
static void count_case(const char *p, size_t n, size_t *upper, size_t *lower) {
  *upper = *lower = 0;
  for (size_t i = 0; i < n;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k =
        utf8proc_iterate((const utf8proc_uint8_t *)p + i, (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0) {
      i++;
      continue;
    }
    utf8proc_category_t c = utf8proc_category(cp);
    if (c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT) ++*upper;
    if (c == UTF8PROC_CATEGORY_LL) ++*lower;
    i += (size_t)k;
  }
}

/* Writes word p[0..n) recased into out at *len; 0 when it does not fit. */
static int recase_word(const char *p, size_t n, int particle, char *out, size_t cap, size_t *len) {
  size_t seg_letters = 0; /* letters since the start of the word or the last - . ' */
  int mc = n >= 4 && (p[0] | 0x20) == 'm' && (p[1] | 0x20) == 'c';
  size_t letters = 0;
  for (size_t i = 0; i < n;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k =
        utf8proc_iterate((const utf8proc_uint8_t *)p + i, (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0) return 0;
    int upper = 0;
    if (cp == '-' || cp == '.') {
      seg_letters = 0;
    } else if (cp == '\'' || cp == 0x2019) {
      /* O'NEILL, D'AFFLISIO: one letter, then the apostrophe */
      if (seg_letters == 1) seg_letters = 0;
    } else {
      upper = !particle && (seg_letters == 0 || (mc && letters == 2));
      cp = upper ? utf8proc_toupper(cp) : utf8proc_tolower(cp);
      seg_letters++;
      letters++;
    }
    if (*len + 4 >= cap) return 0;
    *len += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out + *len);
    i += (size_t)k;
  }
  return 1;
}

size_t nf_recase(const char *p, size_t n, unsigned flags, char *out, size_t cap) {
  const char *const *particles = (flags & NF_RECASE_PLACE) ? place_particles : name_particles;
  size_t len = 0, words = 0;
  if (cap == 0) return 0;
  for (size_t i = 0; i < n;) {
    if (p[i] == ' ') {
      if (len + 1 >= cap) return 0;
      out[len++] = ' ';
      i++;
      continue;
    }
    size_t j = i;
    while (j < n && p[j] != ' ') j++;
    size_t upper, lower;
    count_case(p + i, j - i, &upper, &lower);
    int shout = upper >= 2 && upper > lower;
    int quiet = (flags & NF_RECASE_LOWER) && upper == 0 && lower > 0;
    int middle = words > 0 && j < n;
    if ((shout || quiet) && !in_list(p + i, j - i, numerals)) {
      int particle = middle && in_list_ci(p + i, j - i, particles);
      if (!recase_word(p + i, j - i, particle, out, cap, &len)) return 0;
    } else {
      if (len + (j - i) + 1 >= cap) return 0;
      memcpy(out + len, p + i, j - i);
      len += j - i;
    }
    words++;
    i = j;
  }
  out[len] = '\0';
  return len;
}
