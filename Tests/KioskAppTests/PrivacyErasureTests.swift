import Foundation
import XCTest

@testable import KioskApp
import KioskCore

/// The promise made to the person, checked end to end with the real programs: once the
/// appointment is past its retention, nothing under the data directory holds their name or
/// phone number — not the store, its WAL, the backups, the calendars, the tickets or the
/// admin's screenshots — even while the kiosk keeps the store open. And nothing in it was
/// ever readable by another account.
final class PrivacyErasureTests: XCTestCase {
    let firstName = "Zephyrine", phone = "0687654321"
    var work: URL!
    var dataDir: URL { work.appendingPathComponent("data") }

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-erasure-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: work) }

    func test_after_the_purge_no_file_in_the_data_dir_holds_the_persons_name_or_phone() throws {
        let passerelle = try Support.requireBinary("passerelle"), ctl = try Support.requireBinary("passerellectl")
        // The live kiosk holds the store open from the start: the booking's frames stay in the
        // WAL (no last connection closes to fold them in), as on the appliance.
        let kiosk = try startHeadlessKiosk(passerelle, config: try writeConfig())
        defer { if kiosk.isRunning { kiosk.terminate(); kiosk.waitUntilExit() } }
        try bookAndPrintATicket(passerelle)

        let exported = work.appendingPathComponent("all.ics")
        XCTAssertEqual(
            try Support.run(ctl, ["agenda", "export", "--data-dir", dataDir.path, "--ics", exported.path]).code, 0)
        XCTAssertTrue(try String(contentsOf: exported, encoding: .utf8).contains(firstName))
        let backup = try Support.run(ctl, ["backup", "--data-dir", dataDir.path])
        XCTAssertEqual(backup.code, 0, backup.err)
        // The search works: before the purge the person is in the calendars, backup and store.
        let before = try filesNamingThePerson()
        XCTAssertTrue(
            before.contains("passerelle.sqlite-wal") && before.contains { $0.hasPrefix("backups/") }
                && before.contains { $0.hasPrefix("calendars/") }, "\(before)")

        // The admin's screenshot was taken on the day of the booking (the scenario's clock).
        for shot in try FileManager.default.contentsOfDirectory(
            at: dataDir.appendingPathComponent("screenshots"), includingPropertiesForKeys: nil)
        {
            try FileManager.default.setAttributes([.modificationDate: ManualClock().now], ofItemAtPath: shot.path)
        }
        // Tuesday 24 November + 7 days is past on 10 December; the kiosk still has the store open.
        let purge = try Support.run(
            ctl, ["purge", "--data-dir", dataDir.path], environment: ["PASSERELLE_NOW": "2026-12-10T12:00:00Z"])
        XCTAssertEqual(purge.code, 0, purge.err)
        XCTAssertTrue(purge.out.contains("purge: 1 appointments anonymised (1 more in backups)"), purge.out)
        XCTAssertTrue(kiosk.isRunning)
        XCTAssertEqual(try filesNamingThePerson(), [], "while the kiosk runs")

        kiosk.terminate()
        kiosk.waitUntilExit()
        XCTAssertEqual(kiosk.terminationStatus, 0)
        XCTAssertEqual(try filesNamingThePerson(), [], "after the kiosk stopped")
    }

    func test_no_file_in_the_data_dir_is_readable_by_group_or_others() throws {
        let passerelle = try Support.requireBinary("passerelle"), ctl = try Support.requireBinary("passerellectl")
        try bookAndPrintATicket(passerelle)
        XCTAssertEqual(try Support.run(ctl, ["backup", "--data-dir", dataDir.path]).code, 0)
        XCTAssertEqual(try Support.run(ctl, ["purge", "--data-dir", dataDir.path]).code, 0)
        let paths = try FileManager.default.subpathsOfDirectory(atPath: dataDir.path)
        XCTAssertGreaterThan(paths.count, 8, "store, backups, calendars, screenshots: \(paths)")
        var open: [String] = []
        for path in ["."] + paths.sorted() {
            var info = stat()
            XCTAssertEqual(stat(dataDir.appendingPathComponent(path).path, &info), 0)
            if info.st_mode & 0o077 != 0 { open.append("\(path) \(String(info.st_mode & 0o777, radix: 8))") }
        }
        XCTAssertEqual(open, [], "everything under the data dir is for the kiosk's account only")
    }

    // MARK: - The journey

    private var device: URL { work.appendingPathComponent("lp0") }

    /// The kiosk's configuration: an admin PIN (246813) and a thermal printer (a file stands
    /// for the device).
    private func writeConfig() throws -> URL {
        let config = work.appendingPathComponent("passerelle.conf")
        guard !FileManager.default.fileExists(atPath: config.path) else { return config }
        FileManager.default.createFile(atPath: device.path, contents: nil)
        let pinHash = PinHash.make(pin: "246813", iterations: 1000).encoded
        try "[admin]\npin_hash = \(pinHash)\n[printer]\nkind = escpos\ndevice = \(device.path)\n"
            .write(to: config, atomically: true, encoding: .utf8)
        return config
    }

    /// Books through the real kiosk, which prints the ticket, and has the admin take a screenshot.
    private func bookAndPrintATicket(_ passerelle: URL) throws {
        let config = try writeConfig()
        let zone = try XCTUnwrap(try Support.kiosk().0.scene.secretZone)
        // The hidden gesture: five quick taps (within 4 s), then the usual pace again.
        let secretTaps = "pace 0.3\n" + String(repeating: "tap \(zone.midX) \(zone.midY)\n", count: 5) + "pace 1.2\n"
        let scenario = work.appendingPathComponent("book.scenario")
        try """
        tap "Prendre rendez-vous"
        tap "Aide pour vos papiers en ligne"
        tap "mardi 24 novembre"
        tap "9 h 45"
        type "\(firstName)"
        tap "Continuer"
        type "\(phone)"
        tap "Continuer"
        tap "Oui"
        expect "Votre rendez-vous est enregistré."
        tap "Terminer"
        \(secretTaps)type "246813"
        tap "Valider"
        tap "Capture d'écran"
        expect "Capture enregistrée"
        """.write(to: scenario, atomically: true, encoding: .utf8)
        let run = try Support.run(
            passerelle,
            [
                "--script", scenario.path, "--data-dir", dataDir.path, "--config", config.path,
                "--import-agenda", Support.root.appendingPathComponent("Assets/agenda/example.json").path,
            ])
        XCTAssertEqual(run.code, 0, run.err)
        XCTAssertGreaterThan(try Data(contentsOf: device).count, 10_000, "the ticket was printed")
    }

    /// A live kiosk, headless, holding the store open until it is sent SIGTERM.
    private func startHeadlessKiosk(_ passerelle: URL, config: URL) throws -> Process {
        let process = Process()
        process.executableURL = passerelle
        process.arguments = ["--headless", "--data-dir", dataDir.path, "--config", config.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var said = ""
        let deadline = Date().addingTimeInterval(30)
        while !said.contains("running headless"), Date() < deadline, process.isRunning {
            said += String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
        }
        XCTAssertTrue(said.contains("running headless"), said)
        return process
    }

    /// The files under the data dir that hold the name or the phone number (national or
    /// E.164 form), in UTF-8 or UTF-16 of either byte order, whatever the letter case.
    private func filesNamingThePerson() throws -> [String] {
        let needles = [firstName, String(phone.dropFirst()), "87 65 43 21"].map { $0.lowercased() }
        let patterns = needles.flatMap { needle in
            [Data(needle.utf8), needle.data(using: .utf16LittleEndian)!, needle.data(using: .utf16BigEndian)!]
        }
        var found: [String] = []
        for path in try FileManager.default.subpathsOfDirectory(atPath: dataDir.path).sorted() {
            let url = dataDir.appendingPathComponent(path)
            guard let data = try? Data(contentsOf: url) else { continue }  // a directory
            // ASCII letters lowered; other bytes (UTF-16's zeros, UTF-8's multibyte) as they are.
            let lowered = Data(data.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 })
            if patterns.contains(where: { lowered.range(of: $0) != nil }) { found.append(path) }
        }
        return found
    }
}
