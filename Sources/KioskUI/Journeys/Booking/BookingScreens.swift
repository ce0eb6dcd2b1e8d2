import Foundation
import KioskCore

/// Booking: what you need, when, your first name, a phone number if you want, the
/// appointment read back ("C'est bon ?"), then the ticket.
enum BookingScreens {
    // MARK: - Booking

    static func draw(
        _ b: inout SceneBuilder, in area: Rect, step: BookingStep, state: KioskState, catalogue: BookableAgenda?,
        t: Texts
    ) {
        guard let journey = state.booking else { return }
        let screen = Step(
            journey: journey, language: state.language, catalogue: catalogue, t: t,
            today: ParisTime.day(of: state.lastActivity))
        switch step {
        case .need: drawNeed(&b, in: area, screen)
        case .when: drawWhen(&b, in: area, screen)
        case .time(let day): drawTime(&b, in: area, screen, day: day)
        case .name: drawName(&b, in: area, screen)
        case .phone: drawPhone(&b, in: area, screen)
        case .consent: drawConsent(&b, in: area, screen)
        case .confirm: drawConfirm(&b, in: area, screen)
        case .ticket: drawTicket(&b, in: area, screen)
        case .failed: drawFailed(&b, in: area, screen)
        }
    }

    /// What every step's view reads.
    struct Step {
        var journey: BookingJourney
        var language: Language
        var catalogue: BookableAgenda?
        var t: Texts
        /// The day the person is at the kiosk: near days are "aujourd'hui", "demain".
        var today: LocalDay
    }

    static func drawNeed(_ b: inout SceneBuilder, in area: Rect, _ screen: Step) {
        let theme = b.theme
        let catalogue = screen.catalogue
        let t = screen.t
        var rest = area
        title(&b, t(.bookNeedTitle), icon: .event, in: &rest)
        let kinds = catalogue?.supportKinds ?? []
        let height = min(rest.height, kinds.count * theme.buttonHeight * 3 / 2 + (kinds.count - 1) * theme.gap)
        let column = Rect(x: rest.x, y: rest.y, width: rest.width, height: height)
        for (kind, frame) in zip(kinds, column.rows(max(kinds.count, 1), gap: theme.gap)) {
            let (key, icon): (TextKey, Icon) = {
                switch kind {
                case .procedureHelp: return (.bookNeedProcedure, .description_)
                case .individualLearning: return (.bookNeedLearn, .school)
                case .workshop: return (.bookNeedWorkshop, .groups)
                default: return (.bookNeedConseiller, .supportAgent)
                }
            }()
            b.button(
                id: "need-\(kind.rawValue)", label: t(key), icon: icon, frame: frame, style: .secondary,
                action: .booking(.needChosen(kind)))
        }
    }

    static func drawWhen(_ b: inout SceneBuilder, in area: Rect, _ screen: Step) {
        let theme = b.theme
        let journey = screen.journey
        let language = screen.language
        let t = screen.t
        var rest = area
        title(&b, t(.bookWhenTitle), icon: .event, in: &rest)
        if journey.slotWasTaken { note(&b, t(.bookSlotTaken), id: "slot-taken", in: &rest, problem: true) }
        guard let slots = journey.slots else {
            note(&b, t(.bookLoading), id: "loading", in: &rest)
            return
        }
        guard let first = slots.first else {
            note(&b, t(.bookNoSlot), id: "no-slot", in: &rest, problem: true)
            return
        }
        // The day and the time on the button, in every language: what is seen is what is said
        // (the renderer sets digits left to right inside Arabic text).
        let firstLabel = t(
            .bookFirstFree,
            [
                "day": SpokenDates.day(first.start, today: screen.today, t: t, inSentence: true),
                "time": SpokenDates.time(first.start, language),
            ])
        var left = rest
        if !theme.size.isPortrait { rest = left.sliceRight(rest.width / 2, gap: theme.gap * 2) }
        let big = left.sliceTop(theme.buttonHeight * 2, gap: theme.gap * 2)
        b.button(
            id: "first-slot", label: firstLabel, icon: .event, frame: big, style: .primary,
            action: .booking(.firstSlotChosen), textSize: theme.px(50 * theme.textScale))
        if theme.size.isPortrait { rest = left }
        let days = slots.groupedByDay().map(\.day)
        let others = Array(days.dropFirst().prefix(6))
        guard !others.isEmpty else { return }
        note(&b, t(.bookOtherDays), id: "other-days", in: &rest)
        // Two columns in portrait; one in landscape, where the column is half the screen.
        let columns = theme.size.isPortrait ? 2 : 1
        let rowHeight =
            theme.size.isPortrait
            ? theme.buttonHeight
            : max(theme.minimumTarget, min(theme.buttonHeight, (rest.height - 5 * theme.gap / 2) / 6))
        let fitting = Array(
            others.prefix(max(1, (rest.height + theme.gap / 2) / (rowHeight + theme.gap / 2)) * columns))
        let rowsNeeded = (fitting.count + columns - 1) / columns
        let grid = Rect(
            x: rest.x, y: rest.y, width: rest.width, height: rowsNeeded * rowHeight + (rowsNeeded - 1) * theme.gap / 2)
        let rowRects = grid.rows(rowsNeeded, gap: theme.gap / 2)
        for (i, day) in fitting.enumerated() {
            let cells = rowRects[i / columns].columns(columns, gap: theme.gap)
            b.button(
                id: "day-\(day)", label: SpokenDates.day(day, today: screen.today, t: t), icon: nil,
                frame: cells[i % columns],
                style: .secondary, action: .booking(.dayChosen(day)))
        }
    }

