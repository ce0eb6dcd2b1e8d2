import Foundation
import KioskCore

/// "My appointment": the phone number (or the ticket's code from a scanner), the
/// appointments found, and cancelling or moving one within the rules. Shares the booking's
/// title, note and details pieces.
enum MyAppointmentScreens {
    static func title(_ b: inout SceneBuilder, _ text: String, icon: Icon, in rest: inout Rect) {
        BookingScreens.title(&b, text, icon: icon, in: &rest)
    }

    static func note(_ b: inout SceneBuilder, _ text: String, id: String, in rest: inout Rect, problem: Bool = false) {
        BookingScreens.note(&b, text, id: id, in: &rest, problem: problem)
    }

    static func draw(
        _ b: inout SceneBuilder, in area: Rect, step: MyAppointmentStep, state: KioskState, catalogue: BookableAgenda?,
        t: Texts
    ) {
        guard let journey = state.myAppointment else { return }
        let theme = b.theme
        let language = state.language
        var rest = area
        switch step {
        case .phone:
            title(&b, t(.myPhoneTitle), icon: .phone, in: &rest)
            var left = rest, right = rest
            if !theme.size.isPortrait { right = left.sliceRight(rest.width / 2, gap: theme.gap) }
            note(
                &b, journey.phoneInvalid ? t(.myPhoneInvalid) : t(.myPhoneHint), id: "my-hint", in: &left,
                problem: journey.phoneInvalid)
            Keyboard.drawField(
                &b, id: "my-phone-field", in: left.sliceTop(theme.px(130), gap: theme.gap), text: journey.phone.text,
                placeholder: "")
            // No number and no ticket: the first name and the day (under the keypad in landscape).
            let byName =
                theme.size.isPortrait
                ? left.sliceBottom(theme.buttonHeight, gap: theme.gap)
                : right.sliceBottom(theme.buttonHeight, gap: theme.gap)
            b.button(
                id: "by-name", label: t(.myByName), icon: .person, frame: byName, style: .secondary,
                action: .myAppointment(.byNameTapped))
            let search = left.sliceBottom(theme.buttonHeight, gap: theme.gap)
            b.button(
                id: "search", label: t(.mySearch), icon: .arrowForward, frame: search, style: .primary,
                action: .myAppointment(.searchTapped), enabled: !journey.phone.text.isEmpty && !journey.searching,
                missing: journey.searching ? nil : t(.missingPhone))
            if theme.size.isPortrait { right = left }
            Keyboard.drawKeypad(&b, in: right, t: t)

        case .name: drawName(&b, in: area, journey: journey, language: language, t: t)
        case .day: drawDay(&b, in: area, journey: journey, language: language, t: t)
        case .time: drawTime(&b, in: area, journey: journey, language: language, t: t)
        case .notFound(let miss):
            let locked = miss == .time && state.wrongAppointmentTimes >= MyAppointmentJourney.timeTries
            drawNotFound(&b, in: area, miss: miss, locked: locked, t: t)

        case .list:
            drawList(&b, in: area, journey: journey, catalogue: catalogue, language: language, t: t)

        case .confirmCancel(let uuid):
            drawConfirmCancel(
                &b, in: area, uuid: uuid, journey: journey, catalogue: catalogue, language: language, t: t)

        case .cancelled:
            title(&b, t(.myCancelled), icon: .check, in: &rest)
            b.button(
                id: "done", label: t(.bookDone), icon: .check, frame: rest.sliceTop(theme.buttonHeight, gap: theme.gap),
                style: .primary, action: .booking(.finishTapped))

        case .refused(let reason):
            title(&b, t(.myListTitle), icon: .warning, in: &rest)
            note(&b, reason.explanation(in: language), id: "refused", in: &rest, problem: true)
            b.button(
                id: "refused-back", label: t(.back), icon: .arrowBack,
                frame: rest.sliceTop(theme.buttonHeight, gap: theme.gap), style: .primary, action: .backTapped)

        case .failed:
            title(&b, t(.myFailed), icon: .warning, in: &rest)
            b.button(
                id: "done", label: t(.bookDone), icon: .home, frame: rest.sliceTop(theme.buttonHeight, gap: theme.gap),
                style: .primary, action: .homeTapped)
        }
    }

