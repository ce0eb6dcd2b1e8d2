import Foundation
import XCTest

@testable import KioskCore

final class ReducerTests: XCTestCase {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    var policy = KioskPolicy(idleTimeout: 90, warningDuration: 30, attractAfter: 120, adminEnabled: true)
    var now: Date!
    var state: KioskState!

    override func setUp() {
        now = start
        state = KioskState.initial(now: start, policy: policy)
    }

    @discardableResult
    func send(_ action: Action) -> [Effect] {
        reduce(&state, action, Environment(now: now, policy: policy))
    }

    func advance(_ seconds: Double) -> [Effect] {
        now = now.addingTimeInterval(seconds)
        return send(.timeElapsed)
    }

    // MARK: - Navigation

    func test_help_opens_on_top_of_home_and_back_returns_home() {
        send(.helpTapped)
        XCTAssertEqual(state.screen, .help(.choose(from: .home)))
        XCTAssertEqual(state.history, [.home])
        send(.helpTapped)
        XCTAssertEqual(state.history, [.home], "help on help does not stack")
        send(.backTapped)
        XCTAssertEqual(state.screen, .home)
        XCTAssertEqual(state.history, [])
    }

    func test_home_empties_the_history_and_focus() {
        send(.helpTapped)
        send(.focusMoved("back"))
        send(.homeTapped)
        XCTAssertEqual(state.screen, .home)
        XCTAssertEqual(state.history, [])
        XCTAssertNil(state.focus)
    }

    func test_back_on_home_stays_home() {
        send(.backTapped)
        XCTAssertEqual(state.screen, .home)
    }

    func test_language_and_comfort_choices_change_only_what_they_name() {
        send(.languageTapped(.ar))
        send(.largeTextToggled)
        send(.highContrastToggled)
        var expected = KioskState.initial(now: start, policy: policy)
        expected.language = .ar
        expected.largeText = true
        expected.highContrast = true
        expected.visit = VisitTrace(startedAt: start)
        XCTAssertEqual(state, expected)
    }

    // MARK: - Idle

    func test_the_warning_comes_after_the_idle_timeout_with_a_sound() {
        send(.languageTapped(.en))
        XCTAssertEqual(advance(89), [])
        XCTAssertEqual(state.idle, .active)
        XCTAssertEqual(advance(1), [.playWarningSound])
        XCTAssertEqual(state.idle, .warning(resetAt: start.addingTimeInterval(120), secondsLeft: 30))
        XCTAssertEqual(
            state.nextDeadline(policy: policy), start.addingTimeInterval(91), "the countdown ticks each second")
    }

    func test_the_warning_counts_down_then_forgets_the_person() {
        send(.languageTapped(.ar))
        send(.largeTextToggled)
        send(.helpTapped)
        _ = advance(90)
        _ = advance(25)
        XCTAssertEqual(state.idle, .warning(resetAt: start.addingTimeInterval(120), secondsLeft: 5))
        let effects = advance(5)
        XCTAssertEqual(effects, [.visitEnded(journeys: ["help"], language: .ar, reason: .idleTimeout), .forgetPerson])
        XCTAssertEqual(state, KioskState.initial(now: now, policy: policy))
    }

    func test_the_person_can_stay_more_than_ten_times() {
        send(.languageTapped(.en))
        for round in 1...12 {
            XCTAssertEqual(advance(90), [.playWarningSound], "round \(round)")
            _ = advance(19)
            send(.stayTapped)
            XCTAssertEqual(state.idle, .active)
            XCTAssertEqual(state.language, .en, "round \(round)")
        }
    }

    func test_any_touch_during_the_warning_counts_as_presence() {
        send(.helpTapped)
        _ = advance(95)
        send(.personActed)
        XCTAssertEqual(state.idle, .active)
        XCTAssertEqual(state.screen, .help(.choose(from: .home)))
    }

    func test_a_clock_jump_past_the_warning_still_resets() {
        send(.helpTapped)
        XCTAssertEqual(
            advance(500), [.visitEnded(journeys: ["help"], language: .fr, reason: .idleTimeout), .forgetPerson])
        XCTAssertEqual(state.screen, .home)
    }

    func test_an_untouched_home_goes_to_the_attract_screen_without_a_warning() {
        XCTAssertEqual(advance(90), [])
        XCTAssertEqual(state.idle, .active)
        _ = advance(30)
        XCTAssertEqual(state.screen, .attract)
        XCTAssertNil(state.nextDeadline(policy: policy), "the attract screen waits for a touch, no timer")
        send(.personActed)
        send(.attractTouched)
        XCTAssertEqual(state.screen, .home)
        XCTAssertEqual(state.language, .fr)
    }

