// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation
import GRDB

/// What `AppDatabase.open` did to a damaged database file so the kiosk could keep running.
public struct RecoveryReport: Equatable, Sendable {
    /// Why the file was judged damaged (SQLite's message or the quick_check output).
    public var reason: String
    /// Where the damaged file (and its -wal/-shm) now lies, for an admin to inspect.
    public var movedTo: String
    /// The backup restored in its place, or nil when none was usable (the store starts empty).
    public var restoredFrom: String?
}

/// What `open` does with a store file that SQLite reports damaged.
public enum DamagePolicy: Sendable {
    /// Move it to `corrupt/` and put the newest sound backup in its place (or start empty),
    /// holding the data dir's lock exclusively. Only the kiosk does this, at start: a tool
    /// that moved the file would leave the running kiosk writing into the moved file while
    /// everyone else reads a new one.
    case recover
    /// Change nothing and throw `StoreProblem.corrupt` (admin tools, tests).
    case refuse
}

// MARK: - Opening

extension AppDatabase {
    /// Opens (or creates) the store in `dataDir`, ready to use.
    ///
    /// In order: creates the directory (0700); takes the data dir's lock (exclusive to
    /// recover, shared otherwise); runs `PRAGMA quick_check` on an existing file. A file whose
    /// structure is damaged is moved to `dataDir/corrupt/` and replaced by the latest sound
    /// backup from `dataDir/backups/` (or an empty store), and `storeRecovered` is journalled
    /// — with `.recover` only; `.refuse` throws `.corrupt` and changes nothing. Rows that only
    /// break a rule of the schema are not damage: they are listed in `rowProblems` and the
    /// store is used. Then the pending migrations run. Blocking; call once at start, off the
    /// render loop. Throws when the store cannot be used (read-only disk, unusable directory).
    public static func open(
        dataDir: URL, clock: StoreClock = .system, options: Options = Options(),
        ifDamaged policy: DamagePolicy = .refuse
    ) throws(StoreProblem) -> AppDatabase {
        let path = dataDir.appendingPathComponent(fileName).path
        do {
            try DataDirectory.createPrivate(dataDir)
        } catch {
            throw StoreProblem(error, path: dataDir.path)
        }
        let lock = try DataDirLock(dataDir: dataDir, exclusive: policy == .recover, timeout: options.busyTimeout)
        defer { lock.release() }

        var recovery: RecoveryReport?
        var rowProblems: [String] = []
        switch health(ofDatabaseAt: path, hasBackups: latestBackup(in: dataDir) != nil) {
        case .sound: break
        case .badRows(let lines): rowProblems = lines
        case .damaged(let reason):
            guard policy == .recover else { throw refusal(path: path, reason: reason) }
            recovery = try recover(dataDir: dataDir, reason: reason, clock: clock)
        }
        do {
            return try openPool(
                dataDir: dataDir, clock: clock, options: options, recovery: recovery, rowProblems: rowProblems)
        } catch let problem {
            // A file that passed quick_check can still fail deeper (e.g. a garbled index page
            // reached by a migration). It is damaged only if the full integrity check finds
            // the file's structure broken: a failure caused by one row keeps the store.
            guard case .corrupt(_, let detail) = problem, recovery == nil,
                case .damaged = health(ofDatabaseAt: path, hasBackups: true, full: true)
            else { throw problem }
            guard policy == .recover else { throw refusal(path: path, reason: detail) }
            recovery = try recover(dataDir: dataDir, reason: detail, clock: clock)
            return try openPool(dataDir: dataDir, clock: clock, options: options, recovery: recovery, rowProblems: [])
        }
    }

    private static func refusal(path: String, reason: String) -> StoreProblem {
        .corrupt(
            path: path,
            detail:
                "\(reason) (left as it is: the kiosk moves a damaged store aside "
                + "and restores the newest backup when it starts)"
        )
    }

    private static func openPool(
        dataDir: URL, clock: StoreClock, options: Options, recovery: RecoveryReport?,
        rowProblems: [String]
    ) throws(StoreProblem) -> AppDatabase {
        let path = dataDir.appendingPathComponent(fileName).path
        do {
            let pool = try DatabasePool(path: path, configuration: configuration(options))
            // GRDB's DatabasePool runs `PRAGMA synchronous = NORMAL` on its writer *after*
            // prepareDatabase (Database.setUpWALMode), which would make a commit survive a
            // crash but not a power cut. Put FULL back on the one writer connection, which
            // lives as long as the pool.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try migrator.migrate(pool)
            let unreadable = try pool.read { db in try unreadableRows(db) }
            let database = AppDatabase(
                dataDir: dataDir, writer: pool, clock: clock, options: options, recovery: recovery,
                rowProblems: rowProblems + unreadable)
            if let recovery {
                try database.appendJournal(
                    .storeRecovered(
                        reason: String(recovery.reason.prefix(200)),
                        movedTo: recovery.movedTo, restoredFrom: recovery.restoredFrom))
            }
            return database
        } catch {
            throw StoreProblem(error, path: path)
        }
    }

