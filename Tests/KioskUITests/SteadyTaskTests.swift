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

    func test_the_pictogram_and_i_dont_know_stay_put_from_item_to_item_with_either_text_size() {
        for language in [Language.fr, .ar] {
            let items = LayoutAudit.journeyStates(content: JourneySnapshotTests.content, language: language)
                .filter { $0.1.screen == .diagnostic(.item) }
                // As a person meets them: the whole pack (the samples of items a confident
                // person skips are each shown in a pack of its own).
                .filter { $0.1.diagnostic?.session.pack == JourneySnapshotTests.content.diagnosticPack }
            XCTAssertGreaterThan(items.count, 5, "consecutive items of one session")
            for size in Fixtures.sizes {
                for largeText in [false, true] {
                    var pictograms = Set<String>()
                    var dontKnow = Set<String>()
                    for (name, var state) in items {
                        state.largeText = largeText
                        guard let item = state.diagnostic?.session.currentItem else { continue }
                        var pictogram = item.pictogram
                        if case .scroll(let scroll) = item.kind { pictogram = scroll.answer }
                        let scene = JourneySnapshotTests.scene(state, size: size)
                        for case .icon(let icon, let frame, _, _) in scene.commands where icon.name == pictogram {
                            pictograms.insert("\(frame)")
                            break
                        }
                        // A landscape typing task puts "I don't know" under the word, on purpose.
                        if case .typeWord = item.kind, !size.isPortrait { continue }
                        dontKnow.insert(
                            "\(scene.node(id: "diag-dont-know")?.frame ?? .zero) \(name)".components(
                                separatedBy: " diagnostic-")[0])
                    }
                    XCTAssertEqual(pictograms.count, 1, "\(language) \(size) large: \(largeText): \(pictograms)")
                    XCTAssertEqual(dontKnow.count, 1, "\(language) \(size) large: \(largeText): \(dontKnow)")
                }
            }
        }
    }
}
