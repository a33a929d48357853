#!/usr/bin/env python3
"""Draw the development sample of Reuters-21578 for the people gold.

A seeded random choice among the articles that quote someone (a reporting
verb in the text), written as JSON Lines of the articles themselves to
standard output, for annotation and scoring.  The corpus stays outside the
repository: only the ids (tests/gold/reuters-dev-ids.txt) and the
annotations are kept.

    python3 tests/bench/reuters2jsonl.py ../shared/corpora/reuters21578 > /tmp/reuters.jsonl
    python3 tests/gold/draw_reuters.py /tmp/reuters.jsonl > /tmp/reuters-dev.jsonl
"""
import json
import random
import re
import sys

SEED = 20261204
SIZE = 160
CUES = re.compile(r"\b(said|says|told|stated|added|according to|announced|warned|forecast)\b")


def main():
    articles = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
    quoting = [a for a in articles if CUES.search(a["text"]) and len(a["text"]) > 200]
    random.Random(SEED).shuffle(quoting)
    for a in sorted(quoting[:SIZE], key=lambda a: a["id"]):
        print(json.dumps(a, ensure_ascii=False))


if __name__ == "__main__":
    main()
