import KioskCore

extension DiagnosticScreens {
    /// The free resources to go on alone, on screen: no printer here, or the printing failed
    /// (issue 13, item 9). Its title, what to do with it, its introduction, then each resource
    /// and its address (web or phone), all read aloud. Portrait: one column. Landscape: the
    /// words on the left, the resources on the right.
    static func drawResources(
        _ b: inout SceneBuilder, in area: Rect, journey: DiagnosticJourney, sheet: ResourceSheet?, language: Language,
        t: Texts
    ) {
        let theme = b.theme
        var side = area
        guard let sheet else {
            // Nothing to show either: where to ask for it.
            BookingScreens.title(&b, t(.diagPrintList), icon: .description_, in: &side)
            BookingScreens.note(&b, t(.diagPrintFailed), id: "diag-resources-note", in: &side, problem: true)
            return
        }
        var list = theme.size.isPortrait ? area : side.sliceRight(area.width * 3 / 5, gap: theme.gap * 2)
        if theme.size.isPortrait { side = list }
        BookingScreens.title(&b, sheet.title[language], icon: .description_, in: &side, share: 3)
        let failed = journey.resourcesPrinted == false
        paragraph(
            &b, failed ? t(.diagListNotPrinted) : t(.diagListOnScreen), id: "diag-resources-note", in: &side,
            weight: .bold, failed ? b.palette.problem : b.palette.text)
        paragraph(&b, sheet.intro[language], id: "diag-resources-intro", in: &side, weight: .regular, b.palette.text)
        if theme.size.isPortrait { list = side }

        let gap = theme.px(16)
        // Rows for the words at their full size when they all fit so, else at the least size.
        let full = sheet.items.map { itemHeight(b, $0, language: language, width: list.width, full: true) }.max() ?? 0
        let least = sheet.items.map { itemHeight(b, $0, language: language, width: list.width) }.max() ?? 0
        let count = sheet.items.count
        let rowHeight = count * (full + gap) - gap <= list.height ? full : least
        var perPage = min(sheet.items.count, max(1, (list.height + gap) / (rowHeight + gap)))
        if perPage < sheet.items.count {
            // Larger text: a page at a time, "Previous" and "Next" at the foot.
            let halves = list.sliceBottom(theme.buttonHeight, gap: theme.gap).columns(2, gap: theme.gap)
            perPage = max(1, (list.height + gap) / (rowHeight + gap))
            let pages = (sheet.items.count + perPage - 1) / perPage
            let page = min(journey.resourcesPage, pages - 1)
            b.button(
                id: "resources-previous", label: t(.placesPrevious), icon: .arrowBack, frame: halves[0],
                style: .secondary, action: .diagnostic(.resourcesPageTurned(forward: false)), enabled: page > 0)
            b.button(
                id: "resources-next", label: t(.placesNext), icon: .arrowForward, frame: halves[1], style: .primary,
                action: .diagnostic(.resourcesPageTurned(forward: true)), enabled: page < pages - 1)
        }
        let pages = (sheet.items.count + perPage - 1) / perPage
        let first = min(journey.resourcesPage, pages - 1) * perPage
        let shown = Array(sheet.items.enumerated()).dropFirst(first).prefix(perPage)
        // Rows no taller than they need: the list stays together.
        let used = min(list.height, perPage * (rowHeight + gap) - gap)
        let rows = Rect(x: list.x, y: list.y, width: list.width, height: used).rows(perPage, gap: gap)
        for ((i, item), row) in zip(shown, rows) {
            b.bordered(row, fill: b.palette.panel, border: b.palette.primary, width: theme.px(4))
            var inner = row.inset(dx: theme.px(24), dy: theme.px(10))
            // The address at its full size when the row has the room, else as small as it may be.
            let least = PlacesScreens.textHeight(
                b, item.address, width: inner.width, size: theme.bodySize, weight: .bold)
            let words = PlacesScreens.textHeight(
                b, item.text[language], width: inner.width, size: theme.bodySize, weight: .regular)
            let full = b.lineHeight(item.address, size: theme.bodySize, weight: .bold)
            let address = inner.sliceBottom(
                max(least, min(full, inner.height - words - theme.px(4))), gap: theme.px(4))
            b.label(
                item.text[language], id: "diag-resource-\(i)", in: inner, size: theme.bodySize, b.palette.text,
                centerVertically: true)
            // Latin script on its own line, in its own direction, as it is typed.
            b.label(
                item.address, id: "diag-resource-address-\(i)", in: address, size: theme.bodySize, weight: .bold,
                b.palette.primary)
        }
    }

    /// A paragraph at the body size, given the lines it takes (at its full size when there
    /// is room, else at the smallest it may take), then a gap.
    static func paragraph(
        _ b: inout SceneBuilder, _ text: String, id: String, in rest: inout Rect, weight: FontWeight, _ color: Color
    ) {
        let theme = b.theme
        let style = TextStyle(size: theme.bodySize, weight: weight, rightToLeft: TextDirection.isRightToLeft(text))
        let full =
            TextWrapper.wrap(text, width: rest.width, style: style, measurer: b.measurer).count
            * b.measurer.lineHeight(style)
        let least = PlacesScreens.textHeight(b, text, width: rest.width, size: theme.bodySize, weight: weight)
        let height = full <= rest.height / 2 ? full : min(rest.height, least)
        b.label(
            text, id: id, in: rest.sliceTop(height, gap: theme.gap), size: theme.bodySize, weight: weight, color,
            maxLines: 8)
    }

    /// The height a resource needs, its words and its address at their full or their smallest
    /// allowed size.
    static func itemHeight(
        _ b: SceneBuilder, _ item: ResourceSheet.Item, language: Language, width: Int, full: Bool = false
    ) -> Int {
        let theme = b.theme
        let inner = width - theme.px(48)
        func height(_ text: String, _ weight: FontWeight) -> Int {
            guard full else {
                return PlacesScreens.textHeight(b, text, width: inner, size: theme.bodySize, weight: weight)
            }
            let style = TextStyle(size: theme.bodySize, weight: weight, rightToLeft: TextDirection.isRightToLeft(text))
            return TextWrapper.wrap(text, width: inner, style: style, measurer: b.measurer).count
                * b.measurer.lineHeight(style)
        }
        return height(item.text[language], .regular) + height(item.address, .bold) + theme.px(28)
    }
}
