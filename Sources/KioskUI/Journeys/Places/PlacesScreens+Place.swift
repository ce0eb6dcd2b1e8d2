// Passerelle — KioskUI, the places of help. Licensed under the EUPL-1.2.
import Foundation
import KioskCore

extension PlacesScreens {
    /// One place: where (and how far), open now or not and today's hours, the phone, free or
    /// not, what it helps with; "Print" and what the printer said. Portrait: one column.
    /// Landscape: the facts on the left, what it offers and "Print" on the right.
    static func drawPlace(
        _ b: inout SceneBuilder, in area: Rect, match: PlaceMatch, journey: PlacesJourney, language: Language, t: Texts
    ) {
        let theme = b.theme
        let place = match.place
        var rest = area
        BookingScreens.title(&b, place.name, icon: .place, in: &rest)
        var right = rest
        if !theme.size.isPortrait { rest = right.sliceLeft(right.width * 11 / 20, gap: theme.gap) }
        var bottom = theme.size.isPortrait ? rest : right
        let print = bottom.sliceBottom(theme.buttonHeight, gap: theme.gap)
        b.button(
            id: "places-print", label: t(.placesPrint), icon: .print, frame: print,
            style: journey.print == nil ? .primary : .secondary, action: .places(.printTapped),
            enabled: journey.print != .printing)
        if let outcome = journey.print {
            let text: String
            switch outcome {
            case .printing: text = t(.bookPrinting)
            case .printed: text = t(.bookPrinted)
            case .unavailable: text = t(.placesNoPrinter)
            }
            let lines = max(2, text.count / 34 + 1)
            var row = bottom.sliceBottom(
                b.lineHeight(text, size: theme.smallSize, weight: .bold) * lines, gap: theme.gap)
            let problem = outcome == .unavailable
            b.icon(
                problem ? .camera : .print, in: row.sliceLeft(theme.px(72), gap: theme.px(16)), size: theme.px(64),
                problem ? b.palette.problem : b.palette.primary)
            b.label(
                text, id: "places-print-status", role: .status, in: row, size: theme.smallSize, weight: .bold,
                problem ? b.palette.problem : b.palette.text, centerVertically: true)
        }
        if theme.size.isPortrait { rest = bottom } else { right = bottom }

        // The facts, each a row with its pictogram.
        let (hours, asWritten) = PlacesWords.day(match.today, t: t)
        var facts: [(String, Icon, String, String?)] = [
            // The complement is French like the address: one run, one direction.
            (
                "place-address", .place,
                [PlacesWords.address(place), place.addressComplement].compactMap { $0 }
                    .joined(separator: ". "), match.distance.map { PlacesWords.distance($0, language: language, t: t) }
            ),
            ("place-hours", .schedule, match.isOpenNow ? t(.placesOpenNow) : t(.placesClosedNow), asWritten ?? hours),
        ]
        if let phone = place.phone { facts.append(("place-phone", .phone, PlacesWords.phone(phone), nil)) }
        facts.append(("place-fees", PlacesWords.fees, PlacesWords.fees(place, t: t), nil))
        let offersArea: Rect
        if theme.size.isPortrait {
            let factsHeight = rest.height * (facts.count + 1) / (facts.count + 4)
            drawFacts(&b, facts, in: rest.sliceTop(factsHeight, gap: theme.gap))
            offersArea = rest
        } else {
            drawFacts(&b, facts, in: rest)
            offersArea = right
        }
        drawOffers(&b, place, in: offersArea, t: t)
    }

    /// Rows of facts: a pictogram, the main words in bold, a smaller line under them.
    static func drawFacts(_ b: inout SceneBuilder, _ facts: [(String, Icon, String, String?)], in frame: Rect) {
        let theme = b.theme
        b.bordered(frame, fill: b.palette.panel, border: b.palette.primary, width: theme.px(4))
        let inner = frame.inset(by: theme.px(20))
        // The address and the hours have a second line; they get twice the room.
        let weights = facts.map { $0.3 == nil || $0.3?.isEmpty == true ? 2 : 3 }
        let free = inner.height - theme.px(12) * (facts.count - 1)
        let unit = free / max(1, weights.reduce(0, +))
        // What each row needs at its smallest allowed size (a long address takes two lines):
        // when the shares above would squeeze a row (larger text), each gets its need first.
        let width = inner.width - theme.px(72) - theme.gap
        let needs = facts.map { fact in
            (
                main: textHeight(b, fact.2, width: width, size: mainSize(b, fact.0), weight: .bold),
                sub: fact.3.map { textHeight(b, $0, width: width, size: theme.smallSize, weight: .regular) } ?? 0
            )
        }
        let squeezed = zip(needs, weights).contains { need, weight in
            need.main > unit * weight * 9 / 20 || need.sub > unit * weight * 11 / 20
        }
        let spare = max(0, free - needs.reduce(0) { $0 + $1.main + $1.sub }) / max(1, facts.count)
        var rest = inner
        for (index, (fact, weight)) in zip(facts, weights).enumerated() {
            let (id, icon, main, sub) = fact
            let need = needs[index]
            var row = rest.sliceTop(squeezed ? need.main + need.sub + spare : unit * weight, gap: theme.px(12))
            let iconSide = min(row.height, theme.px(72))
            b.icon(icon, in: row.sliceLeft(iconSide, gap: theme.gap), size: iconSide * 4 / 5, b.palette.primary)
            let mainSize = mainSize(b, id)
            if let sub, !sub.isEmpty {
                let top = row.sliceTop(squeezed ? need.main + spare / 2 : row.height * 9 / 20)
                b.label(main, id: id, in: top, size: mainSize, weight: .bold, b.palette.text, centerVertically: true)
                b.label(sub, id: id + "-more", in: row, size: theme.smallSize, b.palette.text)
            } else {
                b.label(main, id: id, in: row, size: mainSize, weight: .bold, b.palette.text, centerVertically: true)
            }
        }
    }

