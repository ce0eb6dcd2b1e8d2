// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import GRDB
import PasserelleTestSupport
import XCTest
@testable import KioskStore

final class DiskFullTests: XCTestCase {
    /// Writes visits until the store refuses; returns the acknowledged ids and the problem.
    private func fill(_ database: AppDatabase) -> ([VisitID], StoreProblem?) {
        var saved: [VisitID] = []
        for _ in 0..<200_000 {
            do {
                saved.append(try database.startVisit(language: String(repeating: "x", count: 12)))
                try database.appendJournal(.note(String(repeating: "n", count: 400)))
            } catch {
                return (saved, error)
            }
        }
        return (saved, nil)
    }

    func test_a_full_database_fails_into_a_clear_problem_and_keeps_what_was_saved() throws {
        let dir = makeTemporaryDirectory(self)
        let database = try AppDatabase.open(dataDir: dir, options: .init(maxDatabaseBytes: 256 * 1024))
        let (saved, problem) = fill(database)
        XCTAssertEqual(problem, .diskFull(path: database.path))
        XCTAssertGreaterThan(saved.count, 10)
        // The kiosk keeps reading; after reopening without the cap, everything is there.
        XCTAssertNotNil(try database.visit(saved.last!))
        let reopened = try AppDatabase.open(dataDir: dir)
        XCTAssertNil(reopened.recovery)
        for id in saved { XCTAssertNotNil(try reopened.visit(id)) }
        XCTAssertEqual(try reopened.integrityCheck(), ["ok"])
        _ = try reopened.startVisit(language: "fr")
    }

    /// A real full file system: a 1 MiB tmpfs (needs root and mount rights; skipped otherwise).
    func test_a_full_disk_fails_into_a_clear_problem_and_keeps_what_was_saved() throws {
        let mountPoint = try mountTinyFileSystem(options: "size=1m")
        let dir = mountPoint.appendingPathComponent("data")
        let database = try AppDatabase.open(dataDir: dir)
        let (saved, problem) = fill(database)
        XCTAssertEqual(problem, .diskFull(path: database.path), "got \(String(describing: problem))")
        XCTAssertGreaterThan(saved.count, 10)
        let reopened = try AppDatabase.open(dataDir: dir)
        for id in saved { XCTAssertNotNil(try reopened.visit(id)) }
        XCTAssertEqual(try reopened.integrityCheck(), ["ok"])
    }

    /// A data dir on a file system that became read-only (root and mount rights; skipped
    /// otherwise). Linux refuses to remount read-only under a file open for writing, so the
    /// store is closed first, as after a reboot onto a read-only disk.
    func test_a_read_only_disk_fails_into_a_clear_problem_and_keeps_what_was_saved() throws {
        let mountPoint = try mountTinyFileSystem(options: "size=8m")
        let dir = mountPoint.appendingPathComponent("data")
        var saved: VisitID?
        do {
            let database = try AppDatabase.open(dataDir: dir)
            saved = try database.startVisit(language: "fr")
        }
        XCTAssertEqual(run("/bin/mount", ["-o", "remount,ro", mountPoint.path]), 0)
        do {
            let database = try AppDatabase.open(dataDir: dir)
            _ = try database.startVisit(language: "fr")
            XCTFail("a write on a read-only disk must fail")
        } catch {
            guard case .readOnly = error else { return XCTFail("expected readOnly, got \(error)") }
        }
        XCTAssertEqual(run("/bin/mount", ["-o", "remount,rw", mountPoint.path]), 0)
        let database = try AppDatabase.open(dataDir: dir)
        XCTAssertEqual(try database.visit(saved!)?.language, "fr")
        XCTAssertEqual(try database.integrityCheck(), ["ok"])
    }

    // MARK: - tmpfs

    private func mountTinyFileSystem(options: String) throws -> URL {
        guard getuid() == 0 else {
            throw MissingPrerequisite("needs root to mount a tmpfs (make test runs as root, like CI)")
        }
        let mountPoint = makeTemporaryDirectory(self)
        guard run("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", mountPoint.path]) == 0 else {
            throw MissingPrerequisite("mount -t tmpfs failed: the disk-full tests need it")
        }
        addTeardownBlock { [self] in _ = self.run("/bin/umount", ["-l", mountPoint.path]) }
        return mountPoint
    }

    private func run(_ tool: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
