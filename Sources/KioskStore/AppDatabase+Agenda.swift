// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation
import GRDB
import KioskCore

/// What an agenda import did, for `passerellectl` to print.
public struct AgendaImportReport: Equatable, Sendable {
    public var places = 0, services = 0, helpers = 0
    /// Rows created by this import (the others already existed under the same key).
    public var added = 0
    /// Rows no longer in the file but referenced by appointments: kept, inactive.
    public var deactivated: [String] = []
    /// Rows no longer in the file and referenced by nothing: deleted.
    public var removed: [String] = []
    public var openingRanges = 0, absences = 0

    public var summary: String {
        var text =
            "\(places) places, \(services) services, \(helpers) helpers (\(added) new), "
            + "\(openingRanges) opening ranges, \(absences) absences"
        if !deactivated.isEmpty {
            text += "; deactivated (appointments refer to them): \(deactivated.joined(separator: ", "))"
        }
        if !removed.isEmpty { text += "; removed: \(removed.joined(separator: ", "))" }
        return text
    }
}

// MARK: - Import

extension AppDatabase {
    /// Replaces the agenda with `document`, in ONE transaction: a failure changes nothing.
    ///
    /// Places, services and helpers are matched on their file `id` (the `key` column), so
    /// re-importing the same file changes nothing and appointments keep pointing at the same
    /// rows. A row missing from the file is deleted, or deactivated when an appointment refers
    /// to it. Opening ranges, absences and closed days are the file's: replaced as a whole.
    @discardableResult
    public func importAgenda(_ document: AgendaDocument) throws(StoreProblem) -> AgendaImportReport {
        let now = clock.now()
        return try write { db in
            var report = AgendaImportReport()
            try Self.retire(
                table: "place", keeping: document.places.map(\.key), referencedBy: "placeId", report: &report, in: db)
            try Self.retire(
                table: "service", keeping: document.services.map(\.key), referencedBy: "serviceId", report: &report,
                in: db)
            try Self.retire(
                table: "helper", keeping: document.helpers.map(\.key), referencedBy: "helperId", report: &report, in: db
            )

            var placeIDs: [String: Int64] = [:], serviceIDs: [String: Int64] = [:], helperIDs: [String: Int64] = [:]
            for place in document.places {
                let values: [(any DatabaseValueConvertible)?] = [
                    place.name, place.address, place.latitude, place.longitude, place.phone,
                ]
                placeIDs[place.key] = try Self.upsert(
                    table: "place", key: place.key, columns: ["name", "address", "latitude", "longitude", "phone"],
                    values: values, report: &report, in: db)
            }
            for service in document.services {
                let values: [(any DatabaseValueConvertible)?] = [
                    service.name.fr, Self.json(service.name), service.support.rawValue,
                    Self.locationType(service.location).rawValue,
                    service.durationMinutes, service.minNoticeMinutes, service.maxNoticeDays,
                    service.cancellableByPerson,
                    service.whatToBring.map(Self.json),
                ]
                serviceIDs[service.key] = try Self.upsert(
                    table: "service", key: service.key,
                    columns: [
                        "name", "names", "support", "locationType", "durationMinutes", "minNoticeMinutes",
                        "maxNoticeDays",
                        "cancellableByPerson", "whatToBring",
                    ],
                    values: values, report: &report, in: db)
            }
            for helper in document.helpers {
                helperIDs[helper.key] = try Self.upsert(
                    table: "helper", key: helper.key, columns: ["displayName"], values: [helper.firstName],
                    report: &report, in: db)
            }
            report.places = document.places.count
            report.services = document.services.count
            report.helpers = document.helpers.count

            try Self.replaceTimes(document, helperIDs: helperIDs, placeIDs: placeIDs, serviceIDs: serviceIDs, in: db)
            try db.execute(
                sql: "UPDATE agenda_setting SET alsaceMoselle = ?, importedAt = ? WHERE id = 1",
                arguments: [document.alsaceMoselle, now])
            report.openingRanges = document.ranges.count
            report.absences = document.absences.count
            try Self.insertJournal(.note("agenda imported: \(report.summary)".prefix(500).description), at: now, in: db)
            return report
        }
    }

