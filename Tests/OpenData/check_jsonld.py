#!/usr/bin/env python3
"""Expands the open-data catalogue's JSON-LD with pyld, offline, and checks the terms harvesters read.

Usage: check_jsonld.py SITE   (a built site: SITE/data/catalog.jsonld, SITE/data/*/index.html, SITE/en/data/…)

CI has no network, so contexts come from Tests/OpenData/contexts/ (our own minimal copies defining the terms
we use): https://schema.org maps to schema.org.jsonld and every other URL is refused. catalog.jsonld carries
its prefixes inline and must expand with no remote document at all; its prefixes must be the DCAT, Dublin
Core, FOAF and vCard namespaces of contexts/dcat.jsonld. A term that expands to nothing (a typo, or a term
the context does not define) is dropped by JSON-LD expansion without error, so every key is checked to survive.
"""
import html.parser
import json
import pathlib
import sys

from pyld import jsonld

CONTEXTS = pathlib.Path(__file__).resolve().parent / "contexts"
SCHEMA = "http://schema.org/"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
SCHEMA_URLS = {"https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/"}


class NetworkRefused(Exception):
    pass


def local_loader(url, options=None):
    """pyld document loader: the local schema.org context, and nothing from the network."""
    if url in SCHEMA_URLS:
        document = json.loads((CONTEXTS / "schema.org.jsonld").read_text(encoding="utf-8"))
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": document}
    raise NetworkRefused(f"refusing to fetch {url}: the check runs offline")


def refuse_all(url, options=None):
    raise NetworkRefused(f"refusing to fetch {url}: catalog.jsonld must be self-contained")


def expand(document, loader, base):
    return jsonld.expand(document, {"documentLoader": loader, "base": base})


def iris(expanded):
    """Every property IRI and every @type value in an expanded document."""
    found = set()
    def walk(node):
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key == "@type":
                    found.update(value if isinstance(value, list) else [value])
                elif not key.startswith("@"):
                    found.add(key)
                walk(value)
    walk(expanded)
    return found


def compact_keys(node, keys=None):
    """Every non-keyword key of a compact document (the terms it uses), with their @type values."""
    keys = set() if keys is None else keys
    if isinstance(node, list):
        for item in node:
            compact_keys(item, keys)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "@context":
                continue
            if key == "@type":
                keys.update(value if isinstance(value, list) else [value])
            elif not key.startswith("@"):
                keys.add(key)
            compact_keys(value, keys)
    return keys


def dropped(document, expanded, expand_term):
    """Terms of the compact document that did not come through expansion."""
    have = iris(expanded)
    return sorted(term for term in compact_keys(document) if expand_term(term) not in have)


