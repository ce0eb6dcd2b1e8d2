// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation
import GRDB

/// How long the store keeps what. The defaults are the safe ones; shorter is always allowed.
public struct RetentionPolicy: Equatable, Sendable {
    /// Days after an appointment (or its cancellation) before the person's name and phone are
    /// erased. The appointment itself stays, anonymised, for the figures.
    public var personalDataDays: Int = 7
    /// Months the audit journal is kept (CNIL: 6–12 months for audit logs).
    public var journalMonths: Int = 12
    /// Days a sent or abandoned outbox message is kept (for support), then deleted.
    public var outboxDoneDays: Int = 30

    public init(personalDataDays: Int = 7, journalMonths: Int = 12, outboxDoneDays: Int = 30) {
        self.personalDataDays = personalDataDays
        self.journalMonths = journalMonths
        self.outboxDoneDays = outboxDoneDays
    }

    /// The ranges `passerellectl purge` accepts: long enough to serve, short enough to be lawful.
    public static let personalDataDaysRange = 0...90
    public static let journalMonthsRange = 1...24
    public static let outboxDoneDaysRange = 0...365
}

/// What one purge did (also the payload of its `purgeCompleted` journal event).
public struct PurgeReport: Equatable, Sendable {
    public var appointmentsAnonymised = 0
    public var remindersSilenced = 0
    public var journalEntriesDeleted = 0
    public var outboxMessagesDeleted = 0

    public init(appointmentsAnonymised: Int = 0, remindersSilenced: Int = 0, journalEntriesDeleted: Int = 0,
                outboxMessagesDeleted: Int = 0) {
        self.appointmentsAnonymised = appointmentsAnonymised
        self.remindersSilenced = remindersSilenced
        self.journalEntriesDeleted = journalEntriesDeleted
        self.outboxMessagesDeleted = outboxMessagesDeleted
    }

    var payload: [String: String] {
        [
            "appointmentsAnonymised": String(appointmentsAnonymised),
            "remindersSilenced": String(remindersSilenced),
            "journalEntriesDeleted": String(journalEntriesDeleted),
            "outboxMessagesDeleted": String(outboxMessagesDeleted),
        ]
    }

    init(payload: [String: String]) {
        let count = { (key: String) in Int(payload[key] ?? "") ?? 0 }
        self.init(
            appointmentsAnonymised: count("appointmentsAnonymised"), remindersSilenced: count("remindersSilenced"),
            journalEntriesDeleted: count("journalEntriesDeleted"), outboxMessagesDeleted: count("outboxMessagesDeleted"))
    }
}

// MARK: - Purge

extension AppDatabase {
    /// Erases what the policy says is no longer needed, in one durable transaction, and
    /// journals a `purgeCompleted` event with the counts. Idempotent: a second run with the
    /// same clock changes nothing but adds a journal entry with zero counts.
    /// Anonymous figures (visits, diagnostics, anonymised appointments) are kept.
    @discardableResult
    public func purge(_ policy: RetentionPolicy = RetentionPolicy()) throws(StoreProblem) -> PurgeReport {
        let now = clock.now()
        let calendar = ParisCalendar.calendar
        let personalCutoff = now.addingTimeInterval(-Double(policy.personalDataDays) * 86_400)
        let journalCutoff = calendar.date(byAdding: .month, value: -policy.journalMonths, to: now)!
        let outboxCutoff = now.addingTimeInterval(-Double(policy.outboxDoneDays) * 86_400)
        return try write { db in
            var report = PurgeReport()
            // Reminders of appointments about to be anonymised can no longer be sent.
            try db.execute(sql: """
                UPDATE outbox SET status = 'abandoned', leaseUntil = NULL, doneAt = ?,
                  lastError = 'personal data erased'
                WHERE status IN ('pending', 'in_flight') AND kind = 'sms_reminder' AND appointmentId IN (
                  SELECT id FROM appointment WHERE anonymisedAt IS NULL
                    AND (endsAt < ? OR (statusChangedAt < ? AND status IN ('excused', 'revoked'))))
                """, arguments: [now, personalCutoff, personalCutoff])
            report.remindersSilenced = db.changesCount
            try db.execute(sql: """
                UPDATE appointment SET personName = NULL, personPhone = NULL, anonymisedAt = ?
                WHERE anonymisedAt IS NULL
                  AND (endsAt < ? OR (statusChangedAt < ? AND status IN ('excused', 'revoked')))
                """, arguments: [now, personalCutoff, personalCutoff])
            report.appointmentsAnonymised = db.changesCount

            // The journal's delete trigger lets rows older than the cutoff go while it is set.
            try db.execute(sql: "UPDATE purge_lock SET journalCutoff = ? WHERE id = 1", arguments: [journalCutoff])
            try db.execute(sql: "DELETE FROM journal WHERE recordedAt < ?", arguments: [journalCutoff])
            report.journalEntriesDeleted = db.changesCount
            try db.execute(sql: "UPDATE purge_lock SET journalCutoff = NULL WHERE id = 1")

            try db.execute(
                sql: "DELETE FROM outbox WHERE status IN ('sent', 'abandoned') AND doneAt < ?",
                arguments: [outboxCutoff])
            report.outboxMessagesDeleted = db.changesCount

            try Self.insertJournal(.purgeCompleted(report), at: now, in: db)
            return report
        }
    }
}
