#!/usr/bin/env python3
"""How many articles a country code (or a dateline place) is given, and a
seeded sample of them to check by hand.

    python3 tests/bench/audit_country_code.py build/newsfields /tmp/reuters.jsonl \\
        --code ge --sample 20 [--dateline Beijing] [--extract FILE]

Runs `newsfields extract` over the articles (or reads the output of an
earlier run with --extract) and prints the number of articles whose record
lists the code among its countries: the hits of `country:CODE`, since the
`country` field's source is the country analyzer's results.  With --sample
N, prints N of them (chosen with a fixed seed) with the words around each
mention, for a hand check.  With --dateline PLACE, also prints how many
datelines have PLACE as their value and, of them, how the place was written
(`dateline:PLACE` finds these).  With --command a wrapper may stand for the
command (a script that adds --schema).
"""
import argparse
import collections
import json
import random
import subprocess


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("command", help="the newsfields command")
    ap.add_argument("articles", help="JSON Lines articles (tests/bench/reuters2jsonl.py)")
    ap.add_argument("--code", default="ge", help="lower-case ISO 3166-1 alpha-2 code")
    ap.add_argument("--sample", type=int, default=0, help="articles to show for a hand check")
    ap.add_argument("--seed", type=int, default=10)
    ap.add_argument("--dateline", help="a dateline value to count")
    ap.add_argument("--extract", help="the output of an earlier `newsfields extract` run")
    args = ap.parse_args()

    texts = {}
    with open(args.articles, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            texts[a["id"]] = a.get("text", "")
    if args.extract:
        with open(args.extract, encoding="utf-8") as f:
            lines = f.read().splitlines()
    else:
        out = subprocess.run([args.command, "extract", args.articles], capture_output=True,
                             text=True, check=True)
        lines = out.stdout.splitlines()

    hits = []
    written = collections.Counter()
    for line in lines:
        r = json.loads(line)
        for c in r.get("countries") or []:
            if c["code"] == args.code:
                hits.append((r["id"], c["mentions"]))
                break
        d = r.get("dateline") or {}
        if args.dateline and d.get("place") == args.dateline:
            written[d.get("written")] += 1
    print(f"articles with country {args.code}: {len(hits)} of {len(lines)}")
    if args.dateline:
        print(f"datelines valued {args.dateline}: {sum(written.values())}, written "
              + ", ".join(f"{w} {n}" for w, n in written.most_common()))
    if args.sample:
        random.seed(args.seed)
        for id_, mentions in random.sample(hits, min(args.sample, len(hits))):
            t = texts[id_]
            b, e = mentions[0]
            context = " ".join(t[max(0, b - 70):e + 50].split())
            print(f"{id_}\t{len(mentions)}\t{context}")


if __name__ == "__main__":
    main()
