/* Facets: match spies that count, over the whole match set, the terms under
 * some prefixes (one walk of each document's termlist for all of them) and
 * the values of a slot cut to a prefix (the by-month histogram). */
#include <algorithm>
#include <map>
#include <memory>
#include <new>
#include <queue>
#include <string>

#include "errors.h"
#include "handles.h"

using nfx::guarded;

namespace nfx {

static bool is_capital(char c) { return c >= 'A' && c <= 'Z'; }

/* Whether the spelling from byte `from` of a term has a lower-case ASCII
 * letter: it is not written all in capitals. */
static bool has_lower(const std::string &s, size_t from) {
  return std::any_of(s.begin() + static_cast<std::ptrdiff_t>(std::min(from, s.size())), s.end(),
                     [](char c) { return c >= 'a' && c <= 'z'; });
}

/* Whether term a (seen n times) labels its key better than term b (seen m
 * times); both are the key, the separator and a spelling from byte `from`. */
static bool better_spelling(const std::string &a, unsigned long n, const std::string &b,
                            unsigned long m, size_t from) {
  if (has_lower(a, from) != has_lower(b, from)) return has_lower(a, from);
  if (a.size() != b.size()) return a.size() > b.size();
  return n > m;
}

static void sort_counts(FacetCounts &out) {
  std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
}

size_t TermFacetSpy::add(const std::string &prefix, bool keyed, char sep) {
  Prefix p;
  p.prefix = prefix;
  p.keyed = keyed;
  p.sep = sep;
  // After a multi-letter prefix a value starting with a capital always has a
  // ':' before it (the ':' rule), so a capital there means a longer prefix
  // (XTITLE vs XTITLEWORD): not this facet's term.
  p.multi = prefix.size() > 1 && prefix.back() != ':';
  prefixes_.push_back(std::move(p));
  order_.push_back(prefixes_.size() - 1);
  std::stable_sort(order_.begin(), order_.end(),
                   [&](size_t a, size_t b) { return prefixes_[a].prefix < prefixes_[b].prefix; });
  return prefixes_.size() - 1;
}

void TermFacetSpy::reset() {
  for (auto &p : prefixes_) {
    p.counts.clear();
    p.repeats.clear();
  }
}

/* Counts the terms under p from t on (t is at or before them). */
void TermFacetSpy::count(Prefix &p, Xapian::TermIterator &t, const Xapian::TermIterator &end) {
  const size_t plen = p.prefix.size();
  std::string last_key;  // keyed: the key of the previous term, prefix included
  t.skip_to(p.prefix);
  for (; t != end; ++t) {
    const std::string term = *t;
    if (term.compare(0, plen, p.prefix) != 0) break;
    if (p.multi && term.size() > plen && is_capital(term[plen])) continue;
    ++p.counts[term];  // a termlist holds each term once
    if (!p.keyed) continue;
    // Spellings of one key sort together ("lloyd austin\x1fLloyd Austin",
    // "lloyd austin\x1fLloyd J. Austin III"): a second one in the same
    // document is a repeat, taken off the key's count.
    size_t cut = term.find(p.sep, plen);
    size_t klen = cut == std::string::npos ? term.size() : cut;
    if (last_key.size() == klen && term.compare(0, klen, last_key) == 0)
      ++p.repeats[last_key];
    else
      last_key.assign(term, 0, klen);
  }
}

/* One walk of a document's terms for every prefix, in byte order; open()
 * gives a new iterator at the first term. */
template <class Open>
void TermFacetSpy::walk(Open open) {
  Xapian::TermIterator t = open(), end;
  const std::string *previous = nullptr;
  for (size_t i : order_) {
    Prefix &p = prefixes_[i];
    // skip_to only goes forward: a prefix that extends the one before (N,
    // NX) may have been walked past, so its walk starts again.
    if (previous && p.prefix.compare(0, previous->size(), *previous) == 0) t = open();
    count(p, t, end);
    previous = &p.prefix;
  }
}

void TermFacetSpy::operator()(const Xapian::Document &doc, double) {
  walk([&] { return doc.termlist_begin(); });
}

void TermFacetSpy::count_termlists(const Xapian::Database &db,
                                   const std::vector<Xapian::docid> &matches) {
  for (Xapian::docid did : matches) {
    check_deadline();
    walk([&] { return db.termlist_begin(did); });
  }
}

/* The length of the key of a keyed facet term (prefix included). */
static size_t key_length(const std::string &term, size_t plen, char sep) {
  size_t cut = term.find(sep, plen);
  return cut == std::string::npos ? term.size() : cut;
}

/* The facet terms under p, from the cache or made now (and kept there). */
std::shared_ptr<const FacetTerms> TermFacetSpy::facet_terms(const Xapian::Database &db,
                                                            const Prefix &p) {
  std::string key = p.prefix;
  key += '\0';
  key += p.keyed ? p.sep : '\0';
  if (cache_) {
    if (auto cached = cache_->get(key)) return cached;
  }
  auto ft = std::make_shared<FacetTerms>();
  const size_t plen = p.prefix.size();
  std::string last_key;
  Xapian::TermIterator end = db.allterms_end(p.prefix);
  for (Xapian::TermIterator t = db.allterms_begin(p.prefix); t != end; ++t) {
    check_deadline();
    const std::string term = *t;
    if (p.multi && term.size() > plen && is_capital(term[plen])) continue;
    bool same = false;
    if (p.keyed) {  // spellings of one key are adjacent: one group
      size_t klen = key_length(term, plen, p.sep);
      same = !ft->groups.empty() && last_key.size() == klen && term.compare(0, klen, last_key) == 0;
      if (!same) last_key.assign(term, 0, klen);
    }
    if (!same) ft->groups.push_back(FacetTerms::Group{ft->terms.size(), 0, 0});
    Xapian::doccount freq = t.get_termfreq();
    ft->groups.back().n++;
    ft->groups.back().bound += freq;
    ft->terms.push_back(term);
    ft->freqs.push_back(freq);
  }
  std::stable_sort(
      ft->groups.begin(), ft->groups.end(),
      [](const FacetTerms::Group &a, const FacetTerms::Group &b) { return a.bound > b.bound; });
  if (cache_) cache_->put(key, ft);
  return ft;
}

/* What a kept entry costs beside its docids and term: the hash node, the
 * strings' and vectors' headers. */
static constexpr size_t kEntryBytes = 128;

const DocSet *ReaderCache::docs(const Xapian::Database &db, const std::string &term,
                                Xapian::doccount freq, const Deadline *d) {
  if (const DocSet *set = kept(term)) return set;
  DocSet set;
  size_t words = db.get_lastdocid() / 64 + 1;
  set.as_bits = words * sizeof(uint64_t) < size_t{freq} * sizeof(Xapian::docid);
  // the entry's own bytes count too: a million one-article terms (ids
  // looked up one by one) must not outgrow the budget either
  size_t bytes = (set.as_bits ? words * sizeof(uint64_t) : size_t{freq} * sizeof(Xapian::docid)) +
                 term.size() + kEntryBytes;
  if (docs_bytes_ + bytes > NF_FACET_DOCS_BUDGET) return nullptr;
  if (set.as_bits)
    set.bits.resize(words);
  else
    set.ids.reserve(freq);
  for (Xapian::PostingIterator p = db.postlist_begin(term), end = db.postlist_end(term); p != end;
       ++p) {
    if (d) d->check();  // throws before anything half made is kept
    Xapian::docid did = *p;
    if (set.as_bits)
      set_docid(set.bits, did);
    else
      set.ids.push_back(did);
  }
  docs_bytes_ += bytes;
  return &(docs_[term] = std::move(set));
}

/* The bits set in w (x86-64's baseline has no instruction for it). */
static unsigned ones(uint64_t w) {
  w = w - ((w >> 1) & 0x5555555555555555u);
  w = (w & 0x3333333333333333u) + ((w >> 2) & 0x3333333333333333u);
  w = (w + (w >> 4)) & 0x0f0f0f0f0f0f0f0fu;
  return static_cast<unsigned>((w * 0x0101010101010101u) >> 56);
}

/* The matches (bits) in a set. */
static unsigned long count_matches(const std::vector<uint64_t> &match, const DocSet &set) {
  unsigned long n = 0;
  if (set.as_bits) {
    for (size_t w = 0; w < match.size() && w < set.bits.size(); w++)
      n += ones(match[w] & set.bits[w]);
  } else {
    for (Xapian::docid did : set.ids) n += has_docid(match, did);
  }
  return n;
}

/* Calls fn(docid) for each match in a set, in docid order. */
template <class Fn>
static void each_match(const std::vector<uint64_t> &match, const DocSet &set, Fn fn) {
  if (!set.as_bits) {
    for (Xapian::docid did : set.ids)
      if (has_docid(match, did)) fn(did);
    return;
  }
  for (size_t w = 0; w < match.size() && w < set.bits.size(); w++) {
    for (uint64_t both = match[w] & set.bits[w]; both; both &= both - 1)
      fn(static_cast<Xapian::docid>(w * 64 + static_cast<unsigned>(__builtin_ctzll(both))));
  }
}

/* The docids of a group's terms from the cache, or none when some term is
 * not there (the budget is spent). */
std::vector<const DocSet *> TermFacetSpy::group_docs(const Xapian::Database &db,
                                                     const FacetTerms &ft,
                                                     const FacetTerms::Group &g,
                                                     ReaderCache *cache) {
  std::vector<const DocSet *> out;
  if (!cache) return out;
  for (size_t i = g.first; i < g.first + g.n; i++) {
    const DocSet *d = cache->docs(db, ft.terms[i], ft.freqs[i], deadline_);
    if (!d) return {};
    out.push_back(d);
  }
  return out;
}

void TermFacetSpy::count_postlists(const Xapian::Database &db,
                                   const std::vector<Xapian::docid> &matches,
                                   const std::vector<uint64_t> *bits) {
  const Xapian::docid last = db.get_lastdocid();
  std::vector<uint64_t> own_bits;
  if (!bits) own_bits = docid_bits(matches, last);
  const std::vector<uint64_t> &match = bits ? *bits : own_bits;
  const bool all = matches.size() == db.get_doccount();
  // keyed: the key each document was last counted for, so that a document
  // with two spellings of a key counts once (the rest go to repeats)
  std::vector<uint32_t> stamp;
  uint32_t serial = 0;
  // Postings in memory: the reader's cache, or one for this run only (a
  // writer's terms change under it).
  ReaderCache own;
  ReaderCache *cache = method_ == POSTLISTS ? nullptr
                       : cache_             ? cache_
                       : method_ == MEMORY  ? &own
                                            : nullptr;
  for (Prefix &p : prefixes_) {
    std::shared_ptr<const FacetTerms> ft = facet_terms(db, p);
    // the limit_ best counts so far, the smallest on top
    std::priority_queue<unsigned long, std::vector<unsigned long>, std::greater<unsigned long>>
        best;
    for (const FacetTerms::Group &g : ft->groups) {
      // No key of this group or after can reach the k-th count (a tie
      // still could: its value may sort first).
      if (limit_ && best.size() == limit_ && g.bound < best.top()) break;
      ++serial;
      unsigned long key_docs = 0, key_sum = 0;
      const bool by_freq = all && (!p.keyed || g.n == 1);  // each document once: the frequency
      std::vector<const DocSet *> docs;
      if (!by_freq) docs = group_docs(db, *ft, g, cache);
      if (p.keyed && g.n > 1 && stamp.empty()) stamp.resize(last + 1);
      // one match of term i: counted, and once for its key
      auto seen = [&](Xapian::docid did, unsigned long &n) {
        ++n;
        if (p.keyed && stamp[did] != serial) {
          stamp[did] = serial;
          ++key_docs;
        }
      };
      for (size_t i = g.first; i < g.first + g.n; i++) {
        const std::string &term = ft->terms[i];
        unsigned long n = 0;
        if (by_freq) {
          n = key_docs = ft->freqs[i];
        } else if (!docs.empty() && g.n == 1) {
          n = key_docs = count_matches(match, *docs[0]);
        } else if (!docs.empty()) {
          each_match(match, *docs[i - g.first], [&](Xapian::docid did) { seen(did, n); });
        } else {
          for (Xapian::PostingIterator d = db.postlist_begin(term), dend = db.postlist_end(term);
               d != dend; ++d) {
            check_deadline();
            Xapian::docid did = *d;
            if (!has_docid(match, did)) continue;
            if (g.n == 1) {
              ++n;
              key_docs = n;
            } else {
              seen(did, n);
            }
          }
        }
        if (n) p.counts[term] = n;
        key_sum += n;
      }
      if (p.keyed && key_sum > key_docs) {
        const std::string &first = ft->terms[g.first];
        p.repeats[first.substr(0, key_length(first, p.prefix.size(), p.sep))] = key_sum - key_docs;
      }
      unsigned long count = p.keyed ? key_docs : key_sum;
      if (limit_ && count) {
        best.push(count);
        if (best.size() > limit_) best.pop();
      }
    }
  }
}

/* The value of a counted term: prefix and the ':' the prefix rule added removed. */
static std::string term_value(const std::string &prefix, bool multi, const std::string &term) {
  std::string value = term.substr(prefix.size());
  if (multi && !value.empty() && value[0] == ':' &&
      needs_colon(prefix, value.data() + 1, value.size() - 1))
    value.erase(0, 1);
  return value;
}

FacetCounts TermFacetSpy::results(size_t i) const {
  FacetCounts out;
  if (i >= prefixes_.size()) return out;
  const Prefix &p = prefixes_[i];
  if (!p.keyed) {
    for (const auto &kv : p.counts)
      out.emplace_back(term_value(p.prefix, p.multi, kv.first), kv.second);
    sort_counts(out);
    if (limit_ && out.size() > limit_) out.resize(limit_);
    return out;
  }
  // Terms of one key are adjacent: sum their counts and label the key with
  // one spelling: one that is not all capitals ("New York", not the
  // dateline's "NEW YORK"), then the fullest ("Lloyd J. Austin III"), then
  // the most common, then the first in byte order.
  auto it = p.counts.begin();
  while (it != p.counts.end()) {
    size_t cut = it->first.find(p.sep, p.prefix.size());
    std::string key = it->first.substr(0, cut);
    unsigned long total = 0;
    const std::string *best = nullptr;
    unsigned long best_count = 0;
    for (; it != p.counts.end() && it->first.compare(0, key.size(), key) == 0 &&
           (it->first.size() == key.size() || it->first[key.size()] == p.sep);
         ++it) {
      total += it->second;
      if (!best || better_spelling(it->first, it->second, *best, best_count, key.size() + 1)) {
        best_count = it->second;
        best = &it->first;
      }
    }
    auto rep = p.repeats.find(key);
    if (rep != p.repeats.end()) total -= rep->second;
    out.emplace_back(term_value(p.prefix, p.multi, *best), total);
  }
  sort_counts(out);
  if (limit_ && out.size() > limit_) out.resize(limit_);
  return out;
}

const ValueIndex *ReaderCache::values(const Xapian::Database &db, Xapian::valueno slot, size_t len,
                                      const Deadline *d) {
  auto key = std::make_pair(slot, len);
  auto it = values_.find(key);
  if (it != values_.end()) return &it->second;
  size_t bytes = (size_t{db.get_lastdocid()} + 1) * sizeof(uint32_t);
  if (docs_bytes_ + bytes > NF_FACET_DOCS_BUDGET) return nullptr;
  ValueIndex index;
  index.labels.emplace_back();
  index.of.assign(db.get_lastdocid() + 1, 0);
  std::map<std::string, uint32_t> number;
  for (Xapian::ValueIterator v = db.valuestream_begin(slot), end = db.valuestream_end(slot);
       v != end; ++v) {
    if (d) d->check();  // throws before anything half made is kept
    std::string value = *v;
    if (value.empty()) continue;  // no value: not counted
    if (len && value.size() > len) value.resize(len);
    auto n = number.emplace(value, static_cast<uint32_t>(index.labels.size()));
    if (n.second) index.labels.push_back(value);
    index.of[v.get_docid()] = n.first->second;
  }
  docs_bytes_ += index.bytes();
  return &(values_[key] = std::move(index));
}

void ValueFacetSpy::count(const ValueIndex &index, const std::vector<Xapian::docid> &matches) {
  std::vector<unsigned long> n(index.labels.size());
  for (Xapian::docid did : matches)
    if (did < index.of.size()) n[index.of[did]]++;
  counts_.clear();
  for (size_t i = 1; i < n.size(); i++)
    if (n[i]) counts_.emplace_back(index.labels[i], n[i]);
  sort_counts(counts_);
  counted_ = true;
}

FacetCounts ValueFacetSpy::results() const {
  if (counted_) return counts_;
  std::map<std::string, unsigned long> cut;
  for (auto v = spy_->values_begin(); v != spy_->values_end(); ++v) {
    std::string value = *v;
    if (value.empty()) continue;  // no value: not counted
    if (len_ && value.size() > len_) value.resize(len_);
    cut[value] += v.get_termfreq();
  }
  FacetCounts out(cut.begin(), cut.end());
  sort_counts(out);
  return out;
}

}  // namespace nfx

