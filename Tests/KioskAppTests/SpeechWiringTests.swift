import Foundation
import XCTest

@testable import KioskApp
import KioskCore
import KioskUI

/// What the kiosk says aloud, with a recording speaker in place of espeak-ng.
final class SpeechWiringTests: XCTestCase {
    func test_new_screens_and_focus_are_spoken_and_a_reset_silences_everything() throws {
        let (kiosk, clock) = try Support.kiosk()
        var said: [(String, Language)] = []
        var silenced = 0
        kiosk.clients.speech.speak = { said.append(($0, $1)) }
        kiosk.clients.speech.silence = { silenced += 1 }
        let runner = ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: nil)

        try runner.run(Scenario.parse("tap \"Besoin d'aide\"\n", file: "t"))
        XCTAssertEqual(said.last?.1, .fr)
        XCTAssertTrue(said.last?.0.hasPrefix("Besoin d'aide ? Une personne peut vous aider.") ?? false, "\(said)")

        try runner.run(Scenario.parse("tap \"Accueil\"\ntap \"العربية\"\n", file: "t"))
        XCTAssertEqual(said.last?.1, .ar)
        XCTAssertTrue(said.last?.0.contains("مرحبا") ?? false, "\(said)")

        kiosk.handle(.key(.tab))
        XCTAssertEqual(
            said.last?.0, kiosk.scene.node(id: kiosk.state.focus ?? "")?.label, "the focused control is named")

        let count = said.count
        let silencedBefore = silenced
        try runner.run(Scenario.parse("advance 95\n", file: "t"))
        XCTAssertEqual(said.count, count + 1, "the idle warning is spoken")
        try runner.run(Scenario.parse("advance 40\n", file: "t"))
        XCTAssertEqual(said.count, count + 1, "the reset says nothing: nobody may be there")
        XCTAssertEqual(silenced, silencedBefore + 1, "the reset silences what was being said")
        XCTAssertNil(kiosk.lastAnnouncement)
    }

    func test_speech_stops_as_soon_as_the_person_acts() throws {
        let (kiosk, _) = try Support.kiosk()
        var events: [String] = []
        kiosk.clients.speech.speak = { text, _ in events.append("say") }
        kiosk.clients.speech.silence = { events.append("silence") }
        kiosk.handle(.pointerDown(Point(x: 5, y: 1900)))
        XCTAssertEqual(events, ["silence"], "a touch anywhere stops the voice")
        kiosk.handle(.key(.tab))
        XCTAssertEqual(events, ["silence", "silence", "say"], "a key too; then what it brings is said")
    }

    func test_listen_again_reads_the_whole_screen_again() throws {
        let (kiosk, clock) = try Support.kiosk()
        var said: [String] = []
        kiosk.clients.speech.speak = { text, _ in said.append(text) }
        try ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: nil).run(
            Scenario.parse("tap \"Prendre rendez-vous\"\ntap \"Écouter encore\"\n", file: "t"))
        XCTAssertEqual(said.count, 2)
        XCTAssertEqual(said[0], said[1])
        XCTAssertTrue(said[1].hasPrefix("De quoi avez-vous besoin ?"), said[1])
        XCTAssertTrue(said[1].contains("Vous pouvez choisir : Aide pour vos papiers en ligne"), said[1])
    }

    func test_speech_can_be_turned_off() throws {
        let (kiosk, clock) = try Support.kiosk(config: "[speech]\nenabled = false\n")
        var said: [String] = []
        kiosk.clients.speech.speak = { text, _ in said.append(text) }
        try ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: nil).run(
            Scenario.parse("tap \"Besoin d'aide\"\n", file: "t"))
        XCTAssertEqual(said, [])
    }
}

extension SpeechWiringTests {
    func test_each_diagnostic_item_is_read_with_its_spoken_prompt() throws {
        let (kiosk, clock) = try Support.kiosk()
        var said: [String] = []
        kiosk.clients.speech.speak = { text, _ in said.append(text) }
        let runner = ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: nil)
        try runner.run(Scenario.parse("tap \"Faire le point\"\ntap \"Commencer\"\n", file: "t"))
        let first = try XCTUnwrap(kiosk.state.diagnostic?.session.currentItem)
        XCTAssertTrue(said.last?.hasPrefix(first.spoken[.fr]) ?? false, "\(said)")
        try runner.run(Scenario.parse("tap \"Je ne sais pas\"\n", file: "t"))
        let second = try XCTUnwrap(kiosk.state.diagnostic?.session.currentItem)
        XCTAssertNotEqual(first.id, second.id)
        XCTAssertTrue(said.last?.hasPrefix(second.spoken[.fr]) ?? false, "the next item is read too: \(said)")
    }
}
