import Foundation
import KioskCore
import KioskUI
import XCTest

/// Home in landscape with larger text (issue 13, item 6): the settings in a column of their
/// own, the tiles one a row, every word whole; the welcome sentence, left out when the tiles
/// need its room, is still said.
final class LargerTextHomeTests: XCTestCase {
    func test_every_tile_and_setting_is_whole_and_the_welcome_is_still_said() throws {
        for language in Language.allCases {
            var state = PersonAtTheScreenTests.sample("home-with-journeys", language)
            state.largeText = true
            for size in [Size(width: 1920, height: 1080), Size(width: 1280, height: 800)] {
                let scene = JourneySnapshotTests.scene(state, size: size)
                let place = "\(language) \(size)"
                XCTAssertEqual(scene.overflows, [], place)
                let ids = Set(scene.interactiveNodes.map(\.id))
                for id in [
                    "tile-diagnostic", "tile-booking", "tile-my-appointment", "tile-places", "lang-fr", "lang-en",
                    "lang-ar", "large-text", "high-contrast",
                ] {
                    XCTAssertTrue(ids.contains(id), "\(place): \(id)")
                }
                let tiles = scene.interactiveNodes.filter { $0.id.hasPrefix("tile-") }
                XCTAssertEqual(Set(tiles.map(\.frame.x)).count, 1, "\(place): the tiles one a row")
                let body = Fixtures.catalogue.text(.welcomeBody, language)
                let said = Announcement.screenText(of: scene, state: state, catalogue: Fixtures.catalogue)
                XCTAssertTrue(said.contains(body), "\(place): \(said)")
            }
        }
    }
}
