import KioskCore

/// The bar on every screen: back and home (leading), the place's name, "listen again", the
/// text and colours, help (trailing). The help button never moves: same size, same corner,
/// on every screen.
enum TopBar {
    /// Draws the bar and returns the rect left for the screen's content. `atBottom`: the bar
    /// at the foot of the screen, its line above it (low reach on a landscape screen).
    static func draw(
        _ b: inout SceneBuilder, screen: Screen, voice: Voice, context: ViewContext, t: Texts,
        atBottom: Bool = false
    ) -> Rect {
        let theme = b.theme
        // The bar keeps its size with larger text: it is the same on every screen, and its
        // words stay whole in its fixed height.
        let barText = theme.px(34)
        var rest = Rect(x: 0, y: 0, width: context.size.width, height: context.size.height)
        var bar = atBottom ? rest.sliceBottom(theme.topBarHeight) : rest.sliceTop(theme.topBarHeight)
        b.fill(bar, b.palette.topBar)
        let line = atBottom ? bar.y : bar.maxY - theme.px(3)
        b.fill(Rect(x: bar.x, y: line, width: bar.width, height: theme.px(3)), b.palette.border)
        bar = bar.inset(dx: theme.margin / 2, dy: theme.px(14))
        bar.height -= theme.px(3)
        if atBottom { bar.y += theme.px(3) }

        let help = bar.sliceRight(theme.px(340), gap: theme.gap)
        b.button(
            id: "help", label: t(.help), icon: .help, frame: help, style: .primary, action: .helpTapped,
            textSize: barText)
        // Home and the goodbye are starts: nothing to go back to.
        var isStart = screen == .home
        if case .goodbye = screen { isStart = true }
        // Larger text and stronger colours from every screen (home has them in full).
        let showDisplay = !isStart && screen != .displayOptions && !screen.isAdmin
        let display = showDisplay ? bar.sliceRight(theme.px(150), gap: theme.px(12)) : nil
        // "Listen again" on every person's screen: the screen read from the start.
        let listen = screen.isAdmin ? nil : bar.sliceRight(theme.px(112), gap: theme.px(12))

        if !isStart {
            let back = bar.sliceLeft(theme.px(170), gap: theme.px(12))
            b.button(
                id: "back", label: t(.back), icon: .arrowBack, frame: back, style: .secondary,
                action: .backTapped, shape: .stacked, textSize: barText)
            let home = bar.sliceLeft(theme.px(180), gap: theme.px(12))
            b.button(
                id: "home", label: t(.home), icon: .home, frame: home, style: .secondary,
                action: .homeTapped, shape: .stacked, textSize: barText)
        }
        // After back and home in the focus order, as it is read.
        if let listen {
            b.button(
                id: "listen", label: t(.listenAgain), icon: listenIcon(voice), frame: listen, style: .secondary,
                action: .listenAgainTapped, shape: .iconOnly)
        }
        if let display {
            b.button(
                id: "display", label: t(.display), icon: .textSize, frame: display, style: .secondary,
                action: .displayTapped, shape: .stacked, textSize: barText)
        }
        // The place's name where there is room for it; the hidden admin zone stays.
        if bar.width >= theme.px(200) {
            b.text(
                context.policy.siteName, in: bar, size: barText, weight: .bold, b.palette.onTopBar,
                align: .center, centerVertically: true, maxLines: 3)
        }
        b.secretZone = bar
        return rest
    }

    /// "Listen" shows where the sound goes: the headset, the speaker, or nowhere yet (a tap
    /// turns the voice on).
    static func listenIcon(_ voice: Voice) -> Icon {
        voice.headset ? .headset : voice.on ? .volume : .volumeOff
    }
}
