/// One piece of a parsed template. Partials are linked to their template's index once the whole theme
/// is parsed, so rendering never looks a template up by name.
indirect enum TemplateNode: Sendable {
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{>name}}`, or `{{<name}}…{{/name}}` with the blocks it overrides. `indentation` is the whitespace before
    /// a standalone tag, put before every line the partial renders.
    case partial(TemplatePartial)
    /// `{{$name}}default{{/name}}`: the override in scope for `name`, else the default.
    case block(name: String, defaults: [TemplateNode], indentation: [UInt8])
}

/// A partial or parent tag: which template (`index` into the library once linked, -1 when it does not exist).
struct TemplatePartial: Sendable {
    var name: String
    var index = -1
    var indentation: [UInt8]
    /// Block overrides of a parent tag (`{{<layout}}{{$main}}…{{/main}}{{/layout}}`); nil for a plain partial.
    var overrides: [String: [TemplateNode]]?
}

/// A variable or section name, split once: `.` (the current value), `.a.b` (only in the current value),
/// or `a.b` (`a` searched from the innermost context outwards, then `b` inside it). A class, so a node hands
/// its name to the renderer with one reference count, not one per string and array it holds.
final class TemplateName: Sendable, Equatable {
    enum Scope: Sendable { case current, top, stack }
    let scope: Scope
    let parts: [String]
    /// `parts` with their hashes, made once here rather than at every lookup.
    let keys: [TemplateKey]
    let text: String

    init(_ text: String) {
        self.text = text
        if text == "." {
            scope = .current; parts = []
        } else {
            scope = text.hasPrefix(".") ? .top : .stack
            parts = text.split(separator: ".").map(String.init)
        }
        keys = parts.map(TemplateKey.init)
    }

    static func == (a: TemplateName, b: TemplateName) -> Bool { a.text == b.text }
}

/// A parsed template and what the renderer needs to know about it.
struct CompiledTemplate: Sendable {
    var name: String
    var nodes: [TemplateNode]
    /// Whether it (or a partial it includes) expands a block, so its output can depend on overrides in scope.
    var usesBlocks = false
}
