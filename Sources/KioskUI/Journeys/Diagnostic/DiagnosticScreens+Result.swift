import KioskCore

/// The result: where the person stands, what they already do well, the help that fits and
/// the ways on.
extension DiagnosticScreens {
    // MARK: - Result

    static func drawResult(
        _ b: inout SceneBuilder, in area: Rect, journey: DiagnosticJourney, content: KioskContent,
        canPrint: Bool = true, language: Language, t: Texts
    ) {
        let theme = b.theme
        let report = journey.report
        var rest = area
        // Landscape: the buttons in one row across the foot, then the path and strengths on the
        // left, the title and the help on the right (the left column needs the height).
        var button = rest
        var helpArea: Rect? = nil
        if !theme.size.isPortrait {
            button = rest.sliceBottom(theme.buttonHeight * 5 / 4, gap: theme.gap)
            helpArea = rest.sliceRight(rest.width * 9 / 20, gap: theme.gap)
        }
        let titleHeight = b.lineHeight(t(.diagResultTitle), size: theme.titleSize, weight: .bold)
        var titled = helpArea ?? rest
        b.label(
            t(.diagResultTitle), id: "diag-result-title", role: .heading,
            in: titled.sliceTop(titleHeight, gap: theme.gap), size: theme.titleSize, weight: .bold, b.palette.text)
        if helpArea != nil { helpArea = titled } else { rest = titled }
        if theme.size.isPortrait { button = rest.sliceBottom(theme.buttonHeight * 5 / 4, gap: theme.gap) }

        // The big button first (bottom), so the rest shares what is left.
        var buttonArea = helpArea ?? rest
        followUps(
            &b, button: button, area: &buttonArea, journey: journey, content: content, canPrint: canPrint,
            language: language, t: t)
        if helpArea != nil { helpArea = buttonArea } else { rest = buttonArea }
        drawStep(&b, in: &rest, report: report, language: language, t: t)

        // What they already do well, and the help that fits.
        var blocks = helpArea.map { [rest, $0] } ?? rest.rows(2, gap: theme.gap)
        // Portrait: strengths that need more than half (larger text) get it, up to two thirds.
        let need = strengthsHeight(b, report: report, language: language, width: rest.width, t: t)
        if helpArea == nil, need > blocks[0].height {
            var lower = rest
            blocks = [lower.sliceTop(min(need, rest.height * 2 / 3), gap: theme.gap), lower]
        }
        drawStrengths(&b, in: blocks[0], report: report, language: language, t: t)
        drawHelp(&b, in: blocks[1], report: report, language: language)
    }

    /// The result's own button (the follow-up the core chose), the other ways beside it, and
    /// what the printer said.
    static func followUps(
        _ b: inout SceneBuilder, button: Rect, area buttonArea: inout Rect, journey: DiagnosticJourney,
        content: KioskContent, canPrint: Bool, language: Language, t: Texts
    ) {
        let theme = b.theme
        let (label, icon): (String, Icon) = {
            switch journey.followUp(content: content) {
            case .book: return (t(.diagBookIt), .event)
            // No printer: the list goes on screen.
            case .printResources: return canPrint ? (t(.diagPrintList), .print) : (t(.diagSeeList), .description_)
            case .askAPerson: return (t(.diagAskPerson), .supportAgent)
            }
        }()
        var button = button
        otherWays(
            &b, button: &button, area: &buttonArea, journey: journey, report: journey.report, content: content, t: t)
        b.button(
            id: "diag-follow", label: label, icon: icon, frame: button, style: .primary,
            action: .diagnostic(.followUpTapped))
        // Printed: take it. Not printed: the list was shown on its own screen instead.
        guard journey.resourcesPrinted == true else { return }
        // Its lines at full size within the usual room, else as small as they may be.
        let text = t(.diagPrinted)
        let style = TextStyle(size: theme.smallSize, weight: .bold, rightToLeft: language.isRightToLeft)
        let full =
            TextWrapper.wrap(text, width: buttonArea.width, style: style, measurer: b.measurer).count
            * b.measurer.lineHeight(style)
        let least = PlacesScreens.textHeight(b, text, width: buttonArea.width, size: theme.smallSize, weight: .bold)
        let note = buttonArea.sliceBottom(full <= theme.px(110) ? full : min(theme.px(110), least), gap: theme.px(12))
        b.label(
            text, id: "diag-print-outcome", role: .status, in: note, size: theme.smallSize, weight: .bold,
            b.palette.text, align: .center)
    }

