import KioskCore

/// After a long idle: a calm invitation in the three languages. The whole screen is one
/// target, and the touch that wakes the kiosk does nothing else.
enum AttractScreen {
    static func draw(_ b: inout SceneBuilder, context: ViewContext) {
        let theme = b.theme
        let screen = Rect(x: 0, y: 0, width: context.size.width, height: context.size.height)
        b.fill(screen, b.palette.primary)
        var area = screen.inset(by: theme.margin * 2)
        let iconSize = theme.px(260)
        let top = area.sliceTop(area.height * 2 / 5)
        let icon = min(iconSize, top.height)
        b.icon(
            .touch, in: Rect(x: top.x, y: top.maxY - icon, width: top.width, height: icon), size: icon,
            b.palette.onPrimary)
        area.y += theme.gap * 2
        area.height -= theme.gap * 2
        b.text(
            context.policy.siteName, in: area.sliceTop(theme.px(90), gap: theme.gap), size: theme.px(42),
            weight: .bold, b.palette.onPrimary, align: .center)
        for (index, language) in Language.allCases.enumerated() {
            let line = area.sliceTop(theme.px(110), gap: theme.px(10))
            b.text(
                context.catalogue.text(.attractTouch, language), in: line,
                // Nobody has chosen larger text on the attract screen: the normal sizes.
                size: index == 0 ? theme.px(64) : theme.px(42),
                weight: index == 0 ? .bold : .regular, b.palette.onPrimary, align: .center, centerVertically: true)
        }
        b.add(
            SemanticNode(
                id: "attract", role: .button,
                label: context.catalogue.text(.attractTouch, context.policy.defaultLanguage),
                frame: screen, action: .attractTouched))
    }
}
