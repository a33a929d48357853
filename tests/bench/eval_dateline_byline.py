#!/usr/bin/env python3
"""How well the dateline and byline analyzers read real wire copy.

    /usr/bin/python3 tests/bench/eval_dateline_byline.py build/newsfields \\
        ../shared/corpora/reuters21578 [--conll FILE]... [--polnear DIR]... [--show N]

Reuters-21578 (each article's text made as a reader sees it, by
reuters2jsonl.py: the <AUTHOR> line, then <DATELINE> and <BODY>; with the
`date` and `source` metadata a publisher would feed):

  - dateline place: on the articles with a <DATELINE>, the share where the
    place the analyzer read ("written", as in the text) is exactly the gold
    place: the <DATELINE> up to its first comma, its date or its dash, with
    leading asterisks dropped.  A gold dateline with no place ("APRIL 7 -")
    counts as matched when the analyzer finds none, and so does the first
    line of a price table that Reuters marked as a dateline ("us 7.8015 -",
    "Jun ---": a would-be place with a digit, or a month alone).
  - byline names: on the articles with an <AUTHOR>, the share where the
    person names of the bylines found in the text are exactly the gold names
    (the <AUTHOR> line without "By", cut at its first comma, without a final
    "Reuters" when the comma is missing, split at "and"; compared case-blind,
    since the analyzer recases "BY PATTI DOMM").
  - invented bylines: on the articles without <AUTHOR>, the share with any
    byline found in the text.
  - also: the dateline's country against the article's <PLACES> (mapped to
    ISO codes through schema/countries.tsv), and its date against <DATE>.

CoNLL-2003 (--conll eng.testa; eng.testb and conllpp_test.txt are held out:
report on them, never tune on them): each -DOCSTART- document made an
article (headline = its first sentence, then one line per sentence); its
dateline is the first sentence within the next three that ends with a
YYYY-MM-DD date (a date alone continues the sentence before it).  Prints
the share whose place is read exactly, and the share of the name-only lines
before the dateline (all tokens I-PER: Reuters 1996 bylines) found as
bylines.

PolNeAR (--polnear DIR, e.g. .../polnear/data/train/text; test is held
out): the first line is the headline; a dateline is a paragraph among the
first five that opens like "DES MOINES —", "WASHINGTON (AP) —",
"CAMBRIDGE, Mass., Dec. 11 (UPI) —" or "Washington (AFP) –" (a space before
the dash; a place in capitals or an agency; newsletter headings such as
"INDIANA'S DEMOGRAPHICS ... -" left out).  Prints the share
whose place is read exactly.

Python 3 standard library only.  The corpora stay outside the repository.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(HERE, "..", "..", "schema", "newsfields.schema")
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
MONTH_NAME = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
              r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")


def extract(command, articles):
    """Runs `newsfields extract` over the articles; records by id."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a) + "\n")
        path = f.name
    try:
        out = subprocess.run([command, "extract", "--schema", SCHEMA, path],
                             capture_output=True, text=True, check=True)
    finally:
        os.unlink(path)
    return {r["id"]: r for r in map(json.loads, out.stdout.splitlines())}


def written(rec):
    d = rec.get("dateline")
    return d["written"] if d else None


def rate(hits, total):
    return "%d/%d = %.4f" % (hits, total, hits / total if total else 0.0)


def show(label, misses, n):
    if n and misses:
        print("  %s (first %d of %d):" % (label, min(n, len(misses)), len(misses)))
        for m in misses[:n]:
            print("    " + m)


# ---- Reuters-21578 ----------------------------------------------------------

def gold_place(dateline):
    d = dateline.strip().lstrip("*").strip()
    if re.match(r"^%s\s*\d" % MONTH, d, re.I) or d.startswith("-"):
        return None
    m = re.match(r"^(.*?)(?:,|\s+%s\s*\d|\s+\d{4}-\d\d-\d\d|\s+-|-\s*$)" % MONTH, d, re.I)
    place = (m.group(1) if m else d).strip()
    # "us 7.8015 -", "Jun ---": the first line of a price table, not a place
    if re.search(r"\d", place) or re.fullmatch(MONTH_NAME, place, re.I):
        return None
    return place or None


def gold_names(author):
    a = re.sub(r"^\s*by\s+", "", author.strip(), flags=re.I)
    a = re.sub(r"\s+reuters?$", "", a.split(",")[0], flags=re.I)  # "By Brad Schade Reuters"
    names = re.split(r"\s+and\s+", a, flags=re.I)
    return sorted(" ".join(n.split()).casefold() for n in names if n.strip())


