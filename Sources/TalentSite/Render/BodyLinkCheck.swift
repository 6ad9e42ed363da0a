import Foundation

/// Checks every link and image in a record's Markdown: allowed scheme, and for internal links,
/// a target the build writes (and an anchor the page has). Errors point at the link in the file.
struct BodyLinkCheck {
    let env: RenderEnvironment

    func check(_ markdown: RenderedMarkdown, of record: Record, pagePath: String) {
        for link in markdown.links {
            let location = position(of: link, in: record)
            let url = link.url
            if url.isEmpty {
                env.log.error(location, "empty link target")
                continue
            }
            if let scheme = URLPolicy.scheme(of: url) {
                if !URLPolicy.externalSchemes.contains(scheme) {
                    env.log.error(location, "link uses the '\(scheme):' scheme; only https:, http:, mailto: and tel: links are allowed")
                } else if !URLPolicy.isAllowedExternal(url) {
                    env.log.error(location, "malformed link \(FieldDecoder.quoted(url))")
                } else if let host = URLPolicy.reservedExampleHost(of: url) {
                    env.log.add(ExampleDomainCheck.warning(location, url: url, host: host))
                }
                continue
            }
            if url.hasPrefix("//") {
                env.log.error(location, "protocol-relative link \(FieldDecoder.quoted(url)); write it with https:")
                continue
            }
            if url.hasPrefix("#") {
                let anchor = LinkPath.decodingPercents(String(url.dropFirst()))
                if !markdown.headingIDs.contains(anchor) && !anchor.hasPrefix("fn") {
                    env.log.error(location, "link to #\(anchor), but this page has no heading with that anchor")
                }
                continue
            }
            let target = resolve(url, from: pagePath)
            if !env.isPlanned(target) {
                switch env.site.unwritten.reason(for: target) {
                case .failed?: continue  // the record's own errors are reported
                case .draft(let noun, let draftLocation)?:
                    env.log.error(location, "link to \(target): that \(noun) is a draft (\(draftLocation))")
                    continue
                case nil: break
                }
                env.log.error(location, "link to \(target), which this build does not write\(suggestion(for: target))")
            }
        }
    }

    /// Maps a position in the Markdown text to the file: the body starts `bodyStart.line` lines down.
    private func position(of link: MarkdownLink, in record: Record) -> SourceLocation {
        let start = record.bodyStart
        return SourceLocation(file: start.file, line: start.line + link.line - 1,
                              column: link.line == 1 ? start.column + link.column - 1 : link.column)
    }

    /// The root-relative path a link points to, without query or fragment, with `.`/`..` resolved.
    func resolve(_ url: String, from pagePath: String) -> String { LinkPath.resolve(url, from: pagePath) }

    /// The written path the link most likely meant: with the missing slash, or the closest by edit distance.
    private func suggestion(for target: String) -> String {
        if !target.hasSuffix("/") && env.isPlanned(target + "/") { return " (did you mean \(target)/?)" }
        let candidates = env.plannedPaths.filter { abs($0.count - target.count) <= 4 }.sorted()
        return Suggestion.closest(to: target, among: candidates).map { " (did you mean \($0)?)" } ?? ""
    }
}
