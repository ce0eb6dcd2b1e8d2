import Foundation
import XCTest

@testable import KioskCore

/// Larger text and stronger colours from any screen, nothing lost; "Home" asks before it
/// throws a diagnostic or a booking away (issue 13, item 4).
final class DisplayAndLeavingTests: XCTestCase {
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
        _ = reduce(&state, .journeyTapped(.booking(nil)), env)
        let kind = catalogue.supportKinds[0]
        _ = reduce(&state, .booking(.needChosen(kind)), env)
        _ = reduce(&state, .booking(.slotsLoaded([])), env)
        state.booking?.name.type("Zoé")
        state.screen = .booking(.name)
    }

    func test_the_display_options_change_text_and_colours_and_back_returns_with_nothing_lost() {
        let before = state!
        _ = reduce(&state, .displayTapped, env)
        XCTAssertEqual(state.screen, .displayOptions)
        _ = reduce(&state, .largeTextToggled, env)
        _ = reduce(&state, .highContrastToggled, env)
        _ = reduce(&state, .backTapped, env)
        XCTAssertEqual(state.screen, .booking(.name))
        XCTAssertTrue(state.largeText)
        XCTAssertTrue(state.highContrast)
        XCTAssertEqual(state.booking, before.booking, "the booking is as it was")
        XCTAssertEqual(state.history, before.history)
    }

    func test_home_during_a_booking_asks_and_carrying_on_keeps_it() {
        let before = state!
        _ = reduce(&state, .homeTapped, env)
        XCTAssertEqual(state.screen, .leaveConfirmation)
        _ = reduce(&state, .homeTapped, env)
        XCTAssertEqual(state.screen, .leaveConfirmation, "a second tap on home is not a yes")
        _ = reduce(&state, .backTapped, env)
        XCTAssertEqual(state.screen, .booking(.name))
        XCTAssertEqual(state.booking, before.booking)
        _ = reduce(&state, .homeTapped, env)
        _ = reduce(&state, .leaveConfirmed, env)
        XCTAssertEqual(state.screen, .home)
        XCTAssertEqual(state.history, [])
    }

    func test_home_from_the_display_options_or_help_over_a_booking_asks_too() {
        _ = reduce(&state, .displayTapped, env)
        _ = reduce(&state, .homeTapped, env)
        XCTAssertEqual(state.screen, .leaveConfirmation)
        _ = reduce(&state, .backTapped, env)
        _ = reduce(&state, .backTapped, env)
        _ = reduce(&state, .helpTapped, env)
        _ = reduce(&state, .homeTapped, env)
        XCTAssertEqual(state.screen, .leaveConfirmation)
    }

    func test_home_with_nothing_to_lose_goes_home_at_once() {
        var fresh = KioskState.initial(now: now, policy: policy)
        _ = reduce(&fresh, .journeyTapped(.booking(nil)), env)
        XCTAssertEqual(fresh.screen, .booking(.need))
        _ = reduce(&fresh, .homeTapped, env)
        XCTAssertEqual(fresh.screen, .home)
    }
}
