"""Course lifecycle and search, checked on a built, served site against the site's own open data.

- Each course's status in /data/courses.json is recomputed here from its dates and the build day in
  Asia/Taipei (SOURCE_DATE_EPOCH when set, else today): open through apply_until (else the day before start),
  closed until start, in progress through end, ended after.
- /courses/ (every page) lists exactly the courses not ended, /courses/past/ exactly the ended ones, and the
  home page none that ended; the same in English.
- The search page's status filter finds exactly the ended courses, each result showing its status badge.
- Search through the real client: 台北科技大學 finds pages that write 臺北科技大學, "AI" finds "AIoT" while
  typing (on a site without AIoT, the beginning of its most common long word finds that word), and a field label or the apply button's words find no English course whose text never says them.
"""
import datetime
import json
import os
import re
import urllib.parse
import urllib.request

failures = []
TAIPEI = datetime.timezone(datetime.timedelta(hours=8))


def fail(message):
    failures.append(message)
    print("FAIL:", message, flush=True)


def build_day():
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = datetime.datetime.fromtimestamp(int(epoch), TAIPEI) if epoch else datetime.datetime.now(TAIPEI)
    return now.date()


def status(course, today):
    day = datetime.date.fromisoformat
    start = day(course["start"])
    last_application = day(course["apply_until"]) if course.get("apply_until") else start - datetime.timedelta(days=1)
    if today <= last_application:
        return "open"
    if today < start:
        return "closed"
    if course.get("end") and day(course["end"]) < today:
        return "ended"
    return "in-progress"


def card_slugs(server, path, prefix):
    """Course slugs linked from the cards of a paged list, following rel=next."""
    slugs, url = [], server.url(path)
    while url:
        html = urllib.request.urlopen(url).read().decode("utf-8")
        slugs += re.findall(rf'class="card-title"><a href="{prefix}/courses/([a-z0-9-]+)/"', html)
        following = re.search(r'<link rel="next" href="([^"]+)"', html)
        url = server.url(following.group(1)) if following else None
    return slugs


SEARCH = """
const [query, filters, done] = arguments;
talentsiteSearch.ready.then(async () => {
  const index = new talentsiteSearch.Index(new URL('index/', document.baseURI));
  const docs = await index.search(query, filters);
  const fragments = await Promise.all(docs.map(d => index.fragment(d)));
  done({urls: fragments.map(f => f.u), badges: Array.from(document.querySelectorAll('#search-results .status')).map(b => b.textContent)});
}).catch(e => done({error: String(e)}));
"""


def search(driver, server, path, query, filters=None):
    driver.get(server.url(path) + "?" + urllib.parse.urlencode([("q", query)] + [(k, v) for k, vs in (filters or {}).items() for v in vs]))
    result = driver.execute_async_script(SEARCH, query, filters or {})
    if "error" in result:
        fail(f"search {query!r} {filters}: {result['error']}")
        return {"urls": [], "badges": []}
    return result


def check_lifecycle(driver, server, site):
    today = build_day()
    with open(os.path.join(site, "data", "courses.json"), encoding="utf-8") as f:
        courses = json.load(f)
    for course in courses:
        if course.get("status") != status(course, today):
            fail(f"{course['slug']}: open data says {course.get('status')!r}, its dates say {status(course, today)!r} on {today}")
    ended = sorted(c["slug"] for c in courses if status(c, today) == "ended")
    current = sorted(c["slug"] for c in courses if status(c, today) != "ended")
    for prefix in ("", "/en"):
        with open(os.path.join(site, prefix.strip("/"), "data", "courses.json"), encoding="utf-8") as f:
            here = {c["slug"] for c in json.load(f)}
        if sorted(card_slugs(server, f"{prefix}/courses/", prefix)) != [s for s in current if s in here]:
            fail(f"{prefix}/courses/ does not list exactly the current courses")
        if sorted(card_slugs(server, f"{prefix}/courses/past/", prefix)) != [s for s in ended if s in here]:
            fail(f"{prefix}/courses/past/ does not list exactly the ended courses")
        home = urllib.request.urlopen(server.url(prefix + "/")).read().decode("utf-8")
        if any(f'href="{prefix}/courses/{slug}/"' in home for slug in ended):
            fail(f"the {prefix or 'zh'} home page shows an ended course")
    found = search(driver, server, "/search/", "", {"status": ["ended"], "section": ["courses"]})
    slugs = sorted(u.split("/")[2] for u in found["urls"])
    if slugs != ended or any(b != "已結訓" for b in found["badges"]):
        fail(f"status filter 'ended' found {slugs} with badges {set(found['badges'])}, expected {ended}")
    print(f"  lifecycle on {today} (Asia/Taipei): {len(courses)} courses, {len(ended)} ended in the archive; "
          f"statuses {sorted({status(c, today) for c in courses})}", flush=True)


