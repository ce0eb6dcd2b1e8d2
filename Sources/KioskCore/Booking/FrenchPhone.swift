// Passerelle — KioskCore booking engine. Licensed under the EUPL-1.2.

/// Phone numbers as people type them, made comparable.
///
/// A person finds their appointment with only their phone number, typed however they write
/// it: "06 12 34 56 78", "06.12.34.56.78", "0612345678", "+33 6 12 34 56 78", "0033612345678"
/// all mean +33612345678 (E.164, as the store keeps it).
public enum FrenchPhone {
    /// The E.164 form, or nil when the text is not a phone number. French national numbers
    /// (10 digits from 0) become +33…; international numbers keep their country code.
    public static func normalised(_ text: String) -> String? {
        var digits = ""
        var plus = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9": digits.unicodeScalars.append(scalar)
            case "+" where digits.isEmpty && !plus: plus = true
            case " ", ".", "-", "(", ")", "/", "\u{A0}", "\u{202F}": continue
            default:
                // Arabic-Indic and extended digits, as an Arabic keyboard types them.
                if let value = scalar.properties.numericType == .decimal ? scalar.properties.numericValue : nil {
                    digits += String(Int(value))
                } else {
                    return nil
                }
            }
        }
        if !plus, digits.hasPrefix("00") {
            plus = true
            digits.removeFirst(2)
        }
        if plus {
            // "+33 (0)6 …" is a common way of writing a French number.
            if digits.hasPrefix("330"), digits.count == 12 {
                digits.remove(at: digits.index(digits.startIndex, offsetBy: 2))
            }
            guard (8...15).contains(digits.count), digits.first != "0" else { return nil }
            return "+" + digits
        }
        guard digits.count == 10, digits.hasPrefix("0"), digits.dropFirst().first != "0" else { return nil }
        return "+33" + digits.dropFirst()
    }

    /// Whether two typed numbers are the same phone.
    public static func same(_ a: String, _ b: String) -> Bool {
        guard let a = normalised(a), let b = normalised(b) else { return false }
        return a == b
    }
}
