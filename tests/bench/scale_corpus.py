#!/usr/bin/env python3
"""A corpus of N articles for the scale benchmark (tests/bench/scale.sh).

    python3 tests/bench/scale_corpus.py N SOURCE.jsonl... > corpus.jsonl

Each article is drawn from the sources (the sample corpus, Reuters-21578 as
reuters2jsonl.py writes it): a new id, a date spread over 2010-2024, and
its sentences shuffled, all but the first (the dateline stays first).
Seeded: the same N and sources give the same corpus.  Measurement only:
nothing it writes goes into the repository.
"""
import json
import random
import re
import sys

SENTENCE = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"])")


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: scale_corpus.py N SOURCE.jsonl...")
    n = int(sys.argv[1])
    sources = []
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                if a.get("text", "").strip():
                    sources.append(a)
    rng = random.Random(20211220)
    out = sys.stdout
    for i in range(n):
        a = dict(rng.choice(sources))
        parts = SENTENCE.split(a["text"])
        rest = parts[1:]
        rng.shuffle(rest)
        a["text"] = " ".join(parts[:1] + rest)
        a["id"] = "scale-%07d" % i
        a["date"] = "%04d-%02d-%02d" % (rng.randint(2010, 2024), rng.randint(1, 12),
                                        rng.randint(1, 28))
        a.pop("url", None)
        out.write(json.dumps(a, ensure_ascii=False))
        out.write("\n")


if __name__ == "__main__":
    main()
