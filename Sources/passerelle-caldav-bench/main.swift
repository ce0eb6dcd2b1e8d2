// Passerelle — benchmark of the CalDAV sync (issue 17). Licensed under the EUPL-1.2.
//
// 50 helpers, each with a calendar on a real Radicale (from .build/pyenv, started here on
// 127.0.0.1 in a temporary folder) holding 30 days of their own events: a meeting every
// weekday afternoon, a weekly recurring team meeting (expanded by the server), an all-day
// absence and a free (transparent) reminder. We time `agenda sync` of the 50 calendars into
// the kiosk's store, then the slot query the booking screen makes, on the local copy.
//
//   swift build -c release --product passerelle-caldav-bench && .build/release/passerelle-caldav-bench [rounds]
import Foundation
import KioskCalDAV
import KioskCore
import KioskStore

let rounds = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 200
let helperCount = 50, days = 30
let today = LocalDay("2026-03-16")!
let now = ParisTime.date(today, minute: 8 * 60)!
let python = URL(fileURLWithPath: ".build/pyenv/bin/python")
guard FileManager.default.isExecutableFile(atPath: python.path) else {
    FileHandle.standardError.write(Data("caldav-bench: no .build/pyenv: run scripts/setup-python.sh\n".utf8))
    exit(1)
}
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caldav-bench-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: folder) }

// MARK: - The helpers' calendars, written as Radicale's own storage

func stamp(_ day: LocalDay, _ minute: Int) -> String {
    let c = ParisTime.calendar.dateComponents([.year, .month, .day], from: ParisTime.date(day, minute: 0)!)
    return String(format: "%04d%02d%02dT%02d%02d00", c.year!, c.month!, c.day!, minute / 60, minute % 60)
}

func event(_ uid: String, _ lines: [String]) -> String {
    ([
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//bench//EN", "BEGIN:VEVENT", "UID:\(uid)",
        "DTSTAMP:20260101T000000Z",
    ]
        + lines + ["END:VEVENT", "END:VCALENDAR"]).joined(separator: "\r\n") + "\r\n"
}

var resources = 0
let root = folder.appendingPathComponent("collections/collection-root/bench")
for h in 0..<helperCount {
    let calendar = root.appendingPathComponent("helper-\(h)")
    try FileManager.default.createDirectory(at: calendar, withIntermediateDirectories: true)
    try #"{"C:supported-calendar-component-set": "VEVENT", "tag": "VCALENDAR"}"#.write(
        to: calendar.appendingPathComponent(".Radicale.props"), atomically: true, encoding: .utf8)
    var files: [String: String] = [:]
    for d in 0..<days {
        let day = today.adding(days: d)
        guard day.isoWeekday <= 5 else { continue }
        let start = 14 * 60 + 30 * ((h + d) % 5)
        files["meeting-\(d)"] = event(
            "meeting-\(h)-\(d)",
            ["DTSTART;TZID=Europe/Paris:\(stamp(day, start))", "DTEND;TZID=Europe/Paris:\(stamp(day, start + 60))"])
    }
    files["team"] = event(
        "team-\(h)",
        [
            "DTSTART;TZID=Europe/Paris:\(stamp(today.adding(days: h % 5), 9 * 60))",
            "DTEND;TZID=Europe/Paris:\(stamp(today.adding(days: h % 5), 10 * 60))", "RRULE:FREQ=WEEKLY;COUNT=20",
        ])
    let away = today.adding(days: 3 + h % 20)
    files["away"] = event(
        "away-\(h)",
        [
            "DTSTART;VALUE=DATE:\(stamp(away, 0).prefix(8))",
            "DTEND;VALUE=DATE:\(stamp(away.adding(days: 1), 0).prefix(8))",
        ])
    files["note"] = event(
        "note-\(h)",
        ["TRANSP:TRANSPARENT", "DTSTART;TZID=Europe/Paris:\(stamp(today.adding(days: 1), 11 * 60))", "DURATION:PT1H"])
    for (name, text) in files {
        try text.write(to: calendar.appendingPathComponent("\(name).ics"), atomically: true, encoding: .utf8)
        resources += 1
    }
}

// MARK: - Radicale

