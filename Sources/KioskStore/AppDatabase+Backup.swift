// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation
import GRDB

// MARK: - Backups
//
// Backups are whole SQLite files made with SQLite's online backup API while the kiosk runs,
// in `dataDir/backups/passerelle-<UTC stamp>.sqlite`, so their names sort by age. A backup is
// written under a temporary name and renamed when complete: a crash mid-backup never leaves a
// half file that recovery could mistake for a backup.

extension AppDatabase {
    /// Sound-or-not backup files in `dataDir/backups`, oldest first.
    public static func backups(in dataDir: URL) -> [URL] {
        let directory = dataDir.appendingPathComponent(DataDirectory.backups)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return
            names
            .filter { $0.hasPrefix("passerelle-") && $0.hasSuffix(".sqlite") }
            .sorted()
            .map { directory.appendingPathComponent($0) }
    }

    /// The newest backup file, or nil.
    public static func latestBackup(in dataDir: URL) -> URL? {
        backups(in: dataDir).last
    }

    /// Copies the live store into a new backup, deletes the oldest beyond `keeping`
    /// (default `options.backupsToKeep`) and journals `backupMade`. Returns the new file.
    @discardableResult
    public func backup(keeping: Int? = nil) throws(StoreProblem) -> URL {
        let keep = max(1, keeping ?? options.backupsToKeep)
        let fileManager = FileManager.default
        let directory = dataDir.appendingPathComponent(DataDirectory.backups)
        var name = "passerelle-\(Self.timestamp(clock.now())).sqlite"
        if fileManager.fileExists(atPath: directory.appendingPathComponent(name).path) {
            name = name.replacingOccurrences(of: ".sqlite", with: "-\(UUID().uuidString.prefix(8)).sqlite")
        }
        let destination = directory.appendingPathComponent(name)
        let partial = directory.appendingPathComponent(".partial-\(name)")
        do {
            try DataDirectory.createPrivate(directory)
            try? fileManager.removeItem(at: partial)
            let queue = try DatabaseQueue(path: partial.path)
            DataDirectory.makePrivate(file: partial.path)
            try writer.backup(to: queue)
            try queue.close()
            try fileManager.moveItem(at: partial, to: destination)
            try Self.syncDirectory(directory)
        } catch {
            try? fileManager.removeItem(at: partial)
            throw StoreProblem(error, path: destination.path)
        }
        for old in Self.backups(in: dataDir).dropLast(keep) {
            try? fileManager.removeItem(at: old)
        }
        try appendJournal(.backupMade(file: name))
        return destination
    }

    /// Replaces the whole content of the store with the backup `file`, through the online
    /// backup API (the kiosk may stay open; its next read sees the restored data).
    /// The current content is first saved as a backup, so a restore can be undone.
    /// Then pending migrations run (an older backup is brought to the current schema) and
    /// `backupRestored` is journalled.
    public func restore(from file: URL) throws(StoreProblem) {
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw .unusableFile(path: file.path, detail: "no such file")
        }
        if let damage = Self.quickCheck(path: file.path, readonly: true) {
            throw .corrupt(path: file.path, detail: damage)
        }
        do {
            let source = try DatabaseQueue(path: file.path, configuration: Self.configuration(options, readonly: true))
            defer { try? source.close() }
            let isOurs = try source.read { db in try db.tableExists("grdb_migrations") && db.tableExists("journal") }
            guard isOurs else { throw StoreProblem.unusableFile(path: file.path, detail: "not a Passerelle store") }
            try backup()
            try source.backup(to: writer)
            try Self.migrator.migrate(writer)
        } catch {
            throw StoreProblem(error, path: path)
        }
        try appendJournal(.backupRestored(from: file.lastPathComponent))
    }

    /// fsync on a directory, so a rename survives a power cut.
    static func syncDirectory(_ directory: URL) throws {
        let fd = openDirectoryForSync(directory.path)
        guard fd >= 0 else { return }
        defer { close(fd) }
        fsync(fd)
    }
}

/// Outside the extension: inside it, `open` names `AppDatabase.open`.
private func openDirectoryForSync(_ path: String) -> Int32 {
    open(path, O_RDONLY)
}