    /// Opening ranges, absences and closed days are the file's: replaced as a whole.
    private static func replaceTimes(
        _ document: AgendaDocument, helperIDs: [String: Int64], placeIDs: [String: Int64], serviceIDs: [String: Int64],
        in db: Database
    ) throws {
        try db.execute(sql: "DELETE FROM opening_range; DELETE FROM absence; DELETE FROM closed_day")
        for range in document.ranges {
            try db.execute(
                sql: """
                    INSERT INTO opening_range
                        (helperId, placeId, firstDay, startTime, endTime, recurrence, weekdays, untilDay)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    helperIDs[range.helper], placeIDs[range.place], range.firstDay.description,
                    Self.clock(range.startMinute),
                    Self.clock(range.endMinute), range.weekdays.isEmpty ? "once" : "weekly", range.weekdays.mask,
                    range.weekdays.isEmpty ? nil : range.untilDay?.description,
                ])
            let rangeID = db.lastInsertedRowID
            for service in range.services.sorted() {
                try db.execute(
                    sql: "INSERT INTO opening_range_service (rangeId, serviceId) VALUES (?, ?)",
                    arguments: [rangeID, serviceIDs[service]])
            }
        }
        for absence in document.absences {
            try db.execute(
                sql: "INSERT INTO absence (helperId, startsAt, endsAt) VALUES (?, ?, ?)",
                arguments: [helperIDs[absence.helper], absence.start, absence.end])
        }
        for day in Set(document.closedDays) {
            try db.execute(sql: "INSERT INTO closed_day (day) VALUES (?)", arguments: [day.description])
        }
    }

    /// Deletes or deactivates the rows of `table` whose key is not in `keeping`.
    private static func retire(
        table: String, keeping keys: [String], referencedBy column: String,
        report: inout AgendaImportReport, in db: Database
    ) throws {
        let keep = Set(keys)
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT t.id, t.key, EXISTS (SELECT 1 FROM appointment a WHERE a.\(column) = t.id) AS used
                FROM \(table) t
                """)
        for row in rows where !keep.contains(row["key"]) {
            let id: Int64 = row["id"], key: String = row["key"]
            if row["used"] as Bool {
                try db.execute(sql: "UPDATE \(table) SET active = 0 WHERE id = ?", arguments: [id])
                report.deactivated.append("\(table) \(key)")
            } else {
                try db.execute(sql: "DELETE FROM \(table) WHERE id = ?", arguments: [id])
                report.removed.append("\(table) \(key)")
            }
        }
    }

    /// Updates the row with `key` (and reactivates it) or inserts it; returns its id.
    private static func upsert(
        table: String, key: String, columns: [String], values: [(any DatabaseValueConvertible)?],
        report: inout AgendaImportReport, in db: Database
    ) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM \(table) WHERE key = ?", arguments: [key]) {
            let assignments = columns.map { "\($0) = ?" }.joined(separator: ", ")
            try db.execute(
                sql: "UPDATE \(table) SET \(assignments), active = 1 WHERE id = ?",
                arguments: StatementArguments(values + [id]))
            return id
        }
        let names = (["key"] + columns).joined(separator: ", ")
        let marks = Array(repeating: "?", count: columns.count + 1).joined(separator: ", ")
        try db.execute(
            sql: "INSERT INTO \(table) (\(names)) VALUES (\(marks))", arguments: StatementArguments([key] + values))
        report.added += 1
        return db.lastInsertedRowID
    }

    static func json(_ text: LocalizedText) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(text)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func localized(_ json: String?) -> LocalizedText? {
        guard let json else { return nil }
        return try? JSONDecoder().decode(LocalizedText.self, from: Data(json.utf8))
    }

    static func locationType(_ kind: LocationKind) -> LocationType {
        switch kind {
        case .onSite: return .publicOffice
        case .phone: return .phone
        case .video: return .visio
        }
    }

    static func locationKind(_ type: String) -> LocationKind {
        switch type {
        case LocationType.phone.rawValue: return .phone
        case LocationType.visio.rawValue: return .video
        default: return .onSite
        }
    }

    static func clock(_ minute: Int) -> String {
        String(format: "%02d:%02d", minute / 60, minute % 60)
    }

    static func minute(_ clock: String) -> Int {
        let parts = clock.split(separator: ":")
        return (Int(parts.first ?? "0") ?? 0) * 60 + (Int(parts.last ?? "0") ?? 0)
    }
}

// MARK: - Snapshot

extension AppDatabase {
    /// The agenda as the slot finder needs it: every place, service and helper (inactive ones
    /// flagged), every opening range, and the absences and booked appointments that overlap
    /// [from, to). Read in one transaction, so it is consistent.
    public func agendaSnapshot(from: Date, to: Date) throws(StoreProblem) -> AgendaSnapshot {
        try read { db in try Self.snapshot(from: from, to: to, in: db) }
    }