    /// The size of a fact's main words: the phone number a little larger.
    static func mainSize(_ b: SceneBuilder, _ id: String) -> Int {
        id == "place-phone" ? b.theme.px(50 * b.theme.textScale) : b.theme.bodySize
    }

    /// The height `text` takes wrapped to `width` at the smallest size it may shrink to.
    static func textHeight(_ b: SceneBuilder, _ text: String, width: Int, size: Int, weight: FontWeight) -> Int {
        let style = TextStyle(
            size: b.minimumSize(for: size), weight: weight, rightToLeft: TextDirection.isRightToLeft(text))
        return TextWrapper.wrap(text, width: width, style: style, measurer: b.measurer).count
            * b.measurer.lineHeight(style)
    }

    /// "Help with": the place's services with their pictograms, then the people it is
    /// equipped for (languages, disabilities), two to a row.
    static func drawOffers(_ b: inout SceneBuilder, _ place: PlaceOfHelp, in frame: Rect, t: Texts) {
        let theme = b.theme
        var rest = frame
        let headHeight = b.lineHeight(t(.placesOffers), size: theme.bodySize, weight: .bold)
        b.label(
            t(.placesOffers), id: "place-offers", role: .heading, in: rest.sliceTop(headHeight, gap: theme.px(12)),
            size: theme.bodySize, weight: .bold, b.palette.text)
        let items =
            place.services.map { (PlacesWords.icon($0), t(PlacesWords.key($0))) }
            + PlacesWords.supportOrder.filter(place.specificSupport.contains).map {
                (PlacesWords.icon($0), t(PlacesWords.key($0)))
            }
        guard !items.isEmpty else { return }
        var columns = 2
        let gap = theme.px(8)
        var needed = (items.count + 1) / columns
        // As many rows as fit, never smaller than a line of text and its pictogram.
        var rowHeight = max(
            theme.px(64 * theme.textScale),
            min(theme.px(110 * theme.textScale), (rest.height - gap * (needed - 1)) / needed))
        if theme.textScale > 1 {
            // Larger text: rows as tall as the longest words need, in the columns that show
            // the most of them whole (one column gives each its line).
            var shown = 0
            for count in [2, 1] {
                let width = (rest.width - (count - 1) * theme.gap) / count - theme.px(64) - theme.px(12)
                let height = max(
                    theme.px(64),
                    items.map { textHeight(b, $0.1, width: width, size: theme.smallSize, weight: .regular) }.max() ?? 0)
                let rows = min((items.count + count - 1) / count, (rest.height + gap) / (height + gap))
                if min(items.count, rows * count) > shown {
                    (shown, columns, needed, rowHeight) = (min(items.count, rows * count), count, rows, height)
                }
            }
        }
        let rows = min(needed, max(1, (rest.height + gap) / (rowHeight + gap)))
        let grid = Rect(x: rest.x, y: rest.y, width: rest.width, height: rows * (rowHeight + gap) - gap)
            .rows(rows, gap: gap)
        for (i, item) in items.prefix(rows * columns).enumerated() {
            var cell = grid[i / columns].columns(columns, gap: theme.gap)[i % columns]
            let iconSide = min(cell.height, theme.px(64))
            b.icon(item.0, in: cell.sliceLeft(iconSide, gap: theme.px(12)), size: iconSide * 4 / 5, b.palette.primary)
            b.label(
                item.1, id: "place-offer-\(i)", in: cell, size: theme.smallSize, b.palette.text, centerVertically: true,
                maxLines: 3)
        }
    }
}
