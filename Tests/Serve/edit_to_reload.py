#!/usr/bin/env python3
"""Measures `talentsite serve` on a site: time from saving one course file to the reload event
(Server-Sent Events at /_talentsite/events), and that the served page then shows the edit.

Usage: edit_to_reload.py TALENTSITE_BINARY SITE_DIR [--runs 5]
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
        for run in range(args.runs):
            events = socket.create_connection(("127.0.0.1", port))
            events.sendall(b"GET /_talentsite/events HTTP/1.1\r\nHost: x\r\n\r\n")
            events.settimeout(30)
            events.recv(4096)  # headers (and possibly a comment line)
            marker = f"編輯標記{run}-{time.time_ns()}"
            started = time.perf_counter()
            with open(path, "w", encoding="utf-8") as f:
                f.write(original + f"\n\n{marker}\n")
            data = b""
            while b"reload" not in data:
                data += events.recv(4096)
            elapsed = (time.perf_counter() - started) * 1000
            events.close()
            page = urllib.request.urlopen(url).read().decode("utf-8")
            if marker not in page:
                sys.exit(f"run {run}: reload sent but {url} does not show the edit")
            times.append(elapsed)
            time.sleep(0.3)
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
        times.sort()
        print(f"edit → reload event: median {times[len(times) // 2]:.0f} ms, min {times[0]:.0f}, max {times[-1]:.0f} "
              f"over {len(times)} edits of {course}")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
