// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import Foundation
import KioskCore
import PasserelleTestSupport
import XCTest
@testable import KioskStore

/// `passerellectl reminders send` with a real command and a real HTTP receiver on 127.0.0.1.
final class ReminderDeliveryTests: XCTestCase {
    /// A data dir with `count` appointments on one day at least 30 h after `TestNow`, each with
    /// an SMS reminder, and the instant at which all of them are due and none has started
    /// (one hour before the first): the sender runs with its clock there.
    private func dataDirWithDueReminders(_ count: Int) throws -> (dir: URL, uuids: [UUID], sendAt: Date) {
        let dir = makeTemporaryDirectory(self)
        let now = TestNow.date
        let database = try AppDatabase.open(dataDir: dir, clock: .fixed(now))
        try database.importAgenda(try smallAgenda())
        let snapshot = try database.agendaSnapshot(from: now, to: now.addingTimeInterval(20 * 86_400))
        let slots = SlotFinder.freeSlots(
            for: "demarches", in: snapshot, from: now.addingTimeInterval(30 * 3600), days: 14)
        // Amina has six 30-minute slots a weekday: six reminders on one day are all due 48 h
        // before the last one, which is before the first one starts.
        let days = Dictionary(grouping: slots) { parisCalendar.startOfDay(for: $0.start) }
        let day = try XCTUnwrap(days.keys.sorted().first { days[$0]!.count >= count }, "a day with \(count) free slots")
        let chosen = days[day]!.sorted { $0.start < $1.start }.prefix(count)
        var uuids: [UUID] = []
        for slot in chosen {
            uuids.append(
                try database.book(slot, for: PersonContact(name: "Jeanne", phone: "06 12 34 56 78", remindBySMS: true))
                    .uuid)
        }
        let sendAt = chosen.first!.start.addingTimeInterval(-3600)
        XCTAssertLessThanOrEqual(
            chosen.last!.start.addingTimeInterval(-AppDatabase.Options().reminderLead), sendAt, "all due then")
        return (dir, uuids, sendAt)
    }

    private func script(_ dir: URL, _ body: String) throws -> URL {
        let url = dir.appendingPathComponent("send-sms.sh")
        try "#!/bin/sh\n\(body)\n".write(to: url, atomically: true, encoding: .utf8)
        chmod(url.path, 0o755)
        return url
    }