def text_names(rec):
    return sorted(b["name"].casefold() for b in rec["byline"]
                  if b["name"] and b["span"] and b["role"] != "editor")


# Reuters <PLACES> codes whose names differ from every phrase of countries.tsv.
SPECIAL = {"usa": "us", "uk": "gb", "ussr": "su", "west-germany": "de",
           "east-germany": "dd", "ivory-coast": "ci", "burma": "mm",
           "zaire": "cd", "czechoslovakia": "cs", "yugoslavia": "yu",
           "south-korea": "kr", "north-korea": "kp", "uae": "ae",
           "netherlands-antilles": "an", "bahamas": "bs", "vatican": "va"}


def country_codes(places):
    """Reuters <PLACES> (names) as ISO alpha-2 codes, through countries.tsv."""
    if not hasattr(country_codes, "names"):
        country_codes.names = {}
        with open(os.path.join(HERE, "..", "..", "schema", "countries.tsv"), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                code, kind, phrase = line.rstrip("\n").split("\t")[:3]
                if kind in ("name", "official", "alt"):
                    country_codes.names.setdefault(phrase.lower(), code)
    return {SPECIAL.get(p) or country_codes.names.get(p.replace("-", " ")) for p in places} - {None}


def reuters(command, corpus, nshow):
    conv = subprocess.run([sys.executable, os.path.join(HERE, "reuters2jsonl.py"), "--gold", corpus],
                          capture_output=True, text=True, check=True)
    arts = [json.loads(l) for l in conv.stdout.splitlines()]
    recs = extract(command, [{k: a[k] for k in ("id", "text", "date", "source") if k in a}
                             for a in arts])
    print("Reuters-21578: %d articles" % len(arts))
    dl_n = dl_ok = 0
    dl_miss = []
    by_n = by_ok = 0
    by_miss = []
    nob_n = nob_bad = 0
    nob_miss = []
    ctry_n = ctry_in = date_n = date_ok = no_place = 0
    for a in arts:
        g = a["gold"]
        rec = recs[a["id"]]
        if g["dateline"]:
            dl_n += 1
            want, got = gold_place(g["dateline"]), written(rec)
            no_place += want is None
            if want == got:
                dl_ok += 1
            else:
                dl_miss.append("%-12s gold %r got %r  | %r" % (a["id"], want, got, g["dateline"]))
        d = rec.get("dateline")
        if d and d["country"]:
            ctry_n += 1
            ctry_in += d["country"] in country_codes(g["places"])
        if d and d["date"] and a.get("date"):
            date_n += 1
            date_ok += d["date"] == a["date"]
        if g["author"]:
            by_n += 1
            want, got = gold_names(g["author"]), text_names(rec)
            if want == got:
                by_ok += 1
            else:
                by_miss.append("%-12s gold %r got %r  | %r" % (a["id"], want, got, g["author"]))
        else:
            nob_n += 1
            got = [b for b in rec["byline"] if b["span"]]
            if got:
                nob_bad += 1
                nob_miss.append("%-12s %r  | %r" % (a["id"], [(b["name"], b["org"]) for b in got],
                                                     a["text"][:120]))
    print("  dateline place exact match (<DATELINE>): %s" % rate(dl_ok, dl_n))
    print("    of which %d gold datelines have no place" % no_place)
    show("dateline misses", dl_miss, nshow)
    print("  byline names exact match (<AUTHOR>): %s" % rate(by_ok, by_n))
    show("byline misses", by_miss, nshow)
    print("  bylines invented (no <AUTHOR>): %s" % rate(nob_bad, nob_n))
    show("invented", nob_miss, nshow)
    print("  dateline country among the article's <PLACES> (an agreement figure: <PLACES> "
          "says what the story is about): %s" % rate(ctry_in, ctry_n))
    print("  dateline date equal to <DATE>: %s" % rate(date_ok, date_n))


# ---- CoNLL-2003 -------------------------------------------------------------

def detok(tokens):
    s = " ".join(tokens)
    s = re.sub(r" ([,.;:)!?%])", r"\1", s)
    s = re.sub(r"\( ", "(", s)
    s = re.sub(r" ('s|n't)\b", r"\1", s)
    return s


def conll_docs(path):
    docs, doc, sent = [], None, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.split()
            if not cols:
                sent = None
                continue
            if cols[0] == "-DOCSTART-":
                doc = []
                docs.append(doc)
                sent = None
                continue
            if sent is None:
                sent = []
                doc.append(sent)
            sent.append((cols[0], cols[-1]))
    return docs


def conll(command, path, nshow):
    docs = conll_docs(path)
    arts, gold = [], {}
    for n, doc in enumerate(docs):
        if len(doc) < 2:
            continue
        lines = [detok([t for t, _ in s]) for s in doc[1:]]
        tags = [[tag for _, tag in s] for s in doc[1:]]
        # a date alone continues the sentence before it ("FARMINGTON HILLS, Mich." "1996-08-30")
        for i in range(1, min(4, len(lines))):
            if re.fullmatch(r"\d{4}-\d\d-\d\d", lines[i]):
                lines[i - 1] += " " + lines[i]
                del lines[i], tags[i]
                break
        aid = "conll-%d" % n
        place, byline = None, None
        for i, s in enumerate(lines[:3]):
            m = re.match(r"^(.*?)(?:,.*)?\s+\d{4}-\d\d-\d\d$", s)
            if m:
                place = m.group(1).strip()
                if i > 0 and all(t.endswith("PER") for t in tags[i - 1]):
                    byline = lines[i - 1]
                break
        gold[aid] = (place, byline)
        arts.append({"id": aid, "headline": detok([t for t, _ in doc[0]]), "text": "\n".join(lines)})
    recs = extract(command, arts)
    n = ok = bn = bok = 0
    misses, bmisses = [], []
    for aid, (place, byline) in gold.items():
        rec = recs[aid]
        if place:
            n += 1
            if written(rec) == place:
                ok += 1
            else:
                misses.append("%-10s gold %r got %r" % (aid, place, written(rec)))
        if byline:
            bn += 1
            got = [b["name"] for b in rec["byline"] if b["span"]]
            if got == [byline]:
                bok += 1
            else:
                bmisses.append("%-10s gold %r got %r" % (aid, byline, got))
    print("CoNLL-2003 %s: %d documents" % (os.path.basename(path), len(docs)))
    print("  dateline place exact match (documents with a dateline line): %s" % rate(ok, n))
    show("misses", misses, nshow)
    print("  name line before the dateline found as the byline: %s" % rate(bok, bn))
    show("misses", bmisses, nshow)


# ---- PolNeAR ----------------------------------------------------------------

POLNEAR_DL = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’ -]*?)(?:, [A-Z][A-Za-z. ]+?)*(?:,? %s \d{1,2})?"
    r"\s?(?P<agency>\([A-Za-z ]+\))?\s(?:—|–|―|--|-)\s*[A-Z“\"]" % MONTH.replace("(?:", "(?i:", 1))


