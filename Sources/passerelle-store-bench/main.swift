// Passerelle — passerelle-store-bench. Licensed under the EUPL-1.2.
//
// Measures what a person waits for when the screen says "saved": one durable write
// (a transaction committed with synchronous=FULL in WAL mode, i.e. an fsync) on a real file.
// Usage: passerelle-store-bench [COUNT] [DIRECTORY]   (default 1000 writes in a temporary dir)
import Foundation
import KioskStore

let arguments = CommandLine.arguments
let count = arguments.count > 1 ? Int(arguments[1]) ?? 1000 : 1000
let directory = arguments.count > 2
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
    print(String(format: "%@: %d acknowledged durable writes in %.2f s = %.0f writes/s; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                 label, count, seconds, Double(count) / seconds, percentile(0.50), percentile(0.99), latencies.last ?? 0))
}

do {
    let database = try AppDatabase.open(dataDir: directory)
    print("store: \(database.path)")
    measure("startVisit") { _ = try database.startVisit(language: "fr") }
    measure("appendJournal") { try database.appendJournal(.note("bench")) }
    let helper = try database.addHelper(displayName: "Bench")
    let service = try database.addService(ServiceDraft(name: "Bench \(UUID().uuidString)", durationMinutes: 15))
    var slot = Date().addingTimeInterval(86_400)
    measure("bookAppointment") {
        slot += 900
        _ = try database.bookAppointment(BookingRequest(
            serviceID: service, helperID: helper, startsAt: slot, personName: "Bench", personPhone: "+33600000000",
            remindBySMS: true))
    }
} catch {
    FileHandle.standardError.write(Data("bench: \(error)\n".utf8))
    exit(1)
}
