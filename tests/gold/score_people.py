#!/usr/bin/env python3
"""Score `newsfields extract` against the people gold of tests/gold/.

Officials, speakers (named persons), bodies and countries, per article, as
tests/gold/*.gold.jsonl annotate them (../shared/annotation/GUIDELINES.md):
precision and recall of each list, the title accuracy and the official-country
accuracy over the officials both found.

    python3 tests/bench/reuters2jsonl.py ../shared/corpora/reuters21578 > /tmp/reuters.jsonl
    python3 tests/gold/draw_reuters.py /tmp/reuters.jsonl > /tmp/reuters-dev.jsonl
    python3 tests/gold/score_people.py build/newsfields /tmp/reuters-dev.jsonl [--errors]

Names compare with case, spacing, periods and accents ignored, bodies by
their canonical name in schema/organisations.tsv ("USDA" is "Agriculture
Department"); titles as bags
of words with one spelling ("chairman" is "chair", "defence" is "defense"),
function words and "former"/"acting" ignored, so "minister of finance" is
"finance minister".  The articles stay outside the repository.
"""
import glob
import json
import os
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SPELLING = {"chairman": "chair", "chairwoman": "chair", "chairperson": "chair",
            "spokesman": "spokesperson", "spokeswoman": "spokesperson",
            "defence": "defense", "labour": "labor", "gen": "general", "pres": "president",
            "sec": "secretary", "secy": "secretary", "dep": "deputy", "vice-president": "vice president"}
IGNORED = {"of", "the", "and", "for", "former", "acting", "a", "an", "s"}


def fold(s):
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.lower().replace(".", " ").replace("'", " ").split())


def title_words(t):
    words = fold(t).replace("-", " ").split()
    return frozenset(SPELLING.get(w, w) for w in words if w not in IGNORED)


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def speakers_of(rec):
    """Named persons that speak: the record's `speakers` (persons only once
    issue 10's kinds exist; before, every named source)."""
    return {fold(s) for s in rec.get("speakers") or []}


def load_organisations():
    """Folded names of schema/organisations.tsv -> the folded canonical name,
    and the folded names and demonyms of schema/countries.tsv."""
    schema = os.path.join(os.path.dirname(os.path.dirname(HERE)), "schema")
    orgs, countries = {}, set()
    for line in open(os.path.join(schema, "organisations.tsv"), encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if not line.startswith("#") and len(cols) >= 2:
            orgs[fold(cols[0])] = fold(cols[1])
    for line in open(os.path.join(schema, "countries.tsv"), encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if not line.startswith("#") and len(cols) >= 3:
            countries.add(fold(cols[2]))
    return orgs, countries


ORGS, COUNTRY_WORDS = load_organisations()


def body_key(b):
    """A body as the organisations gazetteer names it: "USDA", "the U.S.
    Agriculture Department" and "Agriculture Department" are one body (the
    analyzer gives each body its one canonical name, issue 10)."""
    f = fold(b)
    if f.startswith("the "):
        f = f[4:]
    words = f.split()
    for i in range(min(3, len(words)), 0, -1):  # "u s agriculture department"
        if " ".join(words[:i]) in COUNTRY_WORDS and len(words) > i:
            rest = " ".join(words[i:])
            if rest in ORGS:
                f = rest
            break
    return ORGS.get(f, f)


def bodies_of(rec):
    return {body_key(b) for b in rec.get("bodies") or []}


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    command, articles_path = sys.argv[1], sys.argv[2]
    show = "--errors" in sys.argv
    gold = {}
    for path in sorted(glob.glob(os.path.join(HERE, "*.gold.jsonl"))):
        for line in open(path, encoding="utf-8"):
            g = json.loads(line)
            gold[g["id"]] = g
    out = subprocess.run([command, "extract", articles_path], capture_output=True, check=True,
                         text=True).stdout
    records = {r["id"]: r for r in map(json.loads, out.splitlines())}
    counts = {k: [0, 0, 0] for k in ("officials", "speakers", "bodies", "countries")}
    titles = [0, 0]
    countries = [0, 0]
    for aid, g in gold.items():
        rec = records.get(aid)
        if rec is None:
            sys.exit("no record for %s: is %s the drawn sample?" % (aid, articles_path))
        # officials: by person
        sys_off = {}
        for o in rec.get("officials") or []:
            sys_off.setdefault(fold(o["person"]), o)
        gold_off = {fold(o["person"]): o for o in g["officials"]}
        pairs = [
            ("officials", set(sys_off), set(gold_off)),
            ("speakers", speakers_of(rec), {fold(s) for s in g["speakers"]}),
            ("bodies", bodies_of(rec), {body_key(b) for b in g["bodies"]}),
            ("countries", {c["code"] for c in rec.get("countries") or []}, set(g["countries"])),
        ]
        for name, got, want in pairs:
            c = counts[name]
            c[0] += len(got & want)
            c[1] += len(got - want)
            c[2] += len(want - got)
            if show and (got - want or want - got):
                print("%s %s: extra %s missing %s" % (aid, name, sorted(got - want),
                                                      sorted(want - got)))
        for person in set(sys_off) & set(gold_off):
            s, w = sys_off[person], gold_off[person]
            titles[1] += 1
            if title_words(s["title"]) == title_words(w["title"]):
                titles[0] += 1
            elif show:
                print("%s title of %s: %r, gold %r" % (aid, person, s["title"], w["title"]))
            countries[1] += 1
            if (s.get("country") or None) == (w.get("country") or None):
                countries[0] += 1
            elif show:
                print("%s country of %s: %r, gold %r" % (aid, person, s.get("country"),
                                                         w.get("country")))
    print("%d articles" % len(gold))
    print("%-10s %6s %6s %6s %5s %5s %5s" % ("list", "tp", "fp", "fn", "P", "R", "F1"))
    for name, (tp, fp, fn) in counts.items():
        p, r, f = prf(tp, fp, fn)
        print("%-10s %6d %6d %6d %5.3f %5.3f %5.3f" % (name, tp, fp, fn, p, r, f))
    print("title accuracy %d/%d = %.3f" % (titles[0], titles[1], titles[0] / max(titles[1], 1)))
    print("official country accuracy %d/%d = %.3f" % (countries[0], countries[1],
                                                      countries[0] / max(countries[1], 1)))


if __name__ == "__main__":
    main()
