#!/usr/bin/env python3
"""Checks a built site's feeds, XML and open data the way their consumers read them.

- every `rss.xml` parses with feedparser without bozo, has at most 50 items, newest first, each with
  title, absolute link, guid and pubDate, and its channel names its language and itself (atom:link);
- beside every `rss.xml` an `atom.xml` parses with feedparser as Atom 1.0 without bozo, names itself
  (rel=self), its language (xml:lang) and an author, and lists the same items as the RSS feed: ids, links,
  titles, summaries, dates and categories, in the same order; every HTML page advertising an RSS feed
  advertises its Atom twin (`rel=alternate type=application/atom+xml`), and no other;
- every `.xml` file is well-formed to libxml2 (lxml); `sitemap.xml` (or each part under a sitemap
  index) validates against the sitemaps.org schema, and every HTML page but 404.html is listed;
- every open-data CSV starts with a UTF-8 BOM and, read by Python's csv module, has the same rows
  and columns as the JSON beside it.

Usage: check_feeds.py SITE [--expect-items FEED=N ...]
Exit status 1 on any failure; every failure is printed.
"""
import argparse
import csv
import io
import json
import os
import sys
import time
from email.utils import parsedate_to_datetime

import feedparser
from lxml import etree, html

HERE = os.path.dirname(os.path.abspath(__file__))
XSD = os.path.join(HERE, "..", "Fixtures", "xsd")
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message, flush=True)


def files(site, suffix):
    for root, _, names in os.walk(site):
        for name in sorted(names):
            if name.endswith(suffix):
                yield os.path.relpath(os.path.join(root, name), site)


def check_feed(site, path, expected_items):
    feed = feedparser.parse(os.path.join(site, path))
    if feed.bozo:
        fail(f"{path}: feedparser: {feed.bozo_exception}")
        return 0
    if feed.version != "rss20":
        fail(f"{path}: version {feed.version!r}, expected rss20")
    language = feed.feed.get("language")
    expected_language = "en" if path.startswith("en/") else "zh-TW"
    if language != expected_language:
        fail(f"{path}: language {language!r}, expected {expected_language}")
    links = [l for l in feed.feed.get("links", []) if l.get("rel") == "self"]
    if not links or not links[0]["href"].endswith("/" + path):
        fail(f"{path}: no atom:link rel=self pointing at itself ({links})")
    entries = feed.entries
    if len(entries) > 50:
        fail(f"{path}: {len(entries)} items, more than 50")
    if expected_items is not None and len(entries) != expected_items:
        fail(f"{path}: {len(entries)} items, expected {expected_items}")
    dates = []
    for entry in entries:
        for key in ("title", "link", "id", "published"):
            if not entry.get(key):
                fail(f"{path}: an item has no {key}: {entry.get('link')}")
        if not entry.get("link", "").startswith("http"):
            fail(f"{path}: item link {entry.get('link')!r} is not absolute")
        dates.append(parsedate_to_datetime(entry.published))
    if dates != sorted(dates, reverse=True):
        fail(f"{path}: items are not newest first")
    if entries and feed.feed.get("updated") is None:
        fail(f"{path}: no lastBuildDate")
    return len(entries)


def entry_facts(entry):
    """What an RSS item and its Atom entry must agree on, as feedparser reads either."""
    return {
        "id": entry.get("id"), "link": entry.get("link"), "title": entry.get("title"),
        "summary": entry.get("summary"), "published": entry.get("published_parsed"),
        "tags": [(t.get("term"), t.get("scheme")) for t in entry.get("tags", [])],
    }


def check_atom(site, rss_path):
    path = rss_path[:-len("rss.xml")] + "atom.xml"
    if not os.path.exists(os.path.join(site, path)):
        fail(f"{path}: missing beside {rss_path}")
        return 0
    atom = feedparser.parse(os.path.join(site, path))
    if atom.bozo:
        fail(f"{path}: feedparser: {atom.bozo_exception}")
        return 0
    if atom.version != "atom10":
        fail(f"{path}: version {atom.version!r}, expected atom10")
    rss = feedparser.parse(os.path.join(site, rss_path))
    expected_language = "en" if path.startswith("en/") else "zh-TW"
    if atom.feed.get("language") != expected_language:
        fail(f"{path}: xml:lang {atom.feed.get('language')!r}, expected {expected_language}")
    links = [l for l in atom.feed.get("links", []) if l.get("rel") == "self"]
    if not links or not links[0]["href"].endswith("/" + path) or links[0].get("type") != "application/atom+xml":
        fail(f"{path}: no rel=self application/atom+xml link pointing at itself ({links})")
    if atom.feed.get("id") != (links[0]["href"] if links else None):
        fail(f"{path}: feed id {atom.feed.get('id')!r} is not its own URL")
    if not atom.feed.get("author_detail", {}).get("name"):
        fail(f"{path}: no author name")
    if not atom.feed.get("updated_parsed"):
        fail(f"{path}: no updated date")
    if atom.feed.get("title") != rss.feed.get("title") or atom.feed.get("link") != rss.feed.get("link"):
        fail(f"{path}: title/link {atom.feed.get('title')!r} {atom.feed.get('link')!r} differ from the RSS channel's "
             f"{rss.feed.get('title')!r} {rss.feed.get('link')!r}")
    ours, theirs = [entry_facts(e) for e in atom.entries], [entry_facts(e) for e in rss.entries]
    if ours != theirs:
        first = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b), min(len(ours), len(theirs)))
        fail(f"{path}: {len(ours)} entries differ from the {len(theirs)} items of {rss_path}; first at {first}: "
             f"{ours[first] if first < len(ours) else None} vs {theirs[first] if first < len(theirs) else None}")
    for entry in atom.entries:
        if not entry.get("updated_parsed"):
            fail(f"{path}: entry {entry.get('id')} has no updated date")
    return len(atom.entries)


