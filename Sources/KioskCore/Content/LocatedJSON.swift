import Foundation

/// JSON that remembers where each value was written, so a content or agenda file's problems
/// can name the line ("diagnostic.json:42: items[3].texts.ar: missing"). Foundation's decoders
/// say which key failed but not where it is; an admin editing a file needs the line.
///
/// Strict RFC 8259 (no comments, no trailing commas), UTF-8, objects keep their key order.
public struct LocatedJSON: Sendable {
    public indirect enum Value: Sendable {
        case object([Member])
        case array([LocatedJSON])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    public struct Member: Sendable {
        public let key: String
        public let value: LocatedJSON
    }

    public let value: Value
    /// 1-based line and column of the value's first character.
    public let line: Int
    public let column: Int

    /// A syntax error: where, and what was expected.
    public struct SyntaxError: Error, Equatable, CustomStringConvertible, Sendable {
        public let line: Int
        public let column: Int
        public let message: String
        public var description: String { "line \(line), column \(column): \(message)" }
    }

    /// How much a file may hold. An agenda for 50 helpers over a year is about 100 KB and
    /// 5 000 values; a 50 MB file took 94 s and 4.8 GB before these bounds existed.
    public struct Limits: Sendable {
        public var maxBytes: Int
        public var maxValues: Int

        public init(maxBytes: Int, maxValues: Int) {
            self.maxBytes = maxBytes
            self.maxValues = maxValues
        }

        /// For the admin's files: agenda, content packs, resources.
        public static let files = Limits(maxBytes: 4 * 1024 * 1024, maxValues: 200_000)
    }

    public static func parse(_ data: Data, limits: Limits = .files) throws(SyntaxError) -> LocatedJSON {
        guard data.count <= limits.maxBytes else {
            throw SyntaxError(
                line: 1, column: 1,
                message: "the file is \(data.count) bytes; a file of this kind is at most \(limits.maxBytes) bytes")
        }
        var parser = Parser(bytes: [UInt8](data), maxValues: limits.maxValues)
        parser.skipSpace()
        let root = try parser.value(depth: 0)
        parser.skipSpace()
        if parser.index < parser.bytes.count {
            throw parser.error("unexpected text after the end of the document")
        }
        return root
    }

    public static func parse(_ text: String) throws(SyntaxError) -> LocatedJSON {
        try parse(Data(text.utf8))
    }

    // MARK: - Reading

    public subscript(key: String) -> LocatedJSON? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    public var members: [Member]? {
        if case .object(let m) = value { return m }
        return nil
    }

    public var elements: [LocatedJSON]? {
        if case .array(let a) = value { return a }
        return nil
    }

    public var string: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    public var number: Double? {
        if case .number(let n) = value { return n }
        return nil
    }

    /// The number if it is a whole number that fits an Int.
    public var int: Int? {
        guard case .number(let n) = value, n.rounded() == n, abs(n) < 1e15 else { return nil }
        return Int(n)
    }

    public var bool: Bool? {
        if case .bool(let b) = value { return b }
        return nil
    }

    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// "object", "array", "string", "number", "true/false" or "null": for messages.
    public var kindName: String {
        switch value {
        case .object: return "an object"
        case .array: return "a list"
        case .string: return "a text"
        case .number: return "a number"
        case .bool: return "true or false"
        case .null: return "null"
        }
    }

    // MARK: - Parser

    private struct Parser {
        let bytes: [UInt8]
        let maxValues: Int
        var values = 0
        var index = 0
        var line = 1
        var lineStart = 0

        init(bytes: [UInt8], maxValues: Int) {
            self.bytes = bytes
            self.maxValues = maxValues
            // A UTF-8 byte-order mark is tolerated (some editors write one).
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
        }

        var column: Int { index - lineStart + 1 }

        func error(_ message: String) -> SyntaxError {
            SyntaxError(line: line, column: column, message: message)
        }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0D: index += 1
                case 0x0A: index += 1; line += 1; lineStart = index
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws(SyntaxError) -> LocatedJSON {
            guard depth < 64 else { throw error("nested too deeply") }
            values += 1
            guard values <= maxValues else {
                throw error("more than \(maxValues) values: a file of this kind holds far fewer")
            }
            guard index < bytes.count else { throw error("the file ends where a value was expected") }
            let (l, c) = (line, column)
            func located(_ v: Value) -> LocatedJSON { LocatedJSON(value: v, line: l, column: c) }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [Member] = []
                var keys = Set<String>()  // duplicate check in constant time (a scan was quadratic)
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1; return located(.object(members))
                }
                while true {
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                        throw error("a key in double quotes was expected")
                    }
                    let key = try string()
                    guard keys.insert(key).inserted else {
                        throw error("the key \"\(key)\" appears twice in this object")
                    }
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                        throw error("\":\" was expected after the key \"\(key)\"")
                    }
                    index += 1
                    skipSpace()
                    members.append(Member(key: key, value: try value(depth: depth + 1)))
                    skipSpace()
                    guard index < bytes.count else { throw error("the file ends inside an object") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "}") { index += 1; return located(.object(members)) }
                    throw error("\",\" or \"}\" was expected")
                }
            case UInt8(ascii: "["):
                index += 1
                var elements: [LocatedJSON] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1; return located(.array(elements))
                }
                while true {
                    skipSpace()
                    elements.append(try value(depth: depth + 1))
                    skipSpace()
                    guard index < bytes.count else { throw error("the file ends inside a list") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "]") { index += 1; return located(.array(elements)) }
                    throw error("\",\" or \"]\" was expected")
                }
            case UInt8(ascii: "\""):
                return located(.string(try string()))
            case UInt8(ascii: "t"):
                try literal("true"); return located(.bool(true))
            case UInt8(ascii: "f"):
                try literal("false"); return located(.bool(false))
            case UInt8(ascii: "n"):
                try literal("null"); return located(.null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return located(.number(try number()))
            default:
                throw error(
                    "a value was expected (text in double quotes, a number, a list, an object, true, false or null)")
            }
        }

        mutating func literal(_ word: String) throws(SyntaxError) {
            let w = Array(word.utf8)
            guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else {
                throw error("a value was expected (did you forget the double quotes around a text?)")
            }
            index += w.count
        }

        mutating func number() throws(SyntaxError) -> Double {
            let start = index
            func digits() -> Int {
                let s = index
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
                return index - s
            }
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            let intStart = index
            guard digits() > 0 else { throw error("a digit was expected") }
            if bytes[intStart] == UInt8(ascii: "0"), index - intStart > 1 {
                throw error("a number cannot start with 0")
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { throw error("a digit was expected after the decimal point") }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                    index += 1
                }
                guard digits() > 0 else { throw error("a digit was expected in the exponent") }
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            guard let n = Double(text), n.isFinite else { throw error("\(text) is not a usable number") }
            return n
        }

        mutating func string() throws(SyntaxError) -> String {
            index += 1  // opening quote
            var out: [UInt8] = []
            while true {
                guard index < bytes.count else { throw error("the file ends inside a text; a closing \" is missing") }
                let b = bytes[index]
                switch b {
                case UInt8(ascii: "\""):
                    index += 1
                    guard let s = String(validating: out, as: UTF8.self) else {
                        throw error("this text is not valid UTF-8")
                    }
                    return s
                case UInt8(ascii: "\\"):
                    index += 1
                    guard index < bytes.count else { throw error("the file ends inside a text") }
                    let e = bytes[index]
                    index += 1
                    switch e {
                    case UInt8(ascii: "\""): out.append(0x22)
                    case UInt8(ascii: "\\"): out.append(0x5C)
                    case UInt8(ascii: "/"): out.append(0x2F)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800...0xDBFF).contains(scalar) {
                            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                                bytes[index + 1] == UInt8(ascii: "u")
                            else {
                                throw error("a lone UTF-16 surrogate in \\u escape")
                            }
                            index += 2
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw error("a bad UTF-16 surrogate pair") }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let u = Unicode.Scalar(scalar) else { throw error("an invalid \\u escape") }
                        out.append(contentsOf: Array(String(Character(u)).utf8))
                    default:
                        throw error("unknown escape \\\(Character(Unicode.Scalar(e)))")
                    }
                case 0x0A:
                    throw error("a text cannot run over a line end; a closing \" is missing")
                case 0x00..<0x20:
                    throw error("a control character inside a text")
                default:
                    out.append(b)
                    index += 1
                }
            }
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            guard index + 4 <= bytes.count,
                let v = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
            else { throw error("four hex digits were expected after \\u") }
            index += 4
            return v
        }
    }
}
