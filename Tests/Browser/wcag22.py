"""What axe cannot see of WCAG 2.2 and the phone header, checked in headless Chromium on a served site.

- 2.4.11 Focus Not Obscured, held to "fully visible": Tab through each page; every focused element is whole
  inside the viewport and under no fixed or sticky element.
- 2.5.8 Target Size (Minimum): every target is 24x24 px or has 24 px of room; inline links in text are exempt.
- 3.2.6 Consistent Help: help and contact mechanisms sit in the same place (header or footer) on every page.
- The phone header: at most HEADER_LIMIT px at 390 px, menu behind a <details>, search box on screen.
"""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message, flush=True)


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
// Help and contact mechanisms (3.2.6): contact details (<address>), contact links, and links marked rel=help.
const found = [];
document.querySelectorAll('address, a[href^="mailto:"], a[href^="tel:"], a[rel~="help"], [data-help]').forEach(el => {
  const region = el.closest('header') ? 'header' : el.closest('footer') ? 'footer' : el.closest('main') ? 'main' : 'other';
  if (region === 'main') return;  // content may mention an address; the site's own help lives in header or footer
  const what = el.tagName === 'ADDRESS' ? 'address' : (el.getAttribute('href') || el.dataset.help).replace(/^\\/en\\//, '/');
  found.push(region + ' ' + what);
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
        fail("3.2.6: no help or contact mechanism (<address>, mailto:/tel: link or rel=help) in the header or footer of the home page")
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


