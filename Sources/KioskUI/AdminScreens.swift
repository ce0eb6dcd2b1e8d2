import KioskCore

/// The hidden admin mode: a PIN pad, a menu (screenshot, status, quit) and a status page.
enum AdminScreens {
    static func title(_ b: inout SceneBuilder, _ text: String, icon: Icon, in rest: inout Rect) {
        let theme = b.theme
        let height = b.lineHeight(text, size: theme.titleSize, weight: .bold)
        let style = TextStyle(size: theme.titleSize, weight: .bold, rightToLeft: TextDirection.isRightToLeft(text))
        // A long word beside the icon would be cut (larger text in a narrow column): the icon
        // then stands above the title, which gets the whole width.
        let beside = b.wordsFit(text, width: rest.width - height - theme.px(16), size: theme.titleSize, weight: .bold)
        if !beside {
            var iconRow = rest.sliceTop(height, gap: theme.px(8))
            b.icon(icon, in: iconRow.sliceLeft(height), size: height, b.palette.primary)
        }
        let lines = TextWrapper.wrap(
            text, width: rest.width - (beside ? height + theme.px(16) : 0), style: style, measurer: b.measurer)
        var row = rest.sliceTop(height * min(lines.count, 3), gap: theme.gap)
        if beside {
            var iconBox = row.sliceLeft(height, gap: theme.px(16))
            b.icon(icon, in: iconBox.sliceTop(height), size: height, b.palette.primary)
        }
        b.label(text, id: "admin-title", role: .heading, in: row, size: theme.titleSize, weight: .bold, b.palette.text)
    }

    // MARK: - PIN pad

    static func drawPin(_ b: inout SceneBuilder, in area: Rect, state: KioskState, t: Texts) {
        let theme = b.theme
        // Portrait: title, dots and message above the pad. Landscape: beside it, so the
        // keys keep their full height.
        var rest = area
        var padArea = area
        if !theme.size.isPortrait {
            rest = padArea.sliceLeft(area.width * 2 / 5, gap: theme.gap)
        }
        title(&b, t(.adminPinTitle), icon: .lock, in: &rest)

        // One dot per digit typed, never the digits.
        let dotsRow = rest.sliceTop(theme.px(80), gap: theme.gap / 2)
        let count = state.admin.pinDigits.count
        let dot = theme.px(40)
        let slots = max(4, count)
        let totalWidth = slots * dot + (slots - 1) * theme.px(24)
        for i in 0..<slots {
            let frame = Rect(
                x: dotsRow.midX - totalWidth / 2 + i * (dot + theme.px(24)), y: dotsRow.midY - dot / 2, width: dot,
                height: dot)
            if i < count {
                b.rounded(frame, b.palette.text, radius: dot / 2)
            } else {
                b.bordered(
                    frame, fill: b.palette.background, border: b.palette.text, width: theme.px(3), radius: dot / 2)
            }
        }
        b.add(SemanticNode(id: "pin-dots", role: .status, label: String(repeating: "•", count: count), frame: dotsRow))

        let message = rest.sliceTop(theme.px(70), gap: theme.gap / 2)
        if state.admin.lockedUntil != nil {
            b.label(
                t(.adminPinLocked), id: "pin-message", role: .status, in: message, size: theme.smallSize,
                b.palette.problem, align: .center)
        } else if state.admin.pinRejected {
            b.label(
                t(.adminPinWrong), id: "pin-message", role: .status, in: message, size: theme.smallSize,
                b.palette.problem, align: .center)
        }

        if theme.size.isPortrait { padArea = rest }
        let padWidth = min(padArea.width, theme.px(720))
        let padHeight = min(padArea.height, theme.px(720))
        let pad = Rect(x: padArea.midX - padWidth / 2, y: padArea.y, width: padWidth, height: padHeight)
        let rows = pad.rows(4, gap: theme.px(18))
        let enabled = state.admin.lockedUntil == nil
        for (r, row) in rows.enumerated() {
            let cells = row.columns(3, gap: theme.px(18))
            for (c, cell) in cells.enumerated() {
                switch (r, c) {
                case (3, 0):
                    b.button(
                        id: "pin-erase", label: t(.adminErase), icon: .backspace, frame: cell, style: .secondary,
                        action: .pinEraseTapped, textSize: theme.smallSize)
                case (3, 2):
                    b.button(
                        id: "pin-ok", label: t(.adminValidate), icon: .check, frame: cell, style: .primary,
                        action: .pinSubmitTapped, enabled: enabled, textSize: theme.smallSize)
                default:
                    let digit = r == 3 ? 0 : r * 3 + c + 1
                    b.button(
                        id: "pin-\(digit)", label: String(digit), icon: nil, frame: cell, style: .secondary,
                        action: .pinDigitTapped(digit), enabled: enabled, textSize: theme.titleSize)
                }
            }
        }
    }

