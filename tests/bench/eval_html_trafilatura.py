#!/usr/bin/env python3
"""HTML reading against the trafilatura evaluation set (measurement only).

    python3 tests/bench/eval_html_trafilatura.py build/newsfields \\
        ../shared/corpora/bylines-trafilatura-eval [--readability DIR] [--bench build/tests/bench/bench_html]

Runs `newsfields extract --text --skip-bad` over the English pages of the set
(MANIFEST.tsv: 108 pages) and compares with the human gold of evaldata.json:

- author exact: the set of names the record gives (the byline entries of role
  author, their name or else their organisation) equals the set of gold names
  (gold split on ";", ",", "/", "&" and " and "; a JSON list as it is),
  compared case-folded with whitespace collapsed;
- author containment: the gold (joined) is inside the names (joined), or the
  names inside the gold, case-folded; also reported for the byline entries
  whose source is the metadata alone;
- date exact: the record's date equals the gold date (pages with a gold date);
- title exact: the headline equals the gold title, whitespace collapsed
  (pages with a gold title); "title casefold" the same with case ignored
  (the gold is the title as rendered: a stylesheet's text-transform
  uppercases "Peanut Butter Truffles", which no HTML reader sees);
- "with" kept: the share of the gold "with" snippets found in the text, and
  "without" dropped: the share of "without" snippets not found in it
  (whitespace collapsed, case kept).

With --readability DIR (a folder whose node_modules has @mozilla/readability
and jsdom, installed outside the repository), Mozilla Readability runs over the
same pages in the same run and is scored the same way (its byline split as the
gold is). With --bench, the bench_html program reports MB/s of HTML on one
core (reading alone, no analyzers). Nothing of the set is written anywhere.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

READABILITY_JS = r"""
const fs = require('fs');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');
const files = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const out = [];
let bytes = 0;
const t0 = Date.now();
for (const f of files) {
  const html = fs.readFileSync(f);
  bytes += html.length;
  try {
    const dom = new JSDOM(html, { url: 'https://example.org/', virtualConsole: new VirtualConsole() });
    const r = new Readability(dom.window.document).parse() || {};
    out.push({ file: f, title: r.title || null, byline: r.byline || null,
               date: r.publishedTime || null, text: r.textContent || '' });
  } catch (e) {
    out.push({ file: f, error: String(e) });
  }
}
const secs = (Date.now() - t0) / 1000;
process.stdout.write(JSON.stringify({ results: out, bytes, secs }));
"""


def norm_space(s):
    return re.sub(r"\s+", " ", s or "").strip()


def fold(s):
    return norm_space(s).casefold()


def split_names(s):
    if isinstance(s, list):
        parts = s
    else:
        parts = re.split(r";|,|/| and | & ", s or "")
    out = []
    for p in parts:
        p = fold(re.sub(r"^\s*by\s+", "", p, flags=re.I))
        if p:
            out.append(p)
    return out


def record_names(rec, metadata_only=False):
    names = []
    for b in rec.get("byline") or []:
        if b.get("role") != "author":
            continue
        if metadata_only and b.get("source") not in ("metadata", "both"):
            continue
        n = b.get("name") or b.get("org")
        if n:
            names.append(fold(n))
    return names


def author_scores(gold, names):
    g = split_names(gold)
    if not g:
        return None
    exact = sorted(set(g)) == sorted(set(names))
    gj, nj = " ".join(g), " ".join(names)
    contained = bool(nj) and (gj in nj or nj in gj)
    return exact, contained


def snippet_scores(entry, text):
    t = norm_space(text)
    w = [s for s in entry.get("with", []) if norm_space(s)]
    wo = [s for s in entry.get("without", []) if norm_space(s)]
    kept = sum(1 for s in w if norm_space(s) in t)
    dropped = sum(1 for s in wo if norm_space(s) not in t)
    return kept, len(w), dropped, len(wo)


class Tally:
    def __init__(self):
        self.c = {}

    def add(self, key, ok):
        if ok is None:
            return
        a, b = self.c.get(key, (0, 0))
        self.c[key] = (a + (1 if ok else 0), b + 1)

    def add_counts(self, key, good, total):
        a, b = self.c.get(key, (0, 0))
        self.c[key] = (a + good, b + total)

    def rate(self, key):
        a, b = self.c.get(key, (0, 0))
        return (a / b if b else 0.0), a, b


def run_newsfields(command, files):
    proc = subprocess.run([command, "extract", "--text", "--skip-bad"] + files,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit("newsfields extract failed:\n" + proc.stderr)
    failed = set()
    for line in proc.stderr.splitlines():
        for f in files:
            if f in line:
                failed.add(f)
    records = [json.loads(l) for l in proc.stdout.splitlines() if l.strip()]
    ok_files = [f for f in files if f not in failed]
    if len(ok_files) != len(records):
        sys.exit("cannot match records to files: %d records, %d files read"
                 % (len(records), len(ok_files)))
    out = dict(zip(ok_files, records))
    return out, proc.stderr


def run_readability(folder, files):
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, "run.js")
        listing = os.path.join(tmp, "files.json")
        with open(script, "w") as f:
            f.write(READABILITY_JS)
        with open(listing, "w") as f:
            json.dump(files, f)
        env = dict(os.environ, NODE_PATH=os.path.join(os.path.abspath(folder), "node_modules"))
        proc = subprocess.run(["node", script, listing], capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        sys.exit("readability failed:\n" + proc.stderr[-2000:])
    data = json.loads(proc.stdout)
    out = {}
    for r in data["results"]:
        if "error" in r:
            continue
        names = split_names(r["byline"]) if r.get("byline") else []
        date = (r.get("date") or "")[:10] or None
        out[r["file"]] = {"headline": r.get("title"), "date": date, "names": names,
                          "text": r.get("text") or ""}
    return out, data["bytes"] / 1e6 / data["secs"] if data["secs"] else 0.0


def score(results, entries, names_of, headline_of, date_of, text_of, label, misses):
    t = Tally()
    for f, e in entries.items():
        r = results.get(f)
        if r is None:
            t.add("read", False)
            continue
        t.add("read", True)
        sc = author_scores(e.get("author"), names_of(r))
        if sc:
            t.add("author exact", sc[0])
            t.add("author contained", sc[1])
            if not sc[0]:
                misses.append((label, "author", f, e.get("author"), names_of(r)))
        if e.get("date"):
            ok = date_of(r) == e["date"]
            t.add("date exact", ok)
            if not ok:
                misses.append((label, "date", f, e["date"], date_of(r)))
        if e.get("title"):
            ok = norm_space(headline_of(r)) == norm_space(e["title"])
            t.add("title exact", ok)
            t.add("title casefold",
                  norm_space(headline_of(r)).casefold() == norm_space(e["title"]).casefold())
            if not ok:
                misses.append((label, "title", f, e["title"], headline_of(r)))
        kept, nw, dropped, nwo = snippet_scores(e, text_of(r))
        t.add_counts("with kept", kept, nw)
        t.add_counts("without dropped", dropped, nwo)
        for s in e.get("with", []):
            if norm_space(s) and norm_space(s) not in norm_space(text_of(r)):
                misses.append((label, "with", f, s, None))
        for s in e.get("without", []):
            if norm_space(s) and norm_space(s) in norm_space(text_of(r)):
                misses.append((label, "without", f, s, None))
    return t


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("command", help="the newsfields command (build/newsfields)")
    ap.add_argument("corpus", help="the bylines-trafilatura-eval folder")
    ap.add_argument("--readability", help="folder with node_modules/@mozilla/readability and jsdom")
    ap.add_argument("--bench", help="the bench_html program, for MB/s of HTML")
    ap.add_argument("--misses", action="store_true", help="list every miss")
    args = ap.parse_args()

    gold = json.load(open(os.path.join(args.corpus, "evaldata.json")))
    by_file = {v["file"]: v for v in gold.values()}
    files = []
    for line in open(os.path.join(args.corpus, "MANIFEST.tsv")):
        path = line.split("\t")[0]
        if path.startswith("html/"):
            files.append(os.path.join(args.corpus, path))
    entries = {f: by_file[os.path.basename(f)] for f in files if os.path.basename(f) in by_file}

    t0 = time.time()
    records, stderr = run_newsfields(args.command, files)
    secs = time.time() - t0
    mb = sum(os.path.getsize(f) for f in files) / 1e6
    misses = []

    def names(r):
        return record_names(r)

    def names_metadata(r):
        return record_names(r, True)

    nf = score(records, entries, names, lambda r: r.get("headline"), lambda r: r.get("date"),
               lambda r: r.get("text") or "", "newsfields", misses)
    nf_meta = score(records, entries, names_metadata, lambda r: r.get("headline"),
                    lambda r: r.get("date"), lambda r: r.get("text") or "", "metadata", [])
    rows = [("newsfields", nf)]
    speeds = [("newsfields extract (analyzers included), whole run", mb / secs)]
    if args.readability:
        rd, rd_speed = run_readability(args.readability, files)
        rows.append(("Readability 0.6 + jsdom",
                     score(rd, entries, lambda r: r["names"], lambda r: r["headline"],
                           lambda r: r["date"], lambda r: r["text"], "readability", [])))
        speeds.append(("Readability 0.6 + jsdom (parse and extract)", rd_speed))
    if args.bench:
        out = subprocess.run([args.bench] + files, capture_output=True, text=True).stdout.strip()
        m = re.search(r"([\d.]+) MB/s", out)
        if m:
            speeds.append(("newsfields HTML reading alone (bench_html, CPU time)", float(m.group(1))))

    keys = ["read", "author exact", "author contained", "date exact", "title exact",
            "title casefold", "with kept", "without dropped"]
    print("%d pages, %.1f MB of HTML" % (len(entries), mb))
    print("%-28s" % "" + "".join("%18s" % k for k in keys))
    for label, t in rows:
        cells = []
        for k in keys:
            r, a, b = t.rate(k)
            cells.append("%18s" % ("%.3f (%d/%d)" % (r, a, b)))
        print("%-28s" % label + "".join(cells))
    r, a, b = nf_meta.rate("author exact")
    r2, a2, b2 = nf_meta.rate("author contained")
    print("newsfields, metadata bylines alone: author exact %.3f (%d/%d), contained %.3f (%d/%d)"
          % (r, a, b, r2, a2, b2))
    for label, v in speeds:
        print("%s: %.1f MB/s of HTML" % (label, v))
    if args.misses:
        for m in misses:
            print("MISS", json.dumps(m, ensure_ascii=False))
    bad = [l for l in stderr.splitlines() if "skipped" in l]
    for l in bad:
        print("not read:", l)


if __name__ == "__main__":
    main()
