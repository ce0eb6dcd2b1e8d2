import XCTest

@testable import KioskRender

final class BidiDigitsTests: XCTestCase {
    func test_numbers_inside_arabic_are_prepared_to_read_left_to_right() {
        XCTAssertEqual(BidiDigits.forRightToLeftShaping("الثلاثاء، 24 نوفمبر"), "الثلاثاء، 42 نوفمبر")
        XCTAssertEqual(BidiDigits.forRightToLeftShaping("الخطوة 3 من 12"), "الخطوة 3 من 21")
        XCTAssertEqual(BidiDigits.forRightToLeftShaping("الساعة 14:30."), "الساعة 03:41.")
        XCTAssertEqual(BidiDigits.forRightToLeftShaping("مرحبا"), "مرحبا")
    }
}
