import KioskCore

/// One screen, ready to draw and to touch: a draw list and the semantic nodes that drive
/// hit-testing, keyboard focus, speech, the scenario runner and `--dump-scene`.
public struct Scene: Equatable, Sendable {
    public var screenID: String
    public var size: Size
    public var background: Color
    public var commands: [DrawCommand]
    public var nodes: [SemanticNode]
    /// The hidden zone where repeated taps open the admin PIN pad (no node covers it).
    public var secretZone: Rect?
    /// Texts that did not fit their box even at the smallest allowed size. Empty on every
    /// shipped screen; the layout tests assert it.
    public var overflows: [String]
    /// Texts with a word cut between two lines even at the smallest allowed size ("Continu/er").
    public var cutWords: [String] = []
    /// The size each text was drawn at (the smallest, if drawn more than once): the layout
    /// audit checks that larger text never draws a text smaller than the normal mode does.
    public var textSizes: [String: Int] = [:]
    /// Laid out right to left (Arabic): arrow keys follow the reading direction.
    public var rightToLeft: Bool
    /// The node with the keyboard focus (ringed), if any.
    public var focus: String?

    public init(
        screenID: String, size: Size, background: Color, commands: [DrawCommand] = [],
        nodes: [SemanticNode] = [], secretZone: Rect? = nil, overflows: [String] = [],
        rightToLeft: Bool = false
    ) {
        self.rightToLeft = rightToLeft
        self.screenID = screenID
        self.size = size
        self.background = background
        self.commands = commands
        self.nodes = nodes
        self.secretZone = secretZone
        self.overflows = overflows
    }

    /// Nodes a person can activate, in reading (and focus) order.
    public var interactiveNodes: [SemanticNode] { nodes.filter { $0.action != nil && $0.enabled } }

    /// Nodes the keys can reach, in reading (and Tab) order: the usable controls, and those
    /// not usable yet that say what they need (Enter on one says it, as a touch does).
    public var focusableNodes: [SemanticNode] {
        Self.readingOrder(nodes.filter { $0.action != nil && ($0.enabled || $0.missing != nil) }, rightToLeft)
    }

    /// Nodes as a person reads the screen: row by row from the top (a node whose middle lies
    /// within the first node of a row belongs to that row), each row from the left, or from
    /// the right in a right-to-left language. The order the screens add their nodes in is not
    /// always this (home adds its tiles last).
    static func readingOrder(_ nodes: [SemanticNode], _ rightToLeft: Bool) -> [SemanticNode] {
        var rows: [[SemanticNode]] = []
        for node in nodes.sorted(by: { ($0.frame.midY, $0.frame.x) < ($1.frame.midY, $1.frame.x) }) {
            if let first = rows.last?.first, node.frame.midY < first.frame.maxY {
                rows[rows.count - 1].append(node)
            } else {
                rows.append([node])
            }
        }
        return rows.flatMap { row in
            row.sorted { a, b in
                rightToLeft
                    ? (-a.frame.maxX, a.frame.midY) < (-b.frame.maxX, b.frame.midY)
                    : (a.frame.x, a.frame.midY) < (b.frame.x, b.frame.midY)
            }
        }
    }

    /// Where the focus starts on this screen: its first own usable control in reading order
    /// (not the top bar's); nil when it has none (yet: times still being looked for).
    public var entryFocus: String? {
        focusableNodes.first { $0.enabled && !SemanticNode.chromeIDs.contains($0.id) }?.id
    }

    /// The top-most enabled interactive (or draggable) node under `point`.
    public func node(at point: Point) -> SemanticNode? {
        nodes.last { ($0.action != nil || $0.draggable) && $0.enabled && $0.frame.contains(point) }
    }

    public func node(id: String) -> SemanticNode? { nodes.first { $0.id == id } }

    /// The top-most control under `point` that is not usable yet but says what it needs.
    public func unavailableNode(at point: Point) -> SemanticNode? {
        nodes.last { $0.action != nil && !$0.enabled && $0.missing != nil && $0.frame.contains(point) }
    }

    /// Every text a person can see, in order: node labels and drawn text lines.
    public var visibleTexts: [String] {
        var seen: [String] = []
        for node in nodes where !node.label.isEmpty && !seen.contains(node.label) { seen.append(node.label) }
        for case .text(let s, _, _, _) in commands where !seen.contains(s) { seen.append(s) }
        return seen
    }
}

/// A thing on screen as a person (or a screen reader) meets it.
public struct SemanticNode: Equatable, Sendable {
    /// The top bar's controls, the same on every screen.
    public static let chromeIDs: Set<String> = ["help", "back", "home", "display", "listen"]

    public enum Role: String, Sendable {
        /// `key`: a key of an on-screen keyboard (its own, smaller minimum size).
        case button, toggle, heading, text, image, status, key
    }

    public var id: String
    public var role: Role
    public var label: String
    public var frame: Rect
    public var enabled: Bool
    /// For toggles and choices: whether it is on / the current one.
    public var selected: Bool
    /// What activating it does; nil for text.
    public var action: Action?
    /// Whether a finger can drag it (hands-on tasks): moves become `.dragMoved`.
    public var draggable: Bool
    /// For a control not usable yet: what is missing, shown and said when it is tapped.
    public var missing: String? = nil
    /// It shows the person's own details (first name, phone number): they are said only
    /// into a headset or when the person chose to hear them (EN 301 549, 5.1.3.9).
    public var personal = false

    public init(
        id: String, role: Role, label: String, frame: Rect, enabled: Bool = true,
        selected: Bool = false, action: Action? = nil, draggable: Bool = false
    ) {
        self.draggable = draggable
        self.id = id
        self.role = role
        self.label = label
        self.frame = frame
        self.enabled = enabled
        self.selected = selected
        self.action = action
    }
}
