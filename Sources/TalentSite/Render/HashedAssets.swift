import Foundation
import Synchronization

/// The stylesheet and the search script under names that change with their bytes (`style.1a2b3c4d5e6f.css`),
/// so a host can cache them forever, and with Subresource Integrity (`sha384-…`), so a browser runs only the
/// bytes this build wrote. The plain names are still written for links in content; pages load the hashed ones.
public enum HashedAssets {
    /// The assets under `templates/static/` that pages load, with their template key.
    static let keys = ["style.css": "style", "search.js": "script"]

    public struct Asset: Sendable, Equatable {
        /// The file name at the site root: `style.1a2b3c4d5e6f.css`.
        public var file: String
        /// The `integrity` attribute's value: `sha384-` and the base64 digest.
        public var integrity: String
    }

    /// `name` with the first 12 hex digits of its SHA-384 before the extension.
    public static func asset(_ name: String, bytes: [UInt8]) -> Asset {
        let stem = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        let digest = SHA512.hash(bytes, .sha384)
        let hash = digest.prefix(6).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        return Asset(file: ext.isEmpty ? "\(stem).\(hash)" : "\(stem).\(hash).\(ext)",
                     integrity: "sha384-" + Data(digest).base64EncodedString())
    }

    /// The hashed assets of a theme by their file name; computed once per set of asset bytes.
    public static func assets(_ theme: Theme) -> [String: Asset] {
        let sources = keys.keys.compactMap { name in theme.assets[name].map { (name, $0) } }
        let key = sources.sorted { $0.0 < $1.0 }.map { $0.1 }
        return cache.withLock { entries in
            // Array == is O(1) for the same storage, which every page of one build shares: no per-page hashing.
            if let known = entries.first(where: { $0.key == key }) { return known.assets }
            let computed = Dictionary(uniqueKeysWithValues: sources.map { ($0.0, asset($0.0, bytes: $0.1)) })
            entries = [(key, computed)] + entries.prefix(3)  // a few themes (serve reloads), not every one
            return computed
        }
    }

    /// Template context: `assets.style.file`, `assets.style.integrity`, `assets.script.…`; a missing asset is
    /// absent, so `{{#assets.style}}` leaves its tag out.
    static func context(_ theme: Theme) -> [String: Any] {
        var context: [String: Any] = [:]
        for (name, asset) in assets(theme) {
            if let key = keys[name] { context[key] = ["file": asset.file, "integrity": asset.integrity] }
        }
        return context
    }

    /// Hashed assets by the asset bytes they were computed from, newest first.
    private static let cache = Mutex<[(key: [[UInt8]], assets: [String: Asset])]>([])
}
