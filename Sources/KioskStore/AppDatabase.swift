// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation
import GRDB

/// The kiosk's local store: one SQLite file in WAL mode, owned by this object.
///
/// `AppDatabase` owns the migrator and every write; each public write method is one
/// transaction that keeps the schema's invariants. Contracts that hold for every write:
/// - **Durability**: the method returns only after SQLite committed with `synchronous=FULL`,
///   i.e. after the WAL was fsynced. When it returns, the screen may say "saved": a power cut
///   will not lose it.
/// - **Failure**: it throws a `StoreProblem`; nothing of that write was saved and nothing saved
///   before is lost. The kiosk keeps the problem as state and shows it.
/// - **Threads**: every method blocks until done (an fsync takes milliseconds); call it from the
///   kiosk's effect queue, never from the render loop. Any thread may call; writes are
///   serialised, reads run concurrently with writes.
public final class AppDatabase: Sendable {
    /// Where the data lives (the database file, `backups/` and `corrupt/`).
    public let dataDir: URL
    /// The database file.
    public let path: String
    /// What `open` had to do to a damaged file, or nil when the file was sound.
    public let recovery: RecoveryReport?
    /// Rows that break the schema's rules or hold a value of the wrong type, found by `open`
    /// in a file that is otherwise sound (one line each, naming table and row, never a value).
    /// The store is kept and used; an admin fixes or deletes those rows.
    public let rowProblems: [String]

    let writer: any DatabaseWriter
    let clock: StoreClock
    /// The store's "now" (the injected clock): commands that pick dates use it too.
    public var now: Date { clock.now() }
    let options: Options

    /// Tunables; the defaults are the kiosk's.
    public struct Options: Sendable {
        /// How long a write waits for another process (e.g. the purge timer) holding the lock.
        public var busyTimeout: TimeInterval = 10
        /// A cap on the database size in bytes (SQLite `max_page_count`), or nil for none.
        /// Beyond it, writes fail with `StoreProblem.diskFull` like on a full disk.
        public var maxDatabaseBytes: Int? = nil
        /// How many backups `backup()` keeps in `backups/`.
        public var backupsToKeep: Int = 7
        /// An SMS reminder is due this long before the appointment (RDV Service Public: 48 h).
        public var reminderLead: TimeInterval = 48 * 3600
        /// Booked later than `reminderLead` before the start, the reminder is due at once, unless
        /// the appointment starts within this delay: then the person has just seen it on screen
        /// and no reminder is queued.
        public var reminderSkipWithin: TimeInterval = 2 * 3600

        public init(
            busyTimeout: TimeInterval = 10, maxDatabaseBytes: Int? = nil, backupsToKeep: Int = 7,
            reminderLead: TimeInterval = 48 * 3600, reminderSkipWithin: TimeInterval = 2 * 3600
        ) {
            self.busyTimeout = busyTimeout
            self.maxDatabaseBytes = maxDatabaseBytes
            self.backupsToKeep = backupsToKeep
            self.reminderLead = reminderLead
            self.reminderSkipWithin = reminderSkipWithin
        }

        /// When the reminder of an appointment starting at `start` is due, or nil for none.
        public func reminderDue(start: Date, now: Date) -> Date? {
            if start.timeIntervalSince(now) < reminderSkipWithin { return nil }
            return max(now, start.addingTimeInterval(-reminderLead))
        }
    }

    /// The file name of the database inside the data dir.
    public static let fileName = "passerelle.sqlite"

    init(
        dataDir: URL, writer: any DatabaseWriter, clock: StoreClock, options: Options, recovery: RecoveryReport?,
        rowProblems: [String] = []
    ) {
        self.dataDir = dataDir
        self.path = writer.path
        self.writer = writer
        self.clock = clock
        self.options = options
        self.recovery = recovery
        self.rowProblems = rowProblems
    }

    /// A store in memory, migrated, with nothing on disk: for tests and screen previews.
    /// Same schema and invariants as the file store; `backup()` writes into `dataDir`
    /// (a temporary directory by default).
    public static func inMemory(clock: StoreClock = .system, options: Options = Options()) throws(StoreProblem)
        -> AppDatabase
    {
        do {
            let queue = try DatabaseQueue(configuration: configuration(options))
            try migrator.migrate(queue)
            let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent(
                "passerelle-memory-\(UUID().uuidString)")
            return AppDatabase(dataDir: dataDir, writer: queue, clock: clock, options: options, recovery: nil)
        } catch {
            throw StoreProblem(error, path: ":memory:")
        }
    }

    /// A read-only view of the store for screens and reports. Reads see only committed data.
    /// Writing through it is a programmer error: every write goes through `AppDatabase`.
    public var reader: any DatabaseReader { writer }