    func test_a_command_delivers_each_reminder_once_even_with_two_concurrent_senders() throws {
        let binary = try builtPasserellectl()
        let (dir, uuids, sendAt) = try dataDirWithDueReminders(6)
        let environment = TestNow.environment(at: sendAt)
        let log = dir.appendingPathComponent("sent.log")
        // Slow on purpose, so the two senders overlap.
        let command = try script(
            dir,
            "sleep 0.2; printf '%s|%s|%s\\n' "
                + "\"$PASSERELLE_PHONE\" \"$PASSERELLE_IDEMPOTENCY_KEY\" \"$PASSERELLE_MESSAGE\" >> \(log.path)"
        )
        let senders = try (0..<2).map { _ -> Process in
            let process = Process()
            process.executableURL = binary
            process.arguments = [
                "reminders", "send", "--data-dir", dir.path, "--command", command.path, "--limit", "3",
            ]
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return process
        }
        senders.forEach { $0.waitUntilExit() }
        XCTAssertEqual(senders.map(\.terminationStatus), [0, 0])
        let (status, out, _) = try runProcess(
            binary, ["reminders", "send", "--data-dir", dir.path, "--command", command.path], environment: environment)
        XCTAssertEqual(status, 0)
        XCTAssertTrue(out.contains("0 sent"), "nothing left: \(out)")
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, uuids.count, "each reminder sent exactly once")
        XCTAssertEqual(Set(lines.map { $0.split(separator: "|")[1] }).count, uuids.count, "distinct idempotency keys")
        XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("+33612345678|") })
        XCTAssertTrue(lines[0].contains("Rappel : rendez-vous « Aide aux démarches » avec Amina"), String(lines[0]))
    }

    func test_a_failing_command_is_retried_later_and_a_webhook_receives_the_idempotency_key() throws {
        let binary = try builtPasserellectl()
        let (dir, _, sendAt) = try dataDirWithDueReminders(1)
        let environment = TestNow.environment(at: sendAt)
        let failing = try script(dir, "echo 'gateway down' >&2; exit 3")
        let (_, out, err) = try runProcess(
            binary, ["reminders", "send", "--data-dir", dir.path, "--command", failing.path], environment: environment)
        XCTAssertTrue(out.contains("0 sent, 1 to retry"), out)
        XCTAssertTrue(err.contains("exited with 3: gateway down"), err)
        let database = try AppDatabase.open(dataDir: dir)
        let (retry, _) = try database.reader.read { db in
            (
                try Date.fetchOne(db, sql: "SELECT nextAttemptAt FROM outbox")!,
                try String.fetchOne(db, sql: "SELECT status FROM outbox")!
            )
        }
        XCTAssertGreaterThan(retry, sendAt.addingTimeInterval(30), "backoff: not before a minute")

        // Due again (as if the minute had passed), to a local HTTP receiver: first 503, then 200.
        try database.writer.write { db in
            try db.execute(sql: "UPDATE outbox SET nextAttemptAt = '2000-01-01 00:00:00.000'")
        }
        let python = repositoryRoot.appendingPathComponent(".build/pyenv/bin/python")
        let interpreter =
            FileManager.default.isExecutableFile(atPath: python.path)
            ? python : URL(fileURLWithPath: "/usr/bin/python3")
        let received = dir.appendingPathComponent("received.jsonl")
        let server = Process()
        server.executableURL = interpreter
        server.arguments = ["-c", Self.receiver, received.path]
        let portPipe = Pipe()
        server.standardOutput = portPipe
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        let portLine = String(decoding: portPipe.fileHandleForReading.availableDataBlocking(), as: UTF8.self)
        let port = try XCTUnwrap(Int(portLine.trimmingCharacters(in: .whitespacesAndNewlines)))
        let url = "http://127.0.0.1:\(port)/sms"
        let (_, first, _) = try runProcess(
            binary, ["reminders", "send", "--data-dir", dir.path, "--webhook", url], environment: environment)
        XCTAssertTrue(first.contains("1 to retry"), first)
        try database.writer.write { db in
            try db.execute(sql: "UPDATE outbox SET nextAttemptAt = '2000-01-01 00:00:00.000'")
        }
        let (_, second, _) = try runProcess(
            binary, ["reminders", "send", "--data-dir", dir.path, "--webhook", url], environment: environment)
        XCTAssertTrue(second.contains("1 sent"), second)
        let requests = try String(contentsOf: received, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: String]
        }
        XCTAssertEqual(requests.count, 2)
        XCTAssertEqual(requests[0]["idempotency_key"], requests[1]["idempotency_key"], "same key on every attempt")
        XCTAssertEqual(requests[1]["header_key"], requests[1]["idempotency_key"])
        XCTAssertEqual(requests[1]["phone"], "+33612345678")
        XCTAssertEqual(
            try database.reader.read { db in try String.fetchOne(db, sql: "SELECT status FROM outbox") }, "sent")
        let (refused, _, _) = try runProcess(
            binary, ["reminders", "send", "--data-dir", dir.path, "--webhook", "http://sms.example.fr/x"],
            environment: environment)
        XCTAssertEqual(refused, 64, "plain http only to 127.0.0.1")
    }

    /// A tiny receiver on 127.0.0.1: answers 503 to the first request and 200 after, and
    /// appends each JSON body (plus the Idempotency-Key header) to a file.
    static let receiver = #"""
        import http.server, json, sys
        out = sys.argv[1]
        count = [0]
        class H(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                body["header_key"] = self.headers.get("Idempotency-Key", "")
                with open(out, "a") as f: f.write(json.dumps(body) + "\n")
                count[0] += 1
                self.send_response(503 if count[0] == 1 else 200); self.end_headers()
            def log_message(self, *a): pass
        s = http.server.HTTPServer(("127.0.0.1", 0), H)
        print(s.server_address[1], flush=True)
        s.serve_forever()
        """#
}

extension FileHandle {
    /// Waits for the first chunk of output.
    func availableDataBlocking() -> Data {
        var data = Data()
        while data.isEmpty || !data.contains(UInt8(ascii: "\n")) {
            let chunk = availableData
            if chunk.isEmpty { break }
            data += chunk
        }
        return data
    }
}