    // MARK: - Time the content needs

    func test_the_ticket_screen_waits_three_minutes_before_asking_if_someone_is_there() {
        state.booking = BookingJourney()
        state.screen = .booking(.ticket)
        XCTAssertEqual(state.nextDeadline(policy: policy), now.addingTimeInterval(180))
        XCTAssertEqual(advance(120), [], "copying the ticket at 120 s: no warning over it")
        XCTAssertEqual(state.idle, .active)
        XCTAssertEqual(advance(61), [.playWarningSound])
        XCTAssertEqual(state.idle, .warning(resetAt: start.addingTimeInterval(210), secondsLeft: 29))
    }

    func test_an_item_gets_the_time_its_pack_says_a_careful_person_needs() throws {
        let pack = try DiagnosticPack.load(data: Data(contentsOf: DiagnosticFixtures.shippedURL), file: "pack").get()
        let slow = try XCTUnwrap(pack.items.first { $0.seconds > 90 }, "an item estimated over the idle timeout")
        state.diagnostic = DiagnosticJourney(pack: pack.restricted(to: [slow]), now: now)
        state.screen = .diagnostic(.item)
        XCTAssertEqual(state.idleTimeout(policy: policy), Double(slow.seconds))
        XCTAssertEqual(advance(95), [], "not warned while reading three messages")
        state.screen = .diagnostic(.intro)
        XCTAssertEqual(state.idleTimeout(policy: policy), 90)
    }

    // MARK: - Admin

    func test_five_quick_taps_on_the_hidden_zone_open_the_pin_pad() {
        for _ in 1...4 {
            send(.secretZoneTapped)
            now = now.addingTimeInterval(0.5)
        }
        XCTAssertEqual(state.screen, .home)
        send(.secretZoneTapped)
        XCTAssertEqual(state.screen, .adminPin)
    }

    func test_slow_taps_on_the_hidden_zone_do_nothing() {
        for _ in 1...10 {
            send(.secretZoneTapped)
            now = now.addingTimeInterval(1.5)
        }
        XCTAssertEqual(state.screen, .home)
    }

    func test_without_a_configured_pin_the_hidden_zone_does_nothing() {
        policy.adminEnabled = false
        for _ in 1...6 { send(.secretZoneTapped) }
        XCTAssertEqual(state.screen, .home)
    }

    func type(_ pin: String) {
        for d in pin { send(.pinDigitTapped(Int(String(d))!)) }
    }

    func test_a_submitted_pin_is_checked_and_never_kept() {
        openPinPad()
        type("482913")
        XCTAssertEqual(state.admin.pinDigits, "482913")
        send(.pinEraseTapped)
        send(.pinDigitTapped(9))
        XCTAssertEqual(send(.pinSubmitTapped), [.checkAdminPin("482919")])
        XCTAssertEqual(state.admin.pinDigits, "")
        XCTAssertEqual(send(.adminPinChecked(valid: true)), [.recordAdminPin(accepted: true, failures: 0)])
        XCTAssertEqual(state.screen, .adminMenu)
        XCTAssertEqual(send(.adminQuitTapped), [.quit])
        XCTAssertEqual(send(.adminStatusTapped), [.collectStatus])
        XCTAssertEqual(state.screen, .adminStatus)
    }

    func test_a_pin_shorter_than_six_digits_is_a_wrong_pin_without_a_hash() {
        openPinPad()
        type("1234")
        XCTAssertEqual(send(.pinSubmitTapped), [.recordAdminPin(accepted: false, failures: 1)], "no checkAdminPin")
        XCTAssertTrue(state.admin.pinRejected)
    }

    func test_one_pin_is_checked_at_a_time() {
        openPinPad()
        type("111111")
        XCTAssertEqual(send(.pinSubmitTapped), [.checkAdminPin("111111")])
        type("222222")
        XCTAssertEqual(send(.pinSubmitTapped), [], "the first is still being checked")
        send(.adminPinChecked(valid: false))
        XCTAssertEqual(send(.pinSubmitTapped), [.checkAdminPin("222222")])
    }

