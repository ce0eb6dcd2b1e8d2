import KioskCore

/// Accumulates draw commands and semantic nodes for one screen. Screens lay out in
/// left-to-right coordinates; `build()` mirrors everything for a right-to-left language,
/// so Arabic reads from the right with one layout per screen.
public struct SceneBuilder {
    public let theme: Theme
    public let measurer: TextMeasurer
    public let rightToLeft: Bool
    /// Node that has keyboard focus: it gets a ring.
    public let focusID: String?

    private(set) var commands: [DrawCommand] = []
    private(set) var nodes: [SemanticNode] = []
    private(set) var overflows: [String] = []
    private(set) var cutWords: [String] = []
    private(set) var textSizes: [String: Int] = [:]
    var secretZone: Rect?

    public init(theme: Theme, measurer: TextMeasurer, rightToLeft: Bool, focusID: String?) {
        self.theme = theme
        self.measurer = measurer
        self.rightToLeft = rightToLeft
        self.focusID = focusID
    }

    public var palette: Theme.Palette { theme.palette }

    // MARK: - Shapes

    mutating func fill(_ rect: Rect, _ color: Color) { commands.append(.rect(rect, color)) }

    mutating func rounded(_ rect: Rect, _ color: Color, radius: Int? = nil) {
        commands.append(.roundedRect(rect, radius: radius ?? theme.radius, color))
    }

    /// A rounded rect with a visible border of `width` pixels (outline drawn first).
    mutating func bordered(_ rect: Rect, fill: Color, border: Color, width: Int, radius: Int? = nil) {
        let r = radius ?? theme.radius
        // A border of the fill's own colour is one shape: half the pixels to write.
        if fill == border { return rounded(rect, fill, radius: r) }
        rounded(rect, border, radius: r)
        rounded(rect.inset(by: width), fill, radius: max(0, r - width))
    }

    mutating func icon(_ icon: Icon, in frame: Rect, size: Int, _ color: Color) {
        commands.append(.icon(icon.mirrored(rightToLeft), frame: frame, size: size, color))
    }

    /// A pictogram drawn exactly as named, even in a right-to-left scene (a task that asks
    /// for the "send" arrow must show it as phones do).
    mutating func unmirroredIcon(_ icon: Icon, in frame: Rect, size: Int, _ color: Color) {
        commands.append(.icon(icon, frame: frame, size: size, color))
    }

    mutating func pushClip(_ rect: Rect) { commands.append(.pushClip(rect)) }
    mutating func popClip() { commands.append(.popClip) }

    // MARK: - Text

    /// The height of one line of `text` as it will be set (Arabic lines are taller).
    func lineHeight(_ text: String, size: Int, weight: FontWeight = .regular) -> Int {
        measurer.lineHeight(TextStyle(size: size, weight: weight, rightToLeft: TextDirection.isRightToLeft(text)))
    }

    public enum Align { case leading, center }

    /// Wraps `text` into `box` between words, shrinking from `size` down to the theme's
    /// minimum until it fits; a text that never fits is drawn at the minimum and reported in
    /// `overflows` (and in `cutWords` when a word had to be cut). With larger text the
    /// minimum is the size the normal mode asks for: larger text never draws smaller.
    /// Returns the rect the lines occupy.
    @discardableResult
    mutating func text(
        _ text: String, in box: Rect, size: Int, weight: FontWeight = .regular, _ color: Color,
        align: Align = .leading, centerVertically: Bool = false, maxLines: Int = 6
    ) -> Rect {
        let minimum = minimumSize(for: size)
        var current = size
        var lines: [String] = []
        let direction = TextDirection.isRightToLeft(text)
        var style = TextStyle(size: current, weight: weight, rightToLeft: direction)
        while true {
            style = TextStyle(size: current, weight: weight, rightToLeft: direction)
            lines = TextWrapper.wrap(text, width: box.width, style: style, measurer: measurer)
            let height = lines.count * measurer.lineHeight(style)
            let keepsWords = !TextWrapper.cutsWords(text, into: lines)
            let fits =
                height <= box.height && lines.count <= maxLines && keepsWords
                && lines.allSatisfy { measurer.width(of: $0, style: style) <= box.width }
            if fits { break }
            if current <= minimum {
                overflows.append(text)
                if !keepsWords { cutWords.append(text) }
                break
            }
            current = max(minimum, current - max(1, current / 16))
        }
        textSizes[text] = min(textSizes[text] ?? current, current)
        let lineHeight = measurer.lineHeight(style)
        let total = lines.count * lineHeight
        var y = centerVertically ? box.y + max(0, (box.height - total) / 2) : box.y
        var used = Rect.zero
        for line in lines {
            let w = measurer.width(of: line, style: style)
            let x = align == .center ? box.x + (box.width - w) / 2 : box.x
            commands.append(.text(line, origin: Point(x: x, y: y), style: style, color))
            used = used.union(Rect(x: x, y: y, width: w, height: lineHeight))
            y += lineHeight
        }
        return used
    }

