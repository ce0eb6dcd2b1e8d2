// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import Foundation
import GRDB
import KioskCore
import XCTest
@testable import KioskStore

/// `passerellectl places …` as an admin runs it: the real binary on real files.
final class PlacesProcessTests: XCTestCase {
    private func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let (status, out, err) = try runProcess(
            try builtPasserellectl(), arguments, environment: TestNow.environment(at: paris("2026-11-23 10:30")))
        return (status, out, err)
    }

    func test_the_sample_imports_with_its_warnings_and_a_second_import_changes_nothing() throws {
        let dir = makeTemporaryDirectory(self)
        let first = try run(["places", "import", examplePlacesPath, "--data-dir", dir.path])
        XCTAssertEqual(first.status, 0, first.err)
        XCTAssertEqual(first.out, "12 imported, 0 refused\nsource \"example\": 12 new, 0 updated, 0 unchanged\n")
        let warnings = first.err.split(separator: "\n").map(String.init)
        XCTAssertEqual(warnings.count, 2, first.err)
        XCTAssertTrue(
            warnings[0].hasPrefix(
                "\(examplePlacesPath):7: horaires: warning: column 19: comments (\"sur rendez-vous\") are not supported"
            ), warnings[0])
        XCTAssertTrue(
            warnings[1].hasPrefix("\(examplePlacesPath):14: horaires: warning: column 20: this rule names no day"),
            warnings[1])

        let second = try run(["places", "import", examplePlacesPath, "--data-dir", dir.path])
        XCTAssertEqual(second.status, 0)
        XCTAssertTrue(second.out.hasSuffix("source \"example\": 0 new, 0 updated, 12 unchanged\n"), second.out)

        let list = try run(["places", "list", "--data-dir", dir.path])
        XCTAssertEqual(list.status, 0, list.err)
        XCTAssertTrue(list.out.contains("exemple-fs-lunel\tFrance Services de Lunel\t34400 Lunel\t"), list.out)
        XCTAssertTrue(list.out.contains("today 09:00-12:00, 14:00-17:00"), "Monday 23 November 2026")
        XCTAssertTrue(list.out.hasSuffix("12 place(s)\n"), list.out)
    }

    func test_bad_rows_are_reported_and_the_good_ones_imported_and_nothing_importable_exits_65() throws {
        let dir = makeTemporaryDirectory(self)
        var lines = try String(contentsOfFile: examplePlacesPath, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false
        ).map(String.init)
        // France Services' description spans lines 2-3: the médiathèque is on line 4, Marsillargues on 6.
        lines[3] = lines[3].replacingOccurrences(of: "\"34400\"", with: "\"3440\"")
        lines[5] = lines[5].replacingOccurrences(of: "\"Mairie de Marsillargues", with: "\"Mairie\u{1B}[2J")
        let bad = dir.appendingPathComponent("lunel.csv")
        try ("\u{FEFF}" + lines.joined(separator: "\r\n")).write(to: bad, atomically: true, encoding: .utf8)

        let check = try run(["places", "import", bad.path, "--check", "--data-dir", dir.path])
        XCTAssertEqual(check.status, 0)
        XCTAssertEqual(check.out, "10 would be imported, 2 refused (--check: the store was not touched)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent(AppDatabase.fileName).path))

        let imported = try run(["places", "import", bad.path, "--data-dir", dir.path])
        XCTAssertEqual(imported.status, 0, imported.err)
        XCTAssertEqual(imported.out, "10 imported, 2 refused\nsource \"lunel\": 10 new, 0 updated, 0 unchanged\n")
        XCTAssertEqual(
            Array(imported.err.split(separator: "\n").prefix(2)),
            [
                "\(bad.path):4: code_postal: \"3440\" is not a postal code of 5 digits "
                    + "(a leading 0 lost by a spreadsheet?)",
                "\(bad.path):6: nom: contains a control character (U+001B); "
                    + "write it on one line, without control characters",
            ])

        let database = try AppDatabase.open(dataDir: dir, clock: .fixed(paris("2026-11-23 10:30")))
        let before = try placeTables(database.reader)
        let nothing = dir.appendingPathComponent("nothing.csv")
        try "id,nom,commune,code_postal,adresse,services\na,,Lunel,34400,1 place,Jardinage\n".write(
            to: nothing, atomically: true, encoding: .utf8)
        let none = try run(["places", "import", nothing.path, "--source", "lunel", "--data-dir", dir.path])
        XCTAssertEqual(none.status, 65)
        XCTAssertEqual(none.out, "0 imported, 1 refused\n")
        XCTAssertTrue(
            none.err.contains("nothing could be imported from \(nothing.path); the store was not touched"), none.err)
        XCTAssertEqual(try placeTables(database.reader), before, "an empty import removes nothing")

        let unreadable = try run([
            "places", "import", dir.appendingPathComponent("absent.csv").path, "--data-dir", dir.path,
        ])
        XCTAssertEqual(unreadable.status, 66)
        let semicolons = dir.appendingPathComponent("semi.csv")
        try "nom|adresse\nx|y\n".write(to: semicolons, atomically: true, encoding: .utf8)
        let wrong = try run(["places", "import", semicolons.path, "--data-dir", dir.path])
        XCTAssertEqual(wrong.status, 65)
        XCTAssertTrue(
            wrong.err.hasPrefix("\(semicolons.path):1: the first line is not a header of the national schema"),
            wrong.err)
    }
}
