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

    /// The names of the snapshot files this class checks.
    static var snapshotNames: [String] {
        ["fr", "ar"].flatMap { language in Fixtures.screens().map { "\($0.0)-\(language)" } }
            + ["home-landscape-fr", "home-large-contrast-fr"]
    }

    func test_every_snapshot_file_is_one_the_suite_checks() throws {
        // A file no test reads would not fail when deleted: every file must be checked.
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "__Snapshots__")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".txt") && !$0.hasSuffix("_actual.txt") }.map { String($0.dropLast(4)) }
        let checked = Set(Self.snapshotNames + JourneySnapshotTests.snapshotNames)
        XCTAssertEqual(Set(files).subtracting(checked).sorted(), [], "snapshot files that no test reads")
        XCTAssertEqual(checked.subtracting(files).sorted(), [], "snapshots the tests need and the folder lacks")
    }

    /// The help button sits in one place on every screen of every journey (shell, diagnostic
    /// items and result, booking, my appointment), per language and screen size: a person who
    /// found it once finds it again. Overlays (attract, idle warning) have none.
    func test_the_help_button_is_in_the_same_place_on_every_screen_of_every_journey() {
        for language in [Language.fr, .ar] {
            for size in Fixtures.sizes {
                var states = Fixtures.screens(language: language).filter { $0.0 != "attract" && $0.0 != "idle-warning" }
                // Remote help's questions and closing notice are modal, like the idle warning.
                let modal: Set<String> = ["remote-ask-view", "remote-ask-control", "remote-ended"]
                let journeys = LayoutAudit.journeyStates(content: JourneySnapshotTests.content, language: language)
                    .filter { !modal.contains($0.0) }
                XCTAssertGreaterThan(journeys.count, 20, "the journeys' screens")
                states += journeys
                var byFrame: [String: [String]] = [:]
                for (name, state) in states {
                    let frame = JourneySnapshotTests.scene(state, size: size).node(id: "help")?.frame
                    byFrame[frame.map { "\($0)" } ?? "none", default: []].append(name)
                }
                XCTAssertEqual(byFrame.count, 1, "\(language) \(size): \(byFrame.mapValues { $0.prefix(6) })")
                XCTAssertNil(byFrame["none"], "\(language) \(size): no help button on \(byFrame["none"] ?? [])")
            }
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