    /// The smallest size a text asked at `size` may shrink to: the theme's minimum, and with
    /// larger text the size the normal mode asks for.
    func minimumSize(for size: Int) -> Int {
        // The theme's own text sizes give their normal size exactly: dividing a rounded size
        // by the scale can land a pixel above it (34 / 1.3 at a scale of 0.625).
        let designs: [Double] = [34, 42, 50, 52, 56, 64, 72, 80]
        let normal =
            designs.filter { theme.px($0 * theme.textScale) == size }.map { theme.px($0) }.min()
            ?? Int((Double(size) / theme.textScale).rounded(.up))
        return min(size, max(theme.minimumTextSize, theme.textScale > 1 ? normal : 0))
    }

    /// Whether every word of `text` fits `width` at the smallest size it may take.
    func wordsFit(_ text: String, width: Int, size: Int, weight: FontWeight) -> Bool {
        let style = TextStyle(
            size: minimumSize(for: size), weight: weight, rightToLeft: TextDirection.isRightToLeft(text))
        return text.split(separator: " ").allSatisfy { measurer.width(of: String($0), style: style) <= width }
    }

    /// Whether `text` fits `box` in whole words at the smallest size it may take (bold).
    func fits(_ text: String, in box: Rect, size: Int, maxLines: Int) -> Bool {
        let style = TextStyle(
            size: minimumSize(for: size), weight: .bold, rightToLeft: TextDirection.isRightToLeft(text))
        let lines = TextWrapper.wrap(text, width: box.width, style: style, measurer: measurer)
        return lines.count <= maxLines && lines.count * measurer.lineHeight(style) <= box.height
            && !TextWrapper.cutsWords(text, into: lines)
            && lines.allSatisfy { measurer.width(of: $0, style: style) <= box.width }
    }

    /// Text plus a `text` or `heading` node, so it is spoken and found by scenarios.
    @discardableResult
    mutating func label(
        _ text: String, id: String, role: SemanticNode.Role = .text, in box: Rect, size: Int,
        weight: FontWeight = .regular, _ color: Color, align: Align = .leading,
        centerVertically: Bool = false, maxLines: Int = 6
    ) -> Rect {
        let used = self.text(
            text, in: box, size: size, weight: weight, color, align: align, centerVertically: centerVertically,
            maxLines: maxLines)
        nodes.append(SemanticNode(id: id, role: role, label: text, frame: used))
        return used
    }

    // MARK: - Controls

    public enum ButtonStyle { case primary, secondary, selected }

    /// How a button arranges its icon and label.
    public enum ButtonShape {
        /// Icon before the label, on one row.
        case row
        /// Icon above the label (tiles and compact top-bar buttons).
        case stacked
        /// The icon alone; the label is only spoken (keyboard keys such as erase).
        case iconOnly
    }

