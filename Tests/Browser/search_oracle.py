#!/usr/bin/env python3
"""The independent answer key for search: which record pages of a built site contain a query.

A page matches when it has every filter value asked for (read from the source content: front
matter and winners.csv) and its visible <main> text (read with Python's own HTML parser, not the generator's)
holds every part of the query: each Chinese run as a substring, each Latin word as a whole word
(plural/-ing/-ed endings allowed), after folding full-width forms and case. The search must find at
least these pages.

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


def fold(text):
    return "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else " " if c == "\u3000" else c
                   for c in text).lower()


class MainText(HTMLParser):
    BLOCKS = {"p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "td", "th", "div", "tr", "section", "article"}

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.skip = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.depth += 1
        elif self.depth and tag in ("nav", "script", "style", "form", "button"):
            self.skip += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth -= 1
        elif self.depth and tag in ("nav", "script", "style", "form", "button"):
            self.skip -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


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
                if slug == "page" or slug.isdigit() or not os.path.isfile(path):
                    continue
                parser = MainText()
                with open(path, encoding="utf-8") as f:
                    parser.feed(f.read())
                pages.append((language, f"{section}/{slug}", fold(" ".join("".join(parser.parts).split()))))
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
    for segment in SEGMENT.findall(fold(query)):
        if re.fullmatch(f"[{HAN}]+", segment):
            if segment not in text:
                return False
        elif not re.search(rf"(?<![0-9a-z\u00c0-\u024f]){re.escape(segment)}(s|es|ing|ed)?(?![0-9a-z\u00c0-\u024f])", text):
            return False
    return True


def expected(pages, filters, language, query, chosen):
    def allowed(record):
        have = filters.get(record, {})
        return all(have.get(facet, set()) & set(values) for facet, values in chosen.items() if values)
    return [record for lang, record, text in pages
            if lang == language and allowed(record) and (not query.strip() or matches(text, query))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("content")
    parser.add_argument("--write", required=True, help="query file to fill in")
    args = parser.parse_args()
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
