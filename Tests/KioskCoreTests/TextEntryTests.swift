import XCTest

@testable import KioskCore

final class TextEntryTests: XCTestCase {
    func test_a_first_name_gets_its_capitals_and_no_stray_signs() {
        var entry = TextEntry(kind: .name)
        entry.type("jean")
        entry.type("-")
        entry.type("-")
        entry.type("pierre")
        XCTAssertEqual(entry.text, "Jean-Pierre")
        entry = TextEntry(kind: .name)
        entry.type(" 'zoé7 ")
        XCTAssertEqual(entry.text, "Zoé ")
        XCTAssertEqual(entry.trimmed, "Zoé")
        entry = TextEntry(kind: .name)
        entry.type("أمينة")
        XCTAssertEqual(entry.text, "أمينة", "Arabic letters have no case and pass as they are")
    }

    func test_erase_and_shift() {
        var entry = TextEntry(kind: .name)
        entry.type("Li")
        entry.erase()
        entry.erase()
        XCTAssertTrue(entry.shifted, "an empty name starts with a capital again")
        entry.toggleShift()
        entry.type("é")
        XCTAssertEqual(entry.text, "é")
        entry.erase()
        entry.erase()
        XCTAssertEqual(entry.text, "")
    }

    func test_a_phone_number_keeps_digits_and_a_leading_plus() {
        var entry = TextEntry(kind: .phone, maxLength: 12)
        entry.type("+33 6 12-34")
        entry.type("+5678901234")
        XCTAssertEqual(entry.text, "+33612345678")
        XCTAssertEqual(entry.phoneDigits, "0612345678")
        XCTAssertEqual(TextEntry.normalisedPhone("06 12 34 56 78"), "0612345678")
        XCTAssertEqual(TextEntry.normalisedPhone("0033612345678"), "0612345678")
    }
}