    mutating func button(
        id: String, label: String, icon: Icon?, frame: Rect, style: ButtonStyle, action: Action,
        shape: ButtonShape = .row, role: SemanticNode.Role = .button, selected: Bool = false,
        enabled: Bool = true, missing: String? = nil, textSize: Int? = nil
    ) {
        var (fillColor, textColor): (Color, Color)
        switch style {
        case .primary: (fillColor, textColor) = (palette.primary, palette.onPrimary)
        case .secondary: (fillColor, textColor) = (palette.secondary, palette.onSecondary)
        case .selected: (fillColor, textColor) = (palette.selected, palette.onSelected)
        }
        // Not usable yet: hollow, and a "no entry" sign instead of its pictogram, so more than
        // the colour says it (a row button without a pictogram gets the sign too).
        var icon = icon
        if !enabled && role != .key {
            (fillColor, textColor) = (palette.background, palette.mutedText)
            if icon != nil || shape == .row { icon = .unavailable }
        }
        let border = style == .secondary || (!enabled && role != .key) ? palette.border : fillColor
        bordered(frame, fill: fillColor, border: border, width: theme.px(3))
        let size = textSize ?? theme.buttonSize
        // Keys are narrow: their single letter gets the whole key.
        let pad = role == .key ? theme.px(4) : theme.px(20)
        let inner = frame.inset(dx: pad, dy: role == .key ? theme.px(4) : theme.px(10))
        switch (icon, shape) {
        case (let icon?, .row):
            var rest = inner
            let iconBox = rest.sliceLeft(theme.iconSize, gap: theme.px(16))
            // A narrow button keeps its words whole: the label takes the icon's room.
            guard wordsFit(label, width: rest.width, size: size, weight: .bold) else {
                text(
                    label, in: inner, size: size, weight: .bold, textColor, align: .center, centerVertically: true,
                    maxLines: 3)
                break
            }
            self.icon(icon, in: iconBox, size: theme.iconSize, textColor)
            text(label, in: rest, size: size, weight: .bold, textColor, centerVertically: true, maxLines: 3)
        case (let icon?, .stacked):
            var rest = inner
            let iconSize = min(theme.iconSize, max(theme.px(40), rest.height / 2))
            let iconBox = rest.sliceTop(iconSize, gap: theme.px(4))
            self.icon(icon, in: iconBox, size: iconSize, textColor)
            text(
                label, in: rest, size: size, weight: .bold, textColor, align: .center, centerVertically: true,
                maxLines: 3)
        case (let icon?, .iconOnly):
            let iconSize = min(theme.iconSize, inner.height, inner.width)
            self.icon(icon, in: inner, size: iconSize, textColor)
        case (nil, _):
            text(
                label, in: inner, size: size, weight: .bold, textColor, align: .center, centerVertically: true,
                maxLines: 3)
        }
        var node = SemanticNode(
            id: id, role: role, label: label, frame: frame, enabled: enabled, selected: selected, action: action)
        node.missing = enabled ? nil : missing
        nodes.append(node)
    }

    /// What the control not usable yet that was just tapped needs, in a box under it (above
    /// it when it sits at the bottom), spoken as a status.
    mutating func drawMissing(of id: String?, within area: Rect) {
        guard let id, let node = nodes.first(where: { $0.id == id }), let missing = node.missing else { return }
        let style = TextStyle(size: theme.bodySize, weight: .bold, rightToLeft: TextDirection.isRightToLeft(missing))
        let width = min(area.width, max(node.frame.width, theme.px(700)))
        let lines = TextWrapper.wrap(missing, width: width - theme.px(48), style: style, measurer: measurer).count
        let height = lines * measurer.lineHeight(style) + theme.px(40)
        let x = min(max(area.x, node.frame.maxX - width), area.maxX - width)
        let below = node.frame.maxY + theme.px(12)
        let y = below + height <= area.maxY ? below : max(area.y, node.frame.y - height - theme.px(12))
        let box = Rect(x: x, y: y, width: width, height: height)
        bordered(box, fill: palette.panel, border: palette.problem, width: theme.px(5))
        label(
            missing, id: "missing", role: .status, in: box.inset(by: theme.px(20)), size: theme.bodySize, weight: .bold,
            palette.problem, centerVertically: true)
    }

