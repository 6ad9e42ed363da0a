/// A place in a source file, so every complaint can point an editor at the exact spot.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Path relative to the site's source folder, e.g. `content/courses/cnc.zh-TW.md`.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = max(1, line)
        self.column = max(1, column)
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    /// The same file moved down by `lines` lines, for text embedded at an offset (front matter, body).
    public func shifted(lines: Int, columns: Int = 0) -> SourceLocation {
        SourceLocation(file: file, line: line + lines, column: column + columns)
    }
}
