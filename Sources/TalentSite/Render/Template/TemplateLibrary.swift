/// The theme's templates, parsed once and linked: each partial tag points at its template by index.
struct TemplateLibrary: Sendable {
    private let templates: [CompiledTemplate]
    private let indexes: [String: Int]

    /// Links parsed templates (name → nodes). A partial naming no template renders nothing (the theme
    /// reports it when loading); templates must not include themselves (the theme refuses such cycles).
    init(_ parsed: [String: [TemplateNode]]) {
        let names = parsed.keys.sorted()
        let indexes = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var templates = names.map { CompiledTemplate(name: $0, nodes: Self.link(parsed[$0] ?? [], indexes)) }
        var blocks: [Int: Bool] = [:]
        for index in templates.indices { templates[index].usesBlocks = Self.usesBlocks(index, templates, &blocks, visiting: []) }
        self.templates = templates
        self.indexes = indexes
    }

    func has(_ name: String) -> Bool { indexes[name] != nil }

    /// Renders template `name` over `context`; nil when there is no such template. With `memo`, partials over
    /// memoisable objects (card items) are reused from earlier pages of the same build.
    func render(_ name: String, _ context: [String: Any], memo: TemplateMemo? = nil) -> [UInt8]? {
        render(name, TemplateValue(context), memo: memo)
    }

    /// Renders template `name` over a context already converted.
    func render(_ name: String, _ context: TemplateValue, memo: TemplateMemo? = nil) -> [UInt8]? {
        guard let index = indexes[name] else { return nil }
        var renderer = TemplateRenderer(templates: templates, memo: memo)
        renderer.render(index, context: context)
        return renderer.out
    }

    /// Renders template `name` as a partial over `stack` (outermost context first), as a page would include it.
    func renderPartial(_ name: String, over stack: [TemplateValue], memo: TemplateMemo? = nil) -> [UInt8]? {
        guard let index = indexes[name], !stack.isEmpty else { return nil }
        var renderer = TemplateRenderer(templates: templates, memo: memo)
        renderer.renderPartial(index, over: stack)
        return renderer.out
    }

    private static func link(_ nodes: [TemplateNode], _ indexes: [String: Int]) -> [TemplateNode] {
        nodes.map { node in
            switch node {
            case .text, .variable: return node
            case .section(let name, let inner, let inverted): return .section(name, link(inner, indexes), inverted: inverted)
            case .block(let name, let defaults, let indentation):
                return .block(name: name, defaults: link(defaults, indexes), indentation: indentation)
            case .partial(var partial):
                partial.index = indexes[partial.name] ?? -1
                partial.overrides = partial.overrides?.mapValues { link($0, indexes) }
                return .partial(partial)
            }
        }
    }

    private static func usesBlocks(_ index: Int, _ templates: [CompiledTemplate], _ known: inout [Int: Bool],
                                   visiting: Set<Int>) -> Bool {
        if let answer = known[index] { return answer }
        if visiting.contains(index) { return false }
        func scan(_ nodes: [TemplateNode]) -> Bool {
            nodes.contains { node in
                switch node {
                case .text, .variable: return false
                case .block: return true
                case .section(_, let inner, _): return scan(inner)
                case .partial(let partial):
                    return partial.overrides?.values.contains(where: scan) == true
                        || (partial.index >= 0 && usesBlocks(partial.index, templates, &known, visiting: visiting.union([index])))
                }
            }
        }
        let answer = scan(templates[index].nodes)
        known[index] = answer
        return answer
    }
}
