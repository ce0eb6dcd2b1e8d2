// Passerelle — KioskCore places tests. Licensed under the EUPL-1.2.
import XCTest
@testable import KioskCore

/// The repository's shipped sample of the national schema.
func examplePlacesURL() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Assets/places/example.csv")
}

final class PlacesFileTests: XCTestCase {
    private let header =
        "id,nom,commune,code_postal,adresse,services,horaires,latitude,longitude,telephone,"
        + "prise_en_charge_specifique,colonne_maison"

    private func parse(_ text: String) throws -> PlacesFile {
        try PlacesFile.parse(Data(text.utf8), file: "p.csv")
    }

    func test_the_shipped_example_is_all_good_with_two_hours_warnings() throws {
        let file = try PlacesFile.parse(Data(contentsOf: examplePlacesURL()), file: "example.csv")
        XCTAssertEqual(file.places.count, 12)
        XCTAssertEqual(file.refused, [])
        XCTAssertEqual(file.ignoredColumns, [])
        XCTAssertEqual(file.delimiter, ",")
        XCTAssertEqual(file.warnings.map { "\($0.line) \($0.path)" }, ["7 horaires", "14 horaires"])
        let lunel = try XCTUnwrap(file.places.first)
        XCTAssertEqual(lunel.services, [.administrativeProcedures, .everydayTools, .safeUse])
        XCTAssertEqual(lunel.specificSupport, [.motorDisability, .english, .otherLanguages])
        XCTAssertEqual(lunel.supportModes, [.oneToOne, .onYourOwn])
        XCTAssertEqual(
            lunel.detail,
            "Accueil sans rendez-vous le matin. L'après-midi, sur rendez-vous pour les dossiers longs "
                + "(retraite, titre de séjour)."
        )
        XCTAssertEqual(lunel.updatedOn, LocalDay("2026-09-14"))
        XCTAssertEqual(file.places[1].phone, "+33467000102", "04 67 00 01 02, as people write it")
        XCTAssertEqual(
            file.places.first { $0.id == "exemple-lunel-viel" }?.hours.text,
            "Mo-Fr 09:00-12:00 \"sur rendez-vous\"; PH off")
        if case .asWritten = file.places.first(where: { $0.id == "exemple-lunel-viel" })!.hours {
        } else {
            XCTFail("kept as text")
        }
    }

    func test_bad_rows_are_refused_with_file_line_and_field_and_the_good_ones_kept() throws {
        let file = try parse(
            """
            \(header)
            ok,Mairie,Lunel,34400,1 place,Aide aux démarches administratives,Mo-Fr 09:00-12:00,43.67,4.13,,,x
            no-name,,Lunel,34400,1 place,Aide aux démarches administratives,,,,,,
            cp,Poste,Lunel,3440,1 place,Aide aux démarches administratives,,,,,,
            svc,Poste,Lunel,34400,1 place,Jardinage,,,,,,
            lat,Poste,Lunel,34400,1 place,Aide aux démarches administratives,,43.6,,,,
            far,Poste,Lunel,34400,1 place,Aide aux démarches administratives,,143.6,4.1,,,
            ok,Doublon,Lunel,34400,1 place,Aide aux démarches administratives,,,,,,
            nul,"Mairie\u{1B}[2J",Lunel,34400,1 place,Aide aux démarches administratives,,,,,,
            short,Mairie,Lunel,34400,1 place,Aide aux démarches administratives
            """)
        XCTAssertEqual(file.places.map(\.id), ["ok"])
        XCTAssertEqual(
            file.refused.map(\.description),
            [
                "p.csv:3: nom: missing (required by the national schema)",
                "p.csv:4: code_postal: \"3440\" is not a postal code of 5 digits (a leading 0 lost by a spreadsheet?)",
                "p.csv:5: services: no known service; give at least one of: "
                    + "\(HelpService.allCases.map(\.rawValue).joined(separator: "; "))",
                "p.csv:6: longitude: missing while the other coordinate is given; give both or neither",
                "p.csv:7: latitude: \"143.6\" is not a latitude in degrees (-90.0 to 90.0)",
                "p.csv:8: id: \"ok\" is already the id of the place on line 2; ids must be unique",
                "p.csv:9: nom: contains a control character (U+001B); write it on one line, without control characters",
                "p.csv:10: this row has 6 fields and the header 12 (a \",\" inside a value must be in double quotes)",
            ])
        XCTAssertEqual(file.refusedIDs, ["no-name", "cp", "svc", "lat", "far", "nul", "short"])
        XCTAssertEqual(file.ignoredColumns, ["colonne_maison"])
        XCTAssertEqual(file.warnings, [], "a refused row's report is its refusal")
    }

