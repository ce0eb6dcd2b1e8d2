// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import Foundation
import GRDB
import KioskCore
import PasserelleTestSupport
import XCTest
@testable import KioskStore

/// Issue 17 with a real CalDAV server (Radicale), the helper's real calendar client (PyPI
/// `caldav`, `icalendar`) and real `passerellectl` processes on real data dirs.
final class CalDAVProcessTests: XCTestCase {
    func test_an_event_the_helper_adds_removes_the_slots_it_overlaps_after_sync() throws {
        let server = try RadicaleServer(self)
        try server.helper("mkcal", "amina")
        let kiosk = try kioskWithSmallAgenda(self)
        let config = try server.kioskConfiguration(in: kiosk, helpers: ["amina": "amina"])
        let day = try firstDay(kiosk)
        let before = try startTimes(kiosk, on: day)
        XCTAssertTrue(before.contains(at(day, 9, 30)) && before.contains(at(day, 10, 0)), "\(before)")

        try server.addEvent(
            "amina",
            [
                "UID:rdv-medecin", "SUMMARY:Rendez-vous personnel",
                "DTSTART;TZID=Europe/Paris:\(parisICS(at(day, 9, 30)))",
                "DTEND;TZID=Europe/Paris:\(parisICS(at(day, 10, 30)))",
            ])
        let (code, out, errors) = try sync(kiosk, config)
        XCTAssertEqual(code, 0, errors)
        XCTAssertTrue(out.hasPrefix("helper:amina: ok: read 1 events, 1 busy times"), out)

        let after = try startTimes(kiosk, on: day)
        XCTAssertEqual(Set(before).subtracting(after), [at(day, 9, 30), at(day, 10, 0)], "only what overlaps goes")
        XCTAssertTrue(after.contains(at(day, 9, 0)) && after.contains(at(day, 10, 30)), "\(after)")
        let (_, status, _) = try runProcess(
            try builtPasserellectl(), ["agenda", "status", "--data-dir", kiosk.path], environment: TestNow.environment()
        )
        XCTAssertTrue(status.hasPrefix("helper:amina: last sync \(stampText(TestNow.date)), 1 events read"), status)
    }

    func test_a_booking_appears_in_the_helpers_calendar_and_parses_with_icalendar() throws {
        let server = try RadicaleServer(self)
        try server.helper("mkcal", "amina")
        let kiosk = try kioskWithSmallAgenda(self)
        let config = try server.kioskConfiguration(in: kiosk, helpers: ["amina": "amina"])
        let day = try firstDay(kiosk)
        let (code, out) = try book(kiosk, config, at(day, 10, 0))
        XCTAssertEqual(code, 0, out)
        let uuid = try XCTUnwrap(out.split(separator: " ").dropFirst().first).trimmingCharacters(
            in: .whitespacesAndNewlines)

        let events = try server.events("amina")
        XCTAssertEqual(events.count, 1, "\(events)")
        let event = try XCTUnwrap(events.first)
        XCTAssertEqual(event["uid"], uuid.lowercased())
        XCTAssertEqual(event["summary"], "Aide aux démarches – Test", "the first name only")
        XCTAssertEqual(event["helper"], "amina")
        XCTAssertEqual(event["location"], "France Services, 1 place de la Mairie, 34400 Lunel")
        XCTAssertEqual(
            event["href"], "/kiosk/amina/passerelle-amina-\(ICalendar.utc(at(day, 10, 0))).ics",
            "the same name on every kiosk for this helper and start")
        XCTAssertFalse(event["description"]!.contains("06"), "no phone number for an on-site service")
        XCTAssertEqual(isoDate(event["start"]!), at(day, 10, 0))
        XCTAssertEqual(isoDate(event["end"]!), at(day, 10, 30))
    }

