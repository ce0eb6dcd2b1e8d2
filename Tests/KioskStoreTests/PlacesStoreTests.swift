// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import Foundation
import GRDB
import KioskCore
import XCTest
@testable import KioskStore

final class PlacesStoreTests: XCTestCase {
    private func store() throws -> AppDatabase {
        try AppDatabase.inMemory(clock: .fixed(paris("2026-11-23 10:30")))
    }

    func test_an_import_stores_every_field_and_reads_back_the_same_values() throws {
        let database = try store()
        let file = try examplePlaces()
        let report = try database.importPlaces(file.places, source: "example")
        XCTAssertEqual(report.added.count, 12)
        let stored = try database.places()
        XCTAssertEqual(stored.count, 12)
        for place in file.places {
            XCTAssertEqual(stored.first { $0.id == place.id }, place, place.id)
        }
        XCTAssertEqual(
            try database.placeSources(),
            [PlaceSource(name: "example", places: 12, importedAt: paris("2026-11-23 10:30"))])
    }

    func test_re_importing_the_same_file_changes_nothing() throws {
        let database = try store()
        let file = try examplePlaces()
        try database.importPlaces(file.places, source: "example")
        let before = try placeTables(database.reader)
        let again = try database.importPlaces(file.places, source: "example")
        XCTAssertEqual(again, PlacesImportReport(unchanged: 12))
        XCTAssertEqual(try placeTables(database.reader), before)
    }

    func test_the_file_is_the_truth_for_its_source_and_says_what_it_removed() throws {
        let database = try store()
        let file = try examplePlaces()
        try database.importPlaces(file.places, source: "example")
        var other = PlaceOfHelp(
            id: "autre", name: "Autre lieu", commune: "Sète", postalCode: "34200", address: "1 quai")
        other.services = [.leisure]
        try database.importPlaces([other], source: "sete")

        var next = file.places.filter { !["exemple-castries", "exemple-mauguio"].contains($0.id) }
        next[0].name = "France Services du Pays de Lunel"
        // Mauguio's row was refused this time: its stored version stays as it was.
        let report = try database.importPlaces(next, source: "example", refusedIDs: ["exemple-mauguio"])
        XCTAssertEqual(report.removed, ["exemple-castries"])
        XCTAssertEqual(report.keptAsBefore, ["exemple-mauguio"])
        XCTAssertEqual(report.updated, ["exemple-fs-lunel"])
        XCTAssertEqual(report.unchanged, 9)
        XCTAssertEqual(
            report.summary,
            "0 new, 1 updated, 9 unchanged; removed (no longer in the file): exemple-castries; "
                + "kept as before (row refused): exemple-mauguio"
        )
        XCTAssertEqual(try database.places(source: "example").count, 11)
        XCTAssertEqual(try database.places(source: "sete"), [other], "another source is not touched")
        XCTAssertEqual(
            try database.places().first { $0.id == "exemple-fs-lunel" }?.name, "France Services du Pays de Lunel")
        let journal = try database.journal().map(\.event)
        XCTAssertTrue(journal.contains(.note("places imported from example: \(report.summary)")), "\(journal)")
    }

    func test_an_export_reads_back_as_the_same_places() throws {
        let database = try store()
        try database.importPlaces(try examplePlaces().places, source: "example")
        let stored = try database.places()
        let again = try PlacesFile.parse(Data(PlacesCSV.text(stored).utf8), file: "export.csv")
        XCTAssertEqual(again.places, stored)
        XCTAssertEqual(again.refused, [])
    }

    func test_the_schema_refuses_what_the_import_would_never_write() throws {
        let database = try store()
        let refused = [
            "INSERT INTO place_of_help (key, importSource, importedAt, name, commune, postalCode, address) "
                + "VALUES ('a', 's', '2026-01-01', 'n', 'c', '3440', 'a')",
            "INSERT INTO place_of_help (key, importSource, importedAt, name, commune, postalCode, address, latitude) "
                + "VALUES ('a', 's', '2026-01-01', 'n', 'c', '34400', 'a', 43.6)",
            "INSERT INTO place_of_help (key, importSource, importedAt, name, commune, postalCode, address, phone) "
                + "VALUES ('a', 's', '2026-01-01', 'n', 'c', '34400', 'a', '0467000101')",
            "INSERT INTO place_of_help_value (placeId, field, position, value) VALUES (1, 'couleur', 0, 'bleu')",
        ]
        for sql in refused {
            XCTAssertThrowsError(try database.writer.write { try $0.execute(sql: sql) }, sql)
        }
    }
}
