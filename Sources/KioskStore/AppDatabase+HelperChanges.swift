// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation
import GRDB
import KioskCore

/// What the helper did to an appointment's event in their own calendar, found by a sync.
public enum HelperChange: String, Sendable {
    /// The event was deleted, or marked STATUS:CANCELLED: the place cancelled.
    case cancelled
    /// The event was moved: the place moved the appointment.
    case moved
}

// MARK: - Changes made by helpers in their own calendars (issue 17)

extension AppDatabase {
    /// The helper deleted the appointment's event: the appointment is cancelled by the place
    /// (`revoked`), its event record closed, and the person told by SMS if they left a number
    /// (a notice in the outbox, in place of the reminder). Nothing happens to an appointment
    /// that no longer holds (already cancelled, honoured, past).
    public func cancelByHelper(_ uuid: UUID) throws(StoreProblem) {
        let now = clock.now()
        try write { db in
            guard let row = try Self.holding(uuid, in: db) else { return }
            let id: Int64 = row["id"]
            try db.execute(
                sql: "UPDATE appointment SET status = 'revoked', statusChangedAt = ? WHERE id = ?",
                arguments: [now, id])
            try db.execute(sql: "UPDATE appointment_remote SET state = 'gone' WHERE appointmentId = ?", arguments: [id])
            try Self.queueNotice(.cancelled, appointmentID: id, uuid: uuid, phone: row["personPhone"], now: now, in: db)
            try Self.insertJournal(.appointmentCancelled(appointment: uuid, status: .revoked), at: now, in: db)
            try Self.insertJournal(
                .note("appointment cancelled in the helper's calendar: \(uuid.uuidString)"), at: now, in: db)
        }
    }

    /// The helper moved the appointment's event to [start, end): the appointment moves (the
    /// helper decides; opening hours are not checked), and the person is told by SMS. Throws
    /// `.slotTaken` when the new time overlaps another appointment of the helper: the caller
    /// counts a conflict and leaves the appointment where it was.
    public func moveByHelper(_ uuid: UUID, start: Date, end: Date, etag: String?) throws(StoreProblem) {
        let now = clock.now()
        try write { db in
            guard let row = try Self.holding(uuid, in: db) else { return }
            let id: Int64 = row["id"]
            try db.execute(
                sql: "UPDATE appointment SET startsAt = ?, endsAt = ? WHERE id = ?", arguments: [start, end, id])
            try db.execute(
                sql: "UPDATE appointment_remote SET etag = ? WHERE appointmentId = ?", arguments: [etag, id])
            try Self.queueNotice(.moved, appointmentID: id, uuid: uuid, phone: row["personPhone"], now: now, in: db)
            try Self.insertJournal(
                .note("appointment moved in the helper's calendar: \(uuid.uuidString)"), at: now, in: db)
        }
    }

    /// The appointment's row when it still holds a future time, else nil.
    private static func holding(_ uuid: UUID, in db: Database) throws -> Row? {
        try Row.fetchOne(
            db, sql: "SELECT id, personPhone FROM appointment WHERE uuid = ? AND status = 'unknown'",
            arguments: [uuid.uuidString])
    }

    /// One SMS per appointment at most is queued (`outbox_one_reminder_per_appointment`): the
    /// notice takes the reminder's row, due now, under a new idempotency key.
    private static func queueNotice(
        _ change: HelperChange, appointmentID: Int64, uuid: UUID, phone: String?, now: Date, in db: Database
    ) throws {
        guard phone != nil else {
            try db.execute(
                sql: """
                    UPDATE outbox
                    SET status = 'abandoned', leaseUntil = NULL, doneAt = ?, lastError = 'changed by the helper'
                    WHERE appointmentId = ? AND status IN ('pending', 'in_flight')
                    """, arguments: [now, appointmentID])
            return
        }
        let payload = String(
            decoding: try JSONSerialization.data(
                withJSONObject: ["appointment": uuid.uuidString, "notice": change.rawValue], options: [.sortedKeys]),
            as: UTF8.self)
        try db.execute(
            sql: "DELETE FROM outbox WHERE appointmentId = ? AND kind = 'sms_reminder'", arguments: [appointmentID])
        try db.execute(
            sql: """
                INSERT INTO outbox (uuid, kind, payload, appointmentId, createdAt, nextAttemptAt)
                VALUES (?, 'sms_reminder', ?, ?, ?, ?)
                """, arguments: [UUID().uuidString, payload, appointmentID, now, now])
    }

    /// The SMS telling the person what the place changed.
    static func noticeText(_ change: HelperChange, _ booked: BookedAppointment, in language: Language) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = ParisTime.timeZone
        formatter.locale = Locale(identifier: language == .fr ? "fr_FR" : language == .en ? "en_GB" : "ar")
        formatter.setLocalizedDateFormatFromTemplate("EEEEdMMMMHHmm")
        let when = formatter.string(from: booked.appointment.startsAt)
        let service = booked.service.name[language], helper = booked.helper.firstName
        let place = booked.place?.name ?? ""
        let phone = booked.place?.phone
        switch (change, language) {
        case (.cancelled, .fr):
            return "\(place) annule votre rendez-vous « \(service) » avec \(helper), \(when)."
                + (phone.map { " Pour un autre rendez-vous, appelez le \($0) ou revenez à la borne." } ?? "")
        case (.cancelled, .en):
            return "\(place) has cancelled your appointment \"\(service)\" with \(helper), \(when)."
                + (phone.map { " For another time, call \($0) or come back to the kiosk." } ?? "")
        case (.cancelled, .ar):
            return "ألغى \(place) موعدكم «\(service)» مع \(helper)، \(when)."
                + (phone.map { " لموعد آخر، اتصلوا بالرقم \($0) أو عودوا إلى الجهاز." } ?? "")
        case (.moved, .fr):
            return "\(place) a déplacé votre rendez-vous « \(service) » avec \(helper) : \(when)."
                + (phone.map { " Empêché(e) ? Appelez le \($0)." } ?? "")
        case (.moved, .en):
            return "\(place) has moved your appointment \"\(service)\" with \(helper): \(when)."
                + (phone.map { " Cannot come? Call \($0)." } ?? "")
        case (.moved, .ar):
            return "غيّر \(place) موعدكم «\(service)» مع \(helper): \(when)."
                + (phone.map { " إذا لم تستطيعوا الحضور، اتصلوا بالرقم \($0)." } ?? "")
        }
    }
}
