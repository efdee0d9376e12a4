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
