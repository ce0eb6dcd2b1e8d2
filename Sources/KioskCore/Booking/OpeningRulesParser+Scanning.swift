// Passerelle — KioskCore booking engine. Licensed under the EUPL-1.2.

/// The scanner under `OpeningRulesParser`: one Unicode scalar at a time, columns 1-based.
extension OpeningRulesParser {
    static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    var atEnd: Bool { index >= chars.count }
    var peek: Unicode.Scalar? { atEnd ? nil : chars[index] }
    var column: Int { index + 1 }
    mutating func advance() { index += 1 }

    mutating func skipSpaces() {
        while let c = peek, c == " " || c == "\t" { advance() }
    }

    mutating func digit() -> Int? {
        guard let c = peek, Self.isDigit(c) else { return nil }
        advance()
        return Int(c.value - 48)
    }

    func indexOfNonSpace(after start: Int) -> Int {
        var i = start
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
        return i
    }

    func nextNonSpace(after start: Int) -> Unicode.Scalar? {
        let i = indexOfNonSpace(after: start)
        return i < chars.count ? chars[i] : nil
    }

    /// The letters from `start` (default: here), without consuming them.
    func peekWord(at start: Int? = nil) -> String? {
        var i = start ?? index
        var word = ""
        while i < chars.count, chars[i].properties.isAlphabetic {
            word.unicodeScalars.append(chars[i])
            i += 1
        }
        return word.isEmpty ? nil : word
    }

    mutating func readWord() -> String {
        let word = peekWord() ?? ""
        index += word.unicodeScalars.count
        return word
    }

    /// Consumes `word` if it is next and not followed by a letter.
    mutating func consumeWord(_ word: String) -> Bool {
        guard peekWord() == word else { return false }
        index += word.unicodeScalars.count
        return true
    }

    mutating func consumeLiteral(_ literal: String) -> Bool {
        let l = Array(literal.unicodeScalars)
        guard index + l.count <= chars.count, Array(chars[index..<index + l.count]) == l else { return false }
        index += l.count
        return true
    }

    func commentError() -> SyntaxError {
        var end = index + 1
        while end < chars.count, chars[end] != "\"" { end += 1 }
        let text = String(String.UnicodeScalarView(chars[(index + 1)..<min(end, chars.count)]))
        return SyntaxError(column: column, message: "comments (\"\(text)\") are not supported")
    }
}
