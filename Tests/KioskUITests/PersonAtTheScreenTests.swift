import Foundation
import KioskCore
import KioskUI
import XCTest

/// What issue 13 found when people used the kiosk as they would: the safe choice emphasised,
/// states shown by more than colour, controls named and spoken.
final class PersonAtTheScreenTests: XCTestCase {
    static func sample(_ name: String, _ language: Language) -> KioskState {
        let states = LayoutAudit.journeyStates(content: JourneySnapshotTests.content, language: language)
        guard let state = states.first(where: { $0.0 == name })?.1 else {
            XCTFail("no sample state \(name)")
            return KioskState.initial(now: Fixtures.start, policy: Fixtures.policy)
        }
        return state
    }

    /// The colour a button's frame is filled with (its outer shape).
    static func fill(of node: SemanticNode, in scene: Scene) -> Color? {
        for command in scene.commands {
            if case .roundedRect(let rect, _, let color) = command, rect == node.frame { return color }
        }
        return nil
    }

    func test_keeping_the_appointment_is_the_filled_first_choice_when_cancelling() throws {
        for language in [Language.fr, .ar] {
            let scene = JourneySnapshotTests.scene(Self.sample("my-my-appointment-cancel", language))
            let keep = try XCTUnwrap(scene.node(id: "cancel-no"))
            let cancel = try XCTUnwrap(scene.node(id: "cancel-yes"))
            XCTAssertEqual(Self.fill(of: keep, in: scene), Theme.Palette.standard.primary, "keep is filled")
            XCTAssertEqual(Self.fill(of: cancel, in: scene), Theme.Palette.standard.border, "cancel is plain")
            XCTAssertLessThan(
                scene.nodes.firstIndex { $0.id == "cancel-no" }!, scene.nodes.firstIndex { $0.id == "cancel-yes" }!)
            if language.isRightToLeft {
                XCTAssertGreaterThan(keep.frame.x, cancel.frame.x, "first from the right in Arabic")
            } else {
                XCTAssertLessThan(keep.frame.x, cancel.frame.x, "first from the left")
            }
        }
    }

    func test_the_earliest_time_is_on_its_button_and_in_its_label_in_every_language() throws {
        for language in Language.allCases {
            for size in Fixtures.sizes {
                let state = Self.sample("booking-booking-when", language)
                let scene = JourneySnapshotTests.scene(state, size: size)
                let button = try XCTUnwrap(scene.node(id: "first-slot"), "\(language) \(size)")
                let first = try XCTUnwrap(state.booking?.slots?.first)
                let time = SpokenDates.time(first.start, language)
                XCTAssertTrue(button.label.contains(time), "\(language): \(button.label)")
                XCTAssertNil(scene.node(id: "first-slot-time"), "no time drawn apart from its button")
                let measurer = FixedAdvanceMeasurer()
                for command in scene.commands {
                    guard case .text(let text, let origin, let style, _) = command, text.contains(time) else {
                        continue
                    }
                    let rect = Rect(
                        x: origin.x, y: origin.y, width: measurer.width(of: text, style: style),
                        height: measurer.lineHeight(style))
                    XCTAssertTrue(button.frame.contains(rect), "\(language) \(size): \"\(text)\" outside its button")
                }
            }
        }
    }

    func test_a_button_not_usable_yet_shows_it_by_its_shape_and_says_what_it_needs() throws {
        var state = Self.sample("booking-booking-name", .fr)
        state.booking?.name = TextEntry(kind: .name)
        let scene = JourneySnapshotTests.scene(state)
        let next = try XCTUnwrap(scene.node(id: "next"))
        XCTAssertFalse(next.enabled)
        XCTAssertEqual(next.missing, "Écrivez d'abord votre prénom avec les touches.")
        let signs = scene.commands.filter {
            if case .icon(let icon, let frame, _, _) = $0 { return icon == .unavailable && next.frame.contains(frame) }
            return false
        }
        XCTAssertEqual(signs.count, 1, "a 'no entry' sign, not only a colour")
        XCTAssertNotEqual(
            Self.fill(of: next, in: scene), Theme.Palette.standard.primary, "not filled like a usable one")
        XCTAssertEqual(scene.unavailableNode(at: Point(x: next.frame.midX, y: next.frame.midY))?.id, "next")

        state.unavailable = "next"
        let told = JourneySnapshotTests.scene(state)
        let missing = try XCTUnwrap(told.node(id: "missing"))
        XCTAssertEqual(missing.role, .status)
        XCTAssertEqual(missing.label, next.missing)
    }
}
