import Foundation
import KioskCore

/// A platform-free input event: SDL, RFB and scenario steps all become these.
public enum InputEvent: Equatable, Sendable {
    /// A finger or the primary button went down / up at a framebuffer point.
    case pointerDown(Point)
    case pointerUp(Point)
    /// The finger or the mouse moved while down.
    case pointerMoved(Point)
    case key(Key)
    /// Printable text from a physical keyboard or a scanner that types.
    case text(String)
}

/// The keys the kiosk answers to. Every other key is `.other`: it shows someone is there
/// and does nothing else, so no combination (Escape, Alt+F4, Ctrl+Q) can quit.
public enum Key: String, Equatable, Sendable, CaseIterable {
    case tab, shiftTab = "shift-tab", up, down, left, right, enter, space, backspace, other
    /// The keypad's speech key (`*` on a numeric keypad, F1, Help): turns the voice on and
    /// reads the screen, without sight (EAA Annex I; EN 301 549, 5.1.3).
    case speech
    /// Volume keys (`+` and `−` on a numeric keypad, the keyboard's volume keys).
    case volumeUp = "volume-up", volumeDown = "volume-down"
}

/// Turns input events into actions by hit-testing the last scene. A control fires on
/// release over the control it was pressed on; a key moves focus or activates it.
///
/// A newly shown screen is guarded: a control fires only from a press that began on this
/// screen, at least `newScreenGuard` seconds after it appeared. Elderly people double-tap
/// often, and the next screen's main button often sits where the last one was: without the
/// guard the second tap of "Pas de numéro" books without showing "C'est bon ?".
public struct InputRouter: Sendable {
    /// Seconds after a new screen during which a press cannot fire its controls.
    public var newScreenGuard: Double
    /// Bumped by `screenChanged`; a press remembers the screen it began on.
    private var screen = 0
    private var screenShownAt = Date.distantPast
    private var pressScreen = -1
    private var pressedAt = Date.distantPast
    private var pressedNodeID: String?
    /// A control not usable yet, pressed: released over it, it says what it needs.
    private var pressedUnavailableID: String?
    private var pressedInSecretZone = false
    /// Where the press began, while a draggable node is held.
    private var dragStart: Point?
    private var dragMoved = false
    /// The person is using keys (a keyboard or a keypad) rather than touch: a new screen then
    /// puts the focus on its first own control, so the ring and the voice follow them.
    public private(set) var usingKeys = false
    /// A finger moves a little while tapping: below this, a drag is still a tap.
    static let dragThreshold = 24

    public init(newScreenGuard: Double = 0.5) {
        self.newScreenGuard = newScreenGuard
    }

    /// A different screen (or a different question on it) was just shown.
    public mutating func screenChanged(at now: Date) {
        screen += 1
        screenShownAt = now
    }

    /// Whether a control may fire now: pressed on this screen, after the guard.
    private func settled(now: Date) -> Bool {
        pressScreen == screen && pressedAt.timeIntervalSince(screenShownAt) >= newScreenGuard
    }

    public mutating func route(_ event: InputEvent, scene: Scene, focus: String?, now: Date) -> [Action] {
        switch event {
        case .pointerDown(let point):
            usingKeys = false
            pressScreen = screen
            pressedAt = now
            let pressed = scene.node(at: point)
            pressedNodeID = pressed?.id
            pressedUnavailableID = pressed == nil ? scene.unavailableNode(at: point)?.id : nil
            pressedInSecretZone = pressedNodeID == nil && (scene.secretZone?.contains(point) ?? false)
            dragStart = (pressed?.draggable ?? false) ? point : nil
            dragMoved = false
            return [.personActed]

        case .pointerMoved(let point):
            guard let start = dragStart, let id = pressedNodeID else { return [] }
            let (dx, dy) = (point.x - start.x, point.y - start.y)
            if !dragMoved && abs(dx) < Self.dragThreshold && abs(dy) < Self.dragThreshold { return [] }
            dragMoved = true
            return [.dragMoved(id: id, dx: dx, dy: dy)]

        case .pointerUp(let point):
            defer {
                pressedNodeID = nil; pressedUnavailableID = nil; pressedInSecretZone = false; dragStart = nil
                dragMoved = false
            }
            if let start = dragStart, let id = pressedNodeID, dragMoved {
                let under = scene.nodes.last { $0.id != id && $0.frame.contains(point) }
                return [.dragEnded(id: id, dx: point.x - start.x, dy: point.y - start.y, droppedOn: under?.id)]
            }
            let released = scene.node(at: point)
            if let pressed = pressedNodeID, let released, released.id == pressed, let action = released.action {
                return settled(now: now) ? [action] : []
            }
            if let id = pressedUnavailableID, released == nil, scene.unavailableNode(at: point)?.id == id {
                return settled(now: now) ? [.unavailableTapped(id)] : []
            }
            if pressedInSecretZone, released == nil, scene.secretZone?.contains(point) ?? false {
                return [.secretZoneTapped]
            }
            return []

        case .key(.backspace):
            return [.personActed, .keyErased]

        // Never guarded: they change what is heard, not where the person is.
        case .key(.speech):
            return [.personActed, .speechKeyPressed]
        case .key(.volumeUp):
            return [.personActed, .volumeChanged(1)]
        case .key(.volumeDown):
            return [.personActed, .volumeChanged(-1)]

        case .key(let key):
            if key != .other { usingKeys = true }
            // A key pressed twice quickly must not confirm the next screen either.
            let fresh = now.timeIntervalSince(screenShownAt) < newScreenGuard && (key == .enter || key == .space)
            return [.personActed] + (fresh ? [] : keyActions(key, scene: scene, focus: focus))

        case .text(let text):
            return [.personActed, .keyTyped(text)]
        }
    }

