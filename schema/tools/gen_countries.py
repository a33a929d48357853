#!/usr/bin/python3
"""Generate schema/countries.tsv, the newsfields country gazetteer.

Usage (from the top of the repository):

    python3 schema/tools/gen_countries.py /usr/share/iso-codes/json \\
        /work/shared/corpora/countries-mledoze > schema/countries.tsv

    python3 schema/tools/gen_countries.py --check schema/countries.tsv

The first argument is the directory of Debian's iso-codes JSON files
(iso_3166-1.json, iso_3166-3.json, iso_639-2.json, iso_639-3.json); the
second is a directory holding mledoze/countries' countries.json (v5.1.0 was
used).  The project-written table schema/tools/country-extra.tsv (next to
this script; --extra FILE to use another) is read too.  Python 3 standard
library only.  The output is deterministic: the same inputs give the same
bytes, sorted by code, then kind (in the order of KINDS), then phrase.

--check FILE validates a countries.tsv (format, exactly one `name` per code,
cross-code phrases flagged `ambiguous`) and exits non-zero on the first
problem, naming file and line.

How the table is built (COUNTRIES.md has the format and the judgement calls):

 1. ISO 3166-1 (iso-codes): every alpha-2 becomes a code; its `name`,
    `official_name` and `common_name` are added (ISO's inverted forms such as
    "Korea, Republic of" are turned round, parenthesised parts dropped).
 2. mledoze/countries: the common name, official name, English-looking
    alternative spellings (see english_enough), capitals and English
    demonyms.  Kosovo (xk, user-assigned) comes from here.
 3. ISO 3166-3 (iso-codes): former states.  States that ceased to exist
    keep their old alpha-2 (su, dd, yu, cs, an, vd, yd); states that were
    renamed give their old names to the current code (Burma -> mm, Zaire ->
    cd, ...).  FORMER below lists every ISO 3166-3 entry and what it becomes;
    a new entry in iso-codes stops the script until someone decides.
 4. EXCLUDE drops generated phrases that do more harm than good.
 5. country-extra.tsv is laid over the result: for each (code, phrase) it
    names, its kind and flags win.  It also chooses display names (`name`).
 6. Variants: "Saint X" <-> "St. X", and accent-stripped spellings
    ("Côte d'Ivoire" -> "Cote d'Ivoire"), same kind and flags.
 7. Plural demonyms by rule for regular cases (-an, -i, -er + "s");
    irregular plurals are written in country-extra.tsv.
 8. Flags by rule: `upper` for one-token all-capital phrases ("US", "U.S."),
    `language` for singular demonyms that are ISO 639 language names.
 9. Codes: alpha-2 and alpha-3 in capitals, kind `code`.
Within one code a phrase (compared case-insensitively) has one kind only:
extra first, then name > official > demonym > demonym_plural > alt >
capital.  `code` entries are kept apart (query-time only).
"""

import hashlib
import json
import os
import re
import sys
import unicodedata

KINDS = ["name", "official", "alt", "demonym", "demonym_plural", "capital", "code"]
TEXT_PRIORITY = {"name": 0, "official": 1, "demonym": 2, "demonym_plural": 3,
                 "alt": 4, "capital": 5}
FLAGS = ["upper", "cased", "person", "language", "us-state", "ambiguous", "government"]
# Flags a generated plural demonym takes over from its singular.
PLURAL_INHERITS = {"ambiguous", "us-state", "cased"}