    // MARK: - Nodes

    mutating func add(_ node: SemanticNode) { nodes.append(node) }

    /// The node `id` shows the person's own details: not said through the speaker.
    mutating func markPersonal(_ id: String) {
        guard let index = nodes.lastIndex(where: { $0.id == id }) else { return }
        nodes[index].personal = true
    }

    /// A modal layer starts: what lies under it can be seen but not touched, focused or spoken.
    /// An opaque modal hides it entirely, so it is not drawn at all.
    mutating func beginModal(opaque: Bool = false) {
        nodes.removeAll()
        secretZone = nil
        // An opaque layer hides what lies under it: its texts are not seen, so neither are
        // their overflows (each screen is audited on its own).
        if opaque {
            commands.removeAll()
            overflows.removeAll()
            cutWords.removeAll()
        }
    }

    // MARK: - Result

    public func build(screenID: String, background: Color) -> Scene {
        var commands = self.commands
        if let focusID, let node = nodes.last(where: { $0.id == focusID }) {
            commands += focusRing(around: node.frame)
        }
        var scene = Scene(
            screenID: screenID, size: theme.size, background: background, commands: commands, nodes: nodes,
            secretZone: secretZone, overflows: overflows, rightToLeft: rightToLeft)
        scene.cutWords = cutWords
        scene.textSizes = textSizes
        scene.focus = nodes.contains { $0.id == focusID } ? focusID : nil
        if rightToLeft { scene = mirror(scene) }
        return scene
    }

    /// The keyboard focus, the same on every kind of control (buttons, keys, tiles, cards,
    /// a diagnostic's choices, list rows): drawn last, over everything, so nothing hides it.
    /// A band of the focus colour (3:1 or more against the background, the panels and the top
    /// bar in both themes; the tests check it) with a band of the background inside it,
    /// so it stands out from the control's own colour too.
    func focusRing(around frame: Rect) -> [DrawCommand] {
        let width = theme.focusWidth
        func frameBands(_ rect: Rect, _ band: Int, _ color: Color) -> [DrawCommand] {
            [
                .rect(Rect(x: rect.x, y: rect.y, width: rect.width, height: band), color),
                .rect(Rect(x: rect.x, y: rect.maxY - band, width: rect.width, height: band), color),
                .rect(Rect(x: rect.x, y: rect.y + band, width: band, height: rect.height - 2 * band), color),
                .rect(Rect(x: rect.maxX - band, y: rect.y + band, width: band, height: rect.height - 2 * band), color),
            ]
        }
        let inner = max(1, width / 2)
        return frameBands(frame.inset(by: -(inner + width)), width, palette.focus)
            + frameBands(frame.inset(by: -inner), inner, palette.background)
    }

    private func mirror(_ scene: Scene) -> Scene {
        let w = theme.size.width
        var result = scene
        result.commands = scene.commands.map { command in
            switch command {
            case .rect(let r, let c): return .rect(r.mirrored(in: w), c)
            case .roundedRect(let r, let radius, let c): return .roundedRect(r.mirrored(in: w), radius: radius, c)
            case .text(let s, let origin, let style, let c):
                let width = measurer.width(of: s, style: style)
                return .text(s, origin: Point(x: w - origin.x - width, y: origin.y), style: style, c)
            case .icon(let icon, let frame, let size, let c):
                return .icon(icon, frame: frame.mirrored(in: w), size: size, c)
            case .pushClip(let r): return .pushClip(r.mirrored(in: w))
            case .popClip: return .popClip
            }
        }
        result.nodes = scene.nodes.map { node in
            var n = node
            n.frame = node.frame.mirrored(in: w)
            return n
        }
        result.secretZone = scene.secretZone?.mirrored(in: w)
        return result
    }
}
