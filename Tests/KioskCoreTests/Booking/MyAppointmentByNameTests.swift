import Foundation
import XCTest

@testable import KioskCore

/// "My appointment" with no phone number and no ticket: the first name and the day find it,
/// the time confirms it; every dead end says what to do.
final class MyAppointmentByNameTests: XCTestCase {
    let now = paris("2026-11-18 12:06")
    let policy = KioskPolicy(idleTimeout: 90, warningDuration: 30, attractAfter: 120, adminEnabled: true)
    var state: KioskState!
    var env: Environment!
    var summary: AppointmentSummary!

    override func setUp() {
        let snapshot = agenda()
        let catalogue = BookableAgenda(
            services: Array(snapshot.services.values), places: snapshot.places, helpers: snapshot.helpers)
        env = Environment(now: now, policy: policy, content: KioskContent(agenda: catalogue))
        state = KioskState.initial(now: now, policy: policy)
        let service = catalogue.services.sorted { $0.key < $1.key }[0]
        let helper = catalogue.helpers.values.sorted { $0.key < $1.key }[0]
        summary = AppointmentSummary(
            uuid: UUID(), service: service, helper: helper, place: nil, start: paris("2026-11-24 09:45"),
            end: paris("2026-11-24 10:30"))
        _ = reduce(&state, .journeyTapped(.myAppointment), env)
    }

    func test_four_digits_say_the_number_does_not_look_right_and_search_nothing() {
        _ = reduce(&state, .keyTyped("0612"), env)
        XCTAssertEqual(reduce(&state, .myAppointment(.searchTapped), env), [])
        XCTAssertEqual(state.myAppointment?.phoneInvalid, true)
        XCTAssertEqual(state.screen, .myAppointment(.phone))
        _ = reduce(&state, .keyTyped("3"), env)
        XCTAssertEqual(state.myAppointment?.phoneInvalid, false, "typing again clears the message")
    }

    func test_no_appointment_with_a_number_says_what_to_do() {
        _ = reduce(&state, .keyTyped("0698765432"), env)
        XCTAssertEqual(reduce(&state, .myAppointment(.searchTapped), env), [.findAppointments(phone: "0698765432")])
        _ = reduce(&state, .myAppointment(.found([])), env)
        XCTAssertEqual(state.screen, .myAppointment(.notFound(.phone)))
        _ = reduce(&state, .myAppointment(.byNameTapped), env)
        XCTAssertEqual(state.screen, .myAppointment(.name))
    }

    func test_first_name_and_day_then_the_right_time_show_the_appointment() {
        _ = reduce(&state, .myAppointment(.byNameTapped), env)
        XCTAssertEqual(reduce(&state, .myAppointment(.nameEntered), env), [], "a name is needed")
        XCTAssertEqual(state.screen, .myAppointment(.name))
        _ = reduce(&state, .keyTyped("Zoé"), env)
        _ = reduce(&state, .myAppointment(.nameEntered), env)
        XCTAssertEqual(state.screen, .myAppointment(.day))
        XCTAssertEqual(state.myAppointment?.offeredDays.first, LocalDay("2026-11-18"), "today first")
        XCTAssertEqual(state.myAppointment?.offeredDays.count, 8)
        _ = reduce(&state, .myAppointment(.moreDaysTapped), env)
        XCTAssertEqual(state.myAppointment?.offeredDays.first, LocalDay("2026-11-26"))
        let day = LocalDay("2026-11-24")!
        XCTAssertEqual(
            reduce(&state, .myAppointment(.dayChosen(day)), env), [.findAppointmentsByName(firstName: "Zoé", day: day)])
        _ = reduce(&state, .myAppointment(.foundByName([summary])), env)
        XCTAssertEqual(state.screen, .myAppointment(.time))
        let choices = MyAppointmentJourney.timeChoices(for: [summary])
        XCTAssertTrue(choices.contains(summary.start))
        XCTAssertGreaterThanOrEqual(choices.count, 4, "the time is one among others")
        XCTAssertEqual(choices, choices.sorted())
        _ = reduce(&state, .myAppointment(.timeChosen(summary.start)), env)
        XCTAssertEqual(state.screen, .myAppointment(.list))
        XCTAssertEqual(state.myAppointment?.found, [summary])
    }