def polnear(command, directory, nshow):
    arts, gold = [], {}
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(directory, name), encoding="utf-8") as f:
            raw = f.read()
        head, _, text = raw.partition("\n")
        aid = name[:-4]
        arts.append({"id": aid, "headline": head.strip(), "text": text})
        paras = [p for p in text.split("\n") if p.strip()][:5]
        for p in paras:
            m = POLNEAR_DL.match(p)
            if not m:
                continue
            place = m.group("place").strip()
            if (place.isupper() or m.group("agency")) and len(place.split()) <= 4 \
                    and not re.search(r"['’]S\b", place) \
                    and place not in ("EXCLUSIVE", "UPDATE", "BREAKING"):
                gold[aid] = place
                break
    recs = extract(command, arts)
    ok = 0
    misses = []
    for aid, place in gold.items():
        if written(recs[aid]) == place:
            ok += 1
        else:
            misses.append("%-40s gold %r got %r" % (aid[:40], place, written(recs[aid])))
    extra = [aid for aid in recs if aid not in gold and recs[aid].get("dateline")]
    print("PolNeAR %s: %d texts, %d with a dateline" % (directory.rstrip("/").split("/")[-2],
                                                       len(arts), len(gold)))
    print("  dateline place exact match: %s" % rate(ok, len(gold)))
    show("misses", misses, nshow)
    print("  datelines found where the pattern saw none: %d" % len(extra))
    show("those", ["%-40s %r" % (a[:40], written(recs[a])) for a in extra], nshow)


def main():
    args = sys.argv[1:]
    nshow = 0
    conlls, polnears = [], []
    rest = []
    while args:
        a = args.pop(0)
        if a == "--show":
            nshow = int(args.pop(0))
        elif a == "--conll":
            conlls.append(args.pop(0))
        elif a == "--polnear":
            polnears.append(args.pop(0))
        else:
            rest.append(a)
    if len(rest) != 2:
        sys.exit(__doc__)
    command, corpus = rest
    reuters(command, corpus, nshow)
    for path in conlls:
        conll(command, path, nshow)
    for d in polnears:
        polnear(command, d, nshow)


if __name__ == "__main__":
    main()
