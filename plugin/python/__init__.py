"""newsfields for python3-xapian programs.

    import xapian, newsfields
    newsfields.load("newsfields.schema")          # or the installed schema
    doc = xapian.Document()
    uid = newsfields.index_document(doc, {"id": "a1", "text": "...", "date": "2021-12-20"})
    db.replace_document(uid, doc)
    qp = xapian.QueryParser()
    newsfields.install(qp)                         # speaker:, country:, title:, date:, ...
    enquire.set_query(qp.parse_query('speaker:Austin country:Lithuania'))

extract(text, **meta) gives the fields of one article as a dict; load(schema,
plugins=[...]) names the schema and the analyzer plug-ins (shared objects)."""
import calendar
import re

import xapian

from ._newsfields import extract, fields, index_document, load, query_term

__all__ = ["extract", "fields", "index_document", "install", "load", "query_term"]


class _TermField(xapian.FieldProcessor):
    """field:value as the term the indexer made for that value."""

    def __init__(self, field):
        super().__init__()
        self.field = field

    def __call__(self, value):
        try:
            return xapian.Query(query_term(self.field, value))
        except ValueError as e:
            raise xapian.QueryParserError(str(e))


_DATE = re.compile(r"^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?$")


def _text(value):
    """python3-xapian hands processors bytes."""
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def _date(text, last):
    """YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY as YYYYMMDD (the last day with last)."""
    m = _DATE.match(text)
    if not m or (m.group(2) is None and len(text) != 4):
        return None
    year = int(m.group(1))
    month = int(m.group(2) or (12 if last else 1))
    if not 1 <= month <= 12:
        return None
    days = calendar.monthrange(year, month)[1]
    day = int(m.group(3) or (days if last else 1))
    if not 1 <= day <= days:
        return None
    return "%04d%02d%02d" % (year, month, day)


def _bad(field, text):
    return xapian.QueryParserError(
        "bad date '%s' in %s: (use YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY)" % (text, field))


class _DateRange(xapian.RangeProcessor):
    """field:A..B over the YYYYMMDD value slot; either end may be left out."""

    def __init__(self, slot, field):
        super().__init__(slot, field + ":", xapian.RP_REPEATED)
        self.slot, self.field = slot, field

    def __call__(self, begin, end):
        begin, end = _text(begin), _text(end)
        lo = _date(begin, False) if begin else ""
        hi = _date(end, True) if end else ""
        if lo is None:
            raise _bad(self.field, begin)
        if hi is None:
            raise _bad(self.field, end)
        if not lo and not hi:
            raise xapian.QueryParserError(self.field + ": range needs a start or an end")
        if not hi:
            return xapian.Query(xapian.Query.OP_VALUE_GE, self.slot, lo)
        if not lo:
            return xapian.Query(xapian.Query.OP_VALUE_LE, self.slot, hi)
        return xapian.Query(xapian.Query.OP_VALUE_RANGE, self.slot, lo, hi)


class _DateField(xapian.FieldProcessor):
    """field:DATE alone: that day, month or year."""

    def __init__(self, slot, field):
        super().__init__()
        self.slot, self.field = slot, field

    def __call__(self, value):
        value = _text(value)
        lo, hi = _date(value, False), _date(value, True)
        if lo is None or hi is None:
            raise _bad(self.field, value)
        return xapian.Query(xapian.Query.OP_VALUE_RANGE, self.slot, lo, hi)


def install(qp):
    """Give a xapian.QueryParser the schema's fields, each value normalised
    as the indexer normalised it."""
    keep = getattr(qp, "_newsfields", [])
    for name, mode, prefix, slot in fields():
        if mode == "text":
            qp.add_prefix(name, prefix)
        elif mode == "id":
            qp.add_boolean_prefix(name, prefix)
        elif mode == "terms":
            proc = _TermField(name)
            keep.append(proc)
            qp.add_boolean_prefix(name, proc)
        elif mode == "date" and slot is not None:
            rp, fp = _DateRange(slot, name), _DateField(slot, name)
            keep += [rp, fp]
            qp.add_rangeprocessor(rp)
            qp.add_boolean_prefix(name, fp)
    qp._newsfields = keep  # the processors live as long as the parser
    return qp
