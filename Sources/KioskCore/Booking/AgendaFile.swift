// Passerelle — KioskCore booking engine. Licensed under the EUPL-1.2.
import Foundation

/// A validated agenda file (docs/agenda.md): what `passerellectl agenda import` writes into
/// the store in one transaction. Parsing collects every problem with its line and field, so an
/// admin fixes the file in one go; a file with any problem yields no document at all.
public struct AgendaDocument: Equatable, Sendable {
    public var alsaceMoselle: Bool
    public var closedDays: [LocalDay]
    public var places: [AgendaPlace]
    public var services: [AgendaService]
    public var helpers: [AgendaHelper]
    public var ranges: [AgendaOpeningRange]
    /// Whole or partial days a helper is away, as instants.
    public var absences: [BusyInterval]
    /// Valid but probably not meant (hours like `Mo-Fr 09:00-12:00; 14:00-16:00`): printed,
    /// never blocking.
    public var warnings: [ContentProblem] = []

    /// The problems of a file that could not be read; each prints as `file:line: path: message`.
    public struct Problems: Error, Equatable, CustomStringConvertible, Sendable {
        public var problems: [ContentProblem]
        public var description: String { problems.map(\.description).joined(separator: "\n") }
    }

    public static let formatVersion = 1

    /// Parses and validates an agenda file. `file` is the name used in messages.
    public static func parse(_ data: Data, file: String) throws(Problems) -> AgendaDocument {
        let root: LocatedJSON
        do {
            root = try LocatedJSON.parse(data)
        } catch {
            throw Problems(problems: [
                ContentProblem(
                    file: file, line: error.line, path: "",
                    message: "column \(error.column): \(error.message)")
            ])
        }
        var reader = AgendaFileReader(file: file)
        let document = reader.document(root)
        guard reader.problems.isEmpty, var document else { throw Problems(problems: reader.problems) }
        document.warnings = reader.warnings
        return document
    }
}

/// Walks the located JSON, collecting problems instead of stopping at the first.
struct AgendaFileReader {
    let file: String
    var problems: [ContentProblem] = []
    var warnings: [ContentProblem] = []

    init(file: String) { self.file = file }

    mutating func problem(_ at: LocatedJSON, _ path: String, _ message: String) {
        problems.append(ContentProblem(file: file, line: at.line, path: path, message: message))
    }

    // MARK: - Fields

    /// Checks that `object` is an object with only `allowed` keys; returns false if not an object.
    mutating func checkObject(_ object: LocatedJSON, _ path: String, allowed: [String]) -> Bool {
        guard let members = object.members else {
            problem(object, path, "an object { … } was expected, found \(object.kindName)")
            return false
        }
        for member in members where !allowed.contains(member.key) {
            problem(
                member.value, join(path, member.key),
                "unknown field (expected one of: \(allowed.joined(separator: ", ")))")
        }
        return true
    }

