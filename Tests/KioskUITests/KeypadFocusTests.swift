import Foundation
import KioskCore
import KioskUI
import XCTest

/// Every journey by keypad alone (issue 13, item 15): every control of every screen is
/// reached by Tab and by the arrows, ringed when focused, and said with its state.
final class KeypadFocusTests: XCTestCase {
    static let policy = KioskPolicy(adminEnabled: true, siteName: "Médiathèque Louise-Michel")

    static func samples(_ language: Language) -> [(String, KioskState)] {
        (LayoutAudit.sampleStates(policy: policy)
            + LayoutAudit.journeyStates(content: JourneySnapshotTests.content, language: language))
            .map { name, state in
                var state = state
                state.language = language
                return (name, state)
            }
    }

    /// What a hands-on touch task has the person touch or drag: a keypad user never meets it
    /// (the keys pass those tasks over), so the arrows need not reach it.
    static func isTouchTask(_ node: SemanticNode) -> Bool { node.draggable || node.id.hasPrefix("task-") }

    func test_every_control_of_every_screen_is_reached_by_tab_and_by_the_arrows() {
        for language in Language.allCases {
            for size in Fixtures.sizes {
                for (name, state) in Self.samples(language) {
                    let scene = JourneySnapshotTests.scene(state, size: size)
                    let place = "\(name) \(language.rawValue) \(size.width)x\(size.height)"
                    let all = scene.focusableNodes.map(\.id)
                    guard !all.isEmpty else { continue }
                    var router = InputRouter(newScreenGuard: 0)
                    let now = Date(timeIntervalSince1970: 0)
                    func moved(_ key: Key, from id: String?) -> String? {
                        for case .focusMoved(let next) in router.route(.key(key), scene: scene, focus: id, now: now) {
                            return next
                        }
                        return nil
                    }
                    // Tab goes round every control once, in reading order.
                    var tabbed: [String] = []
                    var focus: String? = nil
                    for _ in 0..<all.count {
                        focus = moved(.tab, from: focus)
                        if let focus { tabbed.append(focus) }
                    }
                    XCTAssertEqual(Set(tabbed), Set(all), "\(place): Tab misses some")
                    XCTAssertEqual(moved(.tab, from: focus), tabbed.first, "\(place): Tab goes round")
                    // The arrows, from where the first key lands, reach every control too.
                    var reached: Set<String> = []
                    var queue = [moved(.down, from: nil)].compactMap { $0 }
                    while let id = queue.popLast() {
                        guard reached.insert(id).inserted else { continue }
                        queue += [Key.up, .down, .left, .right].compactMap { moved($0, from: id) }
                    }
                    let expected = scene.focusableNodes.filter { !Self.isTouchTask($0) }.map(\.id)
                    XCTAssertEqual(
                        Set(expected).subtracting(reached), [], "\(place): the arrows never reach these")
                }
            }
        }
    }

    func test_every_control_gets_the_focus_ring_when_focused() throws {
        for language in [Language.fr, .ar] {
            for (name, state) in Self.samples(language) {
                let scene = JourneySnapshotTests.scene(state)
                for node in scene.focusableNodes {
                    var focused = state
                    focused.focus = node.id
                    let ringed = JourneySnapshotTests.scene(focused)
                    let palette = state.highContrast ? Theme.Palette.highContrast : .standard
                    // The ring is drawn last, over everything, around the control.
                    let ring = ringed.commands.suffix(8).compactMap { command -> Rect? in
                        if case .rect(let rect, let color) = command, color == palette.focus { return rect }
                        return nil
                    }
                    let place = "\(name) \(language.rawValue) \(node.id)"
                    XCTAssertEqual(ring.count, 4, "\(place): no ring")
                    let box = ring.reduce(ring.first ?? .zero) { $0.union($1) }
                    let frame = try XCTUnwrap(ringed.node(id: node.id)?.frame)
                    XCTAssertTrue(box.contains(frame), "\(place): the ring \(box) is not around \(frame)")
                    XCTAssertEqual(ringed.commands.dropLast(8), scene.commands[...], "\(place): the ring only adds")
                }
            }
        }
    }

    func test_the_focus_ring_stands_out_three_to_one_in_both_themes() {
        for palette in [Theme.Palette.standard, .highContrast] {
            for around in [palette.background, palette.panel, palette.topBar, palette.secondary] {
                XCTAssertGreaterThanOrEqual(palette.focus.contrast(with: around), 3, "\(palette.focus) on \(around)")
            }
            // The band inside the ring parts it from a filled control.
            for control in [palette.primary, palette.selected] {
                XCTAssertGreaterThanOrEqual(
                    max(palette.focus.contrast(with: control), palette.background.contrast(with: control)), 3)
            }
        }
    }

    func test_the_focused_control_is_said_with_its_state() throws {
        let catalogue = Fixtures.catalogue
        var state = PersonAtTheScreenTests.sample("booking-booking-name", .fr)
        state.booking?.name = TextEntry(kind: .name)
        let next = try XCTUnwrap(JourneySnapshotTests.scene(state).node(id: "next"))
        XCTAssertEqual(
            Announcement.focusText(of: next, state, catalogue),
            "Continuer, pas encore possible. Écrivez d'abord votre prénom avec les touches.")
        let home = Fixtures.screens()[0].1
        let scene = JourneySnapshotTests.scene(home)
        XCTAssertEqual(
            Announcement.focusText(of: try XCTUnwrap(scene.node(id: "lang-fr")), home, catalogue), "Français, choisi")
        XCTAssertEqual(
            Announcement.focusText(of: try XCTUnwrap(scene.node(id: "large-text")), home, catalogue),
            "Texte plus grand, pas choisi")
        XCTAssertEqual(
            Announcement.focusText(of: try XCTUnwrap(scene.node(id: "tile-booking")), home, catalogue),
            "Prendre rendez-vous")
        var arabic = home
        arabic.language = .ar
        let ar = JourneySnapshotTests.scene(arabic)
        XCTAssertEqual(
            Announcement.focusText(of: try XCTUnwrap(ar.node(id: "lang-ar")), arabic, catalogue), "العربية، مختار")
    }
}
