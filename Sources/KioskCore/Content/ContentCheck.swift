// Passerelle — content files. Licensed under the EUPL-1.2.
import Foundation

/// Checks content files as the kiosk would load them (`passerellectl content check`). Each file
/// says what it is with `"kind"`; today only `"diagnostic"` packs exist.
public enum ContentCheck {
    public struct Report: Equatable, Sendable {
        /// Every problem of every file, in file order.
        public var problems: [ContentProblem] = []
        /// A few lines per valid file, for the admin.
        public var summaries: [String] = []
        public var isValid: Bool { problems.isEmpty }
    }

    /// Checks `path`: one file, or every `*.json` file under a folder (sorted, recursive).
    public static func check(path: String) -> Report {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return Report(problems: [ContentProblem(file: path, line: 1, path: "", message: "no such file or folder")])
        }
        var files = [path]
        if isDirectory.boolValue {
            // Paths as the admin typed them, so messages point where they look.
            let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
            let found = ((try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? [])
                .filter { $0.hasSuffix(".json") }.sorted().map { "\(folder)/\($0)" }
            guard !found.isEmpty else {
                return Report(problems: [
                    ContentProblem(file: path, line: 1, path: "", message: "no content file (*.json) in this folder")
                ])
            }
            files = found
        }
        var report = Report()
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                report.problems.append(ContentProblem(file: file, line: 1, path: "", message: "cannot be read"))
                continue
            }
            switch check(data: data, file: file) {
            case .success(let summary): report.summaries.append(summary)
            case .failure(let problems): report.problems += problems.problems
            }
        }
        return report
    }

    /// Checks one file's contents; returns its summary or its problems.
    public static func check(data: Data, file: String) -> Result<String, ContentProblems> {
        let root: LocatedJSON
        do {
            root = try LocatedJSON.parse(data)
        } catch {
            return .failure(
                ContentProblems([
                    ContentProblem(
                        file: file, line: error.line, path: "", message: "\(error.message) (column \(error.column))")
                ]))
        }
        switch root["kind"]?.string {
        case "diagnostic":
            return DiagnosticPack.load(root: root, file: file).map { $0.summary(file: file) }
        case "resources":
            return ResourceSheet.load(root: root, file: file).map {
                "\(file): resources list, \($0.items.count) resources"
            }
        case let kind?:
            return .failure(
                ContentProblems([
                    ContentProblem(
                        file: file, line: root["kind"]!.line, path: "kind",
                        message: "\"\(kind)\" is not a kind of content (diagnostic, resources)")
                ]))
        case nil:
            return .failure(
                ContentProblems([
                    ContentProblem(
                        file: file, line: root.line, path: "kind",
                        message: "missing: a content file says what it is, e.g. \"kind\": \"diagnostic\"")
                ]))
        }
    }
}

extension DiagnosticPack {
    /// A short description for admins: items per area and type, duration range, outcomes.
    public func summary(file: String) -> String {
        let simulation = simulate()
        func minutes(_ seconds: Int) -> String {
            seconds % 60 == 0 ? "\(seconds / 60) min" : "\(seconds / 60) min \(seconds % 60) s"
        }
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var lines = [
            "\(file): diagnostic pack \"\(id)\" version \(version) (format \(Self.formatVersion)), "
                + "\(count(items.count, "item"))"
        ]
        for area in DigCompArea.allCases {
            lines.append(
                "  area \(area.rawValue) \(area.name): \(count(items.filter { $0.area == area }.count, "item"))")
        }
        let handsOn = items.filter(\.isHandsOn).count
        let questions = items.filter { $0.type == .question }.count
        lines.append(
            "  \(count(handsOn, "hands-on task")), \(count(questions, "question")), "
                + "\(count(items.count - handsOn - questions, "self-rating"))"
        )
        lines.append(
            "  estimated duration: \(minutes(simulation.seconds.lowerBound)) "
                + "to \(minutes(simulation.seconds.upperBound)) "
                + "(\(simulation.items.lowerBound) to \(simulation.items.upperBound) items; "
                + "\(simulation.patterns) answer patterns simulated)"
        )
        lines.append(
            "  reachable: \(AutonomyLevel.allCases.map(\.rawValue).joined(separator: ", ")); "
                + "help: \(SupportKind.allCases.map(\.rawValue).joined(separator: ", "))"
        )
        return lines.joined(separator: "\n")
    }
}
