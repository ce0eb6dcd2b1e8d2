// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation
import GRDB
import KioskCore

/// What a places import did, for `passerellectl` to print.
public struct PlacesImportReport: Equatable, Sendable {
    public var added: [String] = []
    public var updated: [String] = []
    public var unchanged = 0
    /// Places of the same source that the file no longer has: deleted, and named.
    public var removed: [String] = []
    /// Places whose row was refused this time: their stored version is kept as it was.
    public var keptAsBefore: [String] = []

    public var summary: String {
        var text = "\(added.count) new, \(updated.count) updated, \(unchanged) unchanged"
        if !removed.isEmpty { text += "; removed (no longer in the file): \(removed.joined(separator: ", "))" }
        if !keptAsBefore.isEmpty { text += "; kept as before (row refused): \(keptAsBefore.joined(separator: ", "))" }
        return text
    }
}

/// One source's places in the store, for `places list`.
public struct PlaceSource: Equatable, Sendable {
    public var name: String
    public var places: Int
    public var importedAt: Date
}

extension AppDatabase {
    /// Writes the places of one file, in ONE transaction: a failure changes nothing.
    ///
    /// Places are matched on the file's `id`. The file is the truth for its `source` (the
    /// name the admin imports it under): a place of that source that the file no longer has is
    /// deleted and named in the report, unless its row was refused this time (`refusedIDs`),
    /// then it is kept as it was. Places of other sources are not touched; a place that moves
    /// to this file from another source is updated and becomes this source's.
    @discardableResult
    public func importPlaces(_ places: [PlaceOfHelp], source: String, refusedIDs: Set<String> = []) throws(StoreProblem)
        -> PlacesImportReport
    {
        let now = clock.now()
        return try write { db in
            var report = PlacesImportReport()
            let stored = try Self.fetchPlaces(db, source: nil)
            let storedByKey = Dictionary(stored.map { ($0.place.id, $0) }, uniquingKeysWith: { a, _ in a })
            for place in places {
                if let old = storedByKey[place.id] {
                    if old.place == place, old.source == source {
                        report.unchanged += 1
                        continue
                    }
                    try db.execute(sql: "DELETE FROM place_of_help WHERE key = ?", arguments: [place.id])
                    report.updated.append(place.id)
                } else {
                    report.added.append(place.id)
                }
                try Self.insert(place, source: source, at: now, in: db)
            }
            let inFile = Set(places.map(\.id))
            for old in stored where old.source == source && !inFile.contains(old.place.id) {
                if refusedIDs.contains(old.place.id) {
                    report.keptAsBefore.append(old.place.id)
                } else {
                    try db.execute(sql: "DELETE FROM place_of_help WHERE key = ?", arguments: [old.place.id])
                    report.removed.append(old.place.id)
                }
            }
            try Self.insertJournal(
                .note("places imported from \(source): \(report.summary)".prefix(500).description), at: now, in: db)
            return report
        }
    }

    /// The stored places (of one source, or all), by name.
    public func places(source: String? = nil) throws(StoreProblem) -> [PlaceOfHelp] {
        try read { db in try Self.fetchPlaces(db, source: source).map(\.place) }
    }

