import Foundation
import KioskCore

/// The pieces booking and "my appointment" share: a title with its pictogram, a note, and
/// the appointment's facts (day, time, place, helper).
extension BookingScreens {
    /// The screen's title beside its pictogram, taking at most a `share`-th of `rest`'s height.
    static func title(_ b: inout SceneBuilder, _ text: String, icon: Icon, in rest: inout Rect, share: Int = 4) {
        let theme = b.theme
        let line = b.lineHeight(text, size: theme.titleSize, weight: .bold)
        let style = TextStyle(size: theme.titleSize, weight: .bold, rightToLeft: TextDirection.isRightToLeft(text))
        let lines = TextWrapper.wrap(text, width: rest.width - theme.px(96), style: style, measurer: b.measurer).count
        var row = rest.sliceTop(min(max(line * lines, theme.px(80)), rest.height / share), gap: theme.gap)
        b.icon(icon, in: row.sliceLeft(theme.px(80), gap: theme.px(16)), size: theme.px(72), b.palette.primary)
        b.label(
            text, id: "title", role: .heading, in: row, size: theme.titleSize, weight: .bold, b.palette.text,
            centerVertically: true)
    }

    static func note(_ b: inout SceneBuilder, _ text: String, id: String, in rest: inout Rect, problem: Bool = false) {
        let theme = b.theme
        let height = noteHeight(b, text, width: rest.width, problem: problem)
        b.label(
            text, id: id, role: problem ? .status : .text,
            in: rest.sliceTop(min(height, rest.height / 3), gap: theme.gap), size: theme.bodySize,
            weight: problem ? .bold : .regular, problem ? b.palette.problem : b.palette.text)
    }

    /// The height `note` gives a text: as many lines as it takes at its size (larger text
    /// takes more), up to five.
    static func noteHeight(_ b: SceneBuilder, _ text: String, width: Int, problem: Bool = false) -> Int {
        let style = TextStyle(
            size: b.theme.bodySize, weight: problem ? .bold : .regular,
            rightToLeft: TextDirection.isRightToLeft(text))
        let lines = max(1, min(5, TextWrapper.wrap(text, width: width, style: style, measurer: b.measurer).count))
        return b.lineHeight(text, size: b.theme.bodySize) * lines + b.theme.px(8)
    }

    /// Whose appointment it is, read back before "Yes": the first name, and the number the
    /// reminder goes to (in pairs), or nothing about a number when there is none.
    static func forWhom(_ b: inout SceneBuilder, journey: BookingJourney, t: Texts, in rest: inout Rect) {
        let theme = b.theme
        var text = t(.bookForName, ["name": journey.name.trimmed])
        if !journey.phone.text.isEmpty {
            text += "\n" + t(.bookSmsTo, ["phone": PhonePairs.format(journey.phone.text)])
        }
        guard !journey.name.trimmed.isEmpty else { return }
        let style = TextStyle(size: theme.bodySize, weight: .bold, rightToLeft: TextDirection.isRightToLeft(text))
        let lines = TextWrapper.wrap(text, width: rest.width, style: style, measurer: b.measurer).count
        b.label(
            text, id: "for-whom",
            in: rest.sliceBottom(b.lineHeight(text, size: theme.bodySize) * lines, gap: theme.gap),
            size: theme.bodySize, weight: .bold, b.palette.text)
        b.markPersonal("for-whom")
    }

