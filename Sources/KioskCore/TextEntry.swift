/// A short text a person types on the on-screen keyboard or keypad: a first name, a phone
/// number, a word in the diagnostic. The reducer owns it; the keyboard only sends keys.
public struct TextEntry: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// Letters, spaces, apostrophes and hyphens; the first letter of each word in capitals.
        case name
        /// Digits only (a phone number); `+` allowed first.
        case phone
        /// Whatever the keyboard types (the diagnostic's word task).
        case free
    }

    public var kind: Kind
    public var text: String
    public var maxLength: Int
    /// The next letter will be a capital (the shift key, or the start of a name).
    public var shifted: Bool

    public init(kind: Kind, text: String = "", maxLength: Int = 30) {
        self.kind = kind
        self.text = text
        self.maxLength = maxLength
        self.shifted = kind == .name && text.isEmpty
    }

    /// Types `key` (one character, or a scanner's whole string) if it fits the kind.
    public mutating func type(_ key: String) {
        for character in key {
            guard text.count < maxLength else { return }
            switch kind {
            case .phone:
                if character.isNumber && character.isASCII {
                    text.append(character)
                } else if character == "+" && text.isEmpty {
                    text.append(character)
                }
            case .name:
                if character == " " || character == "-" || character == "'" || character == "’" {
                    guard let last = text.last, last.isLetter else { continue }
                    text.append(character == "’" ? "'" : character)
                    shifted = true
                } else if character.isLetter {
                    text.append(contentsOf: shifted ? String(character).uppercased() : String(character))
                    shifted = false
                }
            case .free:
                guard !character.isNewline else { continue }
                text.append(contentsOf: shifted ? String(character).uppercased() : String(character))
                shifted = false
            }
        }
    }

    public mutating func erase() {
        guard !text.isEmpty else { return }
        text.removeLast()
        if kind == .name { shifted = text.isEmpty || text.last == " " || text.last == "-" }
    }

    public mutating func toggleShift() { shifted.toggle() }

    /// The text without the spaces, hyphens or apostrophes left at its end.
    public var trimmed: String {
        var t = text
        while let last = t.last, !last.isLetter && !last.isNumber { t.removeLast() }
        return t
    }

    /// The digits of a phone number, "+33" folded into "0": "0612345678".
    public var phoneDigits: String { Self.normalisedPhone(text) }

    public static func normalisedPhone(_ raw: String) -> String {
        var digits = raw.filter { $0.isASCII && $0.isNumber }
        if raw.hasPrefix("+33") || raw.hasPrefix("0033") {
            digits = "0" + digits.dropFirst(raw.hasPrefix("+") ? 2 : 4)
        }
        return digits
    }
}