# Every ISO 3166-3 entry, by alpha-4: (code it becomes, use the short name?).
# A code that is not a current ISO 3166-1 code means "ceased to exist, keeps
# its old code"; a current code means "same territory, renamed or absorbed".
FORMER = {
    "SUHH": ("su", True),   # USSR
    "DDDE": ("dd", True),   # German Democratic Republic
    "YUCS": ("yu", True),   # Yugoslavia (SFRY, then FRY until 2003)
    "CSHH": ("cs", True),   # Czechoslovakia keeps "cs"
    "CSXX": ("yu", True),   # Serbia and Montenegro: FRY renamed in 2003, so yu
    "ANHH": ("an", True),   # Netherlands Antilles, dissolved 2010
    "VDVN": ("vd", False),  # North Vietnam; short part "Viet-Nam" is today's vn
    "YDYE": ("yd", False),  # South Yemen; short part "Yemen" is today's ye
    "BUMM": ("mm", True),   # Burma -> Myanmar, same state
    "ZRCD": ("cd", True),   # Zaire -> DR Congo
    "TPTL": ("tl", True),   # East Timor -> Timor-Leste
    "DYBJ": ("bj", True),   # Dahomey -> Benin
    "HVBF": ("bf", True),   # Upper Volta -> Burkina Faso
    "NHVU": ("vu", True),   # New Hebrides -> Vanuatu
    "RHZW": ("zw", True),   # Southern Rhodesia -> Zimbabwe
    "AIDJ": ("dj", True),   # French Afars and Issas -> Djibouti
    "BYAA": ("by", True),   # Byelorussian SSR -> Belarus (name excluded below)
    "CTKI": ("ki", True),   # Canton and Enderbury Islands -> Kiribati
    "JTUM": ("um", True),   # Johnston Island
    "MIUM": ("um", True),   # Midway Islands
    "WKUM": ("um", True),   # Wake Island
    "PZPA": ("pa", True),   # Panama Canal Zone
    "NQAQ": ("aq", True),   # Dronning Maud Land
    # Not used: not states, split between several codes, or old codes now
    # reused for another country.
    "BQAQ": (None, False),  # British Antarctic Territory (BQ is now Bonaire)
    "FQHH": (None, False),  # French Southern and Antarctic Territories: split
    "FXFR": (None, False),  # Metropolitan France: not a country in the news
    "GEHH": (None, False),  # Gilbert and Ellice Islands: split (GE is Georgia)
    "NTHH": (None, False),  # Saudi-Iraqi Neutral Zone: split
    "PCHH": (None, False),  # Pacific Islands trust territory: split
    "PUUM": (None, False),  # US Miscellaneous Pacific Islands
    "SKIN": (None, False),  # Sikkim, now an Indian state (SK is Slovakia)
}

# Generated phrases dropped, by (code, phrase): (reason).  Matched
# case-insensitively; a phrase written in country-extra.tsv is never dropped.
EXCLUDE = {
    # demonyms that belong to the sovereign state, or name no one country
    ("bq", "Dutch"): "demonym of nl",
    ("sj", "Norwegian"): "demonym of no",
    ("tf", "French"): "demonym of fr",
    ("mp", "American"): "demonym of us",
    ("io", "Indian"): "demonym of in",
    ("um", "American Islander"): "contains American; no one says it",
    ("gg", "Channel Islander"): "shared by gg and je",
    ("je", "Channel Islander"): "shared by gg and je",
    ("vg", "Virgin Islander"): "shared by vg and vi",
    ("vi", "Virgin Islander"): "shared by vg and vi",
    ("gs", "South Georgian South Sandwich Islander"): "not English usage",
    ("cv", "Cape Verdian"): "misspelling (Cape Verdean is in the extra table)",
    ("mv", "Maldivan"): "misspelling (Maldivian is in the extra table)",
    # capitals that are better known as other places or as common words
    ("ai", "The Valley"): "common phrase",
    ("bq", "The Bottom"): "common phrase",
    ("bq", "Oranjestad"): "Aruba's capital too",
    ("nf", "Kingston"): "Jamaica's capital too",
    ("cc", "West Island"): "common place name",
    ("re", "Saint-Denis"): "the Paris suburb is in the news more",
    ("pm", "Saint-Pierre"): "many places",
    ("sh", "Jamestown"): "many places",
    ("ms", "Plymouth"): "the English city",
    ("bm", "Hamilton"): "Canadian and NZ cities, surname",
    ("im", "Douglas"): "given name and surname",
    ("fk", "Stanley"): "given name",
    ("sc", "Victoria"): "Australian state, Canadian city, given name",
    ("hk", "City of Victoria"): "also Victoria, British Columbia",
    # names and alternative spellings
    ("za", "RSA"): "RSA the cipher and company",
    ("gf", "Guiana"): "the whole Guiana region",
    ("tw", "Taiwan, Province of China"): "ISO's political label, not news usage",
    ("by", "Byelorussian SSR Soviet Socialist Republic"): "garbled in iso-codes",
}

