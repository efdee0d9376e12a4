import CZlib

/// Gzip with the system's zlib. Decompression is strict: one complete gzip member, its CRC
/// and length trailer checked, nothing after it, and no more than a given size out. (A
/// lenient reader would take a body cut short or followed by garbage.)
package enum Gzip {
    /// The gzip-compressed form of `input` (one member, default level).
    package static func compress(_ input: [UInt8]) throws(SyncError) -> [UInt8] {
        try input.withUnsafeBytes { bytes in Result { () throws(SyncError) in try compress(bytes) } }.get()
    }

    /// The gzip-compressed form of `input` (one member, default level).
    package static func compress(_ input: UnsafeRawBufferPointer) throws(SyncError) -> [UInt8] {
        guard input.count <= Int(UInt32.max) else { throw .tooLarge("the body to compress", limit: Int(UInt32.max)) }
        var stream = z_stream()
        // 15 + 16: a window of 2^15 bytes, gzip framing (not zlib's).
        guard CZlib_deflateInit2(&stream, Z_DEFAULT_COMPRESSION, 15 + 16) == Z_OK else {
            throw .storage("cannot start zlib")
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))))
        let status = output.withUnsafeMutableBytes { target in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = UInt32(input.count)
            stream.next_out = target.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = UInt32(target.count)
            return deflate(&stream, Z_FINISH)
        }
        guard status == Z_STREAM_END else { throw .storage("cannot compress (zlib status \(status))") }
        output.removeLast(Int(stream.avail_out))
        return output
    }

    /// The decompressed contents of `input`, or an error: `tooLarge` past `maxSize`
    /// bytes, `malformed` for anything but one whole, valid gzip member.
    package static func decompress(_ input: [UInt8], maxSize: Int) throws(SyncError) -> [UInt8] {
        var output: [UInt8] = []
        try input.withUnsafeBytes { bytes in
            Result { () throws(SyncError) in try decompress(bytes, maxSize: maxSize) { output.append(contentsOf: $0) } }
        }.get()
        return output
    }

    /// Decompresses `input` as `decompress(_:maxSize:)` does, handing the output to
    /// `write` chunk by chunk (no more than `maxSize` bytes in all).
    package static func decompress(
        _ input: UnsafeRawBufferPointer, maxSize: Int, into write: (UnsafeRawBufferPointer) -> Void
    ) throws(SyncError) {
        var stream = z_stream()
        guard CZlib_inflateInit2(&stream, 15 + 16) == Z_OK else { throw .storage("cannot start zlib") }
        defer { inflateEnd(&stream) }
        guard input.count <= Int(UInt32.max) else { throw .tooLarge("the gzip body", limit: Int(UInt32.max)) }
        var produced = 0
        let chunkSize = 64 << 10
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = UInt32(input.count)
        let outcome: Result<Void, SyncError> = {
            while true {
                let (status, count) = chunk.withUnsafeMutableBytes { out in
                    stream.next_out = out.baseAddress?.assumingMemoryBound(to: Bytef.self)
                    stream.avail_out = UInt32(chunkSize)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    return (status, chunkSize - Int(stream.avail_out))
                }
                if count > 0 {
                    guard produced + count <= maxSize else {
                        return .failure(.tooLarge("the decompressed body", limit: maxSize))
                    }
                    produced += count
                    chunk.withUnsafeBytes { write(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
                }
                switch status {
                case Z_STREAM_END:
                    guard stream.avail_in == 0 else {
                        return .failure(.malformed("the body is not valid gzip: bytes follow the end of the stream"))
                    }
                    return .success(())
                case Z_OK where count > 0 || stream.avail_in > 0:
                    continue
                case Z_OK, Z_BUF_ERROR:
                    return .failure(.malformed("the body is not valid gzip: it ends before the stream does"))
                default:
                    return .failure(.malformed("the body is not valid gzip"))
                }
            }
        }()
        try outcome.get()
    }
}
