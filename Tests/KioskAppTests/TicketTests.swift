import Foundation
import XCTest

@testable import KioskApp
import KioskCore

/// The ticket: drawn by our renderer, its QR code read back by a real decoder (zbarimg),
/// printed through a (fake) lp or as ESC/POS bytes to a device file.
final class TicketTests: XCTestCase {
    let sample = TicketContent(
        language: .fr, title: "Votre rendez-vous", day: "mardi 24 novembre", time: "9:45",
        placeName: "France Services de Lunel", address: "12 place des Martyrs, 34400 Lunel", helper: "Amina",
        service: "Aide aux démarches administratives", person: "Zoé", whatToBring: "Votre pièce d'identité.",
        howToCancel: "Pour annuler : revenez ici avec votre numéro de téléphone ou ce ticket.", siteName: "Passerelle",
        qrPayload: TicketCode.code(for: UUID(uuidString: "57B172ED-7274-4660-998B-F82104BBD6A9")!))

    var temp: URL!

    override func setUpWithError() throws {
        temp = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-ticket-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: temp) }

    func test_the_ticket_is_576_pixels_wide_and_its_qr_code_reads_back() throws {
        for language in [Language.fr, .ar] {
            var ticket = sample
            ticket.language = language
            if language == .ar { ticket.day = "الثلاثاء، 24 نوفمبر"; ticket.title = "موعدك" }
            let printer = TicketPrinter(kind: .none, directory: temp)
            XCTAssertThrowsError(try printer.print(ticket, name: "t-\(language.rawValue)")) { error in
                XCTAssertEqual(error as? TicketPrintProblem, .notConfigured)
            }
            let png = temp.appendingPathComponent("t-\(language.rawValue).png")
            let renderer = try printer.render(ticket)
            XCTAssertEqual(renderer.size.width, 576)
            XCTAssertGreaterThan(renderer.size.height, 600)
            let zbar = try Support.requireTool("/usr/bin/zbarimg", package: "zbar-tools")
            let read = try Support.run(zbar, ["-q", "--raw", png.path])
            XCTAssertEqual(read.out.trimmingCharacters(in: .whitespacesAndNewlines), ticket.qrPayload, "\(language)")
            XCTAssertEqual(TicketCode.appointment(in: read.out), UUID(uuidString: "57B172ED-7274-4660-998B-F82104BBD6A9"))
        }
    }

    func test_escpos_bytes_of_a_tiny_image() {
        // 10 × 2 pixels: the first column black on the first line, the last on the second.
        let bytes = EscPos.document(pixels: { x, y in (x == 0 && y == 0) || (x == 9 && y == 1) ? 0xFF00_0000 : 0xFFFF_FFFF }, width: 10, height: 2)
        XCTAssertEqual(bytes, [
            0x1B, 0x40,  // initialise
            0x1D, 0x76, 0x30, 0x00, 2, 0, 2, 0,  // GS v 0: 2 bytes a row, 2 rows
            0x80, 0x00,  // row 0: pixel 0
            0x00, 0x40,  // row 1: pixel 9
            0x1B, 0x64, 0x04,  // feed
            0x1D, 0x56, 0x42, 0x00,  // cut
        ])
    }

    func test_escpos_printing_writes_the_raster_to_the_device() throws {
        let device = temp.appendingPathComponent("lp0")
        FileManager.default.createFile(atPath: device.path, contents: nil)
        let printer = TicketPrinter(kind: .escpos, device: device.path, directory: nil)
        try printer.print(sample, name: "x")
        let bytes = [UInt8](try Data(contentsOf: device))
        XCTAssertEqual(Array(bytes.prefix(8)), [0x1B, 0x40, 0x1D, 0x76, 0x30, 0x00, 72, 0], "576 dots = 72 bytes a row")
        XCTAssertEqual(Array(bytes.suffix(4)), [0x1D, 0x56, 0x42, 0x00])
        XCTAssertGreaterThan(bytes.filter { $0 != 0 }.count, 1000, "the ticket has ink")
    }

    func test_a_missing_device_or_a_failing_lp_is_a_plain_error() throws {
        let missing = TicketPrinter(kind: .escpos, device: "/dev/usb/lp9-not-there", directory: nil)
        XCTAssertThrowsError(try missing.print(sample, name: "x")) { error in
            XCTAssertEqual("\(error)", "printer device /dev/usb/lp9-not-there: No such file or directory")
        }
        let log = temp.appendingPathComponent("lp.log")
        let fake = temp.appendingPathComponent("lp")
        try "#!/bin/sh\necho \"$@\" >> \(log.path)\n".write(to: fake, atomically: true, encoding: .utf8)
        chmod(fake.path, 0o755)
        let cups = TicketPrinter(kind: .cups, queue: "TM-T20", directory: temp)
        cups.lp = fake
        try cups.print(sample, name: "ok")
        XCTAssertEqual(try String(contentsOf: log, encoding: .utf8), "-d TM-T20 -o fit-to-page \(temp.appendingPathComponent("ok.png").path)\n")

        try "#!/bin/sh\necho 'lp: The printer or class does not exist.' >&2\nexit 1\n".write(to: fake, atomically: true, encoding: .utf8)
        chmod(fake.path, 0o755)
        XCTAssertThrowsError(try cups.print(sample, name: "ko")) { error in
            XCTAssertEqual(error as? TicketPrintProblem, .lpFailed(queue: "TM-T20", status: 1, message: "lp: The printer or class does not exist."))
        }
    }

    func test_printer_settings_are_checked_with_their_line() {
        XCTAssertThrowsError(try KioskConfig.parse("[printer]\nkind = cups\n", file: "p.conf")) { error in
            XCTAssertTrue("\(error)".contains("p.conf:2: printer.queue: kind = cups needs the CUPS queue's name"), "\(error)")
        }
        XCTAssertThrowsError(try KioskConfig.parse("[printer]\nkind = laser\n", file: "p.conf")) { error in
            XCTAssertTrue("\(error)".contains("p.conf:2: printer.kind: \"laser\" is not a printer kind"), "\(error)")
        }
    }
}