    func test_a_wrong_time_shows_nothing_and_offers_to_try_again() {
        _ = reduce(&state, .myAppointment(.byNameTapped), env)
        _ = reduce(&state, .keyTyped("Zoé"), env)
        _ = reduce(&state, .myAppointment(.nameEntered), env)
        _ = reduce(&state, .myAppointment(.dayChosen(LocalDay("2026-11-24")!)), env)
        _ = reduce(&state, .myAppointment(.foundByName([summary])), env)
        let wrong = MyAppointmentJourney.timeChoices(for: [summary]).first { $0 != summary.start }!
        _ = reduce(&state, .myAppointment(.timeChosen(wrong)), env)
        XCTAssertEqual(state.screen, .myAppointment(.notFound(.time)))
        XCTAssertEqual(state.myAppointment?.found, [], "nothing of the appointment is kept to show")
        XCTAssertEqual(state.myAppointment?.matches, [])
        _ = reduce(&state, .myAppointment(.tryAgainTapped), env)
        XCTAssertEqual(state.screen, .myAppointment(.name))
        XCTAssertEqual(state.myAppointment?.name.text, "Zoé", "the name stays")
    }

    func test_nobody_of_that_name_that_day_says_so() {
        _ = reduce(&state, .myAppointment(.byNameTapped), env)
        _ = reduce(&state, .keyTyped("Paul"), env)
        _ = reduce(&state, .myAppointment(.nameEntered), env)
        _ = reduce(&state, .myAppointment(.dayChosen(LocalDay("2026-11-24")!)), env)
        _ = reduce(&state, .myAppointment(.foundByName([])), env)
        XCTAssertEqual(state.screen, .myAppointment(.notFound(.name)))
        _ = reduce(&state, .myAppointment(.foundByName(nil)), env)
        XCTAssertEqual(state.screen, .myAppointment(.notFound(.name)), "a late answer changes nothing")
    }

    /// The time proves the appointment is the person's: two wrong ones, and only a person here
    /// helps, even after starting the search again; the next person starts afresh.
    func test_two_wrong_times_leave_only_a_person_here() {
        func search() {
            _ = reduce(&state, .myAppointment(.byNameTapped), env)
            _ = reduce(&state, .keyTyped("Zoé"), env)
            _ = reduce(&state, .myAppointment(.nameEntered), env)
            _ = reduce(&state, .myAppointment(.dayChosen(LocalDay("2026-11-24")!)), env)
            _ = reduce(&state, .myAppointment(.foundByName([summary])), env)
        }
        let wrong = MyAppointmentJourney.timeChoices(for: [summary]).filter { $0 != summary.start }
        search()
        _ = reduce(&state, .myAppointment(.timeChosen(wrong[0])), env)
        _ = reduce(&state, .myAppointment(.tryAgainTapped), env)
        XCTAssertEqual(state.screen, .myAppointment(.name), "one wrong time: try again")
        state.myAppointment?.name = TextEntry(kind: .name, maxLength: 30)
        _ = reduce(&state, .keyTyped("Zoé"), env)
        _ = reduce(&state, .myAppointment(.nameEntered), env)
        _ = reduce(&state, .myAppointment(.dayChosen(LocalDay("2026-11-24")!)), env)
        _ = reduce(&state, .myAppointment(.foundByName([summary])), env)
        _ = reduce(&state, .myAppointment(.timeChosen(wrong[1])), env)
        XCTAssertEqual(state.wrongAppointmentTimes, 2)
        XCTAssertEqual(reduce(&state, .myAppointment(.tryAgainTapped), env), [])
        XCTAssertEqual(state.screen, .myAppointment(.notFound(.time)), "no third try")

        // Home, then the search again: the times are not offered any more.
        _ = reduce(&state, .homeTapped, env)
        _ = reduce(&state, .journeyTapped(.myAppointment), env)
        search()
        XCTAssertEqual(state.screen, .myAppointment(.notFound(.time)))

        _ = state.forgetPerson(now: now, policy: policy)
        XCTAssertEqual(state.wrongAppointmentTimes, 0, "the next person starts afresh")
    }
}
