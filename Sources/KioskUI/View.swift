import KioskCore

/// The kiosk as a pure function of its state: same state, same scene.
public func view(_ state: KioskState, _ context: ViewContext) -> Scene {
    // Low reach: a portrait screen is laid out in its lower part; a landscape one, short
    // enough already, gets its bar at the foot (docs/low-reach.md).
    guard state.lowReach, state.screen != .attract else { return layout(state, context) }
    return context.size.isPortrait ? LowReach.view(state, context) : layout(state, context, barAtBottom: true)
}

/// One screen laid out in `context.size`, its bar at the top (or at the foot); `screen`: the
/// whole screen, when that is only a part of it.
func layout(_ state: KioskState, _ context: ViewContext, barAtBottom: Bool = false, screen: Size? = nil) -> Scene {
    var theme = Theme(size: context.size, largeText: state.largeText, highContrast: state.highContrast)
    if let screen { theme.physicalScale = Theme(size: screen, largeText: false, highContrast: false).scale }
    var b = SceneBuilder(
        theme: theme, measurer: context.measurer, rightToLeft: state.language.isRightToLeft,
        focusID: state.focus)
    let t = Texts(catalogue: context.catalogue, language: state.language)
    let screenRect = Rect(x: 0, y: 0, width: context.size.width, height: context.size.height)
    b.fill(screenRect, theme.palette.background)

    if state.screen == .attract {
        AttractScreen.draw(&b, context: context)
        return b.build(screenID: state.screen.id, background: theme.palette.primary)
    }

    // While an aidant is connected its banner takes the bottom of the screen; the screens are
    // laid out above it and never hide under it.
    let full = context
    var context = context
    context.size.height -= RemoteOverlay.bannerHeight(state, theme: theme)
    var content = TopBar.draw(
        &b, screen: state.screen, voice: state.voice, context: context, t: t, atBottom: barAtBottom)
    content = content.inset(by: theme.margin)
    switch state.screen {
    case .home: HomeScreen.draw(&b, in: content, state: state, journeys: context.content.journeys, t: t)
    case .help(let step): HelpScreens.draw(&b, in: content, step: step, state: state, context: context, t: t)
    case .adminPin: AdminScreens.drawPin(&b, in: content, state: state, t: t)
    case .adminMenu: AdminScreens.drawMenu(&b, in: content, state: state, t: t)
    case .adminStatus: AdminScreens.drawStatus(&b, in: content, state: state, t: t)
    case .displayOptions:
        DisplayOptionsScreen.draw(&b, in: content, state: state, voice: context.policy.voice.available, t: t)
    case .leaveConfirmation: LeaveConfirmationScreen.draw(&b, in: content, t: t)
    case .attract: break
    case .goodbye: GoodbyeScreen.draw(&b, in: content, t: t)
    case .diagnostic(.intro): DiagnosticScreens.drawIntro(&b, in: content, t: t)
    case .diagnostic(.item):
        if let journey = state.diagnostic {
            DiagnosticScreens.drawItem(&b, in: content, journey: journey, language: state.language, t: t)
        }
    case .booking(let step):
        BookingScreens.draw(&b, in: content, step: step, state: state, catalogue: context.content.agenda, t: t)
        // No free time: the places of help around (under the note, at the foot).
        if step == .when, state.booking?.slots?.isEmpty == true {
            PlacesScreens.otherPlaces(
                &b, in: content, need: .fitting(state.booking?.support), context: context, t: t)
        }
    case .myAppointment(let step):
        MyAppointmentScreens.draw(&b, in: content, step: step, state: state, catalogue: context.content.agenda, t: t)
    case .places(let step):
        PlacesScreens.draw(&b, in: content, step: step, state: state, content: context.content, t: t)
    case .diagnostic(.result):
        if let journey = state.diagnostic {
            DiagnosticScreens.drawResult(
                &b, in: content, journey: journey, content: context.content,
                canPrint: context.policy.printerConfigured, language: state.language, t: t)
        }
    case .diagnostic(.resources):
        if let journey = state.diagnostic {
            DiagnosticScreens.drawResources(
                &b, in: content, journey: journey, sheet: context.content.resources, language: state.language, t: t)
        }
    }

    b.drawMissing(of: state.unavailable, within: content)
    if case .warning(_, let secondsLeft) = state.idle {
        IdleOverlay.draw(
            &b, secondsLeft: secondsLeft, context: context, t: t,
            keepVisible: [.booking(.ticket), .diagnostic(.resources)].contains(state.screen)
                || PlacesScreens.keepsVisible(state))
    }
    RemoteOverlay.draw(&b, state: state, context: full, t: t)
    return b.build(screenID: state.screen.id, background: theme.palette.background)
}
