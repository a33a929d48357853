#!/usr/bin/env python3
"""The facet audit: the most frequent values of the people facets over a
whole corpus, as an analyst sees them, each judged right or wrong.

    python3 tests/bench/reuters2jsonl.py ../shared/corpora/reuters21578 > /tmp/reuters.jsonl
    build/newsfields extract /tmp/reuters.jsonl > /tmp/reuters-extract.jsonl
    python3 tests/gold/facet_audit.py /tmp/reuters-extract.jsonl [--top 100]

For `speaker` (the record's speakers: named persons), `speakerorg` (bodies)
and `official` (officials' persons) it counts the articles of each value (one
per article, spellings of one name together: case, spacing and periods
ignored, the most frequent spelling shown), takes the top N, and scores them
against tests/gold/facet-audit.tsv ("list<TAB>value<TAB>right|wrong", a
person's judgement of whether the value is what the facet says: a real
person for speaker and official, a named organisation for speakerorg).
Values not judged yet are listed, so that the file can be completed.  It
also reports facet labels holding a control character (there must be none).
"""
import argparse
import collections
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))


def key(name):
    return re.sub(r"[\s.]+", " ", name.casefold()).strip()


def values(rec, facet):
    if facet == "speaker":
        return rec.get("speakers") or []
    if facet == "speakerorg":
        return rec.get("bodies") or []
    return [o["person"] for o in rec.get("officials") or []]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("extract", help="the output of newsfields extract over the corpus")
    ap.add_argument("--top", type=int, default=100)
    args = ap.parse_args()
    judged = {}
    path = os.path.join(HERE, "facet-audit.tsv")
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                facet, value, verdict = line.rstrip("\n").split("\t")
                judged[(facet, key(value))] = verdict
    counts = {f: collections.Counter() for f in ("speaker", "speakerorg", "official")}
    spellings = {f: collections.defaultdict(collections.Counter) for f in counts}
    controls = 0
    for line in open(args.extract, encoding="utf-8"):
        rec = json.loads(line)
        for facet in counts:
            seen = set()
            for v in values(rec, facet):
                controls += any(ord(c) < 32 or 0x7f <= ord(c) <= 0x9f for c in v)
                k = key(v)
                spellings[facet][k][v] += 1
                if k not in seen:
                    seen.add(k)
                    counts[facet][k] += 1
    print("facet labels with a control character: %d" % controls)
    for facet, c in counts.items():
        top = c.most_common(args.top)
        right = wrong = 0
        unjudged = []
        for k, n in top:
            verdict = judged.get((facet, k))
            label = spellings[facet][k].most_common(1)[0][0]
            if verdict == "right":
                right += 1
            elif verdict == "wrong":
                wrong += 1
            else:
                unjudged.append((label, n))
        print("%s: top %d, right %d, wrong %d, not judged %d" % (facet, len(top), right, wrong,
                                                                 len(unjudged)))
        for k, n in top:
            if judged.get((facet, k)) == "wrong":
                print("  wrong: %s (%d)" % (spellings[facet][k].most_common(1)[0][0], n))
        for label, n in unjudged:
            print("  to judge: %s\t%s\t(%d articles)" % (facet, label, n))


if __name__ == "__main__":
    main()
