/// How a section is described as an open dataset (`dataset:` in `_section.yaml`), for the catalogue
/// pages under `/data/` and the catalogues data.gov.tw and DCAT harvesters read.
public struct DatasetSpec: Sendable {
    /// The dataset's name and description; the section's title and intro when not declared.
    public var title: LocalizedText?
    public var description: LocalizedText?
    public var updateFrequency: UpdateFrequency

    public init(title: LocalizedText? = nil, description: LocalizedText? = nil, updateFrequency: UpdateFrequency = .irregular) {
        self.title = title; self.description = description; self.updateFrequency = updateFrequency
    }
}

/// data.gov.tw's update frequencies (更新頻率), written in `_section.yaml` as data.gov.tw spells them.
public enum UpdateFrequency: String, Sendable, CaseIterable {
    case daily = "每日", weekly = "每週", monthly = "每月", quarterly = "每季", semiannual = "每半年", annual = "每年"
    case irregular = "不定期"

    /// The same period in the EU Publications Office frequency vocabulary, which DCAT-AP's
    /// `dct:accrualPeriodicity` uses.
    public var euFrequency: String {
        let code: String
        switch self {
        case .daily: code = "DAILY"
        case .weekly: code = "WEEKLY"
        case .monthly: code = "MONTHLY"
        case .quarterly: code = "QUARTERLY"
        case .semiannual: code = "ANNUAL_2"
        case .annual: code = "ANNUAL"
        case .irregular: code = "IRREG"
        }
        return "http://publications.europa.eu/resource/authority/frequency/" + code
    }

    /// The key of its label in `templates/i18n` (`frequency_monthly`).
    public var stringKey: String { "frequency_\(self)" }

    /// English spellings an editor may type, so the error can say which value was meant.
    static let englishNames: [String: String] = [
        "daily": "每日", "weekly": "每週", "monthly": "每月", "quarterly": "每季", "semiannual": "每半年",
        "semi-annual": "每半年", "half-yearly": "每半年", "annual": "每年", "annually": "每年", "yearly": "每年",
        "irregular": "不定期", "as needed": "不定期",
    ]
}
