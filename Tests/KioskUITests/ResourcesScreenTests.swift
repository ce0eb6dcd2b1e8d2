import Foundation
import KioskCore
import KioskUI
import XCTest

/// The free resources on screen when nothing can print them (issue 13, item 9): every
/// resource and its address shown and said, in every language; the result's button says
/// what it does.
final class ResourcesScreenTests: XCTestCase {
    let content = JourneySnapshotTests.content

    func states(_ language: Language) -> [String: KioskState] {
        Dictionary(uniqueKeysWithValues: LayoutAudit.journeyStates(content: content, language: language))
    }

    func test_every_resource_and_its_address_is_shown_and_said_in_every_language() throws {
        let sheet = try XCTUnwrap(content.resources)
        for language in Language.allCases {
            var state = try XCTUnwrap(states(language)["diagnostic-resources"])
            state.language = language
            let scene = JourneySnapshotTests.scene(state)
            let said = Announcement.screenText(of: scene, state: state, catalogue: Fixtures.catalogue)
            XCTAssertTrue(said.hasPrefix(sheet.title[language]), said)
            for item in sheet.items {
                XCTAssertTrue(scene.visibleTexts.contains(item.text[language]), "\(language): \(item.text[language])")
                XCTAssertTrue(scene.visibleTexts.contains(item.address), "\(language): \(item.address)")
                XCTAssertTrue(said.contains(item.text[language]) && said.contains(item.address), said)
            }
            let note = Fixtures.catalogue.text(.diagListNotPrinted, language)
            XCTAssertTrue(said.contains(note), "what to do with it is said too: \(said)")
            XCTAssertEqual(scene.overflows, [])
        }
    }

    func test_without_a_printer_the_results_button_shows_the_list_rather_than_print_it() throws {
        let result = try XCTUnwrap(states(.fr)["diagnostic-result"])
        func label(printer: Bool) -> String? {
            var policy = Fixtures.policy
            policy.printerConfigured = printer
            let scene = view(
                result,
                ViewContext(
                    size: Fixtures.sizes[0], catalogue: Fixtures.catalogue, measurer: FixedAdvanceMeasurer(),
                    policy: policy, content: content))
            return scene.node(id: "diag-follow")?.label
        }
        XCTAssertEqual(label(printer: true), "Imprimer la liste")
        XCTAssertEqual(label(printer: false), "Voir la liste")
    }
}
