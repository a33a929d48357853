"""The example of the README's "Use from Python", run as it is shown: the
```python block of that section, with the paths of the test's installed
copy in place of the README's (the schema under /usr/local, the corpus
relative to the source tree).

    python3 readme.py README.md SCHEMA CORPUS.jsonl
"""
import re
import sys

readme, schema, corpus = sys.argv[1:4]
with open(readme, encoding="utf-8") as f:
    text = f.read()
section = text.split("\n## Use from Python\n", 1)[1].split("\n## ", 1)[0]
blocks = re.findall(r"```python\n(.*?)```", section, re.S)
if len(blocks) != 1:
    sys.exit("readme.py: expected one python example in 'Use from Python', found %d" % len(blocks))
code = blocks[0]
for shown, here in [("/usr/local/share/newsfields/newsfields.schema", schema),
                    ("tests/corpus/sample.jsonl", corpus)]:
    if shown not in code:
        sys.exit("readme.py: the example no longer names %s" % shown)
    code = code.replace(shown, here)
exec(compile(code, "README.md (Use from Python)", "exec"))
