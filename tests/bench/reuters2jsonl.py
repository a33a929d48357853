#!/usr/bin/env python3
"""Reuters-21578 SGML -> newsfields JSON Lines, for measurement only.

Each article's text is made as a reader sees it: the <AUTHOR> line (if any),
then the <DATELINE> and the <BODY>.  With --gold, the corpus annotations are
kept under "gold" (places, people, dateline, author) for the evaluation
scripts; without it the output is what a publisher would feed the indexer.

    python3 tests/bench/reuters2jsonl.py ../shared/corpora/reuters21578 > /tmp/reuters.jsonl

The corpus stays outside the repository: this script only reads it.
"""
import glob
import html
import json
import os
import re
import sys

MONTHS = {m: i + 1 for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}


def tag(block, name):
    m = re.search(r"<%s>(.*?)</%s>" % (name, name), block, re.S)
    return html.unescape(m.group(1)) if m else None


def codes(block, name):
    inner = tag(block, name) or ""
    return re.findall(r"<D>(.*?)</D>", inner)


def iso_date(raw):
    m = re.match(r"\s*(\d+)-([A-Z]+)-(\d{4})", raw or "")
    if not m or m.group(2) not in MONTHS:
        return None
    return "%s-%02d-%02d" % (m.group(3), MONTHS[m.group(2)], int(m.group(1)))


def clean(s):
    # control characters of the wire (\x03 end of text, \x02 ...) are not text
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", s)


def articles(path):
    with open(path, encoding="latin-1") as f:
        data = f.read()
    for m in re.finditer(r'<REUTERS[^>]*NEWID="(\d+)"[^>]*>(.*?)</REUTERS>', data, re.S):
        newid, block = m.group(1), m.group(2)
        text_block = tag(block, "TEXT") or ""
        author = tag(text_block, "AUTHOR")
        dateline = tag(text_block, "DATELINE")
        body = tag(text_block, "BODY")
        if body is None:
            # TYPE="BRIEF" or "UNPROC" articles: the text is the whole block
            body = re.sub(r"<[^>]+>", "", text_block)
        parts = []
        if author:
            parts.append(author.strip())
        parts.append(((dateline or "").strip() + " " + body.lstrip()).strip()
                     if dateline else body.strip())
        yield newid, block, text_block, author, dateline, clean("\n".join(parts))


def main():
    gold = "--gold" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--gold"]
    if len(args) != 1:
        sys.exit("usage: reuters2jsonl.py [--gold] REUTERS_DIR")
    files = sorted(glob.glob(os.path.join(args[0], "reut2-*.sgm")))
    if not files:
        sys.exit("no reut2-*.sgm in %s" % args[0])
    out = sys.stdout
    for path in files:
        for newid, block, text_block, author, dateline, text in articles(path):
            rec = {"id": "reuters-%s" % newid,
                   "headline": clean((tag(text_block, "TITLE") or "").strip()) or None,
                   "date": iso_date(tag(block, "DATE")),
                   "source": "Reuters",
                   "text": text}
            if gold:
                rec["gold"] = {"places": codes(block, "PLACES"),
                               "people": codes(block, "PEOPLE"),
                               "dateline": dateline.strip() if dateline else None,
                               "author": author.strip() if author else None}
            out.write(json.dumps({k: v for k, v in rec.items() if v is not None}) + "\n")


if __name__ == "__main__":
    main()
