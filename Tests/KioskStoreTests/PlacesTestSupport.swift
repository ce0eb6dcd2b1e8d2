// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import Foundation
import PasserelleTestSupport
import GRDB
import KioskCore

/// The shipped sample of the national schema.
let examplePlacesPath = repositoryRoot.appendingPathComponent("Assets/places/example.csv").path

func examplePlaces() throws -> PlacesFile {
    try PlacesFile.parse(Data(contentsOf: URL(fileURLWithPath: examplePlacesPath)), file: "example.csv")
}

/// Every row of the places tables, sorted, to compare a store before and after.
func placeTables(_ reader: any DatabaseReader) throws -> [String] {
    try reader.read { db in
        var lines: [String] = []
        for table in ["place_of_help", "place_of_help_value"] {
            lines += try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\(table) \($0)" }
        }
        return lines.sorted()
    }
}
