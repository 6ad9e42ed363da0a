import Foundation

/// What serve mode adds to pages, and only there (never to `build` output): a script that listens for
/// rebuilds and reloads the tab, and an overlay listing the errors of a failed build.
enum LiveReload {
    static let scriptPath = "/_talentsite/live.js"
    static let eventsPath = "/_talentsite/events"

    /// Puts the script (and, while the build is broken, the overlay) before `</body>`, or at the end.
    static func inject(into html: [UInt8], generation: Int, errors: [Diagnostic]?) -> [UInt8] {
        var addition = "<script src=\"\(scriptPath)\" data-generation=\"\(generation)\"></script>"
        if let errors { addition = overlay(errors) + addition }
        let page = String(decoding: html, as: UTF8.self)
        guard let end = page.range(of: "</body>", options: [.backwards, .caseInsensitive]) else { return Array((page + addition).utf8) }
        return Array((page[..<end.lowerBound] + addition + page[end.lowerBound...]).utf8)
    }

    /// The error overlay, server-side: every diagnostic with file, line and message, all escaped.
    static func overlay(_ errors: [Diagnostic]) -> String {
        let items = errors.map { diagnostic in
            "<li><code>\(HTMLEscape.text(diagnostic.location.description))</code> <b>\(diagnostic.severity.rawValue)</b>: \(HTMLEscape.text(diagnostic.message))</li>"
        }.joined()
        return "<div id=\"talentsite-error-overlay\" role=\"alert\" style=\"\(overlayStyle)\"><p><b>The site did not build; " +
            "showing the last good version.</b></p><ul style=\"margin:0;padding-left:1.2em\">\(items)</ul></div>"
    }

    static let overlayStyle = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
        "background:#2b0b0b;color:#fff;font:14px/1.5 monospace;padding:1em 1.5em;border-top:4px solid #e33"

    /// The diagnostics as the JSON the script's `error` event carries.
    static func errorsJSON(_ errors: [Diagnostic]) -> String {
        let items = errors.map { ["location": $0.location.description, "severity": $0.severity.rawValue, "message": $0.message] }
        let data = (try? JSONSerialization.data(withJSONObject: items, options: [.sortedKeys])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// A `reload` event's data: the new generation, then the URL paths of the pages that changed, a line
    /// each (none: every page may have changed).
    static func reloadData(generation: Int, pages: [String]?) -> String {
        ([String(generation)] + (pages ?? [])).joined(separator: "\n")
    }

    /// Reloads on `reload` when the event names this page or no page at all, draws the overlay on `error` (with textContent: messages are never parsed as HTML),
    /// and reloads on `hello` when the site changed between loading the page and connecting.
    static let script = """
        (function () {
          var me = document.currentScript, generation = me && me.getAttribute("data-generation");
          var events = new EventSource("\(eventsPath)");
          events.addEventListener("hello", function (e) { if (generation !== null && e.data !== generation) location.reload(); });
          events.addEventListener("reload", function (e) {
            var lines = String(e.data).split("\\n"), here = location.pathname.replace(/index\\.html$/, "");
            generation = lines[0];
            if (lines.length === 1 || lines.indexOf(here) > 0) location.reload();
          });
          events.addEventListener("error", function (e) {
            if (!e.data) return;
            var old = document.getElementById("talentsite-error-overlay");
            if (old) old.remove();
            var box = document.createElement("div");
            box.id = "talentsite-error-overlay";
            box.setAttribute("role", "alert");
            box.setAttribute("style", "\(overlayStyle)");
            var title = document.createElement("p");
            title.textContent = "The site did not build; showing the last good version.";
            box.appendChild(title);
            var list = document.createElement("ul");
            JSON.parse(e.data).forEach(function (d) {
              var item = document.createElement("li");
              item.textContent = d.location + " " + d.severity + ": " + d.message;
              list.appendChild(item);
            });
            box.appendChild(list);
            document.body.appendChild(box);
          });
        })();

        """
}
