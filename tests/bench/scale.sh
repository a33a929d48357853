#!/bin/sh
# The scale benchmark: indexing and searching N articles (default 1,000,000).
#
#   tests/bench/scale.sh [N] [WORKDIR]        (from the top of the repository,
#                                             after building into build/)
#
# 1. builds a corpus of N articles (scale_corpus.py) from the sample corpus
#    and Reuters-21578 text (reuters2jsonl.py; REUTERS= names the corpus,
#    default ../shared/corpora/reuters21578): new ids, dates over 2010-2024,
#    sentences of two sources shuffled, 5% re-sends; kept in WORKDIR (default /tmp/nf-scale) for reruns;
# 2. indexes it with `index -j 1` and `index -j 2`: wall time, MB/s,
#    articles/s, CPU time and peak memory (/usr/bin/time);
# 3. compacts the -j 2 index (`newsfields compact --output`), and indexes the
#    same text with plain Xapian (bench_index --plain: TermGenerator over
#    headline and text, the text as data), compacted with xapian-compact:
#    sizes before and after;
# 4. times queries (bench_queries: median and p99 of 200 of each sort) on
#    the compacted index and on the two shards.
# Needs about 8 times the corpus size of free disk in WORKDIR.  BUILD= names
# the build directory (default build).
set -eu
N=${1:-1000000}
WORK=${2:-/tmp/nf-scale}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-$ROOT/build}
REUTERS=${REUTERS:-$ROOT/../shared/corpora/reuters21578}
NF=$BUILD/newsfields
BENCH=$BUILD/tests/bench
mkdir -p "$WORK"
corpus=$WORK/corpus-$N.jsonl
if [ ! -s "$corpus" ]; then
  echo "building the corpus of $N articles in $corpus" >&2
  python3 "$ROOT/tests/bench/reuters2jsonl.py" "$REUTERS" > "$WORK/reuters.jsonl"
  python3 "$ROOT/tests/bench/scale_corpus.py" "$N" "$ROOT/tests/corpus/sample.jsonl" \
    "$WORK/reuters.jsonl" > "$corpus.tmp"
  mv "$corpus.tmp" "$corpus"
fi
mb=$(stat -c %s "$corpus" | awk '{printf "%.1f", $1 / 1e6}')
size() { du -sb "$1" | awk '{printf "%.0f", $1 / 1e6}'; }

# timed NAME COMMAND...: /usr/bin/time's wall, peak KB, user, sys in WORK/NAME.time
timed() {
  name=$1
  shift
  /usr/bin/time -f '%e %M %U %S' -o "$WORK/$name.time" "$@"
}

echo "scale benchmark: $N articles, $mb MB of JSON Lines ($corpus)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| run | wall s | MB/s | articles/s | CPU s | peak MB | index MB | compacted MB |"
echo "|---|---|---|---|---|---|---|---|"
for j in 1 2; do
  rm -rf "$WORK/j$j" "$WORK/j$j-compact"
  timed "index-j$j" "$NF" index -q -j "$j" --db "$WORK/j$j" "$corpus"
  timed "compact-j$j" "$NF" compact -q --db "$WORK/j$j" --output "$WORK/j$j-compact"
  read -r wall kb user sys < "$WORK/index-j$j.time"
  read -r cwall _ _ _ < "$WORK/compact-j$j.time"
  awk -v j="$j" -v w="$wall" -v kb="$kb" -v u="$user" -v s="$sys" -v mb="$mb" -v n="$N" \
    -v size="$(size "$WORK/j$j")" -v csize="$(size "$WORK/j$j-compact")" -v cw="$cwall" \
    'BEGIN {printf "| newsfields index -j %s | %.1f | %.2f | %.0f | %.1f | %.0f | %s | %s (in %.0f s) |\n",
            j, w, mb / w, n / w, u + s, kb / 1024, size, csize, cw}'
  [ "$j" = 1 ] && rm -rf "$WORK/j1" "$WORK/j1-compact"  # only the -j 2 index is searched
done
rm -rf "$WORK/plain" "$WORK/plain-compact"
timed plain "$BENCH/bench_index" --plain "$WORK/plain" "$corpus" > /dev/null
xapian-compact "$WORK/plain" "$WORK/plain-compact" > /dev/null
read -r wall kb user sys < "$WORK/plain.time"
awk -v w="$wall" -v kb="$kb" -v u="$user" -v s="$sys" -v mb="$mb" -v n="$N" \
  -v size="$(size "$WORK/plain")" -v csize="$(size "$WORK/plain-compact")" \
  'BEGIN {printf "| plain Xapian (bench_index --plain) | %.1f | %.2f | %.0f | %.1f | %.0f | %s | %s |\n",
          w, mb / w, n / w, u + s, kb / 1024, size, csize}'
rm -rf "$WORK/plain" "$WORK/plain-compact"
echo
echo "queries on the compacted index:"
"$BENCH/bench_queries" "$WORK/j2-compact" 200
echo
echo "queries on the two shards (not compacted):"
"$BENCH/bench_queries" "$WORK/j2" 200
