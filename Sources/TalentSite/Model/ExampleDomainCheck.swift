/// Warns about URL fields that point at a domain reserved for examples (an apply link to example.org):
/// fine while drafting, wrong once citizens follow it. A warning, so `--strict` fails on it.
struct ExampleDomainCheck {
    let model: SiteModel
    let log: DiagnosticLog

    static let kind = "example-domain"

    /// The warning's words around the URL, for a link to `host`.
    static func frame(host: String) -> MessageFrame {
        MessageFrame(before: "link to ", after: ": '\(host)' is reserved for examples (RFC 2606/6761) and leads nowhere; link the real page")
    }

    /// `link to "<url>": '<host>' is reserved for examples…`; given `frame` (from `frame(host:)`), the warning shares it.
    static func warning(_ location: SourceLocation, url: String, host: String, frame: MessageFrame? = nil) -> Diagnostic {
        Diagnostic(.warning, location, quoting: url, in: frame ?? Self.frame(host: host), kind: kind)
    }

    func run() {
        // One frame per host: a site's thousands of such warnings keep their URLs, not a message each.
        var frames: [String: MessageFrame] = [:]
        for section in model.sections {
            let urlFields = section.schema.fields.filter { $0.type.element == .url }
            guard !urlFields.isEmpty else { continue }
            for entry in section.entries {
                for record in entry.versions.values.sorted(by: { $0.language < $1.language }) {
                    for spec in urlFields {
                        for case .url(let url) in record.fields[spec.name]?.elements ?? [] {
                            if let host = URLPolicy.reservedExampleHost(of: url) {
                                let frame = frames[host] ?? Self.frame(host: host)
                                frames[host] = frame
                                log.add(Self.warning(record.location(of: spec.name), url: url, host: host, frame: frame))
                            }
                        }
                    }
                }
            }
        }
    }
}