def page_main(site, url):
    html = open(os.path.join(site, url.strip("/"), "index.html"), encoding="utf-8").read()
    main = re.search(r"<main.*?</main>", html, re.S)
    text = main.group(0) if main else html
    # What the page says, not its furniture (labels, badges, buttons are marked data-search="ignore").
    text = re.sub(r'<(\w+)[^>]*data-search="ignore"[^>]*>.*?</\1>', " ", text, flags=re.S)
    return re.sub(r"<[^>]+>", " ", text)


def typed_prefix(site):
    """The prefix to type: "AI" where some English course says AIoT (the shipped site), else the first four
    letters of the most common long word of the English course pages that is not a whole word itself, so the
    check always has a word to find by its beginning."""
    folder = os.path.join(site, "en", "courses")
    texts = [page_main(site, f"/en/courses/{name}/") for name in sorted(os.listdir(folder))
             if os.path.isfile(os.path.join(folder, name, "index.html"))]
    if any(re.search(r"\bAIoT\b", text) for text in texts):
        return "AI", "AIoT"
    counts = {}
    for text in texts:
        for word in set(re.findall(r"\b[A-Za-z]{8,}\b", text)):
            counts[word] = counts.get(word, 0) + 1
    whole = {w.lower() for text in texts for w in re.findall(r"\b[A-Za-z]{4}\b", text)}
    for word, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if word[:4].lower() not in whole:
            return word[:4], word
    fail("no long English word on the course pages to type the beginning of")
    return "AI", "AIoT"


def check_search_words(driver, server, site, content):
    variant = search(driver, server, "/search/", "台北科技大學")["urls"]
    written = [u for u in variant if "臺北科技大學" in open(os.path.join(site, u.strip("/"), "index.html"), encoding="utf-8").read()]
    if not written:
        fail(f"台北科技大學 found no page writing 臺北科技大學 ({variant})")
    prefix, longer = typed_prefix(site)
    typed = search(driver, server, "/en/search/", prefix)["urls"]
    aiot = [u for u in typed if re.search(rf"\b{prefix}[A-Za-z]+", page_main(site, u))]
    if not aiot:
        fail(f"{prefix!r} found no page with a word it begins ({longer}): {typed}")
    # Field labels and the button are furniture: a label's words find only courses that say them.
    courses = os.path.join(content, "courses")
    if not os.path.isdir(courses):
        fail(f"no course sources at {courses}")
        return
    sources = {}
    for name in sorted(os.listdir(courses)):
        if name.endswith(".en.md"):
            front, body = open(os.path.join(courses, name), encoding="utf-8").read().split("---", 2)[1:]
            front = re.sub(r"(?m)^(apply_url|translated_from):.*$", "", front)
            sources[f"/en/courses/{name[:-len('.en.md')]}/"] = re.sub(r"https?://\S+", "", front + body).lower()
    page = urllib.request.urlopen(server.url(next(iter(sources)))).read().decode("utf-8")
    labels = re.findall(r'<dt[^>]*>([^<]+)</dt>', page) + re.findall(r'class="button"[^>]*>([^<]+)<', page)
    tested = 0
    for label in labels:
        # The index stems words (prepares → prepare): a text "says" a word when it has its stem.
        words = [w[:-1] if len(w) > 3 and w.endswith("s") else w for w in re.findall(r"[a-z]+", label.lower())]
        silent = [u for u, text in sources.items() if not all(re.search(rf"\b{w}", text) for w in words)]
        if not words or not silent:
            continue
        tested += 1
        wrong = [u for u in search(driver, server, "/en/search/", label + " ")["urls"] if u in silent]
        if wrong:
            fail(f"{label!r} (a label on the page) finds courses that never say it: {wrong[:3]}")
    if tested == 0:
        fail(f"no field label of {next(iter(sources))} is missing from some course text: cannot test that labels are not indexed")
    print(f"  search: 台北科技大學 → {len(written)} pages with 臺北科技大學; {prefix} → {len(aiot)} with {longer}; "
          f"{tested} field labels and the button find no course that does not say them", flush=True)
