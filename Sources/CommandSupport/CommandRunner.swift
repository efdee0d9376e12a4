import ArgumentParser
import Foundation
import SyncCore

/// Runs a command line the way both programs promise (DESIGN.md §6): errors as one
/// `error:` line on stderr; exit 0 on success, 2 on invalid usage or input, 1 on any other
/// failure (network, refused by the hub, storage).
package enum CommandRunner {
    /// Parses `arguments` (default: the process's) with `root`, runs the command and exits.
    /// `--lang` may stand anywhere; `--json` and `--db PATH` also before the command.
    package static func main(
        _ root: any ParsableCommand.Type, arguments: [String] = Array(CommandLine.arguments.dropFirst())
    ) async -> Never {
        do {
            _ = try Language.named(in: arguments)
            let arguments = movingLeadingOptions(Language.removingOption(from: arguments))
            try checkCommandName(arguments, root: root)
            var command = try root.parseAsRoot(arguments)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
            exit(0)
        } catch {
            exit(report(error, root: root))
        }
    }

    /// `--json`, `--csv` and `--db PATH` written before the command move after it, where every
    /// command takes them.
    static func movingLeadingOptions(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first {
            if first == "--json" || first == "--csv" || first.hasPrefix("--db=") {
                leading.append(first)
                rest = rest.dropFirst()
            } else if first == "--db", rest.count >= 2 {
                leading += rest.prefix(2)
                rest = rest.dropFirst(2)
            } else {
                break
            }
        }
        guard !leading.isEmpty, !rest.isEmpty else { return arguments }
        // After a `--` every word is an argument: the options go before it.
        if let separator = rest.firstIndex(of: "--") {
            return Array(rest[..<separator]) + leading + Array(rest[separator...])
        }
        return Array(rest) + leading
    }

    /// A first word that names no command is said to be one, with the nearest command's
    /// name (the parser would otherwise complain about an option after it: `ntm --db x
    /// statuss` said `Unknown option '--db'`).
    static func checkCommandName(_ arguments: [String], root: any ParsableCommand.Type) throws {
        let names = root.configuration.subcommands.map { $0._commandName }
        guard !names.isEmpty, let first = arguments.first, !first.hasPrefix("-"), !names.contains(first),
            first != "help"
        else { return }
        func distance(_ a: String, _ b: String) -> Int {
            let (a, b) = (Array(a), Array(b))
            var previous = Array(0...b.count)
            for i in 1...max(a.count, 1) where !a.isEmpty {
                var current = [i] + Array(repeating: 0, count: b.count)
                for j in stride(from: 1, through: b.count, by: 1) {
                    current[j] = min(
                        previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                }
                previous = current
            }
            return previous[b.count]
        }
        let nearest = names.map { (name: $0, distance: distance(first, $0)) }.min { $0.distance < $1.distance }
        let program = root._commandName
        let hint = nearest.flatMap { $0.distance <= 2 ? $0.name : nil }
        throw CommandFailure.usage(
            tr(
                "\(program) has no command '\(first)'" + (hint.map { "; did you mean '\($0)'?" } ?? "")
                    + " (\(program) --help lists them)",
                "\(program) không có lệnh '\(first)'" + (hint.map { "; có phải ý bạn là '\($0)'?" } ?? "")
                    + " (\(program) --help liệt kê các lệnh)"))
    }

    /// Prints `error` as the contract asks and returns the exit status.
    static func report(_ error: any Error, root: any ParsableCommand.Type) -> Int32 {
        if let error = error as? SyncError {
            printError(Messages.localized(error))
            return exitStatus(for: error)
        }
        if let error = error as? CommandFailure {
            printError(error.message)
            return error.status
        }
        let code = root.exitCode(for: error)
        if code == .success {
            // --help, --version.
            print(HelpText.translated(root.fullMessage(for: error)))
            return 0
        }
        let message =
            root.message(for: error)
            .split(separator: "\n").first.map(String.init) ?? "invalid usage"
        printError(
            HelpText.translatedError(
                message.hasPrefix("Error: ") ? String(message.dropFirst("Error: ".count)) : message))
        return code == .validationFailure ? 2 : 1
    }

    /// The exit status for an engine error: 2 for what the user typed, 1 for the rest.
    static func exitStatus(for error: SyncError) -> Int32 {
        if error.isReportedByHub { return 1 }
        switch error.kind {
        case .invalidInput, .notFound, .forbidden, .conflict: return 2
        case .unauthorized, .tooLarge, .tooManyRequests, .incompatibleVersion, .unavailable, .storage, .sequenceGap,
            .changeIDReused, .hubRestored:
            return 1
        }
    }

    /// Writes one `error:` line to stderr, folding any line breaks. A token's secret half
    /// never shows, whatever echoed it (a mistyped command repeats its arguments).
    package static func printError(_ message: String) {
        let line = redactingTokens(message.replacingOccurrences(of: "\n", with: " "))
        FileHandle.standardError.write(Data("error: \(line)\n".utf8))
    }
}

extension CommandRunner {
    /// `text` with the secret of every token in it (`ntm_<id>_<secret>`) cut to `…`: the id
    /// stays, to tell which token was meant.
    package static func redactingTokens(_ text: String) -> String {
        text.replacing(/ntm_([0-9a-fA-F]{16})_[0-9a-fA-F]+/) { match in "ntm_\(match.output.1)_…" }
    }
}

/// A failure with its own exit status and message.
package struct CommandFailure: Error {
    /// The exit status.
    package let status: Int32
    /// The one-line message.
    package let message: String

    /// Invalid usage or input: exit 2.
    package static func usage(_ message: String) -> CommandFailure { CommandFailure(status: 2, message: message) }
    /// Any other failure: exit 1.
    package static func failure(_ message: String) -> CommandFailure { CommandFailure(status: 1, message: message) }
    /// The engine's `error` about the file at `path`, with the engine's exit status.
    package static func file(_ path: String, _ error: SyncError) -> CommandFailure {
        CommandFailure(status: CommandRunner.exitStatus(for: error), message: "\(path): \(Messages.localized(error))")
    }
}
