import Foundation
import KioskCore
import KioskUI
import XCTest

/// Checks every screen, in every language, at every size, with and without larger text:
/// nothing overflows, nothing leaves the screen, no two targets overlap, targets are large.
/// `LayoutAudit` is shared with the render tests, which run it with the real fonts.
final class LayoutTests: XCTestCase {
    func test_every_screen_fits_at_every_size_language_and_text_size() throws {
        let problems = LayoutAudit.run(measurer: FixedAdvanceMeasurer(), catalogue: Fixtures.catalogue)
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "layout-known-problems.txt")
        let known = try String(contentsOf: file, encoding: .utf8)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try LayoutAudit.knownProblemsFile(problems, previous: known).write(
                to: file, atomically: true, encoding: .utf8)
        }
        let (new, fixed) = LayoutAudit.ratchet(problems, known: known)
        XCTAssertEqual(new, [], "new layout problems:\n" + new.joined(separator: "\n"))
        XCTAssertEqual(fixed, [], "fixed: remove them from \(file.lastPathComponent)")
    }

    func test_both_palettes_meet_aaa_contrast_for_text() {
        for palette in [Theme.Palette.standard, .highContrast] {
            XCTAssertGreaterThanOrEqual(palette.text.contrast(with: palette.background), 7)
            XCTAssertGreaterThanOrEqual(palette.onPrimary.contrast(with: palette.primary), 7)
            XCTAssertGreaterThanOrEqual(palette.onSecondary.contrast(with: palette.secondary), 7)
            XCTAssertGreaterThanOrEqual(palette.onSelected.contrast(with: palette.selected), 7)
            XCTAssertGreaterThanOrEqual(palette.onTopBar.contrast(with: palette.topBar), 7)
            XCTAssertGreaterThanOrEqual(palette.focus.contrast(with: palette.background), 3, "focus ring")
            XCTAssertGreaterThanOrEqual(palette.border.contrast(with: palette.background), 3, "borders")
        }
    }
}
