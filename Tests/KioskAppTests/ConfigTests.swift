import Foundation
import KioskApp
import KioskCore
import XCTest

final class ConfigTests: XCTestCase {
    func test_the_shipped_config_is_valid_and_equals_the_defaults() throws {
        let config = try KioskConfig.load(path: Support.root.appendingPathComponent("Assets/passerelle.conf").path)
        XCTAssertEqual(config, KioskConfig())
    }

    func test_every_problem_names_the_file_the_line_and_the_key() {
        let text = """
            [kiosk]
            default_language = de
            colour = blue
            [idle]
            warning = 5
            timeout = ninety
            timeout = 90
            [sound]
            """
        XCTAssertThrowsError(try KioskConfig.parse(text, file: "/etc/passerelle/passerelle.conf")) { error in
            let lines = "\(error)".split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.count, 6, "\(error)")
            XCTAssertTrue(
                lines[0].hasPrefix(
                    "/etc/passerelle/passerelle.conf:2: kiosk.default_language: \"de\" is not a language"), lines[0])
            XCTAssertTrue(lines[1].hasPrefix("/etc/passerelle/passerelle.conf:3: kiosk.colour: unknown key"), lines[1])
            XCTAssertTrue(
                lines[2].hasPrefix("/etc/passerelle/passerelle.conf:5: idle.warning: 5 is out of range"), lines[2])
            XCTAssertTrue(lines[3].hasPrefix("/etc/passerelle/passerelle.conf:6: idle.timeout: \"ninety\""), lines[3])
            XCTAssertTrue(
                lines[4].hasPrefix("/etc/passerelle/passerelle.conf:7: idle.timeout: already set on line 6"), lines[4])
            XCTAssertTrue(lines[5].hasPrefix("/etc/passerelle/passerelle.conf:8: [sound]: unknown section"), lines[5])
        }
    }

    func test_the_kiosks_position_is_latitude_then_longitude_and_a_bad_one_is_named() throws {
        let config = try KioskConfig.parse("[places]\nposition = 43.6747, 4.1360\nalsace_moselle = yes\n", file: "k")
        XCTAssertEqual(config.policy.placesPosition, GeoPoint(latitude: 43.6747, longitude: 4.1360))
        XCTAssertTrue(config.policy.alsaceMoselle)
        XCTAssertNil(try KioskConfig.parse("[places]\nposition =\n", file: "k").placesPosition, "empty: unknown")
        for bad in ["43,6747 4,1360", "4.1360", "91, 4", "0, 0", "here"] {
            XCTAssertThrowsError(try KioskConfig.parse("[places]\nposition = \(bad)\n", file: "k.conf")) { error in
                XCTAssertTrue(
                    "\(error)".hasPrefix("k.conf:2: places.position: \"\(bad)\" is not a position"), "\(error)")
            }
        }
    }

    func test_a_bad_reload_keeps_the_last_good_configuration() throws {
        let (kiosk, _) = try Support.kiosk(config: "[kiosk]\nsite_name = Mairie de Trélazé\n")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reload-\(UUID().uuidString).conf")
        try "[kiosk]\nsite_name = \n".write(to: url, atomically: true, encoding: .utf8)
        XCTAssertFalse(kiosk.reload(path: url.path))
        XCTAssertEqual(kiosk.config.siteName, "Mairie de Trélazé")
        XCTAssertTrue(kiosk.configProblem?.contains("kiosk.site_name: must not be empty") ?? false)
        XCTAssertTrue(
            kiosk.scene.visibleTexts.contains("Mairie de Trélazé")
                || kiosk.scene.commands.contains {
                    if case .text("Mairie de Trélazé", _, _, _) = $0 { return true }
                    return false
                })
        try "[kiosk]\nsite_name = Mairie d'Angers\n".write(to: url, atomically: true, encoding: .utf8)
        XCTAssertTrue(kiosk.reload(path: url.path))
        XCTAssertNil(kiosk.configProblem)
    }

    func test_a_pin_hash_matches_its_pin_only() {
        let hash = PinHash.make(pin: "482913", iterations: 1000)
        let decoded = PinHash(encoded: hash.encoded)
        XCTAssertEqual(decoded, hash)
        XCTAssertTrue(hash.matches("482913"))
        XCTAssertFalse(hash.matches("482914"))
        XCTAssertNil(PinHash(encoded: "sha256:10:zz:00"))
    }

    func test_the_binary_checks_configs_and_plays_scenarios_with_exit_codes() throws {
        let binary = try Support.requireBinary("passerelle")
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).conf")
        try "[idle]\ntimeout = 2\n".write(to: bad, atomically: true, encoding: .utf8)
        let checked = try Support.run(binary, ["--check-config", bad.path])
        XCTAssertEqual(checked.code, 1)
        XCTAssertTrue(checked.err.contains("\(bad.path):2: idle.timeout: 2 is out of range"), checked.err)
        let good = try Support.run(
            binary, ["--check-config", Support.root.appendingPathComponent("Assets/passerelle.conf").path])
        XCTAssertEqual(good.code, 0, good.err)

        let failing = FileManager.default.temporaryDirectory.appendingPathComponent("f-\(UUID().uuidString).scenario")
        try "expect \"Bonjour\"\nexpect \"Nulle part\"\n".write(to: failing, atomically: true, encoding: .utf8)
        let played = try Support.run(binary, ["--script", failing.path])
        XCTAssertEqual(played.code, 1)
        XCTAssertTrue(played.err.contains(":2: expect \"Nulle part\""), played.err)

        let hashed = try Support.run(binary, ["--hash-pin"], stdin: "246813\n")
        XCTAssertEqual(hashed.code, 0, hashed.err)
        let line = hashed.out.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(line.hasPrefix("pin_hash = sha256:"), line)
        XCTAssertTrue(PinHash(encoded: String(line.dropFirst("pin_hash = ".count)))?.matches("246813") ?? false)
    }
}
