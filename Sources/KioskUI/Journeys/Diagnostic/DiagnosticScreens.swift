import Foundation
import KioskCore

/// The diagnostic: an introduction, one screen per item (hands-on tasks, questions, a
/// self-rating), and the result. Every item has the same frame: progress dots, the
/// pictogram and the prompt, the task, and "I don't know" at the bottom.
enum DiagnosticScreens {
    // MARK: - Introduction

    static func drawIntro(_ b: inout SceneBuilder, in area: Rect, t: Texts) {
        let theme = b.theme
        var rest = area
        let start = rest.sliceBottom(theme.buttonHeight * 5 / 4, gap: theme.gap)
        let titleHeight = b.lineHeight(t(.diagIntroTitle), size: theme.titleSize, weight: .bold)
        var titleRow = rest.sliceTop(titleHeight, gap: theme.gap)
        b.icon(.quiz, in: titleRow.sliceLeft(titleHeight, gap: theme.px(16)), size: titleHeight, b.palette.primary)
        b.label(
            t(.diagIntroTitle), id: "diag-title", role: .heading, in: titleRow, size: theme.titleSize, weight: .bold,
            b.palette.text)
        let cards = rest.rows(2, gap: theme.gap)
        card(&b, cards[0], icon: .touch, id: "diag-intro", text: t(.diagIntroBody))
        card(&b, cards[1], icon: .handshake, id: "diag-intro-help", text: t(.diagIntroHelp))
        b.button(
            id: "diag-start", label: t(.diagStart), icon: .arrowForward, frame: start, style: .primary,
            action: .diagnostic(.startTapped))
    }

    private static func card(_ b: inout SceneBuilder, _ frame: Rect, icon: Icon, id: String, text: String) {
        let theme = b.theme
        b.bordered(frame, fill: b.palette.panel, border: b.palette.border, width: theme.px(3))
        var inner = frame.inset(by: theme.px(32))
        let iconBox = inner.sliceLeft(theme.px(110), gap: theme.gap)
        b.icon(
            icon, in: Rect(x: iconBox.x, y: iconBox.y, width: iconBox.width, height: theme.px(110)), size: theme.px(96),
            b.palette.primary)
        b.label(text, id: id, in: inner, size: theme.bodySize, b.palette.text)
    }

    // MARK: - An item

    static func drawItem(
        _ b: inout SceneBuilder, in area: Rect, journey: DiagnosticJourney, language: Language, t: Texts
    ) {
        guard let item = journey.session.currentItem else { return }
        let theme = b.theme
        var rest = area

        // Progress: dots only (spoken as "step 3 of 9"), never a score.
        let progress = journey.session.progress
        let dotsRow = rest.sliceTop(theme.px(44), gap: theme.gap)
        drawDots(&b, in: dotsRow, done: progress.done, total: max(progress.expectedTotal, progress.done + 1))
        b.add(
            SemanticNode(
                id: "diag-progress", role: .status,
                label: t(
                    .diagProgress,
                    ["done": "\(progress.done + 1)", "total": "\(max(progress.expectedTotal, progress.done + 1))"]),
                frame: dotsRow))
        // The task just done went well: said in the dots' row, so nothing below moves.
        if journey.lastSucceeded {
            let total = max(progress.expectedTotal, progress.done + 1)
            let dotsWidth = min(dotsRow.width, total * theme.px(30) + (total - 1) * theme.px(18))
            var cheer = Rect(
                x: dotsRow.x, y: dotsRow.y, width: (dotsRow.width - dotsWidth) / 2 - theme.px(16),
                height: dotsRow.height)
            let side = min(cheer.height, theme.px(44))
            b.icon(.check, in: cheer.sliceLeft(side, gap: theme.px(8)), size: side, b.palette.primary)
            b.label(
                t(.diagSuccess), id: "diag-success", role: .status, in: cheer, size: theme.px(34), weight: .bold,
                b.palette.primary, centerVertically: true, maxLines: 1)
        }

        // Pictogram and prompt.
        let promptHeight = min(theme.px(260 * theme.textScale), rest.height / 4)
        var promptRow = rest.sliceTop(promptHeight, gap: theme.gap)
        // The scroll task shows what to look for; others show the item's own pictogram.
        var pictogramName = item.pictogram
        if case .scroll(let scroll) = item.kind { pictogramName = scroll.answer }
        let pictogram = Icon(material: pictogramName) ?? .quiz
        let iconSide = min(theme.px(130), promptRow.height)
        b.icon(pictogram, in: promptRow.sliceLeft(iconSide, gap: theme.gap), size: iconSide, b.palette.primary)
        b.label(
            item.prompt[language], id: "diag-prompt", role: .heading, in: promptRow, size: theme.bodySize,
            weight: .bold, b.palette.text, centerVertically: true)

        // "I don't know", always: at the bottom, or under the word in a landscape typing task
        // (the keyboard takes the right-hand side's full height).
        var isTyping = false
        if case .typeWord = item.kind { isTyping = !theme.size.isPortrait }
        var bottomArea = rest
        if isTyping {
            bottomArea = Rect(x: rest.x, y: rest.y, width: rest.width * 2 / 5 - theme.gap, height: rest.height)
        }
        let bottom = bottomArea.sliceBottom(theme.buttonHeight, gap: theme.gap)
        if !isTyping { rest = bottomArea }
        b.button(
            id: "diag-dont-know", label: t(.diagDontKnow), icon: .dontKnow, frame: bottom, style: .secondary,
            action: .diagnostic(.dontKnowTapped))

        if journey.task.tryAgain {
            let note = rest.sliceBottom(
                b.lineHeight(t(.diagTryAgain), size: theme.bodySize) + theme.px(8), gap: theme.px(12))
            b.label(
                t(.diagTryAgain), id: "diag-try-again", role: .status, in: note, size: theme.bodySize, weight: .bold,
                b.palette.primary, align: .center)
        }

        switch item.kind {
        case .tapTarget(let target): drawTapTarget(&b, in: rest, target: target, task: journey.task, t: t)
        case .drag(let drag): drawDrag(&b, in: rest, drag: drag, task: journey.task, t: t)
        case .scroll(let scroll): drawScroll(&b, in: rest, scroll: scroll, task: journey.task, language: language, t: t)
        case .typeWord(let word):
            drawTypeWord(&b, in: rest, word: word.word[language], task: journey.task, language: language, t: t)
        case .findIcon(let find): drawFindIcon(&b, in: rest, find: find, language: language)
        case .spotFraud(let fraud): drawFraud(&b, in: rest, fraud: fraud, language: language, t: t)
        case .question: drawQuestion(&b, in: rest, t: t)
        case .selfRating(let rating): drawRating(&b, in: rest, rating: rating, language: language)
        }
    }

