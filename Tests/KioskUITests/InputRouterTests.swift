import Foundation
import KioskCore
import KioskUI
import XCTest

final class InputRouterTests: XCTestCase {
    var router = InputRouter()
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let scene = Fixtures.scene(Fixtures.screens()[1].1)  // help: back, home, help

    func center(_ id: String) -> Point {
        let f = scene.node(id: id)!.frame
        return Point(x: f.midX, y: f.midY)
    }

    func test_a_control_fires_on_release_over_the_same_control() {
        XCTAssertEqual(router.route(.pointerDown(center("back")), scene: scene, focus: nil, now: now), [.personActed])
        XCTAssertEqual(router.route(.pointerUp(center("back")), scene: scene, focus: nil, now: now), [.backTapped])
    }

    func test_sliding_off_a_control_before_release_does_nothing() {
        _ = router.route(.pointerDown(center("back")), scene: scene, focus: nil, now: now)
        XCTAssertEqual(router.route(.pointerUp(center("home")), scene: scene, focus: nil, now: now), [])
        XCTAssertEqual(
            router.route(.pointerUp(center("home")), scene: scene, focus: nil, now: now), [],
            "a release without a press is nothing")
    }

    func test_tab_goes_round_in_reading_order_and_enter_activates() {
        // The help screen without a hook has only the bar's controls: the first key starts at
        // the first of them in reading order (back, home, listen, text, help).
        XCTAssertEqual(
            router.route(.key(.tab), scene: scene, focus: nil, now: now), [.personActed, .focusMoved("back")])
        XCTAssertEqual(
            router.route(.key(.tab), scene: scene, focus: "back", now: now), [.personActed, .focusMoved("home")])
        XCTAssertEqual(
            router.route(.key(.tab), scene: scene, focus: "help", now: now), [.personActed, .focusMoved("back")],
            "from the last to the first")
        XCTAssertEqual(
            router.route(.key(.shiftTab), scene: scene, focus: "back", now: now), [.personActed, .focusMoved("help")])
        XCTAssertEqual(router.route(.key(.enter), scene: scene, focus: "back", now: now), [.personActed, .backTapped])
        XCTAssertEqual(router.route(.key(.space), scene: scene, focus: "help", now: now), [.personActed, .helpTapped])
    }

    func test_arrows_follow_the_screen_and_the_left_arrow_goes_on_in_arabic() {
        XCTAssertEqual(
            router.route(.key(.right), scene: scene, focus: "back", now: now), [.personActed, .focusMoved("home")])
        XCTAssertEqual(
            router.route(.key(.left), scene: scene, focus: "back", now: now), [.personActed],
            "at the edge the focus stays")
        // Arabic is mirrored: "back" is at the top right, and what follows it is on its left.
        let ar = Fixtures.scene(Fixtures.screens(language: .ar)[1].1)
        XCTAssertGreaterThan(ar.node(id: "back")!.frame.x, ar.node(id: "home")!.frame.x)
        XCTAssertEqual(
            router.route(.key(.left), scene: ar, focus: "back", now: now), [.personActed, .focusMoved("home")])
        XCTAssertEqual(
            router.route(.key(.right), scene: ar, focus: "home", now: now), [.personActed, .focusMoved("back")])
        XCTAssertEqual(
            router.route(.key(.tab), scene: ar, focus: nil, now: now), [.personActed, .focusMoved("back")],
            "reading order starts at the right")
    }

    /// A button above a two-row keyboard, and the bar far above: the arrows follow the keys'
    /// rows and columns, and "up" from the keyboard reaches the button before the bar.
    func keyboardScene() -> Scene {
        func node(_ id: String, _ x: Int, _ y: Int, _ w: Int, _ h: Int, enabled: Bool = true) -> SemanticNode {
            var n = SemanticNode(
                id: id, role: id.hasPrefix("key") ? .key : .button, label: id,
                frame: Rect(x: x, y: y, width: w, height: h), enabled: enabled, action: .keyTyped(id))
            if !enabled { n.missing = "Écrivez d'abord votre prénom avec les touches." }
            return n
        }
        return Scene(
            screenID: "keys", size: Size(width: 1080, height: 1920), background: Color(hex: 0xFFFFFF),
            nodes: [
                node("back", 20, 14, 170, 139), node("next", 700, 420, 330, 130, enabled: false),
                node("key-a", 80, 1400, 80, 90), node("key-z", 180, 1400, 80, 90), node("key-e", 280, 1400, 80, 90),
                node("key-q", 80, 1500, 80, 90), node("key-s", 180, 1500, 80, 90),
            ])
    }