    static func drawTime(_ b: inout SceneBuilder, in area: Rect, _ screen: Step, day: LocalDay) {
        let theme = b.theme
        let journey = screen.journey
        let language = screen.language
        let t = screen.t
        var rest = area
        title(&b, SpokenDates.day(day, today: screen.today, t: t), icon: .schedule, in: &rest)
        // One button per time: the person chooses a time; the place and the helper are
        // read back on the next screen, where "Change" is one tap away.
        var seenStarts = Set<Date>()
        let slots = (journey.slots ?? []).filter { $0.day == day }.onePerStartTime().filter {
            seenStarts.insert($0.start).inserted
        }
        let parts: [(TextKey, Icon, [Slot])] = [
            (.bookMorning, .sun, slots.filter { $0.partOfDay == .morning }),
            (.bookAfternoon, .evening, slots.filter { $0.partOfDay == .afternoon }),
        ].filter { !$0.2.isEmpty }
        let columns = theme.size.isPortrait ? 3 : 5
        let rowHeight = theme.buttonHeight
        for (key, icon, list) in parts {
            let headHeight = b.lineHeight(t(key), size: theme.bodySize, weight: .bold)
            var head = rest.sliceTop(headHeight, gap: theme.px(12))
            b.icon(icon, in: head.sliceLeft(headHeight, gap: theme.px(12)), size: headHeight, b.palette.primary)
            b.label(
                t(key), id: "part-\(key.rawValue)", role: .heading, in: head, size: theme.bodySize, weight: .bold,
                b.palette.text)
            let maxRows = max(1, (rest.height / parts.count - headHeight) / (rowHeight + theme.gap))
            let shown = Array(list.prefix(maxRows * columns))
            let rowsNeeded = (shown.count + columns - 1) / columns
            let grid = rest.sliceTop(rowsNeeded * rowHeight + (rowsNeeded - 1) * theme.gap, gap: theme.gap * 2)
            let rows = grid.rows(rowsNeeded, gap: theme.gap)
            for (i, slot) in shown.enumerated() {
                let cell = rows[i / columns].columns(columns, gap: theme.gap)[i % columns]
                b.button(
                    id: "time-\(SpokenDates.time(slot.start, .en))", label: SpokenDates.time(slot.start, language),
                    icon: nil, frame: cell, style: .secondary, action: .booking(.slotChosen(slot)),
                    textSize: theme.px(50))
            }
        }
    }

    static func drawName(_ b: inout SceneBuilder, in area: Rect, _ screen: Step) {
        let journey = screen.journey
        let language = screen.language
        let t = screen.t
        var rest = area
        title(&b, t(.bookNameTitle), icon: .person, in: &rest)
        nameEntry(
            &b, in: rest, hint: t(.bookNameHint), hintID: "name-hint", fieldID: "name-field", name: journey.name,
            action: .booking(.continueTapped), language: language, t: t)
    }

