import Foundation
import KioskCore
import KioskUI
import XCTest

/// Draw-list snapshots of the journeys: one diagnostic item of each type, the result, and the
/// booking confirmation and ticket screens, in French and in Arabic.
final class JourneySnapshotTests: XCTestCase {
    static let content: KioskContent = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
            .standardized
        // The shipped pack and agenda are checked by their own tests; a failure here is a broken checkout.
        let pack = try! DiagnosticPack.load(
            data: Data(contentsOf: root.appendingPathComponent("Assets/content/diagnostic/passerelle-default.json")),
            file: "pack"
        ).get()
        let agenda = try! AgendaDocument.parse(
            Data(contentsOf: root.appendingPathComponent("Assets/agenda/example.json")), file: "agenda")
        let catalogue = BookableAgenda(
            services: agenda.services, places: Dictionary(uniqueKeysWithValues: agenda.places.map { ($0.key, $0) }),
            helpers: Dictionary(uniqueKeysWithValues: agenda.helpers.map { ($0.key, $0) }))
        let places = try! PlacesFile.parse(
            Data(contentsOf: root.appendingPathComponent("Assets/places/example.csv")), file: "places")
        var content = KioskContent(diagnosticPack: pack, agenda: catalogue, places: places.places)
        content.resources = try! ResourceSheet.load(
            data: Data(contentsOf: root.appendingPathComponent("Assets/content/resources.json")), file: "resources"
        ).get()
        return content
    }()

    /// The journey screens besides the items that have a snapshot of their own.
    static let snapshotScreens = [
        "diagnostic-result", "diagnostic-resources", "booking-booking-confirm", "booking-booking-ticket",
        "help-looking", "remote-ask-view",
        "remote-controlling",
    ]
    static let languages: [Language] = [.fr, .ar]
    /// "Where can I get help?": every screen, in the three languages.
    static let placesScreens = ["places-need", "places-list", "places-none", "places-support", "places-place"]

    /// The names of the snapshot files this class checks.
    static var snapshotNames: [String] {
        languages.flatMap { language in
            ItemType.allCases.map { "item-\($0.rawValue)-\(language.rawValue)" }
                + snapshotScreens.map { "\($0)-\(language.rawValue)" }
        } + Language.allCases.flatMap { language in placesScreens.map { "\($0)-\(language.rawValue)" } }
    }

    func test_the_places_screens_in_french_arabic_and_english() {
        for language in Language.allCases {
            let states = LayoutAudit.journeyStates(content: Self.content, language: language)
            let places = states.filter { Self.placesScreens.contains($0.0) }
            XCTAssertEqual(places.map(\.0), Self.placesScreens)
            for (name, state) in places {
                SceneSnapshot.assert(scene(state), named: "\(name)-\(language.rawValue)")
            }
        }
    }

    static func scene(_ state: KioskState, size: Size = Fixtures.sizes[0], content: KioskContent? = nil) -> Scene {
        view(
            state,
            ViewContext(
                size: size, catalogue: Fixtures.catalogue, measurer: FixedAdvanceMeasurer(),
                policy: Fixtures.policy, content: content ?? Self.content))
    }

    func scene(_ state: KioskState) -> Scene { Self.scene(state) }

    func test_one_item_of_each_type_and_the_result_in_french_and_arabic() {
        for language in Self.languages {
            let states = LayoutAudit.journeyStates(content: Self.content, language: language)
            var types = Set<String>()
            for (name, state) in states where name.hasPrefix("diagnostic-") {
                guard let item = state.diagnostic?.session.currentItem, state.screen == .diagnostic(.item) else {
                    continue
                }
                guard types.insert(item.type.rawValue).inserted else { continue }
                SceneSnapshot.assert(scene(state), named: "item-\(item.type.rawValue)-\(language.rawValue)")
            }
            XCTAssertEqual(types.count, ItemType.allCases.count, "every item type has a snapshot")
            for (name, state) in states where Self.snapshotScreens.contains(name) {
                SceneSnapshot.assert(scene(state), named: "\(name)-\(language.rawValue)")
            }
        }
    }
}
