/// SDL_ttf shapes a whole run in one direction (HarfBuzz does no bidi). In a right-to-left
/// run, numbers would then read backwards ("24 نوفمبر" drawn as "42"). Numbers are
/// left-to-right inside Arabic text, so each digit sequence (with the separators inside it:
/// "9:45", "06.12", "1/3") is reversed before shaping, which the right-to-left layout
/// reverses back. Only right-to-left runs are touched.
public enum BidiDigits {
    public static func forRightToLeftShaping(_ text: String) -> String {
        guard text.contains(where: { $0.isASCII && $0.isNumber }) else { return text }
        var out = ""
        var run: [Character] = []
        func flush() {
            // Trailing separators belong to the Arabic text, not to the number.
            var trailing: [Character] = []
            while let last = run.last, !(last.isASCII && last.isNumber) { trailing.insert(run.removeLast(), at: 0) }
            out += String(run.reversed()) + String(trailing)
            run = []
        }
        for ch in text {
            let isDigit = ch.isASCII && ch.isNumber
            let isSeparator = ch == ":" || ch == "." || ch == "," || ch == "/" || ch == "-"
            if isDigit || (!run.isEmpty && isSeparator) {
                run.append(ch)
            } else {
                if !run.isEmpty { flush() }
                out.append(ch)
            }
        }
        if !run.isEmpty { flush() }
        return out
    }
}
