import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A plain TCP connection to 127.0.0.1, for what no well-behaved HTTP client does: half a
/// request head, a body one byte at a time, a connection left idle.
// Only an immutable socket descriptor: send and recv may run from two tasks at once.
final class RawConnection: @unchecked Sendable {
    private let descriptor: Int32

    /// Connects from `source`, another address of the loopback network (127.0.0.0/8 is all
    /// this machine's): the hub sees another client address.
    init(port: Int, from source: String = "127.0.0.1") throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Programs.ProgramError(message: "socket: \(errno)") }
        var local = sockaddr_in()
        local.sin_family = sa_family_t(AF_INET)
        local.sin_addr.s_addr = inet_addr(source)
        let bound = withUnsafePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            close(descriptor)
            throw Programs.ProgramError(message: "bind \(source): \(errno)")
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw Programs.ProgramError(message: "connect: \(errno)")
        }
    }

    deinit { close(descriptor) }

    /// Sends `text`; false when the hub has closed the connection.
    @discardableResult
    func send(_ text: String) -> Bool {
        send(Array(text.utf8))
    }

    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// Reads until the hub closes the connection or `seconds` pass; the bytes read and
    /// whether the hub closed it.
    func readUntilClosed(seconds: Double) -> (text: String, closed: Bool) {
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let deadline = Date().addingTimeInterval(seconds)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while Date() < deadline {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count == 0 { return (String(decoding: received, as: UTF8.self), true) }
            if count > 0 {
                received += buffer[0..<count]
            } else if errno != EAGAIN, errno != EWOULDBLOCK, errno != EINTR {
                return (String(decoding: received, as: UTF8.self), true)
            }
        }
        return (String(decoding: received, as: UTF8.self), false)
    }

    /// `readUntilClosed` on a thread of its own, not one of Swift concurrency's few: a hub
    /// in this test process needs them to answer (a 2-core machine has two).
    func response(seconds: Double) async -> String {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: self.readUntilClosed(seconds: seconds).text) }
        }
    }

    /// One whole request with `Connection: close`; the response's status code (0: none).
    static func request(
        port: Int, method: String, path: String, token: String? = nil, body: [UInt8] = [],
        headers: [String] = [], seconds: Double = 20, from source: String = "127.0.0.1"
    ) throws -> (status: Int, body: String) {
        let connection = try RawConnection(port: port, from: source)
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        if let token { head += "Authorization: Bearer \(token)\r\n" }
        for header in headers { head += header + "\r\n" }
        head += "Content-Length: \(body.count)\r\n\r\n"
        connection.send(Array(head.utf8) + body)
        let response = connection.readUntilClosed(seconds: seconds).text
        let status = response.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
        let text = response.range(of: "\r\n\r\n").map { String(response[$0.upperBound...]) } ?? ""
        return (status, text)
    }

    /// `request` on a thread of its own: for a hub running in this test process.
    static func requestDetached(
        port: Int, method: String, path: String, token: String? = nil, from source: String = "127.0.0.1"
    ) async throws -> (status: Int, body: String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    with: Result { try request(port: port, method: method, path: path, token: token, from: source) })
            }
        }
    }
}
