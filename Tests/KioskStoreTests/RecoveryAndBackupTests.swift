// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import GRDB
import XCTest
@testable import KioskStore

final class RecoveryAndBackupTests: XCTestCase {
    /// A store with one visit in a backup and one visit written after it; then closed.
    private func storeWithBackup() throws -> (dir: URL, backedUp: VisitID, after: VisitID) {
        let dir = makeTemporaryDirectory(self)
        let database = try AppDatabase.open(dataDir: dir)
        let backedUp = try database.startVisit(language: "fr")
        try database.backup()
        let after = try database.startVisit(language: "ar")
        return (dir, backedUp, after)
    }

    private func damage(_ dir: URL, _ change: (FileHandle, Int) throws -> Void) throws {
        let path = dir.appendingPathComponent(AppDatabase.fileName).path
        // Fold the WAL into the file first, so the damage hits real data pages.
        let queue = try DatabaseQueue(path: path)
        _ = try queue.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        try queue.close()
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        let handle = try XCTUnwrap(FileHandle(forUpdatingAtPath: path))
        try change(handle, size)
        try handle.close()
    }

    private func assertRecovered(_ dir: URL, backedUp: VisitID, file: StaticString = #filePath, line: UInt = #line)
        throws
    {
        let database = try AppDatabase.open(dataDir: dir, ifDamaged: .recover)
        let recovery = try XCTUnwrap(database.recovery, "a damaged file must be noticed", file: file, line: line)
        XCTAssertEqual(recovery.restoredFrom, AppDatabase.latestBackup(in: dir)?.path, file: file, line: line)
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: recovery.movedTo), "damaged file kept for inspection", file: file,
            line: line)
        XCTAssertEqual(
            try database.visit(backedUp)?.language, "fr", "the backup's data is back", file: file, line: line)
        XCTAssertEqual(try database.integrityCheck(), ["ok"], file: file, line: line)
        XCTAssertTrue(
            try database.journal().contains {
                if case .storeRecovered = $0.event { return true } else { return false }
            },
            file: file, line: line)
        _ = try database.startVisit(language: "fr")  // and the kiosk keeps running
    }

    func test_a_truncated_file_is_moved_aside_and_the_latest_backup_restored() throws {
        let (dir, backedUp, _) = try storeWithBackup()
        try damage(dir) { handle, size in try handle.truncate(atOffset: UInt64(size / 2)) }
        try assertRecovered(dir, backedUp: backedUp)
    }

    func test_a_garbled_header_is_moved_aside_and_the_latest_backup_restored() throws {
        let (dir, backedUp, _) = try storeWithBackup()
        try damage(dir) { handle, _ in try handle.write(contentsOf: Data(repeating: 0xA5, count: 100)) }
        try assertRecovered(dir, backedUp: backedUp)
    }

    func test_garbled_pages_are_moved_aside_and_the_latest_backup_restored() throws {
        let (dir, backedUp, _) = try storeWithBackup()
        try damage(dir) { handle, size in
            var generator = SystemRandomNumberGenerator()
            for page in stride(from: 4096, to: size, by: 4096) {
                try handle.seek(toOffset: UInt64(page + 16))
                try handle.write(contentsOf: Data((0..<512).map { _ in UInt8.random(in: 0...255, using: &generator) }))
            }
        }
        try assertRecovered(dir, backedUp: backedUp)
    }

    func test_an_emptied_file_next_to_backups_counts_as_damage() throws {
        let (dir, backedUp, _) = try storeWithBackup()
        try damage(dir) { handle, _ in try handle.truncate(atOffset: 0) }
        try assertRecovered(dir, backedUp: backedUp)
    }

    func test_a_damaged_file_without_backup_starts_an_empty_store_and_says_so() throws {
        let dir = makeTemporaryDirectory(self)
        _ = try AppDatabase.open(dataDir: dir).startVisit(language: "fr")
        try damage(dir) { handle, _ in try handle.write(contentsOf: Data(repeating: 0, count: 100)) }
        let database = try AppDatabase.open(dataDir: dir, ifDamaged: .recover)
        XCTAssertNotNil(database.recovery)
        XCTAssertNil(database.recovery?.restoredFrom)
        XCTAssertEqual(try database.integrityCheck(), ["ok"])
    }

    func test_backups_rotate_keeping_the_newest() throws {
        let clock = ManualClock(paris("2025-11-03 10:00"))
        let dir = makeTemporaryDirectory(self)
        let database = try AppDatabase.open(dataDir: dir, clock: clock.storeClock)
        var made: [URL] = []
        for _ in 0..<5 {
            made.append(try database.backup(keeping: 3))
            clock.advance(by: 86_400)
        }
        XCTAssertEqual(AppDatabase.backups(in: dir), Array(made.suffix(3)))
    }

    func test_restore_brings_back_a_backup_and_keeps_a_copy_of_what_it_replaced() throws {
        let (dir, backedUp, after) = try storeWithBackup()
        let database = try AppDatabase.open(dataDir: dir)
        let backup = try XCTUnwrap(AppDatabase.latestBackup(in: dir))
        try database.restore(from: backup)
        XCTAssertNotNil(try database.visit(backedUp))
        XCTAssertNil(try database.visit(after), "written after the backup")
        XCTAssertEqual(AppDatabase.backups(in: dir).count, 2, "the replaced content was backed up first")
        XCTAssertEqual(try database.integrityCheck(), ["ok"])
    }

    func test_restore_refuses_a_file_that_is_not_a_store() throws {
        let dir = makeTemporaryDirectory(self)
        let database = try AppDatabase.open(dataDir: dir)
        let bogus = dir.appendingPathComponent("bogus.sqlite")
        try Data("not a database at all, just text that is long enough to look like a file".utf8).write(to: bogus)
        XCTAssertThrowsError(try database.restore(from: bogus))
        let other = dir.appendingPathComponent("other.sqlite")
        try DatabaseQueue(path: other.path).write { try $0.execute(sql: "CREATE TABLE t (x)") }
        XCTAssertProblem(.unusableFile(path: other.path, detail: "not a Passerelle store")) { () throws(StoreProblem) in
            try database.restore(from: other)
        }
    }
}
