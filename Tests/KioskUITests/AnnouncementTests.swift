import Foundation
import KioskCore
@testable import KioskUI
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
        XCTAssertEqual(
            said(.focusMoved("lang-en"), from: screens["home"]!, to: screens["home-focus"]!), "English, pas choisi",
            "a language is a choice: its state is said")
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

/// Issue 13, item 12: the title, the instruction and the choices are heard, in the screen's
/// own words; every control has a name and is spoken.
extension AnnouncementTests {
    func test_a_new_screen_says_its_title_its_instruction_and_its_choices() throws {
        let state = PersonAtTheScreenTests.sample("booking-booking-when", .fr)
        let scene = JourneySnapshotTests.scene(state)
        let text = Announcement.screenText(of: scene, state: state, catalogue: Fixtures.catalogue)
        XCTAssertTrue(text.hasPrefix("Quand pouvez-vous venir ?"), text)
        XCTAssertTrue(text.contains("Vous pouvez choisir : Le plus tôt : "), text)
        XCTAssertTrue(
            text.contains(scene.nodes.first { $0.id.hasPrefix("day-") }!.label), "the days are heard: \(text)")
        XCTAssertFalse(text.contains("Besoin d'aide"), "the bar is named on focus, not on every screen")
    }

    func test_listen_again_reads_the_screen_again() throws {
        let home = screens["home"]!
        let text = try XCTUnwrap(said(.listenAgainTapped, from: home, to: home))
        XCTAssertTrue(text.hasPrefix("Bonjour"), text)
    }

    func test_pictogram_choices_are_named_in_the_current_language_not_by_their_font_names() {
        for language in Language.allCases {
            let states = LayoutAudit.journeyStates(content: JourneySnapshotTests.content, language: language)
            for (name, state) in states where name.hasPrefix("diagnostic-") {
                let scene = JourneySnapshotTests.scene(state)
                for node in scene.nodes where node.id.hasPrefix("choice-") || node.id.hasPrefix("scroll-entry-") {
                    let words = PictogramNames.names.keys.map { PictogramNames.name($0, language, position: 0) }
                    XCTAssertTrue(words.contains(node.label), "\(name) \(language): \(node.label)")
                }
            }
        }
        XCTAssertEqual(PictogramNames.name("send", .fr, position: 1), "envoyer")
        XCTAssertEqual(PictogramNames.name("arrow_back", .ar, position: 1), "سهم الرجوع")
        XCTAssertEqual(PictogramNames.name("no_such_icon", .en, position: 3), "picture 3")
    }

    func test_every_control_of_every_screen_in_every_language_has_a_name_and_is_spoken() {
        let policy = KioskPolicy(adminEnabled: true, siteName: "Médiathèque Louise-Michel")
        for language in Language.allCases {
            let states =
                LayoutAudit.sampleStates(policy: policy)
                + LayoutAudit.journeyStates(content: JourneySnapshotTests.content, language: language)
            for (name, var state) in states {
                state.language = language
                let scene = JourneySnapshotTests.scene(state)
                let screenText = Announcement.screenText(of: scene, state: state, catalogue: Fixtures.catalogue)
                for node in scene.nodes where node.action != nil || node.draggable {
                    let place = "\(name) \(language.rawValue) \(node.id)"
                    XCTAssertFalse(node.label.trimmingCharacters(in: .whitespaces).isEmpty, "\(place) has no name")
                    // Admin screens and the attract screen are silent by design.
                    guard !state.screen.isAdmin, state.screen != .attract, state.idle == .active else { continue }
                    // What a task has the person drag or touch around: its spoken prompt says it.
                    if node.draggable || node.role == .image || node.id.hasPrefix("task-") { continue }
                    if node.role == .key || Announcement.chromeIDs.contains(node.id) || !node.enabled {
                        var focused = state
                        focused.focus = node.id
                        let said = Announcement.text(
                            after: .focusMoved(node.id), before: state, state: focused, beforeScene: scene,
                            scene: JourneySnapshotTests.scene(focused), catalogue: Fixtures.catalogue)
                        if node.enabled { XCTAssertEqual(said, node.label, "\(place) is named when focused") }
                    } else {
                        XCTAssertTrue(
                            screenText.contains(node.label), "\(place) \"\(node.label)\" is not in: \(screenText)")
                    }
                }
            }
        }
    }
}