    /// The path and the step's title. Landscape with larger text: the title beside the path
    /// (the strengths need the height). Otherwise under it, in as many lines as it takes.
    static func drawStep(
        _ b: inout SceneBuilder, in rest: inout Rect, report: DiagnosticReport, language: Language, t: Texts
    ) {
        let theme = b.theme
        let stepText = report.stepText.title[language]
        let stepLine = b.lineHeight(stepText, size: theme.bodySize, weight: .bold)
        var stepTitle: Rect
        if !theme.size.isPortrait && theme.textScale > 1 {
            let lines = stepTitleLines(b, stepText, width: rest.width * 3 / 5 - theme.px(92), most: 3)
            var row = rest.sliceTop(max(theme.px(90), stepLine * lines), gap: theme.px(8))
            let left = row.sliceLeft(row.width * 2 / 5, gap: theme.px(8))
            var pathArea = Rect(x: left.x, y: left.midY - theme.px(45), width: left.width, height: theme.px(90))
            drawPath(&b, in: &pathArea, report: report, t: t)
            stepTitle = row
        } else {
            drawPath(&b, in: &rest, report: report, t: t)
            let lines = stepTitleLines(b, stepText, width: rest.width - theme.px(84))
            stepTitle = rest.sliceTop(stepLine * lines, gap: theme.px(8))
        }
        // The step's pictogram, which the path's circles gave up for their numbers.
        b.icon(
            Icon(material: report.stepText.pictogram) ?? .person,
            in: stepTitle.sliceLeft(theme.px(72), gap: theme.px(12)),
            size: theme.px(64), b.palette.primary)
        b.label(
            stepText, id: "diag-step-title", role: .heading, in: stepTitle, size: theme.bodySize,
            weight: .bold, b.palette.primary, align: .center, centerVertically: true)
    }

    /// The help that fits: its pictogram, its title, its words.
    static func drawHelp(_ b: inout SceneBuilder, in block: Rect, report: DiagnosticReport, language: Language) {
        let theme = b.theme
        b.bordered(block, fill: b.palette.panel, border: b.palette.primary, width: theme.px(5))
        var help = block.inset(by: theme.px(theme.textScale > 1 ? 14 : 24))
        let helpIcon = Icon(material: report.help.pictogram) ?? .supportAgent
        var helpHead = help.sliceTop(
            max(theme.px(80), b.lineHeight(report.help.title[language], size: theme.bodySize, weight: .bold)),
            gap: theme.px(8))
        b.icon(helpIcon, in: helpHead.sliceLeft(theme.px(80), gap: theme.px(16)), size: theme.px(72), b.palette.primary)
        b.label(
            report.help.title[language], id: "diag-help-title", role: .heading, in: helpHead, size: theme.bodySize,
            weight: .bold, b.palette.text, centerVertically: true)
        b.label(report.help.text[language], id: "diag-help-text", in: help, size: theme.bodySize, b.palette.text)
    }

    /// What the person already does well; with nothing yet, the encouragement alone.
    static func drawStrengths(
        _ b: inout SceneBuilder, in block: Rect, report: DiagnosticReport, language: Language, t: Texts
    ) {
        let theme = b.theme
        b.bordered(block, fill: b.palette.panel, border: b.palette.border, width: theme.px(3))
        // Larger text: a narrower margin inside the block, for the words.
        var strengths = block.inset(by: theme.px(theme.textScale > 1 ? 14 : 24))
        // "You already know:" only over real strengths; with none, the encouragement alone,
        // under a thumb rather than a tick (nothing was ticked off).
        if !report.strengths.isEmpty {
            let headHeight = b.lineHeight(t(.diagYouCan), size: theme.bodySize, weight: .bold)
            b.label(
                t(.diagYouCan), id: "diag-you-can", role: .heading,
                in: strengths.sliceTop(headHeight, gap: theme.px(8)),
                size: theme.bodySize, weight: .bold, b.palette.text)
        }
        let lines =
            report.strengths.isEmpty ? [report.encouragement?[language] ?? ""] : report.strengths.map { $0[language] }
        for (i, row) in strengthRows(b, lines, in: strengths).enumerated() where i < lines.count {
            var r = row
            b.icon(
                report.strengths.isEmpty ? .thumbUp : .check, in: r.sliceLeft(theme.px(56), gap: theme.px(12)),
                size: theme.px(48), b.palette.primary)
            b.label(
                lines[i], id: "diag-strength-\(i)", in: r, size: theme.bodySize, b.palette.text, centerVertically: true)
        }
    }

    /// The height the strengths' block needs: its head and each strength at the smallest size
    /// its words may take, inside the block's padding.
    static func strengthsHeight(
        _ b: SceneBuilder, report: DiagnosticReport, language: Language, width: Int, t: Texts
    ) -> Int {
        let theme = b.theme
        let lines =
            report.strengths.isEmpty ? [report.encouragement?[language] ?? ""] : report.strengths.map { $0[language] }
        let head =
            report.strengths.isEmpty
            ? 0 : b.lineHeight(t(.diagYouCan), size: theme.bodySize, weight: .bold) + theme.px(8)
        let words = lines.map {
            PlacesScreens.textHeight(b, $0, width: width - theme.px(116), size: theme.bodySize, weight: .regular)
        }
        return head + words.reduce(0, +) + theme.px(8) * (lines.count - 1) + theme.px(48)
    }

    /// The lines a step's title takes in `width`: one to `most`.
    static func stepTitleLines(_ b: SceneBuilder, _ text: String, width: Int, most: Int = 2) -> Int {
        // Beside the path (up to three lines) its words may take their smallest size.
        let size = most > 2 ? b.minimumSize(for: b.theme.bodySize) : b.theme.bodySize
        let style = TextStyle(size: size, weight: .bold, rightToLeft: TextDirection.isRightToLeft(text))
        return min(most, max(1, TextWrapper.wrap(text, width: width, style: style, measurer: b.measurer).count))
    }