    /// Each source with its number of places and its last import, by name.
    public func placeSources() throws(StoreProblem) -> [PlaceSource] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT importSource, count(*) AS n, max(importedAt) AS at
                    FROM place_of_help GROUP BY importSource ORDER BY importSource
                    """
            ).map { PlaceSource(name: $0["importSource"], places: $0["n"], importedAt: $0["at"]) }
        }
    }

    // MARK: - Rows

    private static func insert(_ place: PlaceOfHelp, source: String, at now: Date, in db: Database) throws {
        let columns: [(String, (any DatabaseValueConvertible)?)] = [
            ("key", place.id), ("importSource", source), ("importedAt", now), ("pivot", place.pivot),
            ("name", place.name),
            ("commune", place.commune), ("postalCode", place.postalCode), ("inseeCode", place.inseeCode),
            ("address", place.address),
            ("addressComplement", place.addressComplement), ("latitude", place.location?.latitude),
            ("longitude", place.location?.longitude), ("phone", place.phone), ("hours", place.hours.text),
            ("summary", place.summary),
            ("detail", place.detail), ("source", place.source), ("parentStructure", place.parentStructure),
            ("updatedOn", place.updatedOn?.description), ("accessibilityURL", place.accessibilityURL),
            ("bookingURL", place.bookingURL),
        ]
        let names = columns.map(\.0).joined(separator: ", "),
            marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        try db.execute(
            sql: "INSERT INTO place_of_help (\(names)) VALUES (\(marks))",
            arguments: StatementArguments(columns.map(\.1)))
        let id = db.lastInsertedRowID
        for (field, values) in lists(of: place) {
            for (position, value) in values.enumerated() {
                try db.execute(
                    sql: "INSERT INTO place_of_help_value (placeId, field, position, value) VALUES (?, ?, ?, ?)",
                    arguments: [id, field, position, value])
            }
        }
    }

    /// The lists of a place by schema field name (the closed lists as their French labels).
    static func lists(of place: PlaceOfHelp) -> [(String, [String])] {
        [
            ("typologie", place.types), ("courriels", place.emails), ("site_web", place.websites),
            ("itinerance", place.roaming),
            ("services", place.services.map(\.rawValue)), ("publics_specifiquement_adresses", place.audiences),
            ("prise_en_charge_specifique", place.specificSupport.map(\.rawValue)), ("frais_a_charge", place.fees),
            ("dispositif_programmes_nationaux", place.nationalSchemes), ("formations_labels", place.labels),
            ("autres_formations_labels", place.otherLabels), ("modalites_acces", place.accessModes),
            ("modalites_accompagnement", place.supportModes.map(\.rawValue)),
        ]
    }

    private static func fetchPlaces(_ db: Database, source: String?) throws -> [(place: PlaceOfHelp, source: String)] {
        var values: [Int64: [String: [String]]] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT placeId, field, value FROM place_of_help_value ORDER BY placeId, field, position")
        {
            values[row["placeId"], default: [:]][row["field"], default: []].append(row["value"])
        }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM place_of_help WHERE ? IS NULL OR importSource = ? ORDER BY name, key
                """, arguments: [source, source])
        return rows.map { row in
            let lists = values[row["id"]] ?? [:]
            var place = PlaceOfHelp(
                id: row["key"], name: row["name"], commune: row["commune"], postalCode: row["postalCode"],
                address: row["address"])
            place.pivot = row["pivot"]
            place.inseeCode = row["inseeCode"]
            place.addressComplement = row["addressComplement"]
            if let latitude: Double = row["latitude"], let longitude: Double = row["longitude"] {
                place.location = GeoPoint(latitude: latitude, longitude: longitude)
            }
            place.phone = row["phone"]
            place.hours = PlaceHours(text: row["hours"])
            place.summary = row["summary"]
            place.detail = row["detail"]
            place.source = row["source"]
            place.parentStructure = row["parentStructure"]
            place.updatedOn = (row["updatedOn"] as String?).flatMap(LocalDay.init)
            place.accessibilityURL = row["accessibilityURL"]
            place.bookingURL = row["bookingURL"]
            place.types = lists["typologie"] ?? []
            place.emails = lists["courriels"] ?? []
            place.websites = lists["site_web"] ?? []
            place.roaming = lists["itinerance"] ?? []
            place.services = (lists["services"] ?? []).compactMap(HelpService.init(rawValue:))
            place.audiences = lists["publics_specifiquement_adresses"] ?? []
            place.specificSupport = (lists["prise_en_charge_specifique"] ?? []).compactMap(
                SpecificSupport.init(rawValue:))
            place.fees = lists["frais_a_charge"] ?? []
            place.nationalSchemes = lists["dispositif_programmes_nationaux"] ?? []
            place.labels = lists["formations_labels"] ?? []
            place.otherLabels = lists["autres_formations_labels"] ?? []
            place.accessModes = lists["modalites_acces"] ?? []
            place.supportModes = (lists["modalites_accompagnement"] ?? []).compactMap(SupportMode.init(rawValue:))
            return (place, row["importSource"] as String)
        }
    }
}
