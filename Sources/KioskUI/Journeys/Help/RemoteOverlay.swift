import KioskCore

/// What remote help adds on top of any screen: the questions before anyone sees or touches,
/// and while someone is connected, a coloured frame, a banner with their name and what they
/// may do, and a large "Arrêter l'aide" that is always there, even under the other overlays.
public enum RemoteOverlay {
    /// The height the banner takes at the bottom of the screen (0: no banner); the screens
    /// are laid out above it, so it never covers a control.
    public static func bannerHeight(_ state: KioskState, theme: Theme) -> Int {
        guard let session = state.remote, session.isSharing else { return 0 }
        return bannerHeight(theme: theme)
    }

    /// Rows of the smallest target size, whatever the text size: the screen above keeps
    /// room for its own controls (home with four tiles and larger text, say).
    static func bannerHeight(theme: Theme) -> Int {
        let rows = theme.size.isPortrait ? 2 : 1
        return rowHeight(theme) * rows + theme.px(16) * (rows + 1) + theme.px(12)
    }

    static func rowHeight(_ theme: Theme) -> Int { theme.minimumTarget + theme.px(6) }

    static func draw(_ b: inout SceneBuilder, state: KioskState, context: ViewContext, t: Texts) {
        guard let session = state.remote else { return }
        let name = session.aidant.isEmpty ? t(.remoteAnAidant) : session.aidant
        switch session.phase {
        case .askingView:
            question(
                &b, context: context, name: name, title: t(.remoteAskView),
                detail: t(.remoteAskViewDetail, ["code": session.code ?? "—"]), icon: .visibility,
                yes: .help(.viewAllowedTapped), no: .help(.viewRefusedTapped), t: t)
        case .askingControl:
            // Above the banner, whose "Arrêter l'aide" stays within reach.
            var above = context
            above.size.height -= bannerHeight(theme: b.theme)
            question(
                &b, context: above, name: name, title: t(.remoteAskControl), detail: t(.remoteAskControlDetail),
                icon: .panTool, yes: .help(.controlAllowedTapped), no: .help(.controlRefusedTapped), t: t)
            banner(&b, session: session, name: name, context: context, t: t)
        case .viewing, .controlling:
            banner(&b, session: session, name: name, context: context, t: t)
        case .ended:
            endedNotice(&b, context: context, t: t)
        }
    }

    // MARK: - The questions

    private static func question(
        _ b: inout SceneBuilder, context: ViewContext, name: String, title: String, detail: String, icon: Icon,
        yes: Action, no: Action, t: Texts
    ) {
        let theme = b.theme
        let screen = Rect(x: 0, y: 0, width: context.size.width, height: context.size.height)
        b.beginModal(opaque: true)
        b.fill(screen, b.palette.background)
        // The whole page: nothing else to read, room for larger text.
        let panel = screen.inset(by: theme.margin)
        b.bordered(panel, fill: b.palette.panel, border: b.palette.focus, width: theme.px(8))
        var inner = panel.inset(by: theme.px(32))
        let iconSide = min(theme.px(140), inner.height / 8)
        b.icon(icon, in: inner.sliceTop(iconSide, gap: theme.px(12)), size: iconSide, b.palette.focus)
        let buttons = inner.sliceBottom(theme.buttonHeight, gap: theme.gap)
        // The name on a line of its own: a Latin name in an Arabic sentence keeps its own
        // script and direction.
        let nameBox = inner.sliceTop(inner.height * 3 / 10, gap: theme.px(8))
        b.label(
            name, id: "remote-aidant", role: .heading, in: nameBox, size: theme.titleSize, weight: .bold,
            b.palette.focus, align: .center, centerVertically: true, maxLines: 3)
        let titleBox = inner.sliceTop(inner.height * 1 / 2, gap: theme.px(12))
        b.label(
            title, id: "remote-question", role: .heading, in: titleBox, size: theme.titleSize, weight: .bold,
            b.palette.text, align: .center, centerVertically: true)
        b.label(detail, id: "remote-detail", in: inner, size: theme.bodySize, b.palette.text, align: .center)
        let halves = buttons.columns(2, gap: theme.gap)
        // "Non" first, in the reading direction: saying no is as easy as saying yes.
        b.button(id: "remote-no", label: t(.remoteNo), icon: .close, frame: halves[0], style: .secondary, action: no)
        b.button(id: "remote-yes", label: t(.remoteYes), icon: .check, frame: halves[1], style: .primary, action: yes)
    }

    // MARK: - While someone is connected

