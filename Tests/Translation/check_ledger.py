#!/usr/bin/env python3
"""Fails unless every translation of the site is fresh in `talentsite translations --format json`.

Whoever edits an original re-runs `talentsite translated` on its translation; this keeps that honest.
Usage: check_ledger.py TALENTSITE_BINARY SITE_FOLDER
"""
import json
import subprocess
import sys


def main() -> int:
    binary, site = sys.argv[1], sys.argv[2]
    run = subprocess.run([binary, "translations", "--source", site, "--format", "json"],
                         capture_output=True, text=True)
    if run.returncode != 0:
        print(run.stderr, file=sys.stderr)
        print("translation ledger: `talentsite translations` failed", file=sys.stderr)
        return 1
    report = json.loads(run.stdout)
    bad = [t for t in report["translations"] if t["state"] != "fresh"]
    for t in bad:
        changed = ", ".join(t.get("changed") or [])
        print(f"{t['file']}:1:1: error: translation is {t['state']}"
              + (f" (changed in the original: {changed})" if changed else "")
              + f"; update it, then run: talentsite translated {t['file']}", file=sys.stderr)
    total = len(report["translations"])
    if total == 0:
        print("translation ledger: no translations found", file=sys.stderr)
        return 1
    print(f"translation ledger: {total - len(bad)} of {total} translations fresh")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
