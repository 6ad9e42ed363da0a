/// Numbered page links for a paged list: first, last and the pages around the current one,
/// with gaps marked, so a 250-page list stays a short row of links.
struct Pagination {
    let current: Int
    let total: Int
    let path: (Int) -> String

    var previous: String? { current > 1 ? path(current - 1) : nil }
    var next: String? { current < total ? path(current + 1) : nil }

    /// Page numbers to show, with `nil` where pages are skipped.
    var shown: [Int?] {
        let wanted = Set([1, total] + Array(max(1, current - 2)...min(total, current + 2)))
        var result: [Int?] = []
        for number in wanted.sorted() {
            if let last = result.last ?? nil, number > last + 1 { result.append(nil) }
            result.append(number)
        }
        return result
    }

    func context(strings: [String: String]) -> [String: Any] {
        let label = strings["page_label"] ?? "Page {page}"
        let pages: [[String: Any]] = shown.map { number in
            guard let number else { return ["gap": true, "number": false, "href": false, "current": false, "label": false] }
            return ["gap": false, "number": number, "href": path(number), "current": number == current,
                    "label": label.replacingPlaceholders(["page": String(number)])]
        }
        return ["pages": pages, "previous": previous ?? false, "next": next ?? false,
                "current": current, "total": total]
    }
}
