// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import Foundation
import GRDB
import KioskCore
import PasserelleTestSupport
import XCTest
@testable import KioskStore

/// `passerellectl` as an admin and two kiosks use it: real processes on a real data dir.
final class AgendaProcessTests: XCTestCase {
    func test_a_bad_agenda_file_prints_each_problem_and_changes_nothing() throws {
        let binary = try builtPasserellectl()
        let dir = makeTemporaryDirectory(self)
        let example = repositoryRoot.appendingPathComponent("Assets/agenda/example.json").path
        let (status, out, _) = try runProcess(
            binary, ["agenda", "import", example, "--data-dir", dir.path], environment: TestNow.environment())
        XCTAssertEqual(status, 0, out)
        XCTAssertTrue(out.contains("2 places, 5 services, 4 helpers"), out)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("calendars/amina.ics").path))
        let before = try tables(dir)

        var text = try String(contentsOfFile: example, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "\"Mo-Fr 09:00-12:00; We off; PH off\"", with: "\"Mo-Fr 09:00-12:00; We off; PH 10:00-11:00\"")
        text = text.replacingOccurrences(of: "\"duration_minutes\": 60", with: "\"duration_minutes\": 600")
        // Would change the store if anything got through.
        text = text.replacingOccurrences(of: "Amina", with: "Aminata")
        let bad = dir.appendingPathComponent("bad.json")
        try text.write(to: bad, atomically: true, encoding: .utf8)
        let (badStatus, _, errors) = try runProcess(
            binary, ["agenda", "import", bad.path, "--data-dir", dir.path], environment: TestNow.environment())
        XCTAssertEqual(badStatus, 65)
        let lines = errors.split(separator: "\n").map(String.init)
        XCTAssertEqual(
            lines,
            [
                "\(bad.path):68: services[2].duration_minutes: must be between 5 and 480, found 600",
                "\(bad.path):113: helpers[0].opening[0].hours: column 31: "
                    + "only \"PH off\" is supported: the kiosk never opens on public holidays "
                    + "in \"Mo-Fr 09:00-12:00; We off; PH 10:00-11:00\"",
                "passerellectl: 2 problem(s) in \(bad.path); nothing was imported",
            ])
        XCTAssertEqual(try tables(dir), before, "nothing changed")

        let (again, out2, _) = try runProcess(
            binary, ["agenda", "import", example, "--data-dir", dir.path], environment: TestNow.environment())
        XCTAssertEqual(again, 0)
        XCTAssertTrue(out2.contains("(0 new)"), out2)
        XCTAssertEqual(
            try tables(dir).filter { !$0.hasPrefix("agenda_setting") },
            before.filter { !$0.hasPrefix("agenda_setting") })
    }

    /// Two processes book the same slot at the same instant, many times: exactly one wins.
    func test_two_processes_racing_for_one_slot_exactly_one_wins_every_round() throws {
        let binary = try builtPasserellectl()
        let dir = makeTemporaryDirectory(self)
        let now = TestNow.date
        let database = try AppDatabase.open(dataDir: dir, clock: .fixed(now))
        try database.importAgenda(try smallAgenda())
        let snapshot = try database.agendaSnapshot(from: now, to: now.addingTimeInterval(40 * 86_400))
        let slots = SlotFinder.freeSlots(for: "demarches", in: snapshot, from: now.addingTimeInterval(86_400), days: 30)
        let rounds = min(25, slots.count)
        XCTAssertGreaterThanOrEqual(rounds, 20)
        for (round, slot) in slots.prefix(rounds).enumerated() {
            // Both start, then book at the same wall-clock moment (a meeting point for two
            // processes, not a date the test expects anything of); their store clocks are pinned.
            let at = Date().timeIntervalSince1970 + 0.4
            let racers = try (0..<2).map { _ -> (Process, Pipe) in
                let process = Process()
                process.executableURL = binary
                process.environment = TestNow.environment()
                process.arguments = [
                    "debug", "book", "--data-dir", dir.path, "--service", "demarches", "--helper", "amina",
                    "--place", "fs", "--start", String(slot.start.timeIntervalSince1970), "--at", String(at),
                ]
                let pipe = Pipe()
                process.standardOutput = pipe
                process.standardError = FileHandle.nullDevice
                try process.run()
                return (process, pipe)
            }
            var outcomes: [String] = []
            for (process, pipe) in racers {
                let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                outcomes.append("\(process.terminationStatus) \(output.split(separator: " ").first ?? "")")
            }
            XCTAssertEqual(outcomes.sorted(), ["0 booked", "2 taken\n"], "round \(round)")
        }
        let count = try database.reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM appointment")! }
        XCTAssertEqual(count, rounds, "one appointment per slot")
    }

    private func tables(_ dir: URL) throws -> [String] {
        let queue = try DatabaseQueue(path: dir.appendingPathComponent(AppDatabase.fileName).path)
        defer { try? queue.close() }
        return try queue.read { db in
            var lines: [String] = []
            for table in [
                "place", "service", "helper", "opening_range", "opening_range_service", "absence", "closed_day",
                "agenda_setting", "appointment",
            ] {
                lines += try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\(table) \($0)" }
            }
            return lines.sorted()
        }
    }
}
