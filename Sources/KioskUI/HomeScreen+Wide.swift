import KioskCore

extension HomeScreen {
    /// Home in landscape with larger text. Five settings in a row would cut their words, and
    /// two rows of them under the greeting left the tiles no height (less still under remote
    /// help's banner). So the six settings stand in a column on the trailing side, one a row, and
    /// the greeting and the tiles, one a row, take the leading side.
    ///
    /// The welcome sentence says what the tiles below it say; it is drawn only when the tiles
    /// keep their height, and it is always said (its node stays, on the title), so nothing
    /// is lost to a person who listens. Under remote help's banner the six settings do not
    /// fit one a row: the three toggles go across the foot, and the greeting ("Bonjour") is
    /// said but not drawn, so the tiles keep the height of their words.
    static func drawWide(_ b: inout SceneBuilder, in area: Rect, state: KioskState, journeys: [Journey], t: Texts) {
        let theme = b.theme
        var rest = area
        let gap = theme.px(16)
        // Six settings one a row where they keep their height; under remote help's banner the
        // three toggles go across the foot and the languages keep the column.
        let tall = (area.height - gap * 5) / 6 >= theme.minimumTarget
        let toggleRow = tall ? nil : rest.sliceBottom(theme.minimumTarget, gap: gap)
        var column = rest.sliceRight(rest.width * 2 / 5, gap: theme.gap)
        let settings = tall ? 6 : 3
        let rowHeight = min(theme.buttonHeight, (column.height - gap * (settings - 1)) / settings)
        let rows = (0..<settings).map { _ in column.sliceTop(rowHeight, gap: gap) }
        drawSettings(
            &b, languages: Array(zip(Language.allCases, rows[0..<3])),
            toggles: toggleRow?.columns(3, gap: gap) ?? Array(rows[3..<6]), state: state, t: t)

        // Under the banner the greeting gives its line to the tiles; it is still said.
        let titleUsed: Rect
        if tall {
            let title = rest.sliceTop(
                b.lineHeight(t(.welcomeTitle), size: theme.titleSize, weight: .bold), gap: theme.gap / 2)
            titleUsed = b.label(
                t(.welcomeTitle), id: "welcome-title", role: .heading, in: title, size: theme.titleSize,
                weight: .bold, b.palette.text)
        } else {
            titleUsed = Rect(x: rest.x, y: rest.y, width: rest.width, height: 0)
            b.add(SemanticNode(id: "welcome-title", role: .heading, label: t(.welcomeTitle), frame: titleUsed))
        }

        let tileGap = theme.px(16)
        let count = max(1, journeys.count)
        var tilesNeed = count * wideTileMinimum(theme) + (count - 1) * tileGap
        if journeys.isEmpty {
            tilesNeed = bodyHeight(b, t(.welcomeNoJourney), width: rest.width - theme.px(64)) + theme.px(64)
        }
        let body = t(.welcomeBody)
        let bodyHeight = bodyHeight(b, body, width: rest.width)
        if rest.height - bodyHeight - theme.gap >= tilesNeed {
            let box = rest.sliceTop(bodyHeight, gap: theme.gap)
            b.label(body, id: "welcome-body", in: box, size: theme.bodySize, b.palette.text)
        } else {
            b.add(SemanticNode(id: "welcome-body", role: .text, label: body, frame: titleUsed))
        }
        drawJourneys(&b, in: rest, inRows: true, gap: tileGap, journeys: journeys, t: t)
    }

    /// The height a tile needs for one line of its words at the normal size, around them.
    static func wideTileMinimum(_ theme: Theme) -> Int {
        max(theme.minimumTarget, theme.px(52 * 1.45) + theme.px(24) * 2)
    }
}
