// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import Foundation
import GRDB
import KioskCore
import XCTest
@testable import KioskStore

final class AgendaStoreTests: XCTestCase {
    func test_the_example_agenda_imports_and_offers_slots_for_every_bookable_kind_of_help() throws {
        let clock = ManualClock(paris("2026-11-23 08:00"))  // a Monday
        let database = try AppDatabase.inMemory(clock: clock.storeClock)
        let document = try exampleAgenda()
        let report = try database.importAgenda(document)
        XCTAssertEqual(report.places, 2)
        XCTAssertEqual(report.helpers, 4)
        XCTAssertEqual(Set(document.services.map(\.support)), Set(SupportKind.allCases.filter(\.isBookable)))
        let snapshot = try database.agendaSnapshot(from: clock.now, to: clock.now.addingTimeInterval(30 * 86_400))
        for service in document.services {
            XCTAssertFalse(
                SlotFinder.freeSlots(for: service.key, in: snapshot, from: clock.now, days: 14).isEmpty, service.key)
            XCTAssertFalse(
                service.name.ar.unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) })
        }
        XCTAssertEqual(snapshot.services["aide-demarches"]?.name.en, "Help with official procedures")
        XCTAssertEqual(snapshot.services["demarches-telephone"]?.location, .phone)
        XCTAssertEqual(snapshot.services["aide-demarches"]?.minNoticeMinutes, 120)
        // Closed day of the file and Armistice: nothing on 10 and 11 November 2026.
        let november = SlotFinder.freeSlots(
            for: "aide-demarches", in: snapshot, from: paris("2026-11-09 08:00"), days: 3)
        XCTAssertEqual(Set(november.map(\.day)), [LocalDay("2026-11-09")!])
    }

    func test_re_importing_the_same_file_changes_nothing() throws {
        let database = try AppDatabase.inMemory(clock: .fixed(paris("2026-11-23 08:00")))
        try database.importAgenda(try exampleAgenda())
        let before = try dump(database)
        let second = try database.importAgenda(try exampleAgenda())
        XCTAssertEqual(second.added, 0)
        XCTAssertEqual(second.removed, [])
        XCTAssertEqual(try dump(database), before)
    }

    func test_a_row_that_appointments_use_is_deactivated_not_deleted_and_comes_back() throws {
        let clock = ManualClock(paris("2026-11-23 08:00"))
        let database = try AppDatabase.inMemory(clock: clock.storeClock)
        try database.importAgenda(try smallAgenda())
        let slot = try XCTUnwrap(
            SlotFinder.firstFreeSlot(for: "demarches", in: try snapshot(database, clock.now), from: clock.now))
        let appointment = try database.book(slot, for: PersonContact(name: "Jeanne Martin", phone: "06 12 34 56 78"))
        var without = try smallAgenda()
        without.helpers = []
        without.ranges = []
        without.services = []
        without.places = []
        let report = try database.importAgenda(without)
        XCTAssertEqual(report.deactivated.sorted(), ["helper amina", "place fs", "service demarches"])
        XCTAssertEqual(try database.appointment(appointment.uuid)?.status, .unknown, "the appointment stays")
        XCTAssertTrue(
            SlotFinder.freeSlots(for: "demarches", in: try snapshot(database, clock.now), from: clock.now, days: 7)
                .isEmpty)
        try database.importAgenda(try smallAgenda())
        XCTAssertFalse(
            SlotFinder.freeSlots(for: "demarches", in: try snapshot(database, clock.now), from: clock.now, days: 7)
                .isEmpty)
        XCTAssertEqual(try database.bookedAppointment(appointment.uuid)?.helper.firstName, "Amina")
    }

    func test_booking_removes_the_slot_and_the_same_slot_cannot_be_booked_twice() throws {
        let clock = ManualClock(paris("2026-11-23 08:00"))
        let database = try AppDatabase.inMemory(clock: clock.storeClock)
        try database.importAgenda(try smallAgenda())
        let slots = SlotFinder.freeSlots(
            for: "demarches", in: try snapshot(database, clock.now), from: clock.now, days: 1)
        XCTAssertEqual(slots.count, 6)
        _ = try database.book(slots[2])
        let after = SlotFinder.freeSlots(
            for: "demarches", in: try snapshot(database, clock.now), from: clock.now, days: 1)
        XCTAssertEqual(after, slots.filter { $0 != slots[2] })
        XCTAssertProblem(.slotTaken) { () throws(StoreProblem) in try database.book(slots[2]) }
        let outside = Slot(
            service: "demarches", helper: "amina", place: "fs", start: paris("2026-11-23 14:00"),
            end: paris("2026-11-23 14:30"))
        XCTAssertProblem(.slotTaken) { () throws(StoreProblem) in try database.book(outside) }
        XCTAssertProblem(.rejected(rule: "not a phone number")) { () throws(StoreProblem) in
            try database.book(slots[3], for: PersonContact(phone: "call me"))
        }
    }

    func test_a_person_finds_their_appointments_with_their_phone_typed_any_way() throws {
        let clock = ManualClock(paris("2026-11-23 08:00"))
        let database = try AppDatabase.inMemory(clock: clock.storeClock)
        try database.importAgenda(try smallAgenda())
        let slots = SlotFinder.freeSlots(
            for: "demarches", in: try snapshot(database, clock.now), from: clock.now, days: 3)
        let first = try database.book(slots[7], for: PersonContact(name: "Jeanne", phone: "06 12 34 56 78"))
        let second = try database.book(slots[1], for: PersonContact(name: "Jeanne", phone: "+33612345678"))
        let other = try database.book(slots[2], for: PersonContact(name: "Paul", phone: "0698765432"))
        let cancelled = try database.book(slots[3], for: PersonContact(name: "Jeanne", phone: "0612345678"))
        try database.cancelAppointment(cancelled.uuid, byPerson: true)
        for typed in [
            "06 12 34 56 78", "0612345678", "+33612345678", "+33 6 12 34 56 78", "0033612345678", "06.12.34.56.78",
            "٠٦١٢٣٤٥٦٧٨",
        ] {
            XCTAssertEqual(
                try database.appointments(phone: typed).map(\.appointment.uuid), [second.uuid, first.uuid], typed)
        }
        XCTAssertEqual(try database.appointments(phone: "0698765432").map(\.appointment.uuid), [other.uuid])
        XCTAssertEqual(try database.appointments(phone: "12"), [])
        clock.advance(by: 86_400 * 10)
        XCTAssertEqual(try database.appointments(phone: "0612345678"), [], "only future appointments")
        XCTAssertEqual(first.personPhone, "+33612345678")
    }

    func test_a_person_with_no_phone_finds_their_appointment_by_first_name_and_day() throws {
        let clock = ManualClock(paris("2026-11-23 08:00"))
        let database = try AppDatabase.inMemory(clock: clock.storeClock)
        try database.importAgenda(try smallAgenda())
        let slots = SlotFinder.freeSlots(
            for: "demarches", in: try snapshot(database, clock.now), from: clock.now, days: 3)
        let zoe = try database.book(slots[1], for: PersonContact(name: "Zoé"))
        _ = try database.book(slots[2], for: PersonContact(name: "Paul"))
        let day = ParisTime.day(of: slots[1].start)
        for typed in ["Zoé", "zoe", " ZOE ", "Zo-é"] {
            XCTAssertEqual(
                try database.appointments(firstName: typed, day: day).map(\.appointment.uuid), [zoe.uuid], typed)
        }
        XCTAssertEqual(try database.appointments(firstName: "Zoé", day: day.adding(days: 1)), [], "another day")
        XCTAssertEqual(try database.appointments(firstName: "Zoë-Anne", day: day), [], "another name")
        XCTAssertEqual(try database.appointments(firstName: "", day: day), [], "no name finds nothing")
        try database.cancelAppointment(zoe.uuid, byPerson: true)
        XCTAssertEqual(try database.appointments(firstName: "Zoé", day: day), [], "a cancelled one is not found")
    }

    func test_moving_frees_the_old_slot_takes_the_new_one_and_reschedules_the_reminder() throws {
        let clock = ManualClock(paris("2026-11-23 08:00"))
        let database = try AppDatabase.inMemory(clock: clock.storeClock)
        try database.importAgenda(try smallAgenda())
        let slots = SlotFinder.freeSlots(
            for: "demarches", in: try snapshot(database, clock.now), from: clock.now, days: 10)
        let tuesday = slots.filter { $0.day == LocalDay("2026-11-24") }
        let nextWeek = try XCTUnwrap(slots.first { $0.day == LocalDay("2026-11-30") })
        let monday = tuesday[0]  // 25 h away
        let taken = try database.book(tuesday[1])
        let appointment = try database.book(
            monday, for: PersonContact(name: "Jeanne", phone: "0612345678", remindBySMS: true))
        let claimed = try database.claimDueMessages()
        XCTAssertEqual(claimed.count, 1, "booked within 48 h: reminder due now")
        try database.markSent(claimed[0].uuid)
        XCTAssertProblem(.slotTaken) { () throws(StoreProblem) in
            try database.moveAppointment(appointment.uuid, to: tuesday[1])
        }
        XCTAssertEqual(
            try database.appointment(appointment.uuid)?.startsAt, monday.start, "a refused move changes nothing")
        let moved = try database.moveAppointment(appointment.uuid, to: nextWeek)
        XCTAssertEqual(moved.startsAt, nextWeek.start)
        let free = SlotFinder.freeSlots(
            for: "demarches", in: try snapshot(database, clock.now), from: clock.now, days: 10)
        XCTAssertTrue(free.contains(monday))
        XCTAssertFalse(free.contains(nextWeek))
        XCTAssertFalse(free.contains(tuesday[1]), "\(taken.uuid) still holds its slot")
        XCTAssertEqual(try database.claimDueMessages(), [], "the reminder now waits for 48 h before the new time")
        clock.advance(by: nextWeek.start.timeIntervalSince(clock.now) - 48 * 3600)
        let again = try database.claimDueMessages()
        XCTAssertEqual(again.map(\.kind), [.smsReminder], "sent before, sent again for the new time")
        XCTAssertNotEqual(again.first?.uuid, claimed[0].uuid, "under a new idempotency key")
    }

    func test_a_reminder_is_skipped_when_the_appointment_is_within_two_hours() throws {
        let clock = ManualClock(paris("2026-11-23 08:00"))
        let database = try AppDatabase.inMemory(clock: clock.storeClock)
        try database.importAgenda(try smallAgenda())
        let slots = SlotFinder.freeSlots(
            for: "demarches", in: try snapshot(database, clock.now), from: clock.now, days: 1)
        _ = try database.book(slots[0], for: PersonContact(phone: "0612345678", remindBySMS: true))  // 09:00, 1 h away
        XCTAssertEqual(try database.claimDueMessages(), [])
        XCTAssertEqual(
            AppDatabase.Options().reminderDue(start: paris("2026-11-30 10:00"), now: clock.now),
            paris("2026-11-28 10:00"))
    }

    // MARK: - Helpers

    private func snapshot(_ database: AppDatabase, _ now: Date) throws -> AgendaSnapshot {
        try database.agendaSnapshot(from: now.addingTimeInterval(-86_400), to: now.addingTimeInterval(90 * 86_400))
    }

    /// Every agenda table's content (ids included), to compare before and after.
    private func dump(_ database: AppDatabase) throws -> [String] {
        try database.reader.read { db in
            var lines: [String] = []
            for table in [
                "place", "service", "helper", "opening_range", "opening_range_service", "absence", "closed_day",
                "agenda_setting",
            ] {
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table)")
                lines += rows.map {
                    "\(table) \($0)".replacingOccurrences(
                        of: #"importedAt:"[^"]*""#, with: "", options: .regularExpression)
                }
            }
            return lines.sorted()
        }
    }
}
