import KioskCore

/// "Vous êtes toujours là ?" with the seconds left and one big button to stay. It is modal
/// and covers the screen with a plain page: nothing else to read, and a full-screen
/// translucent blend cost 11 ms a frame on the software renderer.
enum IdleOverlay {
    /// `keepVisible`: the saved appointment stays readable under the warning (the person may
    /// be copying it); the panel then takes the lower part of a portrait screen, the right
    /// part of a landscape one, where the ticket screen has its buttons and notes.
    static func draw(
        _ b: inout SceneBuilder, secondsLeft: Int, context: ViewContext, t: Texts, keepVisible: Bool = false
    ) {
        let theme = b.theme
        let screen = Rect(x: 0, y: 0, width: context.size.width, height: context.size.height)
        let panel: Rect
        if keepVisible {
            b.beginModal(opaque: false)
            var rest = screen.inset(by: theme.margin)
            if theme.size.isPortrait {
                panel = rest.sliceBottom(min(rest.height * 3 / 10, theme.px(560)))
            } else {
                // The ticket's right-hand column, under its title: the card on the left stays.
                let top = screen.height * 3 / 10
                panel = Rect(
                    x: screen.midX + theme.gap / 2, y: top, width: rest.maxX - screen.midX - theme.gap / 2,
                    height: rest.maxY - top)
            }
            b.fill(panel.inset(by: -theme.px(12)), b.palette.background)
        } else {
            b.beginModal(opaque: true)
            b.fill(screen, b.palette.background)
            let width = min(screen.width - theme.margin * 2, theme.px(900 * theme.textScale))
            let height = min(screen.height - theme.margin * 2, theme.px(760 * theme.textScale))
            panel = screen.centered(width, height)
        }
        b.bordered(panel, fill: b.palette.panel, border: b.palette.focus, width: theme.px(6))
        var inner = panel.inset(by: theme.px(40))
        if !keepVisible {
            let iconBox = inner.sliceTop(theme.px(120), gap: theme.px(12))
            b.icon(.timer, in: iconBox, size: theme.px(110), b.palette.focus)
        }
        let stay = inner.sliceBottom(theme.buttonHeight, gap: theme.gap)
        let title = inner.sliceTop(inner.height / 2, gap: theme.px(12))
        b.label(
            t(.idleTitle), id: "idle-title", role: .heading, in: title, size: theme.titleSize, weight: .bold,
            b.palette.text, align: .center, centerVertically: true)
        let countdown = t(.idleCountdown, ["seconds": String(secondsLeft)])
        b.label(
            countdown, id: "idle-countdown", role: .status, in: inner, size: theme.bodySize, b.palette.text,
            align: .center)
        b.button(id: "stay", label: t(.idleStay), icon: .check, frame: stay, style: .primary, action: .stayTapped)
    }
}
