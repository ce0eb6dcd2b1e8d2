// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import GRDB
import XCTest
@testable import KioskStore

final class BookingAndOutboxTests: XCTestCase {
    func test_one_helper_slot_cannot_be_booked_twice_or_overlapped() throws {
        let database = try AppDatabase.inMemory(clock: .fixed(paris("2025-11-03 10:00")))
        let agenda = try Agenda(database)
        let first = try database.bookAppointment(agenda.request(at: paris("2025-11-05 10:00")))
        XCTAssertProblem(.slotTaken) { () throws(StoreProblem) in
            try database.bookAppointment(agenda.request(at: paris("2025-11-05 10:00")))
        }
        XCTAssertProblem(.slotTaken) { () throws(StoreProblem) in
            try database.bookAppointment(agenda.request(at: paris("2025-11-05 10:15")))
        }
        _ = try database.bookAppointment(agenda.request(at: paris("2025-11-05 10:30")))
        try database.cancelAppointment(first.uuid, byPerson: true)
        XCTAssertEqual(try database.appointment(first.uuid)?.status, .excused)
        _ = try database.bookAppointment(agenda.request(at: paris("2025-11-05 10:00")))
    }

    func test_booking_queues_a_reminder_48_hours_before_and_cancelling_abandons_it() throws {
        let clock = ManualClock(paris("2025-11-03 10:00"))
        let database = try AppDatabase.inMemory(clock: clock.storeClock)
        let agenda = try Agenda(database)
        let booked = try database.bookAppointment(agenda.request(at: paris("2025-11-10 10:00"), sms: true))
        XCTAssertEqual(try database.claimDueMessages(), [])
        clock.advance(by: 5 * 86_400)  // 2025-11-08 10:00, 48 h before
        let due = try database.claimDueMessages()
        XCTAssertEqual(due.map(\.kind), [.smsReminder])
        XCTAssertEqual(due.first?.payload, ["appointment": booked.uuid.uuidString], "no phone number in the outbox")
        try database.cancelAppointment(booked.uuid, byPerson: true)
        clock.advance(by: 3600)
        XCTAssertEqual(try database.claimDueMessages(), [])
    }

    func test_a_failed_message_is_retried_with_backoff_under_the_same_key_then_abandoned_and_journalled() throws {
        let clock = ManualClock(paris("2025-11-03 10:00"))
        let database = try AppDatabase.inMemory(clock: clock.storeClock)
        let key = try database.enqueue(.webhook, payload: ["event": "appointment_booked"])
        for attempt in 1...8 {
            let claimed = try database.claimDueMessages()
            XCTAssertEqual(claimed.map(\.uuid), [key], "attempt \(attempt)")
            XCTAssertEqual(claimed.first?.attempt, attempt)
            try database.markFailed(key, error: "HTTP 503")
            XCTAssertEqual(try database.claimDueMessages(), [], "not before the backoff")
            clock.advance(by: AppDatabase.outboxBackoff(afterAttempt: attempt))
        }
        XCTAssertEqual(try database.claimDueMessages(), [])
        XCTAssertTrue(
            try database.journal().contains { $0.event == .outboxAbandoned(message: key, kind: .webhook, attempts: 8) })
        XCTAssertEqual(AppDatabase.outboxBackoff(afterAttempt: 1), 60)
        XCTAssertEqual(AppDatabase.outboxBackoff(afterAttempt: 20), 6 * 3600)
    }

    func test_a_sender_that_dies_mid_send_lets_the_lease_expire_and_the_message_is_sent_once() throws {
        let clock = ManualClock(paris("2025-11-03 10:00"))
        let database = try AppDatabase.inMemory(clock: clock.storeClock)
        let key = try database.enqueue(.printJob, payload: ["document": "receipt"])
        XCTAssertEqual(try database.claimDueMessages(lease: 60).map(\.uuid), [key])
        XCTAssertEqual(try database.claimDueMessages(lease: 60), [], "leased")
        clock.advance(by: 61)
        XCTAssertEqual(try database.claimDueMessages(lease: 60).map(\.uuid), [key], "same idempotency key")
        try database.markSent(key)
        clock.advance(by: 86_400)
        XCTAssertEqual(try database.claimDueMessages(), [])
    }

    func test_remote_sessions_need_consent_and_are_journalled() throws {
        let clock = ManualClock(paris("2025-11-03 10:00"))
        let database = try AppDatabase.inMemory(clock: clock.storeClock)
        let request = try database.recordHelpRequest(channel: .remote, thematique: "social_sante")
        let session = try database.startRemoteSession(helpRequest: request, viewConsentAt: clock.now)
        try database.grantRemoteControl(session)
        clock.advance(by: 600)
        try database.endRemoteSession(session, reason: .completed)
        try database.closeHelpRequest(request, outcome: .helped)
        XCTAssertEqual(
            try database.journal().map(\.event.kind),
            [
                .helpRequested, .remoteConsentGiven, .remoteSessionStarted, .remoteConsentGiven, .remoteSessionEnded,
            ])
        XCTAssertProblem(.notFound(what: "running remote session \(session)")) { () throws(StoreProblem) in
            try database.endRemoteSession(session, reason: .timeout)
        }
    }
}
