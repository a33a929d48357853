"""A run-time analyzer through the Python module as through the command:
the vessel plug-in (tests/fixtures/plugin/vessel_plugin.c) loaded by
newsfields.load, its ships extracted, indexed and queried by any spelling.

    python3 plugin.py SCHEMA_DIR VESSEL_SO VESSELS_TXT WORKDIR
"""
import json
import os
import sys

import xapian

import newsfields

schema_dir, plugin, vessels, work = sys.argv[1:5]
# a deployment's schema directory: the default one with a vessel field
deploy = os.path.join(work, "schema")
os.makedirs(deploy)
for name in os.listdir(schema_dir):
    if name != "newsfields.schema":
        os.symlink(os.path.join(schema_dir, name), os.path.join(deploy, name))
os.symlink(vessels, os.path.join(deploy, "vessels.txt"))
with open(os.path.join(schema_dir, "newsfields.schema"), encoding="utf-8") as f:
    text = f.read()
schema = os.path.join(deploy, "newsfields.schema")
with open(schema, "w", encoding="utf-8") as f:
    f.write(text + "\n[field vessel]\nkind = vessel\nprefix = XVESSEL\nsource = vessel\n")
newsfields.load(schema, plugins=[plugin])

record = newsfields.extract("The MV Ever Given ran aground in the Suez Canal.", id="v1")
print("vessels:", [v["name"] for v in record["vessels"]])
db = xapian.WritableDatabase(os.path.join(work, "db"), xapian.DB_CREATE_OR_OVERWRITE)
for i, text in enumerate(["EVER GIVEN was refloated.", "The Moskva sank.", "No ship."]):
    doc = xapian.Document()
    db.replace_document(newsfields.index_document(doc, {"id": "v%d" % i, "text": text}), doc)
qp = xapian.QueryParser()
newsfields.install(qp)
enquire = xapian.Enquire(db)
for query in ['vessel:"MV Ever Given"', "vessel:moskva"]:
    enquire.set_query(qp.parse_query(query))
    ids = [json.loads(m.document.get_data().split(b"\n")[0])["id"] for m in enquire.get_mset(0, 10)]
    print(query + ":", " ".join(ids))