# One-word alternative spellings from mledoze that English news uses; every
# other one-word spelling (Suomi, Nippon, Island, Mann, Timor...) is dropped.
# All-capital abbreviations (UK, USA, UAE, DRC, DPRK) are taken as they are.
ALT_SINGLE_WORDS = {"Aland", "Burma", "Curacao", "Emirates", "Holland", "Macao",
                    "Macedonia", "Pitcairn", "Reunion", "Roumania", "Rumania",
                    "Swaziland", "Turkiye", "Vatican"}

# Words that may appear in an English name besides the country's own words.
ENGLISH_WORDS = set("""
and of the St. Saint Republic Republics Kingdom State States Commonwealth
Federation Federal Federated Democratic People's Peoples Islamic Union
Principality Grand Duchy Sultanate Territory Territories Independent
Socialist Arab Hashemite Plurinational Bolivarian Oriental United
Co operative Collectivity Department Nation Bailiwick Country Hellenic
Confederation Island Islands Most Serene Sovereign Special Administrative
Region Emirate Emirates Lands City Islamic Cooperative
""".split())

DESIGNATION = re.compile(
    r"\b(Republic|Republics|Kingdom|State|States|Commonwealth|Federation|"
    r"Principality|Duchy|Sultanate|Territory|Confederation|Collectivity|"
    r"Department|Bailiwick|Emirate|Union|Nation|Country)\b")

# Entries that must exist (a guard against source changes): (code, kind, phrase).
REQUIRED = [
    ("lt", "name", "Lithuania"), ("lt", "demonym", "Lithuanian"),
    ("lt", "demonym_plural", "Lithuanians"), ("lt", "official", "Republic of Lithuania"),
    ("lt", "code", "LT"), ("lt", "code", "LTU"), ("lt", "capital", "Vilnius"),
    ("us", "name", "United States"), ("us", "alt", "U.S."), ("us", "alt", "US"),
    ("us", "alt", "USA"), ("us", "alt", "America"), ("us", "capital", "Washington"),
    ("us", "demonym_plural", "Americans"),
    ("gb", "name", "United Kingdom"), ("gb", "alt", "Britain"), ("gb", "alt", "U.K."),
    ("gb", "demonym_plural", "Britons"),
    ("su", "name", "Soviet Union"), ("su", "demonym", "Soviet"), ("su", "alt", "USSR"),
    ("dd", "name", "East Germany"), ("yu", "name", "Yugoslavia"),
    ("cs", "name", "Czechoslovakia"), ("de", "alt", "West Germany"),
    ("pg", "name", "Papua New Guinea"), ("gq", "name", "Equatorial Guinea"),
    ("gw", "name", "Guinea-Bissau"), ("gn", "name", "Guinea"),
    ("ne", "name", "Niger"), ("ng", "name", "Nigeria"),
    ("ne", "demonym", "Nigerien"), ("ng", "demonym", "Nigerian"),
    ("dm", "name", "Dominica"), ("do", "name", "Dominican Republic"),
    ("cn", "capital", "Beijing"), ("ru", "capital", "Moscow"), ("ru", "name", "Russia"),
    ("ua", "capital", "Kyiv"), ("ua", "capital", "Kiev"),
    ("cn", "demonym", "Chinese"), ("fr", "demonym", "French"),
    ("ch", "demonym", "Swiss"), ("ph", "demonym_plural", "Filipinos"),
    ("il", "demonym_plural", "Israelis"),
    ("kr", "alt", "Korea"), ("kp", "alt", "Korea"),
    ("cd", "alt", "Congo"), ("cg", "alt", "Congo"),
    ("ru", "capital", "Kremlin"), ("us", "capital", "White House"),
]
REQUIRED_FLAGS = [("us", "alt", "US", "upper"), ("kr", "alt", "Korea", "ambiguous"),
                  ("ge", "name", "Georgia", "us-state"), ("tr", "name", "Turkey", "cased"),
                  ("ru", "capital", "Kremlin", "government")]

