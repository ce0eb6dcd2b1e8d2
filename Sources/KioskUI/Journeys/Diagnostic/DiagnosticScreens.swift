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
        let promptHeight = promptHeight(b, journey.session.pack.items.map { $0.prompt[language] }, in: rest)
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

        tryAgainRow(&b, item: item, shown: journey.task.tryAgain, in: &rest, t: t)

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

    /// The prompt's row: a quarter of the screen at most; with larger text no more than the
    /// longest prompt of the pack (and the pictogram) needs, so short prompts give the tasks
    /// the room, and the row, its pictogram and the task's top stay put from item to item.
    static func promptHeight(_ b: SceneBuilder, _ prompts: [String], in rest: Rect) -> Int {
        let theme = b.theme
        let most = min(theme.px(260 * theme.textScale), rest.height / 4)
        guard theme.textScale > 1 else { return most }
        let lines = prompts.map { prompt in
            let style = TextStyle(size: theme.bodySize, weight: .bold, rightToLeft: TextDirection.isRightToLeft(prompt))
            return TextWrapper.wrap(
                prompt, width: rest.width - theme.px(130) - theme.gap, style: style, measurer: b.measurer
            ).count * b.measurer.lineHeight(style)
        }
        return min(most, max(theme.px(130), lines.max() ?? 0))
    }

    /// "Try again" has its row on every screen of a task that can be missed, shown or not:
    /// when it appears, the task's icons, targets and keys stay where they were (they jumped
    /// by the note's height, issue 13 item 9). Questions and ratings cannot be missed.
    static func tryAgainRow(_ b: inout SceneBuilder, item: DiagnosticItem, shown: Bool, in rest: inout Rect, t: Texts) {
        let theme = b.theme
        switch item.kind {
        case .tapTarget, .drag, .scroll, .findIcon, .typeWord: break
        case .spotFraud, .question, .selfRating: return
        }
        let note = rest.sliceBottom(
            b.lineHeight(t(.diagTryAgain), size: theme.bodySize) + theme.px(8), gap: theme.px(12))
        guard shown else { return }
        b.label(
            t(.diagTryAgain), id: "diag-try-again", role: .status, in: note, size: theme.bodySize, weight: .bold,
            b.palette.primary, align: .center)
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
}
