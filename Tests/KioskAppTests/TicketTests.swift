import Foundation
import XCTest

@testable import KioskApp
import KioskCore
import KioskRender

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
        let fonts = try FontBook()
        for language in [Language.fr, .ar] {
            var ticket = sample
            ticket.language = language
            if language == .ar { ticket.day = "الثلاثاء، 24 نوفمبر"; ticket.title = "موعدك" }
            let png = temp.appendingPathComponent("t-\(language.rawValue).png")
            let page = try TicketPrinter.draw(ticket, fonts: fonts)
            try page.savePNG(to: png.path)
            XCTAssertEqual(page.width, 576)
            XCTAssertGreaterThan(page.height, 600)
            let zbar = try Support.requireTool("/usr/bin/zbarimg", package: "zbar-tools")
            let read = try Support.run(zbar, ["-q", "--raw", png.path])
            XCTAssertEqual(read.out.trimmingCharacters(in: .whitespacesAndNewlines), ticket.qrPayload, "\(language)")
            XCTAssertEqual(
                TicketCode.appointment(in: read.out), UUID(uuidString: "57B172ED-7274-4660-998B-F82104BBD6A9"))
        }
    }

    func test_escpos_bytes_of_a_tiny_image() {
        // 10 × 2 pixels: the first column black on the first line, the last on the second.
        let bytes = EscPos.document(
            pixels: { x, y in (x == 0 && y == 0) || (x == 9 && y == 1) ? 0xFF00_0000 : 0xFFFF_FFFF }, width: 10,
            height: 2)
        XCTAssertEqual(
            bytes,
            [
                0x1B, 0x40,  // initialise
                0x1D, 0x76, 0x30, 0x00, 2, 0, 2, 0,  // GS v 0: 2 bytes a row, 2 rows
                0x80, 0x00,  // row 0: pixel 0
                0x00, 0x40,  // row 1: pixel 9
                0x1B, 0x64, 0x04,  // feed
                0x1D, 0x56, 0x42, 0x00,  // cut
            ])
    }

    func test_escpos_printing_writes_the_raster_to_the_device_and_no_file() throws {
        let device = temp.appendingPathComponent("lp0")
        let tickets = temp.appendingPathComponent("tickets")
        FileManager.default.createFile(atPath: device.path, contents: nil)
        let printer = TicketPrinter(kind: .escpos, device: device.path, directory: tickets)
        try printer.output(TicketPrinter.draw(sample, fonts: FontBook()), name: "x")
        let bytes = [UInt8](try Data(contentsOf: device))
        XCTAssertEqual(
            Array(bytes.prefix(8)), [0x1B, 0x40, 0x1D, 0x76, 0x30, 0x00, 72, 0], "576 dots = 72 bytes a row")
        XCTAssertEqual(Array(bytes.suffix(4)), [0x1D, 0x56, 0x42, 0x00])
        XCTAssertGreaterThan(bytes.filter { $0 != 0 }.count, 1000, "the ticket has ink")
        XCTAssertFalse(FileManager.default.fileExists(atPath: tickets.path), "a thermal printer needs no ticket file")
    }

    func test_cups_gets_a_private_file_that_is_gone_once_lp_returns() throws {
        let tickets = temp.appendingPathComponent("tickets")
        let log = temp.appendingPathComponent("lp.log")
        let fake = temp.appendingPathComponent("lp")
        // The fake lp notes its arguments and the file's mode, and keeps a copy, as CUPS would.
        let script =
            "#!/bin/sh\necho \"$@\" >> \(log.path)\nstat -c %a \"$5\" >> \(log.path)\n"
            + "cp \"$5\" \(temp.path)/spooled.png\n"
        try script.write(to: fake, atomically: true, encoding: .utf8)
        chmod(fake.path, 0o755)
        let cups = TicketPrinter(kind: .cups, queue: "TM-T20", directory: tickets, lp: fake)
        try cups.output(TicketPrinter.draw(sample, fonts: FontBook()), name: "ok")
        let file = tickets.appendingPathComponent("ok.png").path
        XCTAssertEqual(try String(contentsOf: log, encoding: .utf8), "-d TM-T20 -o fit-to-page \(file)\n600\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: file), "the ticket file is deleted once lp has it")
        XCTAssertGreaterThan(
            (try? Data(contentsOf: temp.appendingPathComponent("spooled.png")))?.count ?? 0, 10_000, "lp got a real PNG"
        )
    }

    func test_a_missing_device_or_a_failing_lp_is_a_plain_error() throws {
        let page = try TicketPrinter.draw(sample, fonts: FontBook())
        let missing = TicketPrinter(kind: .escpos, device: "/dev/usb/lp9-not-there", directory: nil)
        XCTAssertThrowsError(try missing.output(page, name: "x")) { error in
            XCTAssertEqual("\(error)", "printer device /dev/usb/lp9-not-there: No such file or directory")
        }
        let fake = temp.appendingPathComponent("lp")
        try "#!/bin/sh\necho 'lp: The printer or class does not exist.' >&2\nexit 1\n".write(
            to: fake, atomically: true, encoding: .utf8)
        chmod(fake.path, 0o755)
        let cups = TicketPrinter(kind: .cups, queue: "TM-T20", directory: temp, lp: fake)
        XCTAssertThrowsError(try cups.output(page, name: "ko")) { error in
            XCTAssertEqual(
                error as? TicketPrintProblem,
                .lpFailed(queue: "TM-T20", status: 1, message: "lp: The printer or class does not exist."))
        }
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: temp.appendingPathComponent("ko.png").path),
            "deleted even when lp fails")
    }

    func test_without_a_printer_a_booking_writes_no_ticket_file() throws {
        let passerelle = try Support.requireBinary("passerelle")
        let dataDir = temp.appendingPathComponent("data")
        let run = try Support.run(
            passerelle,
            [
                "--script", Support.scenarios.appendingPathComponent("booking-fr.scenario").path, "--data-dir",
                dataDir.path,
                "--import-agenda", Support.root.appendingPathComponent("Assets/agenda/example.json").path,
            ])
        XCTAssertEqual(run.code, 0, run.err)
        let tickets = dataDir.appendingPathComponent("tickets")
        XCTAssertEqual(
            (try? FileManager.default.contentsOfDirectory(atPath: tickets.path)) ?? [], [],
            "kind = none: the screen shows the details, nothing is kept on disk")
    }

    func test_tickets_are_drawn_on_the_main_thread_and_printed_by_the_worker() throws {
        // As live: effects on a background worker, a thermal printer (a file stands for the device).
        let device = temp.appendingPathComponent("lp0")
        FileManager.default.createFile(atPath: device.path, contents: nil)
        let config = temp.appendingPathComponent("p.conf")
        try "[printer]\nkind = escpos\ndevice = \(device.path)\n".write(to: config, atomically: true, encoding: .utf8)
        var options = KioskOptions()
        options.configPath = config.path
        options.agendaFile = Support.root.appendingPathComponent("Assets/agenda/example.json").path
        let clock = ManualClock()
        let kiosk = try buildKiosk(options: options, clock: { clock.now }, workerMode: .background).kiosk
        kiosk.finishStart()  // the live loop does it after the first frame
        let before = Renderer.drawsOffMainThread
        let runner = ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: nil)
        try runner.run(Scenario.load(path: Support.scenarios.appendingPathComponent("booking-fr.scenario").path))
        kiosk.shutdown()
        XCTAssertEqual(
            Renderer.drawsOffMainThread - before, 0, "SDL_ttf is not thread-safe: nothing is drawn off the main thread")
        XCTAssertGreaterThan((try Data(contentsOf: device)).count, 10_000, "the ticket was printed")
    }

    func test_printer_settings_are_checked_with_their_line() {
        XCTAssertThrowsError(try KioskConfig.parse("[printer]\nkind = cups\n", file: "p.conf")) { error in
            XCTAssertTrue(
                "\(error)".contains("p.conf:2: printer.queue: kind = cups needs the CUPS queue's name"), "\(error)")
        }
        XCTAssertThrowsError(try KioskConfig.parse("[printer]\nkind = laser\n", file: "p.conf")) { error in
            XCTAssertTrue("\(error)".contains("p.conf:2: printer.kind: \"laser\" is not a printer kind"), "\(error)")
        }
    }
}
