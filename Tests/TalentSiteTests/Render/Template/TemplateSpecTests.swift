import Foundation
import Testing
@testable import TalentSite

/// Cases of the Mustache spec (interpolation, sections, inverted sections, comments, partials, delimiters,
/// inheritance) for what the theme's templates use, rendered by our engine.
@Suite struct TemplateSpecTests {
    /// Renders `template` (named `main`) with `partials` over `data`.
    static func render(_ template: String, _ data: [String: Any] = [:], partials: [String: String] = [:]) throws -> String {
        var parsed = ["main": try TemplateParser.parse(template)]
        for (name, text) in partials { parsed[name] = try TemplateParser.parse(text) }
        let bytes = try #require(TemplateLibrary(parsed).render("main", data))
        return String(decoding: bytes, as: UTF8.self)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var template: String
        var data: [String: any Sendable] = [:]
        var partials: [String: String] = [:]
        var expected: String
        var testDescription: String { name }
    }

    static let interpolation: [Case] = [
        Case(name: "no tags", template: "Hello from {Mustache}!\n", expected: "Hello from {Mustache}!\n"),
        Case(name: "basic", template: "Hello, {{subject}}!", data: ["subject": "world"], expected: "Hello, world!"),
        Case(name: "HTML escaping", template: "{{forbidden}}", data: ["forbidden": "& \" < > '"],
             expected: "&amp; &quot; &lt; &gt; &#39;"),
        Case(name: "triple mustache", template: "{{{forbidden}}}", data: ["forbidden": "& \" < >"], expected: "& \" < >"),
        Case(name: "ampersand", template: "{{&forbidden}}", data: ["forbidden": "& \" < >"], expected: "& \" < >"),
        Case(name: "integers and booleans", template: "{{n}} {{b}}", data: ["n": 85, "b": true], expected: "85 true"),
        Case(name: "missing is empty", template: "I ({{cannot}}) be seen!", expected: "I () be seen!"),
        Case(name: "dotted names", template: "{{person.name}}", data: ["person": ["name": "Joe"]], expected: "Joe"),
        Case(name: "broken chain", template: "[{{a.b.c}}]", data: ["a": [String: String](), "c": "ERROR"], expected: "[]"),
        Case(name: "dotted name resolves its first part only by climbing", template: "{{#a}}{{b.c}}{{/a}}",
             data: ["a": ["b": [String: String]()], "b": ["c": "ERROR"]], expected: ""),
        Case(name: "implicit iterator", template: "{{#list}}({{.}}){{/list}}", data: ["list": ["a", "<b>"]], expected: "(a)(&lt;b&gt;)"),
        Case(name: "surrounding whitespace kept", template: "| {{string}} |", data: ["string": "---"], expected: "| --- |"),
        Case(name: "standalone interpolation keeps its line", template: "  {{string}}\n", data: ["string": "---"], expected: "  ---\n"),
        Case(name: "padding inside the tag", template: "|{{ string }}|", data: ["string": "---"], expected: "|---|"),
        Case(name: "multi-byte text escaped byte by byte", template: "{{s}}", data: ["s": "機器\"\u{301}視覺"],
             expected: "機器&quot;\u{301}視覺"),
    ]

    static let sections: [Case] = [
        Case(name: "truthy", template: "\"{{#boolean}}This should be rendered.{{/boolean}}\"", data: ["boolean": true],
             expected: "\"This should be rendered.\""),
        Case(name: "falsey", template: "\"{{#boolean}}no{{/boolean}}\"", data: ["boolean": false], expected: "\"\""),
        Case(name: "missing", template: "[{{#missing}}no{{/missing}}]", expected: "[]"),
        Case(name: "empty string and zero are true", template: "{{#s}}s{{/s}}{{#z}}z{{/z}}", data: ["s": "", "z": 0], expected: "sz"),
        Case(name: "object is the context", template: "{{#context}}Hi {{name}}.{{/context}}", data: ["context": ["name": "Joe"]],
             expected: "Hi Joe."),
        Case(name: "list", template: "{{#list}}{{item}}{{/list}}", data: ["list": [["item": 1], ["item": 2], ["item": 3]]],
             expected: "123"),
        Case(name: "empty list", template: "[{{#list}}Yay lists!{{/list}}]", data: ["list": [String]()], expected: "[]"),
        Case(name: "outer names are found", template: "{{#sec}}{{a}}{{b}}{{/sec}}", data: ["a": "A", "sec": ["b": "B"]], expected: "AB"),
        Case(name: "inner names win", template: "{{#sec}}{{a}}{{/sec}}", data: ["a": "outer", "sec": ["a": "inner"]], expected: "inner"),
        Case(name: "false found inside stops the search", template: "{{#sec}}[{{#a}}x{{/a}}]{{/sec}}",
             data: ["a": true, "sec": ["a": false]], expected: "[]"),
        Case(name: "nested", template: "{{#a}}{{one}}{{#b}}{{one}}{{two}}{{/b}}{{/a}}",
             data: ["a": ["one": 1], "b": ["two": 2]], expected: "112"),
        Case(name: "dotted section", template: "{{#a.b.c}}Here{{/a.b.c}}", data: ["a": ["b": ["c": true]]], expected: "Here"),
        Case(name: "standalone lines removed", template: "| This Is\n{{#boolean}}\n|\n{{/boolean}}\n| A Line\n",
             data: ["boolean": true], expected: "| This Is\n|\n| A Line\n"),
        Case(name: "indented standalone lines removed", template: "| This Is\n  {{#boolean}}\n|\n  {{/boolean}}\n| A Line\n",
             data: ["boolean": true], expected: "| This Is\n|\n| A Line\n"),
        Case(name: "CRLF standalone", template: "|\r\n{{#boolean}}\r\n{{/boolean}}\r\n|", data: ["boolean": true], expected: "|\r\n|"),
        Case(name: "standalone without newline at the end", template: "#{{#boolean}}\n/\n  {{/boolean}}", data: ["boolean": true],
             expected: "#\n/\n"),
        Case(name: "two tags on a line are not standalone", template: " {{#boolean}}YES{{/boolean}}\n {{#boolean}}GOOD{{/boolean}}\n",
             data: ["boolean": true], expected: " YES\n GOOD\n"),
        Case(name: "inverted falsey", template: "\"{{^boolean}}This should be rendered.{{/boolean}}\"", data: ["boolean": false],
             expected: "\"This should be rendered.\""),
        Case(name: "inverted truthy", template: "\"{{^boolean}}no{{/boolean}}\"", data: ["boolean": true], expected: "\"\""),
        Case(name: "inverted empty list and missing", template: "{{^list}}a{{/list}}{{^nothing}}b{{/nothing}}", data: ["list": [String]()],
             expected: "ab"),
        Case(name: "inverted object", template: "[{{^o}}no{{/o}}]", data: ["o": ["x": 1]], expected: "[]"),
    ]

