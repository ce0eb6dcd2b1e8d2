// Passerelle — diagnostic engine. Licensed under the EUPL-1.2.
import Foundation

extension DiagnosticPack {
    /// Reads and checks a pack. Pure: never crashes, never throws; every problem names the
    /// file, the line and the key. The kiosk keeps its last good pack when this fails.
    ///
    /// Checks: JSON syntax; format version; every key known and every required key present;
    /// each text in French, English and Arabic, short sentences, no percentages, Arabic without
    /// Latin letters; ids unique; DigComp codes valid; pictograms in the Material Icons font;
    /// numbers in range; each item type's parameters; all five areas covered; and, by
    /// simulating answer patterns through the engine, that every autonomy level, every CNV
    /// profile and every kind of help can be reached.
    public static func load(data: Data, file: String) -> Result<DiagnosticPack, ContentProblems> {
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
        return load(root: root, file: file)
    }

    static let topKeys = ["format", "kind", "id", "version", "session", "steps", "help", "encouragement", "items"]
    static let itemKeys = [
        "id", "type", "competence", "difficulty", "seconds", "pictogram", "prompt", "spoken", "strength", "params",
    ]

    static func load(root: LocatedJSON, file: String) -> Result<DiagnosticPack, ContentProblems> {
        var reader = ContentReader(file: file)
        guard reader.object(root, "", keys: topKeys) != nil else { return .failure(ContentProblems(reader.problems)) }
        // The format first: a newer format's other problems would only be noise.
        guard let format = reader.int(root, "format", "", in: 1...Int.max) else {
            return .failure(ContentProblems(reader.problems))
        }
        guard format == formatVersion else {
            reader.report(
                root["format"]?.line ?? root.line, "format",
                "format \(format) is not supported by this version of Passerelle (it reads format \(formatVersion))")
            return .failure(ContentProblems(reader.problems))
        }
        if let kind = reader.string(root, "kind", ""), kind != "diagnostic" {
            reader.report(root["kind"]?.line ?? root.line, "kind", "\"\(kind)\" is not \"diagnostic\"")
        }
        let id = reader.string(root, "id", "")
        let version = reader.int(root, "version", "", in: 1...Int.max)
        let limits = readLimits(root, &reader)
        let steps = readSteps(root, &reader)
        let help = readHelp(root, &reader)
        let encouragement = reader.text(root, "encouragement", "")
        let items = readItems(root, &reader)

        guard reader.problems.isEmpty, let id, let version, let limits, let steps, let help, let encouragement,
            let items
        else {
            return .failure(ContentProblems(reader.problems))
        }
        let pack = DiagnosticPack(
            id: id, version: version, items: items, steps: steps, help: help.texts,
            encouragement: encouragement, limits: limits)
        // Outcomes: only a structurally sound pack can be simulated.
        let reached = pack.simulate()
        for autonomy in AutonomyLevel.allCases where !reached.autonomy.contains(autonomy) {
            reader.report(
                root["items"]?.line ?? root.line, "items",
                "no answer pattern leads to the autonomy level \"\(autonomy.rawValue)\" "
                    + "(\(reached.patterns) patterns simulated); "
                    + "add or rebalance items of each difficulty"
            )
        }
        for profile in CNVProfile.allCases where !reached.profiles.contains(profile) {
            reader.report(
                root["items"]?.line ?? root.line, "items",
                "no answer pattern leads to the profile \"\(profile.rawValue)\" "
                    + "(\(reached.patterns) patterns simulated)"
            )
        }
        for kind in SupportKind.allCases where !reached.support.contains(kind) {
            reader.report(
                help.lines[kind] ?? root.line, "help.\(kind.rawValue)",
                "no answer pattern leads to this help (\(reached.patterns) patterns simulated); the pack promises it")
        }
        return reader.problems.isEmpty ? .success(pack) : .failure(ContentProblems(reader.problems))
    }

    // MARK: - Sections

    private static func readLimits(_ root: LocatedJSON, _ reader: inout ContentReader) -> Limits? {
        guard let node = reader.member(root, "session", ""),
            reader.object(node, "session", keys: ["max_items", "max_seconds"]) != nil
        else { return nil }
        let maxItems = reader.int(node, "max_items", "session", in: 3...30)
        let maxSeconds = reader.int(node, "max_seconds", "session", in: 60...1800)
        guard let maxItems, let maxSeconds else { return nil }
        return Limits(maxItems: maxItems, maxSeconds: maxSeconds)
    }

    private static func readSteps(_ root: LocatedJSON, _ reader: inout ContentReader) -> [PathStep]? {
        guard let nodes = reader.list(root, "steps", "", count: 3...3) else { return nil }
        var steps: [PathStep] = []
        for (i, node) in nodes.enumerated() {
            let path = "steps[\(i)]"
            guard reader.object(node, path, keys: ["pictogram", "title", "text"]) != nil else { continue }
            let pictogram = reader.pictogram(node, "pictogram", path)
            let title = reader.text(node, "title", path)
            let text = reader.text(node, "text", path)
            if let pictogram, let title, let text {
                steps.append(PathStep(pictogram: pictogram, title: title, text: text))
            }
        }
        return steps.count == 3 ? steps : nil
    }

