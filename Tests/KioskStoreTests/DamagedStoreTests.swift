// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import Foundation
import GRDB
import KioskCore
import XCTest
@testable import KioskStore

/// Who may repair a damaged store, and what a single bad row does (nothing drastic).
final class DamagedStoreTests: XCTestCase {
    /// A data dir with one booked appointment (name and phone) and one backup; store closed.
    private func bookedStore() throws -> (dir: URL, appointment: UUID) {
        let dir = makeTemporaryDirectory(self)
        let clock = ManualClock(paris("2026-11-23 08:00"))
        let database = try AppDatabase.open(dataDir: dir, clock: clock.storeClock)
        try database.importAgenda(smallAgenda())
        let slot = Slot(
            service: "demarches", helper: "amina", place: "fs",
            start: paris("2026-11-25 10:00"), end: paris("2026-11-25 10:30"))
        let booked = try database.book(slot, for: PersonContact(name: "Jeanne", phone: "06 12 34 56 78"))
        try database.backup()
        return (dir, booked.uuid)
    }

    /// Runs raw SQL on the file, as a person with the sqlite3 shell (or a bug elsewhere) could.
    private func tamper(_ dir: URL, _ sql: String) throws {
        let queue = try DatabaseQueue(path: dir.appendingPathComponent(AppDatabase.fileName).path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: sql)
            _ = try db.checkpoint(.truncate)
        }
        try queue.close()
    }

    func test_admin_commands_report_a_damaged_store_and_leave_it_where_it_is() throws {
        let binary = try builtPasserellectl()
        let (dir, _) = try bookedStore()
        let file = dir.appendingPathComponent(AppDatabase.fileName)
        let handle = try FileHandle(forUpdating: file)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 100))
        try handle.close()
        let damaged = try Data(contentsOf: file)

        for arguments in [
            ["check"], ["stats", "--from", "2026-11-01", "--to", "2026-11-30"],
            ["reminders", "send", "--command", "/bin/true"], ["purge"],
        ] {
            let (status, _, err) = try runProcess(binary, arguments + ["--data-dir", dir.path])
            XCTAssertEqual(status, 5, "\(arguments[0]): \(err)")
            let lines = err.split(separator: "\n")
            XCTAssertEqual(lines.count, 1, "one line: \(err)")
            XCTAssertTrue(err.contains("corrupt database \(file.path)") && err.contains("left as it is"), err)
        }
        XCTAssertEqual(try Data(contentsOf: file), damaged, "the damaged file is where it was, unchanged")
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: dir.appendingPathComponent("corrupt").path), "nothing moved aside")
        XCTAssertProblem(
            .corrupt(
                path: file.path,
                detail:
                    "file is not a database (left as it is: the kiosk moves a damaged store aside "
                    + "and restores the newest backup when it starts)"
            )
        ) {
            () throws(StoreProblem) in try AppDatabase.open(dataDir: dir)
        }

        // The kiosk does repair it.
        let kiosk = try AppDatabase.open(dataDir: dir, ifDamaged: .recover)
        XCTAssertNotNil(kiosk.recovery?.restoredFrom)
    }

    func test_a_tool_does_not_open_the_store_while_the_kiosk_holds_the_recovery_lock() throws {
        let (dir, _) = try bookedStore()
        let kiosk = try DataDirLock(dataDir: dir, exclusive: true, timeout: 1)
        XCTAssertProblem(.busy(path: dir.path)) { () throws(StoreProblem) in
            try AppDatabase.open(dataDir: dir, options: .init(busyTimeout: 0.2))
        }
        kiosk.release()
        XCTAssertNoThrow(try AppDatabase.open(dataDir: dir, options: .init(busyTimeout: 0.2)))
    }

    func test_a_row_that_breaks_a_check_keeps_the_store_and_is_reported() throws {
        let (dir, uuid) = try bookedStore()
        try tamper(dir, "UPDATE appointment SET status = 'lost'")

        let database = try AppDatabase.open(dataDir: dir, ifDamaged: .recover)
        XCTAssertNil(database.recovery, "one bad row is no reason to move the whole store aside")
        XCTAssertEqual(database.rowProblems, ["CHECK constraint failed in appointment"])
        XCTAssertEqual(try database.appointment(uuid)?.personName, "Jeanne", "the kiosk keeps its data")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("corrupt").path))
    }

    func test_a_blob_in_a_persons_name_is_reported_without_printing_the_row() throws {
        let (dir, uuid) = try bookedStore()
        // Not UTF-8: GRDB's subscript used to trap here and print the row, phone number included.
        try tamper(dir, "UPDATE appointment SET personName = X'FFFE00C3'")

        let database = try AppDatabase.open(dataDir: dir, ifDamaged: .recover)
        XCTAssertNil(database.recovery)
        XCTAssertEqual(database.rowProblems, ["appointment row 1: personName holds blob, not text"])
        let path = dir.appendingPathComponent(AppDatabase.fileName).path
        XCTAssertProblem(
            .corrupt(path: path, detail: "appointment row 1: column personName holds a blob that cannot be read")
        ) {
            () throws(StoreProblem) in try database.appointment(uuid)
        }
        do {
            _ = try database.bookedAppointment(uuid)
            XCTFail("a bad row must throw")
        } catch {
            XCTAssertFalse("\(error)".contains("612345678"), "no personal column in the message: \(error)")
        }
        XCTAssertEqual(
            try database.agendaSnapshot(from: paris("2026-11-23 08:00"), to: paris("2026-11-30 08:00")).services.count,
            1,
            "the rest of the store works")
    }
}
