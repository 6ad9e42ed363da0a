/// Warns about URL fields that point at a domain reserved for examples (an apply link to example.org):
/// fine while drafting, wrong once citizens follow it. A warning, so `--strict` fails on it.
struct ExampleDomainCheck {
    let model: SiteModel
    let log: DiagnosticLog

    static let kind = "example-domain"

    static func warning(_ location: SourceLocation, url: String, host: String) -> Diagnostic {
        Diagnostic(.warning, location, "link to \(Diagnostic.quoted(url)): '\(host)' is reserved for examples "
                   + "(RFC 2606/6761) and leads nowhere; link the real page", kind: kind)
    }

    func run() {
        for section in model.sections {
            let urlFields = section.schema.fields.filter { $0.type.element == .url }
            guard !urlFields.isEmpty else { continue }
            for entry in section.entries {
                for record in entry.versions.values.sorted(by: { $0.language < $1.language }) {
                    for spec in urlFields {
                        for case .url(let url) in record.fields[spec.name]?.elements ?? [] {
                            if let host = URLPolicy.reservedExampleHost(of: url) {
                                log.add(Self.warning(record.location(of: spec.name), url: url, host: host))
                            }
                        }
                    }
                }
            }
        }
    }
}
