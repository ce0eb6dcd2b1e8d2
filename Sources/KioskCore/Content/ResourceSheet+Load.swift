import Foundation

extension ResourceSheet {
    /// Reads `Assets/content/resources.json` (`"kind": "resources"`): every text in every
    /// language, Arabic without Latin letters, an address for each item. All problems, with lines.
    public static func load(data: Data, file: String) -> Result<ResourceSheet, ContentProblems> {
        do {
            return load(root: try LocatedJSON.parse(data), file: file)
        } catch {
            return .failure(
                ContentProblems([
                    ContentProblem(
                        file: file, line: error.line, path: "", message: "\(error.message) (column \(error.column))")
                ]))
        }
    }

    static func load(root: LocatedJSON, file: String) -> Result<ResourceSheet, ContentProblems> {
        var problems: [ContentProblem] = []
        func problem(_ node: LocatedJSON?, _ path: String, _ message: String) {
            problems.append(ContentProblem(file: file, line: node?.line ?? root.line, path: path, message: message))
        }
        func text(_ node: LocatedJSON?, _ path: String) -> LocalizedText? {
            guard let node, node.members != nil else {
                problem(node, path, "missing: a text in fr, en and ar"); return nil
            }
            var values: [Language: String] = [:]
            for language in Language.allCases {
                guard let value = node[language.rawValue]?.string, !value.trimmingCharacters(in: .whitespaces).isEmpty
                else {
                    problem(node[language.rawValue] ?? node, "\(path).\(language.rawValue)", "missing or empty")
                    continue
                }
                if language == .ar,
                    value.unicodeScalars.contains(where: { ("A"..."Z").contains($0) || ("a"..."z").contains($0) })
                {
                    problem(
                        node[language.rawValue], "\(path).ar",
                        "contains Latin letters, which the Arabic font cannot draw")
                }
                values[language] = value
            }
            guard let fr = values[.fr], let en = values[.en], let ar = values[.ar] else { return nil }
            return LocalizedText(fr: fr, en: en, ar: ar)
        }
        if root["format"]?.int != 1 { problem(root["format"], "format", "must be 1") }
        let title = text(root["title"], "title")
        let intro = text(root["intro"], "intro")
        var items: [Item] = []
        if let list = root["items"]?.elements, !list.isEmpty {
            for (i, node) in list.enumerated() {
                let t = text(node["text"], "items[\(i)].text")
                guard let address = node["address"]?.string, !address.isEmpty else {
                    problem(node["address"] ?? node, "items[\(i)].address", "missing: a web address or phone number")
                    continue
                }
                if let t { items.append(Item(text: t, address: address)) }
            }
        } else {
            problem(root["items"], "items", "missing: a list of at least one resource")
        }
        guard problems.isEmpty, let title, let intro else { return .failure(ContentProblems(problems)) }
        return .success(ResourceSheet(format: 1, title: title, intro: intro, items: items))
    }
}
