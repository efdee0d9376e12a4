#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Hub and replica files hold phone numbers, donors' names and tokens: only their owner
/// may read them (mode 0600), from the moment they exist.
package enum PrivateFile {
    /// Creates `path` empty with mode 0600 when it is missing (SQLite then opens it, and
    /// gives its `-wal` and `-shm` files the same mode); narrows an existing database
    /// file and its companions to 0600.
    package static func prepare(_ path: String) throws(SyncError) {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            close(descriptor)
            return
        }
        guard errno == EEXIST else {
            throw .storage("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        for file in [path, path + "-wal", path + "-shm"] {
            var info = stat()
            guard stat(file, &info) == 0, info.st_mode & 0o077 != 0 else { continue }
            // Only narrowing; a file owned by someone else is left to its owner.
            _ = chmod(file, info.st_mode & 0o700)
        }
    }
}

extension PrivateFile {
    /// Why a file could not be written.
    package enum WriteFailure: Error, Sendable, Hashable, CustomStringConvertible {
        /// A file is already there, and it was not to be replaced.
        case exists
        /// The system refused: the step and its reason (`strerror`).
        case system(String)

        package var description: String {
            switch self {
            case .exists: "a file is already there"
            case .system(let reason): reason
            }
        }
    }

    /// Writes `bytes` to `path` whole or not at all: a new file beside it, created with
    /// `mode` from the start (never readable by others, even for a moment), written,
    /// synced, then linked in at `path` (`replacing` false: a file already there is kept and
    /// `.exists` thrown, with no window between the check and the write) or renamed over
    /// it (`replacing` true). The folder is synced after, so the name survives a power cut.
    /// (Foundation's `replaceItemAt` deletes the file it should replace on Linux:
    /// swift-corelibs-foundation #4655.)
    /// `hardLinks` false takes the way a folder without hard links (FAT) makes it take.
    package static func write(
        _ bytes: [UInt8], to path: String, mode: mode_t = 0o600, replacing: Bool, hardLinks: Bool = true
    ) throws(WriteFailure) {
        let folder = folder(of: path)
        var random = SystemRandomNumberGenerator()
        let temporary = "\(folder)/.\(name(of: path)).\(String(random.next(), radix: 36)).tmp"
        let descriptor = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw .system("cannot create a file in \(folder): \(reason())") }
        var failure: String?
        var offset = 0
        bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                #if canImport(Glibc)
                    let count = Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                #else
                    let count = Darwin.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                #endif
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = "cannot write: \(reason())"
                    return
                }
                offset += count
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = "cannot sync: \(reason())" }
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw .system(failure)
        }
        try place(temporary, at: path, replacing: replacing, hardLinks: hardLinks)
    }

    /// Puts the finished file `temporary` at `path`, in the same folder: linked in (a file
    /// already there is kept, `.exists`) or renamed over it (`replacing`); the folder is
    /// synced after. `temporary` is gone either way.
    package static func place(
        _ temporary: String, at path: String, replacing: Bool, hardLinks: Bool = true
    ) throws(WriteFailure) {
        defer { unlink(temporary) }
        if replacing {
            guard rename(temporary, path) == 0 else { throw .system("cannot rename over \(path): \(reason())") }
        } else if !hardLinks || link(temporary, path) != 0 {
            if hardLinks, errno == EEXIST { throw .exists }
            // A USB stick's FAT has no hard links: the name is taken with O_EXCL instead (a
            // file there is never touched), then the finished file renamed onto it.
            let reserved = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            guard reserved >= 0 else {
                if errno == EEXIST { throw .exists }
                throw .system("cannot create \(path): \(reason())")
            }
            close(reserved)
            guard rename(temporary, path) == 0 else {
                let failure = reason()
                unlink(path)
                throw .system("cannot create \(path): \(failure)")
            }
        }
        let directory = open(folder(of: path), O_RDONLY | O_CLOEXEC)
        if directory >= 0 {
            _ = fsync(directory)
            close(directory)
        }
    }

    /// Whether something (a file, a folder, a dangling link) is at `path`.
    package static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    private static func reason() -> String { String(cString: strerror(errno)) }
}
