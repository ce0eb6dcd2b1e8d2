// Passerelle — content files. Licensed under the EUPL-1.2.
import Foundation

/// Several problems of one content file: what `load` functions return instead of a value.
public struct ContentProblems: Error, Equatable, CustomStringConvertible, Sendable {
    public var problems: [ContentProblem]

    public init(_ problems: [ContentProblem]) {
        self.problems = problems
    }

    /// One problem a line, `file:line: path: message`.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Reads a `LocatedJSON` document field by field and collects every problem with its line,
/// instead of stopping at the first one: an admin fixes a whole file in one go.
struct ContentReader {
    let file: String
    private(set) var problems: [ContentProblem] = []

    init(file: String) {
        self.file = file
    }

    mutating func report(_ line: Int, _ path: String, _ message: String) {
        problems.append(ContentProblem(file: file, line: line, path: path, message: message))
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    // MARK: - Structure

    /// `node` as an object whose keys are all in `keys` (an unknown key is reported: it is
    /// usually a typo that would silently lose a value).
    mutating func object(_ node: LocatedJSON, _ path: String, keys: [String]) -> LocatedJSON? {
        guard let members = node.members else {
            report(node.line, path, "must be an object { … }, found \(node.kindName)")
            return nil
        }
        for member in members where !keys.contains(member.key) {
            report(
                member.value.line, Self.join(path, member.key),
                "unknown key (expected one of: \(keys.joined(separator: ", ")))")
        }
        return node
    }

    /// The required member `key` of `object`; a missing one is reported on the object's line.
    mutating func member(_ object: LocatedJSON, _ key: String, _ path: String) -> LocatedJSON? {
        guard let value = object[key] else {
            report(object.line, Self.join(path, key), "missing")
            return nil
        }
        return value
    }

    mutating func string(_ object: LocatedJSON, _ key: String, _ path: String) -> String? {
        guard let node = member(object, key, path) else { return nil }
        guard let value = node.string else {
            report(node.line, Self.join(path, key), "must be a text in double quotes, found \(node.kindName)")
            return nil
        }
        guard !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            report(node.line, Self.join(path, key), "must not be empty")
            return nil
        }
        return value
    }

    mutating func int(_ object: LocatedJSON, _ key: String, _ path: String, in range: ClosedRange<Int>) -> Int? {
        guard let node = member(object, key, path) else { return nil }
        guard let value = node.int else {
            report(node.line, Self.join(path, key), "must be a whole number, found \(node.kindName)")
            return nil
        }
        guard range.contains(value) else {
            report(
                node.line, Self.join(path, key), "\(value) is out of range (\(range.lowerBound)…\(range.upperBound))")
            return nil
        }
        return value
    }

    mutating func bool(_ object: LocatedJSON, _ key: String, _ path: String) -> Bool? {
        guard let node = member(object, key, path) else { return nil }
        guard let value = node.bool else {
            report(node.line, Self.join(path, key), "must be true or false, found \(node.kindName)")
            return nil
        }
        return value
    }

    mutating func list(_ object: LocatedJSON, _ key: String, _ path: String, count: ClosedRange<Int>) -> [LocatedJSON]?
    {
        guard let node = member(object, key, path) else { return nil }
        guard let elements = node.elements else {
            report(node.line, Self.join(path, key), "must be a list [ … ], found \(node.kindName)")
            return nil
        }
        guard count.contains(elements.count) else {
            report(
                node.line, Self.join(path, key),
                "has \(elements.count) entries; \(count.lowerBound) to \(count.upperBound) expected")
            return nil
        }
        return elements
    }

    /// A Material Icons name the kiosk's font has.
    mutating func pictogram(_ object: LocatedJSON, _ key: String, _ path: String) -> String? {
        guard let name = string(object, key, path) else { return nil }
        return checkPictogram(name, line: object[key]?.line ?? object.line, path: Self.join(path, key))
    }

    mutating func checkPictogram(_ name: String, line: Int, path: String) -> String? {
        guard Pictogram.codepoint(named: name) != nil else {
            report(line, path, "\"\(name)\" is not a Material Icons pictogram name")
            return nil
        }
        return name
    }

    // MARK: - Texts

    /// A text in every language, each checked for easy reading; Arabic without Latin letters.
    mutating func text(_ object: LocatedJSON, _ key: String, _ path: String) -> LocalizedText? {
        guard let node = member(object, key, path) else { return nil }
        let textPath = Self.join(path, key)
        guard self.object(node, textPath, keys: Language.allCases.map(\.rawValue)) != nil else { return nil }
        var texts: [Language: String] = [:]
        for language in Language.allCases {
            guard let value = node[language.rawValue] else {
                report(
                    node.line, Self.join(textPath, language.rawValue), "missing the \(Self.englishName(language)) text")
                continue
            }
            let languagePath = Self.join(textPath, language.rawValue)
            guard let text = string(node, language.rawValue, textPath) else { continue }
            if let problem = Self.readingProblem(text, language) {
                report(value.line, languagePath, problem)
                continue
            }
            texts[language] = text
        }
        guard let fr = texts[.fr], let en = texts[.en], let ar = texts[.ar] else { return nil }
        return LocalizedText(fr: fr, en: en, ar: ar)
    }

    static func englishName(_ language: Language) -> String {
        switch language {
        case .fr: return "French"
        case .en: return "English"
        case .ar: return "Arabic"
        }
    }

    /// Easy-to-read limits every text keeps, or what is wrong.
    static func readingProblem(_ text: String, _ language: Language) -> String? {
        if language == .ar, let latin = latinLetters(in: text) {
            return "contains Latin letters (\"\(latin)\"); the Arabic font has none: write it in Arabic script"
        }
        if text.contains("%") {
            return "contains a percentage; easy-to-read texts use words, not percentages"
        }
        let sentences = text.split { ".!?؟…\n".contains($0) }
        for sentence in sentences {
            let words = sentence.split(whereSeparator: \.isWhitespace).filter {
                $0.contains { $0.isLetter || $0.isNumber }
            }
            if words.count > maximumWords {
                return
                    "a sentence of \(words.count) words; "
                    + "easy-to-read texts keep sentences to \(maximumWords) words or fewer"
            }
        }
        return nil
    }

    static let maximumWords = 15

    /// The first run of Latin letters in `text`, if any.
    static func latinLetters(in text: String) -> String? {
        func isLatin(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A, 0xAA, 0xBA, 0xC0...0x24F, 0x1E00...0x1EFF, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
                return scalar.properties.isAlphabetic
            default:
                return false
            }
        }
        let scalars = Array(text.unicodeScalars)
        guard let start = scalars.firstIndex(where: isLatin) else { return nil }
        var end = start
        while end < scalars.count, isLatin(scalars[end]) { end += 1 }
        var run = String.UnicodeScalarView()
        run.append(contentsOf: scalars[start..<end])
        return String(run)
    }
}
