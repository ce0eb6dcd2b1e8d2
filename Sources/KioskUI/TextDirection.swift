/// The direction of a run of text, from its first strong character (Unicode bidi rule P2,
/// simplified to the scripts we ship). The site's name stays left to right inside an
/// Arabic screen; an Arabic label is right to left inside a French one.
public enum TextDirection {
    public static func isRightToLeft(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            if isArabic(scalar) { return true }
            if scalar.properties.isAlphabetic { return false }
        }
        return false
    }

    public static func isArabic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF: return true
        default: return false
        }
    }
}
