/// Renders linked templates into bytes with Mustache semantics: a name is searched from the innermost
/// context outwards; false, null and empty lists skip a section; a list repeats it per element; any other
/// value becomes the innermost context; `{{x}}` is HTML-escaped, `{{{x}}}` is not. Overrides of an outer
/// parent win over inner ones, as in swift-mustache, which this replaces.
struct TemplateRenderer {
    let templates: [CompiledTemplate]
    let memo: TemplateMemo?
    var out: [UInt8] = []
    private var stack: [TemplateValue] = []
    private var overrides: [String: [TemplateNode]] = [:]
    private var indentation: [UInt8] = []
    /// While a memoised partial is first rendered: the stack depth of its object, and what was read from below it.
    private var recording: (floor: Int, reads: [(name: String, value: TemplateValue?)])?

    init(templates: [CompiledTemplate], memo: TemplateMemo?) {
        self.templates = templates
        self.memo = memo
        out.reserveCapacity(32_768)
    }

    mutating func render(_ template: Int, context: TemplateValue) {
        stack = [context]
        render(templates[template].nodes)
    }

    /// Renders `template` as a partial tag would, over contexts `stack` (outermost first).
    mutating func renderPartial(_ template: Int, over stack: [TemplateValue]) {
        self.stack = stack
        renderPartial(template)
    }

    private mutating func render(_ nodes: [TemplateNode]) {
        guard !indentation.isEmpty else {
            for node in nodes { render(node) }
            return
        }
        // Indent each line the nodes start: after a line end this render wrote, before output that follows it.
        let start = out.count
        for node in nodes {
            let position = out.count
            render(node)
            if out.count > position, position > start, out[position - 1] == 10 {
                out.insert(contentsOf: indentation, at: position)
            }
        }
    }

    private mutating func render(_ node: TemplateNode) {
        switch node {
        case .text(let bytes):
            out.append(contentsOf: bytes)
        case .variable(let name, let escaped):
            guard let value = lookup(name) else { return }
            if case .text(let text) = value {
                if escaped { HTMLEscape.append(text, to: &out) } else { out.append(contentsOf: text.utf8) }
            } else {
                if escaped { HTMLEscape.append(value.renderedText, to: &out) } else { out.append(contentsOf: value.renderedText.utf8) }
            }
        case .section(let name, let nodes, let inverted):
            let value = lookup(name) ?? .null
            if inverted {
                guard value.isFalsey else { return }
                // Only an empty list becomes the context of an inverted section; false and null do not.
                guard case .list = value else { render(nodes); return }
                stack.append(value)
                render(nodes)
                stack.removeLast()
                return
            }
            switch value {
            case .null: return
            case .bool(let flag): if flag { render(nodes) }
            case .list(let items):
                for item in items {
                    stack.append(item)
                    render(nodes)
                    stack.removeLast()
                }
            default:
                stack.append(value)
                render(nodes)
                stack.removeLast()
            }
        case .partial(let partial):
            guard partial.index >= 0 else { return }
            let (savedIndentation, savedOverrides) = (indentation, overrides)
            indentation += partial.indentation
            if let added = partial.overrides { overrides.merge(added) { outer, _ in outer } }
            renderPartial(partial.index)
            (indentation, overrides) = (savedIndentation, savedOverrides)
        case .block(let name, let defaults, let blockIndentation):
            let saved = indentation
            indentation += blockIndentation
            render(overrides[name] ?? defaults)
            indentation = saved
        }
    }

    /// A partial over a memoisable object (a record's card) is rendered once per object and reused while
    /// every value it read from outside that object (the UI strings, the heading level) is the same.
    private mutating func renderPartial(_ index: Int) {
        let template = templates[index]
        guard let memo, recording == nil, indentation.isEmpty, !template.usesBlocks,
              case .object(let object) = stack[stack.count - 1], let key = object.memoKey else {
            render(template.nodes)
            return
        }
        let floor = stack.count - 1
        for known in memo.entries(template: index, key: key)
        where known.reads.allSatisfy({ read in lookup(TemplateKey(read.name), below: floor).isSame(as: read.value) }) {
            // A spilled rendering that cannot be read back is rendered again, as if it had never been kept.
            if memo.append(known, to: &out) { return }
            break
        }
        recording = (floor, [])
        let start = out.count
        render(template.nodes)
        memo.store(out[start...], reads: recording?.reads ?? [], template: index, key: key)
        recording = nil
    }

    private func lookup(_ name: TemplateKey, below floor: Int) -> TemplateValue? {
        var depth = floor - 1
        while depth >= 0 {
            if case .object(let object) = stack[depth], let value = object[name] { return value }
            depth -= 1
        }
        return nil
    }

    private mutating func lookup(_ name: TemplateName) -> TemplateValue? {
        switch name.scope {
        case .current:
            return stack[stack.count - 1]
        case .top:
            return descend(stack[stack.count - 1], name.keys[...])
        case .stack:
            let first = name.keys[0]
            var depth = stack.count - 1
            while depth >= 0 {
                if case .object(let object) = stack[depth], let value = object[first] {
                    if let floor = recording?.floor, depth < floor { noteRead(first.name, value) }
                    return name.keys.count == 1 ? value : descend(value, name.keys.dropFirst())
                }
                depth -= 1
            }
            if recording != nil { noteRead(first.name, nil) }
            return nil
        }
    }

    private mutating func noteRead(_ name: String, _ value: TemplateValue?) {
        guard let reads = recording?.reads, !reads.contains(where: { $0.name == name }) else { return }
        recording?.reads.append((name, value))
    }

    private func descend(_ value: TemplateValue, _ parts: ArraySlice<TemplateKey>) -> TemplateValue? {
        var current = value
        for part in parts {
            guard case .object(let object) = current, let child = object[part] else { return nil }
            current = child
        }
        return current
    }
}

extension TemplateValue? {
    func isSame(as other: TemplateValue?) -> Bool {
        switch (self, other) {
        case (nil, nil): return true
        case (let a?, let b?): return a.isSame(as: b)
        default: return false
        }
    }
}
