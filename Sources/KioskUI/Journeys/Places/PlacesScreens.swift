// Passerelle — KioskUI, the places of help. Licensed under the EUPL-1.2.
import Foundation
import KioskCore

/// "Trouver un lieu d'aide": what you need (large pictograms), the places that fit with
/// "open now", "open on Saturday" and "special needs" one tap away, the special needs, and
/// one place with everything a person needs to go there (and print it).
enum PlacesScreens {
    static func draw(
        _ b: inout SceneBuilder, in area: Rect, step: PlacesStep, state: KioskState, content: KioskContent, t: Texts
    ) {
        guard let journey = state.places else { return }
        switch step {
        case .need: drawNeed(&b, in: area, places: content.places, page: journey.needPage, t: t)
        case .list: drawList(&b, in: area, journey: journey, language: state.language, t: t)
        case .support: drawSupport(&b, in: area, journey: journey, t: t)
        case .place(let id):
            guard let match = journey.match(id: id) else { return }
            drawPlace(&b, in: area, match: match, journey: journey, language: state.language, t: t)
        }
    }

    // MARK: - Special needs

    static func drawSupport(_ b: inout SceneBuilder, in area: Rect, journey: PlacesJourney, t: Texts) {
        let theme = b.theme
        var rest = area
        BookingScreens.title(&b, t(.placesSupportTitle), icon: PlacesWords.specialNeeds, in: &rest)
        let done = rest.sliceBottom(theme.buttonHeight, gap: theme.gap)
        let choices = PlacesWords.supportOrder
        let columns = theme.size.isPortrait ? 2 : 3
        let rows = (choices.count + columns - 1) / columns
        let height = min(rest.height, rows * theme.buttonHeight * 3 / 2 + (rows - 1) * theme.gap)
        let grid = Rect(x: rest.x, y: rest.y, width: rest.width, height: height).rows(rows, gap: theme.gap)
        for (i, support) in choices.enumerated() {
            let on = journey.support.contains(support)
            b.button(
                id: "support-\(support)", label: t(PlacesWords.key(support)),
                icon: on ? .check : PlacesWords.icon(support),
                frame: grid[i / columns].columns(columns, gap: theme.gap)[i % columns],
                style: on ? .selected : .secondary,
                action: .places(.supportToggled(support)), role: .toggle, selected: on)
        }
        b.button(
            id: "support-done", label: t(.placesShow), icon: .arrowForward, frame: done, style: .primary,
            action: .places(.supportDoneTapped))
    }

    // MARK: - The places that fit

    static func drawList(_ b: inout SceneBuilder, in area: Rect, journey: PlacesJourney, language: Language, t: Texts) {
        let theme = b.theme
        // Portrait: one column. Landscape: the title, the count and the pager on the left; the
        // filters and the places on the right.
        let portrait = theme.size.isPortrait
        var side = area
        var rest = portrait ? area : side.sliceRight(area.width * 7 / 10, gap: theme.gap * 2)
        let title = journey.need.map { t(PlacesWords.key($0)) } ?? t(.placesAll)
        // Landscape: the narrow side is the title's, its words may take half its height.
        BookingScreens.title(
            &b, title, icon: journey.need.map(PlacesWords.icon) ?? PlacesWords.everyPlace, in: &side,
            share: portrait ? 4 : 2)
        if portrait { rest = side }
        drawFilters(&b, in: &rest, journey: journey, t: t)
        let matches = journey.matches
        let countKey: TextKey =
            matches.count == 1
            ? .placesCountOne : matches.first?.distance != nil ? .placesCountNearest : .placesCountByName
        let countText = matches.isEmpty ? t(.placesNone) : t(countKey, ["count": "\(matches.count)"])
        // "No place matches" and what to do take the wide side: under the filters they name.
        if portrait || matches.isEmpty {
            BookingScreens.note(&b, countText, id: "places-count", in: &rest, problem: matches.isEmpty)
        } else {
            BookingScreens.note(&b, countText, id: "places-count", in: &side, problem: matches.isEmpty)
        }
        guard !matches.isEmpty else { return }
        // Tall enough for a line of each in this language's script (Arabic lines are taller).
        let smallLine = b.lineHeight(t(.placesOpenNow), size: theme.smallSize, weight: .bold)
        let nameLine = b.lineHeight(t(.placesAll), size: theme.bodySize, weight: .bold)
        let cardHeight = max(
            theme.px((portrait ? 250 : 200) * theme.textScale), smallLine * 2 + nameLine + theme.px(40))
        var perPage = max(1, (rest.height + theme.gap) / (cardHeight + theme.gap))
        var pager: Rect?
        if matches.count > perPage {
            // The pager's row takes the place of a card (portrait) or the side's foot.
            pager =
                portrait
                ? rest.sliceBottom(theme.buttonHeight, gap: theme.gap)
                : side.sliceBottom(theme.buttonHeight * 2 + theme.gap / 2, gap: theme.gap)
            perPage = max(1, (rest.height + theme.gap) / (cardHeight + theme.gap))
        }
        let pages = (matches.count + perPage - 1) / perPage
        let page = min(journey.page, pages - 1)
        let shown = Array(matches[(page * perPage)..<min(matches.count, (page + 1) * perPage)])
        let height = min(rest.height, perPage * (cardHeight + theme.gap) - theme.gap)
        let rows = Rect(x: rest.x, y: rest.y, width: rest.width, height: height).rows(perPage, gap: theme.gap)
        for (match, frame) in zip(shown, rows) { card(&b, match, frame: frame, language: language, t: t) }
        if let pager {
            // Side by side in portrait; one above the other in the narrow side of landscape.
            let halves = portrait ? pager.columns(2, gap: theme.gap) : pager.rows(2, gap: theme.gap / 2)
            b.button(
                id: "places-previous", label: t(.placesPrevious), icon: .arrowBack, frame: halves[0],
                style: .secondary, action: .places(.previousPageTapped), enabled: page > 0, textSize: theme.smallSize)
            b.button(
                id: "places-next", label: t(.placesNext), icon: .arrowForward, frame: halves[1], style: .secondary,
                action: .places(.nextPageTapped), enabled: page < pages - 1, textSize: theme.smallSize)
        }
    }

