import Foundation
import KioskCore
import XCTest

@testable import KioskUI

/// The layout audit fails on what issue 13 saw: a word cut in two ("Continu/er"), larger
/// text drawn smaller than the normal mode, a landscape ticket without its service.
final class StrictLayoutAuditTests: XCTestCase {
    let measurer = FixedAdvanceMeasurer()

    func builder(large: Bool) -> SceneBuilder {
        SceneBuilder(
            theme: Theme(size: Size(width: 1280, height: 800), largeText: large, highContrast: false),
            measurer: measurer, rightToLeft: false, focusID: nil)
    }

    func test_a_word_is_never_cut_while_the_text_can_shrink_and_the_audit_names_it_when_it_cannot() {
        var b = builder(large: false)
        let style = TextStyle(size: b.theme.bodySize, weight: .bold, rightToLeft: false)
        let width = measurer.width(of: "Continuer", style: style) - 4
        b.text(
            "Continuer", in: Rect(x: 0, y: 0, width: width, height: 400), size: b.theme.bodySize, weight: .bold,
            Color(hex: 0x000000))
        var scene = b.build(screenID: "t", background: Color(hex: 0x000000))
        XCTAssertEqual(scene.cutWords, [], "a little narrower: it shrinks, whole")
        b = builder(large: false)
        b.text(
            "Continuer", in: Rect(x: 0, y: 0, width: width / 2, height: 400), size: b.theme.bodySize,
            Color(hex: 0x000000))
        scene = b.build(screenID: "t", background: Color(hex: 0x000000))
        XCTAssertEqual(scene.cutWords, ["Continuer"])
        XCTAssertTrue(
            LayoutAudit.audit(scene, minimumTarget: 1).contains("a word is cut: \"Continuer\""),
            "\(LayoutAudit.audit(scene, minimumTarget: 1))")
    }

    func test_larger_text_never_shrinks_below_the_normal_size() {
        let box = Rect(x: 0, y: 0, width: 300, height: 60)
        var normal = builder(large: false)
        normal.text("Texte plus grand", in: box, size: normal.theme.bodySize, Color(hex: 0x000000))
        var large = builder(large: true)
        large.text("Texte plus grand", in: box, size: large.theme.bodySize, Color(hex: 0x000000))
        let n = normal.build(screenID: "t", background: Color(hex: 0x000000))
        let l = large.build(screenID: "t", background: Color(hex: 0x000000))
        XCTAssertGreaterThanOrEqual(l.textSizes["Texte plus grand"]!, n.textSizes["Texte plus grand"]!)
        XCTAssertEqual(LayoutAudit.smallerWhenLarger(normal: n, large: l), [])
        var shrunk = l
        shrunk.textSizes["Texte plus grand"] = n.textSizes["Texte plus grand"]! - 1
        XCTAssertEqual(LayoutAudit.smallerWhenLarger(normal: n, large: shrunk).count, 1, "the audit says so")
    }

    func test_the_ticket_shows_its_service_at_every_size() {
        for language in Language.allCases {
            for size in Fixtures.sizes {
                let state = PersonAtTheScreenTests.sample("booking-booking-ticket", language)
                let scene = JourneySnapshotTests.scene(state, size: size)
                XCTAssertEqual(LayoutAudit.missingFacts(scene, state: state), [], "\(language) \(size)")
            }
        }
        var state = PersonAtTheScreenTests.sample("booking-booking-ticket", .fr)
        let scene = JourneySnapshotTests.scene(state, size: Fixtures.sizes[1])
        state.booking?.service?.name = LocalizedText(fr: "Autre chose", en: "x", ar: "x")
        XCTAssertEqual(LayoutAudit.missingFacts(scene, state: state), ["the ticket leaves out the service"])
    }
}
