// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import Foundation
import GRDB
import KioskCore
import XCTest
@testable import KioskStore

/// The purge erases a person everywhere the data dir keeps a copy: the WAL, the calendars,
/// the backups, the moved-aside stores, the screenshots and leftover tickets.
final class ErasureTests: XCTestCase {
    let person = "Zephyrine", phone = "687654321"
    var dir: URL!
    var clock: ManualClock!
    var kiosk: AppDatabase!

    /// A kiosk's store, still open, with Zephyrine's appointment on Wednesday 25 November.
    override func setUpWithError() throws {
        dir = makeTemporaryDirectory(self)
        clock = ManualClock(paris("2026-11-23 08:00"))
        kiosk = try AppDatabase.open(dataDir: dir, clock: clock.storeClock, ifDamaged: .recover)
        try kiosk.importAgenda(smallAgenda())
        let slot = Slot(
            service: "demarches", helper: "amina", place: "fs",
            start: paris("2026-11-25 10:00"), end: paris("2026-11-25 10:30"))
        _ = try kiosk.book(slot, for: PersonContact(name: person, phone: "06 87 65 43 21", remindBySMS: true))
    }

    /// The files under the data dir whose bytes hold the name or the phone number.
    private func filesNamingThePerson() throws -> [String] {
        let walker = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey])!
        return try walker.compactMap { item -> String? in
            let url = item as! URL
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { return nil }
            let data = try Data(contentsOf: url)
            let found = [person, phone].contains { data.range(of: Data($0.utf8)) != nil }
            return found ? url.path.replacingOccurrences(of: dir.path + "/", with: "") : nil
        }
    }

    /// The tool's purge, from another connection, three weeks later.
    @discardableResult
    private func purgeLater() throws -> PurgeReport {
        clock.advance(by: 21 * 86_400)
        let tool = try AppDatabase.open(dataDir: dir, clock: clock.storeClock)
        return try tool.purge()
    }

    func test_a_purge_rewrites_every_calendar() throws {
        let calendar = try kiosk.rewriteCalendar(helper: "amina")
        XCTAssertTrue(try String(contentsOf: calendar, encoding: .utf8).contains(person))
        try purgeLater()
        let text = try String(contentsOf: calendar, encoding: .utf8)
        XCTAssertFalse(text.contains(person), text)
        XCTAssertTrue(
            text.contains("SUMMARY:Aide aux démarches"), "the anonymised appointment stays in the helper's calendar")
    }

    func test_the_wal_keeps_no_erased_name_while_the_kiosk_holds_the_store_open() throws {
        let wal = dir.appendingPathComponent(AppDatabase.fileName + "-wal")
        XCTAssertNotNil(try Data(contentsOf: wal).range(of: Data(person.utf8)), "the booking is in the WAL")
        try purgeLater()
        XCTAssertEqual(try filesNamingThePerson(), [])
        _ = try kiosk.startVisit(language: "fr")  // and the kiosk goes on writing
    }

    func test_backups_lose_personal_data_on_the_same_schedule_as_the_store() throws {
        let backup = try kiosk.backup()
        clock.advance(by: 86_400)
        let keptLonger = try kiosk.backup()
        XCTAssertNotNil(try Data(contentsOf: backup).range(of: Data(person.utf8)))
        let report = try purgeLater()
        XCTAssertEqual(report.appointmentsAnonymised, 1)
        XCTAssertEqual(report.copiesAnonymised, 2)
        XCTAssertEqual(try filesNamingThePerson(), [])
        for file in [backup, keptLonger] {
            let copy = try DatabaseQueue(path: file.path)
            XCTAssertEqual(try copy.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }, ["ok"])
            XCTAssertEqual(
                try copy.read {
                    try Int.fetchOne($0, sql: "SELECT count(*) FROM appointment WHERE anonymisedAt IS NOT NULL")
                }, 1,
                "still a backup: the appointment is there, anonymised")
            try copy.close()
        }
        XCTAssertEqual(try kiosk.purge().copiesAnonymised, 0, "idempotent")
    }

    func test_the_purge_removes_old_screenshots_leftover_tickets_and_moved_aside_stores() throws {
        let now = clock.now
        func file(_ path: String, modified: Date, contents: Data = Data(person.utf8)) throws -> URL {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: url)
            try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: url.path)
            return url
        }
        // Three weeks from now the purge runs: a screenshot of today is then past 7 days, one of
        // the day before is not; a ticket of a minute before is being printed, one of two hours is a leftover.
        let oldShot = try file("screenshots/screen-old.png", modified: now)
        let newShot = try file("screenshots/screen-new.png", modified: now.addingTimeInterval(20 * 86_400))
        let leftover = try file("tickets/left.png", modified: now.addingTimeInterval(21 * 86_400 - 7200))
        let printing = try file("tickets/printing.png", modified: now.addingTimeInterval(21 * 86_400 - 60))
        let unreadable = try file(
            "corrupt/passerelle-\(AppDatabase.timestamp(now.addingTimeInterval(20 * 86_400))).sqlite", modified: now)
        let moved = dir.appendingPathComponent(
            "corrupt/passerelle-\(AppDatabase.timestamp(now.addingTimeInterval(20 * 86_400) + 1)).sqlite")
        try kiosk.writer.backup(to: DatabaseQueue(path: moved.path))
        let expired = try file("corrupt/passerelle-\(AppDatabase.timestamp(now)).sqlite", modified: now)
        _ = try file("corrupt/passerelle-\(AppDatabase.timestamp(now)).sqlite-wal", modified: now)

        let report = try purgeLater()
        let exists = { (url: URL) in FileManager.default.fileExists(atPath: url.path) }
        XCTAssertFalse(exists(oldShot), "a screenshot past retention")
        XCTAssertTrue(exists(newShot))
        XCTAssertFalse(exists(leftover), "a ticket a crash left behind")
        XCTAssertTrue(exists(printing), "a ticket lp may still be reading")
        XCTAssertFalse(exists(expired), "a moved-aside store past retention")
        XCTAssertFalse(exists(unreadable), "a moved-aside store that cannot be erased")
        XCTAssertTrue(exists(moved), "a recent moved-aside store stays for inspection…")
        XCTAssertNil(try Data(contentsOf: moved).range(of: Data(person.utf8)), "…erased like a backup")
        XCTAssertEqual(report.filesDeleted, 5)
    }
}
