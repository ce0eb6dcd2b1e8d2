// Passerelle — KioskCore places of help. Licensed under the EUPL-1.2.
import Foundation

/// A CSV file read as RFC 4180 says, with the line each record starts on, so an admin can be
/// told "places.csv:42: code_postal: …" even when quoted fields hold line breaks.
///
/// Our own small reader rather than SwiftCSV or CSV.swift: neither reports the physical line
/// of a record (a quoted line break shifts every later number), and both accept a stray quote
/// silently. This one strips a UTF-8 BOM, takes CRLF, LF or CR line ends, skips empty lines,
/// detects `,` or `;` (or a tab) from the header, and refuses what it cannot read honestly.
public struct CSVTable: Sendable {
    public struct Record: Sendable, Equatable {
        /// 1-based physical line where the record starts.
        public var line: Int
        public var fields: [String]
        /// Why the record cannot be read (a stray quote); its fields are then incomplete.
        public var problem: String?
    }

    /// A problem that stops the whole file: where, and why.
    public struct SyntaxError: Error, Equatable, CustomStringConvertible, Sendable {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    public let delimiter: Unicode.Scalar
    public let header: [String]
    public let records: [Record]

    /// Reads `data`; `knownColumns` (lower case) decide the delimiter: the one that splits the
    /// header into the most known names.
    public static func parse(_ data: Data, knownColumns: Set<String>, maxRecords: Int) throws(SyntaxError) -> CSVTable {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw SyntaxError(line: 1, message: "the file is UTF-16; save it as UTF-8 (CSV UTF-8 in a spreadsheet)")
        }
        try checkUTF8(bytes)
        let delimiter = try detectDelimiter(bytes, knownColumns: knownColumns)
        var reader = Reader(bytes: bytes, delimiter: UInt8(delimiter.value))
        guard let header = try reader.next() else { throw SyntaxError(line: 1, message: "the file is empty") }
        var records: [Record] = []
        while let record = try reader.next() {
            if record.fields.allSatisfy({ $0.isEmpty }), record.problem == nil { continue }
            guard records.count < maxRecords else {
                throw SyntaxError(
                    line: record.line,
                    message:
                        "more than \(maxRecords) rows: a file of this kind holds far fewer "
                        + "(import a territory's file, not the whole country's)"
                )
            }
            records.append(record)
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return CSVTable(delimiter: delimiter, header: names, records: records)
    }

    /// Names the line of the first byte sequence that is not UTF-8.
    static func checkUTF8(_ bytes: [UInt8]) throws(SyntaxError) {
        guard String(bytes: bytes, encoding: .utf8) == nil else { return }
        for (index, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
        where String(bytes: line, encoding: .utf8) == nil {
            throw SyntaxError(
                line: index + 1,
                message: "this line is not UTF-8 text (Latin-1 or Windows-1252?); save the file as UTF-8")
        }
    }

    /// `,` unless `;` or a tab splits the header into more known column names.
    static func detectDelimiter(_ bytes: [UInt8], knownColumns: Set<String>) throws(SyntaxError) -> Unicode.Scalar {
        var best: (delimiter: Unicode.Scalar, known: Int) = (",", -1)
        for candidate: Unicode.Scalar in [",", ";", "\t"] {
            var reader = Reader(bytes: bytes, delimiter: UInt8(candidate.value))
            guard let header = try? reader.next() else { continue }
            let known = header.fields.filter {
                knownColumns.contains($0.trimmingCharacters(in: .whitespaces).lowercased())
            }.count
            if known > best.known { best = (candidate, known) }
        }
        guard best.known >= 2 else {
            throw SyntaxError(
                line: 1,
                message:
                    "the first line is not a header of the national schema "
                    + "(expected columns such as id, nom, adresse, services, separated by \",\")"
            )
        }
        return best.delimiter
    }

    /// The state machine over bytes: delimiters, quotes and line ends are ASCII, so a UTF-8
    /// character is never split; fields are decoded when complete.
    struct Reader {
        let bytes: [UInt8]
        let delimiter: UInt8
        var index = 0
        var line = 1

        static let quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D

        /// The next record, or nil at the end.
        mutating func next() throws(SyntaxError) -> Record? {
            guard index < bytes.count else { return nil }
            var record = Record(line: line, fields: [])
            var field: [UInt8] = []
            while true {
                if index < bytes.count, bytes[index] == Self.quote, field.isEmpty {
                    try quoted(into: &field, record: &record)
                    if record.problem != nil {
                        skipRestOfLine()
                        return record
                    }
                }
                guard index < bytes.count else {
                    record.fields.append(String(decoding: field, as: UTF8.self))
                    return record
                }
                let byte = bytes[index]
                if byte == delimiter {
                    record.fields.append(String(decoding: field, as: UTF8.self))
                    field.removeAll(keepingCapacity: true)
                    index += 1
                } else if byte == Self.lf || byte == Self.cr {
                    record.fields.append(String(decoding: field, as: UTF8.self))
                    endLine()
                    return record
                } else {
                    // A quote inside an unquoted field (`5 rue "Les Pins"`) is kept as written.
                    field.append(byte)
                    index += 1
                }
            }
        }

        /// From an opening quote to its closing one; `""` is a quote.
        mutating func quoted(into field: inout [UInt8], record: inout Record) throws(SyntaxError) {
            let openedOn = line
            index += 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == Self.quote {
                    if index + 1 < bytes.count, bytes[index + 1] == Self.quote {
                        field.append(Self.quote)
                        index += 2
                        continue
                    }
                    index += 1
                    if index < bytes.count, bytes[index] != delimiter, bytes[index] != Self.lf, bytes[index] != Self.cr
                    {
                        record.problem =
                            "text after the closing quote of a quoted field (a quote inside a field is written \"\")"
                    }
                    return
                }
                if byte == Self.lf || (byte == Self.cr && (index + 1 >= bytes.count || bytes[index + 1] != Self.lf)) {
                    line += 1
                }
                field.append(byte)
                index += 1
            }
            throw SyntaxError(line: openedOn, message: "a quoted field opened on this line is never closed")
        }

        mutating func endLine() {
            if bytes[index] == Self.cr, index + 1 < bytes.count, bytes[index + 1] == Self.lf { index += 1 }
            index += 1
            line += 1
        }

        mutating func skipRestOfLine() {
            while index < bytes.count, bytes[index] != Self.lf, bytes[index] != Self.cr { index += 1 }
            if index < bytes.count { endLine() }
        }
    }
}
