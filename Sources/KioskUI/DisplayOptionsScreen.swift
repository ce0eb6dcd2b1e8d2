import KioskCore

/// Larger text, stronger colours, low reach and the voice, reached from the top bar of any
/// screen: the person's answers stay where they were, and "C'est bon" (or back) returns to
/// them. Rows: seeing and reaching (three), hearing (two), then the volume (quieter, the
/// level, louder).
enum DisplayOptionsScreen {
    static func draw(_ b: inout SceneBuilder, in area: Rect, state: KioskState, voice: Bool, t: Texts) {
        let theme = b.theme
        var rest = area
        BookingScreens.title(&b, t(.displayTitle), icon: .textSize, in: &rest)
        let done = rest.sliceBottom(theme.buttonHeight, gap: theme.gap)
        let count = voice ? 3 : 1
        // A row holds a label of two lines at full size ("Lire aussi mon nom et mon numéro").
        let rowMinimum = max(
            theme.minimumTarget, b.lineHeight(t(.voicePersonal), size: theme.bodySize) * 2 + theme.px(24))
        let needed = rowMinimum * count + theme.gap * (count - 1)
        // The note only where the controls keep their size: larger text in landscape has no
        // room for both (the title says what the screen is for).
        let note = t(.displayBody)
        if rest.height - BookingScreens.noteHeight(b, note, width: rest.width) - theme.gap >= needed {
            BookingScreens.note(&b, note, id: "display-body", in: &rest)
        }
        let rowHeight = min(theme.buttonHeight * 3 / 2, (rest.height - (count - 1) * theme.gap) / count)
        let rows = rest.sliceTop(rowHeight * count + theme.gap * (count - 1)).rows(count, gap: theme.gap)
        let see = rows[0].columns(3, gap: theme.gap)
        b.button(
            id: "large-text", label: t(.largeText), icon: state.largeText ? .check : .textSize, frame: see[0],
            style: state.largeText ? .selected : .secondary, action: .largeTextToggled, role: .toggle,
            selected: state.largeText)
        b.button(
            id: "high-contrast", label: t(.highContrast), icon: state.highContrast ? .check : .contrast,
            frame: see[1], style: state.highContrast ? .selected : .secondary, action: .highContrastToggled,
            role: .toggle, selected: state.highContrast)
        // Low reach here too: turned on or off mid-journey, nothing lost.
        b.button(
            id: "low-reach", label: t(.lowReach), icon: state.lowReach ? .check : .lowReach, frame: see[2],
            style: state.lowReach ? .selected : .secondary, action: .lowReachToggled, role: .toggle,
            selected: state.lowReach)
        if voice { drawVoice(&b, rows: Array(rows[1...]), voice: state.voice, t: t) }
        b.button(
            id: "display-done", label: t(.displayDone), icon: .check, frame: done, style: .primary, action: .backTapped)
    }

    static func drawVoice(_ b: inout SceneBuilder, rows: [Rect], voice: Voice, t: Texts) {
        let theme = b.theme
        let hear = rows[0].columns(2, gap: theme.gap)
        b.button(
            id: "voice", label: t(.voiceToggle), icon: voice.on ? .check : .volumeOff, frame: hear[0],
            style: voice.on ? .selected : .secondary, action: .voiceToggled, role: .toggle, selected: voice.on)
        b.button(
            id: "personal-aloud", label: t(.voicePersonal), icon: voice.personalAloud ? .check : .privacy,
            frame: hear[1], style: voice.personalAloud ? .selected : .secondary, action: .personalAloudToggled,
            role: .toggle, selected: voice.personalAloud)
        var volume = rows[1]
        let quieter = volume.sliceLeft(volume.width / 3, gap: theme.gap)
        let louder = volume.sliceRight(volume.width / 2, gap: theme.gap)
        b.button(
            id: "voice-quieter", label: t(.voiceQuieter), icon: .volumeDown, frame: quieter, style: .secondary,
            action: .volumeChanged(-1))
        b.button(
            id: "voice-louder", label: t(.voiceLouder), icon: .volume, frame: louder, style: .secondary,
            action: .volumeChanged(1))
        drawLevel(&b, in: volume, voice: voice, t: t)
    }

    /// The volume as bars growing in the reading direction, and its number written (and said).
    static func drawLevel(_ b: inout SceneBuilder, in frame: Rect, voice: Voice, t: Texts) {
        let theme = b.theme
        let text = t(.voiceLevel, ["level": String(voice.volume), "levels": String(Voice.levels)])
        var rest = frame
        let style = TextStyle(size: theme.bodySize, rightToLeft: TextDirection.isRightToLeft(text))
        let lines = min(2, TextWrapper.wrap(text, width: frame.width, style: style, measurer: b.measurer).count)
        let label = rest.sliceBottom(b.lineHeight(text, size: theme.bodySize) * lines, gap: theme.px(8))
        b.label(text, id: "voice-level", role: .status, in: label, size: theme.bodySize, b.palette.text, align: .center)
        let gap = theme.px(8)
        let width = (rest.width - gap * (Voice.levels - 1)) / Voice.levels
        for level in 1...Voice.levels {
            let height = max(theme.px(12), rest.height * level / Voice.levels)
            let bar = Rect(
                x: rest.x + (level - 1) * (width + gap), y: rest.maxY - height, width: width, height: height)
            if level <= voice.volume {
                b.rounded(bar, b.palette.primary, radius: theme.px(2))
            } else {
                b.bordered(
                    bar, fill: b.palette.background, border: b.palette.border, width: theme.px(2), radius: theme.px(2))
            }
        }
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
