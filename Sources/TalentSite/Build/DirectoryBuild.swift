import Foundation

extension Pipeline {
    /// Builds the site in `source` into the folder `output` on disk, atomically: the folder is replaced
    /// only when the build succeeds, and left exactly as it was otherwise. Refuses (`OutputRefusal`) before
    /// writing anything when `output` could hold sources or files this tool did not write.
    public static func buildDirectory(source: URL, output: URL, options: BuildOptions) throws -> BuildReport {
        try OutputGuard.check(source: source, output: output)
        let staged = try StagedDirectory(destination: output)
        do {
            let target = options.precompress ? PrecompressingTarget(wrapping: staged) : nil
            var report = try Pipeline(tree: DiskSourceTree(root: source), options: options).build(into: target ?? staged)
            if let target { report.filesWritten += target.summary.copies.values.reduce(0, +); report.notes.append(target.summary.note) }
            try staged.commit()
            return report
        } catch {
            staged.discard()
            throw error
        }
    }

    /// The build day in Asia/Taipei, where the courses take place and citizens read the site: from
    /// `SOURCE_DATE_EPOCH` when set (reproducible builds), else now. 2027-04-09T16:00Z is already 04-10.
    public static func buildDay(environment: [String: String] = ProcessInfo.processInfo.environment) -> Day {
        if let text = environment["SOURCE_DATE_EPOCH"], let seconds = Int(text) { return Day(unixSeconds: seconds, offset: Day.taipeiOffset) }
        return Day(unixSeconds: Int(Date().timeIntervalSince1970), offset: Day.taipeiOffset)
    }
}
