import Foundation
import XCTest

@testable import KioskCore

/// An autonomous person's list of free resources (issue 13, item 9): printed when a printer
/// is configured, on screen when nothing can print it, never lost.
final class ResourcesOnScreenTests: XCTestCase {
    var state = KioskState.initial(now: DiagnosticFixtures.start, policy: KioskPolicy())
    var policy = KioskPolicy()
    var content = KioskContent()

    override func setUpWithError() throws {
        let pack = try DiagnosticFixtures.shippedPack()
        content.diagnosticPack = pack
        var journey = DiagnosticJourney(pack: pack, now: DiagnosticFixtures.start)
        journey.session = Person.confident.run(pack)
        journey.resultPending = true
        state.diagnostic = journey
        state.screen = .diagnostic(.result)
        XCTAssertEqual(journey.followUp(content: content), .printResources)
    }

    @discardableResult
    func send(_ action: Action) -> [Effect] {
        reduce(&state, action, Environment(now: DiagnosticFixtures.start + 60, policy: policy, content: content))
    }

    func test_without_a_printer_the_list_goes_on_screen_at_once_and_back_returns_to_the_result() {
        policy.printerConfigured = false
        let effects = send(.diagnostic(.followUpTapped))
        XCTAssertEqual(state.screen, .diagnostic(.resources))
        XCTAssertFalse(effects.contains { if case .printResources = $0 { true } else { false } }, "\(effects)")
        XCTAssertEqual(
            state.idleTimeout(policy: policy), policy.ticketTimeout, "copied or photographed: a ticket's time")
        send(.backTapped)
        XCTAssertEqual(state.screen, .diagnostic(.result))
        XCTAssertNotNil(state.diagnostic, "the result is still there")
    }

    func test_with_a_printer_the_list_is_printed_and_a_failed_print_shows_it_on_screen() {
        let effects = send(.diagnostic(.followUpTapped))
        XCTAssertTrue(effects.contains { if case .printResources = $0 { true } else { false } }, "\(effects)")
        XCTAssertEqual(state.screen, .diagnostic(.result))
        send(.diagnostic(.resourcesPrinted(true)))
        XCTAssertEqual(state.screen, .diagnostic(.result), "printed: take it under the screen")
        send(.diagnostic(.resourcesPrinted(false)))
        XCTAssertEqual(state.screen, .diagnostic(.resources), "not printed: on screen")
        XCTAssertEqual(state.diagnostic?.resourcesPrinted, false)
    }

    func test_the_list_turns_its_pages_only_on_its_own_screen() {
        send(.diagnostic(.resourcesPageTurned(forward: true)))
        XCTAssertEqual(state.diagnostic?.resourcesPage, 0, "not on the result")
        policy.printerConfigured = false
        send(.diagnostic(.followUpTapped))
        send(.diagnostic(.resourcesPageTurned(forward: true)))
        XCTAssertEqual(state.diagnostic?.resourcesPage, 1)
        send(.diagnostic(.resourcesPageTurned(forward: false)))
        send(.diagnostic(.resourcesPageTurned(forward: false)))
        XCTAssertEqual(state.diagnostic?.resourcesPage, 0, "never before the first")
    }

    func test_leaving_from_the_list_saves_the_result_once() {
        policy.printerConfigured = false
        var effects = send(.diagnostic(.followUpTapped))
        effects += send(.backTapped)
        effects += send(.diagnostic(.followUpTapped))
        effects += send(.homeTapped)
        XCTAssertEqual(
            effects.filter { if case .saveDiagnostic = $0 { true } else { false } }.count, 1, "\(effects)")
    }
}
