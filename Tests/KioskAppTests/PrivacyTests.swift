import Foundation
import KioskApp
import KioskCore
import KioskUI
import XCTest

final class PrivacyTests: XCTestCase {
    func test_after_an_idle_reset_nothing_the_person_chose_or_typed_remains() throws {
        let pinHash = PinHash.make(pin: "246813", iterations: 1000).encoded
        let (kiosk, clock) = try Support.kiosk(config: "[admin]\npin_hash = \(pinHash)\n")
        let runner = ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: nil)
        // Arabic, larger text, help, then a half-typed PIN: every kind of trace we have.
        try runner.run(
            try Scenario.parse(
                """
                tap "العربية"
                tap "نص أكبر"
                tap "ألوان أقوى"
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

    func test_a_half_finished_booking_and_diagnostic_leave_no_trace_after_the_reset() throws {
        let (kiosk, clock) = try Support.kiosk()
        let runner = ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: nil)
        try runner.run(
            try Scenario.parse(
                """
                tap "Faire le point"
                tap "Commencer"
                tap "Je ne sais pas"
                tap "Accueil"
                tap "Oui, tout effacer"
                tap "Prendre rendez-vous"
                tap "Aide pour vos papiers en ligne"
                tap "Le plus tôt"
                type "Zoé"
                tap "Continuer"
                type "0612345678"
                """, file: "p"))
        kiosk.render()
        XCTAssertTrue(kiosk.renderer.cachesContain("Zoé"))
        // The field shows the number in pairs, held by no-break spaces.
        let shown = "06\u{00A0}12\u{00A0}34\u{00A0}56\u{00A0}78"
        XCTAssertTrue(kiosk.renderer.cachesContain(shown))
        try runner.run(try Scenario.parse("advance 90\nadvance 30\n", file: "p"))
        XCTAssertEqual(kiosk.state, KioskState.initial(now: clock.now, policy: kiosk.policy))
        kiosk.render()
        for trace in ["Zoé", shown, "Touchez"] {
            XCTAssertFalse(kiosk.renderer.cachesContain(trace), "the text cache still holds \(trace)")
        }
        // Nothing was booked: a half-finished booking saves nothing.
        XCTAssertEqual(try kiosk.services.store?.appointments(phone: "0612345678").count, 0)
    }

    func test_a_correct_pin_opens_the_menu_and_a_wrong_one_does_not() throws {
        let pinHash = PinHash.make(pin: "246813", iterations: 1000).encoded
        let (kiosk, clock) = try Support.kiosk(config: "[admin]\npin_hash = \(pinHash)\n")
        let runner = ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: nil)
        let zone = kiosk.scene.secretZone!
        for _ in 1...5 { tap(kiosk, Point(x: zone.midX, y: zone.midY)) }
        try runner.run(
            try Scenario.parse(
                "type \"111111\"\ntap \"Valider\"\nexpect \"Ce code n'est pas le bon.\"\n"
                    + "type \"246813\"\ntap \"Valider\"\nexpect \"Administration\"\n"
                    + "tap \"État de la borne\"\nexpect \"Frames drawn\"\n",
                file: "a"))
        try runner.run(try Scenario.parse("tap \"Retour\"\ntap \"Quitter le kiosque\"\n", file: "a"))
        XCTAssertTrue(kiosk.quitRequested)
    }

    private func tap(_ kiosk: Kiosk, _ p: Point) {
        kiosk.handle(.pointerDown(p))
        kiosk.handle(.pointerUp(p))
    }
}