HEADER = """\
# newsfields country gazetteer: GENERATED by schema/tools/gen_countries.py.
# Do not edit by hand: edit schema/tools/country-extra.tsv (or the script) and run
#   python3 schema/tools/gen_countries.py ISO_CODES_JSON_DIR MLEDOZE_DIR > schema/countries.tsv
# The format, the sources and the judgement calls are in schema/COUNTRIES.md.
#
# Format: UTF-8; one entry per line; lines starting with # are comments; blank
# lines are ignored.  Columns are separated by exactly one TAB:
#   code<TAB>kind<TAB>phrase[<TAB>flags]
# code   lower-case ISO 3166-1 alpha-2; former states keep their ISO 3166-3
#        alpha-2 (su, dd, yu, cs, an, vd, yd); xk is Kosovo (user-assigned).
# kind   name (exactly one per code: the facet label), official, alt, demonym,
#        demonym_plural, capital, code (alpha-2 and alpha-3 in capitals,
#        for queries only, never matched in running text).
# phrase as written in text, not folded; no leading "the" unless it is part of
#        the name (The Hague).
# flags  optional, comma-separated, from: upper (match only written in
#        capitals), cased (match only with each word capitalised), person
#        (also a given name or surname), language (demonym that is also a
#        language name), us-state (is, or ends, a US state name), ambiguous
#        (needs context; phrases under several codes always carry it),
#        government (a seat of government standing for the government).
# Sorted by code, then kind in the order above, then phrase.
#
# Licence: contains information from mledoze/countries
# (https://github.com/mledoze/countries), which is made available here under
# the Open Database License 1.0 (https://opendatacommons.org/licenses/odbl/1-0/,
# full text in schema/LICENSE.ODbL.md).  This file is a derivative database and
# is offered under the same licence.  It also holds names and codes from
# Debian's iso-codes (https://salsa.debian.org/iso-codes-team/iso-codes).
# See schema/COUNTRIES.md.
"""


class GenError(Exception):
    pass


def fold_key(phrase):
    return phrase.casefold()


def strip_accents(s):
    d = unicodedata.normalize("NFD", s)
    return unicodedata.normalize("NFC", "".join(c for c in d if unicodedata.category(c) != "Mn"))


def clean(p):
    """Source phrase as a gazetteer phrase: no parenthesised part, no leading
    article, single spaces."""
    p = re.sub(r"\s*\([^)]*\)", "", p)
    p = re.sub(r"\s+", " ", p).strip()
    p = re.sub(r"^(the|The) ", "", p)
    return p


def uninvert(p):
    """'Korea, Republic of' -> 'Republic of Korea'; 'Virgin Islands, U.S.' ->
    'U.S. Virgin Islands'; anything else unchanged."""
    if ", " not in p:
        return p
    parts = p.split(", ")
    head, tail = parts[0], re.sub(r"^(the|The) ", "", parts[-1])
    if re.search(r" of( the)?$", tail):
        return tail + " " + head
    if " " not in tail and len(parts) == 2:
        return tail + " " + head
    return p


def is_latin(p):
    for c in p:
        if c.isalpha() and "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