    /// Equal rows when every strength fits one so; else each row the height its words need
    /// (at full size when they all fit so, else at the smallest allowed), the rest shared.
    static func strengthRows(_ b: SceneBuilder, _ lines: [String], in area: Rect) -> [Rect] {
        let theme = b.theme
        let gap = theme.px(8)
        let equal = area.rows(max(lines.count, 1), gap: gap)
        let width = area.width - theme.px(68)
        func need(_ text: String, full: Bool) -> Int {
            guard full else {
                return PlacesScreens.textHeight(b, text, width: width, size: theme.bodySize, weight: .regular)
            }
            let style = TextStyle(size: theme.bodySize, rightToLeft: TextDirection.isRightToLeft(text))
            return TextWrapper.wrap(text, width: width, style: style, measurer: b.measurer).count
                * b.measurer.lineHeight(style)
        }
        let full = lines.map { need($0, full: true) }
        guard let first = equal.first, full.contains(where: { $0 > first.height }) else { return equal }
        let gaps = gap * (lines.count - 1)
        let needs = full.reduce(0, +) + gaps <= area.height ? full : lines.map { need($0, full: false) }
        let spare = max(0, area.height - needs.reduce(0, +) - gaps) / lines.count
        var rest = area
        return needs.map { rest.sliceTop($0 + spare, gap: gap) }
    }

    /// The three-step path, the current step marked.
    static func drawPath(_ b: inout SceneBuilder, in rest: inout Rect, report: DiagnosticReport, t: Texts) {
        let theme = b.theme
        let pathHeight = theme.size.isPortrait ? theme.px(130) : theme.px(90)
        let path = rest.sliceTop(pathHeight, gap: theme.px(12))
        let stepIndex = min(max(report.step, 1), 3)
        let circles = path.inset(dx: theme.px(60), dy: 0).columns(3, gap: theme.gap)
        b.fill(
            Rect(
                x: circles[0].midX, y: path.midY - theme.px(4), width: circles[2].midX - circles[0].midX,
                height: theme.px(8)), b.palette.border)
        for (i, cell) in circles.enumerated() {
            let here = i + 1 == stepIndex
            let side = here ? pathHeight : pathHeight * 2 / 3
            let circle = Rect(x: cell.midX - side / 2, y: path.midY - side / 2, width: side, height: side)
            // Each step shows its number; the current one is filled.
            let number = "\(i + 1)"
            if here {
                b.rounded(circle, b.palette.primary, radius: side / 2)
            } else {
                b.bordered(
                    circle, fill: b.palette.background,
                    border: i + 1 < stepIndex ? b.palette.primary : b.palette.border, width: theme.px(5),
                    radius: side / 2)
            }
            b.text(
                number, in: circle, size: side / 2, weight: .bold, here ? b.palette.onPrimary : b.palette.text,
                align: .center, centerVertically: true, maxLines: 1)
        }
        b.add(
            SemanticNode(id: "diag-path", role: .status, label: t(.diagPathStep, ["step": "\(stepIndex)"]), frame: path)
        )
    }
}

extension DiagnosticScreens {
    /// Beside the result's own button: booking when the list is the follow-up, and the places
    /// around that give the help the kiosk's helpers do not.
    static func otherWays(
        _ b: inout SceneBuilder, button: inout Rect, area buttonArea: inout Rect, journey: DiagnosticJourney,
        report: DiagnosticReport, content: KioskContent, t: Texts
    ) {
        let theme = b.theme
        let followUp = journey.followUp(content: content)
        let need: HelpService? = .fitting(report.support)
        // The list is not the only way: booking stays one tap away (no printer, no list).
        var bookToo = false
        if case .printResources = journey.followUp(content: content), content.bookingAvailable {
            bookToo = true
            // A wide screen's row holds three, when the places come third.
            let third =
                !theme.size.isPortrait && !followUp.isBooking && PlacesScreens.anyPlace(for: need, in: content.places)
            let cells = button.columns(3, gap: theme.gap)
            let book = third ? cells[1] : button.sliceRight(button.width / 2, gap: theme.gap)
            if third { button = cells[0].union(cells[2]) }
            b.button(
                id: "diag-book-too", label: t(.diagBookIt), icon: .event, frame: book, style: .secondary,
                action: .journeyTapped(.booking(nil)))
        }
        // The kiosk's helpers do not give this help: the places around that do. A wide screen
        // puts it third in the buttons' row.
        if bookToo && !theme.size.isPortrait {
            if !followUp.isBooking, PlacesScreens.anyPlace(for: need, in: content.places) {
                let cells = button.columns(3, gap: theme.gap)
                button = cells[0]
                PlacesScreens.otherPlaces(&b, frame: cells[2], need: need, t: t)
            }
        } else {
            PlacesScreens.otherPlaces(
                &b, nextTo: &button, in: &buttonArea, need: need, unless: followUp.isBooking, places: content.places,
                t: t)
        }
    }
}
