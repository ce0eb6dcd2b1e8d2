// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation
import GRDB
import KioskCore

/// An appointment with what the screens and calendars show about it.
public struct BookedAppointment: Equatable, Sendable {
    public var appointment: Appointment
    public var service: AgendaService
    public var helper: AgendaHelper
    public var place: AgendaPlace?
}

/// The person's details for a booking. Personal data: erased by the retention purge.
public struct PersonContact: Equatable, Sendable {
    public var name: String?
    /// As typed; stored in E.164 (see `FrenchPhone.normalised`).
    public var phone: String?
    /// Queue an SMS reminder (needs a phone).
    public var remindBySMS: Bool

    public init(name: String? = nil, phone: String? = nil, remindBySMS: Bool = false) {
        self.name = name
        self.phone = phone
        self.remindBySMS = remindBySMS
    }
}

// MARK: - Booking by slot (what the booking screens call)

extension AppDatabase {
    /// Books `slot` (from `SlotFinder`). The schema refuses a double booking
    /// (`StoreProblem.slotTaken`: another person took it first — show the slots again).
    /// Throws `.rejected` for a phone number that is not one, `.notFound` for an unknown key.
    public func book(
        _ slot: Slot, for person: PersonContact = PersonContact(), visitID: VisitID? = nil,
        thematique: String? = nil
    ) throws(StoreProblem) -> Appointment {
        let now = clock.now()
        let options = options
        let phone = try Self.normalisedPhone(person.phone)
        return try write { db in
            let ids = try Self.ids(of: slot, in: db)
            try Self.requireOffered(slot, now: now, excluding: nil, in: db)
            let request = BookingRequest(
                serviceID: ids.service, helperID: ids.helper, placeID: ids.place, visitID: visitID,
                startsAt: slot.start,
                thematique: thematique, personName: person.name, personPhone: phone, remindBySMS: person.remindBySMS)
            return try Self.insertAppointment(request, now: now, options: options, in: db)
        }
    }

