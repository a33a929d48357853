#!/usr/bin/env python3
"""Precision and recall of country mentions on CoNLL-2003, for measurement.

    python3 tests/bench/eval_countries_conll.py build/newsfields \\
        ../shared/corpora/conll2003/eng.testa [--errors]

Gold: the LOC and MISC entities of the file whose whole text names a country
or its people, that is, is a name, official name, other name or demonym of
schema/countries.tsv or of mledoze/countries (names, altSpellings, demonyms),
compared case-blind.  Capitals are places in CoNLL (and a capital is a city,
not a country), so predictions the analyzer made from a capital acting as a
government are left out of both sides and counted apart.

A prediction is right when its span overlaps a gold entity.  Each document
becomes one article: its sentences joined by newlines, tokens by spaces.
eng.testb and conllpp_test.txt are held out: report on them, never tune.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(HERE, "..", "..", "schema")


def vocabulary(mledoze):
    words = set()
    with open(os.path.join(SCHEMA, "countries.tsv"), encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if cols[1] not in ("capital", "code"):
                words.add(cols[2].lower())
    if mledoze:
        with open(os.path.join(mledoze, "countries.json"), encoding="utf-8") as f:
            for c in json.load(f):
                words.add(c["name"]["common"].lower())
                words.add(c["name"]["official"].lower())
                for alt in c.get("altSpellings", []):
                    if len(alt) > 3:
                        words.add(alt.lower())
                for g in (c.get("demonyms", {}).get("eng") or {}).values():
                    if g:
                        words.add(g.lower())
    return words


def documents(path):
    """Yields (tokens, tags) per document; tokens carry sentence breaks as None."""
    toks, tags = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                if toks:
                    yield toks, tags
                toks, tags = [], []
                continue
            if not line.strip():
                if toks and toks[-1] is not None:
                    toks.append(None)
                    tags.append(None)
                continue
            cols = line.split(" ")
            toks.append(cols[0])
            tags.append(cols[-1])
    if toks:
        yield toks, tags


def build(toks, tags):
    """Text, and the entities as (start, end, type, text)."""
    parts, ents, pos = [], [], 0
    cur = None
    for tok, tag in zip(toks, tags):
        if tok is None:
            if cur:
                ents.append(cur)
                cur = None
            parts.append("\n")
            pos += 1
            continue
        if parts and parts[-1] != "\n":
            parts.append(" ")
            pos += 1
        start = pos
        parts.append(tok)
        pos += len(tok)
        kind = tag[2:] if tag != "O" else None
        if kind and cur and cur[2] == kind and not tag.startswith("B-"):
            cur = (cur[0], pos, kind)
        else:
            if cur:
                ents.append(cur)
            cur = (start, pos, kind) if kind else None
    if cur:
        ents.append(cur)
    text = "".join(parts)
    return text, [(s, e, k, text[s:e]) for s, e, k in ents]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    show = "--errors" in sys.argv
    if len(args) != 2:
        sys.exit(__doc__)
    command, conll = args
    mledoze = os.path.join(HERE, "..", "..", "..", "shared", "corpora", "countries-mledoze")
    vocab = vocabulary(mledoze if os.path.isdir(mledoze) else None)
    docs = []
    for n, (toks, tags) in enumerate(documents(conll)):
        text, ents = build(toks, tags)
        gold = [e for e in ents if e[2] in ("LOC", "MISC") and e[3].lower() in vocab]
        docs.append(("doc-%d" % n, text, gold))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for i, text, _ in docs:
            f.write(json.dumps({"id": i, "text": text}) + "\n")
        path = f.name
    out = subprocess.run([command, "extract", path], capture_output=True, text=True, check=True)
    os.unlink(path)
    records = [json.loads(line) for line in out.stdout.splitlines()]
    tp_pred = n_pred = tp_gold = n_gold = capitals = 0
    errors = []
    for (doc_id, text, gold), rec in zip(docs, records):
        preds = [(s, e, c["code"]) for c in rec.get("countries", []) for s, e in c["mentions"]]
        # spans are byte offsets; the CoNLL text is mostly ASCII but not always
        byte_to_char = {}
        if len(text.encode("utf-8")) != len(text):
            idx = 0
            for ci, ch in enumerate(text):
                byte_to_char[idx] = ci
                idx += len(ch.encode("utf-8"))
            byte_to_char[idx] = len(text)
            preds = [(byte_to_char[s], byte_to_char[e], c) for s, e, c in preds]
        gold_spans = [(s, e) for s, e, _, _ in gold]
        for s, e, c in preds:
            if text[s:e].lower() not in vocab:
                # a capital or seat of government: not a country in CoNLL's terms
                capitals += 1
                continue
            n_pred += 1
            if any(s < ge and gs < e for gs, ge in gold_spans):
                tp_pred += 1
            else:
                errors.append(("FP", doc_id, text[max(0, s - 40):e + 40].replace("\n", " "), text[s:e]))
        for s, e, _, t in gold:
            n_gold += 1
            if any(s < pe and ps < e for ps, pe, _ in preds):
                tp_gold += 1
            else:
                errors.append(("FN", doc_id, text[max(0, s - 40):e + 40].replace("\n", " "), t))
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print("documents: %d, gold mentions: %d, predicted: %d (+%d from capitals, not scored)"
          % (len(docs), n_gold, n_pred, capitals))
    print("precision %.4f  recall %.4f  F1 %.4f" % (p, r, f1))
    if show:
        for kind, doc_id, ctx, word in errors:
            print("%s %s [%s] ...%s..." % (kind, doc_id, word, ctx))


if __name__ == "__main__":
    main()
