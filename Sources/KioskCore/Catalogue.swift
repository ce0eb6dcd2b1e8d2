import Foundation

/// The texts of every language, loaded from `Assets/strings/<code>.json`.
///
/// A catalogue is complete by construction: `load` refuses a file with a missing key, an
/// unknown key or an empty text, and names the file and the key.
public struct Catalogue: Equatable, Sendable {
    private var texts: [Language: [TextKey: String]]

    public init(texts: [Language: [TextKey: String]]) {
        self.texts = texts
    }

    /// The text for `key` in `language`, with `{name}` placeholders replaced, and counts in
    /// the language's plural form: `{seconds|# seconde|# secondes}` (see `Plural`).
    public func text(_ key: TextKey, _ language: Language, _ values: [String: String] = [:]) -> String {
        var result = texts[language]?[key] ?? texts[.fr]?[key] ?? key.rawValue
        for (name, value) in values {
            result = result.replacingOccurrences(of: "{\(name)}", with: value)
            result = Plural.fill(result, name: name, value: value, language: language)
        }
        return result
    }

    // MARK: - Loading

    public struct LoadError: Error, Equatable, CustomStringConvertible {
        public var file: String
        public var problem: String
        public var description: String { "\(file): \(problem)" }
    }

    /// Loads one JSON object per language from `directory` (`fr.json`, `en.json`, `ar.json`).
    public static func load(from directory: URL) throws -> Catalogue {
        var texts: [Language: [TextKey: String]] = [:]
        for language in Language.allCases {
            let url = directory.appendingPathComponent("\(language.rawValue).json")
            texts[language] = try loadFile(url)
        }
        return Catalogue(texts: texts)
    }

    static func loadFile(_ url: URL) throws -> [TextKey: String] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw LoadError(file: url.path, problem: "cannot be read (\(error.localizedDescription))")
        }
        return try parse(data, file: url.path)
    }

    /// Parses one language's catalogue; `file` names it in errors.
    public static func parse(_ data: Data, file: String) throws -> [TextKey: String] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw LoadError(file: file, problem: "is not valid JSON (\(error.localizedDescription))")
        }
        guard let dictionary = object as? [String: Any] else {
            throw LoadError(file: file, problem: "must be a JSON object of \"key\": \"text\" pairs")
        }
        var result: [TextKey: String] = [:]
        for (name, value) in dictionary.sorted(by: { $0.key < $1.key }) {
            guard let key = TextKey(rawValue: name) else {
                throw LoadError(file: file, problem: "unknown key \"\(name)\"")
            }
            guard let text = value as? String,
                !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            else {
                throw LoadError(file: file, problem: "key \"\(name)\" must be a non-empty string")
            }
            result[key] = text
        }
        if let missing = TextKey.allCases.first(where: { result[$0] == nil }) {
            throw LoadError(file: file, problem: "missing key \"\(missing.rawValue)\"")
        }
        let language = Language.allCases.first { file.hasSuffix("\($0.rawValue).json") }
        if let language, let problem = Plural.problems(in: result, language: language).first {
            throw LoadError(file: file, problem: problem)
        }
        return result
    }
}
