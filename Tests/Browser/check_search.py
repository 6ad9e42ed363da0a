#!/usr/bin/env python3
"""Runs the search regression file through the real client in headless Chromium, against a built site
served by nginx, and optionally measures Pagefind extended on the same site side by side.

For every entry (query, language, filters → expected record ids from search_oracle.py):
- the search page opened with ?q=… shows results, announces the count in its live region and
  highlights matches; the URL keeps the query;
- the client's full result list holds every expected id (recall must be 100%);
- the bytes the first query downloads (script, manifest, shards, fragments of the results shown)
  are measured with the browser's Resource Timing API.
With --pagefind, Pagefind 1.5.2 (pip `pagefind[extended]`) indexes the same site, and the same text
queries run through its JS API in the same browser; its recall and bytes are printed beside ours.

Usage: check_search.py SITE --queries FILE [--pagefind] [--report FILE]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from harness import Nginx, browser

failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message, flush=True)


def record_id(url):
    parts = [p for p in urllib.parse.urlparse(url).path.split("/") if p]
    if parts and parts[0] == "en":
        parts = parts[1:]
    return "/".join(parts[:2])


def search_url(server, entry):
    params = [("q", entry["query"])] if entry["query"] else []
    for facet, values in entry.get("filters", {}).items():
        params += [(facet, v) for v in values]
    prefix = "" if entry["language"] == "zh-TW" else "/en"
    return server.url(f"{prefix}/search/") + ("?" + urllib.parse.urlencode(params) if params else "")


OUR_FIRST = """
const done = arguments[0];
talentsiteSearch.ready.then(() => done(true)).catch(e => done(String(e)));
"""

OUR_RESULTS = """
const [query, filters, done] = arguments;
talentsiteSearch.ready.then(async () => {
  const index = new talentsiteSearch.Index(new URL('index/', document.baseURI));
  const docs = await index.search(query, filters);
  const fragments = await Promise.all(docs.map(d => index.fragment(d)));
  const items = Array.from(document.querySelectorAll('#search-results li'));
  const shownFragments = await Promise.all(docs.slice(0, items.length).map(d => index.fragment(d)));
  await new Promise(r => setTimeout(r, 100));  // filter counts are filled in beside the results
  done({urls: fragments.map(f => f.u),
        shown: items.length,
        marks: document.querySelectorAll('#search-results mark').length,
        status: document.getElementById('search-status').textContent,
        excerpts: items.map((li, i) => [li.querySelector('.excerpt').textContent, shownFragments[i].x.replace(/\\n/g, ' ')]),
        titled: items.filter((li, i) => li.querySelector('.excerpt').textContent.startsWith(shownFragments[i].t + ' ')).length,
        badges: items.map(li => (li.querySelector('.status') || {}).textContent || null),
        counts: Array.from(document.querySelectorAll('#search-form input[type=checkbox]')).map(box =>
          [box.name, box.value, (document.querySelector("label[for='" + box.id + "'] .facet-count") || {}).textContent || '']),
        switcher: Array.from(document.querySelectorAll('nav.language-switcher a[href]')).map(a => a.getAttribute('href'))});
}).catch(e => done({error: String(e)}));
"""

PAGEFIND_FIRST = """
const [query, shown, done] = arguments;
(async () => {
  const pagefind = await import(new URL('/pagefind/pagefind.js', location.href).href);
  await pagefind.init();
  window.pagefindSearch = await pagefind.search(query);
  await Promise.all(window.pagefindSearch.results.slice(0, shown).map(r => r.data()));
  done({});
})().catch(e => done({error: String(e)}));
"""

PAGEFIND_ALL = """
const done = arguments[0];
Promise.all(window.pagefindSearch.results.map(r => r.data()))
  .then(all => done({urls: all.map(d => d.url)})).catch(e => done({error: String(e)}));
