#!/usr/bin/env bash
# Run every libFuzzer target of a build made with -DNF_FUZZ=ON for a bounded
# time each, from seeds made of the fixtures, and print the executions per
# target.  A crash, a leak or a sanitizer report fails the run; the input
# that caused it is left in BUILD/fuzz-findings/ (add it to the regression
# tests when fixed).
#
#   tests/fuzz/run.sh BUILD_DIR [SECONDS_PER_TARGET]   (default 30)
set -euo pipefail
build=$(cd "${1:?usage: tests/fuzz/run.sh BUILD_DIR [SECONDS]}" && pwd)
seconds=${2:-30}
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
fixtures=$top/tests/fixtures
work=$build/fuzz-corpus
findings=$build/fuzz-findings
rm -rf "$work"
mkdir -p "$work" "$findings"

# Seeds: the fixtures' articles, lines, queries, the schema and word lists.
mkdir -p "$work/fuzz_extract" "$work/fuzz_jsonl" "$work/fuzz_query" "$work/fuzz_schema" \
  "$work/fuzz_http"
i=0
for f in "$fixtures"/*.jsonl "$top"/tests/corpus/sample.jsonl; do
  cp "$f" "$work/fuzz_jsonl/file$i"
  head -c 4096 "$f" >"$work/fuzz_jsonl/head$i"
  i=$((i + 1))
done
python3 - "$work/fuzz_extract" "$fixtures"/articles.jsonl "$top"/tests/corpus/sample.jsonl <<'PY'
import json, sys
out, n = sys.argv[1], 0
for path in sys.argv[2:]:
    for line in open(path, encoding="utf-8"):
        try:
            a = json.loads(line)
        except ValueError:
            continue
        if not isinstance(a, dict) or not isinstance(a.get("text"), str):
            continue
        data = (a.get("headline") or "").encode() + b"\0" + a["text"].encode()
        open(f"{out}/article{n}", "wb").write(data[:8192])
        n += 1
        if n >= 200:
            sys.exit(0)
PY
for f in "$top"/tests/corpus/txt/*.txt "$fixtures"/*.txt; do
  [ -f "$f" ] && cp "$f" "$work/fuzz_extract/$(basename "$f")"
done
n=0
while IFS= read -r q; do
  printf '%s' "$q" >"$work/fuzz_query/q$n"
  n=$((n + 1))
done <"$top/tests/fuzz/queries.txt"
n=0
while IFS= read -r request; do # one request per line, with \r\n escapes
  printf '%b' "$request" >"$work/fuzz_http/r$n"
  n=$((n + 1))
done <"$top/tests/fuzz/requests.txt"
for list in "$top"/schema/*.tsv; do
  { head -c 2048 "$top/schema/newsfields.schema"; printf '\0'; head -c 2048 "$list"; } \
    >"$work/fuzz_schema/$(basename "$list")"
done

status=0
# Each finding fixed is kept in tests/fuzz/regressions/<target>/ and run first.
for target in fuzz_extract fuzz_jsonl fuzz_query fuzz_schema fuzz_http; do
  dir=$top/tests/fuzz/regressions/$target
  [ -d "$dir" ] || continue
  if ! "$build/tests/fuzz/$target" "$dir"/* >"$build/$target.regressions.log" 2>&1; then
    echo "$target: a regression input fails again (see $build/$target.regressions.log)"
    status=1
  fi
done
printf '%-14s %12s %s\n' target executions result
for target in fuzz_extract fuzz_jsonl fuzz_query fuzz_schema fuzz_http; do
  log=$build/$target.log
  # The server frees a connection in its own threads after the input is
  # done: its leaks are checked once, when the run ends, not per input.
  per_input_leaks=1
  [ "$target" = fuzz_http ] && per_input_leaks=0
  if (cd "$findings" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$build/tests/fuzz/$target" -max_total_time="$seconds" -print_final_stats=1 \
    -detect_leaks=$per_input_leaks -max_len=16384 -timeout=20 -rss_limit_mb=2048 \
    "$work/$target" >"$log" 2>&1); then
    result=ok
  else
    result="FAILED (see $log)"
    status=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  printf '%-14s %12s %s\n' "$target" "${runs:-?}" "$result"
done
exit $status