def check_discovery(site):
    """Every page's Atom discovery links are its RSS ones with atom.xml for rss.xml."""
    pages = 0
    for path in files(site, ".html"):
        tree = html.parse(os.path.join(site, path))
        def hrefs(kind):
            return [l.get("href") for l in tree.iter("link") if l.get("rel") == "alternate" and l.get("type") == kind]
        rss, atom = hrefs("application/rss+xml"), hrefs("application/atom+xml")
        expected = [h[:-len("rss.xml")] + "atom.xml" for h in rss]
        if atom != expected:
            fail(f"{path}: Atom discovery {atom} does not match its RSS discovery {rss}")
        pages += bool(rss)
    return pages


def check_xml(site):
    sitemap_schema = etree.XMLSchema(etree.parse(os.path.join(XSD, "sitemap.xsd")))
    index_schema = etree.XMLSchema(etree.parse(os.path.join(XSD, "siteindex.xsd")))
    count = 0
    for path in files(site, ".xml"):
        try:
            etree.parse(os.path.join(site, path), etree.XMLParser(resolve_entities=False, no_network=True))
            count += 1
        except etree.XMLSyntaxError as error:
            fail(f"{path}: not well-formed: {error}")
    root = etree.parse(os.path.join(site, "sitemap.xml")).getroot()
    parts = ["sitemap.xml"]
    if root.tag == SITEMAP_NS + "sitemapindex":
        if not index_schema.validate(root):
            fail(f"sitemap.xml: {index_schema.error_log.last_error}")
        parts = [loc.text.rsplit("/", 1)[-1] for loc in root.iter(SITEMAP_NS + "loc")]
    listed = set()
    for part in parts:
        tree = etree.parse(os.path.join(site, part))
        if not sitemap_schema.validate(tree):
            fail(f"{part}: does not validate against sitemap.xsd: {sitemap_schema.error_log.last_error}")
        listed |= {loc.text for loc in tree.iter(SITEMAP_NS + "loc")}
    with open(os.path.join(site, "robots.txt"), encoding="utf-8") as f:
        sitemap_url = next((line.split(":", 1)[1].strip() for line in f if line.startswith("Sitemap:")), "")
    if not sitemap_url.endswith("/sitemap.xml"):
        fail(f"robots.txt names no sitemap ({sitemap_url!r})")
    base = sitemap_url[:-len("sitemap.xml")]
    pages = {base + os.path.dirname(p).replace(os.sep, "/") + ("/" if os.path.dirname(p) else "")
             for p in files(site, "index.html")}
    if pages != listed:
        fail(f"sitemap lists {len(listed)} URLs for {len(pages)} pages; missing e.g. {sorted(pages - listed)[:3]}, "
             f"extra e.g. {sorted(listed - pages)[:3]}")
    return count, len(listed), len(parts)


def check_open_data(site):
    checked = 0
    for path in files(site, ".csv"):
        if "/data/" not in "/" + path or path.endswith("catalog.csv"):
            continue  # catalog.csv describes the datasets (Tests/OpenData); it has no JSON twin
        with open(os.path.join(site, path), "rb") as f:
            raw = f.read()
        if not raw.startswith(b"\xef\xbb\xbf"):
            fail(f"{path}: no UTF-8 byte-order mark")
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        with open(os.path.join(site, path[:-4] + ".json"), encoding="utf-8") as f:
            objects = json.load(f)
        if len(rows) != len(objects):
            fail(f"{path}: {len(rows)} CSV rows, {len(objects)} JSON records")
        for row, obj in zip(rows, objects):
            if list(row.keys()) != list(obj.keys()):
                fail(f"{path}: columns {list(row.keys())} differ from JSON keys {list(obj.keys())}")
                break
            for key, value in obj.items():
                if isinstance(value, bool):
                    text = "true" if value else "false"  # JSON booleans are spelled out in the CSV
                else:
                    text = "" if value is None else "; ".join(map(str, value)) if isinstance(value, list) else str(value)
                if row[key] != text:
                    fail(f"{path}: {obj.get('slug')}.{key}: CSV {row[key]!r}, JSON {text!r}")
        checked += 1
    return checked


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--expect-items", action="append", default=[], help="FEED=N, e.g. rss.xml=7")
    args = parser.parse_args()
    expected = {k: int(v) for k, v in (item.split("=") for item in args.expect_items)}
    started = time.time()
    feeds = list(files(args.site, "rss.xml"))
    if not feeds:
        fail("no rss.xml in the site")
    items = sum(check_feed(args.site, path, expected.get(path)) for path in feeds)
    entries = sum(check_atom(args.site, path) for path in feeds)
    advertising = check_discovery(args.site)
    xml_count, urls, parts = check_xml(args.site)
    tables = check_open_data(args.site)
    print(f"feeds: {len(feeds)} RSS files ({items} items) pass feedparser; {len(feeds)} Atom files ({entries} entries) "
          f"pass feedparser and equal them; {advertising} pages advertise both; {xml_count} XML files well-formed; "
          f"sitemap: {urls} URLs in {parts} file(s) valid against sitemaps.org; {tables} CSV files equal their JSON "
          f"({time.time() - started:.1f} s)", flush=True)
    if failures:
        print(f"{len(failures)} feed check(s) failed", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
