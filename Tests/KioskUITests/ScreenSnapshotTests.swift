import KioskCore
import KioskUI
import XCTest

final class ScreenSnapshotTests: XCTestCase {
    func test_every_screen_in_french_matches_its_draw_list_snapshot() {
        for (name, state) in Fixtures.screens(language: .fr) {
            SceneSnapshot.assert(Fixtures.scene(state), named: "\(name)-fr")
        }
    }

    func test_every_screen_in_arabic_matches_its_draw_list_snapshot() {
        for (name, state) in Fixtures.screens(language: .ar) {
            SceneSnapshot.assert(Fixtures.scene(state), named: "\(name)-ar")
        }
    }

    func test_home_in_landscape_and_with_larger_text_and_high_contrast() {
        var state = Fixtures.screens()[0].1
        SceneSnapshot.assert(Fixtures.scene(state, size: Size(width: 1920, height: 1080)), named: "home-landscape-fr")
        state.largeText = true
        state.highContrast = true
        SceneSnapshot.assert(Fixtures.scene(state), named: "home-large-contrast-fr")
    }

    func test_arabic_mirrors_the_layout() {
        let fr = Fixtures.scene(Fixtures.screens(language: .fr)[1].1)
        let ar = Fixtures.scene(Fixtures.screens(language: .ar)[1].1)
        let helpFr = fr.node(id: "help")!.frame, helpAr = ar.node(id: "help")!.frame
        XCTAssertGreaterThan(helpFr.midX, fr.size.width / 2, "help is on the right in French")
        XCTAssertLessThan(helpAr.midX, ar.size.width / 2, "help is on the left in Arabic")
        XCTAssertEqual(helpAr, helpFr.mirrored(in: fr.size.width))
        XCTAssertLessThan(fr.node(id: "back")!.frame.midX, fr.node(id: "home")!.frame.midX)
        XCTAssertGreaterThan(ar.node(id: "back")!.frame.midX, ar.node(id: "home")!.frame.midX)
        XCTAssertTrue(ar.rightToLeft)
    }

    func test_the_help_button_is_in_the_same_place_on_every_screen() {
        for language in Language.allCases {
            let frames = Set(Fixtures.screens(language: language).filter { $0.0 != "attract" && $0.0 != "idle-warning" }
                .map { Fixtures.scene($0.1).node(id: "help")?.frame })
            XCTAssertEqual(frames.count, 1, "\(language): \(frames)")
            XCTAssertNotNil(frames.first!)
        }
    }

    func test_back_and_home_are_on_every_screen_but_home() {
        for (name, state) in Fixtures.screens() where !["attract", "idle-warning"].contains(name) {
            let scene = Fixtures.scene(state)
            let isHome = state.screen == .home
            XCTAssertEqual(scene.node(id: "back") == nil, isHome, name)
            XCTAssertEqual(scene.node(id: "home") == nil, isHome, name)
        }
    }

    func test_the_idle_warning_is_modal_and_shows_the_seconds_left() {
        let scene = Fixtures.scene(Fixtures.screens()[2].1)
        XCTAssertEqual(scene.interactiveNodes.map(\.id), ["stay"])
        XCTAssertTrue(scene.visibleTexts.contains { $0.contains("27 secondes") })
        XCTAssertNil(scene.secretZone)
    }

    func test_the_pin_pad_shows_dots_never_digits() {
        let scene = Fixtures.scene(Fixtures.screens()[4].1)
        XCTAssertEqual(scene.node(id: "pin-dots")?.label, "••")
        XCTAssertFalse(scene.visibleTexts.contains("12"))
    }
}
