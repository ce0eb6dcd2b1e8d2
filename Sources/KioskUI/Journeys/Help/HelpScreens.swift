import KioskCore

/// "Besoin d'aide ?": a person here, an aidant from afar, and what to do when nobody comes.
/// One big action per kind of help, each with its picture.
enum HelpScreens {
    static func draw(
        _ b: inout SceneBuilder, in area: Rect, step: HelpStep, state: KioskState, context: ViewContext, t: Texts
    ) {
        switch step {
        case .choose(let from):
            drawChoose(&b, in: area, from: from, offers: state.help?.offers ?? [], policy: context.policy, t: t)
        case .looking: drawLooking(&b, in: area, help: state.help, t: t)
        case .nobodyCame: drawNobody(&b, in: area, policy: context.policy, content: context.content, t: t)
        }
    }

    private static func title(_ b: inout SceneBuilder, _ rest: inout Rect, _ text: String, icon: Icon) {
        let theme = b.theme
        let height = b.lineHeight(text, size: theme.titleSize, weight: .bold)
        var row = rest.sliceTop(height * 2, gap: theme.gap)
        let iconBox = row.sliceLeft(height, gap: theme.px(16))
        b.icon(icon, in: iconBox, size: height, b.palette.primary)
        b.label(
            text, id: "help-title", role: .heading, in: row, size: theme.titleSize, weight: .bold, b.palette.text,
            centerVertically: true, maxLines: 2)
    }

    static func drawChoose(
        _ b: inout SceneBuilder, in area: Rect, from: HelpContext, offers: [HelpKind], policy: KioskPolicy, t: Texts
    ) {
        let theme = b.theme
        var rest = area
        title(&b, &rest, t(.helpTitle), icon: .help)
        // Wide screens: the word about this screen on the right, the help on the left.
        let context =
            theme.size.isPortrait
            ? rest.sliceBottom(min(rest.height / 4, theme.px(300)), gap: theme.gap)
            : rest.sliceRight(rest.width * 9 / 20, gap: theme.gap)
        // Staff here: a button when a hook can call them, else where the desk is.
        let here = offers.contains(.here)
        let count = offers.contains(.remote) ? 2 : 1
        // Side by side when the screen is wide: each choice keeps its full height.
        let slots = theme.size.isPortrait ? rest.rows(count, gap: theme.gap) : rest.columns(count, gap: theme.gap)
        if here {
            choice(
                &b, slots[0], id: "help-here", label: t(.helpHere), detail: t(.helpHereDetail), icon: .person,
                action: .help(.personHereTapped))
        } else {
            card(
                &b, slots[0], icon: .person, id: "help-person", title: t(.helpPerson),
                body: policy.helpDesk.isEmpty ? t(.helpDeskUnknown) : policy.helpDesk)
        }
        if offers.contains(.remote) {
            choice(
                &b, slots[1], id: "help-remote", label: t(.helpRemote), detail: t(.helpRemoteDetail),
                icon: .screenShare, action: .help(.remoteTapped))
        }
        card(
            &b, context, icon: .info, id: "help-context", title: nil,
            body: from == .home ? t(.helpOnHome) : t(.helpOnAdmin))
    }

    /// A large choice: the button with its picture, and one line saying what happens.
    private static func choice(
        _ b: inout SceneBuilder, _ frame: Rect, id: String, label: String, detail: String, icon: Icon, action: Action
    ) {
        let theme = b.theme
        var rest = frame
        let button = rest.sliceTop(
            min(rest.height / 2, max(theme.buttonHeight * 3 / 2, theme.px(240))), gap: theme.px(12))
        b.button(id: id, label: label, icon: icon, frame: button, style: .primary, action: action, shape: .stacked)
        b.label(detail, id: id + "-detail", in: rest, size: theme.bodySize, b.palette.text, align: .center, maxLines: 3)
    }

    static func drawLooking(_ b: inout SceneBuilder, in area: Rect, help: HelpJourney?, t: Texts) {
        let theme = b.theme
        var rest = area
        title(&b, &rest, t(.helpLookingTitle), icon: .supportAgent)
        let remote = help?.kind == .remote
        let bodyHeight = min(rest.height / 3, theme.px(320))
        let body = rest.sliceTop(bodyHeight, gap: theme.gap)
        b.label(
            remote ? t(.helpLookingRemote) : t(.helpLookingHere), id: "help-looking", in: body, size: theme.bodySize,
            b.palette.text)
        if remote, let code = help?.ticket?.code {
            let box = rest.sliceTop(theme.px(220), gap: theme.gap)
            b.bordered(box, fill: b.palette.panel, border: b.palette.primary, width: theme.px(6))
            // Spaced digits, read one by one, as on the phone.
            let spaced = code.map(String.init).joined(separator: " ")
            b.label(
                spaced, id: "help-code", role: .status, in: box.inset(by: theme.px(20)), size: theme.px(110),
                weight: .bold, b.palette.text, align: .center, centerVertically: true, maxLines: 1)
        }
        b.label(t(.helpLookingWait), id: "help-wait", in: rest, size: theme.bodySize, b.palette.text)
    }

    /// Nobody came: where the desk is, try again, and the other ways this kiosk has (book a
    /// helper, find another place of help).
    static func drawNobody(_ b: inout SceneBuilder, in area: Rect, policy: KioskPolicy, content: KioskContent, t: Texts)
    {
        let theme = b.theme
        var rest = area
        title(&b, &rest, t(.helpNobodyTitle), icon: .info)
        var choices: [(id: String, label: String, icon: Icon, action: Action)] = [
            ("help-again", t(.helpTryAgain), .undo, .help(.tryAgainTapped))
        ]
        if content.bookingAvailable {
            choices.append(("help-book", t(.tileBooking), .event, .journeyTapped(.booking(nil))))
        }
        if !content.places.isEmpty {
            choices.append(("help-places", t(.tilePlaces), .place, .journeyTapped(.places(nil))))
        }
        // Stacked on a tall screen, side by side on a wide one.
        let portrait = theme.size.isPortrait
        let rowsHeight =
            portrait ? theme.buttonHeight * choices.count + theme.gap * (choices.count - 1) : theme.buttonHeight * 3 / 2
        let buttons = rest.sliceBottom(rowsHeight, gap: theme.gap)
        let frames =
            portrait ? buttons.rows(choices.count, gap: theme.gap) : buttons.columns(choices.count, gap: theme.gap)
        let desk = policy.helpDesk.isEmpty ? t(.helpNobodyBody) : t(.helpNobodyBody) + " " + policy.helpDesk
        card(&b, rest, icon: .person, id: "help-nobody", title: nil, body: desk)
        for (index, (choice, row)) in zip(choices, frames).enumerated() {
            b.button(
                id: choice.id, label: choice.label, icon: choice.icon, frame: row,
                style: index == 0 ? .secondary : .primary, action: choice.action)
        }
    }

    private static func card(
        _ b: inout SceneBuilder, _ frame: Rect, icon: Icon, id: String, title: String?, body: String
    ) {
        let theme = b.theme
        b.bordered(frame, fill: b.palette.panel, border: b.palette.border, width: theme.px(3))
        var inner = frame.inset(by: theme.px(32))
        let side = min(theme.px(110), inner.height)
        let iconBox = inner.sliceLeft(side, gap: theme.gap)
        b.icon(
            icon, in: Rect(x: iconBox.x, y: iconBox.y, width: iconBox.width, height: side), size: side * 9 / 10,
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