def words(p):
    return [w for w in re.split(r"[\s\-]+", p) if w]


def english_enough(p, own_words):
    """True when every word is the country's own (from its English names,
    demonyms) or an English designation word; foreign spellings fail."""
    if not is_latin(p):
        return False
    for w in words(p):
        w2 = w.strip(",")
        if w2 in ENGLISH_WORDS or strip_accents(w2).casefold() in own_words:
            continue
        return False
    return True


def is_upper_token(p):
    letters = [c for c in p if c.isalpha()]
    return (" " not in p and "-" not in p and len(letters) >= 2
            and all(c.isupper() for c in letters))


def sha16(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:16]


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


# ---- the table file format --------------------------------------------------

def parse_table(path, allow_codes=True):
    """Read a countries.tsv-format file; return [(lineno, code, kind, phrase, flags)].
    Raises GenError naming file and line on a bad line."""
    out = []
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        raise GenError("%s:%d: not UTF-8" % (path, line))
    for n, line in enumerate(text.split("\n"), 1):
        if line.endswith("\r"):
            raise GenError("%s:%d: CR line ending" % (path, n))
        if line.startswith("#") or line.strip() == "":
            continue
        cols = line.split("\t")
        if len(cols) not in (3, 4):
            raise GenError("%s:%d: expected 3 or 4 TAB-separated columns, got %d"
                           % (path, n, len(cols)))
        code, kind, phrase = cols[:3]
        flags = cols[3].split(",") if len(cols) == 4 else []
        if not re.fullmatch(r"[a-z]{2}", code):
            raise GenError("%s:%d: code %r is not two lower-case letters" % (path, n, code))
        if kind not in KINDS or (kind == "code" and not allow_codes):
            raise GenError("%s:%d: unknown kind %r" % (path, n, kind))
        if phrase == "" or phrase != phrase.strip() or "  " in phrase:
            raise GenError("%s:%d: empty phrase, or leading, trailing or double spaces"
                           % (path, n))
        if len(cols) == 4 and (cols[3] == "" or len(set(flags)) != len(flags)):
            raise GenError("%s:%d: empty or repeated flags" % (path, n))
        for fl in flags:
            if fl not in FLAGS:
                raise GenError("%s:%d: unknown flag %r" % (path, n, fl))
        if kind == "code" and flags:
            raise GenError("%s:%d: code entries take no flags" % (path, n))
        out.append((n, code, kind, phrase, flags))
    return out


def check_entries(path, rows):
    """Whole-table rules: no duplicate (code, kind, phrase); one name per code;
    a phrase under several codes is `ambiguous` everywhere."""
    seen, names, by_phrase = set(), {}, {}
    for n, code, kind, phrase, flags in rows:
        key = (code, kind, phrase)
        if key in seen:
            raise GenError("%s:%d: duplicate entry %s %s %r" % (path, n, code, kind, phrase))
        seen.add(key)
        if kind == "name":
            if code in names:
                raise GenError("%s:%d: second name for %s (first on line %d)"
                               % (path, n, code, names[code]))
            names[code] = n
        if kind != "code":
            by_phrase.setdefault(fold_key(phrase), []).append((n, code, flags))
    for n, code, kind, phrase, flags in rows:
        if code not in names:
            raise GenError("%s:%d: code %s has no name" % (path, n, code))
    for occ in by_phrase.values():
        if len({c for _, c, _ in occ}) > 1:
            for n, code, flags in occ:
                if "ambiguous" not in flags:
                    raise GenError("%s:%d: phrase is under several codes (%s) but not "
                                   "flagged ambiguous" % (path, n, ", ".join(
                                       sorted({c for _, c, _ in occ}))))


# ---- generation -------------------------------------------------------------

