import Foundation
import KioskCore
import XCTest

@testable import KioskUI

/// Low reach (issue 13, item 14): on a portrait screen every control of every screen, the
/// bar's and the overlays' too, lies in the lower part; on a landscape one the bar is at the
/// foot; the way to turn it on is itself low.
final class LowReachTests: XCTestCase {
    /// Every screen sample: the shell's, each journey's and the overlays over them.
    func samples(_ language: Language) -> [(String, KioskState)] {
        let shell = LayoutAudit.sampleStates(policy: Fixtures.policy).map { name, state in
            var state = state
            state.language = language
            return (name, state)
        }
        return shell + LayoutAudit.journeyStates(content: JourneySnapshotTests.content, language: language)
    }

    func test_every_control_of_every_screen_is_in_the_lower_part_of_a_portrait_screen() {
        let size = Size(width: 1080, height: 1920)
        let lower = LowReach.lowerPart(of: size)
        XCTAssertEqual(lower, Rect(x: 0, y: 1245, width: 1080, height: 675), "16:10, 35 % of the height")
        var checked = 0
        for language in Language.allCases {
            for (name, var state) in samples(language) where state.screen != .attract {
                for largeText in [false, true] {
                    state.lowReach = true
                    state.largeText = largeText
                    let scene = JourneySnapshotTests.scene(state, size: size)
                    let targets = scene.nodes.filter { $0.action != nil || $0.draggable }
                    XCTAssertFalse(targets.isEmpty, "\(name) \(language): something to touch")
                    for node in targets {
                        XCTAssertTrue(lower.contains(node.frame), "\(name) \(language) \(largeText): \(node.id)")
                    }
                    XCTAssertEqual(LayoutAudit.outOfReach(scene, state: state), [])
                    XCTAssertEqual(scene.size, size)
                    checked += targets.count
                }
            }
        }
        XCTAssertGreaterThan(checked, 3000, "every screen was walked")
    }

    func test_the_upper_part_shows_the_place_and_the_title_and_holds_nothing_to_touch() throws {
        var state = PersonAtTheScreenTests.sample("booking-booking-when", .fr)
        state.lowReach = true
        let scene = JourneySnapshotTests.scene(state)
        let title = try XCTUnwrap(scene.nodes.first { $0.role == .heading })
        XCTAssertGreaterThanOrEqual(title.frame.y, 1245)
        let upperTexts = scene.commands.compactMap { command -> String? in
            guard case .text(let text, let origin, _, _) = command, origin.y < 1245 else { return nil }
            return text
        }
        XCTAssertTrue(upperTexts.contains(Fixtures.policy.siteName), "\(upperTexts)")
        XCTAssertTrue(upperTexts.joined(separator: " ").contains("Quand pouvez"), "\(upperTexts)")
        let zone = try XCTUnwrap(scene.secretZone)
        XCTAssertGreaterThanOrEqual(zone.y, 1245, "the admin's hidden zone moved down with the bar")
    }

    func test_on_a_landscape_screen_the_bar_is_at_the_foot() throws {
        for size in [Size(width: 1920, height: 1080), Size(width: 1280, height: 800)] {
            let theme = Theme(size: size, largeText: false, highContrast: false)
            for language in [Language.fr, .ar] {
                for (name, var state) in samples(language) where state.screen != .attract {
                    state.lowReach = true
                    let scene = JourneySnapshotTests.scene(state, size: size)
                    for id in ["help", "back", "home", "listen", "display"] {
                        guard let node = scene.node(id: id) else { continue }
                        XCTAssertGreaterThanOrEqual(
                            node.frame.y,
                            size.height - theme.topBarHeight - RemoteOverlay.bannerHeight(state, theme: theme),
                            "\(name) \(language) \(size): \(id)")
                    }
                }
            }
        }
    }

