import KioskCore

/// Greedy word wrapping; a word longer than the width is cut between characters (which
/// `SceneBuilder.text` refuses while it can still shrink: `cutsWords`).
public enum TextWrapper {
    /// The words of a paragraph, French punctuation kept with its word: a line never starts
    /// with a lone "?", ":", "!", ";" or "»", nor ends with "«".
    static func unbreakable(_ paragraph: Substring) -> [String] {
        var words: [String] = []
        for word in paragraph.split(separator: " ").map(String.init) {
            if let last = words.last, ["?", "!", ":", ";", "»"].contains(word) || last == "«" {
                words[words.count - 1] = last + " " + word
            } else {
                words.append(word)
            }
        }
        return words
    }

    /// Whether the lines cut a word of `text` in two.
    public static func cutsWords(_ text: String, into lines: [String]) -> Bool {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        let wrapped = lines.flatMap { $0.split(separator: " ") }
        return words != wrapped
    }

    public static func wrap(_ text: String, width: Int, style: TextStyle, measurer: TextMeasurer) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in unbreakable(paragraph) {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if measurer.width(of: candidate, style: style) <= width {
                    line = candidate
                    continue
                }
                if !line.isEmpty { lines.append(line) }
                line = String(word)
                while measurer.width(of: line, style: style) > width && line.count > 1 {
                    var cut = line.count - 1
                    while cut > 1 && measurer.width(of: String(line.prefix(cut)), style: style) > width { cut -= 1 }
                    lines.append(String(line.prefix(cut)))
                    line = String(line.dropFirst(cut))
                }
            }
            lines.append(line)
        }
        return lines
    }
}