class Table:
    def __init__(self):
        self.text = {}   # (code, folded phrase) -> [kind, phrase, set(flags), from_extra]
        self.codes = {}  # code -> set of code phrases

    def add(self, code, kind, phrase, flags=(), from_extra=False, replace=False):
        phrase = re.sub(r"\s+", " ", phrase).strip()
        if not phrase:
            return
        key = (code, fold_key(phrase))
        cur = self.text.get(key)
        if cur is not None and not replace:
            if cur[3] or TEXT_PRIORITY[cur[0]] <= TEXT_PRIORITY[kind]:
                return
        self.text[key] = [kind, phrase, set(flags), from_extra]

    def add_code(self, code, value):
        self.codes.setdefault(code, set()).add(value)

    def all_codes(self):
        return sorted({c for c, _ in self.text} | set(self.codes))


def generate(iso_dir, mledoze_dir, extra_path):
    iso1 = load_json(os.path.join(iso_dir, "iso_3166-1.json"))["3166-1"]
    iso3 = load_json(os.path.join(iso_dir, "iso_3166-3.json"))["3166-3"]
    mled = load_json(os.path.join(mledoze_dir, "countries.json"))
    languages = set()
    for e in load_json(os.path.join(iso_dir, "iso_639-2.json"))["639-2"]:
        languages.update(e["name"].split("; "))
    for e in load_json(os.path.join(iso_dir, "iso_639-3.json"))["639-3"]:
        if e.get("type") == "L" and e.get("scope") in ("I", "M"):
            languages.add(e["name"])

    extra = parse_table(extra_path)
    extra_keys, extra_names = {}, {}
    for n, code, kind, phrase, flags in extra:
        key = (code, fold_key(phrase)) if kind != "code" else (code, "code:" + phrase)
        if key in extra_keys:
            raise GenError("%s:%d: %s %r already on line %d"
                           % (extra_path, n, code, phrase, extra_keys[key]))
        extra_keys[key] = n
        if kind == "name":
            if code in extra_names:
                raise GenError("%s:%d: second name for %s" % (extra_path, n, code))
            extra_names[code] = phrase

    t = Table()
    mled_by = {c["cca2"].lower(): c for c in mled}
    iso_by = {e["alpha_2"].lower(): e for e in iso1}

    # A country's own words, for english_enough.
    own = {}

    def own_words(code):
        if code not in own:
            ws = set()
            src = []
            if code in iso_by:
                e = iso_by[code]
                src += [e.get("name", ""), e.get("official_name", ""), e.get("common_name", "")]
            if code in mled_by:
                # mledoze's official name is not evidence: it is what is checked
                c = mled_by[code]
                src.append(c["name"]["common"])
                eng = c["demonyms"].get("eng", {})
                src += [eng.get("m", ""), eng.get("f", "")]
            src += [p for _, c2, k, p, _ in extra if c2 == code and k != "code"]
            for s in src:
                for w in words(s.replace(",", " ").replace("(", " ").replace(")", " ")):
                    ws.add(strip_accents(w).casefold())
            own[code] = ws
        return own[code]

    def add_source_phrase(code, phrase, default_kind):
        p = clean(uninvert(phrase))
        if not p:
            return
        kind = default_kind
        if kind == "alt" and DESIGNATION.search(p):
            kind = "official"
        t.add(code, kind, p)

    # 1 + 2: ISO 3166-1 and mledoze.
    for code in sorted(set(iso_by) | set(mled_by)):
        e, c = iso_by.get(code), mled_by.get(code)
        candidates = []
        if c:
            candidates.append(c["name"]["common"])
        if e:
            candidates += [e.get("common_name"), clean(uninvert(e["name"]))]
        chosen = extra_names.get(code) or next(x for x in candidates if x)
        if code not in extra_names:
            t.add(code, "name", chosen)
        if e:
            t.add_code(code, e["alpha_2"])
            t.add_code(code, e["alpha_3"])
            add_source_phrase(code, e["name"], "alt")
            if e.get("common_name"):
                add_source_phrase(code, e["common_name"], "alt")
            if e.get("official_name"):
                add_source_phrase(code, e["official_name"], "official")
        else:
            t.add_code(code, code.upper())
        if not c:
            continue
        add_source_phrase(code, c["name"]["common"], "alt")
        off = clean(uninvert(c["name"]["official"]))
        if english_enough(off, own_words(code)):
            t.add(code, "official", off)
        for a in c["altSpellings"]:
            a2 = clean(uninvert(a))
            if a2.upper() == code.upper():
                continue                     # the code itself: kind code
            if is_upper_token(a2):
                t.add(code, "alt", a2)       # UK, USA, UAE, DRC, DPRK
            elif " " not in a2 and "-" not in a2:
                if a2 in ALT_SINGLE_WORDS:
                    t.add(code, "alt", a2)
            elif english_enough(a2, own_words(code)):
                add_source_phrase(code, a2, "alt")
        for cap in c["capital"]:
            t.add(code, "capital", cap)
        eng = c["demonyms"].get("eng", {})
        for g in ("m", "f"):
            for d in re.split(r", | or ", eng.get(g, "")):
                if d.strip():
                    t.add(code, "demonym", d.strip())

    # 3: ISO 3166-3.
    for e in iso3:
        a4 = e["alpha_4"]
        if a4 not in FORMER:
            raise GenError("iso_3166-3.json: %s %r is not in FORMER; decide what it becomes"
                           % (a4, e["name"]))
        code, use_short = FORMER[a4]
        if code is None:
            continue
        kept = code not in iso_by and code not in mled_by
        parts = e["name"].split(", ")
        head, tail = parts[0], (parts[-1] if len(parts) > 1 else None)
        phrases = []
        if tail:
            tail = re.sub(r"^(the|The) ", "", tail)
            longp = tail + " " + head if re.search(r" of( the)?$", tail) else tail
            phrases.append(clean(longp))
        if use_short:
            phrases.append(clean(head))
        for p in phrases:
            if kept:
                t.add(code, "official" if DESIGNATION.search(p) else "alt", p)
            else:
                t.add(code, "alt", p)
        if kept:
            if code not in extra_names:
                raise GenError("former state %s (%s) needs a name in %s"
                               % (code, e["name"], extra_path))
            if e["alpha_2"].lower() == code:
                t.add_code(code, e["alpha_2"])
            t.add_code(code, e["alpha_3"])

    # 4: exclusions.
    for (code, phrase), _why in sorted(EXCLUDE.items()):
        key = (code, fold_key(phrase))
        if key in t.text:
            del t.text[key]
        else:
            print("gen_countries: note: EXCLUDE %s %r matched nothing" % (code, phrase),
                  file=sys.stderr)

    # 5: the extra table.
    for n, code, kind, phrase, flags in extra:
        if kind == "code":
            t.add_code(code, phrase)
        else:
            t.add(code, kind, phrase, flags, from_extra=True, replace=True)
    for code, name in extra_names.items():
        if (code, fold_key(name)) not in t.text:
            raise GenError("internal: extra name for %s lost" % code)

    # 6: variants.
    def add_variants(make):
        for (code, _k), (kind, phrase, flags, _x) in sorted(t.text.items()):
            v = make(phrase)
            if v and v != phrase and (code, fold_key(v)) not in t.text:
                t.text[(code, fold_key(v))] = [
                    "alt" if kind == "name" else kind, v, set(flags), False]

    add_variants(lambda p: re.sub(r"\bSaint ", "St. ", p) if re.search(r"\bSaint ", p)
                 else re.sub(r"\bSt\. ", "Saint ", p))
    add_variants(lambda p: strip_accents(p) if strip_accents(p).isascii() else None)

    # 7: plural demonyms.
    for (code, _k), (kind, phrase, flags, _x) in sorted(t.text.items()):
        if kind != "demonym" or re.match(r"^(I|Ni)-", phrase):
            continue
        if phrase.endswith("man") and (code, fold_key(phrase[:-3] + "men")) in t.text:
            plural = None  # Frenchman, Dutchwoman: the -men plural is in the extra table
        elif re.search(r"(an|i|er)$", phrase):
            plural = phrase + "s"
        else:
            plural = None
        if plural:
            key = (code, fold_key(plural))
            if key not in t.text:
                t.text[key] = ["demonym_plural", plural, flags & PLURAL_INHERITS, False]

    # 8: flags by rule.
    for (code, _k), ent in t.text.items():
        kind, phrase, flags, _x = ent
        if is_upper_token(phrase) and "cased" not in flags:
            flags.add("upper")
        if kind == "demonym" and phrase in languages:
            flags.add("language")

    # Names: exactly one per code.
    names = {}
    for (code, _k), (kind, phrase, _f, _x) in t.text.items():
        if kind == "name":
            if code in names:
                raise GenError("two names for %s: %r and %r" % (code, names[code], phrase))
            names[code] = phrase
    for code in t.all_codes():
        if code not in names:
            raise GenError("no name for %s" % code)

    rows = []
    for (code, _k), (kind, phrase, flags, _x) in t.text.items():
        rows.append((code, KINDS.index(kind), phrase, ",".join(f for f in FLAGS if f in flags)))
    for code, vals in t.codes.items():
        for v in vals:
            rows.append((code, KINDS.index("code"), v, ""))
    rows.sort()
    return rows, [n for _, n in sorted(names.items())]