    func test_it_is_turned_on_from_the_foot_of_home_and_from_text_and_colours() throws {
        for language in Language.allCases {
            for size in Fixtures.sizes {
                let home = KioskState.initial(now: Fixtures.start, policy: Fixtures.policy)
                var state = home
                state.language = language
                let scene = JourneySnapshotTests.scene(state, size: size)
                let toggle = try XCTUnwrap(scene.node(id: "low-reach"), "\(language) \(size)")
                XCTAssertEqual(toggle.action, .lowReachToggled)
                XCTAssertEqual(toggle.label, Fixtures.catalogue.text(.lowReach, language))
                XCTAssertFalse(toggle.selected)
                if size.isPortrait {
                    XCTAssertTrue(LowReach.lowerPart(of: size).contains(toggle.frame), "low even before it is on")
                }
                let icons = scene.commands.compactMap { command -> Icon? in
                    guard case .icon(let icon, let frame, _, _) = command, toggle.frame.contains(frame) else {
                        return nil
                    }
                    return icon
                }
                XCTAssertEqual(icons, [.lowReach], "pictured")
                let spoken = Announcement.screenText(of: scene, state: state, catalogue: Fixtures.catalogue)
                XCTAssertTrue(spoken.contains(toggle.label), "spoken among the choices: \(spoken)")
                state.screen = .displayOptions
                state.lowReach = true
                let options = JourneySnapshotTests.scene(state, size: size)
                let again = try XCTUnwrap(options.node(id: "low-reach"))
                XCTAssertTrue(again.selected)
                XCTAssertEqual(again.action, .lowReachToggled)
            }
        }
    }

    func test_a_touch_reaches_the_moved_controls_and_the_upper_part_answers_nothing() throws {
        var state = KioskState.initial(now: Fixtures.start, policy: Fixtures.policy)
        state.lowReach = true
        let scene = JourneySnapshotTests.scene(state)
        let help = try XCTUnwrap(scene.node(id: "help"))
        var router = InputRouter(newScreenGuard: 0)
        let now = Fixtures.start
        let center = Point(x: help.frame.midX, y: help.frame.midY)
        _ = router.route(.pointerDown(center), scene: scene, focus: nil, now: now)
        XCTAssertEqual(router.route(.pointerUp(center), scene: scene, focus: nil, now: now), [.helpTapped])
        // Where the help button is without low reach.
        let old = Point(x: 950, y: 60)
        _ = router.route(.pointerDown(old), scene: scene, focus: nil, now: now)
        XCTAssertEqual(router.route(.pointerUp(old), scene: scene, focus: nil, now: now), [])
    }

    func test_the_aidants_pointer_is_drawn_where_the_aidant_points_on_the_whole_screen() throws {
        let states = LayoutAudit.journeyStates(content: JourneySnapshotTests.content, language: .fr)
        var state = try XCTUnwrap(states.first { $0.0 == "remote-viewing" }?.1)
        let pointer = try XCTUnwrap(state.remote?.pointer)
        state.lowReach = true
        let scene = JourneySnapshotTests.scene(state)
        let rings = scene.commands.compactMap { command -> Rect? in
            guard case .icon(let icon, let frame, _, _) = command, icon == .ring else { return nil }
            return frame
        }
        XCTAssertEqual(rings.map { Point(x: $0.midX, y: $0.midY) }, [Point(x: pointer.x, y: pointer.y)])
    }

    func test_a_hands_on_target_keeps_its_size_in_millimetres() throws {
        let states = LayoutAudit.journeyStates(content: JourneySnapshotTests.content, language: .fr)
        var found = 0
        for (name, var state) in states where name.hasPrefix("diagnostic-") {
            guard let target = JourneySnapshotTests.scene(state).node(id: "task-target") else { continue }
            state.lowReach = true
            let low = try XCTUnwrap(JourneySnapshotTests.scene(state).node(id: "task-target"), name)
            XCTAssertEqual(low.frame.width, target.frame.width, "\(name): the same finger, the same millimetres")
            XCTAssertEqual(low.frame.height, target.frame.height, name)
            found += 1
        }
        XCTAssertGreaterThan(found, 0, "a sample with a target to touch")
    }
}
