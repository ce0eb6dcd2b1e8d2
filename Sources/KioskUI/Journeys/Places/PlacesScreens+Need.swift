// Passerelle — KioskUI, the places of help. Licensed under the EUPL-1.2.
import KioskCore

extension PlacesScreens {
    // MARK: - What do you need?

    /// The services the loaded places give, each a tile, then "every place". When the tiles
    /// cannot all show their words whole (larger text), they come a page at a time, with
    /// "More choices" and "Previous choices" as large buttons at the foot.
    static func drawNeed(_ b: inout SceneBuilder, in area: Rect, places: [PlaceOfHelp], page: Int, t: Texts) {
        let theme = b.theme
        var rest = area
        BookingScreens.title(&b, t(.placesNeedTitle), icon: .place, in: &rest)
        let offered = HelpService.allCases.filter { service in places.contains { $0.services.contains(service) } }
        let choices: [HelpService?] = offered.map { $0 } + [nil]
        let labels = choices.map { need in need.map { t(PlacesWords.key($0)) } ?? t(.placesAll) }
        let grid = needGrid(b, labels: labels, in: rest)
        let perPage = grid.columns * grid.rows
        let pages = (choices.count + perPage - 1) / perPage
        let page = min(max(0, page), pages - 1)
        if pages > 1 {
            let halves = rest.sliceBottom(theme.buttonHeight, gap: theme.gap).columns(2, gap: theme.gap)
            b.button(
                id: "need-previous", label: t(.placesEarlierChoices), icon: .arrowBack, frame: halves[0],
                style: .secondary, action: .places(.previousPageTapped), enabled: page > 0)
            b.button(
                id: "need-next", label: t(.placesMoreChoices), icon: .arrowForward, frame: halves[1],
                style: .primary, action: .places(.nextPageTapped), enabled: page < pages - 1)
        }
        let rowRects = rest.rows(grid.rows, gap: theme.gap)
        let shown = Array(choices.enumerated()).dropFirst(page * perPage).prefix(perPage)
        for (n, (i, need)) in shown.enumerated() {
            let frame = rowRects[n / grid.columns].columns(grid.columns, gap: theme.gap)[n % grid.columns]
            let icon = need.map(PlacesWords.icon) ?? PlacesWords.everyPlace
            b.tile(
                id: "need-\(need.map { "\($0)" } ?? "all")", label: labels[i], icon: icon, frame: frame,
                action: .places(.needChosen(need)))
        }
    }

    /// The grid of need tiles: two columns in portrait and two rows in landscape when every
    /// label fits whole; otherwise the most tiles a page whose labels all fit (paging leaves
    /// a row for its buttons), and at worst one large tile a page.
    static func needGrid(_ b: SceneBuilder, labels: [String], in area: Rect) -> (columns: Int, rows: Int) {
        let theme = b.theme
        let count = max(1, labels.count)
        let preferred = theme.size.isPortrait ? 2 : (count + 1) / 2
        func fits(columns: Int, rows: Int) -> Bool {
            var grid = area
            if columns * rows < count { _ = grid.sliceBottom(theme.buttonHeight, gap: theme.gap) }
            let height = (grid.height - (rows - 1) * theme.gap) / rows
            let width = (grid.width - (columns - 1) * theme.gap) / columns
            guard height >= theme.minimumTarget, width >= theme.minimumTarget else { return false }
            let frame = Rect(x: 0, y: 0, width: width, height: height)
            return labels.allSatisfy { b.tileFits($0, frame: frame) }
        }
        let first = (columns: preferred, rows: (count + preferred - 1) / preferred)
        if fits(columns: first.columns, rows: first.rows) { return first }
        var best = (columns: 1, rows: 1)
        for columns in stride(from: preferred, through: 1, by: -1) {
            for rows in stride(from: (count + columns - 1) / columns, through: 1, by: -1)
            where fits(columns: columns, rows: rows) {
                if columns * rows > best.columns * best.rows { best = (columns, rows) }
                break
            }
        }
        return best
    }
}
