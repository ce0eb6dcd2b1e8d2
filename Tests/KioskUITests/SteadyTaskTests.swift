import Foundation
import KioskCore
import KioskUI
import XCTest

/// "Essayez encore" appears after a miss: nothing of the task moves (issue 13, item 9: the
/// icons jumped about 40 px, the note taking its height from the task's area).
final class SteadyTaskTests: XCTestCase {
    func test_try_again_moves_no_icon_target_or_key_of_any_item_at_any_size() {
        for language in [Language.fr, .ar] {
            for (name, var state) in LayoutAudit.journeyStates(
                content: JourneySnapshotTests.content, language: language)
            where state.screen == .diagnostic(.item) {
                for size in Fixtures.sizes {
                    var frames: [[String]] = []
                    for tryAgain in [false, true] {
                        state.diagnostic?.task.tryAgain = tryAgain
                        let scene = JourneySnapshotTests.scene(state, size: size)
                        var drawn = scene.nodes.filter { $0.id != "diag-try-again" }.map { "\($0.id) \($0.frame)" }
                        for case .icon(let icon, let frame, _, _) in scene.commands { drawn.append("\(icon) \(frame)") }
                        frames.append(drawn)
                    }
                    XCTAssertEqual(frames[0], frames[1], "\(name) \(language) \(size)")
                }
            }
        }
    }
}
