import Foundation
import XCTest

@testable import KioskApp
import KioskCore

/// After "Finish", goodbye in the person's language for a few seconds, then home in the
/// default one (issue 13, item 10). `booking-ar.scenario` plays it on screen.
final class GoodbyeTests: XCTestCase {
    func test_the_goodbye_is_said_in_arabic_after_the_person_is_forgotten_then_home_is_french() throws {
        let (kiosk, clock) = try Support.kiosk()
        var events: [String] = []
        kiosk.clients.speech.speak = { text, language in events.append("\(language.rawValue): \(text)") }
        kiosk.clients.speech.silence = { events.append("silence") }
        let runner = ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: nil)
        try runner.run(
            Scenario.parse(
                """
                tap "العربية"
                tap "حجز موعد"
                tap "مساعدة في معاملة"
                tap "الثلاثاء، 24 نوفمبر"
                tap "9:45"
                type "سارة"
                tap "متابعة"
                tap "بدون رقم"
                tap "نعم"
                tap "إنهاء"

                """, file: "t"))
        guard case .goodbye = kiosk.state.screen else { return XCTFail("\(kiosk.state.screen)") }
        XCTAssertEqual(kiosk.state.language, .ar)
        XCTAssertNil(kiosk.state.booking, "the person is already forgotten")
        XCTAssertNil(kiosk.state.visit)
        XCTAssertEqual(events.suffix(2).first, "silence", "what was being said stops first")
        XCTAssertTrue(events.last?.hasPrefix("ar: مع السلامة") ?? false, "\(events)")
        try runner.run(Scenario.parse("advance 3\n", file: "t"))
        guard case .goodbye = kiosk.state.screen else { return XCTFail("still saying goodbye") }
        try runner.run(Scenario.parse("advance 3\n", file: "t"))
        XCTAssertEqual(kiosk.state, KioskState.initial(now: kiosk.state.lastActivity, policy: kiosk.policy))
        XCTAssertEqual(kiosk.state.language, .fr)
    }

    func test_the_goodbye_lasts_as_configured() throws {
        let (kiosk, clock) = try Support.kiosk(config: "[idle]\ngoodbye = 12\n")
        XCTAssertEqual(kiosk.policy.goodbyeDuration, 12)
        kiosk.send(.journeyTapped(.myAppointment))
        XCTAssertEqual(kiosk.nextDeadline().map { $0 > clock.now }, true)
    }
}
