#!/usr/bin/env python3
"""How long the search page waits for its answers on a database (the README's
figures are on Reuters-21578): a faceted search as the page sends it (every
default facet, 12 values each, 20 hits, the histogram), the same with a
filter and a date range, the page's own files, a document view and a
person's page.  Median and worst of N runs of each, from a `newsfields serve`
started here on a free loopback port.  A benchmark, not a test: it prints.

    python3 tests/bench/bench_page.py build/newsfields schema/newsfields.schema DB [RUNS]
"""
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request


def main():
    command, schema, db = sys.argv[1:4]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 20
    server = subprocess.Popen([command, 'serve', '--schema', schema, '--db', db, '--port', '0',
                               '--bind', '127.0.0.1'], stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        base = line[line.index('http://'):].split('/ ')[0].rstrip('/')
        print(line.strip())

        def search(q, **extra):
            p = {'q': q, 'limit': '20', 'offset': '0', 'sort': 'relevance', 'facet_limit': '12'}
            p.update(extra)
            return '/api/search?' + urllib.parse.urlencode(p)

        person = 'speaker:"Kiichi Miyazawa" OR official:"Kiichi Miyazawa"'
        cases = [
            ('page files (/, app.js, style.css)', ['/', '/app.js', '/style.css', '/facets.js']),
            ('faceted search: country:japan trade', [search('country:japan trade')]),
            ('faceted search: everything', [search('')]),
            ('filter, NOT and a range: (oil) country:"sa" NOT country:"us" date:1987-03-01..1987-04-30',
             [search('(oil) country:"sa" NOT country:"us" date:1987-03-01..1987-04-30', histogram='day')]),
            ('document view: /api/doc/reuters-17254', ['/api/doc/reuters-17254']),
            ("person's page: Kiichi Miyazawa",
             [search(person, limit='100', sort='date', facets='country,speaker,official,title')]),
        ]
        for name, paths in cases:
            times = []
            for _ in range(runs):
                t = time.perf_counter()
                for path in paths:
                    with urllib.request.urlopen(base + path) as r:
                        r.read()
                times.append((time.perf_counter() - t) * 1000)
            print(f'{name}: median {statistics.median(times):.1f} ms, worst {max(times):.1f} ms '
                  f'({runs} runs)')
    finally:
        server.terminate()
        server.wait()


if __name__ == '__main__':
    main()
