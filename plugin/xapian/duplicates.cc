/* Near-duplicate groups of a reader, read once from the collapse slot's
 * values, so that a search counts its groups from its matches' docids
 * instead of reading and hashing the key of every match. */
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
  dups_ = std::move(g);
  dups_slot_ = slot;
  return *dups_;
}

unsigned long DuplicateGroups::groups_among(const std::vector<Xapian::docid> &matches,
                                            Xapian::docid last) const {
  std::vector<uint64_t> match(last / 64 + 1);
  for (Xapian::docid did : matches) match[did / 64] |= uint64_t{1} << (did % 64);
  unsigned long folded = 0;  // matches that are not their group's first
  for (size_t g = 0; g + 1 < starts.size(); g++) {
    unsigned long in = 0;
    for (size_t i = starts[g]; i < starts[g + 1]; i++) {
      Xapian::docid did = members[i];
      in += did / 64 < match.size() && (match[did / 64] >> (did % 64) & 1);
    }
    if (in > 1) folded += in - 1;
  }
  return matches.size() - folded;
}

}  // namespace nfx
