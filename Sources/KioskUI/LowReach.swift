import KioskCore

/// Low reach (issue 13, item 14): on a portrait screen every control, the bar's too, lies in
/// the lower part, within reach of a person in a wheelchair or a child. The screen is laid
/// out as on a 16:10 screen as wide as this one, the shape of 1280×800 that every screen is
/// audited at, and moved down; the upper part, out of reach, only shows where one is: the
/// place's name and the screen's title, large. Why that part: docs/low-reach.md.
public enum LowReach {
    /// The lower part of a portrait screen of `size`, where the controls go: as wide as the
    /// screen and 10/16 of its width high (1080×675 of 1080×1920, 35 % of its height).
    public static func lowerPart(of size: Size) -> Rect {
        let height = min(size.height / 2, size.width * 10 / 16)
        return Rect(x: 0, y: size.height - height, width: size.width, height: height)
    }

    /// The audited size whose layout the low-reach one of `size` is, scaled: 1280×800 for a
    /// portrait screen; nil for a landscape one, whose layout stays (its bar goes to the foot).
    public static func baselineSize(for size: Size) -> Size? {
        size.isPortrait ? Size(width: 1280, height: 800) : nil
    }

    static func view(_ state: KioskState, _ context: ViewContext) -> Scene {
        let lower = lowerPart(of: context.size)
        var inner = context
        inner.size = Size(width: lower.width, height: lower.height)
        // The aidant's pointer is a point of the whole screen.
        var state = state
        if let pointer = state.remote?.pointer {
            state.remote?.pointer = RemotePointer(x: pointer.x, y: pointer.y - lower.y)
        }
        let below = layout(state, inner, screen: context.size).translated(dy: lower.y)
        let upper = upperPart(
            Rect(x: 0, y: 0, width: lower.width, height: lower.y), title: below.nodes.first { $0.role == .heading },
            state: state, context: context)
        var scene = below
        scene.size = context.size
        scene.commands = upper.commands + below.commands
        scene.overflows = upper.overflows + below.overflows
        scene.cutWords = upper.cutWords + below.cutWords
        scene.textSizes = upper.textSizes.merging(below.textSizes, uniquingKeysWith: min)
        return scene
    }

    /// Calm and out of reach: nothing here can be touched, focused or is read aloud twice.
    private static func upperPart(_ area: Rect, title: SemanticNode?, state: KioskState, context: ViewContext)
        -> Scene
    {
        let theme = Theme(size: context.size, largeText: state.largeText, highContrast: state.highContrast)
        var b = SceneBuilder(
            theme: theme, measurer: context.measurer, rightToLeft: state.language.isRightToLeft, focusID: nil)
        b.fill(area, b.palette.background)
        if state.remote?.isSharing == true {
            // The "being watched" frame goes round the whole screen.
            let w = theme.px(12)
            b.fill(Rect(x: area.x, y: area.y, width: area.width, height: w), b.palette.focus)
            b.fill(Rect(x: area.x, y: area.y, width: w, height: area.height), b.palette.focus)
            b.fill(Rect(x: area.maxX - w, y: area.y, width: w, height: area.height), b.palette.focus)
        }
        var rest = area.inset(by: theme.margin * 2)
        let site = rest.sliceTop(rest.height / 4, gap: theme.gap)
        b.text(
            context.policy.siteName, in: site, size: theme.bodySize, weight: .bold, b.palette.mutedText,
            align: .center, centerVertically: true, maxLines: 2)
        if let title {
            b.text(
                title.label, in: rest, size: theme.titleSize, weight: .bold, b.palette.text, align: .center,
                centerVertically: true, maxLines: 8)
        }
        return b.build(screenID: "", background: b.palette.background)
    }
}

extension Scene {
    /// The same scene moved `dy` pixels down: what it draws, its nodes and its hidden zone.
    func translated(dy: Int) -> Scene {
        func move(_ r: Rect) -> Rect { Rect(x: r.x, y: r.y + dy, width: r.width, height: r.height) }
        var scene = self
        scene.commands = commands.map { command in
            switch command {
            case .rect(let r, let c): return .rect(move(r), c)
            case .roundedRect(let r, let radius, let c): return .roundedRect(move(r), radius: radius, c)
            case .text(let s, let origin, let style, let c):
                return .text(s, origin: Point(x: origin.x, y: origin.y + dy), style: style, c)
            case .icon(let icon, let frame, let size, let c): return .icon(icon, frame: move(frame), size: size, c)
            case .pushClip(let r): return .pushClip(move(r))
            case .popClip: return .popClip
            }
        }
        scene.nodes = nodes.map { node in
            var node = node
            node.frame = move(node.frame)
            return node
        }
        scene.secretZone = secretZone.map(move)
        return scene
    }
}
