#!/usr/bin/env python3
"""Measures what a first search costs a visitor: for each query, the search page is opened cold in headless
Chromium (the real client) against nginx with gzip on, and the body bytes and requests for the search script
and the index are counted in nginx's access log, up to the moment the first ten results are shown.

Usage: search_bytes.py SITE [--query LANG:QUERY …] [--json FILE]
Without --query, the six queries of issue 15 are measured (機器視覺, 綠能科技, 上銀, 物聯網, machine vision, cloud).
"""
import argparse
import json
import time

from harness import Nginx, browser

DEFAULT = ["zh-TW:機器視覺", "zh-TW:綠能科技", "zh-TW:上銀", "zh-TW:物聯網", "en:machine vision", "en:cloud"]

READY = """
const done = arguments[0];
talentsiteSearch.ready.then(() => done(document.querySelectorAll('#search-results li').length))
  .catch(e => done(String(e)));
"""


def requests_since(server, since, markers):
    """(bytes, requests) sent since log offset `since` for URLs containing any of `markers`."""
    total, count = 0, 0
    with open(server.log, encoding="utf-8", errors="replace") as f:
        f.seek(since)
        for line in f:
            uri, _, size = line.rstrip("\n").rpartition(" ")
            if any(m in uri for m in markers) and size.isdigit():
                total += int(size)
                count += 1
    return total, count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--query", action="append", help="LANG:QUERY, e.g. en:cloud (repeatable)")
    parser.add_argument("--json", help="also write the rows as JSON here")
    args = parser.parse_args()
    queries = [q.split(":", 1) for q in (args.query or DEFAULT)]
    server = Nginx(args.site, ["en"])
    driver = browser()
    rows = []
    try:
        for language, query in queries:
            prefix = "" if language == "zh-TW" else "/en"
            since = server.cold(driver)
            driver.get(server.url(f"{prefix}/search/?q=") + __import__("urllib.parse").parse.quote(query))
            shown = driver.execute_async_script(READY)
            time.sleep(0.1)  # let nginx write the last log line
            script = requests_since(server, since, ["/search."])
            index = requests_since(server, since, ["/search/index/"])
            rows.append({"language": language, "query": query, "shown": shown, "script": script[0],
                         "index": index[0], "requests": index[1], "total": script[0] + index[0]})
    finally:
        driver.quit()
        server.stop()
    print("| lang | query | results shown | script B | index B | index requests | total KB |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['language']} | {r['query']} | {r['shown']} | {r['script']} | {r['index']} | {r['requests']} | {r['total'] / 1000:.1f} |")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(rows, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
