import Foundation
import XCTest

@testable import KioskCore

/// The help request and the remote session's consent machine, with a test clock: nobody sees
/// before the first yes, nobody touches before the second, the person stops it in one tap,
/// and every timer ends it by itself.
final class RemoteSessionTests: XCTestCase {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    var policy = KioskPolicy(idleTimeout: 90, warningDuration: 30, attractAfter: 120)
    var now: Date!
    var state: KioskState!

    override func setUp() {
        policy.helpHereEnabled = true
        policy.remote.enabled = true
        policy.remote.aidantName = "Marie"
        now = start
        state = KioskState.initial(now: start, policy: policy)
    }

    @discardableResult
    func send(_ action: Action) -> [Effect] { reduce(&state, action, Environment(now: now, policy: policy)) }

    @discardableResult
    func advance(_ seconds: Double) -> [Effect] {
        now = now.addingTimeInterval(seconds)
        return send(.timeElapsed)
    }

    /// Help asked from home, remote help requested, the code back, and a viewer connected.
    func connectAidant() {
        send(.helpTapped)
        XCTAssertEqual(send(.help(.remoteTapped)), [.requestHelp(.remote, language: .fr)])
        send(.help(.requestSent(HelpTicket(code: "4721", expiresAt: now.addingTimeInterval(900)))))
        send(.help(.aidantConnected(name: "")))
    }

    func test_help_offers_what_is_configured() {
        send(.helpTapped)
        XCTAssertEqual(state.screen, .help(.choose(from: .home)))
        XCTAssertEqual(state.help?.offers, [.here, .remote])
        policy.remote.enabled = false
        policy.helpHereEnabled = false
        send(.backTapped)
        send(.helpTapped)
        XCTAssertEqual(state.help?.offers, [])
        XCTAssertEqual(send(.help(.remoteTapped)), [], "remote help cannot be asked for when it is not offered")
    }

    func test_the_waiting_screen_says_so_when_nobody_comes() {
        send(.helpTapped)
        send(.help(.personHereTapped))
        XCTAssertEqual(state.screen, .help(.looking))
        advance(policy.remote.helpWait - 1)
        XCTAssertEqual(state.screen, .help(.looking))
        XCTAssertEqual(state.idle, .active, "waiting is not idling")
        advance(1)
        XCTAssertEqual(state.screen, .help(.nobodyCame))
        XCTAssertEqual(send(.help(.tryAgainTapped)), [.requestHelp(.here, language: .fr)])
        XCTAssertEqual(state.screen, .help(.looking))
    }

    func test_a_request_that_could_not_be_queued_offers_another_way_at_once() {
        send(.helpTapped)
        send(.help(.personHereTapped))
        send(.help(.requestSent(nil)))
        XCTAssertEqual(state.screen, .help(.nobodyCame))
    }

    func test_nothing_is_shared_before_the_first_yes_and_it_names_the_aidant() {
        connectAidant()
        guard case .askingView = state.remote?.phase else {
            return XCTFail("not asked: \(String(describing: state.remote))")
        }
        XCTAssertEqual(state.remote?.aidant, "Marie")
        XCTAssertEqual(state.remote?.code, "4721")
        XCTAssertEqual(state.remote?.isSharing, false)
        XCTAssertEqual(send(.help(.viewAllowedTapped)), [.remote(.viewAllowed)])
        XCTAssertEqual(state.remote?.phase, .viewing)
        XCTAssertEqual(state.screen, .home, "the waiting screens give way to what the person was doing")
        XCTAssertNil(state.help, "the request is served")
    }

    func test_no_answer_in_time_is_a_no() {
        connectAidant()
        XCTAssertEqual(advance(59), [])
        XCTAssertEqual(advance(1), [.remote(.viewRefused(.noAnswer))])
        XCTAssertEqual(state.remote?.isSharing, false)
        advance(policy.remote.endedNotice)
        XCTAssertNil(state.remote, "the closing notice goes by itself")
    }

    func test_refusing_closes_the_connection() {
        connectAidant()
        XCTAssertEqual(send(.help(.viewRefusedTapped)), [.remote(.viewRefused(.refused))])
        XCTAssertEqual(send(.help(.controlOfferTapped)), [], "no control question without a session")
    }

