import KioskCore

/// After "Finish": goodbye in the person's own language for a few seconds, so their last
/// sight is something they can read; then home in the default language. Everything of the
/// person is already forgotten. A touch anywhere starts again at once.
enum GoodbyeScreen {
    static func draw(_ b: inout SceneBuilder, in area: Rect, t: Texts) {
        let theme = b.theme
        b.add(SemanticNode(id: "goodbye-touch", role: .button, label: t(.home), frame: area, action: .homeTapped))
        var rest = area.inset(by: theme.margin)
        let iconSize = min(theme.px(220), rest.height / 4)
        let top = rest.sliceTop(rest.height / 3)
        b.icon(
            .handshake, in: Rect(x: top.x, y: top.maxY - iconSize, width: top.width, height: iconSize), size: iconSize,
            b.palette.primary)
        rest.y += theme.gap * 2
        rest.height -= theme.gap * 2
        let titleHeight = min(rest.height / 2, b.lineHeight(t(.goodbyeTitle), size: theme.titleSize, weight: .bold) * 2)
        b.label(
            t(.goodbyeTitle), id: "goodbye-title", role: .heading, in: rest.sliceTop(titleHeight, gap: theme.gap),
            size: theme.titleSize, weight: .bold, b.palette.text, align: .center, maxLines: 2)
        b.label(
            t(.goodbyeBody), id: "goodbye-body", in: rest, size: theme.bodySize, b.palette.text, align: .center,
            maxLines: 4)
    }
}
