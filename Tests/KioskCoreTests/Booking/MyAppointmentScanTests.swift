import Foundation
import XCTest

@testable import KioskCore

/// "My appointment" read from the ticket's QR code by a USB scanner, which types the code
/// one key press at a time, the way a keyboard would.
final class MyAppointmentScanTests: XCTestCase {
    let now = paris("2026-11-18 12:06")
    let policy = KioskPolicy(idleTimeout: 90, warningDuration: 30, attractAfter: 120, adminEnabled: true)
    var state: KioskState!
    var env: Environment!
    let uuid = UUID(uuidString: "57B172ED-7274-4660-998B-F82104BBD6A9")!

    override func setUp() {
        let snapshot = agenda()
        let catalogue = BookableAgenda(
            services: Array(snapshot.services.values), places: snapshot.places, helpers: snapshot.helpers)
        env = Environment(now: now, policy: policy, content: KioskContent(agenda: catalogue))
        state = KioskState.initial(now: now, policy: policy)
        _ = reduce(&state, .journeyTapped(.myAppointment), env)
        XCTAssertEqual(state.screen, .myAppointment(.phone))
    }

    func type(_ pieces: [String]) -> [Effect] {
        pieces.flatMap { reduce(&state, .keyTyped($0), env) }
    }

    func test_a_code_typed_one_character_at_a_time_finds_the_appointment() {
        let effects = type(TicketCode.code(for: uuid).map { String($0) })
        XCTAssertEqual(effects, [.findAppointment(uuid)])
        XCTAssertEqual(state.myAppointment?.phone.text, "", "the code's digits are not a phone number")
        XCTAssertEqual(state.myAppointment?.scanned, "")
        XCTAssertEqual(state.myAppointment?.searching, true)
    }

    func test_a_code_in_lower_case_and_in_chunks_with_a_newline_is_found() {
        let code = TicketCode.code(for: uuid).lowercased()
        let effects = type([
            String(code.prefix(7)), String(code.dropFirst(7).prefix(20)), String(code.dropFirst(27)), "\n",
        ])
        XCTAssertEqual(effects, [.findAppointment(uuid)])
    }

    func test_digits_of_a_phone_number_are_typed_and_stray_letters_forgotten() {
        XCTAssertEqual(type(["0", "6", "x", "1", "2"]), [])
        XCTAssertEqual(state.myAppointment?.phone.text, "0612")
        XCTAssertEqual(state.myAppointment?.scanned, "")
    }

    func test_a_broken_code_finds_nothing_and_typing_goes_on() {
        XCTAssertEqual(type("PASSERELLE:RDV:not-a-uuid".map { String($0) }), [])
        XCTAssertEqual(type(["0", "6"]), [])
        XCTAssertEqual(state.myAppointment?.phone.text, "06")
    }
}