    static func snapshot(from: Date, to: Date, excluding appointmentID: Int64? = nil, in db: Database) throws
        -> AgendaSnapshot
    {
        let places = try Row.fetchAll(db, sql: "SELECT * FROM place").map { row in
            AgendaPlace(
                key: row["key"], name: row["name"], address: row["address"] ?? "", phone: row["phone"],
                latitude: row["latitude"], longitude: row["longitude"], isActive: row["active"])
        }
        let services = try Row.fetchAll(db, sql: "SELECT * FROM service").map { row -> AgendaService in
            let name: String = row["name"]
            return AgendaService(
                key: row["key"], name: localized(row["names"]) ?? LocalizedText(fr: name, en: name, ar: name),
                support: SupportKind(rawValue: row["support"]) ?? .procedureHelp,
                durationMinutes: row["durationMinutes"],
                minNoticeMinutes: row["minNoticeMinutes"], maxNoticeDays: row["maxNoticeDays"],
                location: locationKind(row["locationType"]), whatToBring: localized(row["whatToBring"]),
                cancellableByPerson: row["cancellableByPerson"], isActive: row["active"])
        }
        let helpers = try Row.fetchAll(db, sql: "SELECT key, displayName, active FROM helper").map { row in
            AgendaHelper(key: row["key"], firstName: row["displayName"], isActive: row["active"])
        }
        let ranges = try Row.fetchAll(
            db,
            sql: """
                SELECT r.*, h.key AS helperKey, p.key AS placeKey,
                       (SELECT group_concat(s.key, char(31))
                        FROM opening_range_service rs JOIN service s ON s.id = rs.serviceId
                        WHERE rs.rangeId = r.id) AS serviceKeys
                FROM opening_range r JOIN helper h ON h.id = r.helperId JOIN place p ON p.id = r.placeId
                """
        ).compactMap { row -> AgendaOpeningRange? in
            guard let first = LocalDay(row["firstDay"] as String) else { return nil }
            let start = minute(row["startTime"]), end = minute(row["endTime"])
            guard start < end, end <= 1440 else { return nil }
            let keys = (row["serviceKeys"] as String?)?.split(separator: "\u{1F}").map(String.init) ?? []
            return AgendaOpeningRange(
                helper: row["helperKey"], place: row["placeKey"], services: Set(keys), firstDay: first,
                untilDay: (row["untilDay"] as String?).flatMap(LocalDay.init),
                weekdays: WeekdaySet(mask: row["weekdays"]),
                startMinute: start, endMinute: end)
        }
        let absences = try Row.fetchAll(
            db,
            sql: """
                SELECT h.key, a.startsAt, a.endsAt FROM absence a JOIN helper h ON h.id = a.helperId
                WHERE a.endsAt > ? AND a.startsAt < ?
                """, arguments: [from, to])
        let booked = try Row.fetchAll(
            db,
            sql: """
                SELECT h.key, a.startsAt, a.endsAt FROM appointment a JOIN helper h ON h.id = a.helperId
                WHERE a.status IN ('unknown', 'seen', 'noshow') AND a.endsAt > ? AND a.startsAt < ? AND a.id IS NOT ?
                """, arguments: [from, to, appointmentID])
        // What the helpers' own calendars hold (issue 17), as of the last sync: read locally.
        let calendars = try Row.fetchAll(
            db,
            sql: """
                SELECT h.key, b.startsAt, b.endsAt FROM calendar_busy b JOIN helper h ON h.id = b.helperId
                WHERE b.endsAt > ? AND b.startsAt < ?
                """, arguments: [from.timeIntervalSince1970, to.timeIntervalSince1970]
        ).map { row in
            BusyInterval(
                helper: row[0], start: Date(timeIntervalSince1970: row[1]), end: Date(timeIntervalSince1970: row[2]))
        }
        let busy = (absences + booked).map { BusyInterval(helper: $0[0], start: $0[1], end: $0[2]) } + calendars
        let closed = try String.fetchAll(db, sql: "SELECT day FROM closed_day").compactMap(LocalDay.init)
        let alsace = try Bool.fetchOne(db, sql: "SELECT alsaceMoselle FROM agenda_setting WHERE id = 1") ?? false
        return AgendaSnapshot(
            places: places, services: services, helpers: helpers, ranges: ranges, busy: busy,
            alsaceMoselle: alsace, closedDays: Set(closed))
    }
}
