// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation
import GRDB

// MARK: - Agenda (imported by passerellectl, read by the booking engine)

extension AppDatabase {
    /// Adds a place; returns its id.
    public func addPlace(_ place: PlaceDraft) throws(StoreProblem) -> Int64 {
        try write { db in
            try db.execute(
                sql:
                    "INSERT INTO place (name, address, latitude, longitude, phone, openingHours) "
                    + "VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    place.name, place.address, place.latitude, place.longitude, place.phone, place.openingHours,
                ])
            return db.lastInsertedRowID
        }
    }

    /// Adds a service (motif); returns its id.
    public func addService(_ service: ServiceDraft) throws(StoreProblem) -> Int64 {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO service (name, locationType, durationMinutes, minNoticeMinutes, maxNoticeDays,
                      cancellableByPerson, thematique) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    service.name, service.locationType.rawValue, service.durationMinutes, service.minNoticeMinutes,
                    service.maxNoticeDays, service.cancellableByPerson, service.thematique,
                ])
            return db.lastInsertedRowID
        }
    }

    /// Adds a helper (agent); returns its id.
    public func addHelper(displayName: String) throws(StoreProblem) -> Int64 {
        try write { db in
            try db.execute(sql: "INSERT INTO helper (displayName) VALUES (?)", arguments: [displayName])
            return db.lastInsertedRowID
        }
    }

    /// Adds an opening range and the services it serves; returns its id.
    public func addOpeningRange(_ range: OpeningRangeDraft) throws(StoreProblem) -> Int64 {
        precondition(range.weekdays.allSatisfy { (1...7).contains($0) }, "weekdays are ISO 1 (Monday) … 7")
        let mask = range.weekdays.reduce(0) { $0 | (1 << ($1 - 1)) }
        return try write { db in
            try db.execute(
                sql: """
                    INSERT INTO opening_range
                        (helperId, placeId, firstDay, startTime, endTime, recurrence, weekdays, untilDay)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    range.helperID, range.placeID, range.firstDay, range.startTime, range.endTime,
                    mask == 0 ? "once" : "weekly", mask, range.untilDay,
                ])
            let id = db.lastInsertedRowID
            for serviceID in range.serviceIDs {
                try db.execute(
                    sql: "INSERT INTO opening_range_service (rangeId, serviceId) VALUES (?, ?)",
                    arguments: [id, serviceID])
            }
            return id
        }
    }

    /// Records that a helper is away from `start` to `end`.
    public func addAbsence(helperID: Int64, from start: Date, to end: Date) throws(StoreProblem) {
        try write { db in
            try db.execute(
                sql: "INSERT INTO absence (helperId, startsAt, endsAt) VALUES (?, ?, ?)",
                arguments: [helperID, start, end])
        }
    }
}

// MARK: - Appointments

extension AppDatabase {
    /// Books by row ids, with no opening-hours check: for the store's own simulation
    /// (`DemoScenario`) and its tests only. The kiosk and the tools book through `book(_:)`,
    /// which checks that the slot is offered; both share `insertAppointment` (the schema
    /// refuses an overlap, the reminder and the journal line go in the same transaction) and
    /// both normalise the phone number.
    func bookAppointment(_ request: BookingRequest) throws(StoreProblem) -> Appointment {
        let now = clock.now()
        let options = options
        var request = request
        request.personPhone = try Self.normalisedPhone(request.personPhone)
        return try write { db in try Self.insertAppointment(request, now: now, options: options, in: db) }
    }

    /// The insert behind `bookAppointment` and `book(_:)`, inside the caller's transaction.
    static func insertAppointment(
        _ request: BookingRequest, uuid: UUID = UUID(), now: Date, options: Options, in db: Database
    ) throws -> Appointment {
        guard
            let duration = try Int.fetchOne(
                db, sql: "SELECT durationMinutes FROM service WHERE id = ? AND active", arguments: [request.serviceID])
        else { throw StoreProblem.notFound(what: "active service \(request.serviceID)") }
        let endsAt = request.startsAt.addingTimeInterval(Double(duration) * 60)
        try db.execute(
            sql: """
                INSERT INTO appointment (uuid, serviceId, helperId, placeId, visitId, thematique, startsAt, endsAt,
                  bookedAt, personName, personPhone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                uuid.uuidString, request.serviceID, request.helperID, request.placeID, request.visitID?.rawValue,
                request.thematique, request.startsAt, endsAt, now, request.personName, request.personPhone,
            ])
        let appointmentID = db.lastInsertedRowID
        if request.remindBySMS, request.personPhone != nil,
            let remindAt = options.reminderDue(start: request.startsAt, now: now)
        {
            _ = try insertOutbox(
                kind: .smsReminder, payload: ["appointment": uuid.uuidString], appointmentID: appointmentID,
                notBefore: remindAt, now: now, in: db)
        }
        try insertJournal(.appointmentBooked(appointment: uuid), at: now, in: db)
        return try fetchAppointment(uuid, in: db)!
    }

    /// Cancels an appointment: `.excused` when the person cancels, `.revoked` when the helper or
    /// the town hall does. Its pending reminder is abandoned; the slot is free again.
    public func cancelAppointment(_ uuid: UUID, byPerson: Bool) throws(StoreProblem) {
        let status: AppointmentStatus = byPerson ? .excused : .revoked
        let now = clock.now()
        try write { db in
            try Self.setStatus(status, of: uuid, at: now, from: [.unknown], in: db)
            try db.execute(
                sql: """
                    UPDATE outbox
                    SET status = 'abandoned', leaseUntil = NULL, doneAt = ?, lastError = 'appointment cancelled'
                    WHERE status IN ('pending', 'in_flight')
                      AND appointmentId = (SELECT id FROM appointment WHERE uuid = ?)
                    """, arguments: [now, uuid.uuidString])
            try Self.insertJournal(.appointmentCancelled(appointment: uuid, status: status), at: now, in: db)
        }
    }

    /// Marks that the person came (`.seen`, i.e. honoured) or did not (`.noshow`).
    public func markAppointment(_ uuid: UUID, honoured: Bool) throws(StoreProblem) {
        let status: AppointmentStatus = honoured ? .seen : .noshow
        let now = clock.now()
        try write { db in
            try Self.setStatus(status, of: uuid, at: now, from: [.unknown, .seen, .noshow], in: db)
            try Self.insertJournal(.appointmentStatusChanged(appointment: uuid, status: status), at: now, in: db)
        }
    }

    /// The appointment with this uuid, or nil.
    public func appointment(_ uuid: UUID) throws(StoreProblem) -> Appointment? {
        try read { db in try Self.fetchAppointment(uuid, in: db) }
    }

    private static func setStatus(
        _ status: AppointmentStatus, of uuid: UUID, at date: Date, from allowed: Set<AppointmentStatus>, in db: Database
    ) throws {
        guard
            let current = try String.fetchOne(
                db, sql: "SELECT status FROM appointment WHERE uuid = ?", arguments: [uuid.uuidString])
        else { throw StoreProblem.notFound(what: "appointment \(uuid)") }
        guard let currentStatus = AppointmentStatus(rawValue: current), allowed.contains(currentStatus) else {
            throw StoreProblem.rejected(rule: "appointment \(uuid) is \(current), cannot become \(status.rawValue)")
        }
        try db.execute(
            sql: "UPDATE appointment SET status = ?, statusChangedAt = ? WHERE uuid = ?",
            arguments: [status.rawValue, date, uuid.uuidString])
    }

    static func fetchAppointment(_ uuid: UUID, in db: Database) throws -> Appointment? {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT * FROM appointment WHERE uuid = ?", arguments: [uuid.uuidString])
        else { return nil }
        // Decoded by throwing: a bad value must not trap and print the row (name, phone) to the log.
        let column = RowReader(row, table: "appointment")
        return Appointment(
            uuid: uuid, serviceID: try column("serviceId"), helperID: try column("helperId"),
            placeID: try column("placeId"),
            startsAt: try column("startsAt"), endsAt: try column("endsAt"), bookedAt: try column("bookedAt"),
            status: AppointmentStatus(rawValue: try column("status")) ?? .unknown, thematique: try column("thematique"),
            personName: try column("personName"), personPhone: try column("personPhone"),
            anonymisedAt: try column("anonymisedAt"))
    }
}
