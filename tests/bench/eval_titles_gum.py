#!/usr/bin/python3
"""Measure the official analyzer's titles against GUM's news documents.

GUM (Zeldes 2017) annotates every person mention as a full noun phrase with the
title inside it ("US President Barack Obama", "New Zealand 's Prime Minister
John Key") and links named people to Wikipedia.  The gold here is, per
document, the people (Wikipedia ids) that GUM mentions at least once with a
title: a person mention that holds the person's name and, less that name, a
nested place or organisation, articles, pronouns and possessives, still a word
("US President Barack Obama", "Facebook creator Mark Zuckerberg"), or a mention
without the name whose words hold an office of schema/titles.tsv ("Malaysia's
Prime Minister").  The script rebuilds each document's text from
the WebAnno TSV tokens, runs `newsfields extract`, and compares the record's
"officials" (person keyed by surname) with that gold:

  officials   precision: officials whose person GUM mentions with a title, of
              those whose person GUM links to Wikipedia at all (the others
              have no gold and are counted apart);
              recall: titled people of the gold found as officials
  title head  for the people found, whether the official's normalised title
              ends in the same word as one of GUM's titles of that person
              ("president", "minister"), GUM's words normalised the same way

Usage: /usr/bin/python3 tests/bench/eval_titles_gum.py [--command build/newsfields]
       [--gum DIR] [--show N]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

SKIP = set("""the a an 's ' , . of and his her their its our former late then - ( ) mr mrs ms
dr from at in on for with by to who whom whose which that this these those i me my he him she
her they them we us you it one said""".split())
NO_PUNCT_BEFORE = set(", . ; : ! ? ) 's ' n't %".split())


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def entity_ids(col):
    """[(type, id)] of a WebAnno stacked column: person[45]|place[46]."""
    out = []
    if col in ("_", ""):
        return out
    for part in col.split("|"):
        m = re.match(r"([^\[]+)(?:\[(\d+)\])?$", part)
        if m:
            out.append((m.group(1), m.group(2)))
    return out


def load_doc(path):
    """Tokens [(word, ents, wikis)] in order."""
    toks = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or "-" not in cols[0]:
                continue
            toks.append((cols[2], entity_ids(cols[3]), entity_ids(cols[6]), cols[0].split("-")[0]))
    return toks


def detokenize(toks):
    """Text with tokens placed as news writes them, and each token's byte span."""
    parts, spans = [], []
    pos = 0
    prev_sent = None
    for i, (w, _, _, sent) in enumerate(toks):
        if i:
            if sent != prev_sent:
                sep = "\n\n"
            elif w in NO_PUNCT_BEFORE or w.startswith("'") or toks[i - 1][0] in ("(", "$"):
                sep = ""
            else:
                sep = " "
            parts.append(sep)
            pos += len(sep.encode("utf-8"))
        start = pos
        parts.append(w)
        pos += len(w.encode("utf-8"))
        spans.append((start, pos))
        prev_sent = sent
    return "".join(parts), spans


def mentions(toks):
    """{entity id: (type, [token indexes], wiki)} for multi- and single-token mentions."""
    out = {}
    for i, (_, ents, wikis, _) in enumerate(toks):
        wiki_of = {}
        for name, eid in wikis:
            wiki_of[eid] = name
        for k, (etype, eid) in enumerate(ents):
            key = eid if eid else "single-%d-%d" % (i, k)
            if key not in out:
                out[key] = [etype, [], None]
            out[key][1].append(i)
            w = wiki_of.get(eid) if eid else (wikis[k][0] if k < len(wikis) else None)
            if w and w != "_":
                out[key][2] = w
    return out


def linked_people(toks):
    """Surnames of every person GUM links to Wikipedia in the document."""
    return set(surname(wiki) for etype, _, wiki in mentions(toks).values()
               if etype == "person" and wiki)


def gold_titled(toks, offices):
    """{wiki id: set of title head words} for people mentioned with a title."""
    ms = mentions(toks)
    nested = set()
    for etype, idx, _ in ms.values():
        if etype in ("place", "organization") and len(idx) < 6:
            nested.update(idx)
    gold = {}
    for etype, idx, wiki in ms.values():
        if etype != "person" or not wiki:
            continue
        wiki = urllib.parse.unquote(wiki)
        name = set(fold(p) for p in re.split(r"[-_()\s]+", wiki) if p)
        words = [fold(toks[i][0]) for i in idx]
        with_name = any(w in name for w in words)
        title = []
        for i in idx:
            w = fold(toks[i][0])
            if (w in name or w in SKIP or i in nested or not re.search(r"[a-z]", w) or
                    any(p in name for p in w.split("-"))):
                continue
            title.append(w)
        if not title or len(title) > 5:
            continue
        # a title without the name counts when it is an office: "Malaysia's
        # Prime Minister", "the Secretary of State" (not "the actor")
        if not with_name and not any(head(w) in offices for w in title):
            continue
        gold.setdefault(wiki, set()).add(title[-1])
    return gold