class LinkedDataScripts(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts, self._inside = [], False

    def handle_starttag(self, tag, attrs):
        self._inside = tag == "script" and dict(attrs).get("type") == "application/ld+json"
        if self._inside:
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.scripts[-1] += data


def page_linked_data(path):
    parser = LinkedDataScripts()
    parser.feed(path.read_text(encoding="utf-8"))
    return [json.loads(text) for text in parser.scripts]


def check_catalog(site, problems):
    path = site / "data" / "catalog.jsonld"
    document = json.loads(path.read_text(encoding="utf-8"))
    expected_context = json.loads((CONTEXTS / "dcat.jsonld").read_text(encoding="utf-8"))["@context"]
    if document.get("@context") != expected_context:
        problems.append(f"{path}: @context {document.get('@context')} is not the DCAT prefixes of contexts/dcat.jsonld")
    try:
        expanded = expand(document, refuse_all, document.get("@id"))
    except Exception as error:  # pyld wraps loader errors in JsonLdError
        problems.append(f"{path}: does not expand offline: {error}")
        return 0
    prefixes = expected_context
    def expand_term(term):
        prefix, _, rest = term.partition(":")
        return prefixes[prefix] + rest if prefix in prefixes else term
    for term in dropped(document, expanded, expand_term):
        problems.append(f"{path}: '{term}' is lost in expansion")
    found = iris(expanded)
    for iri in [DCAT + "Catalog", DCAT + "dataset", DCAT + "Dataset", DCAT + "distribution", DCAT + "Distribution",
                DCAT + "downloadURL", DCAT + "mediaType", DCT + "title", DCT + "description", DCT + "publisher",
                DCT + "license", DCT + "format", DCT + "accrualPeriodicity"]:
        if iri not in found:
            problems.append(f"{path}: {iri} is not in the expanded catalogue")
    datasets = expanded[0].get(DCAT + "dataset", [])
    for dataset in datasets:
        files = dataset.get(DCAT + "distribution", [])
        urls = [file.get(DCAT + "downloadURL", [{}])[0].get("@id", "") for file in files]
        if len(files) != 4 or not all(url.startswith("http") for url in urls):
            problems.append(f"{path}: dataset {dataset.get('@id')} has distributions {urls}, expected 4 absolute URLs")
    return len(datasets)


def check_pages(site, problems):
    pages = sorted(site.glob("data/*/index.html")) + sorted(site.glob("en/data/*/index.html"))
    for path in pages + [site / "data" / "index.html", site / "en" / "data" / "index.html"]:
        objects = page_linked_data(path)
        if len(objects) != 1:
            problems.append(f"{path}: {len(objects)} JSON-LD scripts, expected 1")
            continue
        document = objects[0]
        try:
            expanded = expand(document, local_loader, document.get("url"))
        except Exception as error:
            problems.append(f"{path}: does not expand: {error}")
            continue
        for term in dropped(document, expanded, lambda term: SCHEMA + term):
            problems.append(f"{path}: '{term}' is lost in expansion (not defined in contexts/schema.org.jsonld)")
        found = iris(expanded)
        if path.parent.name == "data":
            expected = ["DataCatalog", "dataset", "Dataset", "license", "publisher"]
        else:
            expected = ["Dataset", "distribution", "DataDownload", "contentUrl", "encodingFormat", "license",
                        "publisher", "inLanguage", "variableMeasured"]
        for term in expected:
            if SCHEMA + term not in found:
                problems.append(f"{path}: {SCHEMA}{term} is not in the expanded JSON-LD")
        if path.parent.name != "data":
            downloads = expanded[0].get(SCHEMA + "distribution", [])
            urls = [download.get(SCHEMA + "contentUrl", [{}])[0].get("@id", "") for download in downloads]
            if len(urls) != 4 or not all(url.startswith("https://") or url.startswith("http://") for url in urls):
                problems.append(f"{path}: distribution contentUrls {urls}, expected 4 absolute IRIs")
    return len(pages)


def self_test():
    """The checks can fail: a misspelt term is reported as dropped, and the loader refuses the network."""
    document = {"@context": "https://schema.org", "@type": "Dataset", "name": "x", "lisence": "https://data.gov.tw/license"}
    expanded = expand(document, local_loader, "https://example.gov.tw/")
    assert dropped(document, expanded, lambda term: SCHEMA + term) == ["lisence"], "a typo must be caught"
    try:
        expand({"@context": "https://w3id.org/other", "name": "x"}, local_loader, None)
    except Exception:
        pass
    else:
        raise AssertionError("the loader fetched a remote context")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    site = pathlib.Path(sys.argv[1])
    self_test()
    problems = []
    datasets = check_catalog(site, problems)
    pages = check_pages(site, problems)
    if datasets == 0 or pages == 0:
        problems.append(f"{site}: found {datasets} datasets in catalog.jsonld and {pages} dataset pages; expected some")
    elif pages != 2 * datasets:
        problems.append(f"{site}: {pages} dataset pages for {datasets} datasets, expected one per dataset and language")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"JSON-LD: catalog.jsonld ({datasets} DCAT datasets) and {pages} dataset pages expand offline with every term")


if __name__ == "__main__":
    main()
