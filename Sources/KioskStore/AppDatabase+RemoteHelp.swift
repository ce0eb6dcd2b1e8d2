// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation
import GRDB

// MARK: - Remote help: what the journal keeps (never screen content or keystrokes)

extension AppDatabase {
    /// The person took back control: the aidant only sees again.
    public func withdrawRemoteControl(_ session: UUID) throws(StoreProblem) {
        let now = clock.now()
        try write { db in
            try Self.insertJournal(.remoteConsentWithdrawn(session: session, control: true), at: now, in: db)
        }
    }

    /// A viewer gave the request's one-time secret.
    public func noteRemoteConnected(request: UUID?) throws(StoreProblem) {
        let now = clock.now()
        try write { db in try Self.insertJournal(.remoteConnected(request: request), at: now, in: db) }
    }

    /// The person said no, or did not answer, or left: nobody saw the screen.
    public func noteRemoteConsentRefused(request: UUID?, reason: String) throws(StoreProblem) {
        let now = clock.now()
        try write { db in
            try Self.insertJournal(.remoteConsentRefused(request: request, reason: reason), at: now, in: db)
        }
    }

    /// A connection turned away before it saw anything.
    public func noteRemoteConnectionRefused(reason: String) throws(StoreProblem) {
        let now = clock.now()
        try write { db in
            try Self.insertJournal(.remoteConnectionRefused(reason: String(reason.prefix(200))), at: now, in: db)
        }
    }

    /// Queues the help request's hook message (the webhook kind). The one-time secret is not in
    /// `payload`: the kiosk adds it in memory when it sends, so it is never written to disk.
    public func enqueueHelpHook(payload: [String: String], maxAttempts: Int = 6) throws(StoreProblem) -> UUID {
        let now = clock.now()
        return try write { db in
            let uuid = try Self.insertOutbox(
                kind: .webhook, payload: payload, appointmentID: nil, notBefore: now, now: now, in: db)
            try db.execute(
                sql: "UPDATE outbox SET maxAttempts = ? WHERE uuid = ?", arguments: [maxAttempts, uuid.uuidString])
            return uuid
        }
    }

    /// Claims one message for an attempt (the help hook sends its own message, at once);
    /// false when it is not pending (sent, abandoned, or another sender has it).
    public func claimMessage(_ uuid: UUID, lease: TimeInterval = 120) throws(StoreProblem) -> Bool {
        let now = clock.now()
        return try write { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET status = 'in_flight', leaseUntil = ?, attempts = attempts + 1
                    WHERE uuid = ? AND status = 'pending'
                    """, arguments: [now.addingTimeInterval(lease), uuid.uuidString])
            return db.changesCount == 1
        }
    }

    // MARK: v5-remote-help-journal

    /// Remote help journals the viewer's connection, a refused consent and a refused connection.
    @Sendable static func addRemoteHelpJournalKinds(_ db: Database) throws {
        for kind in ["remote_connected", "remote_consent_refused", "remote_connection_refused"] {
            try db.execute(sql: "INSERT INTO journal_kind (name) VALUES (?)", arguments: [kind])
        }
    }
}
