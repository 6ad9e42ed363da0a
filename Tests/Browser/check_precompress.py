#!/usr/bin/env python3
"""A site built with `talentsite build --precompress`, served by a real nginx with `gzip_static on`,
`brotli_static on` (Debian's libnginx-mod-http-brotli-static) and `gzip_vary on`: a client sending
`Accept-Encoding: br` gets the exact bytes of NAME.br with `Content-Encoding: br`, one sending `gzip` the bytes
of NAME.gz, one sending none the plain file; each copy comes with `Vary: Accept-Encoding`. Checked for a page of
each language, the stylesheet (plain and hashed name) and the largest JSON file; a file too small for copies
(robots.txt) is sent plain.

usage: check_precompress.py SITE
"""
import argparse
import gzip
import http.client
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Nginx  # noqa: E402

BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"


def fetch(port, path, encoding):
    """Status, headers (lower-case names) and the body exactly as sent: http.client never decodes it."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Accept-Encoding": encoding} if encoding is not None else {}
    connection.putrequest("GET", path, skip_accept_encoding=True)
    for name, value in headers.items():
        connection.putheader(name, value)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    result = (response.status, {k.lower(): v for k, v in response.getheaders()}, body)
    connection.close()
    return result


def read(site, file):
    with open(os.path.join(site, file), "rb") as f:
        return f.read()


def pick(site):
    """(URL path, file) for the pages, the stylesheet and the largest JSON file with copies."""
    chosen = [("/", "index.html"), ("/en/", "en/index.html"), ("/style.css", "style.css")]
    hashed = sorted(f for f in os.listdir(site) if f.startswith("style.") and f.endswith(".css") and f != "style.css")
    chosen += [("/" + hashed[0], hashed[0])] if hashed else []
    jsons = []
    for folder, _, files in os.walk(site):
        for name in files:
            path = os.path.relpath(os.path.join(folder, name), site)
            if name.endswith(".json") and os.path.exists(os.path.join(site, path + ".br")):
                jsons.append((os.path.getsize(os.path.join(site, path)), path))
    if not jsons:
        raise SystemExit("check_precompress: no JSON file with a .br copy in " + site)
    chosen.append(("/" + max(jsons)[1], max(jsons)[1]))
    return chosen


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    args = parser.parse_args()
    site = os.path.abspath(args.site)
    if not os.path.exists(BROTLI_MODULE):
        raise SystemExit(f"check_precompress: {BROTLI_MODULE} is missing: apt-get install libnginx-mod-http-brotli-static "
                         "(make browser-deps)")
    failures = []
    server = Nginx(site, ["en"], modules=[BROTLI_MODULE], http_extra="gzip_static on; brotli_static on; gzip_vary on;")
    try:
        for url, file in pick(site):
            plain = read(site, file)
            copies = {"br": read(site, file + ".br"), "gzip": read(site, file + ".gz")}
            if gzip.decompress(copies["gzip"]) != plain:
                failures.append(f"{file}.gz does not decompress to {file}")
            _, plain_headers, _ = fetch(server.port, url, None)
            for encoding, expected in [("br", copies["br"]), ("gzip", copies["gzip"]), (None, plain)]:
                status, headers, body = fetch(server.port, url, encoding)
                sent = headers.get("content-encoding")
                what = f"{url} with Accept-Encoding: {encoding or '(none)'}"
                if status != 200:
                    failures.append(f"{what}: status {status}")
                elif sent != encoding:
                    failures.append(f"{what}: Content-Encoding {sent!r}")
                elif body != expected:
                    failures.append(f"{what}: {len(body)} bytes, not the {len(expected)} bytes of the "
                                    f"{'plain file' if encoding is None else file + ('.br' if encoding == 'br' else '.gz')}")
                elif encoding and "accept-encoding" not in headers.get("vary", "").lower():
                    failures.append(f"{what}: no Vary: Accept-Encoding, so a shared cache could send it to any client")
                elif headers.get("content-type") != plain_headers.get("content-type"):
                    failures.append(f"{what}: Content-Type {headers.get('content-type')!r}, "
                                    f"plain {plain_headers.get('content-type')!r}")
                else:
                    print(f"ok  {what}: {len(body)} bytes"
                          + (f" ({headers.get('content-type')})" if encoding is None else f", {sent}"))
        small = "robots.txt"
        if os.path.exists(os.path.join(site, small + ".br")) or os.path.getsize(os.path.join(site, small)) >= 1024:
            failures.append(f"{small} was expected below the 1 KB threshold, without copies")
        status, headers, body = fetch(server.port, "/" + small, "br")
        if status != 200 or headers.get("content-encoding") or body != read(site, small):
            failures.append(f"/{small} with Accept-Encoding: br: not the plain file (status {status}, "
                            f"Content-Encoding {headers.get('content-encoding')!r})")
        else:
            print(f"ok  /{small} (no copies) with Accept-Encoding: br: the plain {len(body)} bytes")
    finally:
        server.stop()
    for failure in failures:
        print("FAIL " + failure, file=sys.stderr)
    if failures:
        sys.exit(1)
    print("precompressed files: nginx gzip_static and brotli_static send them byte for byte")


if __name__ == "__main__":
    main()