extern "C" {

static nf_status add_term_facet(nf_xenquire *e, const char *prefix, bool keyed, char sep,
                                size_t *out_index, nf_error *err) {
  if (!e || !prefix || !*prefix || !out_index)
    return nf_error_set(err, NF_ERR_INVALID, "no enquire, prefix or output");
  return guarded(err, [&] {
    e->facets.reserve(e->facets.size() + 1);  // so push_back cannot throw below
    if (!e->terms) {                          // run() uses it
      e->terms = std::make_unique<nfx::TermFacetSpy>();
      e->terms->set_deadline(&e->deadline);
    }
    size_t i = e->terms->add(prefix, keyed, sep);
    e->facets.push_back(nfx::FacetRef{false, i});
    *out_index = e->facets.size() - 1;
    return NF_OK;
  });
}

nf_status nf_xenquire_add_term_facet(nf_xenquire *e, const char *prefix, size_t *out_index,
                                     nf_error *err) {
  return add_term_facet(e, prefix, false, 0, out_index, err);
}

nf_status nf_xenquire_add_keyed_facet(nf_xenquire *e, const char *prefix, char sep,
                                      size_t *out_index, nf_error *err) {
  return add_term_facet(e, prefix, true, sep, out_index, err);
}

nf_status nf_xenquire_add_value_facet(nf_xenquire *e, unsigned slot, size_t len, size_t *out_index,
                                      nf_error *err) {
  if (!e || !out_index) return nf_error_set(err, NF_ERR_INVALID, "no enquire or output");
  return guarded(err, [&] {
    e->facets.reserve(e->facets.size() + 1);
    e->values.reserve(e->values.size() + 1);
    e->values.push_back(std::make_unique<nfx::ValueFacetSpy>(slot, len));  // run() adds it
    e->facets.push_back(nfx::FacetRef{true, e->values.size() - 1});
    *out_index = e->facets.size() - 1;
    return NF_OK;
  });
}

}  // extern "C"