    /// The appointments found: two at most, each with "cancel" and "move".
    static func drawList(
        _ b: inout SceneBuilder, in area: Rect, journey: MyAppointmentJourney, catalogue: BookableAgenda?,
        language: Language, t: Texts
    ) {
        let theme = b.theme
        var rest = area
        title(&b, t(.myListTitle), icon: .event, in: &rest)
        let found = journey.found ?? []
        guard !found.isEmpty else {
            note(&b, t(.myNoneFound), id: "none-found", in: &rest, problem: true)
            return
        }
        // Two at most: a person rarely has more, and each stays large enough to read.
        let shown = Array(found.prefix(2))
        let cards =
            theme.size.isPortrait
            ? rest.rows(2, gap: theme.gap) : (shown.count == 1 ? [rest] : rest.columns(2, gap: theme.gap))
        for (i, appointment) in shown.enumerated() {
            var card = cards[i]
            let buttons = card.sliceBottom(theme.buttonHeight, gap: theme.px(12)).columns(2, gap: theme.gap)
            details(
                &b, of: appointment, in: card, catalogue: catalogue, language: language,
                compact: !theme.size.isPortrait && shown.count > 1)
            b.button(
                id: "cancel-\(i)", label: t(.myCancel), icon: .cancel, frame: buttons[0], style: .secondary,
                action: .myAppointment(.cancelTapped(appointment.uuid)))
            b.button(
                id: "move-\(i)", label: t(.myMove), icon: .schedule, frame: buttons[1], style: .secondary,
                action: .myAppointment(.moveTapped(appointment.uuid)))
        }
    }

    /// A found appointment's facts, as booking shows a slot: its place comes with it (it may
    /// no longer be in the agenda).
    static func details(
        _ b: inout SceneBuilder, of appointment: AppointmentSummary, in frame: Rect, catalogue: BookableAgenda?,
        language: Language, compact: Bool
    ) {
        let slot = Slot(
            service: appointment.service.key, helper: appointment.helper.key,
            place: appointment.place?.key ?? "", start: appointment.start, end: appointment.end)
        var mine = catalogue
        if let place = appointment.place { mine?.places[place.key] = place }
        BookingScreens.details(
            &b, in: frame, slot: slot, catalogue: mine, service: appointment.service, language: language, large: false,
            compact: compact)
    }

    /// "Cancel this one?", the appointment read back.
    static func drawConfirmCancel(
        _ b: inout SceneBuilder, in area: Rect, uuid: UUID, journey: MyAppointmentJourney, catalogue: BookableAgenda?,
        language: Language, t: Texts
    ) {
        let theme = b.theme
        var rest = area
        title(&b, t(.myConfirmCancel), icon: .cancel, in: &rest)
        let buttons = rest.sliceBottom(theme.buttonHeight * 5 / 4, gap: theme.gap).columns(2, gap: theme.gap)
        if let appointment = journey.found?.first(where: { $0.uuid == uuid }) {
            details(
                &b, of: appointment, in: rest, catalogue: catalogue, language: language, compact: !theme.size.isPortrait
            )
        }
        // Keeping is the safe answer: it comes first, filled; cancelling is the plain one.
        b.button(
            id: "cancel-no", label: t(.myCancelNo), icon: .check, frame: buttons[0], style: .primary,
            action: .backTapped)
        b.button(
            id: "cancel-yes", label: t(.myCancelYes), icon: .cancel, frame: buttons[1], style: .secondary,
            action: .myAppointment(.cancelConfirmTapped))
    }
}

// MARK: - Samples

extension MyAppointmentScreens {
    /// Every step, with three appointments found and a refusal.
    static func sampleStates(home: KioskState, content: KioskContent, now: Date) -> [(String, KioskState)] {
        guard let picks = AgendaSamplePicks(content: content, language: home.language, now: now) else { return [] }
        var mine = MyAppointmentJourney()
        mine.phone.type("0612345678")
        let summary = AppointmentSummary(
            uuid: UUID(uuidString: "00000000-0000-4000-8000-000000000001")!, service: picks.service,
            helper: picks.helper,
            place: picks.place, start: picks.slots[0].start, end: picks.slots[0].end)
        mine.found = [summary, summary, summary]
        mine.name.type("Marie-Clémentine")
        mine.firstDay = ParisTime.day(of: now)
        mine.matches = [summary]
        let steps: [MyAppointmentStep] = [
            .phone, .name, .day, .time, .notFound(.phone), .notFound(.ticket), .notFound(.name), .notFound(.time),
            .list, .confirmCancel(summary.uuid), .cancelled, .refused(.tooLateToMove(daysBefore: 2)), .failed,
        ]
        var locked = home
        locked.myAppointment = mine
        locked.screen = .myAppointment(.notFound(.time))
        locked.wrongAppointmentTimes = MyAppointmentJourney.timeTries
        return steps.map { step in
            var s = home
            s.myAppointment = mine
            s.screen = .myAppointment(step)
            if case .notFound(let miss) = step { return ("my-\(s.screen.id)-\(miss)", s) }
            return ("my-\(s.screen.id)", s)
        } + [("my-\(locked.screen.id)-time-locked", locked)]
    }
}