    func test_arrows_move_to_the_nearest_control_that_way() {
        let keys = keyboardScene()
        func go(_ key: Key, from id: String) -> [Action] { router.route(.key(key), scene: keys, focus: id, now: now) }
        XCTAssertEqual(go(.right, from: "key-a"), [.personActed, .focusMoved("key-z")])
        XCTAssertEqual(go(.down, from: "key-z"), [.personActed, .focusMoved("key-s")])
        XCTAssertEqual(go(.left, from: "key-s"), [.personActed, .focusMoved("key-q")])
        XCTAssertEqual(go(.up, from: "key-q"), [.personActed, .focusMoved("key-a")])
        XCTAssertEqual(go(.up, from: "key-a"), [.personActed, .focusMoved("next")], "the button above, not the bar")
        XCTAssertEqual(go(.up, from: "next"), [.personActed, .focusMoved("back")])
        XCTAssertEqual(go(.down, from: "key-s"), [.personActed], "nothing below: the focus stays")
        XCTAssertEqual(
            router.route(.key(.down), scene: keys, focus: nil, now: now), [.personActed, .focusMoved("key-a")],
            "the first key lands on the first usable control of the screen, not the bar")
    }

    func test_a_control_not_usable_yet_is_reached_and_enter_says_what_it_needs() {
        let keys = keyboardScene()
        XCTAssertEqual(keys.focusableNodes.map(\.id), ["back", "next", "key-a", "key-z", "key-e", "key-q", "key-s"])
        XCTAssertEqual(keys.entryFocus, "key-a")
        XCTAssertEqual(
            router.route(.key(.enter), scene: keys, focus: "next", now: now),
            [.personActed, .unavailableTapped("next")])
    }

    func test_escape_and_quit_combinations_only_show_presence() {
        XCTAssertEqual(router.route(.key(.other), scene: scene, focus: "back", now: now), [.personActed])
    }

    func test_taps_on_the_hidden_zone_are_reported_but_not_on_a_control() {
        let zone = scene.secretZone!
        let p = Point(x: zone.midX, y: zone.midY)
        _ = router.route(.pointerDown(p), scene: scene, focus: nil, now: now)
        XCTAssertEqual(router.route(.pointerUp(p), scene: scene, focus: nil, now: now), [.secretZoneTapped])
        _ = router.route(.pointerDown(center("help")), scene: scene, focus: nil, now: now)
        XCTAssertEqual(router.route(.pointerUp(p), scene: scene, focus: nil, now: now), [])
    }

    // MARK: - Dragging and typing

    func dragScene() -> Scene {
        Scene(
            screenID: "drag", size: Size(width: 1080, height: 1920),
            background: Color(hex: 0xFFFFFF),
            nodes: [
                SemanticNode(
                    id: "box", role: .image, label: "box", frame: Rect(x: 600, y: 600, width: 300, height: 300)),
                SemanticNode(
                    id: "letter", role: .image, label: "letter", frame: Rect(x: 100, y: 100, width: 200, height: 200),
                    action: .helpTapped, draggable: true),
            ])
    }

    func test_a_draggable_thing_moves_and_is_dropped_on_what_lies_under_the_finger() {
        let scene = dragScene()
        XCTAssertEqual(
            router.route(.pointerDown(Point(x: 150, y: 150)), scene: scene, focus: nil, now: now), [.personActed])
        XCTAssertEqual(
            router.route(.pointerMoved(Point(x: 160, y: 155)), scene: scene, focus: nil, now: now), [],
            "a shaky tap is not a drag")
        XCTAssertEqual(
            router.route(.pointerMoved(Point(x: 400, y: 420)), scene: scene, focus: nil, now: now),
            [.dragMoved(id: "letter", dx: 250, dy: 270)])
        XCTAssertEqual(
            router.route(.pointerUp(Point(x: 700, y: 700)), scene: scene, focus: nil, now: now),
            [.dragEnded(id: "letter", dx: 550, dy: 550, droppedOn: "box")])
    }

