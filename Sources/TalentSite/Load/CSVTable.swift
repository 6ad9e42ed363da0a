/// An RFC 4180 CSV table whose every cell remembers its line and column, so a bad row is reported exactly.
struct CSVTable {
    struct Cell {
        var text: String
        var line: Int
        var column: Int
    }

    var header: [Cell]
    var rows: [[Cell]]

    /// Parses `text`; a malformed row is reported and skipped, the others are kept.
    static func parse(_ text: String, file: String, log: DiagnosticLog) -> CSVTable? {
        let scalars = Array(SourceText.normalized(text).unicodeScalars)
        var records: [[Cell]] = []
        var index = 0, line = 1, column = 1

        func advance() {
            if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }

        while index < scalars.count {
            var record: [Cell] = []
            var rowError: Diagnostic?
            recordLoop: while true {
                let startLine = line, startColumn = column
                var value = String.UnicodeScalarView()
                if index < scalars.count && scalars[index] == "\"" {
                    advance()
                    var closed = false
                    while index < scalars.count {
                        if scalars[index] == "\"" {
                            if index + 1 < scalars.count && scalars[index + 1] == "\"" {
                                value.append("\""); advance(); advance()
                            } else {
                                advance(); closed = true; break
                            }
                        } else {
                            if scalars[index] != "\r" { value.append(scalars[index]) }
                            advance()
                        }
                    }
                    if !closed {
                        rowError = rowError ?? .error(SourceLocation(file: file, line: startLine, column: startColumn),
                                                      "quoted field is never closed: add the closing '\"'")
                    } else if index < scalars.count && !",\r\n".unicodeScalars.contains(scalars[index]) {
                        rowError = rowError ?? .error(SourceLocation(file: file, line: line, column: column),
                                                      "unexpected text after a closing quote; double a quote inside a quoted field (\"\")")
                        while index < scalars.count && !",\n".unicodeScalars.contains(scalars[index]) { advance() }
                    }
                } else {
                    while index < scalars.count && scalars[index] != "," && scalars[index] != "\n" {
                        if scalars[index] == "\"" {
                            rowError = rowError ?? .error(SourceLocation(file: file, line: line, column: column),
                                                          "a '\"' inside an unquoted field; quote the whole field and double the quote")
                        }
                        if scalars[index] != "\r" { value.append(scalars[index]) }
                        advance()
                    }
                }
                record.append(Cell(text: String(value), line: startLine, column: startColumn))
                if index < scalars.count && scalars[index] == "," { advance(); continue recordLoop }
                if index < scalars.count && scalars[index] == "\r" { advance() }
                if index < scalars.count && scalars[index] == "\n" { advance() }
                break recordLoop
            }
            if let rowError { log.add(rowError); continue }
            if record.count == 1 && record[0].text.isEmpty { continue }  // blank line
            records.append(record)
        }
        guard let header = records.first else {
            log.error(SourceLocation(file: file), "CSV file is empty: it needs a header row")
            return nil
        }
        var rows: [[Cell]] = []
        for (number, record) in records.dropFirst().enumerated() {
            if record.count != header.count {
                let last = record[min(record.count, header.count) - 1]
                log.error(SourceLocation(file: file, line: record[0].line, column: last.column),
                          "row \(number + 1) has \(record.count) columns, the header has \(header.count)")
                continue
            }
            rows.append(record)
        }
        return CSVTable(header: header, rows: rows)
    }
}
