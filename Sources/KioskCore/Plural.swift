import Foundation

/// Counts in each language's grammar (CLDR plural rules). A catalogue writes a count as
/// `{seconds|form|form…}`, one form per category of its language, `#` standing for the
/// number: French and English have two (one, other), Arabic six (zero, one, two, few for 3 to
/// 10, many for 11 to 99, other): "ثانية واحدة", "ثانيتين", "3 ثوانٍ", "11 ثانية".
public enum Plural {
    /// The placeholders that are counts: they must be written with their plural forms.
    public static let countPlaceholders = ["seconds"]

    /// How many forms a count has in `language`.
    public static func formCount(_ language: Language) -> Int { language == .ar ? 6 : 2 }

    /// Which form (0-based, in the order above) `n` takes in `language`.
    public static func formIndex(_ n: Int, _ language: Language) -> Int {
        switch language {
        case .fr: return n <= 1 ? 0 : 1
        case .en: return n == 1 ? 0 : 1
        case .ar:
            let hundred = n % 100
            switch n {
            case 0: return 0
            case 1: return 1
            case 2: return 2
            default: return (3...10).contains(hundred) ? 3 : (11...99).contains(hundred) ? 4 : 5
            }
        }
    }

    /// `text` with `{name|…}` replaced by the form `value` takes (unchanged if not a number).
    static func fill(_ text: String, name: String, value: String, language: Language) -> String {
        guard let n = Int(value) else { return text }
        var result = text
        while let open = result.range(of: "{\(name)|"), let close = result[open.upperBound...].firstIndex(of: "}") {
            let forms = result[open.upperBound..<close].split(separator: "|", omittingEmptySubsequences: false)
            let form = forms.indices.contains(formIndex(n, language)) ? String(forms[formIndex(n, language)]) : value
            result.replaceSubrange(open.lowerBound...close, with: form.replacingOccurrences(of: "#", with: value))
        }
        return result
    }

    /// What is wrong with a catalogue's counts: a plural with the wrong number of forms for
    /// its language, or a count written bare (`{seconds}`) where its word must agree.
    public static func problems(in texts: [TextKey: String], language: Language) -> [String] {
        var problems: [String] = []
        for (key, text) in texts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            for name in countPlaceholders where text.contains("{\(name)}") {
                problems.append(
                    "key \"\(key.rawValue)\": the count {\(name)} needs its plural forms: {\(name)|…} "
                        + "with \(formCount(language)) forms in \(language.rawValue)")
            }
            var rest = Substring(text)
            while let open = rest.range(of: "{"), let close = rest[open.upperBound...].firstIndex(of: "}") {
                let inside = rest[open.upperBound..<close]
                if inside.contains("|") {
                    let forms = inside.split(separator: "|", omittingEmptySubsequences: false).count - 1
                    if forms != formCount(language) {
                        problems.append(
                            "key \"\(key.rawValue)\": \(forms) plural forms, \(language.rawValue) needs "
                                + "\(formCount(language))")
                    }
                }
                rest = rest[rest.index(after: close)...]
            }
        }
        return problems
    }
}
