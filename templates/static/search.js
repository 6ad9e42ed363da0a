/* talentsite search client: plain JavaScript, no framework, no CDN.
   The tokenizer below mirrors Sources/TalentSite/Search/SearchTokenizer.swift rule for rule; both are
   held to Tests/Fixtures/search/tokenizer-vectors.json. Index layout: SearchIndexBuilder.swift. */
"use strict";
(function (global) {
  // ---- tokenizer (keep identical to SearchTokenizer.swift) ----
  /* Variant characters (臺 → 台): the table is SearchVariants.swift's, read from the index manifest. */
  var variants = new Map();
  function useVariants(pairs) {
    var chars = Array.from(pairs || "");
    variants = new Map();
    for (var i = 0; i + 1 < chars.length; i += 2) variants.set(chars[i], chars[i + 1]);
  }
  function fold(text) {
    var out = "";
    for (var ch of text) {
      var c = ch.codePointAt(0);
      if (c >= 0xFF01 && c <= 0xFF5E) out += String.fromCodePoint(c - 0xFEE0);
      else if (c === 0x3000) out += " ";
      else out += ch;
    }
    var folded = "";
    for (var ch2 of out.toLowerCase()) folded += variants.has(ch2) ? variants.get(ch2) : ch2;
    return folded;
  }
  function isHan(c) {
    return c === 0x3007 || (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3100 && c <= 0x312F) ||
      (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0x20000 && c <= 0x2FA1F);
  }
  function isWord(c) {
    return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A) || (c >= 0xC0 && c <= 0x24F && c !== 0xD7 && c !== 0xF7);
  }
  function stem(w) {
    if (w.length <= 3 || /[0-9]/.test(w)) return w;
    if (w.endsWith("ies") && w.length > 4) w = w.slice(0, -3) + "y";
    else if (w.endsWith("sses")) w = w.slice(0, -2);
    else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
    if (w.endsWith("ing") && w.length >= 6) w = w.slice(0, -3);
    else if (w.endsWith("ed") && w.length >= 6) w = w.slice(0, -2);
    return w;
  }
  function terms(text, query) {
    var out = [], word = "", han = [];
    function flushWord() { if (word) { out.push(stem(word)); word = ""; } }
    function flushHan() {
      if (han.length === 1) out.push(han[0]);
      else for (var i = 0; i < han.length; i++) {
        if (!query) out.push(han[i]);
        if (i + 1 < han.length) out.push(han[i] + han[i + 1]);
      }
      han = [];
    }
    for (var ch of fold(text)) {
      var c = ch.codePointAt(0);
      if (isHan(c)) { flushWord(); han.push(ch); }
      else if (isWord(c)) { flushHan(); word += ch; }
      else { flushWord(); flushHan(); }
    }
    flushWord(); flushHan();
    return out;
  }
  function indexTerms(text) { return terms(text, false); }
  /* The last word of a query still being typed, folded, unstemmed; null after a space, in Chinese, for one letter or a number. */
  function typedPrefix(query) {
    var m = /[0-9a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+$/.exec(fold(query || ""));
    return m && Array.from(m[0]).length >= 2 && /[^0-9]/.test(m[0]) ? m[0] : null;
  }
  function queryTerms(text) {
    var seen = new Set();
    return terms(text, true).filter(function (t) { if (seen.has(t)) return false; seen.add(t); return true; });
  }
  function fnv32(text) {
    var h = 0x811C9DC5;
    for (var b of new TextEncoder().encode(text)) { h ^= b; h = Math.imul(h, 0x01000193) >>> 0; }
    return h >>> 0;
  }

  // ---- index ----
  function Index(base) { this.base = base; this.cache = new Map(); }
  Index.prototype.json = function (name) {
    if (!this.cache.has(name)) {
      this.cache.set(name, fetch(new URL(name, this.base)).then(function (r) {
        if (!r.ok) throw new Error(name + ": HTTP " + r.status);
        return r.json();
      }));
    }
    return this.cache.get(name);
  };
  Index.prototype.manifest = function () {
    return this.json("manifest.json").then(function (m) { useVariants(m.variants); return m; });
  };
  var MAX_EXPANSIONS = 20;  // SearchIndexReader.maxExpansions
  /* Postings of `term` and of the most common words starting with `typed`: best score per document. */
  Index.prototype.expandedPostings = async function (term, typed) {
    var m = await this.manifest(), self = this, words = [];
    if (m.prefixes && m.prefixes.length) {
      var shard = fnv32(Array.from(typed).slice(0, 2).join("")) % m.prefixes.length;
      var counts = await this.json("p/" + shard + "." + m.prefixes[shard] + ".json");
      words = Object.keys(counts).filter(function (w) { return w !== term && w.startsWith(typed); })
        .sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : a > b ? 1 : 0); }).slice(0, MAX_EXPANSIONS);
    }
    var lists = await Promise.all([term].concat(words).map(function (w) { return self.postings(w); }));
    var best = new Map();
    lists.forEach(function (postings) {
      postings.forEach(function (p) {
        var old = best.get(p[0]) || [0, 0];
        best.set(p[0], [Math.max(old[0], Math.floor(p[1] / 2)), Math.max(old[1], p[1] % 2)]);
      });
    });
    return Array.from(best.keys()).sort(function (a, b) { return a - b; })
      .map(function (d) { return [d, best.get(d)[0] * 2 + best.get(d)[1]]; });
  };
  Index.prototype.postings = async function (term) {
    var m = await this.manifest();
    var data = await this.json("t/" + (fnv32(term) % m.shardCount) + "." + m.shardTag + ".json");
    if (!Object.prototype.hasOwnProperty.call(data, term)) return [];
    var numbers = data[term], out = [], doc = 0;
    for (var i = 0; i + 1 < numbers.length; i += 2) { doc += numbers[i]; out.push([doc, numbers[i + 1]]); }
    return out;
  };
  Index.prototype.allowed = async function (filters) {
    var facets = Object.keys(filters).filter(function (f) { return filters[f].length > 0; });
    if (facets.length === 0) return null;
    var m = await this.manifest();
    var lists = await this.json(m.filters);
    var allowed = null;
    facets.forEach(function (facet) {
      var set = new Set();
      filters[facet].forEach(function (value) {
        var deltas = (lists[facet] && Object.prototype.hasOwnProperty.call(lists[facet], value)) ? lists[facet][value] : [];
        var doc = 0;
        deltas.forEach(function (d) { doc += d; set.add(doc); });
      });
      allowed = allowed === null ? set : new Set(Array.from(allowed).filter(function (d) { return set.has(d); }));
    });
    return allowed;
  };
  /* Document numbers, best first: every query term must match; title matches first, then BM25. */
  Index.prototype.search = async function (query, filters) {
    await this.manifest();
    var qterms = queryTerms(query || "");
    var typed = typedPrefix(query), expanded = typed === null ? -1 : qterms.lastIndexOf(stem(typed));
    var allowed = await this.allowed(filters || {});
    if (qterms.length === 0) {
      return allowed === null ? [] : Array.from(allowed).sort(function (a, b) { return a - b; });
    }
    var self = this;
    var lists = await Promise.all(qterms.map(function (t, i) {
      return i === expanded ? self.expandedPostings(t, typed) : self.postings(t);
    }));
    var scores = null;
    lists.forEach(function (postings) {
      var next = new Map();
      postings.forEach(function (p) {
        if (scores !== null && !scores.has(p[0])) return;
        var prev = scores === null ? [0, 0] : scores.get(p[0]);
        next.set(p[0], [prev[0] + Math.floor(p[1] / 2), prev[1] + (p[1] % 2)]);
      });
      scores = next;
    });
    var n = qterms.length;
    return Array.from(scores.entries())
      .filter(function (e) { return allowed === null || allowed.has(e[0]); })
      .sort(function (a, b) {
        var at = a[1][1] === n, bt = b[1][1] === n;
        if (at !== bt) return at ? -1 : 1;
        if (a[1][0] !== b[1][0]) return b[1][0] - a[1][0];
        return a[0] - b[0];
      })
      .map(function (e) { return e[0]; });
  };
  /* A result's fragment, from the chunk of consecutive documents holding it (one request per chunk). */
  Index.prototype.fragment = async function (doc) {
    var m = await this.manifest(), first = 0;
    for (var i = 0; i < m.fragmentCounts.length; first += m.fragmentCounts[i++]) {
      if (doc < first + m.fragmentCounts[i]) return (await this.json("f/" + i + "." + m.fragmentTag + ".json"))[doc - first];
    }
    throw new Error("no fragment for document " + doc);
  };

  // ---- excerpts ----
  function segments(query) {
    var out = [];
    (fold(query).match(/[\u3007\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[0-9a-z\u00c0-\u024f]+/g) || [])
      .forEach(function (s) { out.push(/^[0-9a-z\u00c0-\u024f]+$/.test(s) ? stem(s) : s); });
    return out;
  }
  var WORD = /[0-9A-Za-z\u00c0-\u024f'’-]/;
  /* Moves a cut at `i` off the middle of a Latin word (back to its start when `back`, else forward past it)
     and off the middle of a surrogate pair, so excerpts end on whole words and whole characters. */
  function boundary(text, i, back) {
    if (i <= 0 || i >= text.length) return Math.max(0, Math.min(i, text.length));
    var j = i;
    while (j > 0 && j < text.length && WORD.test(text[j - 1]) && WORD.test(text[j])) j += back ? -1 : 1;
    if (j > 0 && j < text.length && /[\udc00-\udfff]/.test(text[j])) j += back ? -1 : 1;
    return j;
  }
  /* Appends to `parent` a window of `text` around the first match, each match in <mark>. */
  function appendHighlighted(parent, text, query, length) {
    var folded = fold(text), parts = segments(query), first = -1;
    var typed = typedPrefix(query);
    if (typed) parts.push(typed);  // the word being typed highlights where it begins a longer word
    parts.forEach(function (p) { var i = folded.indexOf(p); if (i >= 0 && (first < 0 || i < first)) first = i; });
    var start = length && first > 40 ? boundary(text, first - 40, false) : 0;
    while (start > 0 && start < text.length && /\s/.test(text[start])) start++;
    var end = length ? Math.min(text.length, start + length) : text.length;
    if (end < text.length) {
      end = boundary(text, end, true);
      if (end <= start) end = boundary(text, start + length, false);
    }
    if (start > 0) parent.appendChild(document.createTextNode("…"));
    var i = start;
    while (i < end) {
      var best = -1, bestLen = 0;
      parts.forEach(function (p) {
        var j = folded.indexOf(p, i);
        if (j >= 0 && j < end && (best < 0 || j < best)) { best = j; bestLen = p.length; }
      });
      if (best < 0) { parent.appendChild(document.createTextNode(text.slice(i, end))); break; }
      if (best > i) parent.appendChild(document.createTextNode(text.slice(i, best)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(best, Math.min(end, best + bestLen));
      parent.appendChild(mark);
      i = best + bestLen;
    }
    if (end < text.length) parent.appendChild(document.createTextNode("…"));
  }

  // ---- page ----
  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }
  // The count text in the page language's CLDR plural form (data-count-one…, data-count is "other").
  function countText(box, n) {
    var form = new Intl.PluralRules(document.documentElement.lang).select(n);
    return box.dataset["count" + form.charAt(0).toUpperCase() + form.slice(1)] || box.dataset.count;
  }
  function start() {
    var box = document.getElementById("search");
    if (!box) return;
    var index = new Index(new URL(box.dataset.index, document.baseURI));
    var root = new URL(box.dataset.root, document.baseURI);
    var form = document.getElementById("search-form");
    var input = document.getElementById("search-input");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var more = document.getElementById("search-more");
    var pageSize = 10, results = [], shown = 0, run = 0, timer = null, lastQuery = "";

    function filters() {
      var out = {};
      form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
        out[box.name] = out[box.name] || [];
        if (box.checked) out[box.name].push(box.value);
      });
      return out;
    }
    function syncURL(query, chosen) {
      var params = new URLSearchParams();
      if (query) params.set("q", query);
      Object.keys(chosen).forEach(function (f) { chosen[f].forEach(function (v) { params.append(f, v); }); });
      var search = params.toString();
      history.replaceState(null, "", search ? "?" + search : location.pathname);
      // The language switcher keeps the query and filters: the other language's search page reads them too.
      document.querySelectorAll("nav.language-switcher a[href]").forEach(function (a) {
        var url = new URL(a.getAttribute("href"), document.baseURI);
        url.search = search ? "?" + search : "";
        a.setAttribute("href", url.pathname + url.search);
      });
    }
    /* Each filter value's count: the documents matching the query and the other facets' choices. */
    var countRun = 0;
    async function updateCounts(query, chosen) {
      var mine = ++countRun, m, lists, base;
      try {
        m = await index.manifest();
        lists = await index.json(m.filters);
        base = query ? new Set(await index.search(query, {})) : null;
      } catch (e) { return; }
      if (mine !== countRun) return;
      var members = {};
      Object.keys(lists).forEach(function (facet) {
        members[facet] = {};
        Object.keys(lists[facet]).forEach(function (value) {
          var set = new Set(), doc = 0;
          lists[facet][value].forEach(function (d) { doc += d; set.add(doc); });
          members[facet][value] = set;
        });
      });
      function allowedExcept(facet) {
        var allowed = base;
        Object.keys(chosen).forEach(function (f) {
          if (f === facet || chosen[f].length === 0 || !members[f]) return;
          var union = new Set();
          chosen[f].forEach(function (v) { (members[f][v] || new Set()).forEach(function (d) { union.add(d); }); });
          allowed = allowed === null ? union : new Set(Array.from(allowed).filter(function (d) { return union.has(d); }));
        });
        return allowed;
      }
      form.querySelectorAll("input[type=checkbox]").forEach(function (input) {
        var set = (members[input.name] || {})[input.value] || new Set(), allowed = allowedExcept(input.name), n = 0;
        set.forEach(function (d) { if (allowed === null || allowed.has(d)) n++; });
        var label = form.querySelector("label[for='" + input.id + "'] .facet-count");
        if (label) label.textContent = "(" + n + ")";
      });
    }
    async function showMore() {
      var mine = run, batch = results.slice(shown, shown + pageSize);
      var fragments = await Promise.all(batch.map(function (d) { return index.fragment(d); }));
      if (mine !== run) return;
      fragments.forEach(function (f) {
        var item = document.createElement("li");
        var heading = document.createElement("h2");
        var link = document.createElement("a");
        link.href = new URL(f.u.replace(/^\//, ""), root).href;
        appendHighlighted(link, f.t, lastQuery, 0);
        heading.appendChild(link);
        item.appendChild(heading);
        var section = document.createElement("p");
        section.className = "search-section";
        section.textContent = f.s;
        item.appendChild(section);
        if (f.k) {
          var badge = document.createElement("p");
          badge.className = "status status-" + f.k;
          badge.textContent = f.b;
          item.appendChild(badge);
        }
        var excerpt = document.createElement("p");
        excerpt.className = "excerpt";
        appendHighlighted(excerpt, f.x.replace(/\n/g, " "), lastQuery, 160);  // x leaves out the title
        item.appendChild(excerpt);
        list.appendChild(item);
      });
      shown += batch.length;
      more.hidden = shown >= results.length;
    }
    async function search() {
      var mine = ++run, query = input.value.trim(), chosen = filters();
      syncURL(query, chosen);
      lastQuery = query;
      var hasFilter = Object.keys(chosen).some(function (f) { return chosen[f].length > 0; });
      updateCounts(query, chosen);
      if (!query && !hasFilter) {
        list.textContent = ""; more.hidden = true; status.textContent = ""; results = []; return;
      }
      var found;
      try { found = await index.search(query, chosen); } catch (e) {
        if (mine === run) status.textContent = box.dataset.error;
        return;
      }
      if (mine !== run) return;
      results = found; shown = 0; list.textContent = "";
      status.textContent = found.length === 0 ? box.dataset.none : format(countText(box, found.length), { count: found.length.toLocaleString("en") });
      await showMore();
    }
    function later() { clearTimeout(timer); timer = setTimeout(search, 150); }

    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      box.checked = params.getAll(box.name).indexOf(box.value) >= 0;
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); search(); });
    input.addEventListener("input", later);
    form.addEventListener("change", function (e) { if (e.target.type === "checkbox") search(); });
    more.addEventListener("click", function () { showMore(); });
    global.talentsiteSearch.ready = search();
  }

  var api = { indexTerms: indexTerms, queryTerms: queryTerms, typedPrefix: typedPrefix, useVariants: useVariants,
              fnv32: fnv32, Index: Index };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else {
    global.talentsiteSearch = api;
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  }
})(typeof window !== "undefined" ? window : globalThis);
