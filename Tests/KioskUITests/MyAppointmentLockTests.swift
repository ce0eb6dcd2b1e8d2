import Foundation
import KioskCore
@testable import KioskUI
import XCTest

/// After two wrong times, "not found" offers only a person here, and says why.
final class MyAppointmentLockTests: XCTestCase {
    func test_the_locked_screen_offers_no_other_try() throws {
        for language in Language.allCases {
            let t = Texts(catalogue: Fixtures.catalogue, language: language)
            let open = JourneySnapshotTests.scene(
                PersonAtTheScreenTests.sample("my-my-appointment-not-found-time", language))
            XCTAssertNotNil(open.node(id: "try-again"), "\(language): one wrong time, try again")
            let locked = JourneySnapshotTests.scene(
                PersonAtTheScreenTests.sample("my-my-appointment-not-found-time-locked", language))
            XCTAssertNil(locked.node(id: "try-again"), "\(language)")
            XCTAssertNotNil(locked.node(id: "ask-person"), "\(language)")
            XCTAssertEqual(locked.node(id: "not-found-why")?.label, t(.myTimeTooMany))
        }
    }
}