"""


def run_ours(driver, server, entries):
    rows = []
    for entry in entries:
        since = server.cold(driver)
        driver.get(search_url(server, entry))
        ready = driver.execute_async_script(OUR_FIRST)
        time.sleep(0.05)  # let nginx flush the last log line
        first_bytes = server.bytes_sent(since, "/search/index/") + server.bytes_sent(since, "/search.")  # search.<hash>.js
        result = driver.execute_async_script(OUR_RESULTS, entry["query"], entry.get("filters", {}))
        if ready is not True:
            result = {"error": ready}
        label = f'{entry["language"]} {entry["query"]!r} {entry.get("filters", {})}'
        if "error" in result:
            fail(f"{label}: {result['error']}")
            continue
        found = {record_id(u) for u in result["urls"]}
        missing = [e for e in entry["expect"] if e not in found]
        if missing:
            fail(f"{label}: {len(missing)} of {len(entry['expect'])} expected pages missing, e.g. {missing[:3]}")
        if entry["expect"] and (result["shown"] == 0 or str(len(result["urls"])) not in result["status"].replace(",", "")):
            fail(f"{label}: page shows {result['shown']} results, status {result['status']!r}")
        if entry["query"] and entry["expect"] and result["marks"] == 0:
            fail(f"{label}: no highlighted match in the results shown")
        check_result_page(label, entry, result)
        rows.append({"entry": entry, "found": len(found), "recall": 1 - len(missing) / max(1, len(entry["expect"])),
                     "bytes": first_bytes})
    return rows


WORD = re.compile(r"[0-9A-Za-z\u00c0-\u024f]")


def check_result_page(label, entry, result):
    """Plural-correct status, excerpts cut at whole words, filter counts that add up, a switcher keeping ?q=."""
    n = len(result["urls"])
    if n:
        wanted = (f"{n:,} result" if n == 1 else f"{n:,} results") if entry["language"] == "en" else f"找到 {n:,} 筆結果"
        if result["status"] != wanted:
            fail(f"{label}: status says {result['status']!r}, expected {wanted!r}")
    for shown, text in result["excerpts"]:
        body = shown.strip("…")
        start = text.find(body)
        if start < 0:
            fail(f"{label}: excerpt {shown[:60]!r} is not a piece of the page text")
            continue
        end = start + len(body)
        cut_start = start > 0 and WORD.match(text[start - 1]) and WORD.match(text[start])
        cut_end = end < len(text) and WORD.match(text[end - 1]) and WORD.match(text[end])
        if cut_start or cut_end:
            fail(f"{label}: excerpt cut mid-word: {shown[:40]!r}…{shown[-40:]!r}")
    if result["titled"]:
        fail(f"{label}: {result['titled']} excerpts repeat the result's title")
    sections = [c for c in result["counts"] if c[0] == "section"]
    if n and sections and not any(entry.get("filters", {}).values()):
        total = sum(int(re.sub(r"\D", "", c[2]) or -1) for c in sections)
        if total != n:
            fail(f"{label}: section filter counts add up to {total}, not the {n} results: {sections}")
    for href in result["switcher"]:
        if entry["query"] and urllib.parse.urlencode({"q": entry["query"]}) not in href:
            fail(f"{label}: the language switcher drops the query: {href}")


def check_ui(driver, server):
    """Typing keeps the URL in step and announces results; Enter and Tab reach the results."""
    driver.get(server.url("/en/search/"))
    field = driver.find_element(By.ID, "search-input")
    field.send_keys("green energy")
    deadline = time.time() + 10
    while time.time() < deadline and "q=green+energy" not in driver.current_url:
        time.sleep(0.05)
    if "q=green+energy" not in driver.current_url:
        fail(f"typing did not update the URL: {driver.current_url}")
    while time.time() < deadline and not driver.find_elements(By.CSS_SELECTOR, "#search-results li a"):
        time.sleep(0.05)
    status = driver.find_element(By.ID, "search-status")
    if status.get_attribute("role") != "status" or "results" not in status.text:
        fail(f"live region says {status.text!r}")
    # Keyboard: Tab from the field reaches the first result link; Enter opens it.
    links = driver.find_elements(By.CSS_SELECTOR, "#search-results li a")
    if not links:
        fail("no result links after typing a query")
        return
    href = links[0].get_attribute("href")
    field.click()
    for _ in range(40):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        if driver.switch_to.active_element.get_attribute("href") == href:
            break
    else:
        fail("Tab from the search field never reached the first result")
        return
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    deadline = time.time() + 10
    while time.time() < deadline and driver.current_url != href:
        time.sleep(0.05)
    if driver.current_url != href:
        fail(f"Enter on the first result did not open it ({href})")
    print("  UI: URL follows typing, live region announces results, Tab and Enter reach and open them", flush=True)
    # Served from a sub-path, the page finds its index and links results inside the sub-path.
    driver.get(server.url("/sub/en/search/?q=green+energy"))
    driver.execute_async_script(OUR_FIRST)
    hrefs = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#search-results li a")]
    if not hrefs or not all(h.startswith(server.url("/sub/en/")) for h in hrefs):
        fail(f"under /sub/ the results link to {hrefs[:2]}")
    else:
        print(f"  sub-path: {len(hrefs)} results under /sub/en/", flush=True)


def run_pagefind(driver, server, site, entries):
    started = time.time()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", site], check=True, capture_output=True)
    print(f"  Pagefind indexed {site} in {time.time() - started:.1f} s", flush=True)
    rows = []
    for entry in entries:
        driver.get(search_url(server, {"language": entry["language"], "query": ""}))
        since = server.cold(driver)
        result = driver.execute_async_script(PAGEFIND_FIRST, entry["query"], 10)
        time.sleep(0.3)
        first_bytes = server.bytes_sent(since, "/pagefind/")
        if "error" not in result:
            result = driver.execute_async_script(PAGEFIND_ALL)
        if "error" in result:
            fail(f"Pagefind {entry['query']!r}: {result['error']}")
            continue
        found = {record_id(u) for u in result["urls"]}
        missing = [e for e in entry["expect"] if e not in found]
        rows.append({"recall": 1 - len(missing) / max(1, len(entry["expect"])), "bytes": first_bytes, "found": len(found)})
    return rows


def folder_bytes(path):
    return sum(os.path.getsize(os.path.join(root, f)) for root, _, files in os.walk(path) for f in files)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--queries", required=True)
    parser.add_argument("--pagefind", action="store_true")
    parser.add_argument("--report", help="write the comparison table (Markdown) here")
    args = parser.parse_args()
    with open(args.queries, encoding="utf-8") as f:
        entries = json.load(f)
    if len(entries) < 30:
        fail(f"{args.queries} has {len(entries)} queries; the regression needs at least 30")
    server = Nginx(args.site, ["en"])
    driver = browser()
    try:
        ours = run_ours(driver, server, entries)
        check_ui(driver, server)
        text_entries = [e for e in entries if e["query"] and not e.get("filters")]
        theirs = run_pagefind(driver, server, args.site, text_entries) if args.pagefind else None
    finally:
        driver.quit()
        server.stop()
    recall = sum(r["recall"] for r in ours) / max(1, len(ours))
    index_bytes = folder_bytes(os.path.join(args.site, "search")) + folder_bytes(os.path.join(args.site, "en", "search"))
    lines = [f"talentsite: {len(ours)} queries, recall {recall:.1%}, index {index_bytes / 1e6:.2f} MB (both languages)"]
    if theirs is not None:
        pf_recall = sum(r["recall"] for r in theirs) / max(1, len(theirs))
        lines.append(f"Pagefind 1.5.2 extended: recall {pf_recall:.1%}, index {folder_bytes(os.path.join(args.site, 'pagefind')) / 1e6:.2f} MB")
        lines.append("")
        lines.append("| lang | query | expected | ours found | ours first-query KB | Pagefind found | Pagefind recall | Pagefind first-query KB |")
        lines.append("|---|---|---:|---:|---:|---:|---:|---:|")
        by_query = {(r["entry"]["language"], r["entry"]["query"]): r for r in ours if not r["entry"].get("filters")}
        over = 0
        for entry, pf in zip(text_entries, theirs):
            mine = by_query[(entry["language"], entry["query"])]
            over += mine["bytes"] > pf["bytes"]
            lines.append(f"| {entry['language']} | {entry['query']} | {len(entry['expect'])} | {mine['found']} | "
                         f"{mine['bytes'] / 1000:.1f} | {pf['found']} | {pf['recall']:.0%} | {pf['bytes'] / 1000:.1f} |")
        lines.insert(2, f"first-query bytes above Pagefind's on {over} of {len(theirs)} queries")
        if over:
            fail(f"the first query downloads more than Pagefind's on {over} queries")
    else:
        lines.append("first-query KB: " + ", ".join(f"{r['entry']['query'] or r['entry'].get('filters')!s} {r['bytes'] / 1000:.1f}" for r in ours))
    report = "\n".join(lines)
    print(report, flush=True)
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            f.write(report + "\n")
    if failures:
        print(f"{len(failures)} search check(s) failed", file=sys.stderr)
        sys.exit(1)
    print("search checks passed", flush=True)


if __name__ == "__main__":
    main()
