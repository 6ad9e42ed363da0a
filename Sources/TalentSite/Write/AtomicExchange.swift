import Foundation

/// Linux's `renameat2(…, RENAME_EXCHANGE)`: swaps two paths in one step, so there is no moment at which the
/// output folder is missing. Looked up at run time because Swift's Glibc module does not export it.
enum AtomicExchange {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameat2: RenameAt2? = {
        guard let symbol = dlsym(nil, "renameat2") else { return nil }  // nil is RTLD_DEFAULT on glibc
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
    private static let exchangeFlag: UInt32 = 1 << 1  // RENAME_EXCHANGE
    private static let currentFolder: Int32 = -100    // AT_FDCWD

    /// True when the two existing paths were swapped; false when the system cannot (the caller falls back).
    static func swap(_ first: String, _ second: String) -> Bool {
        guard let renameat2 else { return false }
        return renameat2(currentFolder, first, currentFolder, second, exchangeFlag) == 0
    }
}
