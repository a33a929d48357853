/* Result windows: hits, their data and values, snippets, facet counts. */
#include <cstring>
#include <new>
#include <stdexcept>
#include <string>

#include "errors.h"
#include "handles.h"

using nfx::guarded;

namespace {

size_t hit_count(const nf_xmset *m) { return m->folded ? m->picks.size() : m->mset.size(); }

bool in_range(const nf_xmset *m, size_t i) { return m && i < hit_count(m); }

/* Hit i (in range) in Xapian's MSet. */
Xapian::MSetIterator hit(const nf_xmset *m, size_t i) {
  return m->mset[m->folded ? m->picks[i] : static_cast<Xapian::doccount>(i)];
}

/* A marker absent from text: the next unused private-use character, from cp. */
std::string free_marker(const std::string &text, unsigned &cp) {
  for (; cp <= 0xF8FF; cp++) {
    const char utf8[] = {static_cast<char>(0xE0 | (cp >> 12)),
                         static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                         static_cast<char>(0x80 | (cp & 0x3F)), '\0'};
    if (text.find(utf8) == std::string::npos) {
      cp++;
      return utf8;
    }
  }
  throw std::runtime_error("no free marker character for the snippet");
}

/* Undo MSet::snippet's HTML escaping and swap the private markers for the
 * caller's.  Every '&' in Xapian's output starts an entity it wrote. */
std::string unescape(const std::string &s, const std::string &start, const std::string &end,
                     const char *hi_start, const char *hi_end) {
  static const struct {
    const char *entity, *text;
  } entities[] = {{"&amp;", "&"},   {"&lt;", "<"},  {"&gt;", ">"},
                  {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"}};
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s.compare(i, start.size(), start) == 0) {
      out += hi_start;
      i += start.size();
      continue;
    }
    if (s.compare(i, end.size(), end) == 0) {
      out += hi_end;
      i += end.size();
      continue;
    }
    if (s[i] == '&') {
      bool done = false;
      for (const auto &e : entities) {
        size_t len = std::strlen(e.entity);
        if (s.compare(i, len, e.entity) == 0) {
          out += e.text;
          i += len;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out += s[i++];
  }
  return out;
}

}  // namespace

extern "C" {

void nf_xmset_free(nf_xmset *m) { delete m; }

size_t nf_xmset_size(const nf_xmset *m) { return m ? hit_count(m) : 0; }

unsigned long nf_xmset_total(const nf_xmset *m) { return m ? m->total : 0; }

unsigned long nf_xmset_groups(const nf_xmset *m) { return m ? m->groups : 0; }

unsigned long nf_xmset_collapse_count(const nf_xmset *m, size_t i) {
  if (!in_range(m, i)) return 0;
  return m->folded ? m->counts[i] : hit(m, i).get_collapse_count();
}

unsigned nf_xmset_docid(const nf_xmset *m, size_t i) { return in_range(m, i) ? *hit(m, i) : 0; }

unsigned nf_xmset_rank(const nf_xmset *m, size_t i) {
  if (!in_range(m, i)) return 0;
  return m->folded ? m->first_rank + static_cast<unsigned>(i) : hit(m, i).get_rank();
}

double nf_xmset_weight(const nf_xmset *m, size_t i) {
  return in_range(m, i) ? hit(m, i).get_weight() : 0.0;
}

int nf_xmset_percent(const nf_xmset *m, size_t i) {
  return in_range(m, i) ? hit(m, i).get_percent() : 0;
}

nf_status nf_xmset_data(const nf_xmset *m, size_t i, char **out, size_t *out_len, nf_error *err) {
  if (!out) return nf_error_set(err, NF_ERR_INVALID, "no output");
  *out = nullptr;
  if (out_len) *out_len = 0;
  if (!in_range(m, i)) return nf_error_set(err, NF_ERR_INVALID, "no result %zu", i);
  return guarded(err, [&] {
    std::string data = hit(m, i).get_document().get_data();
    *out = nfx::dup_string(data);
    if (out_len) *out_len = data.size();
    return NF_OK;
  });
}

nf_status nf_xmset_value(const nf_xmset *m, size_t i, unsigned slot, char **out, nf_error *err) {
  if (!out) return nf_error_set(err, NF_ERR_INVALID, "no output");
  *out = nullptr;
  if (!in_range(m, i)) return nf_error_set(err, NF_ERR_INVALID, "no result %zu", i);
  return guarded(err, [&] {
    *out = nfx::dup_string(hit(m, i).get_document().get_value(slot));
    return NF_OK;
  });
}

nf_status nf_xmset_collapse_key(const nf_xmset *m, size_t i, char **out, nf_error *err) {
  if (!out) return nf_error_set(err, NF_ERR_INVALID, "no output");
  *out = nullptr;
  if (!in_range(m, i)) return nf_error_set(err, NF_ERR_INVALID, "no result %zu", i);
  return guarded(err, [&] {
    *out = nfx::dup_string(m->folded ? m->keys[i] : hit(m, i).get_collapse_key());
    return NF_OK;
  });
}

/* The first words of text, up to length bytes, then "..." when there are more. */
static std::string lead(const std::string &text, size_t length) {
  if (text.size() <= length) return text;
  size_t cut = text.rfind(' ', length);
  if (cut == std::string::npos || cut == 0) {  // one long word: cut between characters
    cut = length;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) cut--;
  }
  while (cut > 0 && text[cut - 1] == ' ') cut--;
  return text.substr(0, cut) + "...";
}

nf_status nf_xmset_snippet(const nf_xmset *m, const char *text, size_t n, size_t length,
                           const char *hi_start, const char *hi_end, char **out, nf_error *err) {
  if (!out) return nf_error_set(err, NF_ERR_INVALID, "no output");
  *out = nullptr;
  if (!m || (!text && n)) return nf_error_set(err, NF_ERR_INVALID, "no results or text");
  return guarded(err, [&] {
    std::string t(text ? text : "", n);
    // No word of a query of filters is in the text: Xapian would show some
    // window the background model finds "interesting" (looking up the
    // frequency of every word to do it), where the lead says what the
    // article is.
    if (m->leads) {
      *out = nfx::dup_string(lead(t, length));
      return NF_OK;
    }
    // Xapian HTML-escapes the snippet; private markers survive that and are
    // swapped for the caller's (unescaped) ones afterwards.
    unsigned cp = 0xE000;
    std::string start = free_marker(t, cp), end = free_marker(t, cp);
    std::string s =
        m->mset.snippet(t, length, m->stem,
                        Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                        start, end, "...");
    *out = nfx::dup_string(unescape(s, start, end, hi_start ? hi_start : "", hi_end ? hi_end : ""));
    return NF_OK;
  });
}

size_t nf_xmset_facet_size(const nf_xmset *m, size_t facet) {
  return m && facet < m->facets.size() ? m->facets[facet].size() : 0;
}

const char *nf_xmset_facet_value(const nf_xmset *m, size_t facet, size_t i) {
  if (!m || facet >= m->facets.size() || i >= m->facets[facet].size()) return nullptr;
  return m->facets[facet][i].first.c_str();
}

unsigned long nf_xmset_facet_count(const nf_xmset *m, size_t facet, size_t i) {
  if (!m || facet >= m->facets.size() || i >= m->facets[facet].size()) return 0;
  return m->facets[facet][i].second;
}

}  // extern "C"
