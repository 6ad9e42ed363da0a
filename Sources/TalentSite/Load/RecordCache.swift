import Foundation
import Synchronization

/// Parsed Markdown records by path, with the bytes they were parsed from, so a rebuild parses only the
/// files that changed. Only records that loaded without any diagnostic are kept; a file with problems is
/// parsed (and reported) every time. Valid for one set of settings and schemas: clear it when they change.
/// Templates do not take part in parsing, so a template edit keeps it.
final class RecordCache: Sendable {
    private let entries = Mutex<[String: (data: Data, record: Record)]>([:])
    private let parses = Mutex(0)

    func removeAll() { entries.withLock { $0.removeAll() } }

    /// How many files were parsed (not taken from the cache) so far: tests check what a change re-parses.
    var parsed: Int { parses.withLock { $0 } }

    /// The record in `path`, from the cache when its bytes are unchanged, else parsed (and cached when clean).
    /// `loader` is the section's, so the records share its field tables; each file's diagnostics go to a log of their own.
    func load(_ path: String, tree: SourceTree, loader: MarkdownRecordLoader, log: DiagnosticLog) -> Record? {
        guard let data = try? tree.contents(of: path) else {
            log.error(SourceLocation(file: path), "cannot read file"); return nil
        }
        let cached = entries.withLock { $0[path] }
        if let cached, cached.data == data { return cached.record }
        let text: String
        switch SourceText.decode(data, file: path) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): log.add(diagnostic); return nil
        }
        parses.withLock { $0 += 1 }
        let fileLog = DiagnosticLog()
        var fileLoader = loader
        fileLoader.log = fileLog
        let record = fileLoader.load(path: path, text: text)
        let diagnostics = fileLog.all
        log.add(contentsOf: diagnostics)
        entries.withLock { $0[path] = diagnostics.isEmpty ? record.map { (data, $0) } : nil }
        return record
    }
}
