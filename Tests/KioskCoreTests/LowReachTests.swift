import Foundation
import XCTest

@testable import KioskCore

/// Low reach (issue 13, item 14): turned on from home or from "Text and colours" mid-journey
/// with nothing lost, and forgotten with the person like larger text.
final class LowReachTests: XCTestCase {
    let now = paris("2026-11-18 12:06")
    let policy = KioskPolicy(idleTimeout: 90, warningDuration: 30, attractAfter: 120, adminEnabled: true)
    var state: KioskState!
    var env: Environment!

    override func setUp() {
        let snapshot = agenda()
        let catalogue = BookableAgenda(
            services: Array(snapshot.services.values), places: snapshot.places, helpers: snapshot.helpers)
        env = Environment(now: now, policy: policy, content: KioskContent(agenda: catalogue))
        state = KioskState.initial(now: now, policy: policy)
    }

    func send(_ action: Action, at time: Date? = nil) {
        var env = env!
        if let time { env.now = time }
        _ = reduce(&state, action, env)
    }

    func test_it_starts_off_and_the_home_toggle_turns_it_on_and_off() {
        XCTAssertFalse(state.lowReach)
        send(.lowReachToggled)
        XCTAssertTrue(state.lowReach)
        XCTAssertEqual(state.screen, .home, "nothing else changes")
        XCTAssertTrue(state.holdsTraces(policy: policy), "a choice of the person: forgotten after them")
        send(.lowReachToggled)
        XCTAssertFalse(state.lowReach)
    }

    func test_turning_it_on_mid_booking_keeps_the_booking_and_back_returns_to_it() {
        send(.journeyTapped(.booking(nil)))
        send(.booking(.needChosen(env.content.agenda!.supportKinds[0])))
        send(.booking(.slotsLoaded([])))
        state.booking?.name.type("Zoé")
        state.screen = .booking(.name)
        let before = state!
        send(.displayTapped)
        XCTAssertEqual(state.screen, .displayOptions)
        send(.lowReachToggled)
        send(.backTapped)
        XCTAssertEqual(state.screen, .booking(.name))
        XCTAssertTrue(state.lowReach)
        XCTAssertEqual(state.booking, before.booking, "the booking is as it was")
        XCTAssertEqual(state.history, before.history)
    }

    func test_the_idle_reset_turns_it_off() {
        send(.lowReachToggled)
        send(.timeElapsed, at: now.addingTimeInterval(90))
        XCTAssertEqual(state.idle, .warning(resetAt: now.addingTimeInterval(120), secondsLeft: 30))
        XCTAssertTrue(state.lowReach, "kept while the person may still be there")
        send(.timeElapsed, at: now.addingTimeInterval(120))
        XCTAssertFalse(state.lowReach)
        XCTAssertEqual(state, KioskState.initial(now: now.addingTimeInterval(120), policy: policy))
    }

    func test_finishing_turns_it_off_before_the_goodbye() {
        send(.lowReachToggled)
        send(.journeyTapped(.booking(nil)))
        state.screen = .booking(.ticket)
        send(.booking(.finishTapped))
        guard case .goodbye = state.screen else { return XCTFail("\(state.screen)") }
        XCTAssertFalse(state.lowReach)
    }
}
