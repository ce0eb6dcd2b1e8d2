// Passerelle — KioskApp places tests. Licensed under the EUPL-1.2.
import Foundation
import XCTest

@testable import KioskApp
import KioskCore
import KioskRender
import KioskUI

/// A place of help on paper: drawn by our renderer with the real fonts, its QR code read back
/// by a real decoder (zbarimg) as the place's position; printed through the effect's path.
final class PlaceTicketTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
        .standardized

    func examplePlace(_ id: String) throws -> PlaceOfHelp {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("Assets/places/example.csv"))
        return try XCTUnwrap(try PlacesFile.parse(data, file: "example.csv").places.first { $0.id == id })
    }

    func test_a_place_ticket_has_its_week_and_a_qr_code_of_its_position_that_reads_back() throws {
        let catalogue = try Catalogue.load(from: Self.root.appendingPathComponent("Assets/strings"))
        let place = try examplePlace("exemple-fs-lunel")
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent(
            "passerelle-place-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temp) }
        let fonts = try FontBook()
        let monday = try XCTUnwrap(LocalDay(year: 2026, month: 11, day: 23))
        for language in Language.allCases {
            var texts: [String] = []
            let page = try TicketPrinter.draw(fonts: fonts) { measurer in
                let scene = TicketLayout.place(
                    place, today: monday, language: language, policy: KioskPolicy(), catalogue: catalogue,
                    qr: place.location.flatMap { QRMatrix.encode(TicketLayout.geoURI($0)) }, measurer: measurer)
                texts = scene.visibleTexts
                return scene
            }
            XCTAssertEqual(page.width, 576)
            if language == .fr {
                XCTAssertTrue(texts.contains("lundi : de 9:00 à 12:00 et de 14:00 à 17:00"), "\(texts)")
                XCTAssertTrue(texts.contains("dimanche : fermé"), "\(texts)")
                XCTAssertTrue(texts.contains("04 67 00 01 01"), "\(texts)")
                XCTAssertTrue(texts.contains("Rez-de-chaussée, à gauche de l'accueil de la mairie"), "\(texts)")
            }
            let png = temp.appendingPathComponent("place-\(language.rawValue).png")
            try page.savePNG(to: png.path)
            let zbar = try Support.requireTool("/usr/bin/zbarimg", package: "zbar-tools")
            let read = try Support.run(zbar, ["-q", "--raw", png.path])
            XCTAssertEqual(
                read.out.trimmingCharacters(in: .whitespacesAndNewlines), "geo:43.67560,4.13570", "\(language)")
        }
    }

    func test_printing_a_place_goes_through_the_printer_client_or_says_it_cannot() throws {
        let place = try examplePlace("exemple-mediatheque-lunel")
        let monday = try XCTUnwrap(LocalDay(year: 2026, month: 11, day: 23))
        final class Log: @unchecked Sendable { var lines: [String] = [] }
        let log = Log()
        var clients = KioskClients(store: .empty, printer: .none, speech: .silent, files: .none)
        clients.printer.drawPlace = { place, day, language in
            log.lines.append("draw \(place.id) \(day) \(language)")
            return PixelImage(width: 2, height: 1, pixels: [0, 1])
        }
        clients.printer.printPage = { _, name in
            log.lines.append("print \(name)")
            return .printed
        }
        let handler = EffectHandler(
            clients: clients, worker: Worker(mode: .inline), clock: { Date(timeIntervalSince1970: 1_796_000_000) })
        let runtime = EffectHandlerTests.FakeRuntime()
        handler.run(.printPlace(place, today: monday, language: .ar), runtime: runtime)
        let answers = handler.worker.takeResults().compactMap { outcome -> Action? in
            if case .action(let action) = outcome { return action }
            return nil
        }
        XCTAssertEqual(answers, [.places(.printFinished(.printed))])
        XCTAssertEqual(log.lines, ["draw exemple-mediatheque-lunel 2026-11-23 ar", "print place-ar-1796000000"])

        handler.clients.printer = .none
        handler.run(.printPlace(place, today: monday, language: .fr), runtime: runtime)
        XCTAssertEqual(runtime.sent, [.places(.printFinished(.unavailable))], "no printer: the screen keeps it")
    }
}