    func test_touching_is_a_second_separate_yes_and_can_be_taken_back() {
        connectAidant()
        send(.help(.viewAllowedTapped))
        XCTAssertFalse(state.remote!.acceptsRemoteInput(now: now, policy: policy.remote))
        XCTAssertEqual(send(.help(.controlAllowedTapped)), [], "no yes to a question not asked")
        send(.help(.controlOfferTapped))
        XCTAssertEqual(send(.help(.controlAllowedTapped)), [.remote(.controlAllowed)])
        XCTAssertTrue(state.remote!.acceptsRemoteInput(now: now, policy: policy.remote))
        XCTAssertEqual(send(.help(.controlWithdrawnTapped)), [.remote(.controlWithdrawn)])
        XCTAssertEqual(state.remote?.phase, .viewing)
        XCTAssertFalse(state.remote!.acceptsRemoteInput(now: now, policy: policy.remote))
    }

    func test_an_unanswered_control_question_leaves_it_view_only() {
        connectAidant()
        send(.help(.viewAllowedTapped))
        send(.help(.controlOfferTapped))
        advance(policy.remote.consentTimeout)
        XCTAssertEqual(state.remote?.phase, .viewing)
    }

    func test_a_local_touch_wins_for_two_seconds() {
        connectAidant()
        send(.help(.viewAllowedTapped))
        send(.help(.controlOfferTapped))
        send(.help(.controlAllowedTapped))
        send(.personActed)
        XCTAssertFalse(state.remote!.acceptsRemoteInput(now: now.addingTimeInterval(1.9), policy: policy.remote))
        XCTAssertTrue(state.remote!.acceptsRemoteInput(now: now.addingTimeInterval(2), policy: policy.remote))
    }

    func test_in_view_only_the_pointer_is_a_ring_and_presses_nothing() {
        connectAidant()
        send(.help(.viewAllowedTapped))
        send(.help(.remotePointerMoved(x: 100, y: 200)))
        XCTAssertEqual(state.remote?.pointer, RemotePointer(x: 100, y: 200))
        let before = state
        send(.help(.remoteActed))
        XCTAssertEqual(state.lastActivity, before?.lastActivity, "view-only input is not acting")
    }

    func test_stop_ends_it_in_one_tap_and_the_notice_follows() {
        connectAidant()
        send(.help(.viewAllowedTapped))
        XCTAssertEqual(send(.help(.stopTapped)), [.remote(.end(.personStopped))])
        XCTAssertEqual(state.remote?.phase, .ended(at: now, reason: .personStopped))
        send(.help(.endedSeenTapped))
        XCTAssertNil(state.remote)
    }

    func test_the_aidants_silence_ends_it() {
        connectAidant()
        send(.help(.viewAllowedTapped))
        XCTAssertEqual(advance(policy.remote.idleLimit - 1), [])
        XCTAssertNotNil(state.remote?.isSharing == true ? state.remote : nil)
        XCTAssertEqual(advance(1), [.remote(.end(.idle))])
    }

    func test_the_hard_cap_warns_counts_down_and_can_be_extended() {
        policy.remote.idleLimit = 100_000
        connectAidant()
        send(.help(.viewAllowedTapped))
        advance(policy.remote.maxDuration - 20)
        XCTAssertEqual(state.remote?.capSecondsLeft, 20)
        XCTAssertEqual(state.nextDeadline(policy: policy), now.addingTimeInterval(1), "the countdown ticks each second")
        advance(5)
        XCTAssertEqual(state.remote?.capSecondsLeft, 15)
        send(.help(.extendTapped))
        XCTAssertNil(state.remote?.capSecondsLeft)
        advance(policy.remote.maxDuration - 1)
        XCTAssertEqual(state.remote?.isSharing, true)
        advance(1)
        XCTAssertEqual(advance(0), [])
        XCTAssertEqual(state.remote?.phase, .ended(at: now, reason: .timeUp))
    }

    func test_the_aidant_leaving_ends_it() {
        connectAidant()
        send(.help(.viewAllowedTapped))
        XCTAssertEqual(send(.help(.aidantLeft)), [.remote(.end(.aidantLeft))])
    }

    func test_an_idle_reset_ends_the_session_and_withdraws_the_secret() {
        connectAidant()
        let effects = state.forgetPerson(now: now, policy: policy)
        XCTAssertTrue(effects.contains(.remote(.viewRefused(.reset))))
        XCTAssertTrue(effects.contains(.remote(.withdrawRequest)))
        XCTAssertNil(state.remote)
        XCTAssertNil(state.help)
    }

    func test_a_second_connection_does_not_replace_the_first() {
        connectAidant()
        send(.help(.viewAllowedTapped))
        send(.help(.aidantConnected(name: "Someone else")))
        XCTAssertEqual(state.remote?.aidant, "Marie")
        XCTAssertEqual(state.remote?.phase, .viewing)
    }
}