let port = 20_000 + Int.random(in: 0..<20_000)
try "bench:bench\n".write(to: folder.appendingPathComponent("users"), atomically: true, encoding: .utf8)
try """
[server]
hosts = 127.0.0.1:\(port)
[auth]
type = htpasswd
htpasswd_filename = \(folder.path)/users
htpasswd_encryption = plain
[storage]
filesystem_folder = \(folder.path)/collections
[rights]
type = owner_only
[logging]
level = warning
""".write(to: folder.appendingPathComponent("config"), atomically: true, encoding: .utf8)
let radicale = Process()
radicale.executableURL = python
radicale.arguments = ["-m", "radicale", "--config", folder.appendingPathComponent("config").path]
radicale.standardError = FileHandle.nullDevice
try radicale.run()
defer { radicale.terminate(); radicale.waitUntilExit() }

// MARK: - The kiosk: 50 helpers, Mo-Fr 09:00-12:00 and 14:00-17:00, 30-minute service

let helpersJSON = (0..<helperCount).map { h in
    """
    {"id": "helper-\(h)", "first_name": "Aidant \(h)", "opening": [{"place": "fs", "services": ["demarches"],
     "hours": "Mo-Fr 09:00-12:00,14:00-17:00", "from": "2026-01-05", "until": "2027-01-04"}]}
    """
}.joined(separator: ",")
let agendaJSON = """
    {"format": 1, "places": [{"id": "fs", "name": "France Services", "address": "1 place de la Mairie"}],
     "services": [{"id": "demarches", "support": "procedure_help", "duration_minutes": 30, "max_notice_days": 30,
       "name": {"fr": "Démarches", "en": "Procedures", "ar": "إجراءات"}}],
     "helpers": [\(helpersJSON)]}
    """
let dataDir = folder.appendingPathComponent("kiosk")
let store = try AppDatabase.open(dataDir: dataDir, clock: .fixed(now))
try store.importAgenda(try AgendaDocument.parse(Data(agendaJSON.utf8), file: "bench.json"))
let configuration = CalDAVConfiguration(
    calendars: (0..<helperCount).map {
        CalendarRef(owner: .helper("helper-\($0)"), url: URL(string: "http://127.0.0.1:\(port)/bench/helper-\($0)/")!)
    }, credentials: "bench:bench", timeout: 30)
let agenda = SharedAgenda(configuration)
/// Radicale is up when it accepts a connection (at most 20 s).
func waitForServer() -> Bool {
    for _ in 0..<200 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        close(fd)
        if connected { return true }
        Thread.sleep(forTimeInterval: 0.1)
    }
    return false
}
guard waitForServer() else {
    FileHandle.standardError.write(Data("caldav-bench: radicale did not start\n".utf8))
    exit(1)
}

// MARK: - Measures

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

func slotQuery() throws -> Int {
    let snapshot = try store.agendaSnapshot(from: now, to: now.addingTimeInterval(Double(days + 1) * 86_400))
    return SlotFinder.freeSlots(for: "demarches", in: snapshot, from: now, days: days).count
}

/// Median and p99 of the slot query (store snapshot + slot finder), and the slots it found.
func measureQuery() throws -> (median: Double, p99: Double, slots: Int) {
    var times: [Double] = []
    var slots = 0
    for _ in 0..<rounds { times.append(try milliseconds { slots = try slotQuery() }) }
    return (percentile(times, 0.5), percentile(times, 0.99), slots)
}

let before = try measureQuery()
var syncTimes: [Double] = []
var reports: [CalendarSyncReport] = []
for _ in 0..<3 {
    syncTimes.append(milliseconds { reports = agenda.sync(store) })
}
let failed = reports.filter { $0.error != nil }
if let first = failed.first {
    FileHandle.standardError.write(Data("caldav-bench: \(first.calendar): \(first.error!)\n".utf8))
    exit(1)
}
let after = try measureQuery()

print("CalDAV sync, \(helperCount) helpers × \(days) days against Radicale (\(resources) events in their calendars):")
print(
    String(
        format: "  first sync (Radicale reads files it never cached): %.0f ms; then %.0f ms and %.0f ms",
        syncTimes[0], syncTimes[1], syncTimes[2]))
print(
    String(
        format: "  read %d events (recurring ones expanded), %d busy times kept",
        reports.map(\.eventsRead).reduce(0, +), reports.map(\.busyTimes).reduce(0, +)))
print(
    String(
        format:
            "  slot query, 30 days (store snapshot + slot finder, %d rounds): "
            + "before sync median %.2f ms p99 %.2f ms (%d slots); "
            + "after sync median %.2f ms p99 %.2f ms (%d slots)",
        rounds, before.median, before.p99, before.slots, after.median, after.p99, after.slots))