    func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    mutating func string(_ object: LocatedJSON, _ key: String, _ path: String, required: Bool = true) -> String? {
        guard let value = object[key] else {
            if required { problem(object, join(path, key), "missing") }
            return nil
        }
        guard let text = value.string else {
            problem(value, join(path, key), "a text in double quotes was expected, found \(value.kindName)")
            return nil
        }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            problem(value, join(path, key), "must not be empty")
            return nil
        }
        // These texts reach the ticket, the SMS and the helpers' calendars: one line, no
        // control characters (a newline or ESC there would break or forge what follows).
        if let bad = text.unicodeScalars.first(where: Self.isForbidden) {
            problem(
                value, join(path, key),
                "contains a control character (U+\(String(format: "%04X", bad.value))); "
                    + "write it on one line, without control characters"
            )
            return nil
        }
        guard text.count <= Self.maxTextLength else {
            problem(value, join(path, key), "is \(text.count) characters long; at most \(Self.maxTextLength)")
            return nil
        }
        return text
    }

    /// The longest text of an agenda (a name, an address, what to bring).
    static let maxTextLength = 300

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// A day within the years the agenda accepts, or nil after reporting why.
    mutating func agendaDay(_ text: String, at value: LocatedJSON, _ path: String) -> LocalDay? {
        guard let day = LocalDay(text) else { return nil }
        guard LocalDay.acceptedYears.contains(day.year) else {
            problem(
                value, path,
                "\"\(text)\": the year must be between "
                    + "\(LocalDay.acceptedYears.lowerBound) and \(LocalDay.acceptedYears.upperBound)"
            )
            return nil
        }
        return day
    }

    mutating func int(_ object: LocatedJSON, _ key: String, _ path: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = object[key] else { return nil }
        guard let n = value.int else {
            problem(value, join(path, key), "a whole number was expected, found \(value.kindName)")
            return nil
        }
        guard range.contains(n) else {
            problem(value, join(path, key), "must be between \(range.lowerBound) and \(range.upperBound), found \(n)")
            return nil
        }
        return n
    }

    mutating func double(_ object: LocatedJSON, _ key: String, _ path: String, in range: ClosedRange<Double>) -> Double?
    {
        guard let value = object[key] else { return nil }
        guard let n = value.number, range.contains(n) else {
            problem(value, join(path, key), "a number between \(range.lowerBound) and \(range.upperBound) was expected")
            return nil
        }
        return n
    }

    mutating func list(_ object: LocatedJSON, _ key: String, _ path: String, required: Bool = true) -> [LocatedJSON] {
        guard let value = object[key] else {
            if required { problem(object, join(path, key), "missing") }
            return []
        }
        guard let elements = value.elements else {
            problem(value, join(path, key), "a list [ … ] was expected, found \(value.kindName)")
            return []
        }
        return elements
    }

    mutating func key(_ object: LocatedJSON, _ path: String, seen: inout Set<String>) -> String? {
        guard let id = string(object, "id", path) else { return nil }
        let valid =
            id.utf8.count <= 40
            && id.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
            }
        guard valid else {
            problem(
                object["id"]!, join(path, "id"),
                "\"\(id)\" is not a usable id: use at most 40 lowercase letters, digits, - or _")
            return nil
        }
        guard seen.insert(id).inserted else {
            problem(object["id"]!, join(path, "id"), "the id \"\(id)\" is used twice")
            return nil
        }
        return id
    }

    mutating func localized(_ object: LocatedJSON, _ key: String, _ path: String, required: Bool) -> LocalizedText? {
        guard let value = object[key] else {
            if required { problem(object, join(path, key), "missing (a text in fr, en and ar)") }
            return nil
        }
        let here = join(path, key)
        guard checkObject(value, here, allowed: ["fr", "en", "ar"]) else { return nil }
        let fr = string(value, "fr", here), en = string(value, "en", here), ar = string(value, "ar", here)
        if let ar, let latin = ar.unicodeScalars.first(where: { ("a"..."z").contains($0) || ("A"..."Z").contains($0) })
        {
            problem(
                value["ar"]!, join(here, "ar"),
                "the Arabic text contains the Latin letter \"\(latin)\"; write it in Arabic script")
            return nil
        }
        guard let fr, let en, let ar else { return nil }
        return LocalizedText(fr: fr, en: en, ar: ar)
    }

    mutating func day(_ object: LocatedJSON, _ key: String, _ path: String, required: Bool) -> LocalDay? {
        guard let text = string(object, key, path, required: required) else { return nil }
        guard LocalDay(text) != nil else {
            problem(object[key]!, join(path, key), "\"\(text)\" is not a day; write YYYY-MM-DD, e.g. 2026-09-01")
            return nil
        }
        return agendaDay(text, at: object[key]!, join(path, key))
    }

    /// "2026-08-03" (the start of that day, or with `endOfDay` the start of the next) or
    /// "2026-08-03T14:30" (local Paris time).
    mutating func moment(_ object: LocatedJSON, _ key: String, _ path: String, endOfDay: Bool) -> Date? {
        guard let text = string(object, key, path) else { return nil }
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        if let day = LocalDay(String(parts[0])), !LocalDay.acceptedYears.contains(day.year) {
            _ = agendaDay(String(parts[0]), at: object[key]!, join(path, key))
            return nil
        }
        if parts.count == 1, let day = LocalDay(text) {
            return ParisTime.date(endOfDay ? day.adding(days: 1) : day, minute: 0)
        }
        if parts.count == 2, let day = LocalDay(String(parts[0])), let minute = Self.clockMinute(String(parts[1])),
            let date = ParisTime.date(day, minute: minute)
        {
            return date
        }
        problem(
            object[key]!, join(path, key), "\"\(text)\" is not a day (2026-08-03) or a local time (2026-08-03T14:30)")
        return nil
    }

    static func clockMinute(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard text.count == 5, parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h),
            (0...59).contains(m)
        else { return nil }
        return h * 60 + m
    }
}
