/* Near-duplicate groups of a reader, read once from the collapse slot's
 * values, so that a search counts its groups from its matches' docids and
 * folds its hits itself, instead of Xapian reading the key of every match. */
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "handles.h"

namespace nfx {

bool hex64(const std::string &v, uint64_t *out) {
  if (v.size() != 16) return false;
  uint64_t h = 0;
  for (char c : v) {
    unsigned d;
    if (c >= '0' && c <= '9')
      d = static_cast<unsigned>(c - '0');
    else if (c >= 'a' && c <= 'f')
      d = static_cast<unsigned>(c - 'a' + 10);
    else
      return false;
    h = h << 4 | d;
  }
  *out = h;
  return true;
}

/* Appends to g the runs of two or more equal keys of (key, docid) pairs. */
template <class Key>
static void add_runs(std::vector<std::pair<Key, Xapian::docid>> &pairs, DuplicateGroups &g) {
  std::sort(pairs.begin(), pairs.end());
  for (size_t i = 0; i < pairs.size();) {
    size_t j = i + 1;
    while (j < pairs.size() && pairs[j].first == pairs[i].first) j++;
    if (j - i > 1) {
      g.starts.push_back(g.members.size());
      for (size_t k = i; k < j; k++) g.members.push_back(pairs[k].second);
    }
    i = j;
  }
}

const DuplicateGroups &ReaderCache::duplicates(const Xapian::Database &db, Xapian::valueno slot,
                                               const Deadline *d) {
  if (dups_ && dups_slot_ == slot) return *dups_;
  std::vector<std::pair<uint64_t, Xapian::docid>> numbers;  // newsfields' own keys
  std::vector<std::pair<std::string, Xapian::docid>> others;
  for (Xapian::ValueIterator v = db.valuestream_begin(slot), end = db.valuestream_end(slot);
       v != end; ++v) {
    if (d) d->check();  // throws before anything half made is kept
    std::string key = *v;
    uint64_t h;
    if (key.empty()) continue;  // no key: a group of its own
    if (hex64(key, &h))
      numbers.emplace_back(h, v.get_docid());
    else
      others.emplace_back(std::move(key), v.get_docid());
  }
  std::unique_ptr<DuplicateGroups> g(new DuplicateGroups);
  add_runs(numbers, *g);
  add_runs(others, *g);
  g->starts.push_back(g->members.size());
  for (size_t i = 0; i + 1 < g->starts.size(); i++) {
    for (size_t k = g->starts[i]; k < g->starts[i + 1]; k++)
      g->by_docid.emplace_back(g->members[k], static_cast<uint32_t>(i));
  }
  std::sort(g->by_docid.begin(), g->by_docid.end());
  dups_ = std::move(g);
  dups_slot_ = slot;
  return *dups_;
}

long DuplicateGroups::group_of(Xapian::docid did) const {
  auto it = std::lower_bound(by_docid.begin(), by_docid.end(), std::make_pair(did, uint32_t{0}));
  return it != by_docid.end() && it->first == did ? static_cast<long>(it->second) : -1;
}

std::vector<uint32_t> DuplicateGroups::matching(const std::vector<uint64_t> &match) const {
  std::vector<uint32_t> in(starts.empty() ? 0 : starts.size() - 1);
  for (size_t g = 0; g < in.size(); g++) {
    for (size_t i = starts[g]; i < starts[g + 1]; i++) {
      in[g] += has_docid(match, members[i]);
    }
  }
  return in;
}

/* m's hits emptied, to be picked here from offset on. */
static void start_hits(nf_xmset &m, unsigned offset) {
  m.folded = true;
  m.picks.clear();
  m.counts.clear();
  m.keys.clear();
  m.first_rank = offset;
}

bool fold_hits(nf_xmset &m, const DuplicateGroups &dups, const std::vector<uint32_t> &in,
               unsigned offset, unsigned limit, Xapian::valueno slot, Xapian::doccount asked) {
  start_hits(m, offset);
  std::vector<bool> seen(in.size());
  unsigned long hits = 0;  // groups met so far
  for (Xapian::doccount i = 0; i < m.mset.size() && m.picks.size() < limit; i++) {
    long g = dups.group_of(*m.mset[i]);
    if (g >= 0 && seen[static_cast<size_t>(g)]) continue;  // a group's best came first
    if (g >= 0) seen[static_cast<size_t>(g)] = true;
    if (hits++ < offset) continue;
    m.picks.push_back(i);
    m.counts.push_back(g >= 0 ? in[static_cast<size_t>(g)] - 1 : 0);
    m.keys.push_back(m.mset[i].get_document().get_value(slot));
  }
  return m.picks.size() == limit || m.mset.size() < asked;
}

void count_hits(nf_xmset &m, const DuplicateGroups &dups, const std::vector<uint32_t> &in,
                unsigned offset) {
  start_hits(m, offset);
  for (Xapian::doccount i = 0; i < m.mset.size(); i++) {
    long g = dups.group_of(*m.mset[i]);
    m.picks.push_back(i);
    m.counts.push_back(g >= 0 ? in[static_cast<size_t>(g)] - 1 : 0);
    m.keys.push_back(m.mset[i].get_collapse_key());
  }
}

std::vector<uint64_t> docid_bits(const std::vector<Xapian::docid> &docids, Xapian::docid last) {
  std::vector<uint64_t> bits(last / 64 + 1);
  for (Xapian::docid did : docids) set_docid(bits, did);
  return bits;
}

}  // namespace nfx