    /// "Open now", "open on Saturday", "special needs": a row above the places.
    static func drawFilters(_ b: inout SceneBuilder, in rest: inout Rect, journey: PlacesJourney, t: Texts) {
        let theme = b.theme
        let support = journey.support.count
        let filters: [(String, String, Icon, Bool, Action)] = [
            ("filter-open-now", t(.placesOpenNow), .schedule, journey.open == .now, .places(.openFilterTapped(.now))),
            (
                "filter-saturday", t(.placesOpenSaturday), PlacesWords.saturday, journey.open == .saturday,
                .places(.openFilterTapped(.saturday))
            ),
            (
                "filter-support", t(.placesSupport),
                PlacesWords.specialNeeds, support > 0, .places(.supportTapped)
            ),
        ]
        let frames = rest.sliceTop(theme.buttonHeight, gap: theme.gap).columns(3, gap: theme.gap)
        for ((id, label, icon, on, action), frame) in zip(filters, frames) {
            b.button(
                id: id, label: label, icon: on ? .check : icon, frame: frame, style: on ? .selected : .secondary,
                action: action, role: id == "filter-support" ? .button : .toggle, selected: on,
                textSize: theme.smallSize)
        }
    }

    /// One place in the list: its name, open or closed now, how far, today's hours. The whole
    /// card is the button; its label says all of it, for the voice.
    static func card(_ b: inout SceneBuilder, _ match: PlaceMatch, frame: Rect, language: Language, t: Texts) {
        let theme = b.theme
        let id = "place-\(match.place.id)"
        b.bordered(frame, fill: b.palette.panel, border: b.palette.primary, width: theme.px(4))
        var inner = frame.inset(dx: theme.px(24), dy: theme.px(14))
        let status = match.isOpenNow ? t(.placesOpenNow) : t(.placesClosedNow)
        // Hours the kiosk cannot evaluate: as the place wrote them.
        let day = PlacesWords.day(match.today, t: t)
        let hours = day.asWritten ?? day.text
        let distance = match.distance.map { PlacesWords.distance($0, language: language, t: t) }
        let statusHeight = b.lineHeight(status, size: theme.smallSize, weight: .bold)
        let free = inner.height - statusHeight - theme.px(8)
        // A long name takes the two lines it needs, the hours keep one.
        let nameNeed = min(
            textHeight(b, match.place.name, width: inner.width, size: theme.bodySize, weight: .bold),
            free - b.lineHeight(hours, size: theme.smallSize) - theme.px(4))
        let nameRow = inner.sliceTop(max(free / 2, nameNeed), gap: theme.px(4))
        var statusRow = inner.sliceTop(statusHeight, gap: theme.px(4))
        b.text(
            match.place.name, in: nameRow, size: theme.bodySize, weight: .bold, b.palette.text, centerVertically: true,
            maxLines: 2)
        let iconSide = min(statusRow.height, theme.px(56))
        b.icon(
            match.isOpenNow ? .check : .schedule, in: statusRow.sliceLeft(iconSide, gap: theme.px(12)),
            size: iconSide * 4 / 5, match.isOpenNow ? b.palette.primary : b.palette.mutedText)
        b.text(
            [status, distance].compactMap { $0 }.joined(separator: PlacesWords.separator(language)), in: statusRow,
            size: theme.smallSize,
            weight: .bold, match.isOpenNow ? b.palette.primary : b.palette.mutedText, centerVertically: true,
            maxLines: 2)
        b.text(hours, in: inner, size: theme.smallSize, b.palette.text, centerVertically: true, maxLines: 2)
        b.add(
            SemanticNode(
                id: id, role: .button,
                label: [match.place.name, status, distance, hours].compactMap { $0 }.joined(
                    separator: ". "), frame: frame, action: .places(.placeTapped(match.place.id))))
    }
}