    private static func drawDots(_ b: inout SceneBuilder, in row: Rect, done: Int, total: Int) {
        let theme = b.theme
        let gap = theme.px(18)
        let dot = min(theme.px(30), (row.width - gap * (total - 1)) / max(total, 1))
        let width = total * dot + (total - 1) * gap
        for i in 0..<total {
            let frame = Rect(x: row.midX - width / 2 + i * (dot + gap), y: row.midY - dot / 2, width: dot, height: dot)
            if i < done {
                b.rounded(frame, b.palette.primary, radius: dot / 2)
            } else if i == done {
                b.bordered(frame, fill: b.palette.primary, border: b.palette.text, width: theme.px(4), radius: dot / 2)
            } else {
                b.bordered(
                    frame, fill: b.palette.background, border: b.palette.border, width: theme.px(3), radius: dot / 2)
            }
        }
    }

    /// Pixels for a physical length (`Theme.millimetres`): tasks are sized as a finger is.
    static func millimetres(_ mm: Int, _ theme: Theme) -> Int { theme.millimetres(mm) }

    // MARK: - Result

    static func drawResult(
        _ b: inout SceneBuilder, in area: Rect, journey: DiagnosticJourney, content: KioskContent, language: Language,
        t: Texts
    ) {
        let theme = b.theme
        let report = journey.report
        var rest = area
        let titleHeight = b.lineHeight(t(.diagResultTitle), size: theme.titleSize, weight: .bold)
        b.label(
            t(.diagResultTitle), id: "diag-result-title", role: .heading,
            in: rest.sliceTop(titleHeight, gap: theme.gap), size: theme.titleSize, weight: .bold, b.palette.text)

        // The big button first (bottom), so the rest shares what is left.
        let followUp = journey.followUp(content: content)
        let (label, icon): (String, Icon) = {
            switch followUp {
            case .book: return (t(.diagBookIt), .event)
            case .printResources: return (t(.diagPrintList), .print)
            case .askAPerson: return (t(.diagAskPerson), .supportAgent)
            }
        }()
        let action = Action.diagnostic(.followUpTapped)
        // Landscape: the path and strengths on the left, the help and its button on the right.
        var helpArea: Rect? = nil
        if !theme.size.isPortrait {
            helpArea = rest.sliceRight(rest.width * 9 / 20, gap: theme.gap)
        }
        var buttonArea = helpArea ?? rest
        var button = buttonArea.sliceBottom(theme.buttonHeight * 5 / 4, gap: theme.gap)
        otherWays(&b, button: &button, area: &buttonArea, journey: journey, report: report, content: content, t: t)
        b.button(id: "diag-follow", label: label, icon: icon, frame: button, style: .primary, action: action)
        if let printed = journey.resourcesPrinted {
            let note = buttonArea.sliceBottom(theme.px(110), gap: theme.px(12))
            b.label(
                printed ? t(.diagPrinted) : t(.diagPrintFailed), id: "diag-print-outcome", role: .status, in: note,
                size: theme.smallSize, weight: .bold, printed ? b.palette.text : b.palette.problem, align: .center)
        }
        if helpArea != nil { helpArea = buttonArea } else { rest = buttonArea }

        drawPath(&b, in: &rest, report: report, t: t)
        var stepTitle = rest.sliceTop(
            b.lineHeight(report.stepText.title[language], size: theme.bodySize, weight: .bold) * 2, gap: theme.px(8))
        // The step's pictogram, which the path's circles gave up for their numbers.
        b.icon(
            Icon(material: report.stepText.pictogram) ?? .person,
            in: stepTitle.sliceLeft(theme.px(72), gap: theme.px(12)),
            size: theme.px(64), b.palette.primary)
        b.label(
            report.stepText.title[language], id: "diag-step-title", role: .heading, in: stepTitle, size: theme.bodySize,
            weight: .bold, b.palette.primary, align: .center, centerVertically: true)

        // What they already do well, and the help that fits.
        let blocks = helpArea.map { [rest, $0] } ?? rest.rows(2, gap: theme.gap)
        drawStrengths(&b, in: blocks[0], report: report, language: language, t: t)
        b.bordered(blocks[1], fill: b.palette.panel, border: b.palette.primary, width: theme.px(5))
        var help = blocks[1].inset(by: theme.px(24))
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
        var strengths = block.inset(by: theme.px(24))
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
        for (i, row) in strengths.rows(max(lines.count, 1), gap: theme.px(8)).enumerated() where i < lines.count {
            var r = row
            b.icon(
                report.strengths.isEmpty ? .thumbUp : .check, in: r.sliceLeft(theme.px(56), gap: theme.px(12)),
                size: theme.px(48), b.palette.primary)
            b.label(
                lines[i], id: "diag-strength-\(i)", in: r, size: theme.bodySize, b.palette.text, centerVertically: true)
        }
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

// MARK: - Samples

extension DiagnosticScreens {
    /// The introduction, every item of the pack as a person meets it (answers replayed; the
    /// items a confident person skips shown too, on their own), and the result.
    static func sampleStates(home: KioskState, content: KioskContent, now: Date) -> [(String, KioskState)] {
        guard let pack = content.diagnosticPack else { return [] }
        var states: [(String, KioskState)] = []
        var intro = home
        intro.diagnostic = DiagnosticJourney(pack: pack, now: now)
        intro.screen = .diagnostic(.intro)
        states.append(("diagnostic-intro", intro))
        var journey = DiagnosticJourney(pack: pack, now: now)
        var seen = Set<String>()
        for _ in 0..<pack.items.count {
            guard let item = journey.session.currentItem else { break }
            if seen.insert(item.id).inserted {
                var s = home
                s.diagnostic = journey
                s.screen = .diagnostic(.item)
                s.diagnostic?.task.tryAgain = true
                states.append(("diagnostic-\(item.id)", s))
            }
            _ =
                journey.session.record(.task(success: true, seconds: 3, misses: 0), at: now)
                || journey.session.record(.answer(.yes), at: now) || journey.session.record(.rating(3), at: now)
        }
        for item in pack.items where !seen.contains(item.id) {
            var s = home
            s.diagnostic = DiagnosticJourney(pack: pack.restricted(to: [item]), now: now)
            s.screen = .diagnostic(.item)
            states.append(("diagnostic-\(item.id)", s))
        }
        var result = home
        result.diagnostic = journey
        result.diagnostic?.resourcesPrinted = false
        result.screen = .diagnostic(.result)
        states.append(("diagnostic-result", result))
        return states
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
        // The list is not the only way: booking stays one tap away (no printer, no list).
        var bookToo = false
        if case .printResources = journey.followUp(content: content), content.bookingAvailable {
            bookToo = true
            let book = button.sliceRight(button.width / 2, gap: theme.gap)
            b.button(
                id: "diag-book-too", label: t(.diagBookIt), icon: .event, frame: book, style: .secondary,
                action: .journeyTapped(.booking(nil)))
        }
        // The kiosk's helpers do not give this help: the places around that do. Beside "print"
        // and "book" a wide screen has no room for a third: it gets a row of its own.
        let need: HelpService? = .fitting(report.support)
        if bookToo && !theme.size.isPortrait {
            if !followUp.isBooking, PlacesScreens.anyPlace(for: need, in: content.places) {
                PlacesScreens.otherPlaces(
                    &b, frame: buttonArea.sliceBottom(theme.buttonHeight, gap: theme.gap), need: need, t: t)
            }
        } else {
            PlacesScreens.otherPlaces(
                &b, nextTo: &button, in: &buttonArea, need: need, unless: followUp.isBooking, places: content.places,
                t: t)
        }
    }
}
