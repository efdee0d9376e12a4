import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP proxy on 127.0.0.1 that forwards to a hub and cuts each connection once
/// `cutAfter` bytes have crossed it (both ways together): a link that drops every few
/// hundred KB. Its own threads, so the tests' Swift concurrency is never starved.
final class CuttingProxy: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let upstreamPort: Int
    private let cutAfter: Int
    private let lock = NSLock()
    private var cuts = 0
    private var forwarded = 0
    private var stopped = false

    /// The connections cut, and the bytes forwarded from clients to the hub.
    var stats: (cuts: Int, bytesUp: Int) { lock.withLock { (cuts, forwarded) } }

    init(to upstreamPort: Int, cutAfter: Int) throws {
        self.upstreamPort = upstreamPort
        self.cutAfter = cutAfter
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(listener, 16) == 0 else {
            close(listener)
            throw Programs.ProgramError(message: "proxy: bind/listen \(errno)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = Int(UInt16(bigEndian: actual.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    func stop() {
        lock.withLock { stopped = true }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            if lock.withLock({ stopped }) {
                close(client)
                return
            }
            let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(upstreamPort).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard connected == 0 else {
                close(client)
                close(upstream)
                continue
            }
            let link = Link(client: client, upstream: upstream, budget: cutAfter)
            Thread { [self] in pump(link, from: client, to: upstream, up: true) }.start()
            Thread { [self] in pump(link, from: upstream, to: client, up: false) }.start()
        }
    }

    /// One proxied connection: the bytes it may still carry, shared by both directions.
    private final class Link: @unchecked Sendable {
        let client: Int32
        let upstream: Int32
        private let lock = NSLock()
        private var left: Int
        private var closed = false

        init(client: Int32, upstream: Int32, budget: Int) {
            self.client = client
            self.upstream = upstream
            self.left = budget
        }

        /// How many of `count` bytes may pass; 0 once the link is spent.
        func take(_ count: Int) -> Int {
            lock.withLock {
                let allowed = min(count, left)
                left -= allowed
                return allowed
            }
        }

        /// Closes both ends once; true for the caller that closed them.
        func cut() -> Bool {
            lock.withLock {
                guard !closed else { return false }
                closed = true
                shutdown(client, Int32(SHUT_RDWR))
                shutdown(upstream, Int32(SHUT_RDWR))
                return true
            }
        }
    }

    private func pump(_ link: Link, from source: Int32, to destination: Int32, up: Bool) {
        var buffer = [UInt8](repeating: 0, count: 16_384)
        defer {
            if link.cut() {
                close(link.client)
                close(link.upstream)
            }
        }
        while true {
            let read = buffer.withUnsafeMutableBytes { recv(source, $0.baseAddress, $0.count, 0) }
            guard read > 0 else { return }
            let allowed = link.take(read)
            var offset = 0
            while offset < allowed {
                let sent = buffer[offset..<allowed].withUnsafeBytes {
                    send(destination, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
                }
                guard sent > 0 else { return }
                offset += sent
            }
            if up { lock.withLock { forwarded += allowed } }
            if allowed < read {
                // The link's budget is spent mid-stream: the connection drops here.
                lock.withLock { cuts += 1 }
                return
            }
        }
    }
}