    func test_wrong_pins_lock_the_pad_longer_each_time_even_across_a_reset() {
        openPinPad()
        var effects: [Effect] = []
        for _ in 1...3 {
            type("000000")
            send(.pinSubmitTapped)
            effects += send(.adminPinChecked(valid: false))
        }
        XCTAssertEqual(
            effects, (1...3).map { .recordAdminPin(accepted: false, failures: $0) }, "each failure journalled")
        XCTAssertEqual(state.admin.lockedUntil, now.addingTimeInterval(60))
        send(.pinDigitTapped(1))
        XCTAssertEqual(state.admin.pinDigits, "", "a locked pad refuses digits")
        _ = advance(200)
        XCTAssertEqual(state.screen, .home, "the idle reset leaves admin mode")
        XCTAssertNil(state.admin.lockedUntil, "the lock expired after a minute")
        openPinPad()
        type("000000")
        send(.pinSubmitTapped)
        send(.adminPinChecked(valid: false))
        XCTAssertEqual(state.admin.failedAttempts, 4, "only a right PIN starts the count again")
        XCTAssertEqual(state.admin.lockedUntil, now.addingTimeInterval(120), "the fourth doubles the lock")
        now = now.addingTimeInterval(10)
        _ = state.forgetPerson(now: now, policy: policy)
        XCTAssertEqual(state.admin.failedAttempts, 4, "failed attempts survive a reset")
        XCTAssertNotNil(state.admin.lockedUntil, "and so does the lock")
    }

    func test_the_lock_doubles_up_to_a_day() {
        XCTAssertNil(policy.pinLock(afterFailures: 2))
        XCTAssertEqual((3...8).map { policy.pinLock(afterFailures: $0) }, [60, 120, 240, 480, 960, 1920])
        XCTAssertEqual(policy.pinLock(afterFailures: 50), 86_400)
        XCTAssertEqual(policy.pinLock(afterFailures: Int.max), 86_400)
    }

    func test_a_restart_keeps_the_lock_the_journal_remembers() {
        // Five wrong PINs journalled, the last 3 minutes ago: locked for 4 minutes from then.
        send(.adminPinHistoryLoaded(failures: 5, lastFailureAt: now.addingTimeInterval(-180)))
        XCTAssertEqual(state.admin.failedAttempts, 5)
        XCTAssertEqual(state.admin.lockedUntil, now.addingTimeInterval(60))
        XCTAssertNil(state.visit, "not a person's choice")
        var fresh = KioskState.initial(now: now, policy: policy)
        _ = reduce(
            &fresh, .adminPinHistoryLoaded(failures: 5, lastFailureAt: now.addingTimeInterval(-3600)),
            Environment(now: now, policy: policy))
        XCTAssertNil(fresh.admin.lockedUntil, "a lock that already ran out")
        XCTAssertEqual(fresh.admin.failedAttempts, 5, "but the count goes on")
    }

    func test_leaving_admin_mode_returns_to_a_fresh_home() {
        openPinPad()
        send(.adminPinChecked(valid: true))
        XCTAssertEqual(send(.adminLeaveTapped), [.forgetPerson])
        XCTAssertEqual(state, KioskState.initial(now: now, policy: policy))
    }

    // MARK: - Visits (anonymous figures)

    func test_a_visit_opens_at_the_first_choice_and_counts_each_journey_once() {
        XCTAssertEqual(send(.personActed), [], "a touch alone is not a visit yet")
        XCTAssertEqual(send(.languageTapped(.ar)), [.visitStarted(language: .fr)])
        XCTAssertEqual(send(.helpTapped), [])
        send(.backTapped)
        send(.helpTapped)
        XCTAssertEqual(state.visit?.journeys, ["help"])
        XCTAssertEqual(state.visit?.startedAt, start)
    }

    func test_a_visit_with_nothing_left_on_screen_ends_quietly_after_the_idle_delay() {
        send(.helpTapped)
        send(.homeTapped)
        XCTAssertFalse(state.holdsTraces(policy: policy), "an open visit alone is no trace")
        XCTAssertEqual(state.nextDeadline(policy: policy), start.addingTimeInterval(90))
        XCTAssertEqual(advance(90), [.visitEnded(journeys: ["help"], language: .fr, reason: .left)])
        XCTAssertEqual(state.idle, .active, "no warning on a pristine home")
        XCTAssertNil(state.visit)
        XCTAssertEqual(advance(30), [])
        XCTAssertEqual(state.screen, .attract)
    }

    func test_the_admin_gesture_opens_no_visit() {
        for _ in 1...5 { XCTAssertEqual(send(.secretZoneTapped), []) }
        send(.pinDigitTapped(1))
        XCTAssertNil(state.visit)
    }

    func test_waking_the_attract_screen_is_not_yet_a_visit() {
        _ = advance(120)
        XCTAssertEqual(state.screen, .attract)
        XCTAssertEqual(send(.attractTouched), [])
        XCTAssertNil(state.visit)
    }

    private func openPinPad() {
        for _ in 1...5 { send(.secretZoneTapped) }
        XCTAssertEqual(state.screen, .adminPin)
    }
}
