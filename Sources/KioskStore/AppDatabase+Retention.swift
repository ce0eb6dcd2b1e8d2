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
    /// Appointments erased in backups and in damaged stores moved aside.
    public var copiesAnonymised = 0
    /// Files deleted: screenshots and moved-aside stores past retention, leftover tickets and
    /// unfinished backups, copies that could not be erased, calendars of helpers gone.
    public var filesDeleted = 0

    public init(
        appointmentsAnonymised: Int = 0, remindersSilenced: Int = 0, journalEntriesDeleted: Int = 0,
        outboxMessagesDeleted: Int = 0, copiesAnonymised: Int = 0, filesDeleted: Int = 0
    ) {
        self.appointmentsAnonymised = appointmentsAnonymised
        self.remindersSilenced = remindersSilenced
        self.journalEntriesDeleted = journalEntriesDeleted
        self.outboxMessagesDeleted = outboxMessagesDeleted
        self.copiesAnonymised = copiesAnonymised
        self.filesDeleted = filesDeleted
    }

    var payload: [String: String] {
        [
            "appointmentsAnonymised": String(appointmentsAnonymised),
            "remindersSilenced": String(remindersSilenced),
            "journalEntriesDeleted": String(journalEntriesDeleted),
            "outboxMessagesDeleted": String(outboxMessagesDeleted),
            "copiesAnonymised": String(copiesAnonymised),
            "filesDeleted": String(filesDeleted),
        ]
    }

    init(payload: [String: String]) {
        let count = { (key: String) in Int(payload[key] ?? "") ?? 0 }
        self.init(
            appointmentsAnonymised: count("appointmentsAnonymised"), remindersSilenced: count("remindersSilenced"),
            journalEntriesDeleted: count("journalEntriesDeleted"),
            outboxMessagesDeleted: count("outboxMessagesDeleted"),
            copiesAnonymised: count("copiesAnonymised"), filesDeleted: count("filesDeleted"))
    }
}

// MARK: - Purge

extension AppDatabase {
    /// Erases what the policy says is no longer needed and journals a `purgeCompleted` event
    /// with the counts. Idempotent: a second run with the same clock changes nothing but adds
    /// a journal entry with zero counts. Anonymous figures (visits, diagnostics, anonymised
    /// appointments) are kept.
    ///
    /// In order: the store, in one durable transaction; the same erasure in every backup and
    /// moved-aside store (`purgeCopies`); screenshots and leftovers (`pruneFiles`); every
    /// helper's calendar, rewritten; the journal entry; then the WAL is checkpointed and
    /// truncated, so no file under the data dir keeps an erased name. A failure after the
    /// transaction throws; the next run finishes the job.
    @discardableResult
    public func purge(_ policy: RetentionPolicy = RetentionPolicy()) throws(StoreProblem) -> PurgeReport {
        let now = clock.now()
        let calendar = ParisCalendar.calendar
        let personalCutoff = now.addingTimeInterval(-Double(policy.personalDataDays) * 86_400)
        let journalCutoff = calendar.date(byAdding: .month, value: -policy.journalMonths, to: now)!
        let outboxCutoff = now.addingTimeInterval(-Double(policy.outboxDoneDays) * 86_400)
        var report = try write { db in
            var report = PurgeReport()
            // Reminders of appointments about to be anonymised can no longer be sent.
            try db.execute(
                sql: """
                    UPDATE outbox SET status = 'abandoned', leaseUntil = NULL, doneAt = ?,
                      lastError = 'personal data erased'
                    WHERE status IN ('pending', 'in_flight') AND kind = 'sms_reminder' AND appointmentId IN (
                      SELECT id FROM appointment WHERE anonymisedAt IS NULL
                        AND (endsAt < ? OR (statusChangedAt < ? AND status IN ('excused', 'revoked'))))
                    """, arguments: [now, personalCutoff, personalCutoff])
            report.remindersSilenced = db.changesCount
            try db.execute(sql: Self.anonymiseSQL, arguments: [now, personalCutoff, personalCutoff])
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
            return report
        }
        purgeCopies(cutoff: personalCutoff, now: now, into: &report)
        pruneFiles(cutoff: personalCutoff, now: now, into: &report)
        try rewriteCalendarsAfterPurge(now: now, into: &report)
        try appendJournal(.purgeCompleted(report), at: now)
        try truncateWAL()
        return report
    }
}
