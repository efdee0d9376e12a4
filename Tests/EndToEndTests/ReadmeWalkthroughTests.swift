import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 27: the README's walk-through and its Vietnamese guide, run as they are written by
/// bash with the built programs, each `# → …` line compared with what its command printed.
/// Before, the README's counts and lines had drifted from the programs'.
///
/// A block runs when the line before it is `<!-- walkthrough NAME -->`; the blocks of one
/// name run in order in one shell, in a folder of their own. Only two things change: the
/// port (`8080` becomes a free one), and the placeholders, filled as a person would from
/// what the program lists (`<CONFLICT>`, `<NUMBER>`, `<TOKEN-ID>`).
@Suite(.serialized) struct ReadmeWalkthroughTests {
    /// One command of a block, and what the README says it prints.
    struct Step {
        var line: Int
        var command: String
        var expected: String?
    }

    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    /// The steps of every block marked `walkthrough name`, in order.
    static func steps(_ name: String) throws -> [Step] {
        let lines = try String(contentsOf: readme, encoding: .utf8).components(separatedBy: "\n")
        var steps: [Step] = []
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            guard lines[index].trimmingCharacters(in: .whitespaces) == "<!-- walkthrough \(name) -->" else { continue }
            index += 1
            guard index < lines.count, lines[index].hasPrefix("```sh") else { continue }
            index += 1
            var pending = ""
            var start = 0
            while index < lines.count, !lines[index].hasPrefix("```") {
                let line = lines[index]
                if pending.isEmpty { start = index + 1 }
                index += 1
                if line.hasSuffix("\\") {
                    pending += String(line.dropLast()) + " "
                    continue
                }
                let whole = (pending + line).trimmingCharacters(in: .whitespaces)
                pending = ""
                guard !whole.isEmpty, !whole.hasPrefix("#") else { continue }
                let expected = whole.range(of: "# → ").map { String(whole[$0.upperBound...]) }
                // A comment follows a command after two spaces or more.
                let command = whole.range(of: "  #").map { String(whole[..<$0.lowerBound]) } ?? whole
                steps.append(
                    Step(line: start, command: command.trimmingCharacters(in: .whitespaces), expected: expected))
            }
        }
        return steps
    }

    /// A port nothing listens on now.
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(descriptor, raw, length) == 0 && getsockname(descriptor, raw, &length) == 0
            }
        }
        guard bound else { throw Programs.ProgramError(message: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// The shell text a placeholder stands for: what a person reads off the list before.
    static func filled(_ command: String) -> String {
        let json = "python3 -c 'import json,sys; rows=json.load(sys.stdin); "
        let db = command.firstMatch(of: /--db (\S+)/).map { " --db \($0.1)" } ?? ""
        return
            command
            .replacingOccurrences(
                of: "<CONFLICT>",
                with: "$(ntm\(db) conflicts list --all --json | \(json)print(rows[-1][\"id\"])')"
            )
            .replacingOccurrences(
                of: "<NUMBER>", with: "$(ntm\(db) pending --json | \(json)print(rows[-1][\"seq\"])')"
            )
            .replacingOccurrences(
                of: "<TOKEN-ID>",
                with:
                    "$(ntm-hub token list --json | \(json)print(sorted((r for r in rows if r[\"role\"] == \"head\"), key=lambda r: r[\"created_at\"])[0][\"id\"])')"
            )
    }

    /// Runs the steps in one bash in `folder`; the output of each step, and its exit status.
    static func run(_ steps: [Step], in folder: URL) async throws -> [(output: String, status: Int32?)] {
        let port = try freePort()
        let binaries = URL(fileURLWithPath: try Programs.path("ntm")).deletingLastPathComponent().path
        var script = """
            exec 2>&1
            export PATH='\(binaries)':"$PATH"
            unset NTM_DB NTM_TOKEN
            trap 'kill $(jobs -p) 2>/dev/null; wait' EXIT

            """
        for (index, step) in steps.enumerated() {
            var command = filled(step.command).replacingOccurrences(of: "8080", with: "\(port)")
            let background = command.hasSuffix("&")
            if background, command.hasPrefix("ntm-hub serve"), !command.contains("--port") {
                command = String(command.dropLast()) + "--port \(port) &"
            }
            script += "echo '@@@ begin \(index)'\n\(command)\necho \"@@@ end \(index) $?\"\n"
            if background {
                // The hub listens before the next command, as it does by the time a person types it.
                script += """
                    for i in $(seq 1 600); do (exec 3<>/dev/tcp/127.0.0.1/\(port)) 2>/dev/null && break; sleep 0.1; done

                    """
            }
        }
        try Data(script.utf8).write(to: folder.appendingPathComponent("walkthrough.sh"))
        let result = try await Programs.runDetached("/bin/bash", ["walkthrough.sh"], in: folder)
        let output = result.stdout + result.stderr
        var results: [(String, Int32?)] = Array(repeating: ("", nil), count: steps.count)
        var current: Int?
        for line in output.components(separatedBy: "\n") {
            if let begin = line.wholeMatch(of: /@@@ begin ([0-9]+)/), let index = Int(begin.1) {
                current = index
            } else if let end = line.wholeMatch(of: /@@@ end ([0-9]+) ([0-9]+)/), let index = Int(end.1) {
                results[index].1 = Int32(end.2)
                current = nil
            } else if let current, current < results.count {
                results[current].0 += line + "\n"
            }
        }
        return results
    }

    /// Whether `output` holds `expected`'s pieces (split at `…`) in order on one line.
    static func matches(_ output: String, _ expected: String) -> Bool {
        let pieces = expected.components(separatedBy: "…").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return output.components(separatedBy: "\n").contains { line in
            var rest = line[...]
            for piece in pieces {
                guard let range = rest.range(of: piece) else { return false }
                rest = rest[range.upperBound...]
            }
            return true
        }
    }

    @Test(arguments: ["en", "vi"]) func theReadmeRunsAsWrittenAndPrintsWhatItSays(_ name: String) async throws {
        let steps = try Self.steps(name)
        #expect(steps.count > 10, "the README has no walk-through marked \(name)")
        #expect(steps.contains { $0.expected != nil })
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The photo of a signed record the walk-through attaches.
        let photo: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + (0..<2_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        try Data(photo).write(to: folder.appendingPathComponent("bien-ban.jpg"))

        let results = try await Self.run(steps, in: folder)
        for (step, result) in zip(steps, results) {
            let where_ = "README.md:\(step.line): \(step.command)\n\(result.output)"
            if step.command.hasSuffix("&") { continue }
            let refused = step.expected?.hasPrefix("error:") == true
            #expect(result.status != nil, "never finished: \(where_)")
            if let status = result.status {
                #expect((status != 0) == refused, "exit status \(status): \(where_)")
            }
            if let expected = step.expected {
                #expect(Self.matches(result.output, expected), "expected '\(expected)': \(where_)")
            }
        }
    }
}