    static func drawPhone(_ b: inout SceneBuilder, in area: Rect, _ screen: Step) {
        let theme = b.theme
        let journey = screen.journey
        let t = screen.t
        var rest = area
        title(&b, t(.bookPhoneTitle), icon: .phone, in: &rest)
        var left = rest, right = rest
        if !theme.size.isPortrait { right = left.sliceRight(rest.width / 2, gap: theme.gap) }
        note(
            &b, journey.phoneInvalid ? t(.bookPhoneInvalid) : t(.bookPhoneHint), id: "phone-hint", in: &left,
            problem: journey.phoneInvalid)
        Keyboard.drawField(
            &b, id: "phone-field", in: left.sliceTop(theme.px(130), gap: theme.gap), text: journey.phone.text,
            placeholder: "")
        let buttons = left.sliceBottom(theme.buttonHeight, gap: theme.gap).columns(2, gap: theme.gap)
        b.button(
            id: "skip-phone", label: t(.bookPhoneSkip), icon: .close, frame: buttons[0], style: .secondary,
            action: .booking(.noPhoneTapped))
        b.button(
            id: "next", label: t(.bookNext), icon: .arrowForward, frame: buttons[1], style: .primary,
            action: .booking(.continueTapped), enabled: !journey.phone.text.isEmpty,
            missing: t(.missingPhoneOrSkip))
        if theme.size.isPortrait { right = left }
        Keyboard.drawKeypad(&b, in: right, t: t)
    }

    static func drawConsent(_ b: inout SceneBuilder, in area: Rect, _ screen: Step) {
        let theme = b.theme
        let t = screen.t
        var rest = area
        title(&b, t(.bookConsentTitle), icon: .quiz, in: &rest)
        note(&b, t(.bookConsentBody), id: "consent-body", in: &rest)
        let buttons = rest.sliceTop(theme.buttonHeight * 3 / 2, gap: theme.gap).columns(2, gap: theme.gap)
        b.button(
            id: "consent-yes", label: t(.bookYes), icon: .check, frame: buttons[0], style: .secondary,
            action: .booking(.consentAnswered(true)))
        b.button(
            id: "consent-no", label: t(.bookNo), icon: .close, frame: buttons[1], style: .secondary,
            action: .booking(.consentAnswered(false)))
    }

    static func drawConfirm(_ b: inout SceneBuilder, in area: Rect, _ screen: Step) {
        let theme = b.theme
        let journey = screen.journey
        let language = screen.language
        let catalogue = screen.catalogue
        let t = screen.t
        var rest = area
        guard let slot = journey.chosen else { return }
        title(&b, t(.bookConfirmTitle), icon: .event, in: &rest)
        var side = rest
        if !theme.size.isPortrait { rest = side.sliceLeft(rest.width * 3 / 5, gap: theme.gap) }
        let buttons = side.sliceBottom(theme.buttonHeight * 5 / 4, gap: theme.gap).columns(2, gap: theme.gap)
        let question = side.sliceBottom(
            b.lineHeight(t(.bookIsItOk), size: theme.titleSize, weight: .bold), gap: theme.gap)
        forWhom(&b, journey: journey, t: t, in: &side)
        if theme.size.isPortrait { rest = side }
        b.label(
            t(.bookIsItOk), id: "is-it-ok", role: .heading, in: question, size: theme.titleSize, weight: .bold,
            b.palette.text, align: .center)
        details(
            &b, in: rest, slot: slot, catalogue: catalogue, service: journey.service, language: language, large: false,
            today: screen.today, t: t)
        b.button(
            id: "confirm-yes", label: t(.bookYes), icon: .check, frame: buttons[0], style: .primary,
            action: .booking(.confirmTapped))
        b.button(
            id: "confirm-change", label: t(.bookChange), icon: .edit, frame: buttons[1], style: .secondary,
            action: .booking(.changeTapped))
    }

    static func drawFailed(_ b: inout SceneBuilder, in area: Rect, _ screen: Step) {
        let theme = b.theme
        let t = screen.t
        var rest = area
        title(&b, t(.bookFailed), icon: .warning, in: &rest)
        b.button(
            id: "done", label: t(.bookDone), icon: .home, frame: rest.sliceTop(theme.buttonHeight, gap: theme.gap),
            style: .primary, action: .homeTapped)
    }
}
