#!/usr/bin/env python3
"""Measures `talentsite serve` on a site: time from saving a file to the reload event (Server-Sent Events at
/_talentsite/events), and to the moment the reloaded page, fetched as the browser would on that event, shows
the edit. Also prints what serve itself logged for each rebuild ("rebuilt … in N ms").

Edits: `body` appends a sentence to one course's Markdown body (only its page must change first); `title`
changes its title (lists and term pages change too); `template` adds an HTML comment to
templates/layout.mustache (every page changes: a full rebuild), and reverts it before the next run.
The clock is time.perf_counter (monotonic), started just before the file is opened for writing.
Each run starts only when serve has finished the previous rebuild (it reports that on stderr), as an
editor reading the page would; serve's stderr is drained on a thread, so its warnings never block it.

Usage: edit_to_reload.py TALENTSITE_BINARY SITE_DIR [--runs 5] [--edit body|title|template] [--title]
"""
import argparse
import os
import queue
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

REBUILT = re.compile(r"^(re)?built \d+ of \d+ files in (\d+) ms")


def drain(stream, lines):
    """Puts serve's rebuild reports (not its per-file warnings) on `lines`, and None at the end."""
    for line in stream:
        if REBUILT.match(line) or line.startswith("build failed"):
            lines.put(line.rstrip("\n"))
    lines.put(None)


def next_report(lines, timeout=600):
    line = lines.get(timeout=timeout)
    if line is None:
        sys.exit("serve stopped")
    if line.startswith("build failed"):
        sys.exit("serve: " + line)
    return line


def load():
    return "load average %.2f %.2f %.2f" % os.getloadavg()


def summary(name, values):
    return f"{name}: median {statistics.median(values):.0f} ms, max {max(values):.0f} ms"


def cpu_ms(pid):
    """The user + system CPU time `pid` has used, in ms (Linux /proc): unlike wall time, the machine's load does not inflate it."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def threads_cpu_ns(pid):
    """Each of `pid`'s threads' CPU time in ns (/proc schedstat). Between a save and the reload event serve does
    nothing but read the file and render the preview, so what its threads used meanwhile is what the preview cost."""
    times = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/schedstat") as f:
                times[task] = int(f.read().split()[0])
        except FileNotFoundError:  # a thread that ended meanwhile
            continue
    return times


def cpu_since_ms(pid, before):
    """CPU used since `before` (a threads_cpu_ns reading) by the threads that were there then."""
    now = threads_cpu_ns(pid)
    return sum(now[task] - before[task] for task in before if task in now) / 1e6


class Edit:
    def __init__(self, kind, site):
        if kind == "template":
            self.path = os.path.join(site, "templates", "layout.mustache")
            self.url_path = "/"
        else:
            courses = os.path.join(site, "content", "courses")
            course = sorted(f for f in os.listdir(courses) if f.endswith(".zh-TW.md"))[0]
            self.path = os.path.join(courses, course)
            self.url_path = f"/courses/{course[:-len('.zh-TW.md')]}/"
        self.kind = kind
        with open(self.path, encoding="utf-8") as f:
            self.original = f.read()

    def edited(self, marker):
        if self.kind == "title":
            return re.sub(r'^title: *"?(.*?)"?$', lambda m: f'title: "{m.group(1)} {marker}"', self.original, count=1, flags=re.M)
        if self.kind == "template":
            if "</body>" not in self.original:
                sys.exit(f"{self.path} has no </body> to put the marker before")
            return self.original.replace("</body>", f"<!-- {marker} -->\n</body>", 1)
        return self.original + f"\n\n{marker}\n"

    def write(self, text):
        with open(self.path, "w", encoding="utf-8") as f:
            f.write(text)


def wait_for_event(events, name):
    """Reads the event stream until an event called `name` has arrived whole; returns its data lines."""
    data = b""
    while True:
        for block in data.split(b"\n\n")[:-1]:
            lines = block.decode("utf-8").split("\n")
            if f"event: {name}" in lines:
                return [line[len("data: "):] for line in lines if line.startswith("data: ")]
        chunk = events.recv(65536)
        if not chunk:
            sys.exit("the event stream closed")
        data += chunk


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("site")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--edit", choices=["body", "title", "template"], default="body")
    parser.add_argument("--title", action="store_true", help="the same as --edit title")
    args = parser.parse_args()
    kind = "title" if args.title else args.edit
    edit = Edit(kind, args.site)
    server = subprocess.Popen([args.binary, "serve", "--source", args.site, "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    reports = queue.Queue()
    threading.Thread(target=drain, args=(server.stderr, reports), daemon=True).start()
    try:
        banner = server.stdout.readline()
        match = re.search(r"127\.0\.0\.1:(\d+)/", banner)
        if not match:
            sys.exit(f"serve did not start: {banner!r}")
        port = int(match.group(1))
        print(f"serve started: {next_report(reports)}")
        url = f"http://127.0.0.1:{port}{edit.url_path}"
        to_event, to_page, logged, cpu, preview_cpu = [], [], [], [], []
        loads = [load()]
        try:
            for run in range(args.runs):
                events = socket.create_connection(("127.0.0.1", port))
                events.sendall(b"GET /_talentsite/events HTTP/1.1\r\nHost: x\r\n\r\n")
                events.settimeout(600)
                wait_for_event(events, "hello")
                marker = f"bench-edit-{run}-{time.time_ns()}"
                text = edit.edited(marker)
                cpu_before, threads_before = cpu_ms(server.pid), threads_cpu_ns(server.pid)
                started = time.perf_counter()
                edit.write(text)
                pages = wait_for_event(events, "reload")[1:]
                to_event.append((time.perf_counter() - started) * 1000)
                preview_cpu.append(cpu_since_ms(server.pid, threads_before))
                events.close()
                page = urllib.request.urlopen(url).read().decode("utf-8")
                to_page.append((time.perf_counter() - started) * 1000)
                if marker not in page:
                    sys.exit(f"run {run}: reload sent but {url} does not show the edit")
                if pages and edit.url_path not in pages:
                    sys.exit(f"run {run}: the reload event names {pages[:3]}, not {edit.url_path}")
                logged.append(next_report(reports))
                cpu.append(cpu_ms(server.pid) - cpu_before)
                if kind == "template":  # put the layout back; the next run starts from the original
                    edit.write(edit.original)
                    next_report(reports)
        finally:
            edit.write(edit.original)
        loads.append(load())
        print(f"{kind} edit of {os.path.relpath(edit.path, args.site)}, {args.runs} runs "
              f"({loads[0]} before, {loads[1]} after)")
        print("  " + summary("save → reload event", to_event))
        print("  " + summary("save → edited page fetched", to_page))
        logged_ms = [float(REBUILT.match(line).group(2)) for line in logged]
        print("  " + summary("serve's own rebuild time (whole rebuild)", logged_ms))
        print("  " + summary("serve's CPU time (user + sys) for the whole rebuild", cpu))
        if kind != "template":
            print("  " + summary("serve's CPU time from save to reload event (the preview)", preview_cpu))
        shown = [float(m.group(1)) for m in (re.search(r"edited pages shown after (\d+) ms", line) for line in logged) if m]
        if shown:
            print("  " + summary("serve's own time to show the edited page", shown))
        print("  serve said (median run): " + sorted(logged, key=lambda line: float(REBUILT.match(line).group(2)))[len(logged) // 2])
    finally:
        server.terminate()
        server.wait(timeout=60)


if __name__ == "__main__":
    main()
