import Foundation
@testable import TalentSite

/// Builds sites in memory from the project's real settings, schemas and templates plus test records.
enum TestSite {
    /// The repository root, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = root.appendingPathComponent("Tests/Fixtures")

    /// Every file under `folder` of `base`, keyed by path relative to `base`.
    static func files(under folder: String, of base: URL = root) -> [String: Data] {
        let tree = DiskSourceTree(root: base)
        var result: [String: Data] = [:]
        for path in (try? tree.files(under: folder)) ?? [] { result[path] = try? tree.contents(of: path) }
        return result
    }

    /// The project's `content/site.yaml`, every `_section.yaml` and `templates/`, without any records.
    static var projectSkeleton: [String: Data] {
        files(under: "content").filter { $0.key == "content/site.yaml" || $0.key.hasSuffix("/_section.yaml") }
            .merging(files(under: "templates")) { a, _ in a }
    }

    /// A minimal valid site (home, one certification, one course, in both languages) plus `overrides`;
    /// an override with an empty string removes the file.
    static func tree(_ overrides: [String: String] = [:]) -> MemorySourceTree {
        var files = projectSkeleton
        for (path, text) in baseRecords.merging(overrides, uniquingKeysWith: { _, new in new }) {
            files[path] = text.isEmpty ? nil : Data(text.utf8)
        }
        files["content/awards/winners.csv"] = files["content/awards/winners.csv"] ?? Data(winnersCSV.utf8)
        return MemorySourceTree(data: files)
    }

    static let winnersCSV = """
        year,category,slug,name_zh,name_en,citation_zh,citation_en
        2025,sme,2025-sme-acme,測試精密公司,Acme Precision,落實 PDDRO 循環。,Runs the PDDRO cycle.

        """

    static let baseRecords: [String: String] = [
        "content/pages/index.zh-TW.md": "---\ntitle: 首頁\ndate: 2026-01-05\n---\n\n歡迎。\n",
        "content/pages/index.en.md": "---\ntitle: Home\ndate: 2026-01-05\n---\n\nWelcome.\n",
        "content/pages/strategies.zh-TW.md": "---\ntitle: 推動策略\ndate: 2026-01-05\n---\n\n策略。\n",
        "content/pages/strategies.en.md": "---\ntitle: Strategies\ndate: 2026-01-05\n---\n\nStrategies.\n",
        "content/certifications/ipas-iot.zh-TW.md": certification(title: "物聯網應用工程師", issuer: "經濟部"),
        "content/certifications/ipas-iot.en.md": certification(title: "IoT Application Engineer", issuer: "Ministry of Economic Affairs"),
        "content/courses/cnc.zh-TW.md": course(title: "智慧機械養成班", provider: "精密機械研究發展中心"),
        "content/courses/cnc.en.md": course(title: "Smart Machinery Bootcamp", provider: "Precision Machinery R&D Center"),
    ].merging(footerPages) { a, _ in a }

    /// The pages site.yaml's footer_menu links from every page.
    static let footerPages: [String: String] = Dictionary(uniqueKeysWithValues: [
        ("privacy", "隱私權及資訊安全政策", "Privacy and information security policy"),
        ("open-data", "政府網站資料開放宣告", "Open data statement"),
        ("accessibility", "無障礙聲明", "Accessibility statement"),
        ("site-map", "網站導覽", "Site map"),
    ].flatMap { slug, zh, en in [
        ("content/pages/\(slug).zh-TW.md", "---\ntitle: \(zh)\ndate: 2026-01-05\n---\n\n\(zh)。\n"),
        ("content/pages/\(slug).en.md", "---\ntitle: \(en)\ndate: 2026-01-05\n---\n\n\(en).\n"),
    ] })

    static func certification(title: String, issuer: String) -> String {
        """
        ---
        title: \(title)
        date: 2026-01-10
        issuer: \(issuer)
        industries: [iot]
        levels: [basic, intermediate]
        exam_dates: [2027-03-20]
        ---

        \(title)。

        """
    }

    /// A valid course; `extra` lines are added at the end of the front matter (line 16 onward).
    static func course(title: String, provider: String, hours: String = "120", certification: String = "ipas-iot",
                       extra: String = "", body: String = "Body.") -> String {
        """
        ---
        title: \(title)
        date: 2026-02-01
        kind: bootcamp
        industries: [smart-machinery, iot]
        region: central
        provider: \(provider)
        start: 2026-12-01
        end: 2027-03-31
        hours: \(hours)
        fee: 8000
        subsidy_rate: 80
        seats: 30
        apply_url: https://apply.training.gov.tw/apply/cnc
        certification: \(certification)
        \(extra)---

        \(body)

        """
    }

    /// Builds in memory; returns the output, or the diagnostics as printed (`path:line:col: error: …`).
    static func build(_ tree: SourceTree, options: BuildOptions = BuildOptions()) -> (output: MemoryOutput, diagnostics: [String]) {
        let output = MemoryOutput()
        do {
            let report = try SiteBuilder(tree: tree, options: options).build(into: output)
            return (output, report.warnings.map(\.description))
        } catch {
            return (output, error.diagnostics.map(\.description))
        }
    }

    /// Only the errors of building `overrides` on the base site.
    static func errors(_ overrides: [String: String]) -> [String] {
        build(tree(overrides)).diagnostics.filter { $0.contains(": error: ") }
    }
}