def format_rows(rows, inputs):
    out = [HEADER.rstrip("\n")]
    out.append("# Inputs (sha256, first 16 hex digits): " + "; ".join(
        "%s %s" % (name, h) for name, h in inputs))
    out.append("")
    for code, k, phrase, flags in rows:
        cols = [code, KINDS[k], phrase] + ([flags] if flags else [])
        out.append("\t".join(cols))
    return "\n".join(out) + "\n"


def verify(rows):
    have = {(c, KINDS[k], p): f.split(",") if f else [] for c, k, p, f in rows}
    for r in REQUIRED:
        if r not in have:
            raise GenError("required entry missing: %s %s %r" % r)
    for c, k, p, fl in REQUIRED_FLAGS:
        if fl not in have.get((c, k, p), []):
            raise GenError("required flag missing: %s %s %r %s" % (c, k, p, fl))
    check_entries("<generated>", [(i, c, KINDS[k], p, f.split(",") if f else [])
                                  for i, (c, k, p, f) in enumerate(rows, 1)])


def main(argv):
    args = argv[1:]
    try:
        if args and args[0] == "--check":
            if len(args) != 2:
                raise GenError("usage: gen_countries.py --check FILE")
            rows = parse_table(args[1])
            check_entries(args[1], rows)
            print("%s: %d entries, OK" % (args[1], len(rows)), file=sys.stderr)
            return 0
        extra_path = os.path.join(os.path.dirname(argv[0]), "country-extra.tsv")
        if len(args) >= 2 and args[0] == "--extra":
            extra_path, args = args[1], args[2:]
        if len(args) != 2:
            print(__doc__.split("How the table is built")[0].rstrip(), file=sys.stderr)
            return 2
        iso_dir, mledoze_dir = args
        rows, _names = generate(iso_dir, mledoze_dir, extra_path)
        verify(rows)
        inputs = [(n, sha16(os.path.join(iso_dir, n))) for n in
                  ("iso_3166-1.json", "iso_3166-3.json", "iso_639-2.json", "iso_639-3.json")]
        inputs.append(("countries.json", sha16(os.path.join(mledoze_dir, "countries.json"))))
        inputs.append(("country-extra.tsv", sha16(extra_path)))
        sys.stdout.buffer.write(format_rows(rows, inputs).encode("utf-8"))
        return 0
    except (GenError, OSError, ValueError, KeyError) as e:
        print("gen_countries: %s" % e, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
