import Foundation
import KioskUI

/// A journey as a text file, one step a line (see ARCHITECTURE.md):
/// `tap "Label"`, `tap X Y`, `type "text"`, `key NAME`, `expect "text"`, `expect-not "text"`,
/// `wait-for "text" SECONDS`, `advance SECONDS`, `screenshot NAME`, `expect-focus "Label"`,
/// `expect-said "text"`, `expect-not-said "text"`, `# comment`; for hands-on tasks, `drag "Label" to "Label"` and
/// `swipe "Label" DX DY`; `headset plugged` and `headset unplugged` for the headphone jack.
public struct Scenario: Equatable {
    /// The longest `advance` or `wait-for`, in seconds: a day covers every timeout the kiosk has.
    public static let longestWait: Double = 86_400

    public enum Step: Equatable {
        case tapLabel(String)
        /// Two quick taps on the same place (the second 0.15 s after the first), as elderly
        /// people often do: the second must not press the next screen's button.
        case doubleTap(String)
        /// The time a person takes before each gesture from now on (0: machine speed).
        case pace(Double)
        case tapPoint(Point)
        case type(String)
        case key(Key)
        case expect(String)
        case expectNot(String)
        case waitFor(String, seconds: Double)
        case advance(Double)
        case screenshot(String)
        case drag(String, to: String)
        case swipe(String, dx: Int, dy: Int)
        /// A headset plugged into the jack (true) or pulled out, as the jack's switch says.
        case headset(Bool)
        /// The control the keys have focused is labelled so (exactly, else containing it).
        case expectFocus(String)
        /// The last thing said aloud contains this text.
        case expectSaid(String)
        /// The last thing said aloud does not contain this text (a name through the speaker).
        case expectNotSaid(String)
    }

    public struct Line: Equatable {
        public var number: Int
        public var text: String
        public var step: Step
    }

    public struct ParseError: Error, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    public var file: String
    public var lines: [Line]

    public static func load(path: String) throws -> Scenario {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ParseError(file: path, line: 0, message: "cannot be read: \(error.localizedDescription)")
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws -> Scenario {
        var lines: [Line] = []
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            do {
                lines.append(Line(number: index + 1, text: trimmed, step: try parseStep(trimmed)))
            } catch let error as StepError {
                throw ParseError(file: file, line: index + 1, message: error.message)
            }
        }
        return Scenario(file: file, lines: lines)
    }

    struct StepError: Error { var message: String }

    /// Splits `tap "Besoin d'aide ?" 3` into words, keeping quoted text whole.
    static func words(_ line: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var hadQuote = false
        for ch in line {
            if ch == "\"" {
                quoted.toggle()
                hadQuote = true
                continue
            }
            if ch == " " && !quoted {
                if !current.isEmpty || hadQuote { words.append(current) }
                current = ""
                hadQuote = false
                continue
            }
            current.append(ch)
        }
        if quoted { throw StepError(message: "a quote is not closed") }
        if !current.isEmpty || hadQuote { words.append(current) }
        return words
    }

    static func parseStep(_ line: String) throws -> Step {
        let w = try words(line)
        guard let verb = w.first else { throw StepError(message: "empty step") }
        let args = Array(w.dropFirst())
        // Finite and at most a day: `advance inf` or `wait-for "x" 1e9` would never end.
        func number(_ s: String) throws -> Double {
            guard let n = Double(s), n.isFinite, n >= 0 else {
                throw StepError(message: "\"\(s)\" is not a number of seconds")
            }
            guard n <= Scenario.longestWait else {
                throw StepError(
                    message:
                        "\(s) seconds is too long; a step waits at most \(Int(Scenario.longestWait)) seconds (a day)")
            }
            return n
        }
        switch (verb, args.count) {
        case ("tap", 1): return .tapLabel(args[0])
        case ("double-tap", 1): return .doubleTap(args[0])
        case ("pace", 1): return .pace(try number(args[0]))
        case ("tap", 2):
            guard let x = Int(args[0]), let y = Int(args[1]) else {
                throw StepError(message: "tap X Y needs two whole numbers")
            }
            return .tapPoint(Point(x: x, y: y))
        case ("type", 1): return .type(args[0])
        case ("key", 1): return .key(try keyNamed(args[0]))
        case ("expect", 1): return .expect(args[0])
        case ("expect-not", 1): return .expectNot(args[0])
        case ("expect-focus", 1): return .expectFocus(args[0])
        case ("expect-said", 1): return .expectSaid(args[0])
        case ("expect-not-said", 1): return .expectNotSaid(args[0])
        case ("wait-for", 2): return .waitFor(args[0], seconds: try number(args[1]))
        case ("advance", 1): return .advance(try number(args[0]))
        case ("drag", 3) where args[1] == "to": return .drag(args[0], to: args[2])
        case ("swipe", 3):
            guard let dx = Int(args[1]), let dy = Int(args[2]) else {
                throw StepError(message: "swipe \"Label\" DX DY needs two whole numbers")
            }
            return .swipe(args[0], dx: dx, dy: dy)
        case ("headset", 1):
            guard ["plugged", "unplugged"].contains(args[0]) else {
                throw StepError(message: "headset takes plugged or unplugged, not \"\(args[0])\"")
            }
            return .headset(args[0] == "plugged")
        case ("screenshot", 1):
            guard !args[0].contains("/"), !args[0].isEmpty else {
                throw StepError(message: "a screenshot name cannot contain \"/\"")
            }
            return .screenshot(args[0])
        default:
            throw StepError(
                message:
                    "unknown step \"\(line)\"; steps are tap, double-tap, type, key, expect, expect-not, "
                    + "expect-focus, expect-said, expect-not-said, wait-for, advance, pace, screenshot, drag, swipe, "
                    + "headset"
            )
        }
    }

    /// Key names: tab, shift-tab, up, down, left, right, enter, space; any other key name
    /// (escape, alt+f4, ctrl+q, ctrl+alt+backspace, alt+tab, …) is a key the kiosk ignores.
    static func keyNamed(_ name: String) throws -> Key {
        if let key = Key(rawValue: name.lowercased()), key != .other { return key }
        let ignored = [
            "escape", "alt+f4", "ctrl+q", "ctrl+w", "ctrl+c", "ctrl+alt+backspace", "alt+tab", "ctrl+alt+delete",
            "super", "f11",
        ]
        guard ignored.contains(name.lowercased()) else {
            throw StepError(
                message:
                    "unknown key \"\(name)\"; known keys: "
                    + "\(Key.allCases.filter { $0 != .other }.map(\.rawValue).joined(separator: ", ")), "
                    + "\(ignored.joined(separator: ", "))"
            )
        }
        return .other
    }
}
