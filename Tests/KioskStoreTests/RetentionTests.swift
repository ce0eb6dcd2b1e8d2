// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import GRDB
import XCTest
@testable import KioskStore

final class RetentionTests: XCTestCase {
    func test_a_persons_name_and_phone_are_erased_seven_days_after_the_appointment_and_not_before() throws {
        let clock = ManualClock(paris("2025-11-03 10:00"))
        let database = try AppDatabase.inMemory(clock: clock.storeClock)
        let agenda = try Agenda(database)
        let booked = try database.bookAppointment(agenda.request(at: paris("2025-11-05 14:00")))
        try database.markAppointment(booked.uuid, honoured: true)

        // One minute short of 7 days after the end.
        clock.advance(by: 2 * 86_400 + 4 * 3600 + 30 * 60 + 7 * 86_400 - 60)
        XCTAssertEqual(try database.purge().appointmentsAnonymised, 0)
        XCTAssertEqual(try database.appointment(booked.uuid)?.personName, "Jeanne Martin")

        clock.advance(by: 120)
        XCTAssertEqual(try database.purge().appointmentsAnonymised, 1)
        let kept = try XCTUnwrap(database.appointment(booked.uuid))
        XCTAssertNil(kept.personName)
        XCTAssertNil(kept.personPhone)
        XCTAssertEqual(kept.status, .seen, "the appointment stays, anonymised, for the figures")
        XCTAssertEqual(kept.anonymisedAt, clock.now)
    }

    func test_the_purge_is_idempotent_and_journalled() throws {
        let clock = ManualClock(paris("2025-11-03 10:00"))
        let database = try AppDatabase.inMemory(clock: clock.storeClock)
        let agenda = try Agenda(database)
        _ = try database.bookAppointment(agenda.request(at: paris("2025-11-04 10:00"), sms: true))
        clock.advance(by: 30 * 86_400)
        let first = try database.purge()
        XCTAssertEqual(first, PurgeReport(appointmentsAnonymised: 1, remindersSilenced: 1))
        let second = try database.purge()
        XCTAssertEqual(second, PurgeReport())
        let purges = try database.journal().compactMap { entry -> PurgeReport? in
            if case .purgeCompleted(let report) = entry.event { return report }
            return nil
        }
        XCTAssertEqual(purges, [first, second])
    }

    func test_the_journal_is_kept_twelve_months_then_purged_and_anonymous_figures_stay() throws {
        let clock = ManualClock(paris("2024-10-01 09:00"))
        let database = try AppDatabase.inMemory(clock: clock.storeClock)
        try database.appendJournal(.note("old"))
        let visit = try database.startVisit(language: "fr")
        clock.advance(by: 40 * 86_400)
        try database.appendJournal(.note("younger"))
        clock.advance(by: 330 * 86_400)  // 2025-10-06: "old" is > 12 months, "younger" is not
        let report = try database.purge()
        XCTAssertEqual(report.journalEntriesDeleted, 1)
        let notes = try database.journal().compactMap { entry -> String? in
            if case .note(let text) = entry.event { return text }
            return nil
        }
        XCTAssertEqual(notes, ["younger"])
        XCTAssertNotNil(try database.visit(visit), "anonymous visits are kept")
    }

    func test_shorter_durations_are_honoured() throws {
        let clock = ManualClock(paris("2025-11-03 10:00"))
        let database = try AppDatabase.inMemory(clock: clock.storeClock)
        let agenda = try Agenda(database)
        let booked = try database.bookAppointment(agenda.request(at: paris("2025-11-03 11:00")))
        clock.advance(by: 2 * 3600)
        XCTAssertEqual(try database.purge(RetentionPolicy(personalDataDays: 0)).appointmentsAnonymised, 1)
        XCTAssertNil(try database.appointment(booked.uuid)?.personPhone)
    }
}
