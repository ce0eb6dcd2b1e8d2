// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import Foundation
import GRDB
import XCTest
@testable import KioskStore

/// A fresh temporary directory, removed at the end of the test.
func makeTemporaryDirectory(_ test: XCTestCase, file: StaticString = #filePath) -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kioskstore-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

/// A local Paris time: "2025-11-03 14:30".
func paris(_ text: String) -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "Europe/Paris")
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.date(from: text)!
}

/// Asserts that `body` throws exactly `expected`.
func XCTAssertProblem<T>(
    _ expected: StoreProblem, _ body: () throws(StoreProblem) -> T, file: StaticString = #filePath, line: UInt = #line
) {
    do {
        _ = try body()
        XCTFail("expected \(expected), nothing thrown", file: file, line: line)
    } catch {
        XCTAssertEqual(error, expected, file: file, line: line)
    }
}

/// A small agenda: one place, one helper, one 30-minute service.
struct Agenda {
    var place: Int64
    var helper: Int64
    var service: Int64

    init(_ database: AppDatabase) throws {
        place = try database.addPlace(PlaceDraft(name: "Mairie"))
        helper = try database.addHelper(displayName: "Aidante")
        service = try database.addService(ServiceDraft(name: "Démarches", durationMinutes: 30, thematique: "logement"))
    }

    func request(at date: Date, phone: String? = "+33612345678", sms: Bool = false) -> BookingRequest {
        BookingRequest(
            serviceID: service, helperID: helper, placeID: place, startsAt: date,
            personName: "Jeanne Martin", personPhone: phone, remindBySMS: sms)
    }
}
