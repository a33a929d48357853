#!/usr/bin/env python3
"""A corpus of N articles for the scale benchmark (tests/bench/scale.sh).

    python3 tests/bench/scale_corpus.py N SOURCE.jsonl... > corpus.jsonl

Each article is drawn from the sources (the sample corpus, Reuters-21578 as
reuters2jsonl.py writes it): a new id, a date spread over 2010-2024, and new
text as long as the source's (in sentences): the source's dateline ("CITY,
Mar 3 -") first, then sentences drawn from its own and a second source's,
shuffled.  Mixing two sources makes nearly every lead new, so that the
near-duplicate rate is that of real wire copy and not of the few thousand
sources repeated: NEAR_DUPLICATES of the articles are re-sends instead, an
earlier article of the corpus with its last sentence replaced (Reuters-21578
itself: 1,049 groups of near-duplicates in 19,043 texts).
Seeded: the same N and sources give the same corpus.  Measurement only:
nothing it writes goes into the repository.
"""
import json
import random
import re
import sys

SENTENCE = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"])")
DATELINE = re.compile(r"^[^\n]{0,80}? - ")
NEAR_DUPLICATES = 0.05
RECENT = 1000  # the re-sends copy one of the last RECENT articles


def sentences(text):
    """The dateline (or "") and the sentences after it."""
    m = DATELINE.match(text)
    head = m.group(0) if m else ""
    return head, [s for s in SENTENCE.split(text[len(head):]) if s.strip()]


def mixed_text(rng, a, b):
    head, own = sentences(a["text"])
    _, other = sentences(b["text"])
    pool = own + other
    rng.shuffle(pool)
    return head + " ".join(pool[:max(1, len(own))])


def resent_text(rng, earlier, b):
    head, parts = sentences(earlier)
    _, other = sentences(b["text"])
    if len(parts) > 1 and other:
        parts[-1] = rng.choice(other)
    return head + " ".join(parts)


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
    recent = []
    out = sys.stdout
    for i in range(n):
        b = rng.choice(sources)
        if recent and rng.random() < NEAR_DUPLICATES:
            a = dict(rng.choice(recent))
            a["text"] = resent_text(rng, a["text"], b)
        else:
            a = dict(rng.choice(sources))
            a["text"] = mixed_text(rng, a, b)
        a["id"] = "scale-%07d" % i
        a["date"] = "%04d-%02d-%02d" % (rng.randint(2010, 2024), rng.randint(1, 12),
                                        rng.randint(1, 28))
        a.pop("url", None)
        recent.append(a)
        if len(recent) > RECENT:
            recent.pop(rng.randrange(len(recent)))
        out.write(json.dumps(a, ensure_ascii=False))
        out.write("\n")


if __name__ == "__main__":
    main()
