import Foundation
import KioskCore
import KioskUI
import XCTest

/// What is said aloud, as a pure function of the states and scenes before and after.
final class AnnouncementTests: XCTestCase {
    let screens = Dictionary(uniqueKeysWithValues: Fixtures.screens(language: .fr))

    func said(_ action: Action, from before: KioskState, to after: KioskState) -> String? {
        Announcement.text(
            after: action, before: before, state: after, beforeScene: Fixtures.scene(before),
            scene: Fixtures.scene(after),
            catalogue: Fixtures.catalogue)
    }

    func test_a_new_screen_is_read_heading_first() throws {
        let text = try XCTUnwrap(said(.helpTapped, from: screens["home"]!, to: screens["help"]!))
        XCTAssertTrue(text.hasPrefix("Besoin d'aide ?"), text)
    }

    func test_the_idle_warning_is_read_and_a_tick_says_nothing() throws {
        let warning = try XCTUnwrap(said(.timeElapsed, from: screens["help"]!, to: screens["idle-warning"]!))
        XCTAssertTrue(warning.contains("27 secondes"), warning)
        var later = screens["idle-warning"]!
        later.idle = .warning(resetAt: Fixtures.start.addingTimeInterval(120), secondsLeft: 26)
        XCTAssertNil(
            said(.timeElapsed, from: screens["idle-warning"]!, to: later), "the countdown is not read every second")
    }

    func test_the_focused_control_is_named_and_admin_screens_are_silent() {
        XCTAssertEqual(said(.focusMoved("lang-en"), from: screens["home"]!, to: screens["home-focus"]!), "English")
        XCTAssertNil(said(.secretZoneTapped, from: screens["home"]!, to: screens["admin-pin"]!))
        XCTAssertNil(said(.timeElapsed, from: screens["home"]!, to: screens["attract"]!), "nobody may be there")
    }

    func test_the_remote_help_question_is_read_with_the_name_and_the_answers() throws {
        var asked = screens["home"]!
        asked.remote = RemoteSession(
            aidant: "Marie", code: "4721", phase: .askingView(since: Fixtures.start), lastRemoteInput: Fixtures.start)
        let text = try XCTUnwrap(said(.help(.aidantConnected(name: "Marie")), from: screens["home"]!, to: asked))
        XCTAssertEqual(
            text, "Marie. veut voir votre écran. Il verra l'écran, sans toucher. Code : 4721. Non. Oui")
        var viewing = asked
        viewing.remote?.phase = .viewing
        XCTAssertNil(
            said(.help(.remotePointerMoved(x: 1, y: 1)), from: viewing, to: viewing), "the ring moving says nothing")
    }
}