def surname(wiki):
    wiki = urllib.parse.unquote(wiki)
    parts = [p for p in re.split(r"[_\s]+", re.sub(r"\(.*?\)", "", wiki)) if p]
    return fold(parts[-1]) if parts else ""


def key_of(name):
    words = [w for w in re.split(r"\s+", name) if w and fold(w).rstrip(".") not in
             ("jr", "sr", "ii", "iii", "iv")]
    return fold(words[-1]) if words else ""


def singular(w):
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


SAME = {"spokesman": "spokesperson", "spokeswoman": "spokesperson", "chairman": "chair",
        "chairwoman": "chair", "ceo": "executive", "leader": "leader", "gen.": "general",
        "sen.": "senator", "gov.": "governor", "rep.": "representative", "pres.": "president"}


def head(w):
    w = SAME.get(w, w)
    return singular(w)


def office_heads():
    """The heads of schema/titles.tsv that are offices (not roles)."""
    heads = set()
    with open(os.path.join(ROOT, "schema", "titles.tsv"), encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 2 and cols[0] == "head" and "role" not in (cols[2:] or [""])[0]:
                heads.add(head(fold(cols[1]).split()[-1].split("-")[-1]))
    return heads


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--command", default=os.path.join(ROOT, "build", "newsfields"))
    ap.add_argument("--gum", default=os.path.join(os.path.dirname(ROOT), "shared", "corpora",
                                                  "gum-news"))
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    tdir = os.path.join(args.gum, "coref-tsv")
    offices = office_heads()
    docs = []
    for name in sorted(os.listdir(tdir)):
        toks = load_doc(os.path.join(tdir, name))
        text, _ = detokenize(toks)
        docs.append((name[:-4], text, gold_titled(toks, offices), linked_people(toks)))
    payload = "".join(json.dumps({"id": d, "text": t}, ensure_ascii=False) + "\n"
                      for d, t, _, _ in docs)
    p = subprocess.run([args.command, "extract", "-"], input=payload.encode("utf-8"),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if p.returncode != 0:
        sys.exit("extract failed: " + p.stderr.decode("utf-8", "replace"))
    recs = {}
    for line in p.stdout.decode("utf-8").splitlines():
        r = json.loads(line)
        recs[r["id"]] = r
    tp = fp = fn = heads_ok = heads_n = 0
    otp = ofn = 0
    notes = []
    unjudged = 0
    for doc, text, gold, linked in docs:
        by_surname = {}
        for wiki, heads in gold.items():
            by_surname.setdefault(surname(wiki), set()).update(heads)
        found = set()
        for o in recs[doc].get("officials") or []:
            k = key_of(o["person"])
            if k in by_surname:
                if k not in found:
                    tp += 1
                    found.add(k)
                    heads_n += 1
                    ours = head(o["title"].split()[-1])
                    if ours in set(head(h) for h in by_surname[k]):
                        heads_ok += 1
                    else:
                        notes.append((doc, "title", o["person"], o["title"],
                                      sorted(by_surname[k])))
            elif k not in found and k not in linked:
                unjudged += 1  # GUM does not link this person: no gold either way
                found.add(k)
            elif k not in found:
                fp += 1
                found.add(k)
                notes.append((doc, "spurious", o["person"], o["title"], []))
        for k, heads in by_surname.items():
            is_office = any(head(h) in offices for h in heads)
            if k not in found:
                fn += 1
                ofn += is_office
                notes.append((doc, "missed", k, "", sorted(heads)))
            else:
                otp += is_office
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    print("GUM news   officials   P %.3f  R %.3f  F1 %.3f  (%d titled people in %d documents; "
          "%d officials GUM does not link, not judged)" % (prec, rec, f1, tp + fn, len(docs),
                                                          unjudged))
    orec = otp / (otp + ofn) if otp + ofn else 0.0
    print("GUM news   officials   R %.3f on people whose GUM title is an office of titles.tsv "
          "(%d people)" % (orec, otp + ofn))
    print("GUM news   title head  %.3f  (%d of %d people found)" %
          (heads_ok / heads_n if heads_n else 0.0, heads_ok, heads_n))
    for n in notes[: args.show]:
        print("  %s: %s %s %s %s" % n)


if __name__ == "__main__":
    main()