    /// Rows of facts with a pictogram each: where, which day, what time, with whom.
    static func details(
        _ b: inout SceneBuilder, in frame: Rect, slot: Slot, catalogue: BookableAgenda?, service: AgendaService?,
        language: Language, large: Bool, compact: Bool = false, today: LocalDay? = nil, t: Texts? = nil
    ) {
        let theme = b.theme
        let dayText =
            t.map { SpokenDates.day(slot.start, today: today, t: $0) } ?? SpokenDates.day(slot.start, language)
        let place = catalogue?.places[slot.place]
        let helper = catalogue?.helpers[slot.helper]
        var rows: [(String, Icon, String, String?)] = [
            ("detail-day", .event, dayText, nil),
            ("detail-time", .schedule, SpokenDates.time(slot.start, language), nil),
            ("detail-place", .place, place?.name ?? slot.place, place?.address),
            ("detail-helper", .person, helper?.firstName ?? slot.helper, service?.name[language]),
        ]
        if compact {
            // Day and time on one row, the place without its address: a list of several.
            rows = [
                ("detail-day", .event, dayText, SpokenDates.time(slot.start, language)),
                ("detail-place", .place, place?.name ?? slot.place, large ? place?.address : nil),
                ("detail-helper", .person, helper?.firstName ?? slot.helper, nil),
            ]
        }
        b.bordered(frame, fill: b.palette.panel, border: b.palette.primary, width: theme.px(4))
        let inner = frame.inset(by: theme.px(20))
        // Four rows when the card is tall, two by two when it is wide.
        let wide = frame.width > frame.height * 3 / 2 && frame.width >= theme.px(1100)
        var cells: [Rect] =
            wide
            ? inner.rows(2, gap: theme.px(12)).flatMap { $0.columns(2, gap: theme.gap) }
            : inner.rows(rows.count, gap: theme.px(12))
        func mainSize(_ i: Int) -> Int {
            i < 2 && !compact ? theme.px((large ? 60 : 50) * theme.textScale) : theme.bodySize
        }
        // Rows of what they hold when equal rows would squeeze one (larger text, a long service).
        let width = inner.width - theme.px(large ? 96 : 72) - theme.gap
        let needs = rows.enumerated().map { i, row in
            (
                main: PlacesScreens.textHeight(b, row.2, width: width, size: mainSize(i), weight: .bold),
                sub: row.3.map {
                    PlacesScreens.textHeight(b, $0, width: width, size: theme.smallSize, weight: .regular)
                }
                    ?? 0
            )
        }
        let squeezed =
            !wide
            && zip(needs, cells).contains { need, cell in
                need.main > cell.height * 11 / 20 || need.sub > cell.height * 9 / 20
            }
        if squeezed {
            let spare = max(
                0, inner.height - theme.px(12) * (rows.count - 1) - needs.reduce(0) { $0 + $1.main + $1.sub })
            var rest = inner
            cells = needs.map { rest.sliceTop($0.main + $0.sub + spare / rows.count, gap: theme.px(12)) }
        }
        for (i, row) in cells.enumerated() where i < rows.count {
            var r = row
            let (id, icon, main, sub) = rows[i]
            let iconSide = min(r.height, theme.px(large ? 96 : 72))
            b.icon(icon, in: r.sliceLeft(iconSide, gap: theme.gap), size: iconSide * 4 / 5, b.palette.primary)
            let mainSize = mainSize(i)
            if let sub {
                let top = r.sliceTop(
                    squeezed ? needs[i].main + (r.height - needs[i].main - needs[i].sub) / 2 : r.height * 11 / 20)
                b.label(main, id: id, in: top, size: mainSize, weight: .bold, b.palette.text, centerVertically: true)
                b.label(sub, id: id + "-more", in: r, size: theme.smallSize, b.palette.text)
            } else {
                b.label(main, id: id, in: r, size: mainSize, weight: .bold, b.palette.text, centerVertically: true)
            }
        }
    }
}

extension BookingScreens {
    /// A first name typed on the on-screen keyboard: a hint, the field with "next" beside it
    /// (below it in landscape, so a long name stays whole) and the keyboard. Booking asks it
    /// for the appointment, "Mon rendez-vous" to find one without a code.
    static func nameEntry(
        _ b: inout SceneBuilder, in rest: Rect, hint: String, hintID: String, fieldID: String, name: TextEntry,
        action: Action, language: Language, t: Texts
    ) {
        let theme = b.theme
        let layout = KeyboardLayout.for(language)
        var left = rest, right = rest
        if !theme.size.isPortrait { right = left.sliceRight(rest.width * 3 / 5, gap: theme.gap) }
        note(&b, hint, id: hintID, in: &left)
        var fieldRow = left.sliceTop(theme.px(130), gap: theme.gap)
        let next =
            theme.size.isPortrait
            ? fieldRow.sliceRight(max(theme.px(280), fieldRow.width / 3), gap: theme.px(16))
            : left.sliceTop(theme.buttonHeight, gap: theme.gap)
        Keyboard.drawField(&b, id: fieldID, in: fieldRow, text: name.text, placeholder: "")
        b.button(
            id: "next", label: t(.bookNext), icon: .arrowForward, frame: next, style: .primary, action: action,
            enabled: !name.trimmed.isEmpty, missing: t(.missingName))
        if theme.size.isPortrait { right = left }
        let height = min(Keyboard.height(for: layout, width: right.width, theme: theme), right.height)
        Keyboard.draw(
            &b, in: Rect(x: right.x, y: right.maxY - height, width: right.width, height: height), layout: layout,
            shifted: name.shifted, t: t)
    }
}
