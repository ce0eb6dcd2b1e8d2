import Foundation
import KioskCore
import KioskUI

/// Plays a scenario against a kiosk whose clock it owns: `advance 120` takes microseconds.
/// Every step renders for real; screenshots are the framebuffer.
public final class ScenarioRunner {
    public struct Failure: Error, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var step: String
        public var message: String
        public var screen: String
        public var texts: [String]

        public var description: String {
            "\(file):\(line): \(step)\n  \(message)\n  on screen \"\(screen)\": "
                + "\(texts.map { "\"\($0)\"" }.joined(separator: ", "))"
        }
    }

    let kiosk: Kiosk
    let clock: ManualClock
    let screenshotDirectory: URL?
    /// Seconds a person takes before each gesture (`pace` changes it): time passes between
    /// steps as it does at the screen, so the new-screen guard and the idle timer see real
    /// gaps. Typing goes faster: a quarter of it per key.
    public var pace: Double = 1.2
    /// Each distinct screen reached, in order, for `--dump-scene`.
    public private(set) var reachedScenes: [Scene] = []
    public private(set) var screenshots: [URL] = []

    public init(kiosk: Kiosk, clock: ManualClock, screenshotDirectory: URL?) {
        self.kiosk = kiosk
        self.clock = clock
        self.screenshotDirectory = screenshotDirectory
        recordScene()
    }

    public func run(_ scenario: Scenario) throws {
        kiosk.render()
        for line in scenario.lines {
            do {
                try perform(line.step)
                settle()
            } catch let error as StepFailure {
                throw Failure(
                    file: scenario.file, line: line.number, step: line.text, message: error.message,
                    screen: kiosk.scene.screenID, texts: kiosk.scene.visibleTexts)
            }
            kiosk.render()
            recordScene()
        }
    }

    struct StepFailure: Error { var message: String }

    /// With a background worker (as in the live kiosk), waits for the effects a step started
    /// and feeds back what they answered, so the next step sees their outcome. An inline
    /// worker has done that already.
    private func settle() {
        guard kiosk.worker.mode == .background else { return }
        repeat {
            kiosk.worker.waitUntilIdle()
            kiosk.takeWorkerResults()
        } while kiosk.worker.hasPendingJobs
    }

    private func perform(_ step: Scenario.Step) throws {
        switch step {
        case .tapLabel(let label):
            let node = try find(label)
            takeTime()
            tap(Point(x: node.frame.midX, y: node.frame.midY))
        case .doubleTap(let label):
            let node = try find(label)
            let point = Point(x: node.frame.midX, y: node.frame.midY)
            takeTime()
            tap(point)
            kiosk.render()
            advance(to: clock.now.addingTimeInterval(0.15))
            tap(point)
        case .tapPoint(let point):
            takeTime()
            tap(point)
        case .type(let text):
            // The hand goes to the keyboard, then the keys follow each other faster.
            for (index, ch) in text.enumerated() {
                takeTime(index == 0 ? pace : pace / 4)
                try typeOnScreen(ch)
            }
        case .pace(let seconds):
            pace = seconds
        case .drag(let from, let to):
            takeTime()
            let start = try findAny(from), end = try findAny(to)
            slide(
                from: Point(x: start.frame.midX, y: start.frame.midY), to: Point(x: end.frame.midX, y: end.frame.midY))
        case .swipe(let label, let dx, let dy):
            takeTime()
            let node = try findAny(label)
            let start = Point(x: node.frame.midX, y: node.frame.midY)
            slide(from: start, to: Point(x: start.x + dx, y: start.y + dy))
        case .key(let key):
            takeTime(pace / 4)
            kiosk.handle(.key(key))
        case .expect(let text):
            guard isVisible(text) else { throw StepFailure(message: "\"\(text)\" is not on screen") }
        case .expectNot(let text):
            guard !isVisible(text) else { throw StepFailure(message: "\"\(text)\" is on screen and should not be") }
        case .expectFocus, .expectSaid, .expectNotSaid:
            try check(step)
        case .waitFor(let text, let seconds):
            let end = clock.now.addingTimeInterval(seconds)
            while !isVisible(text) {
                guard clock.now < end else {
                    throw StepFailure(message: "\"\(text)\" did not appear within \(seconds) s")
                }
                advance(to: min(end, clock.now.addingTimeInterval(0.25)))
            }
        case .advance(let seconds):
            advance(to: clock.now.addingTimeInterval(seconds))
        case .headset(let plugged):
            takeTime(pace / 4)
            kiosk.send(.headsetChanged(plugged))
        case .screenshot(let name):
            guard let directory = screenshotDirectory else { return }
            let url = directory.appendingPathComponent("\(name).png")
            kiosk.render()
            do {
                try kiosk.renderer.savePNG(to: url.path)
            } catch {
                throw StepFailure(message: "cannot write \(url.path): \(error)")
            }
            screenshots.append(url)
        }
    }

    /// What the keys focused and what was said last.
    private func check(_ step: Scenario.Step) throws {
        let said = kiosk.lastAnnouncement ?? ""
        switch step {
        case .expectFocus(let label):
            let focused = kiosk.state.focus.flatMap { kiosk.scene.node(id: $0) }
            guard let focused, plain(focused.label) == plain(label) || plain(focused.label).contains(plain(label))
            else {
                throw StepFailure(
                    message: "the focus is on \(focused.map { "\"\($0.label)\"" } ?? "nothing"), not \"\(label)\"")
            }
        case .expectSaid(let text):
            guard plain(said).contains(plain(text)) else {
                throw StepFailure(message: "the last thing said does not contain \"\(text)\": \"\(said)\"")
            }
        case .expectNotSaid(let text):
            guard !plain(said).contains(plain(text)) else {
                throw StepFailure(message: "the last thing said contains \"\(text)\" and should not: \"\(said)\"")
            }
        default:
            break
        }
    }

    /// The person looks and moves their hand: the clock runs on (deadlines on the way fire).
    private func takeTime(_ seconds: Double? = nil) {
        let delay = seconds ?? pace
        if delay > 0 { advance(to: clock.now.addingTimeInterval(delay)) }
    }

    /// A finger pressed at `from`, moved in small steps to `to`, and lifted.
    private func slide(from: Point, to: Point) {
        kiosk.handle(.pointerDown(from))
        for i in 1...8 {
            kiosk.handle(.pointerMoved(Point(x: from.x + (to.x - from.x) * i / 8, y: from.y + (to.y - from.y) * i / 8)))
        }
        kiosk.handle(.pointerUp(to))
    }

    /// Any node (touchable or not) whose label is `label`, else contains it.
    private func findAny(_ label: String) throws -> SemanticNode {
        let nodes = kiosk.scene.nodes.filter { !$0.label.isEmpty }
        let exact = nodes.filter { plain($0.label) == plain(label) }
        if let one = exact.first, exact.count == 1 { return one }
        let partial = nodes.filter { plain($0.label).contains(plain(label)) }
        if let one = partial.first, partial.count == 1 { return one }
        throw StepFailure(
            message:
                "no single thing on screen is labelled \"\(label)\"; "
                + "labels: \(nodes.map { "\"\($0.label)\"" }.joined(separator: ", "))"
        )
    }

    private func tap(_ point: Point) {
        kiosk.handle(.pointerDown(point))
        kiosk.handle(.pointerUp(point))
    }

    /// Texts as a scenario writes them: French puts a no-break space before "?" and ":" so
    /// they never start a line; a scenario types an ordinary space.
    private func plain(_ text: String) -> String { text.replacingOccurrences(of: "\u{00A0}", with: " ") }

    private func isVisible(_ text: String) -> Bool {
        kiosk.scene.visibleTexts.contains { plain($0).contains(plain(text)) }
    }

    /// The interactive node whose label equals `label`, else the only one that contains it.
    /// Taps the on-screen key that types `ch`: its own key, or shift then the key, or space.
    private func typeOnScreen(_ ch: Character) throws {
        let keys = kiosk.scene.interactiveNodes
        func tapNode(_ node: SemanticNode) { tap(Point(x: node.frame.midX, y: node.frame.midY)) }
        if ch == " " {
            // A keypad has no space: a person types the digits alone.
            if let space = keys.first(where: { $0.id == "key-space" }) { tapNode(space) }
            return
        }
        if let key = keys.first(where: { $0.role == .key && $0.label == String(ch) }) { return tapNode(key) }
        let lower = String(ch).lowercased(), upper = String(ch).uppercased()
        if let shift = keys.first(where: { $0.id == "key-shift" }),
            keys.contains(where: { $0.role == .key && ($0.label == lower || $0.label == upper) })
        {
            tapNode(shift)
            if let key = kiosk.scene.interactiveNodes.first(where: { $0.role == .key && $0.label == String(ch) }) {
                return tapNode(key)
            }
        }
        tapNode(try find(String(ch), exactOnly: true))
    }

    private func find(_ label: String, exactOnly: Bool = false) throws -> SemanticNode {
        // A control not usable yet can be tapped too: it says what it needs.
        let nodes = kiosk.scene.nodes.filter { $0.action != nil && ($0.enabled || $0.missing != nil) }
        let exact = nodes.filter { plain($0.label) == plain(label) }
        if exact.count == 1 { return exact[0] }
        if exact.count > 1 {
            throw StepFailure(
                message: "\"\(label)\" is ambiguous: \(exact.map { "\($0.id) at \($0.frame)" }.joined(separator: ", "))"
            )
        }
        let partial = exactOnly ? [] : nodes.filter { plain($0.label).contains(plain(label)) }
        if partial.count == 1 { return partial[0] }
        if partial.count > 1 {
            throw StepFailure(
                message:
                    "\"\(label)\" is ambiguous; "
                    + "candidates: \(partial.map { "\"\($0.label)\"" }.joined(separator: ", "))"
            )
        }
        throw StepFailure(
            message:
                "nothing to tap is labelled \"\(label)\"; "
                + "targets: \(nodes.map { "\"\($0.label)\"" }.joined(separator: ", "))"
        )
    }

    /// Moves the clock to `target`, stopping at each deadline on the way so that every
    /// warning is shown before its reset, as it would be in real time.
    private func advance(to target: Date) {
        var previous: Date?
        while let deadline = kiosk.nextDeadline(), deadline <= target {
            // A deadline that does not move after its tick would spin here for ever.
            if let previous, deadline <= previous { break }
            previous = deadline
            clock.now = max(clock.now, deadline)
            kiosk.tick()
            kiosk.render()
            recordScene()
        }
        clock.now = target
        kiosk.tick()
    }

    private func recordScene() {
        if reachedScenes.last?.screenID != kiosk.scene.screenID
            || reachedScenes.last?.nodes.map(\.label) != kiosk.scene.nodes.map(\.label)
        {
            if reachedScenes.last?.screenID == kiosk.scene.screenID {
                reachedScenes[reachedScenes.count - 1] = kiosk.scene
            } else {
                reachedScenes.append(kiosk.scene)
            }
        }
    }
}

/// A clock that moves only when told to. Scenario runs and tests use it.
public final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(now: Date = Date(timeIntervalSince1970: 1_795_000_000)) { current = now }

    /// Read from the loop and the store's worker, moved by the scenario runner: under a lock.
    public var now: Date {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }
}
