// Passerelle — diagnostic engine. Licensed under the EUPL-1.2.
import Foundation

// MARK: - The `"params"` of each item type (documented in docs/diagnostic.md)

extension DiagnosticPack {
    static func readParams(_ type: ItemType, _ node: LocatedJSON, _ path: String, _ reader: inout ContentReader)
        -> DiagnosticItem.Kind?
    {
        switch type {
        case .tapTarget: return readTapTarget(node, path, &reader)
        case .drag: return readDrag(node, path, &reader)
        case .scroll: return readScroll(node, path, &reader)
        case .typeWord: return readTypeWord(node, path, &reader)
        case .findIcon: return readFindIcon(node, path, &reader)
        case .spotFraud: return readSpotFraud(node, path, &reader)
        case .question: return readQuestion(node, path, &reader)
        case .selfRating: return readSelfRating(node, path, &reader)
        }
    }

    private static func readTapTarget(_ node: LocatedJSON, _ path: String, _ reader: inout ContentReader)
        -> DiagnosticItem.Kind?
    {
        guard reader.object(node, path, keys: ["size_mm", "target", "repeat"]) != nil else { return nil }
        let size = reader.int(node, "size_mm", path, in: 8...40)
        let target = reader.pictogram(node, "target", path)
        let repeatCount = reader.int(node, "repeat", path, in: 1...5)
        guard let size, let target, let repeatCount else { return nil }
        return .tapTarget(.init(sizeMillimetres: size, target: target, repeatCount: repeatCount))
    }

    private static func readDrag(_ node: LocatedJSON, _ path: String, _ reader: inout ContentReader) -> DiagnosticItem
        .Kind?
    {
        guard reader.object(node, path, keys: ["object", "box", "size_mm"]) != nil else { return nil }
        let object = reader.pictogram(node, "object", path)
        let box = reader.pictogram(node, "box", path)
        let size = reader.int(node, "size_mm", path, in: 8...40)
        guard let object, let box, let size else { return nil }
        guard object != box else {
            reader.report(node["box"]?.line ?? node.line, "\(path).box", "must differ from the object")
            return nil
        }
        return .drag(.init(object: object, box: box, sizeMillimetres: size))
    }

    private static func readScroll(_ node: LocatedJSON, _ path: String, _ reader: inout ContentReader) -> DiagnosticItem
        .Kind?
    {
        guard reader.object(node, path, keys: ["entries", "answer"]) != nil,
            let entries = pictogramList(node, "entries", path, count: 8...40, &reader),
            let answer = reader.pictogram(node, "answer", path)
        else { return nil }
        guard let index = entries.firstIndex(of: answer) else {
            reader.report(
                node["answer"]?.line ?? node.line, "\(path).answer", "\"\(answer)\" is not one of the entries")
            return nil
        }
        guard index >= 6 else {
            reader.report(
                node["answer"]?.line ?? node.line, "\(path).answer",
                "\"\(answer)\" is entry \(index + 1); put it at entry 7 or later so that the person has to scroll")
            return nil
        }
        return .scroll(.init(entries: entries, answer: answer))
    }

    private static func readTypeWord(_ node: LocatedJSON, _ path: String, _ reader: inout ContentReader)
        -> DiagnosticItem.Kind?
    {
        guard reader.object(node, path, keys: ["word"]) != nil, let word = reader.text(node, "word", path) else {
            return nil
        }
        var valid = true
        for language in Language.allCases {
            let text = word[language]
            guard (2...10).contains(text.count), text.allSatisfy(\.isLetter) else {
                reader.report(
                    node["word"]?[language.rawValue]?.line ?? node.line, "\(path).word.\(language.rawValue)",
                    "\"\(text)\" must be one word of 2 to 10 letters (no spaces, digits or signs)")
                valid = false
                continue
            }
        }
        return valid ? .typeWord(.init(word: word)) : nil
    }