    /// GRDB configuration shared by the pool and the tools: WAL (set by DatabasePool),
    /// foreign keys, synchronous=FULL and secure_delete on every connection, busy timeout,
    /// optional size cap.
    static func configuration(_ options: Options, readonly: Bool = false) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.readonly = readonly
        config.busyMode = .timeout(options.busyTimeout)
        config.label = "KioskStore"
        let maxBytes = options.maxDatabaseBytes
        config.prepareDatabase { db in
            // FULL: in WAL mode the WAL is fsynced at every commit, so a commit that returned
            // survives a power cut (NORMAL would only guarantee consistency, not durability).
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Freed space (an erased name, an updated row's old copy) is overwritten with zeros
            // instead of lingering in the file, the WAL and every backup made from them. It is
            // a per-connection setting: the kiosk's connections and the tools' all need it.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            if let maxBytes {
                let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
                try db.execute(sql: "PRAGMA max_page_count = \(max(1, maxBytes / pageSize))")
            }
        }
        return config
    }

    // MARK: - Writes

    /// Runs `body` in one durable transaction and maps any failure to a `StoreProblem`.
    func write<T>(_ body: (Database) throws -> T) throws(StoreProblem) -> T {
        do {
            return try writer.write(body)
        } catch {
            throw StoreProblem(error, path: path)
        }
    }

    /// Runs `body` against a read-only snapshot and maps failures to a `StoreProblem`.
    func read<T>(_ body: (Database) throws -> T) throws(StoreProblem) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StoreProblem(error, path: path)
        }
    }

    static func insertJournal(_ event: JournalEvent, at date: Date, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO journal (recordedAt, kind, payload) VALUES (?, ?, ?)",
            arguments: [date, event.kind.rawValue, event.payloadJSON])
    }
}

// MARK: - Visits and journal (what the kiosk calls on every visit)

extension AppDatabase {
    /// Saves the start of an anonymous visit. Durable when it returns.
    /// - Parameter language: the interface language code ("fr", "ar", "uk"…).
    public func startVisit(language: String, at date: Date? = nil) throws(StoreProblem) -> VisitID {
        let date = date ?? clock.now()
        return try write { db in
            try db.execute(
                sql: "INSERT INTO visit (startedAt, language) VALUES (?, ?)",
                arguments: [date, language])
            return VisitID(rawValue: db.lastInsertedRowID)
        }
    }

    /// Saves the end of a visit with the journeys taken, in order (e.g. ["diagnostic", "booking"]).
    /// `language`, when given, replaces the one the visit started in (the person switched).
    /// Throws `.notFound` for an unknown id and `.rejected` if the visit already ended.
    public func endVisit(
        _ id: VisitID, at date: Date? = nil, journeys: [String], language: String? = nil,
        endReason: VisitEndReason
    ) throws(StoreProblem) {
        let date = date ?? clock.now()
        try write { db in
            try db.execute(
                sql:
                    "UPDATE visit SET endedAt = ?, endReason = ?, language = coalesce(?, language) "
                    + "WHERE id = ? AND endedAt IS NULL",
                arguments: [date, endReason.rawValue, language, id.rawValue])
            guard db.changesCount == 1 else {
                let exists =
                    try Bool.fetchOne(db, sql: "SELECT 1 FROM visit WHERE id = ?", arguments: [id.rawValue]) ?? false
                throw exists
                    ? StoreProblem.rejected(rule: "visit \(id) already ended")
                    : StoreProblem.notFound(what: "visit \(id)")
            }
            for (position, journey) in journeys.enumerated() {
                try db.execute(
                    sql: "INSERT INTO visit_journey (visitId, position, journey) VALUES (?, ?, ?)",
                    arguments: [id.rawValue, position, journey])
            }
        }
    }

    /// Appends one event to the journal. Durable when it returns; returns the entry id.
    @discardableResult
    public func appendJournal(_ event: JournalEvent, at date: Date? = nil) throws(StoreProblem) -> Int64 {
        let date = date ?? clock.now()
        return try write { db in
            try Self.insertJournal(event, at: date, in: db)
            return db.lastInsertedRowID
        }
    }

    /// The visit with this id, or nil.
    public func visit(_ id: VisitID) throws(StoreProblem) -> Visit? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM visit WHERE id = ?", arguments: [id.rawValue])
            else { return nil }
            let journeys = try String.fetchAll(
                db, sql: "SELECT journey FROM visit_journey WHERE visitId = ? ORDER BY position",
                arguments: [id.rawValue])
            return Visit(
                id: id, startedAt: row["startedAt"], endedAt: row["endedAt"], language: row["language"],
                journeys: journeys, endReason: (row["endReason"] as String?).flatMap(VisitEndReason.init))
        }
    }

    /// Journal entries, oldest first, optionally only those recorded at or after `since`.
    public func journal(since: Date? = nil, limit: Int = 1000) throws(StoreProblem) -> [JournalEntry] {
        try read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM journal WHERE recordedAt >= ? ORDER BY id LIMIT ?",
                arguments: [since ?? Date.distantPast, limit])
            return rows.compactMap { row in
                JournalEvent(kind: row["kind"], payloadJSON: row["payload"]).map {
                    JournalEntry(id: row["id"], recordedAt: row["recordedAt"], event: $0)
                }
            }
        }
    }
}
