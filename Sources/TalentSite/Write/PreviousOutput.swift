import Foundation

/// The output of the last build, read by a rebuild to find files it would write unchanged: such a file is
/// hard-linked into the staging folder instead of written again. On ext4 creating an inode is most of what
/// writing a page costs (and more so after a deletion, when the allocator steps over recently freed inodes), while
/// reading a file of the previous build from the page cache and adding a name to its inode is cheap. Deleting the
/// replaced build afterwards then frees only what changed.
///
/// The previous output is never modified: a file is only read, and then linked by its open descriptor, so the
/// inode linked is the one compared. Nothing writes into an existing inode afterwards (`StagedDirectory` creates
/// every file it writes with `O_EXCL`). A file is reused only when it is a regular file whose bytes equal the new
/// ones, reached at exactly that path inside the previous output (no symbolic link on the way), owned by this
/// user, with the mode a new file gets and no other name (a file hard-linked from elsewhere is not this build's).
/// Anything else, or any error, and the file is written as usual.
final class PreviousOutput: Sendable {
    /// The previous output's folder, opened before the build starts; it stays the same folder through the swap.
    private let folder: Int32
    /// Its real path, to check where an opened file really is.
    private let realPath: String
    private let owner: uid_t
    /// The permission bits `StagedDirectory` gives a new file (0644 less the umask).
    private let mode: mode_t

    /// The previous output at `destination`, when it is a folder a build wrote (it carries the marker).
    init?(destination: URL, mode: mode_t) {
        guard OutputGuard.isMarked(destination) else { return nil }
        let realPath = OutputGuard.realPath(destination)
        let folder = open(realPath, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else { return nil }
        self.folder = folder
        self.realPath = realPath
        self.owner = geteuid()
        self.mode = mode
    }

    deinit { close(folder) }

    /// Links the previous output's file at `relative` to `relative` in the folder `staging` when its bytes are
    /// `bytes`; false (nothing done) when it is not reusable or the link fails.
    func link(_ bytes: [UInt8], at relative: String, into staging: Int32) -> Bool {
        let file = openat(folder, relative, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else { return false }
        defer { close(file) }
        var status = stat()
        guard fstat(file, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_nlink == 1,
              status.st_uid == owner, status.st_mode & 0o7777 == mode, Int(status.st_size) == bytes.count,
              isAt(relative, file), Self.contents(of: file, equal: bytes) else { return false }
        // By descriptor: the inode linked is the one just compared, whatever happens to the path meanwhile.
        return linkat(AT_FDCWD, "/proc/self/fd/\(file)", staging, relative, AT_SYMLINK_FOLLOW) == 0
    }

    /// True when the open `file` is the previous output's `relative` itself, not reached through a symbolic link.
    private func isAt(_ relative: String, _ file: Int32) -> Bool {
        let expected = realPath + "/" + relative
        let capacity = expected.utf8.count + 2
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
            let length = readlink("/proc/self/fd/\(file)", buffer.baseAddress!, capacity)
            guard length == expected.utf8.count else { return false }
            return expected.utf8.elementsEqual(UnsafeRawBufferPointer(start: buffer.baseAddress!, count: length))
        }
    }

    /// Reads `file` to its end, comparing as it goes; false at the first difference or if it is longer or shorter.
    private static func contents(of file: Int32, equal bytes: [UInt8]) -> Bool {
        let chunk = 64 * 1024
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: chunk) { buffer in
            bytes.withUnsafeBytes { expected in
                var offset = 0
                while true {
                    let count = read(file, buffer.baseAddress!, chunk)
                    if count < 0 { if errno == EINTR { continue }; return false }
                    if count == 0 { return offset == expected.count }
                    guard offset + count <= expected.count,
                          memcmp(buffer.baseAddress!, expected.baseAddress! + offset, count) == 0 else { return false }
                    offset += count
                }
            }
        }
    }
}
