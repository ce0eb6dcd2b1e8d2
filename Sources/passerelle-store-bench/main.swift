// Passerelle — passerelle-store-bench. Licensed under the EUPL-1.2.
//
// Measures what a person waits for when the screen says "saved": one durable write
// (a transaction committed with synchronous=FULL in WAL mode, i.e. an fsync) on a real file.
// Usage: passerelle-store-bench [COUNT] [DIRECTORY]   (default 1000 writes in a temporary dir)
import Foundation
import KioskCore
import KioskStore

struct BenchError: Error { var message: String }

/// Open every day, all day: 96 quarter-hour slots a day for the booking measure.
let benchAgenda = """
    {"format": 1,
     "places": [{"id": "bench", "name": "Bench", "address": "1 rue du Banc"}],
     "services": [{"id": "bench", "support": "procedure_help", "name": {"fr": "Banc", "en": "Bench", "ar": "مقعد"},
       "duration_minutes": 15, "max_notice_days": 365}],
     "helpers": [{"id": "bench", "first_name": "Banc",
       "opening": [{"place": "bench", "services": ["bench"], "hours": "Mo-Su 00:00-24:00", "from": "2020-01-01"}]}]}
    """

let arguments = CommandLine.arguments
let count = arguments.count > 1 ? Int(arguments[1]) ?? 1000 : 1000
let directory =
    arguments.count > 2
    ? URL(fileURLWithPath: arguments[2])
    : FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-bench-\(UUID().uuidString)")
defer { if arguments.count <= 2 { try? FileManager.default.removeItem(at: directory) } }

func measure(_ label: String, _ write: () throws -> Void) {
    var latencies: [Double] = []
    latencies.reserveCapacity(count)
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<count {
        let t0 = DispatchTime.now().uptimeNanoseconds
        do {
            try write()
        } catch {
            FileHandle.standardError.write(Data("bench: \(error)\n".utf8))
            exit(1)
        }
        latencies.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    latencies.sort()
    func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
    print(
        String(
            format:
                "%@: %d acknowledged durable writes in %.2f s = %.0f writes/s; "
                + "latency p50 %.2f ms, p99 %.2f ms, max %.2f ms",
            label, count, seconds, Double(count) / seconds, percentile(0.50), percentile(0.99), latencies.last ?? 0))
}

do {
    let database = try AppDatabase.open(dataDir: directory)
    print("store: \(database.path)")
    measure("startVisit") { _ = try database.startVisit(language: "fr") }
    measure("appendJournal") { try database.appendJournal(.note("bench")) }
    // A booking as the kiosk makes it: through `book`, which checks the slot is offered and
    // the phone a phone, in the same transaction as the reminder and the journal line.
    try database.importAgenda(try AgendaDocument.parse(Data(benchAgenda.utf8), file: "bench-agenda.json"))
    let now = database.now
    let snapshot = try database.agendaSnapshot(from: now, to: now.addingTimeInterval(60 * 86_400))
    var slots = SlotFinder.freeSlots(for: "bench", in: snapshot, from: now.addingTimeInterval(86_400), days: 50)[...]
    guard slots.count >= count else {
        throw BenchError(message: "only \(slots.count) free slots for \(count) bookings")
    }
    measure("book") {
        let slot = slots.removeFirst()
        _ = try database.book(slot, for: PersonContact(name: "Bench", phone: "06 00 00 00 00", remindBySMS: true))
    }
} catch {
    FileHandle.standardError.write(Data("bench: \(error)\n".utf8))
    exit(1)
}