    func test_odd_but_usable_values_are_imported_with_a_warning() throws {
        // A line ending in `\` goes on in the next one: still one CSV row, line 2.
        let file = try parse(
            """
            \(header)
            a,Mairie,Lunel,34400,1 place,"aide aux demarches administratives|Jardinage",Mo-Fr 09:00-12:00; 14:00-16:00,\
            "43,67","4,13",06 12,"illetrisme|Surdité",
            b,Poste,Lunel,34400,1 place,Compréhension du monde numérique,Lundi 9h-12h,0,0,+33467000101,,
            """)
        XCTAssertEqual(file.places.map(\.id), ["a", "b"])
        XCTAssertEqual(file.places[0].services, [.administrativeProcedures])
        XCTAssertEqual(file.places[0].specificSupport, [.illiteracy, .deafness])
        XCTAssertEqual(file.places[0].location, GeoPoint(latitude: 43.67, longitude: 4.13))
        XCTAssertNil(file.places[0].phone)
        XCTAssertNil(file.places[1].location)
        XCTAssertEqual(
            file.warnings.map(\.description),
            [
                "p.csv:2: telephone: warning: \"06 12\" is not a phone number; ignored",
                "p.csv:2: horaires: warning: column 20: this rule names no day, "
                    + "so it replaces the hours of every day, including those set at column 1; "
                    + "write \",\" instead of \";\" to add hours to the same days, "
                    + "or name the days in \"Mo-Fr 09:00-12:00; 14:00-16:00\"",
                "p.csv:2: services: warning: \"Jardinage\" is not a value of the national schema; ignored",
                "p.csv:3: latitude: warning: \"0, 0\" is a placeholder, not a position; ignored",
                "p.csv:3: horaires: warning: column 1: \"Lundi\" is not a weekday; "
                    + "use Mo Tu We Th Fr Sa Su in \"Lundi 9h-12h\"; kept as text, shown as written",
            ])
    }

    func test_semicolon_files_bom_and_crlf_read_like_the_national_export() throws {
        let text =
            "\u{FEFF}id;nom;commune;code_postal;adresse;services\r\n"
            + "a;Mairie, accueil;Lunel;34400;1 place;"
            + "\"Aide aux démarches administratives|Loisirs et créations numériques\"\r\n\r\n"
        let file = try parse(text)
        XCTAssertEqual(file.delimiter, ";")
        XCTAssertEqual(file.places.first?.name, "Mairie, accueil")
        XCTAssertEqual(file.places.first?.services, [.administrativeProcedures, .leisure])
    }

    func test_a_json_array_with_the_same_field_names_is_read_too() throws {
        // A line ending in `\` goes on in the next one: the line numbers stay those of the JSON.
        let json = """
            [
              {"id": "a", "nom": "Mairie", "commune": "Lunel", "code_postal": "34400", "adresse": "1 place",
               "services": ["Aide aux démarches administratives"], "latitude": 43.67, \
            "longitude": 4.13, "horaires": null},
              {"id": "b", "nom": "Poste", "commune": "Lunel", "code_postal": "34400", "adresse": "1 place",
               "services": "Loisirs et créations numériques|Accès internet et matériel informatique", "extra": 1},
              {"id": "c", "nom": "", "commune": "Lunel", "code_postal": "34400", "adresse": "1 place", "services": "x"}
            ]
            """
        let file = try PlacesFile.parse(Data(json.utf8), file: "p.json")
        XCTAssertNil(file.delimiter)
        XCTAssertEqual(file.places.map(\.id), ["a", "b"])
        XCTAssertEqual(file.places[1].services, [.leisure, .internetAccess])
        XCTAssertEqual(file.refused.map(\.description), ["p.json:6: nom: missing (required by the national schema)"])
        XCTAssertEqual(file.ignoredColumns, ["extra"])
    }

    func test_a_file_that_cannot_be_read_at_all_is_one_problem() {
        let cases: [(data: Data, expected: String)] = [
            (
                Data("id,nom,commune,adresse,services\n".utf8),
                "p.csv:1: no \"code_postal\" column: the national schema's columns are "
                    + "id, nom, commune, code_postal, adresse, services, …"
            ),
            (Data("[{\"id\": 1,}]".utf8), "p.csv:1: column 11: a key in double quotes was expected"),
            (Data(repeating: 0x41, count: 20), "p.csv:1: the file is 20 bytes; a places file is at most 10 bytes"),
        ]
        for (data, expected) in cases {
            XCTAssertThrowsError(
                try PlacesFile.parse(
                    data, file: "p.csv", limits: .init(maxBytes: data.count == 20 ? 10 : 1000, maxRows: 10))
            ) {
                XCTAssertEqual(($0 as? PlacesFile.Unreadable)?.description, expected)
            }
        }
    }
}
