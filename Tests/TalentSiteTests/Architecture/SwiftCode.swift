/// Swift source with comments and string literals blanked out (newlines kept, so line numbers still
/// match), leaving only the code that can name a type. Interpolations inside strings are code and stay.
enum SwiftCode {
    private enum Mode {
        case code(parens: Int)
        case string(hashes: Int, multiline: Bool)
    }

    static func of(_ source: String) -> String {
        let s = Array(source.unicodeScalars)
        var out = String.UnicodeScalarView()
        var stack: [Mode] = [.code(parens: 0)]
        var i = 0
        func at(_ k: Int) -> Unicode.Scalar? { k < s.count ? s[k] : nil }
        func blank(_ count: Int) {
            for k in i..<min(i + count, s.count) { out.append(s[k] == "\n" ? "\n" : " ") }
            i += count
        }
        func hashes(from k: Int, count: Int) -> Bool { (0..<count).allSatisfy { at(k + $0) == "#" } }
        while i < s.count {
            let c = s[i]
            switch stack[stack.count - 1] {
            case .code(let parens):
                if c == "/" && at(i + 1) == "/" {
                    var end = i
                    while end < s.count && s[end] != "\n" { end += 1 }
                    blank(end - i)
                } else if c == "/" && at(i + 1) == "*" {
                    var depth = 0, end = i
                    repeat {
                        if at(end) == "/" && at(end + 1) == "*" { depth += 1; end += 2 }
                        else if at(end) == "*" && at(end + 1) == "/" { depth -= 1; end += 2 }
                        else { end += 1 }
                    } while depth > 0 && end < s.count
                    blank(end - i)
                } else if c == "\"" || (c == "#" && (at(i + 1) == "#" || at(i + 1) == "\"")) {
                    var quote = i
                    while at(quote) == "#" { quote += 1 }
                    guard at(quote) == "\"" else { out.append(c); i += 1; continue }
                    let multiline = at(quote + 1) == "\"" && at(quote + 2) == "\""
                    stack.append(.string(hashes: quote - i, multiline: multiline))
                    blank(quote - i + (multiline ? 3 : 1))
                } else if c == "(" {
                    stack[stack.count - 1] = .code(parens: parens + 1)
                    out.append(c); i += 1
                } else if c == ")" && parens == 0 && stack.count > 1 {
                    stack.removeLast()  // the end of an interpolation: back in the string
                    blank(1)
                } else {
                    if c == ")" { stack[stack.count - 1] = .code(parens: parens - 1) }
                    out.append(c); i += 1
                }
            case .string(let count, let multiline):
                if c == "\\" && hashes(from: i + 1, count: count) {
                    if at(i + 1 + count) == "(" {
                        blank(count + 2)
                        stack.append(.code(parens: 0))
                    } else {
                        blank(count + 2)
                    }
                } else if c == "\"" && (!multiline || (at(i + 1) == "\"" && at(i + 2) == "\""))
                            && hashes(from: i + (multiline ? 3 : 1), count: count) {
                    stack.removeLast()
                    blank((multiline ? 3 : 1) + count)
                } else {
                    blank(1)
                }
            }
        }
        return String(out)
    }
}
