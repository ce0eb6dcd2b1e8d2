import Foundation
import KioskApp
import KioskCore
import KioskUI
import XCTest

final class PrivacyTests: XCTestCase {
    func test_after_an_idle_reset_nothing_the_person_chose_or_typed_remains() throws {
        let pinHash = PinHash.make(pin: "2468", iterations: 10).encoded
        let (kiosk, clock) = try Support.kiosk(config: "[admin]\npin_hash = \(pinHash)\n")
        let runner = ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: nil)
        // Arabic, larger text, help, then a half-typed PIN: every kind of trace we have.
        try runner.run(try Scenario.parse("""
            tap "العربية"
            tap "نص أكبر"
            tap "تباين عال"
            tap "هل تحتاج إلى مساعدة؟"
            """, file: "p"))
        let zone = kiosk.scene.secretZone!
        for _ in 1...5 { tap(kiosk, Point(x: zone.midX, y: zone.midY)) }
        XCTAssertEqual(kiosk.state.screen, .adminPin)
        try runner.run(try Scenario.parse("type \"13\"\n", file: "p"))
        XCTAssertEqual(kiosk.state.admin.pinDigits, "13")
        XCTAssertTrue(kiosk.renderer.cachesContain("رمز المسؤول"))

        try runner.run(try Scenario.parse("advance 90\nexpect \"هل ما زلت هنا؟\"\nadvance 30\n", file: "p"))

        XCTAssertEqual(kiosk.state, KioskState.initial(now: clock.now, policy: kiosk.policy))
        // Only the language button is still written in Arabic.
        let texts = kiosk.scene.visibleTexts.filter { $0 != Language.ar.nativeName }.joined(separator: " ")
        XCTAssertFalse(texts.unicodeScalars.contains { TextDirection.isArabic($0) }, texts)
        XCTAssertTrue(texts.contains("Bonjour"))
        kiosk.render()
        for trace in ["رمز المسؤول", "هل تحتاج", "نص أكبر"] {
            XCTAssertFalse(kiosk.renderer.cachesContain(trace), "the text cache still holds \(trace)")
        }
    }

    func test_a_correct_pin_opens_the_menu_and_a_wrong_one_does_not() throws {
        let pinHash = PinHash.make(pin: "2468", iterations: 10).encoded
        let (kiosk, clock) = try Support.kiosk(config: "[admin]\npin_hash = \(pinHash)\n")
        let runner = ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: nil)
        let zone = kiosk.scene.secretZone!
        for _ in 1...5 { tap(kiosk, Point(x: zone.midX, y: zone.midY)) }
        try runner.run(try Scenario.parse("type \"1111\"\ntap \"Valider\"\nexpect \"Ce code n'est pas le bon.\"\ntype \"2468\"\ntap \"Valider\"\nexpect \"Administration\"\ntap \"État de la borne\"\nexpect \"Frames drawn\"\n", file: "a"))
        try runner.run(try Scenario.parse("tap \"Retour\"\ntap \"Quitter le kiosque\"\n", file: "a"))
        XCTAssertTrue(kiosk.quitRequested)
    }

    private func tap(_ kiosk: Kiosk, _ p: Point) {
        kiosk.handle(.pointerDown(p))
        kiosk.handle(.pointerUp(p))
    }
}
