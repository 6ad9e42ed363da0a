#!/usr/bin/env python3
"""Hashed assets with Subresource Integrity, in headless Chromium behind nginx: on the built site every page
applies its stylesheet and the search script runs, with no console errors; on a copy whose hashed files were
altered by one byte, Chromium refuses both and says so (proof the integrity attribute is checked, not decorative).

usage: check_sri.py SITE
"""
import glob
import os
import shutil
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

from harness import Nginx

PAGES = ["/", "/en/", "/courses/", "/en/courses/"]
SEARCHES = ["/search/?q=CNC", "/en/search/?q=CNC"]
failures = []


def fail(message):
    print("FAIL:", message, flush=True)
    failures.append(message)


def browser():
    options = Options()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def sheet_rules(driver):
    """Rules of the page's stylesheet, or -1 when the browser did not apply it."""
    return driver.execute_script(
        "var l = document.querySelector('link[rel=stylesheet]');"
        "return l && l.sheet ? l.sheet.cssRules.length : -1;")


def search_ran(driver):
    """The search script fills the status line once it has run a query."""
    deadline = time.time() + 10
    while time.time() < deadline:
        if driver.execute_script("return document.getElementById('search-status').textContent.trim().length > 0;"):
            return True
        time.sleep(0.2)
    return False


def severe(driver):
    """Console errors, leaving out Chromium's own request for /favicon.ico (the site declares no icon)."""
    return [entry["message"] for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE" and "/favicon.ico " not in entry["message"]]


def check(driver, site, tampered):
    server = Nginx(site, ["en"])
    try:
        for path in PAGES + SEARCHES:
            driver.get(server.url(path))
            rules = sheet_rules(driver)
            ran = search_ran(driver) if path in SEARCHES else None
            errors = severe(driver)
            if not tampered:
                if rules <= 0:
                    fail(f"{path}: the hashed stylesheet was not applied")
                if ran is False:
                    fail(f"{path}: the hashed search script did not run")
                if errors:
                    fail(f"{path}: console errors: {errors}")
            else:
                if rules != -1:
                    fail(f"{path}: an altered stylesheet was applied ({rules} rules)")
                if ran:
                    fail(f"{path}: an altered search script ran")
                if not any("integrity" in message for message in errors):
                    fail(f"{path}: no integrity error in the console: {errors}")
            print(f"{'altered' if tampered else 'intact'} {path}: stylesheet rules {rules}, "
                  f"search ran {ran}, console errors {errors}", flush=True)
    finally:
        server.stop()


def main():
    if len(sys.argv) != 2 or not os.path.isfile(os.path.join(sys.argv[1], "index.html")):
        sys.exit(__doc__)
    site = sys.argv[1]
    hashed = glob.glob(os.path.join(site, "style.*.css")) + glob.glob(os.path.join(site, "search.*.js"))
    if len(hashed) != 2:
        sys.exit(f"expected one hashed style.*.css and one search.*.js in {site}, found {hashed}")
    driver = browser()
    scratch = tempfile.mkdtemp(prefix="talentsite-sri.")
    os.chmod(scratch, 0o755)  # nginx's workers read it as another user
    try:
        check(driver, site, tampered=False)
        altered = os.path.join(scratch, "site")
        shutil.copytree(site, altered)
        for path in hashed:
            with open(os.path.join(altered, os.path.basename(path)), "ab") as file:
                file.write(b"\n")
        check(driver, altered, tampered=True)
    finally:
        driver.quit()
        shutil.rmtree(scratch, ignore_errors=True)
    if failures:
        sys.exit(f"{len(failures)} SRI failure(s)")
    print("SRI: hashed assets load intact and are refused when altered")


if __name__ == "__main__":
    main()