    /// Moves a booked appointment to `slot` (same service) in one transaction: the old slot is
    /// freed and the new one taken together, or nothing changes (`.slotTaken` if someone took
    /// it). A queued reminder is rescheduled under a new idempotency key.
    @discardableResult
    public func moveAppointment(_ uuid: UUID, to slot: Slot) throws(StoreProblem) -> Appointment {
        let now = clock.now()
        let options = options
        return try write { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT a.id, a.status, s.key AS serviceKey
                        FROM appointment a JOIN service s ON s.id = a.serviceId WHERE a.uuid = ?
                        """, arguments: [uuid.uuidString])
            else { throw StoreProblem.notFound(what: "appointment \(uuid)") }
            guard row["status"] as String == AppointmentStatus.unknown.rawValue else {
                throw StoreProblem.rejected(
                    rule: "appointment \(uuid) is \(row["status"] as String), it cannot be moved")
            }
            guard row["serviceKey"] as String == slot.service else {
                throw StoreProblem.rejected(
                    rule: "a slot for \(slot.service) cannot hold an appointment for \(row["serviceKey"] as String)")
            }
            let ids = try Self.ids(of: slot, in: db)
            let id: Int64 = row["id"]
            try Self.requireOffered(slot, now: now, excluding: id, in: db)
            try db.execute(
                sql: "UPDATE appointment SET helperId = ?, placeId = ?, startsAt = ?, endsAt = ? WHERE id = ?",
                arguments: [ids.helper, ids.place, slot.start, slot.end, id])
            if let due = options.reminderDue(start: slot.start, now: now) {
                try db.execute(
                    sql: """
                        UPDATE outbox SET uuid = ?, status = 'pending', attempts = 0, leaseUntil = NULL, doneAt = NULL,
                          lastError = NULL, nextAttemptAt = ?
                        WHERE appointmentId = ? AND kind = 'sms_reminder'
                        """, arguments: [UUID().uuidString, due, id])
            } else {
                try db.execute(
                    sql: "DELETE FROM outbox WHERE appointmentId = ? AND kind = 'sms_reminder'", arguments: [id])
            }
            try Self.insertJournal(.note("appointment moved: \(uuid.uuidString)"), at: now, in: db)
            return try Self.fetchAppointment(uuid, in: db)!
        }
    }

    /// The person's future appointments that still hold, soonest first, found with only the
    /// phone number however it is typed ("06 12 34 56 78", "+33612345678"…).
    public func appointments(phone: String) throws(StoreProblem) -> [BookedAppointment] {
        guard let phone = FrenchPhone.normalised(phone) else { return [] }
        let now = clock.now()
        return try read { db in
            let uuids = try String.fetchAll(
                db,
                sql: """
                    SELECT uuid FROM appointment
                    WHERE personPhone = ? AND status = 'unknown' AND endsAt > ? ORDER BY startsAt
                    """, arguments: [phone, now])
            return try uuids.compactMap { try Self.fetchBooked(UUID(uuidString: $0)!, in: db) }
        }
    }

    /// The appointments still to come on `day` (Paris time) whose first name is `firstName`,
    /// however it is typed: case, accents and spaces do not count ("zoe" finds "Zoé").
    /// For a person with neither a phone number nor a ticket; the kiosk then asks the time.
    public func appointments(firstName: String, day: LocalDay) throws(StoreProblem) -> [BookedAppointment] {
        let wanted = Self.foldedName(firstName)
        guard !wanted.isEmpty, let from = ParisTime.date(day, minute: 0),
            let to = ParisTime.date(day.adding(days: 1), minute: 0)
        else { return [] }
        let now = clock.now()
        return try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT uuid, personName FROM appointment
                    WHERE status = 'unknown' AND startsAt >= ? AND startsAt < ? AND endsAt > ? ORDER BY startsAt
                    """, arguments: [from, to, now])
            return try rows.filter { Self.foldedName($0["personName"] ?? "") == wanted }
                .compactMap { try Self.fetchBooked(UUID(uuidString: $0["uuid"])!, in: db) }
        }
    }

    /// A first name as compared: lower case, no accents, no spaces, hyphens or apostrophes.
    static func foldedName(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "fr_FR"))
            .filter { $0.isLetter }
    }

    /// One appointment with its service, helper and place, or nil.
    public func bookedAppointment(_ uuid: UUID) throws(StoreProblem) -> BookedAppointment? {
        try read { db in try Self.fetchBooked(uuid, in: db) }
    }

    static func fetchBooked(_ uuid: UUID, in db: Database) throws -> BookedAppointment? {
        guard let appointment = try fetchAppointment(uuid, in: db) else { return nil }
        let snapshot = try snapshotRows(
            serviceID: appointment.serviceID, helperID: appointment.helperID,
            placeID: appointment.placeID, in: db)
        guard let service = snapshot.service, let helper = snapshot.helper else { return nil }
        return BookedAppointment(appointment: appointment, service: service, helper: helper, place: snapshot.place)
    }

    static func snapshotRows(serviceID: Int64, helperID: Int64, placeID: Int64?, in db: Database) throws
        -> (service: AgendaService?, helper: AgendaHelper?, place: AgendaPlace?)
    {
        let service = try Row.fetchOne(db, sql: "SELECT * FROM service WHERE id = ?", arguments: [serviceID]).map {
            row -> AgendaService in
            let name: String = row["name"]
            return AgendaService(
                key: row["key"], name: localized(row["names"]) ?? LocalizedText(fr: name, en: name, ar: name),
                support: SupportKind(rawValue: row["support"]) ?? .procedureHelp,
                durationMinutes: row["durationMinutes"],
                minNoticeMinutes: row["minNoticeMinutes"], maxNoticeDays: row["maxNoticeDays"],
                location: locationKind(row["locationType"]), whatToBring: localized(row["whatToBring"]),
                cancellableByPerson: row["cancellableByPerson"], isActive: row["active"])
        }
        let helper = try Row.fetchOne(db, sql: "SELECT * FROM helper WHERE id = ?", arguments: [helperID]).map {
            AgendaHelper(key: $0["key"], firstName: $0["displayName"], isActive: $0["active"])
        }
        let place = try placeID.flatMap { id in
            try Row.fetchOne(db, sql: "SELECT * FROM place WHERE id = ?", arguments: [id]).map {
                AgendaPlace(
                    key: $0["key"], name: $0["name"], address: $0["address"] ?? "", phone: $0["phone"],
                    latitude: $0["latitude"], longitude: $0["longitude"], isActive: $0["active"])
            }
        }
        return (service, helper, place)
    }

    /// Row ids of a slot's keys; the slot must last the service's duration.
    static func ids(of slot: Slot, in db: Database) throws -> (service: Int64, helper: Int64, place: Int64) {
        guard
            let service = try Row.fetchOne(
                db, sql: "SELECT id, durationMinutes FROM service WHERE key = ? AND active", arguments: [slot.service])
        else { throw StoreProblem.notFound(what: "active service \(slot.service)") }
        guard
            let helper = try Int64.fetchOne(
                db, sql: "SELECT id FROM helper WHERE key = ? AND active", arguments: [slot.helper])
        else { throw StoreProblem.notFound(what: "active helper \(slot.helper)") }
        guard
            let place = try Int64.fetchOne(
                db, sql: "SELECT id FROM place WHERE key = ? AND active", arguments: [slot.place])
        else { throw StoreProblem.notFound(what: "active place \(slot.place)") }
        guard slot.end.timeIntervalSince(slot.start) == Double(service["durationMinutes"] as Int) * 60 else {
            throw StoreProblem.rejected(
                rule: "the slot does not last the service's \(service["durationMinutes"] as Int) minutes")
        }
        return (service["id"], helper, place)
    }

    /// Checks, inside the write, that the agenda still offers `slot` (the screen may show an
    /// old list: agenda re-imported, absence added, notice passed). A slot no longer offered is
    /// reported like a taken one: the screen shows the free slots again.
    static func requireOffered(_ slot: Slot, now: Date, excluding appointmentID: Int64?, in db: Database) throws {
        let snapshot = try snapshot(
            from: slot.start.addingTimeInterval(-86_400), to: slot.end.addingTimeInterval(86_400),
            excluding: appointmentID, in: db)
        guard SlotFinder.isFree(slot, in: snapshot, now: now) else { throw StoreProblem.slotTaken }
    }

    static func normalisedPhone(_ phone: String?) throws(StoreProblem) -> String? {
        guard let phone, !phone.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        guard let normalised = FrenchPhone.normalised(phone) else {
            throw StoreProblem.rejected(rule: "not a phone number")
        }
        return normalised
    }
}