    static let others: [Case] = [
        Case(name: "comment", template: "12345{{! Comment Block! }}67890", expected: "1234567890"),
        Case(name: "standalone comment", template: "Begin.\n  {{! Indented Comment Block! }}\nEnd.\n", expected: "Begin.\nEnd.\n"),
        Case(name: "multi-line comment", template: "Begin.\n{{!\nSomething's going on here...\n}}\nEnd.\n", expected: "Begin.\nEnd.\n"),
        Case(name: "delimiters", template: "{{=<% %>=}}(<%text%>)", data: ["text": "Hey!"], expected: "(Hey!)"),
        Case(name: "standalone delimiters", template: "Begin.\n{{=@ @=}}\n@x@\n", data: ["x": 1], expected: "Begin.\n1\n"),
        Case(name: "partial", template: "\"{{>text}}\"", partials: ["text": "from partial"], expected: "\"from partial\""),
        Case(name: "missing partial", template: "\"{{>text}}\"", expected: "\"\""),
        Case(name: "partial sees the context", template: "{{#o}}{{>p}}{{/o}}", data: ["o": ["text": "content"]],
             partials: ["p": "*{{text}}*"], expected: "*content*"),
        Case(name: "inline partial keeps surrounding whitespace", template: "| {{>partial}} |", partials: ["partial": "\t|\t"],
             expected: "| \t|\t |"),
        Case(name: "standalone partial", template: "|\n{{>partial}}\n|", partials: ["partial": ">\n>"], expected: "|\n>\n>|"),
        Case(name: "indented standalone partial", template: "\\\n {{>partial}}\n/\n", data: ["content": "<\n->"],
             partials: ["partial": "|\n{{{content}}}\n|\n"], expected: "\\\n |\n <\n->\n |\n/\n"),
        Case(name: "parent default", template: "{{<parent}}{{/parent}}", partials: ["parent": "{{$ballmer}}peaking{{/ballmer}}"],
             expected: "peaking"),
        Case(name: "parent override", template: "{{<parent}}{{$ballmer}}peaked{{/ballmer}}{{/parent}}",
             partials: ["parent": "{{$ballmer}}peaking{{/ballmer}}"], expected: "peaked"),
        Case(name: "block default outside a parent", template: "{{$title}}Default{{/title}}", expected: "Default"),
        Case(name: "override sees the page", template: "{{<layout}}\n{{$main}}\n<h1>{{t}}</h1>\n{{/main}}\n{{/layout}}\n",
             data: ["t": "Hi"], partials: ["layout": "<main>\n{{$main}}{{/main}}\n</main>\n"], expected: "<main>\n<h1>Hi</h1>\n\n</main>\n"),
        Case(name: "text between blocks of a parent is ignored", template: "{{<p}}ignored{{$a}}A{{/a}} too{{/p}}",
             partials: ["p": "[{{$a}}{{/a}}]"], expected: "[A]"),
        Case(name: "overrides reach partials of the parent", template: "{{<p}}{{$a}}A{{/a}}{{/p}}",
             partials: ["p": "({{>q}})", "q": "{{$a}}q{{/a}}"], expected: "(A)"),
        Case(name: "outer override wins", template: "{{<p}}{{$a}}outer{{/a}}{{/p}}",
             partials: ["p": "{{<q}}{{$a}}middle{{/a}}{{/q}}", "q": "{{$a}}inner{{/a}}"], expected: "outer"),
        Case(name: "two levels of parents", template: "{{<mid}}{{$b}}B{{/b}}{{/mid}}",
             partials: ["mid": "{{<top}}{{$a}}A{{$b}}-{{/b}}{{/a}}{{/top}}", "top": "<{{$a}}{{/a}}>"], expected: "<AB>"),
    ]

    @Test(arguments: interpolation + sections + others) func rendersLikeTheSpec(_ case_: Case) throws {
        #expect(try Self.render(case_.template, case_.data, partials: case_.partials) == case_.expected)
    }

    @Test func arraysOfMixedValuesAndOptionals() throws {
        let missing: String? = nil
        #expect(try Self.render("{{#l}}[{{.}}]{{/l}}{{#o}}o{{/o}}{{^o}}none{{/o}}", ["l": [1, "a", true] as [Any], "o": missing as Any])
                == "[1][a][true]none")
    }
}
