// Passerelle — KioskCore booking tests. Licensed under the EUPL-1.2.
import XCTest
@testable import KioskCore

final class BookingRulesTests: XCTestCase {
    func test_cancel_until_4_hours_and_move_until_2_days_before_with_a_fixed_clock() {
        let start = paris("2026-06-10 14:00")
        let rules = BookingRules()
        let cases: [(now: String, cancel: BookingVerdict, move: BookingVerdict)] = [
            (
                "2026-06-01 09:00", .allowed(until: paris("2026-06-10 10:00")),
                .allowed(until: paris("2026-06-08 14:00"))
            ),
            (
                "2026-06-08 14:00", .allowed(until: paris("2026-06-10 10:00")),
                .allowed(until: paris("2026-06-08 14:00"))
            ),
            ("2026-06-08 14:01", .allowed(until: paris("2026-06-10 10:00")), .refused(.tooLateToMove(daysBefore: 2))),
            ("2026-06-10 10:00", .allowed(until: paris("2026-06-10 10:00")), .refused(.tooLateToMove(daysBefore: 2))),
            ("2026-06-10 10:01", .refused(.tooLateToCancel(hoursBefore: 4)), .refused(.tooLateToMove(daysBefore: 2))),
            ("2026-06-10 14:00", .refused(.alreadyStarted), .refused(.alreadyStarted)),
        ]
        for (now, cancel, move) in cases {
            XCTAssertEqual(rules.cancelVerdict(start: start, now: paris(now)), cancel, now)
            XCTAssertEqual(rules.moveVerdict(start: start, now: paris(now)), move, now)
        }
        let strict = BookingRules(cancelUntilHoursBefore: 24, moveUntilDaysBefore: 7)
        XCTAssertEqual(
            strict.cancelVerdict(start: start, now: paris("2026-06-09 15:00")),
            .refused(.tooLateToCancel(hoursBefore: 24)))
        XCTAssertEqual(
            strict.moveVerdict(start: start, now: paris("2026-06-03 13:00")), .allowed(until: paris("2026-06-03 14:00"))
        )
        XCTAssertEqual(
            rules.cancelVerdict(start: start, now: paris("2026-06-01 09:00"), cancellable: false),
            .refused(.notCancellableByPerson))
    }

    func test_every_refusal_has_plain_words_in_every_language_and_arabic_has_no_latin_letters() {
        let reasons: [RefusalReason] = [
            .tooLateToCancel(hoursBefore: 4), .tooLateToMove(daysBefore: 2), .alreadyStarted, .notCancellableByPerson,
        ]
        for reason in reasons {
            for language in Language.allCases {
                XCTAssertFalse(reason.explanation(in: language).isEmpty)
            }
            XCTAssertFalse(
                reason.explanation(in: .ar).unicodeScalars.contains {
                    ("a"..."z").contains($0) || ("A"..."Z").contains($0)
                })
        }
        XCTAssertTrue(RefusalReason.tooLateToCancel(hoursBefore: 4).explanation(in: .fr).contains("4 heures"))
    }
}
