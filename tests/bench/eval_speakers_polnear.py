#!/usr/bin/python3
"""Measure the speaker analyzer against PolNeAR (Newell, Margolin & Ruths 2018).

PolNeAR annotates attributions (Source, Cue, Content) in 2016 US political news.
This script runs `newsfields extract` over the articles of the splits asked for
and prints two figures per split, and for the splits together:

  named speakers   per article, the set of named sources in the gold (a Source
                   span that holds a capitalised name, keyed by its last
                   capitalised word: "Sen. Bernie Sanders" -> sanders, "the
                   Clinton campaign" -> clinton) against the set of speakers the
                   analyzer lists, keyed the same way; micro-averaged precision,
                   recall and F1 over articles.
  attribution      quotes whose gold source is named (all cues, and speech
                   cues only): a gold attribution is
                   found when a quote of the analyzer overlaps its Content and
                   names the same speaker (same key); precision is over the
                   analyzer's attributed quotes that overlap a gold attribution
                   with a named source.

The analyzer's named speakers are the words at each quote's speaker_span, keyed
the same way, so a quote attributed to "he" counts on neither side; the line
"speech, list" compares the record's "speakers" list instead (pronouns and
descriptions resolved to names), against the speech-cue gold.

Two gold sets are reported for the named speakers: "all cues" counts every
attribution PolNeAR annotates (including thoughts and beliefs: "thinks",
"wants", "mocked"); "speech cues" keeps the attributions whose cue holds a
reporting verb of schema/reporting-verbs.tsv or is a colon, which is what the
analyzer looks for.  Articles annotated by several annotators use the first
annotation file in name order.

PolNeAR `test` is held out: do not tune on it.  Usage:

  /usr/bin/python3 tests/bench/eval_speakers_polnear.py [--command build/newsfields]
      [--polnear DIR] [--splits train,dev] [--show N]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

NOT_NAMES = set("""the a an he she it they we i you his her their its our my your this that
these those who which what one some many most several both all each every any no other others
mr mrs ms dr sen rep gov gen jr sr ii iii iv president senator secretary former presidential republican
republicans democrat democrats democratic gop campaign q a according in on at by of and or but
so if when as new former vice mayor governor chairman chief minister spokesman spokeswoman
press white house state department
another about almost only nearly just more some most top multiple half""".split())

# Number words: "Twenty-four percent said" names no one.
NUMBER_WORDS = set("""one two three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
eighty ninety hundred""".split())


def number_word(f):
    return all(p in NUMBER_WORDS for p in f.split("-"))


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.casefold()


WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)


def load_place_words():
    """Folded country names and demonyms (schema/countries.tsv): "French" in
    "French officials" describes a source, it does not name one."""
    words = set()
    with open(os.path.join(ROOT, "schema", "countries.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3 and cols[1] in ("demonym", "demonym_plural"):
                words.add(fold(cols[2]))
    return words


PLACE_WORDS = load_place_words()


def load_place_names():
    """Folded names of countries, capitals and US states and cities
    (schema/places.tsv): "One California delegate", "the Texas senator",
    "observers in Virginia" describe a source by a place, they name no one."""
    names = set()
    with open(os.path.join(ROOT, "schema", "places.tsv"), encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(cols) < 3:
                continue
            if cols[2] in ("country", "capital") or cols[1] == "us" and cols[2] in ("region", "city"):
                names.add(" ".join(fold(w).rstrip(".") for w in cols[0].split()))
    return names


PLACE_NAMES = load_place_names()


PREPOSITIONS = set("of from at in for with by on to".split())
DETERMINERS = set("the a an".split())


def segment_key(text, common):
    """(key, strength): the last word of the last run of two or more
    capitalised words that is not in a prepositional phrase (a full name:
    "Gov. Bill Richardson of New Mexico" -> richardson, "Western New England
    University historian John Baick" -> baick; strength 2), else the last
    capitalised word that may name someone, preferring words outside
    prepositional phrases ("Mr. Morgan of the Sierra Club" -> morgan;
    strength 1 when it ends the text, a bare name, else 0)."""
    run = []
    runs = []
    prev_word = ""
    before_det = ""
    for m in WORD.finditer(text):
        w = m.group(0).rstrip(".").replace("’", "'")
        if w.endswith("'s") or w.endswith("'"):
            w = w[:-2] if w.endswith("'s") else w[:-1]
        between = text[run[-1][1]:m.start()] if run else ""
        if not w or not w[0].isupper() or (run and between.strip() not in ("", "-")):
            if run:
                runs.append(run)
            run = []
        if w and w[0].isupper():
            if not run:
                # "of the Eurasia Group": the preposition may stand before an article
                prep = fold(prev_word) in PREPOSITIONS or (
                    fold(prev_word) in DETERMINERS and fold(before_det) in PREPOSITIONS)
                run.append(("", -1, prep))
            run.append((fold(w), m.end(), False))
        before_det = prev_word
        prev_word = w
    if run:
        runs.append(run)
    runs = [(r[0][2], [(f, e) for f, e, _ in r[1:]]) for r in runs]

    def describes(after_prep, r):
        """A place that modifies a noun or ends a prepositional phrase."""
        words = [f for f, _ in r]
        place = False
        for i in range(len(words)):  # "One California delegate", "A New York judge"
            if " ".join(words[i:]) in PLACE_NAMES:
                place = True
                break
            if not (words[i] in NOT_NAMES or number_word(words[i])):
                break
        if not place:
            return False
        nxt = WORD.search(text, r[-1][1])
        return after_prep or bool(nxt and nxt.group(0)[0].islower())

    runs = [(p, r) for p, r in runs if not describes(p, r)]

    def may_name(f):
        return not (f in NOT_NAMES or len(f) < 2 or f in common or f in PLACE_WORDS
                    or number_word(f))

    for after_prep, r in reversed(runs):
        names = [f for f, _ in r if may_name(f)]
        if len(r) >= 2 and len(names) >= 2 and not after_prep:
            return names[-1], 2
    key = None
    for want_prep in (False, True):
        for after_prep, r in runs:
            if after_prep != want_prep:
                continue
            for f, e in r:
                if may_name(f):
                    key, end = f, e
        if key:
            # a bare name ("Kaine") names its source; a modifier ("Nevada's
            # governor", "A Twitter spokesman") or a prepositional phrase
            # ("the director of the FBI") yields to a later appositive's name
            bare = not want_prep and not re.search(r"[^\W\d_]", text[end:])
            return key, 1 if bare else 0
    return None, 0


def opening_common_words(texts):
    """Words the articles write in lower case more often than capitalised
    inside a sentence ("foreign", "historians", "whenever"): as a source's
    first word, capitalised only because it opens the sentence, such a word
    names no one ("Foreign policy analysts said")."""
    low, cap = {}, {}
    for text in texts:
        for m in re.finditer(r"(?<![\w'’])([^\W\d_][\w'’-]*)", text):
            w = m.group(1)
            f = fold(w)
            if w[0].islower():
                low[f] = low.get(f, 0) + 1
            elif re.search(r"[a-z,]\s+$", text[max(0, m.start() - 3):m.start()]):
                cap[f] = cap.get(f, 0) + 1
    return frozenset(f for f, n in low.items() if n > cap.get(f, 0))


def capitalised_inside(text):
    """Words the article capitalises inside a sentence: its names ("said
    Cross"), which stay names at a sentence's start."""
    return set(fold(m.group(1)) for m in
               re.finditer(r"[a-z,]\s+([A-Z][\w'’-]*)", text))


def name_key(text, common=frozenset(), opening=frozenset()):
    """The name a source is known by: the full or bare name of the first
    comma-separated part that holds one ("Christian Estrosi, a former mayor of
    Nice" -> estrosi; "Kaine, a former party chairman" -> kaine; "The French
    interior minister, Bernard Cazeneuve" and "Nevada's governor, Brian
    Sandoval" -> the appositive's name), else in the first part that holds
    one, the last
    capitalised word that is not a title, a pronoun, a demonym or a word the
    article also writes in lower case ("Police said" names no one)."""
    text = text.split("(")[0]
    words = list(WORD.finditer(text))
    if (len(words) and words[0].group(0)[0].isupper() and fold(words[0].group(0)) in opening
            and (len(words) == 1 or not words[1].group(0)[0].isupper())):
        text = text[:words[0].start()] + text[words[0].start():].lower()[:1] + \
            text[words[0].start() + 1:]
    first = None
    for part in text.split(","):
        key, strength = segment_key(part, common)
        if strength:
            return key
        first = first or key
    return first


def common_words(text):
    """Words the article writes in lower case somewhere."""
    return set(fold(w) for w in re.findall(r"(?<![\w'’])[a-z][a-z'-]+", text))


def load_verbs():
    verbs = set()
    with open(os.path.join(ROOT, "schema", "reporting-verbs.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            verbs.add(fold(line.split("\t")[0]))
    return verbs


def speech_cue(cue, verbs):
    c = fold(cue).strip()
    if c in (":", ""):
        return True
    return any(re.search(r"(^|\s)" + re.escape(v) + r"($|\s)", c) for v in verbs)


def parse_spans(s):
    spans = []
    for part in s.split(";"):
        a, b = part.split()
        spans.append((int(a), int(b)))
    return spans


def load_ann(path):
    """Attributions: [(source text, source spans, cue text, content spans)]."""
    tspans, texts = {}, {}
    out = []
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for line in lines:
        if not line.startswith("T"):
            continue
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        head = parts[1].split(" ", 1)
        if len(head) < 2:
            continue
        try:
            tspans[parts[0]] = (head[0], parse_spans(head[1]))
        except ValueError:
            continue
        texts[parts[0]] = parts[2]
    for line in lines:
        if not line.startswith("E"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        roles = dict(r.split(":", 1) for r in parts[1].split() if ":" in r)
        src, cue, content = roles.get("Source"), roles.get("Cue"), roles.get("Content")
        if not content or content not in tspans:
            continue
        out.append((texts.get(src, ""), tspans[src][1] if src in tspans else [],
                    texts.get(cue, ""), tspans[content][1]))
    return out


def char_to_byte(text):
    """Byte offset of each character offset (and of the end)."""
    offs = [0] * (len(text) + 1)
    b = 0
    for i, ch in enumerate(text):
        offs[i] = b
        b += len(ch.encode("utf-8"))
    offs[len(text)] = b
    return offs


def articles(polnear, split):
    tdir = os.path.join(polnear, "data", split, "text")
    adir = os.path.join(polnear, "data", split, "attributions")
    anns = sorted(os.listdir(adir))
    for name in sorted(os.listdir(tdir)):
        stem = name[:-4]
        mine = [a for a in anns if a.startswith(stem + "_")]
        if not mine:
            continue
        with open(os.path.join(tdir, name), encoding="utf-8") as f:
            text = f.read()
        yield stem, text, load_ann(os.path.join(adir, mine[0]))


def extract(command, docs):
    """{id: record} for [(id, text)], through one run of `newsfields extract -`."""
    payload = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in docs)
    p = subprocess.run([command, "extract", "-"], input=payload.encode("utf-8"),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if p.returncode != 0:
        sys.exit("extract failed: " + p.stderr.decode("utf-8", "replace"))
    out = {}
    for line in p.stdout.decode("utf-8").splitlines():
        rec = json.loads(line)
        out[rec["id"]] = rec
    return out


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


class Tally:
    def __init__(self):
        self.spk = {"all": [0, 0, 0], "speech": [0, 0, 0], "list": [0, 0, 0]}
        self.att = [0, 0, 0]  # found right, attributed wrong, gold missed
        self.att_speech = [0, 0, 0]
        self.articles = 0
        self.errors = []

    def add(self, other):
        for k in self.spk:
            for i in range(3):
                self.spk[k][i] += other.spk[k][i]
        for i in range(3):
            self.att[i] += other.att[i]
            self.att_speech[i] += other.att_speech[i]
        self.articles += other.articles


def score(stem, text, gold, rec, verbs, t, opening=frozenset()):
    t.articles += 1
    c2b = char_to_byte(text)
    common = common_words(text)
    opening = opening - capitalised_inside(text)
    # The speakers the analyzer names at a cue: the words at speaker_span,
    # as the gold's are the words of its Source span (a quote attributed to
    # "he" is no named speaker on either side); "list" is the record's
    # "speakers", pronouns resolved, for comparison.
    tb = text.encode("utf-8")
    at_cue = set()
    for q in rec.get("quotes") or []:
        if q.get("speaker_span"):
            b, e = q["speaker_span"]
            k = name_key(tb[b:e].decode("utf-8", "replace"), common, opening)
            if k:
                at_cue.add(k)
    listed = set()
    for s in rec.get("speakers") or []:
        k = name_key(s, common, opening)
        if k:
            listed.add(k)
    for which in ("all", "speech", "list"):
        ours = listed if which == "list" else at_cue
        g = set()
        for src, _, cue, _ in gold:
            if which != "all" and not speech_cue(cue, verbs):
                continue
            k = name_key(src, common, opening)
            if k:
                g.add(k)
        tp = len(g & ours)
        t.spk[which][0] += tp
        t.spk[which][1] += len(ours - g)
        t.spk[which][2] += len(g - ours)
        if which == "all":
            for k in sorted(ours - g):
                t.errors.append((stem, "spurious speaker", k))
            for k in sorted(g - ours):
                t.errors.append((stem, "missed speaker", k))
    # attribution of quotes whose gold source is named
    quotes = []
    for q in rec.get("quotes") or []:
        b, e = q.get("content_span") or (0, 0)
        quotes.append((b, e, name_key(q["speaker"], common, opening) if q.get("speaker") else None))
    for which, att in (("all", t.att), ("speech", t.att_speech)):
        for src, _, cue, content in gold:
            k = name_key(src, common, opening)
            if not k or (which == "speech" and not speech_cue(cue, verbs)):
                continue
            spans = [(c2b[a], c2b[b]) for a, b in content]
            hit = None
            for qi, (b, e, qk) in enumerate(quotes):
                if any(b < sb2 and sb1 < e for sb1, sb2 in spans):
                    if qk == k:
                        hit = qi
                        break
                    if hit is None:
                        hit = -1 - qi
            if hit is not None and hit >= 0:
                att[0] += 1
                continue
            att[2] += 1
            if hit is not None and quotes[-1 - hit][2] is not None:
                att[1] += 1  # overlapping quote given to someone else
                if which == "all":
                    t.errors.append((stem, "wrong speaker", "%s for %s" %
                                     (quotes[-1 - hit][2], k)))
    return t


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--command", default=os.path.join(ROOT, "build", "newsfields"))
    ap.add_argument("--polnear", default=os.path.join(os.path.dirname(ROOT), "shared", "corpora",
                                                       "polnear"))
    ap.add_argument("--splits", default="train,dev")
    ap.add_argument("--show", type=int, default=0, help="print the first N errors")
    args = ap.parse_args()
    splits = args.splits.split(",")
    if "test" in splits:
        print("note: PolNeAR test is held out; report it, never tune on it", file=sys.stderr)
    verbs = load_verbs()
    total = Tally()
    errors = []
    for split in splits:
        docs = list(articles(args.polnear, split))
        recs = extract(args.command, [(s, t) for s, t, _ in docs])
        t = Tally()
        opening = opening_common_words(text for _, text, _ in docs)
        for stem, text, gold in docs:
            score(stem, text, gold, recs[stem], verbs, t, opening)
        report(split, t)
        total.add(t)
        errors.extend(t.errors)
    if len(splits) > 1:
        report("+".join(splits), total)
    for e in errors[: args.show]:
        print("  %s: %s %s" % e)


def report(name, t):
    for which, label in (("all", "all cues"), ("speech", "speech cues"),
                         ("list", "speech, list")):
        p, r, f = prf(*t.spk[which])
        print("%-10s named speakers (%-12s) P %.3f  R %.3f  F1 %.3f  (%d articles)" %
              (name, label, p, r, f, t.articles))
    for label, att in (("all cues", t.att), ("speech cues", t.att_speech)):
        right, wrong, missed = att
        p = right / (right + wrong) if right + wrong else 0.0
        r = right / (right + missed) if right + missed else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print("%-10s attribution   (%-12s) P %.3f  R %.3f  F1 %.3f  (%d gold, source named)" %
              (name, label, p, r, f, right + missed))


if __name__ == "__main__":
    main()
