import KioskCore
import KioskUI
import XCTest

final class InputRouterTests: XCTestCase {
    var router = InputRouter()
    let scene = Fixtures.scene(Fixtures.screens()[1].1)  // help: back, home, help

    func center(_ id: String) -> Point {
        let f = scene.node(id: id)!.frame
        return Point(x: f.midX, y: f.midY)
    }

    func test_a_control_fires_on_release_over_the_same_control() {
        XCTAssertEqual(router.route(.pointerDown(center("back")), scene: scene, focus: nil), [.personActed])
        XCTAssertEqual(router.route(.pointerUp(center("back")), scene: scene, focus: nil), [.backTapped])
    }

    func test_sliding_off_a_control_before_release_does_nothing() {
        _ = router.route(.pointerDown(center("back")), scene: scene, focus: nil)
        XCTAssertEqual(router.route(.pointerUp(center("home")), scene: scene, focus: nil), [])
        XCTAssertEqual(router.route(.pointerUp(center("home")), scene: scene, focus: nil), [], "a release without a press is nothing")
    }

    func test_tab_and_arrows_move_focus_and_enter_activates() {
        XCTAssertEqual(router.route(.key(.tab), scene: scene, focus: nil), [.personActed, .focusMoved("help")])
        XCTAssertEqual(router.route(.key(.tab), scene: scene, focus: "help"), [.personActed, .focusMoved("back")])
        XCTAssertEqual(router.route(.key(.shiftTab), scene: scene, focus: "back"), [.personActed, .focusMoved("help")])
        XCTAssertEqual(router.route(.key(.enter), scene: scene, focus: "back"), [.personActed, .backTapped])
        XCTAssertEqual(router.route(.key(.space), scene: scene, focus: "help"), [.personActed, .helpTapped])
    }

    func test_arrows_follow_the_reading_direction_in_arabic() {
        let ar = Fixtures.scene(Fixtures.screens(language: .ar)[1].1)
        XCTAssertEqual(router.route(.key(.left), scene: ar, focus: "help"), [.personActed, .focusMoved("back")])
        XCTAssertEqual(router.route(.key(.right), scene: scene, focus: "help"), [.personActed, .focusMoved("back")])
    }

    func test_escape_and_quit_combinations_only_show_presence() {
        XCTAssertEqual(router.route(.key(.other), scene: scene, focus: "back"), [.personActed])
    }

    func test_taps_on_the_hidden_zone_are_reported_but_not_on_a_control() {
        let zone = scene.secretZone!
        let p = Point(x: zone.midX, y: zone.midY)
        _ = router.route(.pointerDown(p), scene: scene, focus: nil)
        XCTAssertEqual(router.route(.pointerUp(p), scene: scene, focus: nil), [.secretZoneTapped])
        _ = router.route(.pointerDown(center("help")), scene: scene, focus: nil)
        XCTAssertEqual(router.route(.pointerUp(p), scene: scene, focus: nil), [])
    }
}