    func test_a_draggable_thing_that_is_only_tapped_still_fires_its_action() {
        let scene = dragScene()
        _ = router.route(.pointerDown(Point(x: 150, y: 150)), scene: scene, focus: nil, now: now)
        _ = router.route(.pointerMoved(Point(x: 155, y: 152)), scene: scene, focus: nil, now: now)
        XCTAssertEqual(
            router.route(.pointerUp(Point(x: 155, y: 152)), scene: scene, focus: nil, now: now), [.helpTapped])
    }

    func test_moves_without_a_press_or_over_fixed_things_do_nothing() {
        let scene = dragScene()
        XCTAssertEqual(router.route(.pointerMoved(Point(x: 400, y: 400)), scene: scene, focus: nil, now: now), [])
        _ = router.route(.pointerDown(Point(x: 700, y: 700)), scene: scene, focus: nil, now: now)
        XCTAssertEqual(router.route(.pointerMoved(Point(x: 900, y: 900)), scene: scene, focus: nil, now: now), [])
    }

    func test_typed_text_and_backspace_reach_the_reducer() {
        XCTAssertEqual(
            router.route(.text("PASSERELLE:RDV:1"), scene: scene, focus: nil, now: now),
            [.personActed, .keyTyped("PASSERELLE:RDV:1")])
        XCTAssertEqual(router.route(.key(.backspace), scene: scene, focus: nil, now: now), [.personActed, .keyErased])
    }

    func test_a_press_that_began_before_the_screen_changed_fires_nothing() {
        var router = InputRouter(newScreenGuard: 0.5)
        let scene = Fixtures.scene(Fixtures.screens()[1].1)
        let back = scene.node(id: "back")!.frame
        let point = Point(x: back.midX, y: back.midY)
        let t = Date(timeIntervalSince1970: 1_800_000_000)
        _ = router.route(.pointerDown(point), scene: scene, focus: nil, now: t)
        router.screenChanged(at: t.addingTimeInterval(0.1))
        XCTAssertEqual(router.route(.pointerUp(point), scene: scene, focus: nil, now: t.addingTimeInterval(2)), [])
        _ = router.route(.pointerDown(point), scene: scene, focus: nil, now: t.addingTimeInterval(0.4))
        XCTAssertEqual(
            router.route(.pointerUp(point), scene: scene, focus: nil, now: t.addingTimeInterval(0.45)), [],
            "within 0.5 s")
        _ = router.route(.pointerDown(point), scene: scene, focus: nil, now: t.addingTimeInterval(0.7))
        XCTAssertEqual(
            router.route(.pointerUp(point), scene: scene, focus: nil, now: t.addingTimeInterval(0.8)), [.backTapped])
        XCTAssertEqual(
            router.route(.key(.enter), scene: scene, focus: "back", now: t.addingTimeInterval(0.9)),
            [.personActed, .backTapped])
        router.screenChanged(at: t.addingTimeInterval(1))
        XCTAssertEqual(
            router.route(.key(.enter), scene: scene, focus: "back", now: t.addingTimeInterval(1.1)), [.personActed],
            "a second Enter")
    }
}

extension InputRouterTests {
    func test_a_tap_on_a_control_not_usable_yet_reports_it() {
        var router = InputRouter(newScreenGuard: 0)
        var node = SemanticNode(
            id: "next", role: .button, label: "Continuer", frame: Rect(x: 0, y: 0, width: 200, height: 200),
            enabled: false, action: .booking(.continueTapped))
        node.missing = "Écrivez d'abord votre prénom."
        let scene = Scene(
            screenID: "s", size: Size(width: 400, height: 400), background: Color(hex: 0), nodes: [node])
        let now = Date(timeIntervalSince1970: 10)
        _ = router.route(.pointerDown(Point(x: 50, y: 50)), scene: scene, focus: nil, now: now)
        XCTAssertEqual(
            router.route(.pointerUp(Point(x: 60, y: 60)), scene: scene, focus: nil, now: now),
            [.unavailableTapped("next")])
        node.missing = nil
        let silent = Scene(screenID: "s", size: Size(width: 400, height: 400), background: Color(hex: 0), nodes: [node])
        _ = router.route(.pointerDown(Point(x: 50, y: 50)), scene: silent, focus: nil, now: now)
        XCTAssertEqual(router.route(.pointerUp(Point(x: 60, y: 60)), scene: silent, focus: nil, now: now), [])
    }
}
