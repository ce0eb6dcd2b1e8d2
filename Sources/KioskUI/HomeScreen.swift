import KioskCore

/// Home: a greeting, the journeys (tiles appear as their journeys land), the languages named
/// in their own script, and the comfort toggles (larger text, stronger colours, low reach).
enum HomeScreen {
    static func draw(_ b: inout SceneBuilder, in area: Rect, state: KioskState, journeys: [Journey], t: Texts) {
        let theme = b.theme
        var rest = area
        // A short landscape screen (under an aidant's banner) keeps its rows at the normal
        // height: the journeys' words need that room more than the rows need larger text's.
        let short = !theme.size.isPortrait && area.height < theme.px(700)
        let buttonHeight = short ? min(theme.buttonHeight, theme.px(130)) : theme.buttonHeight

        // Landscape with larger text: the settings in a column of their own (HomeScreen+Wide).
        if !theme.size.isPortrait && theme.textScale > 1 {
            return drawWide(&b, in: area, state: state, journeys: journeys, t: t)
        }
        // Bottom rows first, so the greeting takes whatever height is left.
        let languageButtons: [(Language, Rect)]
        let toggleRects: [Rect]
        // Portrait: the languages, the two toggles, then low reach across the foot, nearest the
        // floor. Landscape: the languages over the three toggles.
        if theme.size.isPortrait {
            let reach = rest.sliceBottom(buttonHeight, gap: theme.gap)
            let toggles = rest.sliceBottom(buttonHeight, gap: theme.gap)
            toggleRects = toggles.columns(2, gap: theme.gap) + [reach]
        } else {
            toggleRects = rest.sliceBottom(buttonHeight, gap: theme.gap).columns(3, gap: theme.gap)
        }
        let languages = rest.sliceBottom(buttonHeight, gap: theme.gap * 2)
        languageButtons = Array(zip(Language.allCases, languages.columns(3, gap: theme.gap)))
        drawSettings(&b, languages: languageButtons, toggles: toggleRects, state: state, t: t)

        // Greeting.
        let title = rest.sliceTop(
            b.lineHeight(t(.welcomeTitle), size: theme.titleSize, weight: .bold), gap: theme.gap / 2)
        b.label(
            t(.welcomeTitle), id: "welcome-title", role: .heading, in: title, size: theme.titleSize, weight: .bold,
            b.palette.text)
        // The tiles keep the room their words need: the sentence gives way first (larger text
        // under an aidant's banner). With no journey it would promise what is not there.
        let count = journeys.count
        let tilesNeed =
            theme.size.isPortrait ? count * (theme.px(130 * theme.textScale) + theme.gap) : theme.minimumTarget * 2
        let bodyHeight = min(
            rest.height / 3, theme.px(200) * Int(theme.textScale.rounded(.up)), rest.height - tilesNeed - theme.gap)
        if count > 0, bodyHeight >= b.lineHeight(t(.welcomeBody), size: theme.bodySize) * 2 {
            let body = rest.sliceTop(bodyHeight, gap: theme.gap)
            b.label(t(.welcomeBody), id: "welcome-body", in: body, size: theme.bodySize, b.palette.text)
        }

        drawJourneys(&b, in: rest, inRows: theme.size.isPortrait, journeys: journeys, t: t)
    }

    /// The languages, named in their own script, and the comfort toggles (low reach third).
    static func drawSettings(
        _ b: inout SceneBuilder, languages: [(Language, Rect)], toggles toggleRects: [Rect], state: KioskState, t: Texts
    ) {
        for (language, frame) in languages {
            let current = language == state.language
            b.button(
                id: "lang-\(language.rawValue)", label: language.nativeName, icon: current ? .check : .language,
                frame: frame, style: current ? .selected : .secondary, action: .languageTapped(language),
                role: .toggle, selected: current)
        }
        b.button(
            id: "large-text", label: t(.largeText), icon: .textSize, frame: toggleRects[0],
            style: state.largeText ? .selected : .secondary, action: .largeTextToggled, role: .toggle,
            selected: state.largeText)
        b.button(
            id: "high-contrast", label: t(.highContrast), icon: .contrast, frame: toggleRects[1],
            style: state.highContrast ? .selected : .secondary, action: .highContrastToggled, role: .toggle,
            selected: state.highContrast)
        b.button(
            id: "low-reach", label: t(.lowReach), icon: .lowReach, frame: toggleRects[2],
            style: state.lowReach ? .selected : .secondary, action: .lowReachToggled, role: .toggle,
            selected: state.lowReach)
    }

    /// Journeys: one large tile each (icon and a few words), in rows or in columns; none yet,
    /// then a person helps.
    static func drawJourneys(
        _ b: inout SceneBuilder, in area: Rect, inRows: Bool, gap: Int? = nil, journeys: [Journey], t: Texts
    ) {
        let theme = b.theme
        let gap = gap ?? theme.gap
        guard !journeys.isEmpty else {
            let panel = area
            b.bordered(panel, fill: b.palette.panel, border: b.palette.border, width: theme.px(3))
            let inner = panel.inset(by: theme.px(32))
            let sentence = bodyHeight(b, t(.welcomeNoJourney), width: inner.width)
            var iconSize = min(theme.px(140), inner.height / 3)
            // Icon just above the middle, the sentence just below: the pair sits centred; a
            // short panel (larger text, remote help's banner) gives the sentence its lines.
            var textBox = Rect(x: inner.x, y: inner.midY, width: inner.width, height: inner.maxY - inner.midY)
            if sentence > textBox.height {
                iconSize = min(iconSize, inner.height - sentence - theme.gap)
                textBox = Rect(x: inner.x, y: inner.maxY - sentence, width: inner.width, height: sentence)
            }
            let iconBox = Rect(
                x: inner.x, y: textBox.y - iconSize - theme.gap / 2, width: inner.width, height: iconSize)
            if iconSize >= theme.px(48) { b.icon(.handshake, in: iconBox, size: iconSize, b.palette.primary) }
            b.label(
                t(.welcomeNoJourney), id: "no-journey", in: textBox, size: theme.bodySize, b.palette.text,
                align: .center)
            return
        }
        let tiles: [Rect]
        if inRows {
            tiles = area.rows(journeys.count, gap: gap)
        } else {
            tiles = area.columns(journeys.count, gap: gap)
        }
        for (journey, frame) in zip(journeys, tiles) {
            let (id, key, icon): (String, TextKey, Icon) = {
                switch journey {
                case .diagnostic: return ("tile-diagnostic", .tileDiagnostic, .quiz)
                case .booking: return ("tile-booking", .tileBooking, .event)
                case .myAppointment: return ("tile-my-appointment", .tileMyAppointment, .qrCode)
                case .places: return ("tile-places", .tilePlaces, .place)
                }
            }()
            b.tile(id: id, label: t(key), icon: icon, frame: frame, action: .journeyTapped(journey))
        }
    }

    /// The height `text` takes at the body size, wrapped to `width`.
    static func bodyHeight(_ b: SceneBuilder, _ text: String, width: Int) -> Int {
        let style = TextStyle(size: b.theme.bodySize, weight: .regular, rightToLeft: TextDirection.isRightToLeft(text))
        return TextWrapper.wrap(text, width: width, style: style, measurer: b.measurer).count
            * b.measurer.lineHeight(style)
    }
}
