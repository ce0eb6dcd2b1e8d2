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

// MARK: - Opening

extension AppDatabase {
    /// Opens (or creates) the store in `dataDir`, ready to use.
    ///
    /// In order: creates the directory; runs `PRAGMA quick_check` on an existing file; if the
    /// file is damaged, moves it to `dataDir/corrupt/`, restores the latest sound backup from
    /// `dataDir/backups/` (or starts empty) and journals `storeRecovered`; then applies the
    /// pending migrations. Blocking; call once at start, off the render loop.
    /// Throws only when the store cannot be used at all (read-only disk, unusable directory).
    public static func open(dataDir: URL, clock: StoreClock = .system, options: Options = Options())
        throws(StoreProblem) -> AppDatabase
    {
        let fileManager = FileManager.default
        let path = dataDir.appendingPathComponent(fileName).path
        do {
            try fileManager.createDirectory(at: dataDir, withIntermediateDirectories: true)
        } catch {
            throw StoreProblem(error, path: dataDir.path)
        }

        var recovery: RecoveryReport?
        if let damage = damage(ofDatabaseAt: path, hasBackups: latestBackup(in: dataDir) != nil) {
            recovery = try recover(dataDir: dataDir, reason: damage, clock: clock)
        }
        do {
            return try openPool(dataDir: dataDir, clock: clock, options: options, recovery: recovery)
        } catch let problem {
            // A file that passed quick_check can still fail deeper (e.g. a garbled index page
            // reached by a migration). Recover once, then give up with the problem.
            guard case .corrupt(_, let detail) = problem, recovery == nil else { throw problem }
            recovery = try recover(dataDir: dataDir, reason: detail, clock: clock)
            return try openPool(dataDir: dataDir, clock: clock, options: options, recovery: recovery)
        }
    }

    private static func openPool(dataDir: URL, clock: StoreClock, options: Options, recovery: RecoveryReport?)
        throws(StoreProblem) -> AppDatabase
    {
        let path = dataDir.appendingPathComponent(fileName).path
        do {
            let pool = try DatabasePool(path: path, configuration: configuration(options))
            // GRDB's DatabasePool runs `PRAGMA synchronous = NORMAL` on its writer *after*
            // prepareDatabase (Database.setUpWALMode), which would make a commit survive a
            // crash but not a power cut. Put FULL back on the one writer connection, which
            // lives as long as the pool.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try migrator.migrate(pool)
            let database = AppDatabase(dataDir: dataDir, writer: pool, clock: clock, options: options, recovery: recovery)
            if let recovery {
                try database.appendJournal(.storeRecovered(
                    reason: String(recovery.reason.prefix(200)),
                    movedTo: recovery.movedTo, restoredFrom: recovery.restoredFrom))
            }
            return database
        } catch {
            throw StoreProblem(error, path: path)
        }
    }

    // MARK: - Integrity

    /// Runs `PRAGMA quick_check` on the file at `path` and returns why it is damaged, or nil if
    /// it is sound or absent. Errors that are not damage (read-only, I/O) are not reported here:
    /// opening the pool will report them.
    static func damage(ofDatabaseAt path: String, hasBackups: Bool) -> String? {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: path) else { return nil }
        let size = (try? fileManager.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size == 0 {
            // SQLite would take an empty file for a new database and we would start empty
            // while a backup holds the data: an empty file next to backups is damage.
            let walSize = (try? fileManager.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
            return hasBackups && walSize == 0 ? "database file is empty" : nil
        }
        return quickCheck(path: path)
    }

    /// nil when `PRAGMA quick_check` says ok, otherwise the reason.
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
    private static func recover(dataDir: URL, reason: String, clock: StoreClock) throws(StoreProblem) -> RecoveryReport {
        let fileManager = FileManager.default
        let path = dataDir.appendingPathComponent(fileName).path
        let corruptDir = dataDir.appendingPathComponent("corrupt")
        let movedTo = corruptDir.appendingPathComponent("passerelle-\(timestamp(clock.now())).sqlite").path
        do {
            try fileManager.createDirectory(at: corruptDir, withIntermediateDirectories: true)
            for suffix in ["", "-wal", "-shm"] where fileManager.fileExists(atPath: path + suffix) {
                try fileManager.moveItem(atPath: path + suffix, toPath: movedTo + suffix)
            }
            var restoredFrom: String?
            for backup in backups(in: dataDir).reversed() where quickCheck(path: backup.path, readonly: true) == nil {
                try fileManager.copyItem(atPath: backup.path, toPath: path)
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
