import Foundation
import KioskUI
import XCTest

/// Draw-list snapshots as text: one line per command and per node, compared line by line.
/// Recorded only with RECORD_SNAPSHOTS=1: a missing file fails (the check would otherwise pass
/// with its expectation gone), and the actual text is left beside it as NAME_actual.txt.
enum SceneSnapshot {
    static func text(_ scene: Scene) -> String {
        var lines = ["screen \(scene.screenID) \(scene.size) rtl=\(scene.rightToLeft)"]
        for command in scene.commands {
            switch command {
            case .rect(let r, let c): lines.append("rect \(r) \(c)")
            case .roundedRect(let r, let radius, let c): lines.append("round \(r) r=\(radius) \(c)")
            case .text(let s, let o, let style, let c):
                lines.append(
                    "text \"\(s)\" at \(o.x),\(o.y) \(style.size)\(style.weight == .bold ? "b" : "")"
                        + "\(style.rightToLeft ? " rtl" : "") \(c)"
                )
            case .icon(let icon, let frame, let size, let c):
                lines.append("icon \(icon.rawValue) \(frame) \(size) \(c)")
            case .pushClip(let r): lines.append("clip \(r)")
            case .popClip: lines.append("unclip")
            }
        }
        for node in scene.nodes {
            lines.append(
                "node \(node.id) \(node.role.rawValue) \"\(node.label)\" \(node.frame)"
                    + "\(node.enabled ? "" : " disabled")\(node.selected ? " selected" : "")"
            )
        }
        if let zone = scene.secretZone { lines.append("secret-zone \(zone)") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func assert(_ scene: Scene, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        let directory = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent(
            "__Snapshots__")
        let url = directory.appendingPathComponent("\(name).txt")
        let actual = text(scene)
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        if record {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try? actual.write(
                to: directory.appendingPathComponent("\(name)_actual.txt"), atomically: true, encoding: .utf8)
            XCTFail(
                "snapshot \(name) is missing: \(url.path) (RECORD_SNAPSHOTS=1 to record it)", file: file, line: line)
            return
        }
        guard expected != actual else { return }
        try? actual.write(to: directory.appendingPathComponent("\(name)_actual.txt"), atomically: true, encoding: .utf8)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
        let wanted = first < e.count ? String(e[first]) : "(end)"
        let got = first < a.count ? String(a[first]) : "(end)"
        XCTFail(
            "snapshot \(name) differs at line \(first + 1):\n  expected: \(wanted)\n"
                + "  actual:   \(got)\n(RECORD_SNAPSHOTS=1 to accept)",
            file: file, line: line)
    }
}
