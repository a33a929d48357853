#!/usr/bin/env python3
"""Adversarial shapes for the analyzers: is extraction linear in its input?

  python3 tests/bench/adversarial.py build/newsfields [MB ...]   (default: 1 4)

Writes one article per shape (long sentences of cues, quote floods, name and
title chains, 100k country names, ...) of each size, runs `newsfields
extract` on it alone and prints seconds and peak memory per MB of text, the
record's size, and the ratio of seconds per MB to ordinary news (the sample
corpus's articles, repeated to the same size).  Linear analyzers keep every
ratio within a small factor at every size; a quadratic one grows with the
size.  The article, record and quotation limits are raised so that the shapes are
measured, not refused."""
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time

TIME_LIMIT = 120  # seconds per run
TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIRST = ["John", "Maria", "Ahmed", "Li", "Olga", "Pierre", "Kofi", "Yuki", "Carlos", "Anna",
         "Ivan", "Fatima", "Hans", "Priya", "Jorge", "Mei", "Tomas", "Leila", "Samuel", "Ingrid"]
LAST = ["Smith", "Garcia", "Haddad", "Wang", "Petrova", "Dubois", "Mensah", "Tanaka", "Silva",
        "Novak", "Ivanov", "Khan", "Becker", "Sharma", "Lopez", "Chen", "Horvat", "Nasser",
        "Okafor", "Larsen", "Kowalski", "Moreau", "Rossi", "Jensen", "Costa"]
COUNTRIES = ["Lithuania", "France", "Japan", "Brazil", "Kenya", "Canada", "India", "Peru",
             "Norway", "Egypt", "Vietnam", "Chile", "Poland", "Ghana", "Mexico", "Iran"]


def names():
    """Distinct full names, as many as asked for (numbered past the lists)."""
    for i in itertools.count():
        first = FIRST[i % len(FIRST)]
        last = LAST[(i // len(FIRST)) % len(LAST)]
        n = i // (len(FIRST) * len(LAST))
        yield f"{first} {last}" if n == 0 else f"{first} {chr(65 + n % 26)}. {last}"


def repeat(unit, size, sep=" "):
    """unit(i) joined by sep until size bytes."""
    parts, total = [], 0
    for i in itertools.count():
        s = unit(i)
        parts.append(s)
        total += len(s.encode()) + len(sep)
        if total >= size:
            return sep.join(parts)


def shapes(size):
    gen = names()
    distinct = [next(gen) for _ in range(20000)]
    who = lambda i: distinct[i % len(distinct)]
    return {
        "cue sentence": repeat(lambda i: "Washington and Moscow said", size),
        "named cues": repeat(lambda i: "John Smith said", size),
        "distinct named cues": repeat(lambda i: f"{who(i)} said", size),
        "quote flood": repeat(lambda i: "“We will fight,” said Mr. Smith.", size),
        "distinct quote flood": repeat(lambda i: f"“We will fight,” said {who(i)}.", size),
        "pronoun flood": repeat(lambda i: f"{who(i)} arrived. “Yes,” he said.", size),
        "unclosed quotes": repeat(lambda i: "“We will fight", size),
        "according to": repeat(lambda i: "according to officials", size),
        "title chain": repeat(lambda i: "Foreign Minister Eduard Shevardnadze and "
                              "Defence Secretary Caspar Weinberger and", size),
        "distinct title chain": repeat(lambda i: f"Finance Minister {who(i)},", size),
        "capitalised run": repeat(lambda i: "Alpha Beta Gamma Delta", size),
        # a lone "Roe said" looks for "<Word> Roe" elsewhere; each sentence
        # opening with one asks whether the article writes the word in lower
        # case, which it does once, at the end
        "sentence-opening surnames": "Roe said the deal was fine. " + repeat(
            lambda i: "Quorvex Roe knocked on the door.", size) + " The quorvex was there.",
        "company cues": repeat(lambda i: f"{LAST[i % len(LAST)]} Electric Co said", size),
        "100k country names": repeat(lambda i: "Lithuania", size),
        "country cycle": repeat(lambda i: COUNTRIES[i % len(COUNTRIES)], size, ", "),
        "dateline lines": repeat(lambda i: "VILNIUS, Dec 20 (Reuters) - Lithuania said.", size,
                                 "\n"),
        "byline lines": repeat(lambda i: f"By {who(i)}", size, "\n"),
        "blank lines": repeat(lambda i: "Officials said.", size, "\n\n\n"),
        "no punctuation": repeat(lambda i: "the", size),
    }


def ordinary(size):
    """The sample corpus's articles, repeated with new ids to size bytes."""
    arts = [json.loads(l) for l in open(os.path.join(TOP, "tests/corpus/sample.jsonl"))]
    out, total = [], 0
    for i in itertools.count():
        a = dict(arts[i % len(arts)], id=f"ordinary-{i}")
        out.append(a)
        total += len(a.get("text", "").encode())
        if total >= size:
            return out


def run(nf, path, workdir):
    out = os.path.join(workdir, "record.jsonl")
    with open(out, "wb") as f:
        p = subprocess.Popen([nf, "extract", "--max-article-bytes", str(64 << 20),
                              "--max-record-bytes", str(1 << 30), "--max-quotes", "4000000000", path],
                             stdin=subprocess.DEVNULL,
                             stdout=f, stderr=subprocess.PIPE)
        t0 = time.monotonic()
        while True:  # a shape that runs past the time limit is killed and said so
            pid, status, ru = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - t0 > TIME_LIMIT:
                p.kill()
            time.sleep(0.01)
        wall = time.monotonic() - t0
        err = p.stderr.read().decode(errors="replace").strip()
        if wall > TIME_LIMIT:
            err = f"killed after {TIME_LIMIT} s"
    cpu = ru.ru_utime + ru.ru_stime
    ok = os.waitstatus_to_exitcode(status) == 0
    return cpu, wall, ru.ru_maxrss / 1024, os.path.getsize(out), ok, err


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    nf = sys.argv[1]
    sizes = [float(x) for x in sys.argv[2:]] or [1, 4]
    with tempfile.TemporaryDirectory() as work:
        print(f"{'shape':22} {'MB':>5} {'s':>7} {'s/MB':>7} {'x news':>7} {'peak MB':>8}"
              f" {'record MB':>9}  result")
        for mb in sizes:
            size = int(mb * (1 << 20))
            path = os.path.join(work, "ordinary.jsonl")
            with open(path, "w") as f:
                for a in ordinary(size):
                    f.write(json.dumps(a) + "\n")
            cpu, wall, peak, rec, ok, err = run(nf, path, work)
            base = cpu / mb
            print(f"{'ordinary news':22} {mb:5.1f} {cpu:7.2f} {base:7.3f} {1:7.1f} {peak:8.1f}"
                  f" {rec / (1 << 20):9.2f}  {'ok' if ok else err[:60]}", flush=True)
            for name, text in shapes(size).items():
                with open(path, "w") as f:
                    f.write(json.dumps({"id": name, "text": text}) + "\n")
                cpu, wall, peak, rec, ok, err = run(nf, path, work)
                print(f"{name:22} {mb:5.1f} {cpu:7.2f} {cpu / mb:7.3f} {cpu / mb / base:7.1f}"
                      f" {peak:8.1f} {rec / (1 << 20):9.2f}  {'ok' if ok else err[:60]}",
                      flush=True)


if __name__ == "__main__":
    main()