    private static func readFindIcon(_ node: LocatedJSON, _ path: String, _ reader: inout ContentReader)
        -> DiagnosticItem.Kind?
    {
        guard reader.object(node, path, keys: ["choices", "answer"]) != nil,
            let choices = pictogramList(node, "choices", path, count: 3...6, &reader),
            let answer = reader.pictogram(node, "answer", path)
        else { return nil }
        guard choices.contains(answer) else {
            reader.report(
                node["answer"]?.line ?? node.line, "\(path).answer",
                "\"\(answer)\" is not one of the choices (\(choices.joined(separator: ", ")))")
            return nil
        }
        return .findIcon(.init(choices: choices, answer: answer))
    }

    private static func readSpotFraud(_ node: LocatedJSON, _ path: String, _ reader: inout ContentReader)
        -> DiagnosticItem.Kind?
    {
        guard reader.object(node, path, keys: ["messages"]) != nil,
            let nodes = reader.list(node, "messages", path, count: 1...4)
        else { return nil }
        var messages: [DiagnosticItem.SpotFraud.Message] = []
        for (i, message) in nodes.enumerated() {
            let messagePath = "\(path).messages[\(i)]"
            guard reader.object(message, messagePath, keys: ["from", "text", "pictogram", "fraudulent"]) != nil else {
                continue
            }
            let from = reader.text(message, "from", messagePath)
            let text = reader.text(message, "text", messagePath)
            let pictogram = reader.pictogram(message, "pictogram", messagePath)
            let fraudulent = reader.bool(message, "fraudulent", messagePath)
            if let from, let text, let pictogram, let fraudulent {
                messages.append(.init(from: from, text: text, pictogram: pictogram, fraudulent: fraudulent))
            }
        }
        guard messages.count == nodes.count else { return nil }
        let frauds = messages.filter(\.fraudulent).count
        if messages.count > 1 && frauds != 1 {
            reader.report(
                node["messages"]?.line ?? node.line, "\(path).messages",
                "\(frauds) messages are fraudulent; with several messages exactly one must be (the person picks it)")
            return nil
        }
        return .spotFraud(.init(messages: messages))
    }

    private static func readQuestion(_ node: LocatedJSON, _ path: String, _ reader: inout ContentReader)
        -> DiagnosticItem.Kind?
    {
        guard reader.object(node, path, keys: ["good_answer"]) != nil,
            let good = reader.string(node, "good_answer", path)
        else { return nil }
        guard good == "yes" || good == "no" else {
            reader.report(
                node["good_answer"]?.line ?? node.line, "\(path).good_answer", "\"\(good)\" must be \"yes\" or \"no\"")
            return nil
        }
        return .question(.init(goodAnswer: good == "yes" ? .yes : .no))
    }

    private static func readSelfRating(_ node: LocatedJSON, _ path: String, _ reader: inout ContentReader)
        -> DiagnosticItem.Kind?
    {
        guard reader.object(node, path, keys: ["steps"]) != nil,
            let nodes = reader.list(node, "steps", path, count: 3...4)
        else { return nil }
        var steps: [DiagnosticItem.SelfRating.Step] = []
        for (i, step) in nodes.enumerated() {
            let stepPath = "\(path).steps[\(i)]"
            guard reader.object(step, stepPath, keys: ["pictogram", "label"]) != nil else { continue }
            let pictogram = reader.pictogram(step, "pictogram", stepPath)
            let label = reader.text(step, "label", stepPath)
            if let pictogram, let label { steps.append(.init(pictogram: pictogram, label: label)) }
        }
        return steps.count == nodes.count ? .selfRating(.init(steps: steps)) : nil
    }

    /// A list of different Material Icons names.
    private static func pictogramList(
        _ node: LocatedJSON, _ key: String, _ path: String, count: ClosedRange<Int>,
        _ reader: inout ContentReader
    ) -> [String]? {
        guard let elements = reader.list(node, key, path, count: count) else { return nil }
        var names: [String] = []
        for (i, element) in elements.enumerated() {
            let elementPath = "\(path).\(key)[\(i)]"
            guard let name = element.string else {
                reader.report(
                    element.line, elementPath, "must be a pictogram name in double quotes, found \(element.kindName)")
                continue
            }
            if names.contains(name) {
                reader.report(element.line, elementPath, "\"\(name)\" appears twice")
                continue
            }
            if reader.checkPictogram(name, line: element.line, path: elementPath) != nil { names.append(name) }
        }
        return names.count == elements.count ? names : nil
    }
}