    // MARK: - Integrity

    /// What SQLite's check says about a file.
    enum Health: Equatable {
        case sound
        /// The file's structure is sound; these rows break a rule (NOT NULL, CHECK, an index
        /// entry missing), as SQLite words it.
        case badRows([String])
        /// The file itself is damaged: why.
        case damaged(String)
    }

    /// Runs `PRAGMA quick_check` (or the full `integrity_check`) on the file at `path`. An
    /// absent file is sound. Errors that are not damage (read-only, I/O) count as sound here:
    /// opening the pool will report them.
    static func health(ofDatabaseAt path: String, hasBackups: Bool, full: Bool = false) -> Health {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: path) else { return .sound }
        let size = (try? fileManager.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size == 0 {
            // SQLite would take an empty file for a new database and we would start empty
            // while a backup holds the data: an empty file next to backups is damage.
            let walSize = (try? fileManager.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
            return hasBackups && walSize == 0 ? .damaged("database file is empty") : .sound
        }
        let lines: [String]
        do {
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            lines = try queue.read { db in
                try String.fetchAll(db, sql: full ? "PRAGMA integrity_check" : "PRAGMA quick_check")
            }
        } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            return .damaged(error.message ?? "\(error)")
        } catch {
            return .sound
        }
        if lines == ["ok"] { return .sound }
        let structural = lines.filter { !isRowProblem($0) }
        return structural.isEmpty ? .badRows(lines) : .damaged(structural.prefix(5).joined(separator: "; "))
    }

    /// Whether a line of SQLite's check names rows that break a rule, rather than broken pages.
    static func isRowProblem(_ line: String) -> Bool {
        ["NULL value in ", "CHECK constraint failed in ", "non-unique entry in index ", "wrong # of entries in index "]
            .contains { line.hasPrefix($0) }
            || (line.hasPrefix("row ") && line.contains(" missing from index "))
    }

    /// Appointments whose personal columns hold something other than text. The tables are not
    /// STRICT, so SQLite's checks accept such a value, but the kiosk cannot read the row.
    static func unreadableRows(_ db: Database) throws -> [String] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT id, typeof(personName) AS name, typeof(personPhone) AS phone FROM appointment
                WHERE typeof(personName) NOT IN ('text', 'null') OR typeof(personPhone) NOT IN ('text', 'null')
                ORDER BY id LIMIT 20
                """
        ).map { row in
            let id: Int64 = row["id"], name: String = row["name"], phone: String = row["phone"]
            let column = ["text", "null"].contains(name) ? "personPhone holds \(phone)" : "personName holds \(name)"
            return "appointment row \(id): \(column), not text"
        }
    }

    /// nil when `PRAGMA quick_check` says ok, otherwise the reason (for backups, which must be
    /// wholly sound to be restored).
    static func quickCheck(path: String, readonly: Bool = false) -> String? {
        do {
            var config = Configuration()
            config.readonly = readonly
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            let lines = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
            return lines == ["ok"] ? nil : lines.prefix(5).joined(separator: "; ")
        } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            return error.message ?? "\(error)"
        } catch {
            return nil
        }
    }

    /// Full `PRAGMA integrity_check` of the open store: ["ok"] when sound.
    public func integrityCheck() throws(StoreProblem) -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    // MARK: - Recovery

    /// Moves the damaged file aside and puts the latest sound backup in its place.
    private static func recover(dataDir: URL, reason: String, clock: StoreClock) throws(StoreProblem) -> RecoveryReport
    {
        let fileManager = FileManager.default
        let path = dataDir.appendingPathComponent(fileName).path
        let corruptDir = dataDir.appendingPathComponent(DataDirectory.corrupt)
        let movedTo = corruptDir.appendingPathComponent("passerelle-\(timestamp(clock.now())).sqlite").path
        do {
            try DataDirectory.createPrivate(corruptDir)
            for suffix in ["", "-wal", "-shm"] where fileManager.fileExists(atPath: path + suffix) {
                try fileManager.moveItem(atPath: path + suffix, toPath: movedTo + suffix)
            }
            var restoredFrom: String?
            for backup in backups(in: dataDir).reversed() where quickCheck(path: backup.path, readonly: true) == nil {
                try fileManager.copyItem(atPath: backup.path, toPath: path)
                DataDirectory.makePrivate(file: path)
                restoredFrom = backup.path
                break
            }
            return RecoveryReport(reason: reason, movedTo: movedTo, restoredFrom: restoredFrom)
        } catch {
            throw StoreProblem(error, path: path)
        }
    }

    /// A sortable UTC stamp for file names: 20251122T101500.123Z.
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss.SSS'Z'"
        return formatter.string(from: date)
    }
}
