#!/usr/bin/env python3
"""Share of Reuters-21578 <PLACES> countries the country analyzer finds.

    python3 tests/bench/eval_countries_reuters.py build/newsfields \\
        ../shared/corpora/reuters21578

For each article with <PLACES>, the places that are countries (Reuters codes
mapped to ISO alpha-2 through schema/countries.tsv) are compared with the
codes the analyzer found in the text (dateline and body).  Prints the share
of gold places found (recall), the share of found countries that are in
<PLACES> (an agreement figure, not precision: Reuters lists only the places
an article is about, not every country it names), the share found when the
dateline's country (from the dateline analyzer) is added, and the most missed.
"""
import collections
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(HERE, "..", "..", "schema")
# Reuters codes whose names differ from every phrase of the table.
SPECIAL = {"usa": "us", "uk": "gb", "ussr": "su", "west-germany": "de",
           "east-germany": "dd", "ivory-coast": "ci", "burma": "mm",
           "zaire": "cd", "czechoslovakia": "cs", "yugoslavia": "yu",
           "south-korea": "kr", "north-korea": "kp", "uae": "ae",
           "netherlands-antilles": "an", "bahamas": "bs", "vatican": "va"}


def table():
    names = {}
    with open(os.path.join(SCHEMA, "countries.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            code, kind, phrase = line.rstrip("\n").split("\t")[:3]
            if kind in ("name", "official", "alt"):
                names.setdefault(phrase.lower(), code)
    return names


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    command, corpus = sys.argv[1:]
    names = table()
    conv = subprocess.run([sys.executable, os.path.join(HERE, "reuters2jsonl.py"), "--gold", corpus],
                          capture_output=True, text=True, check=True)
    arts = [json.loads(l) for l in conv.stdout.splitlines()]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for a in arts:
            f.write(json.dumps({"id": a["id"], "text": a["text"]}) + "\n")
        path = f.name
    out = subprocess.run([command, "extract", path], capture_output=True, text=True, check=True)
    os.unlink(path)
    records = [json.loads(line) for line in out.stdout.splitlines()]
    found = {r["id"]: {c["code"] for c in r.get("countries", [])} for r in records}
    # the dateline's country: where the story was filed, which <PLACES> lists too
    filed = {r["id"]: (r.get("dateline") or {}).get("country") for r in records}
    unmapped = collections.Counter()
    missed = collections.Counter()
    gold_n = gold_found = pred_n = pred_in_gold = docs = with_dateline = 0
    for a in arts:
        places = a["gold"]["places"]
        if not places:
            continue
        codes = set()
        for p in places:
            code = SPECIAL.get(p) or names.get(p.replace("-", " "))
            if code:
                codes.add(code)
            else:
                unmapped[p] += 1
        if not codes:
            continue
        docs += 1
        got = found.get(a["id"], set())
        gold_n += len(codes)
        gold_found += len(codes & got)
        pred_n += len(got)
        pred_in_gold += len(got & codes)
        for c in codes - got:
            missed[c] += 1
        with_dateline += len(codes & (got | {filed.get(a["id"])}))
    print("articles with country places: %d" % docs)
    print("gold places found: %d of %d = %.4f" % (gold_found, gold_n, gold_found / gold_n))
    print("gold places among the countries named or the dateline's country: %d of %d = %.4f"
          % (with_dateline, gold_n, with_dateline / gold_n))
    print("found countries listed in <PLACES>: %d of %d = %.4f" % (pred_in_gold, pred_n, pred_in_gold / max(pred_n, 1)))
    print("most missed:", ", ".join("%s %d" % kv for kv in missed.most_common(12)))
    print("places that are not countries (skipped):", ", ".join("%s %d" % kv for kv in unmapped.most_common(8)))


if __name__ == "__main__":
    main()