    // MARK: - Menu

    static func drawMenu(_ b: inout SceneBuilder, in area: Rect, state: KioskState, t: Texts) {
        let theme = b.theme
        var rest = area
        title(&b, t(.adminMenuTitle), icon: .lock, in: &rest)
        let entries: [(String, String, Icon, Action, SceneBuilder.ButtonStyle)] = [
            ("admin-screenshot", t(.adminScreenshot), .camera, .adminScreenshotTapped, .secondary),
            ("admin-status", t(.adminStatus), .info, .adminStatusTapped, .secondary),
            ("admin-quit", t(.adminQuit), .power, .adminQuitTapped, .secondary),
            ("admin-leave", t(.adminLeave), .exit, .adminLeaveTapped, .primary),
        ]
        // One column in portrait, two in landscape, so the result line below keeps its room.
        let perRow = theme.size.isPortrait ? 1 : 2
        var column = rest
        for start in stride(from: 0, to: entries.count, by: perRow) {
            let row = column.sliceTop(theme.buttonHeight, gap: theme.gap)
            let cells = Rect(x: row.x, y: row.y, width: min(row.width, theme.px(900) * perRow), height: row.height)
                .columns(perRow, gap: theme.gap)
            for (cell, (id, label, icon, action, style)) in zip(
                cells, entries[start..<min(start + perRow, entries.count)])
            {
                b.button(id: id, label: label, icon: icon, frame: cell, style: style, action: action)
            }
        }
        switch state.admin.lastScreenshot {
        case .saved(let path)?:
            // The path is its own line: it is Latin text inside any language's sentence.
            let lineHeight = b.lineHeight(t(.adminScreenshotSaved), size: theme.smallSize)
            b.label(
                t(.adminScreenshotSaved), id: "admin-screenshot-result", role: .status,
                in: column.sliceTop(lineHeight, gap: theme.px(8)), size: theme.smallSize, b.palette.text)
            // A path has no spaces: its folder and its file name on two lines, neither cut.
            let folder = path.range(of: "/", options: .backwards).map { String(path[..<$0.upperBound]) } ?? ""
            let wrappable = folder.isEmpty ? path : folder + "\n" + String(path.dropFirst(folder.count))
            b.label(
                wrappable, id: "admin-screenshot-path", role: .status, in: column, size: theme.smallSize,
                b.palette.text)
        case .failed?:
            b.label(
                t(.adminScreenshotFailed), id: "admin-screenshot-result", role: .status,
                in: column, size: theme.smallSize, b.palette.problem)
        case nil: break
        }
    }

    // MARK: - Status

    static func drawStatus(_ b: inout SceneBuilder, in area: Rect, state: KioskState, t: Texts) {
        let theme = b.theme
        var rest = area
        title(&b, t(.adminStatusTitle), icon: .info, in: &rest)
        let size = theme.px(30)
        let lineHeight = b.measurer.lineHeight(TextStyle(size: size))
        for (index, line) in state.admin.status.enumerated() {
            guard rest.height >= lineHeight else { break }
            // As many lines as the value wraps to (a calendar's sync, a path), at most four.
            let valueWidth = rest.width - rest.width * 2 / 5 - theme.px(16)
            let lines = TextWrapper.wrap(
                line.value, width: valueWidth, style: TextStyle(size: size), measurer: b.measurer)
            var row = rest.sliceTop(lineHeight * min(4, max(1, lines.count)), gap: theme.px(8))
            let labelBox = row.sliceLeft(row.width * 2 / 5, gap: theme.px(16))
            b.text(line.label, in: labelBox, size: size, weight: .bold, b.palette.text, maxLines: 2)
            b.label(
                line.value, id: "status-\(index)", role: .status, in: row, size: size,
                line.isProblem ? b.palette.problem : b.palette.text)
        }
    }
}