    /// Two kiosks, two data dirs, one helper's calendar: both book the same slot at once.
    func test_two_kiosks_racing_for_one_slot_through_the_server_give_exactly_one_appointment_every_round() throws {
        let server = try RadicaleServer(self)
        try server.helper("mkcal", "amina")
        let kiosks = try (0..<2).map { _ in try kioskWithSmallAgenda(self) }
        let configs = try kiosks.map { try server.kioskConfiguration(in: $0, helpers: ["amina": "amina"]) }
        let day = try firstDay(kiosks[0])
        let starts = try startTimes(kiosks[0], from: day)
        let rounds = min(10, starts.count)
        XCTAssertEqual(rounds, 10)
        let binary = try builtPasserellectl()
        for (round, start) in starts.prefix(rounds).enumerated() {
            // A meeting point on the wall clock for two processes; their store clocks are pinned.
            let meet = Date().timeIntervalSince1970 + 0.6
            let racers = try (0..<2).map { index -> (Process, Pipe) in
                let process = Process()
                process.executableURL = binary
                process.environment = TestNow.environment()
                process.arguments = [
                    "debug", "book", "--data-dir", kiosks[index].path, "--caldav-config", configs[index], "--service",
                    "demarches", "--helper", "amina", "--place", "fs", "--start", String(start.timeIntervalSince1970),
                    "--at", String(meet),
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
        XCTAssertEqual(try server.events("amina").count, rounds, "one event per slot in the helper's calendar")
        let local = try kiosks.map { try appointmentCount($0) }.reduce(0, +)
        XCTAssertEqual(local, rounds, "one appointment per slot across both kiosks")
    }

    func test_the_helper_deleting_the_event_cancels_the_appointment_by_the_place_and_queues_an_sms() throws {
        let server = try RadicaleServer(self)
        try server.helper("mkcal", "amina")
        let kiosk = try kioskWithSmallAgenda(self)
        let config = try server.kioskConfiguration(in: kiosk, helpers: ["amina": "amina"])
        let day = try firstDay(kiosk)
        let (code, out) = try book(kiosk, config, at(day, 11, 0))
        XCTAssertEqual(code, 0, out)
        let uuid = try XCTUnwrap(
            UUID(uuidString: String(out.split(separator: " ")[1]).trimmingCharacters(in: .whitespacesAndNewlines)))
        let store = try AppDatabase.open(dataDir: kiosk, clock: .fixed(TestNow.date))
        XCTAssertEqual(try store.appointments(phone: "06 12 34 56 78").count, 1)

        try server.helper("delete", "amina", uuid.uuidString.lowercased())
        let (syncCode, line, errors) = try sync(kiosk, config)
        XCTAssertEqual(syncCode, 0, errors)
        XCTAssertTrue(line.contains("cancelled by the helper 1"), line)

        XCTAssertEqual(try store.appointment(uuid)?.status, .revoked, "cancelled by the place")
        XCTAssertEqual(try store.appointments(phone: "0612345678"), [], "« Mon rendez-vous » shows the truth")
        // The programs' pinned clocks run on from "now": the sender comes a minute later.
        let sender = try AppDatabase.open(dataDir: kiosk, clock: .fixed(TestNow.date.addingTimeInterval(60)))
        let messages = try sender.claimDueMessages(kinds: [.smsReminder])
        XCTAssertEqual(messages.map { $0.payload["notice"] }, ["cancelled"])
        let delivery = try XCTUnwrap(try sender.reminderDelivery(for: XCTUnwrap(messages.first)))
        XCTAssertEqual(delivery.phone, "+33612345678")
        XCTAssertTrue(
            delivery.text.hasPrefix("France Services annule votre rendez-vous « Aide aux démarches »"), delivery.text)
    }

    /// A move at the kiosk to another helper: the event is written in the new helper's calendar
    /// first (If-None-Match), then deleted from the old one (If-Match).
    func test_a_move_to_another_helper_takes_the_event_to_that_helpers_calendar() throws {
        let server = try RadicaleServer(self)
        for helper in ["amina", "bruno"] { try server.helper("mkcal", helper) }
        let kiosk = try kioskWithTwoHelpers(self)
        let config = try server.kioskConfiguration(in: kiosk, helpers: ["amina": "amina", "bruno": "bruno"])
        let day = try firstDay(kiosk)
        let (_, out) = try book(kiosk, config, at(day, 9, 0))
        let uuid = try XCTUnwrap(
            UUID(uuidString: String(out.split(separator: " ")[1]).trimmingCharacters(in: .whitespacesAndNewlines)))
        let (code, moved, errors) = try runProcess(
            try builtPasserellectl(),
            [
                "debug", "move", uuid.uuidString, "--data-dir", kiosk.path, "--caldav-config", config, "--helper",
                "bruno", "--place", "fs", "--start", String(at(day, 10, 0).timeIntervalSince1970),
            ], environment: TestNow.environment())
        XCTAssertEqual(code, 0, moved + errors)
        XCTAssertEqual(try server.events("amina").count, 0, "gone from Amina's calendar")
        let events = try server.events("bruno")
        XCTAssertEqual(events.map { $0["uid"] }, [uuid.uuidString.lowercased()])
        XCTAssertEqual(events.first.flatMap { isoDate($0["start"]!) }, at(day, 10, 0))
        XCTAssertEqual(events.first?["helper"], "bruno")
        let (synced, line, _) = try sync(kiosk, config)
        XCTAssertEqual(synced, 0)
        XCTAssertFalse(line.contains("cancelled by the helper 1"), "the kiosk knows where its event went: \(line)")
    }

    /// A place's calendar: an event of the place (a closure) makes every helper of the place busy;
    /// an appointment event in it (X-PASSERELLE-HELPER) only its helper, at every kiosk.
    func test_a_place_calendar_blocks_every_helper_for_a_closure_and_one_helper_for_an_appointment() throws {
        let server = try RadicaleServer(self)
        try server.helper("mkcal", "fs")
        let kioskA = try kioskWithTwoHelpers(self), kioskB = try kioskWithTwoHelpers(self)
        let configA = try server.kioskConfiguration(in: kioskA, helpers: [:], places: ["fs": "fs"])
        let configB = try server.kioskConfiguration(in: kioskB, helpers: [:], places: ["fs": "fs"])
        let day = try firstDay(kioskA)
        try server.addEvent(
            "fs",
            [
                "UID:fermeture", "SUMMARY:Fermeture exceptionnelle",
                "DTSTART;TZID=Europe/Paris:\(parisICS(at(day, 9, 0)))",
                "DTEND;TZID=Europe/Paris:\(parisICS(at(day, 10, 0)))",
            ])
        let (booked, out) = try book(kioskA, configA, at(day, 11, 0))
        XCTAssertEqual(booked, 0, out)
        XCTAssertEqual(try server.events("fs").filter { $0["uid"] != "fermeture" }.map { $0["helper"] }, ["amina"])
        let (code, line, errors) = try sync(kioskB, configB)
        XCTAssertEqual(code, 0, errors)
        XCTAssertTrue(line.hasPrefix("place:fs: ok: read 2 events, 3 busy times"), line)

        let free = try freeSlots(kioskB, on: day)
        for helper in ["amina", "bruno"] {
            XCTAssertFalse(free.contains { $0.helper == helper && $0.start == at(day, 9, 0) }, "closed for \(helper)")
            XCTAssertTrue(free.contains { $0.helper == helper && $0.start == at(day, 10, 0) }, helper)
        }
        XCTAssertFalse(free.contains { $0.helper == "amina" && $0.start == at(day, 11, 0) }, "Amina is booked")
        XCTAssertTrue(free.contains { $0.helper == "bruno" && $0.start == at(day, 11, 0) }, "Bruno is not")
    }

    func test_the_helper_moving_the_event_moves_the_appointment() throws {
        let server = try RadicaleServer(self)
        try server.helper("mkcal", "amina")
        let kiosk = try kioskWithSmallAgenda(self)
        let config = try server.kioskConfiguration(in: kiosk, helpers: ["amina": "amina"])
        let day = try firstDay(kiosk)
        let (_, out) = try book(kiosk, config, at(day, 9, 0))
        let uuid = try XCTUnwrap(
            UUID(uuidString: String(out.split(separator: " ")[1]).trimmingCharacters(in: .whitespacesAndNewlines)))
        try server.helper(
            "move", "amina", uuid.uuidString.lowercased(), iso(at(day, 14, 0)), iso(at(day, 14, 30)))
        let (code, line, errors) = try sync(kiosk, config)
        XCTAssertEqual(code, 0, errors)
        XCTAssertTrue(line.contains("moved by the helper 1"), line)
        let store = try AppDatabase.open(dataDir: kiosk, clock: .fixed(TestNow.date))
        let moved = try XCTUnwrap(try store.appointment(uuid))
        XCTAssertEqual(moved.startsAt, at(day, 14, 0))
        XCTAssertEqual(moved.status, .unknown)
        let sender = try AppDatabase.open(dataDir: kiosk, clock: .fixed(TestNow.date.addingTimeInterval(60)))
        XCTAssertEqual(try sender.claimDueMessages(kinds: [.smsReminder]).map { $0.payload["notice"] }, ["moved"])
    }
}

// MARK: - Days and times of the small agenda

/// The first local day, two days or more after "now", on which Amina offers times.
func firstDay(_ kiosk: URL) throws -> Date {
    let now = TestNow.date
    let store = try AppDatabase.open(dataDir: kiosk, clock: .fixed(now))
    let snapshot = try store.agendaSnapshot(from: now, to: now.addingTimeInterval(40 * 86_400))
    let slots = SlotFinder.freeSlots(
        for: "demarches", in: snapshot, from: now.addingTimeInterval(2 * 86_400), days: 30)
    let slot = try XCTUnwrap(slots.first { parisCalendar.component(.hour, from: $0.start) == 9 })
    return parisCalendar.startOfDay(for: slot.start)
}

/// The free start times on one local day, from the kiosk's local copy.
func startTimes(_ kiosk: URL, on day: Date) throws -> [Date] {
    let now = TestNow.date
    let store = try AppDatabase.open(dataDir: kiosk, clock: .fixed(now))
    let snapshot = try store.agendaSnapshot(from: now, to: now.addingTimeInterval(60 * 86_400))
    return SlotFinder.freeSlots(for: "demarches", in: snapshot, from: now, days: 45)
        .filter { parisCalendar.isDate($0.start, inSameDayAs: day) }.map(\.start)
}

/// The free start times from one local day on.
func startTimes(_ kiosk: URL, from day: Date) throws -> [Date] {
    let now = TestNow.date
    let store = try AppDatabase.open(dataDir: kiosk, clock: .fixed(now))
    let snapshot = try store.agendaSnapshot(from: now, to: now.addingTimeInterval(60 * 86_400))
    return SlotFinder.freeSlots(for: "demarches", in: snapshot, from: now, days: 45).map(\.start).filter { $0 >= day }
}

/// The free slots (every helper) on one local day, from the kiosk's local copy.
func freeSlots(_ kiosk: URL, on day: Date) throws -> [Slot] {
    let now = TestNow.date
    let store = try AppDatabase.open(dataDir: kiosk, clock: .fixed(now))
    let snapshot = try store.agendaSnapshot(from: now, to: now.addingTimeInterval(60 * 86_400))
    return SlotFinder.freeSlots(for: "demarches", in: snapshot, from: now, days: 45)
        .filter { parisCalendar.isDate($0.start, inSameDayAs: day) }
}

func appointmentCount(_ kiosk: URL) throws -> Int {
    let store = try AppDatabase.open(dataDir: kiosk, clock: .fixed(TestNow.date))
    return try store.reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM appointment")! }
}

/// `day` at hh:mm in Paris.
func at(_ day: Date, _ hour: Int, _ minute: Int) -> Date {
    parisCalendar.date(bySettingHour: hour, minute: minute, second: 0, of: day)!
}

func iso(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = parisCalendar.timeZone
    return formatter.string(from: date)
}

func isoDate(_ text: String) -> Date? { ISO8601DateFormatter().date(from: text) }

/// As `passerellectl` prints it: "2026-11-30 03:20" in Paris.
func stampText(_ date: Date) -> String {
    let c = parisCalendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    return String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
}