    private static func banner(
        _ b: inout SceneBuilder, session: RemoteSession, name: String, context: ViewContext, t: Texts
    ) {
        let theme = b.theme
        let height = bannerHeight(theme: theme)
        let full = Rect(x: 0, y: 0, width: context.size.width, height: context.size.height)
        var area = Rect(x: 0, y: full.maxY - height, width: full.width, height: height)
        b.fill(area, b.palette.focus)
        frame(&b, full, width: theme.px(12), color: b.palette.focus)
        area = area.inset(dx: theme.margin / 2 + theme.px(12), dy: theme.px(16))
        area.height -= theme.px(12)
        // Portrait: who and what on the first row, the two buttons under it; landscape: one row.
        var info = theme.size.isPortrait ? area.sliceTop(rowHeight(theme), gap: theme.px(16)) : area
        var buttons = theme.size.isPortrait ? area : info.sliceRight(min(info.width / 2, theme.px(900)), gap: theme.gap)
        let stop = buttons.sliceRight((buttons.width - theme.gap) / 2, gap: theme.gap)
        let second = buttons
        let warning = session.capSecondsLeft
        let controlling = session.phase == .controlling
        let text = warning.map { t(.remoteCapWarning, ["seconds": String($0)]) }
        let iconSide = min(info.height, theme.iconSize)
        b.icon(
            controlling ? .panTool : .visibility, in: info.sliceLeft(iconSide, gap: theme.px(16)), size: iconSide,
            b.palette.background)
        // Who, then what they may do: two labels, each in its own script and direction.
        let who = info.sliceTop(info.height / 2)
        // The banner keeps the normal sizes (its rows do not grow with larger text).
        let size = theme.px(34)
        b.label(
            text ?? name, id: "remote-banner", role: .status, in: who, size: size, weight: .bold,
            b.palette.background, centerVertically: true, maxLines: 1)
        b.label(
            text == nil ? t(controlling ? .remoteControlling : .remoteViewing) : name, id: "remote-mode",
            role: .status, in: info, size: size, b.palette.background, centerVertically: true, maxLines: 1)
        if warning != nil {
            b.button(
                id: "remote-extend", label: t(.remoteExtend), icon: .timer, frame: second, style: .secondary,
                action: .help(.extendTapped), textSize: size)
        } else if controlling {
            b.button(
                id: "remote-take-back", label: t(.remoteTakeBack), icon: .touch, frame: second, style: .secondary,
                action: .help(.controlWithdrawnTapped), textSize: size)
        } else if session.phase == .viewing {
            b.button(
                id: "remote-let-touch", label: t(.remoteLetTouch), icon: .panTool, frame: second, style: .secondary,
                action: .help(.controlOfferTapped), textSize: size)
        }
        b.button(
            id: "remote-stop", label: t(.remoteStop), icon: .stopScreenShare, frame: stop, style: .primary,
            action: .help(.stopTapped), textSize: size)
        if let pointer = session.pointer, session.phase == .viewing {
            // "Look here": where the aidant points, drawn for the person (it presses nothing).
            let side = theme.px(140)
            let x = b.rightToLeft ? context.size.width - pointer.x : pointer.x
            b.unmirroredIcon(
                .ring, in: Rect(x: x - side / 2, y: pointer.y - side / 2, width: side, height: side), size: side,
                b.palette.focus)
        }
    }

    private static func frame(_ b: inout SceneBuilder, _ rect: Rect, width: Int, color: Color) {
        b.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: width), color)
        b.fill(Rect(x: rect.x, y: rect.y, width: width, height: rect.height), color)
        b.fill(Rect(x: rect.maxX - width, y: rect.y, width: width, height: rect.height), color)
    }

    // MARK: - Afterwards

    private static func endedNotice(_ b: inout SceneBuilder, context: ViewContext, t: Texts) {
        let theme = b.theme
        let screen = Rect(x: 0, y: 0, width: context.size.width, height: context.size.height)
        b.beginModal(opaque: true)
        b.fill(screen, b.palette.background)
        // Larger text gets a larger panel (the sentence keeps its size and its words).
        let width = min(screen.width - theme.margin * 2, theme.px(900 * theme.textScale))
        let height = min(screen.height - theme.margin * 2, theme.px(700 * theme.textScale))
        let panel = screen.centered(width, height)
        b.bordered(panel, fill: b.palette.panel, border: b.palette.border, width: theme.px(6))
        var inner = panel.inset(by: theme.px(40))
        b.icon(
            .stopScreenShare, in: inner.sliceTop(theme.px(130), gap: theme.px(12)), size: theme.px(120),
            b.palette.primary)
        let ok = inner.sliceBottom(theme.buttonHeight, gap: theme.gap)
        b.label(
            t(.remoteEnded), id: "remote-ended", role: .heading, in: inner, size: theme.titleSize, weight: .bold,
            b.palette.text, align: .center, centerVertically: true)
        b.button(
            id: "remote-ended-ok", label: t(.remoteEndedOk), icon: .check, frame: ok, style: .primary,
            action: .help(.endedSeenTapped))
    }

    // MARK: - What the viewer sees before the yes

    /// The picture a viewer gets while the screen is not shared: the person has not said yes
    /// yet, or the screen is private (the admin's). Nothing of the kiosk's screen is in it.
    public static func placeholder(paused: Bool, context: ViewContext) -> Scene {
        let theme = Theme(size: context.size, largeText: false, highContrast: false)
        var b = SceneBuilder(theme: theme, measurer: context.measurer, rightToLeft: false, focusID: nil)
        let screen = Rect(x: 0, y: 0, width: context.size.width, height: context.size.height)
        b.fill(screen, b.palette.topBar)
        var inner = screen.centered(min(screen.width - theme.margin * 2, theme.px(900)), theme.px(700))
        b.icon(
            paused ? .lock : .visibility, in: inner.sliceTop(theme.px(160), gap: theme.gap), size: theme.px(150),
            b.palette.onTopBar)
        let key: TextKey = paused ? .remotePaused : .remoteWaitingConsent
        let lines = [Language.fr, .en].map { context.catalogue.text(key, $0) }.joined(separator: "\n")
        for (index, line) in lines.split(separator: "\n").enumerated() {
            let box = inner.sliceTop(theme.px(140), gap: theme.px(12))
            b.label(
                String(line), id: "placeholder-\(index)", in: box, size: theme.bodySize,
                weight: index == 0 ? .bold : .regular,
                b.palette.onTopBar, align: .center, centerVertically: true)
        }
        return b.build(screenID: paused ? "remote-paused" : "remote-waiting", background: b.palette.topBar)
    }
}
