import Foundation

/// The language both programs speak to people (DESIGN.md §6): `--lang vi|en` anywhere on
/// the command line, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: `vi…` is Vietnamese),
/// else English. JSON never changes with it.
package enum Language: String, Sendable, CaseIterable {
    case vi, en

    /// This process's language, read once from its arguments and environment.
    package static let current: Language =
        (try? resolve(
            arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
        ?? .en

    /// The language `arguments` and `environment` ask for; an unknown `--lang` is an error.
    package static func resolve(arguments: [String], environment: [String: String]) throws -> Language {
        if let named = try named(in: arguments) { return named }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("vi") ? .vi : .en
        }
        return .en
    }

    /// The value of a `--lang` option among `arguments`, if any.
    static func named(in arguments: [String]) throws -> Language? {
        var index = 0
        var found: Language?
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" { break }
            var value: String?
            if word == "--lang" {
                guard index + 1 < arguments.count else { throw CommandFailure.usage("--lang needs a value: vi or en") }
                value = arguments[index + 1]
                index += 1
            } else if word.hasPrefix("--lang=") {
                value = String(word.dropFirst("--lang=".count))
            }
            if let value {
                guard let language = Language(rawValue: value.lowercased()) else {
                    throw CommandFailure.usage("--lang must be vi or en, not '\(value)'")
                }
                found = language
            }
            index += 1
        }
        return found
    }

    /// `arguments` without their `--lang` options (every command accepts one, anywhere).
    package static func removingOption(from arguments: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" {
                result += arguments[index...]
                break
            }
            if word == "--lang" {
                index += 2
                continue
            }
            if !word.hasPrefix("--lang=") { result.append(word) }
            index += 1
        }
        return result
    }
}

/// `english` or `vietnamese`, in the language of this process.
package func tr(_ english: String, _ vietnamese: String) -> String {
    Language.current == .vi ? vietnamese : english
}
