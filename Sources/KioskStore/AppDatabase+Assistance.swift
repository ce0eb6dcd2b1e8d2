// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation
import GRDB

// MARK: - Diagnostic results

extension AppDatabase {
    /// Saves an anonymous diagnostic result; returns its uuid. Durable when it returns.
    public func recordDiagnostic(_ result: DiagnosticResult) throws(StoreProblem) -> UUID {
        let uuid = UUID()
        let scores = String(
            decoding: try! JSONSerialization.data(withJSONObject: result.scores, options: [.sortedKeys]), as: UTF8.self)
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO diagnostic (uuid, visitId, completedAt, language, autonomie, profile, scores)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    uuid.uuidString, result.visitID?.rawValue, result.completedAt, result.language,
                    result.autonomie.rawValue, result.profile?.rawValue, scores,
                ])
        }
        return uuid
    }

    /// Links a diagnostic to an appointment so the helper sees it, which the person agreed to
    /// at `consentAt`. The schema refuses a link without a consent date.
    public func shareDiagnostic(_ diagnostic: UUID, with appointment: UUID, consentAt: Date) throws(StoreProblem) {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE diagnostic SET sharingConsentAt = ?,
                      appointmentId = (SELECT id FROM appointment WHERE uuid = ?)
                    WHERE uuid = ?
                    """, arguments: [consentAt, appointment.uuidString, diagnostic.uuidString])
            guard db.changesCount == 1 else { throw StoreProblem.notFound(what: "diagnostic \(diagnostic)") }
        }
    }
}

// MARK: - Help requests and remote sessions

extension AppDatabase {
    /// Saves that a person asked for a human; returns the request uuid. Journals `helpRequested`.
    public func recordHelpRequest(channel: HelpChannel, thematique: String? = nil, visit: VisitID? = nil)
        throws(StoreProblem) -> UUID
    {
        let uuid = UUID()
        let now = clock.now()
        try write { db in
            try db.execute(
                sql:
                    "INSERT INTO help_request (uuid, visitId, requestedAt, channel, thematique) VALUES (?, ?, ?, ?, ?)",
                arguments: [uuid.uuidString, visit?.rawValue, now, channel.rawValue, thematique])
            try Self.insertJournal(.helpRequested(request: uuid, channel: channel), at: now, in: db)
        }
        return uuid
    }

    /// Closes a help request with its outcome.
    public func closeHelpRequest(_ uuid: UUID, outcome: HelpOutcome) throws(StoreProblem) {
        let now = clock.now()
        try write { db in
            try db.execute(
                sql: "UPDATE help_request SET outcome = ?, closedAt = ? WHERE uuid = ? AND closedAt IS NULL",
                arguments: [outcome.rawValue, now, uuid.uuidString])
            guard db.changesCount == 1 else { throw StoreProblem.notFound(what: "open help request \(uuid)") }
        }
    }

    /// Starts a remote-help session after the person consented to be seen at `viewConsentAt`.
    /// Journals the consent and the start; returns the session uuid.
    public func startRemoteSession(helpRequest: UUID?, viewConsentAt: Date) throws(StoreProblem) -> UUID {
        let uuid = UUID()
        let now = clock.now()
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO remote_session (uuid, helpRequestId, viewConsentAt, startedAt)
                    VALUES (?, (SELECT id FROM help_request WHERE uuid = ?), ?, ?)
                    """, arguments: [uuid.uuidString, helpRequest?.uuidString, viewConsentAt, now])
            try Self.insertJournal(.remoteConsentGiven(session: uuid, control: false), at: viewConsentAt, in: db)
            try Self.insertJournal(.remoteSessionStarted(session: uuid), at: now, in: db)
        }
        return uuid
    }

    /// Records the second consent: the helper may operate the kiosk's own screens.
    public func grantRemoteControl(_ session: UUID) throws(StoreProblem) {
        let now = clock.now()
        try write { db in
            try db.execute(
                sql: "UPDATE remote_session SET controlConsentAt = ? WHERE uuid = ? AND endedAt IS NULL",
                arguments: [now, session.uuidString])
            guard db.changesCount == 1 else { throw StoreProblem.notFound(what: "running remote session \(session)") }
            try Self.insertJournal(.remoteConsentGiven(session: session, control: true), at: now, in: db)
        }
    }

    /// Ends a remote-help session.
    public func endRemoteSession(_ session: UUID, reason: RemoteSessionEndReason, bytesSent: Int = 0)
        throws(StoreProblem)
    {
        let now = clock.now()
        try write { db in
            try db.execute(
                sql: "UPDATE remote_session SET endedAt = ?, endReason = ? WHERE uuid = ? AND endedAt IS NULL",
                arguments: [now, reason.rawValue, session.uuidString])
            guard db.changesCount == 1 else { throw StoreProblem.notFound(what: "running remote session \(session)") }
            try Self.insertJournal(
                .remoteSessionEnded(session: session, reason: reason, bytesSent: bytesSent), at: now, in: db)
        }
    }
}

// MARK: - The admin PIN

extension AppDatabase {
    /// Wrong admin PINs in a row (since the last accepted one) and when the last was typed.
    public func adminPinHistory() throws(StoreProblem) -> (failures: Int, lastFailureAt: Date?) {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT kind, payload, recordedAt FROM journal
                        WHERE kind IN ('admin_pin_rejected', 'admin_pin_accepted') ORDER BY id DESC LIMIT 1
                        """)
            else { return (0, nil) }
            guard let kind = try? row.decode(String.self, forColumn: "kind"),
                let payload = try? row.decode(String.self, forColumn: "payload"),
                case .adminPinRejected(let failures)? = JournalEvent(kind: kind, payloadJSON: payload)
            else { return (0, nil) }
            return (failures, try? row.decode(Date.self, forColumn: "recordedAt"))
        }
    }
}
