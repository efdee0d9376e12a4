import NIOCore
import SyncWire
import Testing

@testable import SyncCore

@Suite struct WireTests {
    @Test func aBodySurvivesGzipByteForByte() throws {
        let page = PullResponse(hubTime: 1, entries: [], cursor: 7, hasMore: false)
        let plain = try Wire.encode(page)
        let compressed = try Wire.gzip(plain)
        #expect(compressed.getBytes(at: compressed.readerIndex, length: 2) == [0x1f, 0x8b])
        let restored = try Wire.gunzip(compressed)
        #expect(restored == plain)
        #expect(try Wire.decode(PullResponse.self, from: restored) == page)
    }
}
