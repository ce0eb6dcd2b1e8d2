import Foundation
import KioskCore

/// Finding an appointment with neither a phone number nor a ticket: the first name, the day,
/// then the time as proof; and every "not found" says what to do next.
extension MyAppointmentScreens {
    static func drawName(
        _ b: inout SceneBuilder, in area: Rect, journey: MyAppointmentJourney, language: Language, t: Texts
    ) {
        var rest = area
        title(&b, t(.myNameTitle), icon: .person, in: &rest)
        BookingScreens.nameEntry(
            &b, in: rest, hint: t(.myNameHint), hintID: "my-name-hint", fieldID: "my-name-field", name: journey.name,
            action: .myAppointment(.nameEntered), language: language, t: t)
    }

    /// A page of days, today first, and "later days".
    static func drawDay(
        _ b: inout SceneBuilder, in area: Rect, journey: MyAppointmentJourney, language: Language, t: Texts
    ) {
        let theme = b.theme
        var rest = area
        title(&b, t(.myDayTitle), icon: .event, in: &rest)
        if journey.searching { note(&b, t(.bookLoading), id: "loading", in: &rest) }
        let more = rest.sliceBottom(theme.buttonHeight, gap: theme.gap)
        b.button(
            id: "more-days", label: t(.myMoreDays), icon: .arrowForward, frame: more, style: .secondary,
            action: .myAppointment(.moreDaysTapped))
        let days = journey.offeredDays
        let columns = theme.size.isPortrait ? 2 : 4
        let rowCount = (days.count + columns - 1) / columns
        let rowHeight = min(theme.buttonHeight * 3 / 2, (rest.height - (rowCount - 1) * theme.gap) / max(rowCount, 1))
        let grid = Rect(
            x: rest.x, y: rest.y, width: rest.width, height: rowCount * rowHeight + (rowCount - 1) * theme.gap)
        let rows = grid.rows(max(rowCount, 1), gap: theme.gap)
        for (i, day) in days.enumerated() {
            let cell = rows[i / columns].columns(columns, gap: theme.gap)[i % columns]
            b.button(
                id: "day-\(day)", label: SpokenDates.day(day, today: journey.firstDay, t: t), icon: nil,
                frame: cell, style: .secondary, action: .myAppointment(.dayChosen(day)))
        }
    }

    /// "At what time?": the appointment's time among others of the day.
    static func drawTime(
        _ b: inout SceneBuilder, in area: Rect, journey: MyAppointmentJourney, language: Language, t: Texts
    ) {
        let theme = b.theme
        var rest = area
        title(&b, t(.myTimeTitle), icon: .schedule, in: &rest)
        note(&b, t(.myTimeHint), id: "my-time-hint", in: &rest)
        let times = MyAppointmentJourney.timeChoices(for: journey.matches)
        let columns = theme.size.isPortrait ? 2 : 3
        let rowCount = max(1, (times.count + columns - 1) / columns)
        let rowHeight = min(theme.buttonHeight * 5 / 4, (rest.height - (rowCount - 1) * theme.gap) / rowCount)
        let grid = Rect(
            x: rest.x, y: rest.y, width: rest.width, height: rowCount * rowHeight + (rowCount - 1) * theme.gap)
        let rows = grid.rows(rowCount, gap: theme.gap)
        for (i, time) in times.enumerated() {
            let cell = rows[i / columns].columns(columns, gap: theme.gap)[i % columns]
            b.button(
                id: "time-\(SpokenDates.time(time, .en))", label: SpokenDates.time(time, language), icon: nil,
                frame: cell, style: .secondary, action: .myAppointment(.timeChosen(time)),
                textSize: theme.px(50 * theme.textScale))
        }
    }

    /// Nothing found: why, what to try, and a person who can help.
    /// `locked`: too many wrong times; only a person here can help, so only that is offered.
    static func drawNotFound(
        _ b: inout SceneBuilder, in area: Rect, miss: MyAppointmentMiss, locked: Bool = false, t: Texts
    ) {
        let theme = b.theme
        var rest = area
        title(&b, t(.myNotFoundTitle), icon: .warning, in: &rest)
        let why: TextKey
        switch miss {
        case .phone: why = .myNoneFound
        case .ticket: why = .myTicketNotFound
        case .name: why = .myNameNotFound
        case .time: why = locked ? .myTimeTooMany : .myTimeWrong
        }
        // Landscape: what happened on the left, what to do on the right.
        var side = rest
        if !theme.size.isPortrait { side = rest.sliceRight(rest.width / 2, gap: theme.gap) }
        note(&b, t(why), id: "not-found-why", in: &rest, problem: true)
        note(&b, t(.myAskDesk), id: "not-found-desk", in: &rest)
        if theme.size.isPortrait { side = rest }
        var buttons: [(String, TextKey, Icon, Action)] = []
        if miss == .phone || miss == .ticket {
            buttons.append(("by-name", .myByName, .person, .myAppointment(.byNameTapped)))
        }
        if !locked { buttons.append(("try-again", .myTryAgain, .undo, .myAppointment(.tryAgainTapped))) }
        buttons.append(("ask-person", .diagAskPerson, .supportAgent, .helpTapped))
        for (i, (id, key, icon, action)) in buttons.enumerated() {
            b.button(
                id: id, label: t(key), icon: icon, frame: side.sliceTop(theme.buttonHeight, gap: theme.gap),
                style: i == 0 ? .primary : .secondary, action: action)
        }
    }
}
