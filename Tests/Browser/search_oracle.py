#!/usr/bin/env python3
"""The independent answer key for search: which record pages of a built site contain a query.

A page matches when it has every filter value asked for (read from the source content: front
matter and winners.csv) and its visible <main> text (read with Python's own HTML parser, not the generator's;
page furniture marked data-search="ignore" and links showing their own URL left out) holds every part of the
query: each Chinese run as a substring, each Latin word as a whole word (plural/-ing/-ed endings allowed) and
the last word, unless a space follows it, as the start of a word (it is still being typed), after folding
full-width forms, case and variant characters (the table the site's search manifest carries). The search
must find at least these pages.

    search_oracle.py SITE CONTENT --write Tests/Browser/search-queries.json   # fill in "expect"
"""
import argparse
import csv
import json
import os
import re
from html.parser import HTMLParser

SECTIONS = ("courses", "programmes", "certifications", "awards", "news")
HAN = "\u3007\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
SEGMENT = re.compile(f"[{HAN}]+|[0-9a-z\u00c0-\u024f]+")


VARIANTS = {}


def load_variants(site):
    """The variant table from the built index (SearchVariants.swift is its only source)."""
    with open(os.path.join(site, "search", "index", "manifest.json"), encoding="utf-8") as f:
        pairs = json.load(f).get("variants", "")
    VARIANTS.clear()
    VARIANTS.update(zip(pairs[0::2], pairs[1::2]))


def fold(text):
    text = "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else " " if c == "\u3000" else c
                   for c in text).lower()
    return "".join(VARIANTS.get(c, c) for c in text)


class MainText(HTMLParser):
    BLOCKS = {"p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "td", "th", "div", "tr", "section", "article"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.skip = 0
        self.parts = []

        self.stack = []  # per open element inside <main>: whether it starts a skipped subtree
        self.link = None  # (href, collected text) of the <a> being read

    def skips(self, tag, attrs):
        return tag in ("nav", "script", "style", "form", "button") or dict(attrs).get("data-search") == "ignore"

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.depth += 1
        elif self.depth and tag not in self.VOID:
            skipped = self.skips(tag, attrs)
            self.stack.append(skipped)
            self.skip += skipped
            if tag == "a" and not self.skip:
                self.link = (dict(attrs).get("href"), [])
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth -= 1
        elif self.depth and tag not in self.VOID and self.stack:
            self.skip -= self.stack.pop()
            if tag == "a" and self.link is not None:
                href, words = self.link
                self.link = None
                text = " ".join("".join(words).split())
                # A link showing its own address is an address, not words of the page.
                if not (text.startswith(("http://", "https://", "mailto:")) or text == href):
                    self.parts.append("".join(words))
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.depth and not self.skip:
            (self.link[1] if self.link is not None else self.parts).append(data)


def record_pages(site):
    """(language, record id, folded text) of every record page in the five catalogue sections."""
    pages = []
    for language, prefix in (("zh-TW", ""), ("en", "en")):
        for section in SECTIONS:
            folder = os.path.join(site, prefix, section)
            if not os.path.isdir(folder):
                continue
            for slug in sorted(os.listdir(folder)):
                path = os.path.join(folder, slug, "index.html")
                if slug in ("page", "past") or slug.isdigit() or not os.path.isfile(path):
                    continue
                parser = MainText()
                with open(path, encoding="utf-8") as f:
                    html = f.read()
                parser.feed(html)
                # The status a course page shows (open, closed, in-progress, ended), for the status filter.
                status = re.search(r'</h1>\s*<p class="status status-([a-z-]+)"', html)  # its own, not a card's
                pages.append((language, f"{section}/{slug}", fold(" ".join("".join(parser.parts).split())),
                              status.group(1) if status else None))
    return pages


FACETS = {"industries": "industries", "regions": "region", "course-kinds": "kind"}


def record_filters(content):
    """record id → {facet: set(values)}: section, industries, regions, course kinds, award year."""
    filters = {}
    for section in SECTIONS:
        folder = os.path.join(content, section)
        for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            if not name.endswith(".zh-TW.md"):
                continue
            record = f"{section}/{name[:-len('.zh-TW.md')]}"
            values = {"section": {section}}
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                front = f.read().split("---")[1]
            for line in front.splitlines():
                key, _, value = line.partition(":")
                for facet, field in FACETS.items():
                    if key.strip() == field:
                        values[facet] = {v.strip().strip("'\"") for v in value.strip().strip("[]").split(",")}
            filters[record] = values
    winners = os.path.join(content, "awards", "winners.csv")
    if os.path.isfile(winners):
        with open(winners, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                filters[f"awards/{row['slug']}"] = {"section": {"awards"}, "year": {row["year"]}}
    return filters


def matches(text, query):
    segments = SEGMENT.findall(fold(query))
    typing = bool(segments) and not query[-1:].isspace() and fold(query).endswith(segments[-1])
    for number, segment in enumerate(segments):
        if re.fullmatch(f"[{HAN}]+", segment):
            if segment not in text:
                return False
        elif typing and number == len(segments) - 1 and len(segment) >= 2 and not segment.isdigit():
            if not re.search(rf"(?<![0-9a-z\u00c0-\u024f]){re.escape(segment)}", text):
                return False
        elif not re.search(rf"(?<![0-9a-z\u00c0-\u024f]){re.escape(segment)}(s|es|ing|ed)?(?![0-9a-z\u00c0-\u024f])", text):
            return False
    return True


def expected(pages, filters, language, query, chosen):
    def allowed(record, status):
        have = dict(filters.get(record, {}))
        if status:
            have["status"] = {status}
        return all(have.get(facet, set()) & set(values) for facet, values in chosen.items() if values)
    return [record for lang, record, text, status in pages
            if lang == language and allowed(record, status) and (not query.strip() or matches(text, query))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("content")
    parser.add_argument("--write", required=True, help="query file to fill in")
    args = parser.parse_args()
    load_variants(args.site)
    pages = record_pages(args.site)
    filters = record_filters(args.content)
    with open(args.write, encoding="utf-8") as f:
        entries = json.load(f)
    for entry in entries:
        entry["expect"] = expected(pages, filters, entry["language"], entry["query"], entry.get("filters", {}))
        print(f'{entry["language"]:5} {entry["query"]!r}: {len(entry["expect"])}')
    with open(args.write, "w", encoding="utf-8") as f:
        f.write("[\n" + ",\n".join(json.dumps(e, ensure_ascii=False) for e in entries) + "\n]\n")


if __name__ == "__main__":
    main()
