// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation
import GRDB

/// What an outbox message is for.
public enum OutboxKind: String, CaseIterable, Sendable {
    case smsReminder = "sms_reminder"
    case webhook
    case printJob = "print_job"
}

/// One message claimed for sending.
public struct OutboxMessage: Equatable, Sendable {
    /// The idempotency key: send it with every attempt; the receiver deduplicates on it.
    public var uuid: UUID
    public var kind: OutboxKind
    /// Flat JSON object (no personal data: an SMS reminder names its appointment, not a phone).
    public var payload: [String: String]
    /// 1 for the first attempt.
    public var attempt: Int
}

// MARK: - Outbox
//
// Delivery is at-least-once from the kiosk's side with a stable idempotency key, which is
// exactly-once for a receiver that deduplicates on the key. A sender claims due messages
// (a lease), sends, then marks them sent or failed. A sender that dies mid-send leaves its lease
// to expire; the message is then claimed again with the same key.

extension AppDatabase {
    /// First retry after 1 minute, doubling, at most 6 hours apart.
    public static func outboxBackoff(afterAttempt attempt: Int) -> TimeInterval {
        min(60 * pow(2, Double(max(0, attempt - 1))), 6 * 3600)
    }

    /// Queues a message for the outside world, to send at or after `notBefore`; returns its key.
    @discardableResult
    public func enqueue(_ kind: OutboxKind, payload: [String: String], notBefore: Date? = nil) throws(StoreProblem)
        -> UUID
    {
        let now = clock.now()
        return try write { db in
            try Self.insertOutbox(
                kind: kind, payload: payload, appointmentID: nil, notBefore: notBefore ?? now, now: now, in: db)
        }
    }

    /// Claims up to `limit` due messages (of `kinds`, or all) for `lease` seconds and counts the
    /// attempt. Claiming is a write transaction: two senders never claim the same message.
    public func claimDueMessages(limit: Int = 10, lease: TimeInterval = 120, kinds: Set<OutboxKind>? = nil)
        throws(StoreProblem) -> [OutboxMessage]
    {
        let kindList = (kinds ?? Set(OutboxKind.allCases)).map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")
        let now = clock.now()
        return try write { db in
            // Leases that expired with no attempts left end here.
            let expired = try Row.fetchAll(
                db,
                sql: """
                    SELECT uuid, kind, attempts FROM outbox
                    WHERE status = 'in_flight' AND leaseUntil <= ? AND attempts >= maxAttempts
                    """, arguments: [now])
            for row in expired {
                try Self.abandon(
                    uuid: row["uuid"], kind: row["kind"], attempts: row["attempts"], error: "lease expired", now: now,
                    in: db)
            }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, uuid, kind, payload, attempts FROM outbox
                    WHERE ((status = 'pending' AND nextAttemptAt <= ?) OR (status = 'in_flight' AND leaseUntil <= ?))
                      AND kind IN (\(kindList))
                    ORDER BY nextAttemptAt, id LIMIT ?
                    """, arguments: [now, now, limit])
            let path = self.path
            return try rows.map { row in
                // A damaged row is a corrupt store, said without its contents; it must not trap.
                guard let id = try? row.decode(Int64.self, forColumn: "id"),
                    let uuid = (try? row.decode(String.self, forColumn: "uuid")).flatMap(UUID.init(uuidString:)),
                    let kind = (try? row.decode(String.self, forColumn: "kind")).flatMap(OutboxKind.init(rawValue:)),
                    let attempts = try? row.decode(Int.self, forColumn: "attempts")
                else {
                    throw StoreProblem.corrupt(
                        path: path, detail: "an outbox row cannot be read (id, uuid, kind or attempts)")
                }
                try db.execute(
                    sql: "UPDATE outbox SET status = 'in_flight', leaseUntil = ?, attempts = attempts + 1 WHERE id = ?",
                    arguments: [now.addingTimeInterval(lease), id])
                let text = (try? row.decode(String?.self, forColumn: "payload")) ?? nil
                let payload = text.flatMap {
                    (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: String]
                }
                return OutboxMessage(uuid: uuid, kind: kind, payload: payload ?? [:], attempt: attempts + 1)
            }
        }
    }

    /// The receiver accepted the message.
    public func markSent(_ uuid: UUID) throws(StoreProblem) {
        let now = clock.now()
        try write { db in
            try db.execute(
                sql:
                    "UPDATE outbox SET status = 'sent', leaseUntil = NULL, doneAt = ?, lastError = NULL "
                    + "WHERE uuid = ? AND status = 'in_flight'",
                arguments: [now, uuid.uuidString])
        }
    }

    /// The attempt failed: retry after the backoff, or abandon (and journal it) after the last attempt.
    public func markFailed(_ uuid: UUID, error: String) throws(StoreProblem) {
        let now = clock.now()
        try write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT kind, attempts, maxAttempts FROM outbox WHERE uuid = ? AND status = 'in_flight'",
                    arguments: [uuid.uuidString])
            else { return }
            let attempts: Int = row["attempts"]
            if attempts >= row["maxAttempts"] {
                try Self.abandon(
                    uuid: uuid.uuidString, kind: row["kind"], attempts: attempts, error: error, now: now, in: db)
            } else {
                try db.execute(
                    sql:
                        "UPDATE outbox SET status = 'pending', leaseUntil = NULL, lastError = ?, "
                        + "nextAttemptAt = ? WHERE uuid = ?",
                    arguments: [
                        String(error.prefix(500)), now.addingTimeInterval(Self.outboxBackoff(afterAttempt: attempts)),
                        uuid.uuidString,
                    ])
            }
        }
    }

    /// Gives up on a message that can never be delivered (e.g. its appointment lost its phone
    /// number to the retention purge). Journals `outboxAbandoned`.
    public func abandonMessage(_ uuid: UUID, reason: String) throws(StoreProblem) {
        let now = clock.now()
        try write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT kind, attempts FROM outbox WHERE uuid = ? AND status IN ('pending', 'in_flight')",
                    arguments: [uuid.uuidString])
            else { return }
            try Self.abandon(
                uuid: uuid.uuidString, kind: row["kind"], attempts: row["attempts"], error: reason, now: now, in: db)
        }
    }

    static func insertOutbox(
        kind: OutboxKind, payload: [String: String], appointmentID: Int64?, notBefore: Date, now: Date, in db: Database
    ) throws -> UUID {
        let uuid = UUID()
        let json = String(
            decoding: try JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys]), as: UTF8.self)
        try db.execute(
            sql:
                "INSERT INTO outbox (uuid, kind, payload, appointmentId, createdAt, nextAttemptAt) "
                + "VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [uuid.uuidString, kind.rawValue, json, appointmentID, now, notBefore])
        return uuid
    }

    private static func abandon(uuid: String, kind: String, attempts: Int, error: String, now: Date, in db: Database)
        throws
    {
        try db.execute(
            sql: "UPDATE outbox SET status = 'abandoned', leaseUntil = NULL, doneAt = ?, lastError = ? WHERE uuid = ?",
            arguments: [now, String(error.prefix(500)), uuid])
        if let id = UUID(uuidString: uuid), let kind = OutboxKind(rawValue: kind) {
            try insertJournal(.outboxAbandoned(message: id, kind: kind, attempts: attempts), at: now, in: db)
        }
    }
}
