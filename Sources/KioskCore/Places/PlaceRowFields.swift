// Passerelle — KioskCore places of help. Licensed under the EUPL-1.2.
import Foundation

/// The fields of one row, read by kind; a refusal is thrown, a warning collected.
struct Fields {
    typealias Refusal = PlaceRowReader.Refusal
    let row: PlaceRow
    var warnings: [(field: String, message: String)] = []

    init(row: PlaceRow) { self.row = row }

    /// The trimmed text of `field`, or nil when empty or absent; refused if it holds a control
    /// character or is longer than `max`.
    func text(_ field: String, max: Int = PlaceRowReader.shortText, lineBreaksAsSpaces: Bool = false) throws -> String?
    {
        guard var text = row.values[field] else { return nil }
        if lineBreaksAsSpaces {
            // A description written on several lines is one paragraph on the screen.
            text = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
                .replacingOccurrences(of: "\r", with: " ")
        }
        text = PlaceRowReader.trimmed(text)
        guard !text.isEmpty else { return nil }
        if let bad = text.unicodeScalars.first(where: PlaceRowReader.isForbidden) {
            throw Refusal(
                field: field,
                message:
                    "contains a control character (U+\(String(format: "%04X", bad.value))); "
                    + "write it on one line, without control characters"
            )
        }
        guard text.count <= max else {
            throw Refusal(field: field, message: "is \(text.count) characters long; at most \(max)")
        }
        return text
    }

    func required(_ field: String, max: Int = PlaceRowReader.shortText) throws -> String {
        guard let text = try text(field, max: max) else {
            throw Refusal(field: field, message: "missing (required by the national schema)")
        }
        return text
    }

    func optional(_ field: String, max: Int = PlaceRowReader.shortText, lineBreaksAsSpaces: Bool = false) throws
        -> String?
    {
        try text(field, max: max, lineBreaksAsSpaces: lineBreaksAsSpaces)
    }

    func postalCode() throws -> String {
        let code = try required("code_postal", max: 10)
        guard code.count == 5, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            let hint = code.count == 4 && code.allSatisfy(\.isNumber) ? " (a leading 0 lost by a spreadsheet?)" : ""
            throw Refusal(field: "code_postal", message: "\"\(code)\" is not a postal code of 5 digits\(hint)")
        }
        return code
    }

    mutating func inseeCode() throws -> String? {
        guard let code = try optional("code_insee", max: 10) else { return nil }
        let chars = Array(code)
        let valid =
            chars.count == 5 && chars[2...].allSatisfy { $0.isASCII && $0.isNumber }
            && ((chars[0].isNumber && chars[0] != "2" && chars[1].isNumber)
                || (chars[0] == "2" && (chars[1] == "A" || chars[1] == "B" || chars[1].isNumber)))
        return check("code_insee", code, valid, "is not an INSEE code") ? code : nil
    }

    /// Both coordinates or neither; a decimal comma ("43,6756") is read as a point.
    mutating func location() throws -> GeoPoint? {
        let latitude = try optional("latitude", max: 30), longitude = try optional("longitude", max: 30)
        guard latitude != nil || longitude != nil else { return nil }
        guard let latitude, let longitude else {
            throw Refusal(
                field: latitude == nil ? "latitude" : "longitude",
                message: "missing while the other coordinate is given; give both or neither")
        }
        func number(_ text: String, _ field: String, _ range: ClosedRange<Double>) throws -> Double {
            let normalised = text.contains(".") ? text : text.replacingOccurrences(of: ",", with: ".")
            guard let value = Double(normalised), value.isFinite, range.contains(value) else {
                throw Refusal(
                    field: field,
                    message: "\"\(text)\" is not a \(field) in degrees (\(range.lowerBound) to \(range.upperBound))")
            }
            return value
        }
        let point = GeoPoint(
            latitude: try number(latitude, "latitude", -90...90),
            longitude: try number(longitude, "longitude", -180...180))
        // 0,0 is in the Gulf of Guinea: a placeholder, not a place of help.
        return check(
            "latitude", "\(latitude), \(longitude)", point.latitude != 0 || point.longitude != 0,
            "is a placeholder, not a position") ? point : nil
    }

    mutating func phone() throws -> String? {
        guard let text = try optional("telephone", max: 40) else { return nil }
        let phone = FrenchPhone.normalised(text)
        return check("telephone", text, phone != nil, "is not a phone number") ? phone : nil
    }

    mutating func hours() throws -> PlaceHours {
        let hours = PlaceHours(text: try optional("horaires", max: 1000))
        switch hours {
        case .asWritten(let text, let reason):
            warnings.append(("horaires", "\(reason) in \"\(text)\"; kept as text, shown as written"))
        case .rules(let rules, let text):
            warnings += rules.warnings.map { ("horaires", "\($0) in \"\(text)\"") }
        case .notGiven: break
        }
        return hours
    }

    mutating func day(_ field: String) throws -> LocalDay? {
        guard let text = try optional(field, max: 40) else { return nil }
        // Some exports write a full timestamp; its day is what "updated on" means.
        let day = LocalDay(String(text.prefix(10))).flatMap { LocalDay.acceptedYears.contains($0.year) ? $0 : nil }
        return check(
            field, text, day != nil && (text.count == 10 || text.dropFirst(10).first == "T"),
            "is not a day (YYYY-MM-DD)") ? day : nil
    }

    mutating func link(_ field: String) throws -> String? {
        guard let text = try optional(field, max: 500) else { return nil }
        return check(field, text, PlaceRowReader.isWebLink(text), "is not an http(s) link") ? text : nil
    }

    /// `|`-separated values, trimmed, without empties or repeats.
    func list(_ field: String) throws -> [String] {
        guard let raw = row.values[field] else { return [] }
        var values: [String] = []
        for part in raw.split(separator: "|") {
            let value = PlaceRowReader.trimmed(String(part))
            guard !value.isEmpty, !values.contains(value) else { continue }
            if let bad = value.unicodeScalars.first(where: PlaceRowReader.isForbidden) {
                throw Refusal(
                    field: field,
                    message:
                        "contains a control character (U+\(String(format: "%04X", bad.value))); "
                        + "write it on one line, without control characters"
                )
            }
            guard value.count <= PlaceRowReader.shortText else {
                throw Refusal(
                    field: field,
                    message: "a value is \(value.count) characters long; at most \(PlaceRowReader.shortText)")
            }
            values.append(value)
        }
        guard values.count <= PlaceRowReader.maxListValues else {
            throw Refusal(field: field, message: "has \(values.count) values; at most \(PlaceRowReader.maxListValues)")
        }
        return values
    }

    /// A list of a closed vocabulary: unknown values are dropped with a warning.
    mutating func vocabulary<V: PlaceVocabulary>(_ field: String, _ type: V.Type) throws -> [V] {
        var result: [V] = []
        for value in try list(field) {
            if let known = V.matching(value) {
                if !result.contains(known) { result.append(known) }
            } else {
                warnings.append((field, "\"\(value)\" is not a value of the national schema; ignored"))
            }
        }
        return result
    }

    /// Records a warning when `ok` is false; returns `ok`.
    mutating func check(_ field: String, _ value: String, _ ok: Bool, _ why: String) -> Bool {
        if !ok { warnings.append((field, "\"\(value)\" \(why); ignored")) }
        return ok
    }
}
