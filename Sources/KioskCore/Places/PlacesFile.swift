// Passerelle — KioskCore places of help. Licensed under the EUPL-1.2.
import Foundation

/// A file of the national "schéma des lieux de médiation numérique" (v1.0.2), CSV or JSON,
/// read row by row: a bad row is refused with `FILE:LINE: field: why` and the good rows are
/// kept, so one typo in a territory's file does not hide its other places (docs/places.md).
///
/// Unknown columns are ignored (named once in `ignoredColumns`, so a misspelt header shows),
/// never stored: the kiosk keeps only what it validated.
public struct PlacesFile: Equatable, Sendable {
    public var places: [PlaceOfHelp]
    /// One problem per refused row (the first found), in file order.
    public var refused: [ContentProblem]
    /// The ids of refused rows that had a readable id: an import must neither update nor
    /// remove what it holds under those ids.
    public var refusedIDs: Set<String>
    /// Imported anyway: a value dropped or kept as text, with why.
    public var warnings: [ContentProblem]
    public var ignoredColumns: [String]
    /// "," or ";" or a tab for CSV; nil for JSON.
    public var delimiter: String?

    /// The problem of a file that could not be read at all (not UTF-8, no header, too big…).
    public struct Unreadable: Error, Equatable, CustomStringConvertible, Sendable {
        public let problem: ContentProblem
        public var description: String { problem.description }
    }

    /// How much a file may hold. A département's file is a few hundred rows and well under
    /// 1 MB; the whole country's (about 20 000 places) is not for one kiosk.
    public struct Limits: Sendable {
        public var maxBytes: Int
        public var maxRows: Int

        public init(maxBytes: Int, maxRows: Int) {
            self.maxBytes = maxBytes
            self.maxRows = maxRows
        }

        public static let standard = Limits(maxBytes: 8 * 1024 * 1024, maxRows: 10_000)
    }

    /// Every column of the schema, in its order (also the order of `places export`).
    public static let columns = [
        "id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse", "complement_adresse", "latitude",
        "longitude", "typologie", "telephone", "courriels", "site_web", "horaires", "presentation_resume",
        "presentation_detail", "source", "itinerance", "structure_parente", "date_maj", "services",
        "publics_specifiquement_adresses", "prise_en_charge_specifique", "frais_a_charge",
        "dispositif_programmes_nationaux",
        "formations_labels", "autres_formations_labels", "modalites_acces", "modalites_accompagnement",
        "fiche_acces_libre",
        "prise_rdv",
    ]
    static let requiredColumns = ["id", "nom", "commune", "code_postal", "adresse", "services"]

    /// Reads CSV, or JSON when the first non-blank character is `[`. `file` names it in messages.
    public static func parse(_ data: Data, file: String, limits: Limits = .standard) throws(Unreadable) -> PlacesFile {
        func unreadable(_ line: Int, _ message: String) -> Unreadable {
            Unreadable(problem: ContentProblem(file: file, line: line, path: "", message: message))
        }
        guard data.count <= limits.maxBytes else {
            throw unreadable(1, "the file is \(data.count) bytes; a places file is at most \(limits.maxBytes) bytes")
        }
        let rows: [PlaceRow]
        let header: [String]
        var delimiter: String?
        if let first = data.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }),
            first == UInt8(ascii: "[")
        {
            (header, rows) = try jsonRows(data, limits: limits, unreadable: unreadable)
        } else {
            let table: CSVTable
            do {
                table = try CSVTable.parse(data, knownColumns: Set(columns), maxRecords: limits.maxRows)
            } catch {
                throw unreadable(error.line, error.message)
            }
            header = table.header
            delimiter = String(table.delimiter)
            rows = table.records.map { record in
                var values: [String: String] = [:]
                for (name, value) in zip(table.header, record.fields) where values[name] == nil { values[name] = value }
                let problem =
                    record.problem
                    ?? (record.fields.count == table.header.count
                        ? nil
                        : "this row has \(record.fields.count) fields and the header \(table.header.count) "
                            + "(a \"\(table.delimiter)\" inside a value must be in double quotes)")
                return PlaceRow(line: record.line, values: values, problem: problem)
            }
        }
        if let missing = requiredColumns.first(where: { !header.contains($0) }) {
            throw unreadable(
                1,
                "no \"\(missing)\" column: the national schema's columns are "
                    + "\(requiredColumns.joined(separator: ", ")), …"
            )
        }
        var reader = PlaceRowReader(file: file)
        for row in rows { reader.read(row) }
        var seen = Set<String>()
        let ignored = header.filter { !columns.contains($0) && !$0.isEmpty && seen.insert($0).inserted }
        return PlacesFile(
            places: reader.places, refused: reader.refused, refusedIDs: reader.refusedIDs,
            warnings: reader.warnings, ignoredColumns: ignored, delimiter: delimiter)
    }

    /// A JSON array of objects with the schema's field names; lists may be arrays or `|` texts.
    static func jsonRows(_ data: Data, limits: Limits, unreadable: (Int, String) -> Unreadable) throws(Unreadable) -> (
        [String], [PlaceRow]
    ) {
        let root: LocatedJSON
        do {
            root = try LocatedJSON.parse(
                data, limits: LocatedJSON.Limits(maxBytes: limits.maxBytes, maxValues: limits.maxRows * 100))
        } catch {
            throw unreadable(error.line, "column \(error.column): \(error.message)")
        }
        guard let elements = root.elements else { throw unreadable(root.line, "a list [ … ] of places was expected") }
        guard elements.count <= limits.maxRows else {
            throw unreadable(1, "more than \(limits.maxRows) places: a file of this kind holds far fewer")
        }
        var header: [String] = []
        var rows: [PlaceRow] = []
        for element in elements {
            guard let members = element.members else {
                rows.append(
                    PlaceRow(
                        line: element.line, values: [:],
                        problem: "an object { … } was expected, found \(element.kindName)"))
                continue
            }
            var values: [String: String] = [:]
            var problem: String?
            for member in members {
                let name = member.key.trimmingCharacters(in: .whitespaces).lowercased()
                if !header.contains(name) { header.append(name) }
                switch member.value.value {
                case .string(let text): values[name] = text
                case .number(let n): values[name] = n.rounded() == n && abs(n) < 1e15 ? String(Int(n)) : String(n)
                case .bool(let b): values[name] = b ? "true" : "false"
                case .null: values[name] = ""
                case .array(let items):
                    let texts = items.compactMap(\.string)
                    if texts.count != items.count { problem = "\(name): a list of texts was expected" }
                    values[name] = texts.joined(separator: "|")
                case .object: problem = "\(name): a text was expected, found an object"
                }
            }
            rows.append(PlaceRow(line: element.line, values: values, problem: problem))
        }
        return (header.isEmpty ? requiredColumns : header, rows)
    }
}

/// One row of a places file, before validation: column (lower case) → text.
struct PlaceRow {
    var line: Int
    var values: [String: String]
    /// Why the row cannot be read at all (wrong number of fields, a stray quote…).
    var problem: String?
}
