#!/usr/bin/env python3
"""Measures `talentsite serve` on a site: time from saving one course file to the reload event
(Server-Sent Events at /_talentsite/events), and to the moment the reloaded page, fetched as the
browser would on that event, shows the edit.

Usage: edit_to_reload.py TALENTSITE_BINARY SITE_DIR [--runs 5] [--title]
"""
import argparse
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("site")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--title", action="store_true",
                        help="edit the title (lists and term pages change too) instead of appending to the body")
    args = parser.parse_args()
    server = subprocess.Popen([args.binary, "serve", "--source", args.site, "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        banner = server.stdout.readline()
        port = int(re.search(r"127\.0\.0\.1:(\d+)/", banner).group(1))
        course = sorted(f for f in os.listdir(os.path.join(args.site, "content", "courses")) if f.endswith(".zh-TW.md"))[0]
        path = os.path.join(args.site, "content", "courses", course)
        url = f"http://127.0.0.1:{port}/courses/{course[:-len('.zh-TW.md')]}/"
        original = open(path, encoding="utf-8").read()
        times = []
        rebuilds = []
        for run in range(args.runs):
            events = socket.create_connection(("127.0.0.1", port))
            events.sendall(b"GET /_talentsite/events HTTP/1.1\r\nHost: x\r\n\r\n")
            events.settimeout(30)
            events.recv(4096)  # headers (and possibly a comment line)
            marker = f"編輯標記{run}-{time.time_ns()}"
            started = time.perf_counter()
            edited = (re.sub(r'^title: *"?(.*?)"?$', lambda m: f'title: "{m.group(1)} {marker}"', original, count=1, flags=re.M)
                      if args.title else original + f"\n\n{marker}\n")
            with open(path, "w", encoding="utf-8") as f:
                f.write(edited)
            data = b""
            while b"reload" not in data:
                data += events.recv(4096)
            to_event = (time.perf_counter() - started) * 1000
            events.close()
            page = urllib.request.urlopen(url).read().decode("utf-8")
            to_page = (time.perf_counter() - started) * 1000
            if marker not in page:
                sys.exit(f"run {run}: reload sent but {url} does not show the edit")
            times.append((to_page, to_event))
            # Edit again only once the server is idle (it reports on stderr when the whole rebuild is done),
            # as an editor reading the page would.
            while True:
                line = server.stderr.readline()
                if not line:
                    sys.exit("serve stopped")
                if line.startswith("rebuilt"):
                    rebuilds.append(line.strip())
                    break
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
        times.sort()
        pages = [t[0] for t in times]
        events_ms = sorted(t[1] for t in times)
        print(f"save → reload event: median {events_ms[len(events_ms) // 2]:.0f} ms, max {events_ms[-1]:.0f}; "
              f"save → edited page fetched: median {pages[len(pages) // 2]:.0f} ms, min {pages[0]:.0f}, "
              f"max {pages[-1]:.0f}; over {len(times)} edits of {course}")
        print("serve said: " + rebuilds[len(rebuilds) // 2])
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
