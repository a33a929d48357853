"""A plain python3-xapian program using newsfields: index the sample corpus
into its own database, then answer queries through its own QueryParser.

    python3 search.py SCHEMA CORPUS.jsonl DB QUERY...   (ids of each query's matches)
"""
import json
import sys

import xapian

import newsfields

schema, corpus, path, queries = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
newsfields.load(schema)

db = xapian.WritableDatabase(path, xapian.DB_CREATE_OR_OVERWRITE)
with open(corpus, encoding="utf-8") as lines:
    for line in lines:
        doc = xapian.Document()
        uid = newsfields.index_document(doc, json.loads(line))
        db.replace_document(uid, doc)
db.commit()

qp = xapian.QueryParser()
qp.set_database(db)
newsfields.install(qp)
enquire = xapian.Enquire(db)
for query in queries:
    enquire.set_query(qp.parse_query(query))
    ids = sorted(json.loads(m.document.get_data().split(b"\n")[0])["id"] for m in enquire.get_mset(0, 100))
    print(query + ": " + " ".join(ids))
