// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation
import GRDB

// MARK: - Erasure beyond the live table
//
// Erasing a name from `appointment` is not enough: copies of it live in the WAL, in backups,
// in damaged stores moved aside, in the helpers' calendar files, in ticket images a crash left
// behind and in admin screenshots. The purge follows every one of them, on the same schedule.

extension AppDatabase {
    /// The update that erases personal data past the cutoff, in the live store and in copies.
    /// Arguments: now, cutoff, cutoff.
    static let anonymiseSQL = """
        UPDATE appointment SET personName = NULL, personPhone = NULL, anonymisedAt = ?
        WHERE anonymisedAt IS NULL
          AND (endsAt < ? OR (statusChangedAt < ? AND status IN ('excused', 'revoked')))
        """

    /// A ticket image or an unfinished backup older than this is a leftover (the kiosk or a
    /// backup died half-way): printing and backing up take seconds.
    static let leftoverAge: TimeInterval = 3600

    /// Erases personal data past `cutoff` in every backup and in every damaged store moved
    /// aside. A copy that cannot be erased is deleted: it could be neither purged nor restored.
    /// Moved-aside stores are kept for inspection until `cutoff`, then deleted.
    func purgeCopies(cutoff: Date, now: Date, into report: inout PurgeReport) {
        for backup in Self.backups(in: dataDir) {
            purgeCopy(backup, cutoff: cutoff, now: now, into: &report)
        }
        let corrupt = dataDir.appendingPathComponent(DataDirectory.corrupt)
        for file in DataDirectory.files(in: corrupt) where file.pathExtension == "sqlite" {
            let movedAt = Self.stamp(inName: file.lastPathComponent) ?? DataDirectory.modificationDate(file) ?? now
            if movedAt < cutoff {
                report.filesDeleted += Self.remove(file, withSidecars: true)
            } else {
                purgeCopy(file, cutoff: cutoff, now: now, into: &report)
            }
        }
    }

    private func purgeCopy(_ file: URL, cutoff: Date, now: Date, into report: inout PurgeReport) {
        do {
            report.copiesAnonymised += try Self.anonymiseCopy(
                file, cutoff: cutoff, now: now, timeout: options.busyTimeout)
        } catch {
            report.filesDeleted += Self.remove(file, withSidecars: true)
        }
    }

    /// Runs the anonymising update on a copy of the store; returns how many rows it erased.
    static func anonymiseCopy(_ file: URL, cutoff: Date, now: Date, timeout: TimeInterval) throws -> Int {
        var config = Configuration()
        config.busyMode = .timeout(timeout)
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA secure_delete = ON") }
        let queue = try DatabaseQueue(path: file.path, configuration: config)
        defer { try? queue.close() }
        // A rollback journal, deleted at commit: no WAL stays beside the copy with the old rows.
        _ = try queue.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") }
        return try queue.write { db in
            guard try db.tableExists("appointment") else { return 0 }
            try db.execute(sql: anonymiseSQL, arguments: [now, cutoff, cutoff])
            return db.changesCount
        }
    }

    /// Deletes admin screenshots taken before `cutoff` (they show what a person typed), ticket
    /// images and unfinished backups a crash left behind.
    func pruneFiles(cutoff: Date, now: Date, into report: inout PurgeReport) {
        let leftover = now.addingTimeInterval(-Self.leftoverAge)
        let screenshots = dataDir.appendingPathComponent(DataDirectory.screenshots)
        for file in DataDirectory.files(in: screenshots) where (DataDirectory.modificationDate(file) ?? now) < cutoff {
            report.filesDeleted += Self.remove(file, withSidecars: false)
        }
        let tickets = dataDir.appendingPathComponent(DataDirectory.tickets)
        for file in DataDirectory.files(in: tickets) where (DataDirectory.modificationDate(file) ?? now) < leftover {
            report.filesDeleted += Self.remove(file, withSidecars: false)
        }
        let backups = dataDir.appendingPathComponent(DataDirectory.backups)
        for file in DataDirectory.files(in: backups)
        where file.lastPathComponent.hasPrefix(".partial-")
            && (DataDirectory.modificationDate(file) ?? now) < leftover
        {
            report.filesDeleted += Self.remove(file, withSidecars: true)
        }
    }

    /// Rewrites every helper's calendar from the purged store (the files still named people
    /// whose data the store just erased) and deletes files no helper owns any more.
    func rewriteCalendarsAfterPurge(now: Date, into report: inout PurgeReport) throws(StoreProblem) {
        guard FileManager.default.fileExists(atPath: calendarsDirectory.path) else { return }
        let written = Set(try rewriteHelperCalendars().map(\.lastPathComponent))
        let leftover = now.addingTimeInterval(-Self.leftoverAge)
        for file in DataDirectory.files(in: calendarsDirectory) where !written.contains(file.lastPathComponent) {
            let isTemporary = file.lastPathComponent.hasPrefix(".")
            guard !isTemporary || (DataDirectory.modificationDate(file) ?? now) < leftover else { continue }
            report.filesDeleted += Self.remove(file, withSidecars: false)
        }
    }

    /// Copies the WAL into the database file and truncates it to zero bytes. Until then the
    /// WAL keeps the frames written before the erasure (names, phones) for as long as another
    /// connection — the running kiosk — keeps the store open. Throws `.busy` when a reader
    /// stays in the way longer than the busy timeout; running the purge again finishes it.
    func truncateWAL() throws(StoreProblem) {
        guard writer is DatabasePool else { return }
        do {
            try writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        } catch {
            throw StoreProblem(error, path: path)
        }
    }

    /// Deletes a file (and its -wal, -shm and -journal); returns how many files went.
    private static func remove(_ file: URL, withSidecars: Bool) -> Int {
        let suffixes = withSidecars ? ["", "-wal", "-shm", "-journal"] : [""]
        return suffixes.filter { (try? FileManager.default.removeItem(atPath: file.path + $0)) != nil }.count
    }

    /// The UTC stamp in a name like `passerelle-20251122T101500.123Z.sqlite`, or nil.
    static func stamp(inName name: String) -> Date? {
        guard name.hasPrefix("passerelle-"), name.count >= 11 + 20 else { return nil }
        let text = name.dropFirst(11).prefix(20)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss.SSS'Z'"
        return formatter.date(from: String(text))
    }
}