    private func keyActions(_ key: Key, scene: Scene, focus: String?) -> [Action] {
        let targets = scene.focusableNodes
        guard !targets.isEmpty else { return [] }
        let current = focus.flatMap { id in targets.firstIndex { $0.id == id } }
        // Nothing focused yet: the first key lands on the screen's first own control.
        func start() -> [Action] { [.focusMoved(scene.entryFocus ?? targets[0].id)] }
        switch key {
        case .tab, .shiftTab:
            guard let current else { return key == .tab ? start() : [.focusMoved(targets[targets.count - 1].id)] }
            let step = key == .tab ? 1 : -1
            return [.focusMoved(targets[(current + step + targets.count) % targets.count].id)]
        case .up, .down, .left, .right:
            guard let current else { return start() }
            return Self.nearest(from: targets[current], toward: key, among: targets).map { [.focusMoved($0.id)] } ?? []
        case .enter, .space:
            guard let current else { return [] }
            let node = targets[current]
            // A control not usable yet says what it needs, as when it is touched.
            if !node.enabled { return [.unavailableTapped(node.id)] }
            return node.action.map { [$0] } ?? []
        case .other, .backspace, .speech, .volumeUp, .volumeDown:
            return []
        }
    }

    /// The control an arrow leads to, as Android's focus finder chooses it: among the controls
    /// lying wholly that way (their near edge past this one's far edge, give or take a quarter
    /// of its size: beside is not below), one in line with this one (their spans overlap
    /// across the move) wins when it is nearer than the other's far edge, and always for left
    /// and right; otherwise the distance ahead counts 13 times its square against the square
    /// of the distance aside. So a keyboard's rows and columns are followed, "up" from a key
    /// reaches the button just above the keyboard before the top bar, and the bar's buttons
    /// lead to each other. Directions are the screen's: a mirrored Arabic screen puts what
    /// comes next in reading order on the left, and the left arrow goes there. None at the
    /// edge: the focus stays.
    static func nearest(from node: SemanticNode, toward key: Key, among targets: [SemanticNode]) -> SemanticNode? {
        /// How a control lies from this one: the distances ahead to its near and far edges,
        /// the distance between their middles aside, and whether they are in line.
        struct Reach { var near, far, aside: Int, inLine: Bool }
        let f = node.frame
        let vertical = key == .up || key == .down
        func measure(_ t: Rect) -> Reach? {
            let slack = vertical ? f.height / 4 : f.width / 4
            let near: Int, far: Int
            switch key {
            case .up:
                guard t.maxY <= f.y + slack, t.midY < f.midY else { return nil }
                (near, far) = (f.y - t.maxY, f.y - t.y)
            case .down:
                guard t.y >= f.maxY - slack, t.midY > f.midY else { return nil }
                (near, far) = (t.y - f.maxY, t.maxY - f.maxY)
            case .left:
                guard t.maxX <= f.x + slack, t.midX < f.midX else { return nil }
                (near, far) = (f.x - t.maxX, f.x - t.x)
            default:
                guard t.x >= f.maxX - slack, t.midX > f.midX else { return nil }
                (near, far) = (t.x - f.maxX, t.maxX - f.maxX)
            }
            let inLine = vertical ? t.x < f.maxX && f.x < t.maxX : t.y < f.maxY && f.y < t.maxY
            let aside = vertical ? abs(t.midX - f.midX) : abs(t.midY - f.midY)
            return Reach(near: max(0, near), far: max(1, far), aside: aside, inLine: inLine)
        }
        func beats(_ a: Reach, _ b: Reach) -> Bool {
            if a.inLine != b.inLine {
                let (line, other) = a.inLine ? (a, b) : (b, a)
                if !vertical || line.near < other.far { return a.inLine }
            }
            return 13 * a.near * a.near + a.aside * a.aside < 13 * b.near * b.near + b.aside * b.aside
        }
        var best: (node: SemanticNode, m: Reach)?
        for target in targets where target.id != node.id {
            guard let m = measure(target.frame) else { continue }
            if best == nil || beats(m, best!.m) { best = (target, m) }
        }
        return best?.node
    }
}
