// Passerelle — KioskApp places tests. Licensed under the EUPL-1.2.
import Foundation
import XCTest

@testable import KioskApp
import KioskCore
import KioskUI

/// The kiosk reads the places of help from its store at start and on every content reload
/// (as SIGHUP does after `passerellectl places import`): the home tile follows.
final class PlacesWiringTests: XCTestCase {
    func test_the_places_come_from_the_store_at_start_and_on_reload() throws {
        let (kiosk, _) = try Support.kiosk(places: false)
        XCTAssertEqual(kiosk.content.places, [])
        XCTAssertNil(kiosk.scene.node(id: "tile-places"), "no places, no tile")

        let data = try Data(contentsOf: Support.root.appendingPathComponent("Assets/places/example.csv"))
        let file = try PlacesFile.parse(data, file: "example.csv")
        let store = try XCTUnwrap(kiosk.services.store)
        try store.importPlaces(file.places, source: "example")
        kiosk.reloadContent()
        XCTAssertEqual(kiosk.content.places.count, 12)
        XCTAssertEqual(kiosk.scene.node(id: "tile-places")?.label, "Trouver un lieu d'aide")
        XCTAssertEqual(kiosk.statusFacts.placesOfHelp, 12, "the admin's status page counts them")

        try store.importPlaces([], source: "example")
        kiosk.reloadContent()
        XCTAssertEqual(kiosk.content.places, [], "the file emptied its source: the tile goes")
        XCTAssertNil(kiosk.scene.node(id: "tile-places"))
    }

    func test_a_places_file_that_imports_nothing_stops_the_start_with_its_reason() throws {
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("places-\(UUID().uuidString).csv")
        try "id,nom\n".write(to: bad, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: bad) }
        var options = KioskOptions()
        options.placesFile = bad.path
        XCTAssertThrowsError(try buildKiosk(options: options, clock: { Date(timeIntervalSince1970: 1_795_000_000) })) {
            error in
            XCTAssertTrue("\(error)".hasPrefix("places:\n\(bad.path):"), "\(error)")
        }
    }
}
