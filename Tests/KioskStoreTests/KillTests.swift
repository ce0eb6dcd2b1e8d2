// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import Foundation
import GRDB
import XCTest
@testable import KioskStore

/// The promise of the store: a record acknowledged to the kiosk survives the process dying at
/// any instant. A child `passerellectl debug write-loop` prints each id once its commit has
/// returned; we kill it with SIGKILL at random moments, many times, then check every printed
/// id is in the database and the file passes `PRAGMA integrity_check`.
///
/// Needs the `passerellectl` binary: run `swift build` before `swift test` (`make test` does).
final class KillTests: XCTestCase {
    func test_an_acknowledged_record_survives_kill_9() throws {
        let binary = try builtPasserellectl()
        let dir = makeTemporaryDirectory(self)
        let path = dir.appendingPathComponent(AppDatabase.fileName).path
        var acknowledged: [(table: String, id: Int64)] = []
        // A count of rounds, not a time bound: a busy machine takes longer, and proves as much.
        let rounds = 40
        for round in 1...rounds {
            let output = dir.appendingPathComponent("round-\(round).out")
            FileManager.default.createFile(atPath: output.path, contents: nil)
            let handle = try FileHandle(forWritingTo: output)
            let child = Process()
            child.executableURL = binary
            child.arguments = ["debug", "write-loop", "--data-dir", dir.path]
            child.standardOutput = handle
            child.standardError = FileHandle.nullDevice
            try child.run()
            usleep(UInt32.random(in: 20_000...250_000))
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            try handle.close()
            XCTAssertEqual(child.terminationReason, .uncaughtSignal, "round \(round): the writer must die by SIGKILL")

            // Only complete lines count: a line is printed after its commit returned.
            let text = try String(contentsOf: output, encoding: .utf8)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                let parts = line.split(separator: " ")
                guard parts.count == 2, let id = Int64(parts[1]) else {
                    return XCTFail("round \(round): bad line '\(line)'")
                }
                acknowledged.append((String(parts[0]), id))
            }
            try verify(path: path, acknowledged: acknowledged, round: round)
        }
        XCTAssertGreaterThan(acknowledged.count, 100, "the writer wrote")
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: dir.appendingPathComponent("corrupt").path),
            "no round ever needed recovery")
        print("kill -9 test: \(rounds) rounds, \(acknowledged.count) acknowledged records, none lost")
    }

    private func verify(path: String, acknowledged: [(table: String, id: Int64)], round: Int) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            XCTAssertTrue(acknowledged.isEmpty, "round \(round): records acknowledged but no file")
            return
        }
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        try queue.read { db in
            XCTAssertEqual(try String.fetchAll(db, sql: "PRAGMA integrity_check"), ["ok"], "round \(round)")
            guard try db.tableExists("visit") else {
                XCTAssertTrue(acknowledged.isEmpty)
                return
            }
            let visits = Set(try Int64.fetchAll(db, sql: "SELECT id FROM visit"))
            let entries = Set(try Int64.fetchAll(db, sql: "SELECT id FROM journal"))
            for record in acknowledged {
                let present = record.table == "visit" ? visits.contains(record.id) : entries.contains(record.id)
                XCTAssertTrue(present, "round \(round): acknowledged \(record.table) \(record.id) is missing")
            }
        }
    }
}
