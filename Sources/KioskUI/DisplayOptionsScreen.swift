import KioskCore

/// Larger text and stronger colours, reached from the top bar of any screen: the person's
/// answers stay where they were, and "C'est bon" (or back) returns to them.
enum DisplayOptionsScreen {
    static func draw(_ b: inout SceneBuilder, in area: Rect, state: KioskState, t: Texts) {
        let theme = b.theme
        var rest = area
        BookingScreens.title(&b, t(.displayTitle), icon: .textSize, in: &rest)
        BookingScreens.note(&b, t(.displayBody), id: "display-body", in: &rest)
        let done = rest.sliceBottom(theme.buttonHeight, gap: theme.gap)
        let rows = theme.size.isPortrait ? 3 : 1
        let height = min(rest.height, (theme.buttonHeight * 3 / 2 + theme.gap) * rows - theme.gap)
        let toggles = Rect(x: rest.x, y: rest.y, width: rest.width, height: height)
        let frames = theme.size.isPortrait ? toggles.rows(3, gap: theme.gap) : toggles.columns(3, gap: theme.gap)
        b.button(
            id: "large-text", label: t(.largeText), icon: state.largeText ? .check : .textSize, frame: frames[0],
            style: state.largeText ? .selected : .secondary, action: .largeTextToggled, role: .toggle,
            selected: state.largeText)
        b.button(
            id: "high-contrast", label: t(.highContrast), icon: state.highContrast ? .check : .contrast,
            frame: frames[1], style: state.highContrast ? .selected : .secondary, action: .highContrastToggled,
            role: .toggle, selected: state.highContrast)
        // Low reach here too: turned on or off mid-journey, nothing lost.
        b.button(
            id: "low-reach", label: t(.lowReach), icon: state.lowReach ? .check : .lowReach, frame: frames[2],
            style: state.lowReach ? .selected : .secondary, action: .lowReachToggled, role: .toggle,
            selected: state.lowReach)
        b.button(
            id: "display-done", label: t(.displayDone), icon: .check, frame: done, style: .primary, action: .backTapped)
    }
}

/// "Go back to the start?": "Home" pressed during a diagnostic or a booking under way.
/// Carrying on is the safe answer, so it comes first and filled.
enum LeaveConfirmationScreen {
    static func draw(_ b: inout SceneBuilder, in area: Rect, t: Texts) {
        let theme = b.theme
        var rest = area
        BookingScreens.title(&b, t(.leaveTitle), icon: .home, in: &rest)
        BookingScreens.note(&b, t(.leaveBody), id: "leave-body", in: &rest)
        let buttons = rest.sliceTop(theme.buttonHeight * 3 / 2, gap: theme.gap).columns(2, gap: theme.gap)
        b.button(
            id: "leave-stay", label: t(.leaveStay), icon: .arrowBack, frame: buttons[0], style: .primary,
            action: .backTapped)
        b.button(
            id: "leave-go", label: t(.leaveGo), icon: .home, frame: buttons[1], style: .secondary,
            action: .leaveConfirmed)
    }
}
