import Foundation
import KioskCore
import XCTest

/// `PASSERELLE_NOW`: how tests give a program its "now".
final class PinnedClockTests: XCTestCase {
    func test_an_instant_with_its_offset_or_seconds_since_1970_pins_the_clock() throws {
        let winter = try XCTUnwrap(PinnedClock.parse("2026-11-30T03:20:00+01:00"))
        XCTAssertEqual(winter.timeIntervalSince1970, 1_796_005_200)
        XCTAssertEqual(PinnedClock.parse("2026-11-30T02:20:00Z"), winter)
        XCTAssertEqual(PinnedClock.parse("1796005200"), winter)
        XCTAssertEqual(PinnedClock.parse("2026-11-30T02:20:00.500Z")?.timeIntervalSince1970, 1_796_005_200.5)
    }

    func test_a_time_without_offset_or_garbage_is_refused_with_the_value_named() {
        for value in ["2026-11-30T03:20:00", "2026-11-30", "tomorrow", "inf", "nan"] {
            XCTAssertNil(PinnedClock.parse(value), value)
            XCTAssertThrowsError(try PinnedClock.fromEnvironment([PinnedClock.variable: value])) { error in
                XCTAssertEqual(error as? PinnedClock.Problem, .malformed(value))
                XCTAssertTrue("\(error)".contains("PASSERELLE_NOW=\(value)"))
            }
        }
    }

    func test_a_systemd_service_refuses_a_pinned_clock() {
        XCTAssertThrowsError(
            try PinnedClock.fromEnvironment([PinnedClock.variable: "1796005200", "INVOCATION_ID": "5f3c"])
        ) { error in
            XCTAssertEqual(error as? PinnedClock.Problem, .refusedInService)
        }
    }

    func test_no_variable_means_the_wall_clock_and_a_pinned_clock_runs_from_its_instant() throws {
        XCTAssertNil(try PinnedClock.fromEnvironment([:]))
        XCTAssertNil(try PinnedClock.fromEnvironment([PinnedClock.variable: ""]))
        let clock = try XCTUnwrap(try PinnedClock.fromEnvironment([PinnedClock.variable: "1796005200"]))
        let first = clock(), second = clock()
        XCTAssertGreaterThanOrEqual(first.timeIntervalSince1970, 1_796_005_200)
        XCTAssertLessThan(first.timeIntervalSince1970, 1_796_005_200 + 60, "starts at the pinned instant")
        XCTAssertGreaterThanOrEqual(second, first, "and runs forward")
    }
}
