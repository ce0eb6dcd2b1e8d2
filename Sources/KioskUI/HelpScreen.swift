import KioskCore

/// "Besoin d'aide ?": a person can help, where to find them, and a word about the screen
/// the person came from.
enum HelpScreen {
    static func draw(_ b: inout SceneBuilder, in area: Rect, from: HelpContext, policy: KioskPolicy, t: Texts) {
        let theme = b.theme
        var rest = area
        let titleHeight = b.lineHeight(t(.helpTitle), size: theme.titleSize, weight: .bold)
        var titleRow = rest.sliceTop(titleHeight, gap: theme.gap)
        let iconBox = titleRow.sliceLeft(titleHeight, gap: theme.px(16))
        b.icon(.help, in: iconBox, size: titleHeight, b.palette.primary)
        b.label(
            t(.helpTitle), id: "help-title", role: .heading, in: titleRow, size: theme.titleSize, weight: .bold,
            b.palette.text)

        let cards = rest.rows(2, gap: theme.gap)
        // Card 1: a person, and where.
        card(
            &b, cards[0], icon: .person, id: "help-person", title: t(.helpPerson),
            body: policy.helpDesk.isEmpty ? t(.helpDeskUnknown) : policy.helpDesk)
        // Card 2: about the screen the person came from.
        card(
            &b, cards[1], icon: .info, id: "help-context", title: nil,
            body: from == .home ? t(.helpOnHome) : t(.helpOnAdmin))
    }

    private static func card(
        _ b: inout SceneBuilder, _ frame: Rect, icon: Icon, id: String, title: String?, body: String
    ) {
        let theme = b.theme
        b.bordered(frame, fill: b.palette.panel, border: b.palette.border, width: theme.px(3))
        var inner = frame.inset(by: theme.px(32))
        let iconBox = inner.sliceLeft(theme.px(110), gap: theme.gap)
        b.icon(
            icon, in: Rect(x: iconBox.x, y: iconBox.y, width: iconBox.width, height: theme.px(110)), size: theme.px(96),
            b.palette.primary)
        if let title {
            let titleBox = inner.sliceTop(
                min(inner.height / 2, theme.px(120) * Int(theme.textScale.rounded(.up))), gap: theme.px(12))
            b.label(
                title, id: id + "-title", role: .heading, in: titleBox, size: theme.bodySize, weight: .bold,
                b.palette.text)
        }
        b.label(body, id: id, in: inner, size: theme.bodySize, b.palette.text)
    }
}
