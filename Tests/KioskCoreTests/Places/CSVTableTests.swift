// Passerelle — KioskCore places tests. Licensed under the EUPL-1.2.
import XCTest
@testable import KioskCore

final class CSVTableTests: XCTestCase {
    private let known: Set<String> = ["id", "nom", "services"]

    private func table(_ text: String) throws -> CSVTable {
        try CSVTable.parse(Data(text.utf8), knownColumns: known, maxRecords: 100)
    }

    func test_quoted_fields_with_bars_commas_quotes_and_line_breaks_keep_the_line_each_record_starts_on() throws {
        let t = try table(
            [
                "id,nom,services",
                "a,\"Mairie, accueil\",\"Aide aux démarches administratives|Loisirs et créations numériques\"",
                "b,\"Le \"\"Fil\"\"\",\"x",
                "y\"",
                "c,Médiathèque,z",
                "",
            ].joined(separator: "\n"))
        XCTAssertEqual(t.header, ["id", "nom", "services"])
        XCTAssertEqual(t.records.map(\.line), [2, 3, 5])
        XCTAssertEqual(
            t.records[0].fields,
            ["a", "Mairie, accueil", "Aide aux démarches administratives|Loisirs et créations numériques"])
        XCTAssertEqual(t.records[1].fields, ["b", "Le \"Fil\"", "x\ny"])
        XCTAssertEqual(t.records[2].fields, ["c", "Médiathèque", "z"])
    }

    func test_a_bom_crlf_and_empty_trailing_lines_are_read_as_nothing_special() throws {
        let text = "\u{FEFF}id,nom,services\r\na,Mairie,x\r\n\r\n,,\r\n\r\n"
        let t = try table(text)
        XCTAssertEqual(t.header, ["id", "nom", "services"])
        XCTAssertEqual(t.records, [CSVTable.Record(line: 2, fields: ["a", "Mairie", "x"], problem: nil)])
    }

    func test_the_delimiter_is_the_one_that_splits_the_header_into_known_columns() throws {
        let semicolons = try table("id;nom;services\na;Mairie, accueil;x|y\n")
        XCTAssertEqual(semicolons.delimiter, ";")
        XCTAssertEqual(semicolons.records.first?.fields, ["a", "Mairie, accueil", "x|y"])
        XCTAssertEqual(try table("id,nom,services\na,\"b;c\",d\n").delimiter, ",")
        XCTAssertEqual(try table("id\tnom\tservices\na\tb\tc\n").records.first?.fields, ["a", "b", "c"])
    }

    func test_what_cannot_be_read_honestly_is_refused_with_its_line() {
        let cases: [(text: String, error: CSVTable.SyntaxError)] = [
            (
                "nom|adresse\na|b\n",
                .init(
                    line: 1,
                    message:
                        "the first line is not a header of the national schema "
                        + "(expected columns such as id, nom, adresse, services, separated by \",\")"
                )
            ),
            (
                "id,nom,services\na,\"never closed,x\nb,c,d\n",
                .init(line: 2, message: "a quoted field opened on this line is never closed")
            ),
            (
                "",
                .init(
                    line: 1,
                    message:
                        "the first line is not a header of the national schema "
                        + "(expected columns such as id, nom, adresse, services, separated by \",\")"
                )
            ),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try table(text), text) { XCTAssertEqual($0 as? CSVTable.SyntaxError, expected, text) }
        }
        var latin1 = Data("id,nom,services\na,b,c\n".utf8)
        latin1.append(contentsOf: [0x64, 0x2C, 0xE9, 0x2C, 0x66, 0x0A])  // "d,é,f" in Latin-1
        XCTAssertThrowsError(try CSVTable.parse(latin1, knownColumns: known, maxRecords: 100)) {
            XCTAssertEqual(($0 as? CSVTable.SyntaxError)?.line, 3)
        }
        XCTAssertThrowsError(try CSVTable.parse(Data([0xFF, 0xFE, 0x69, 0x00]), knownColumns: known, maxRecords: 100))
        XCTAssertThrowsError(
            try CSVTable.parse(Data("id,nom,services\na,b,c\nd,e,f\n".utf8), knownColumns: known, maxRecords: 1)
        ) {
            XCTAssertEqual(($0 as? CSVTable.SyntaxError)?.line, 3)
        }
    }

    func test_a_stray_quote_spoils_only_its_own_record() throws {
        let t = try table("id,nom,services\na,\"Mairie\" annexe,x\nb,Poste,y\n")
        XCTAssertEqual(t.records.map(\.line), [2, 3])
        XCTAssertNotNil(t.records[0].problem)
        XCTAssertEqual(t.records[1].fields, ["b", "Poste", "y"])
        XCTAssertEqual(
            try table("id,nom,services\na,5 rue \"Les Pins\",x\n").records.first?.fields,
            ["a", "5 rue \"Les Pins\"", "x"])
    }
}