    private static func readHelp(_ root: LocatedJSON, _ reader: inout ContentReader) -> (
        texts: [SupportKind: HelpText], lines: [SupportKind: Int]
    )? {
        let kinds = SupportKind.allCases.map(\.rawValue)
        guard let node = reader.member(root, "help", ""), reader.object(node, "help", keys: kinds) != nil else {
            return nil
        }
        var texts: [SupportKind: HelpText] = [:]
        var lines: [SupportKind: Int] = [:]
        for kind in SupportKind.allCases {
            let path = "help.\(kind.rawValue)"
            guard let entry = reader.member(node, kind.rawValue, "help") else { continue }
            lines[kind] = entry.line
            guard reader.object(entry, path, keys: ["pictogram", "title", "text"]) != nil else { continue }
            let pictogram = reader.pictogram(entry, "pictogram", path)
            let title = reader.text(entry, "title", path)
            let text = reader.text(entry, "text", path)
            if let pictogram, let title, let text {
                texts[kind] = HelpText(pictogram: pictogram, title: title, text: text)
            }
        }
        return texts.count == SupportKind.allCases.count ? (texts, lines) : nil
    }

    private static func readItems(_ root: LocatedJSON, _ reader: inout ContentReader) -> [DiagnosticItem]? {
        guard let nodes = reader.list(root, "items", "", count: 1...200) else { return nil }
        var items: [DiagnosticItem] = []
        var seen: [String: (index: Int, line: Int)] = [:]
        var complete = true
        for (i, node) in nodes.enumerated() {
            let path = "items[\(i)]"
            if let idNode = node["id"], let id = idNode.string {
                if let first = seen[id] {
                    reader.report(
                        idNode.line, "\(path).id",
                        "\"\(id)\" is already the id of items[\(first.index)] (line \(first.line)); ids must be unique")
                } else {
                    seen[id] = (i, idNode.line)
                }
            }
            if let item = readItem(node, path, &reader) { items.append(item) } else { complete = false }
        }
        guard complete else { return nil }
        if let first = items.first, !(first.isHandsOn && first.difficulty == 1) {
            reader.report(
                first.line, "items[0]",
                "the first item must be a hands-on task of difficulty 1: the diagnostic starts with handling the screen"
            )
        }
        for area in DigCompArea.allCases where !items.contains(where: { $0.area == area }) {
            reader.report(
                root["items"]?.line ?? root.line, "items",
                "no item of DigComp area \(area.rawValue) (\(area.name)); all five areas must be covered")
        }
        return items
    }

    private static func readItem(_ node: LocatedJSON, _ path: String, _ reader: inout ContentReader) -> DiagnosticItem?
    {
        guard reader.object(node, path, keys: itemKeys) != nil else { return nil }
        var id = reader.string(node, "id", path)
        if let value = id,
            value.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) == nil || value.count > 40
        {
            reader.report(
                node["id"]?.line ?? node.line, "\(path).id",
                "\"\(value)\" must be lower-case letters, digits and hyphens (at most 40)")
            id = nil
        }
        var type: ItemType?
        if let name = reader.string(node, "type", path) {
            type = ItemType(rawValue: name)
            if type == nil {
                reader.report(
                    node["type"]?.line ?? node.line, "\(path).type",
                    "\"\(name)\" is not an item type (\(ItemType.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        let competence = readCompetence(node, path, &reader)
        let difficulty = reader.int(node, "difficulty", path, in: 1...3)
        let seconds = reader.int(node, "seconds", path, in: 5...300)
        let pictogram = reader.pictogram(node, "pictogram", path)
        let prompt = reader.text(node, "prompt", path)
        let spoken = reader.text(node, "spoken", path)
        let strength = reader.text(node, "strength", path)
        var kind: DiagnosticItem.Kind?
        if let type, let params = reader.member(node, "params", path) {
            kind = readParams(type, params, "\(path).params", &reader)
        }
        guard let id, let kind, let competence, let difficulty, let seconds, let pictogram, let prompt, let spoken,
            let strength
        else {
            return nil
        }
        return DiagnosticItem(
            id: id, kind: kind, competence: competence, difficulty: difficulty, seconds: seconds,
            pictogram: pictogram, prompt: prompt, spoken: spoken, strength: strength, line: node.line)
    }

    private static func readCompetence(_ node: LocatedJSON, _ path: String, _ reader: inout ContentReader) -> String? {
        guard let value = reader.member(node, "competence", path) else { return nil }
        guard let code = value.string else {
            reader.report(value.line, "\(path).competence", "must be a DigComp code in double quotes, like \"2.1\"")
            return nil
        }
        guard DigComp.area(ofCompetence: code) != nil else {
            reader.report(
                value.line, "\(path).competence",
                "\"\(code)\" is not a DigComp 2.2 competence (1.1–1.3, 2.1–2.6, 3.1–3.4, 4.1–4.4, 5.1–5.4)")
            return nil
        }
        return code
    }
}
