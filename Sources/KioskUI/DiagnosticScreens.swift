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
        b.label(t(.diagIntroTitle), id: "diag-title", role: .heading, in: titleRow, size: theme.titleSize, weight: .bold, b.palette.text)
        let cards = rest.rows(2, gap: theme.gap)
        card(&b, cards[0], icon: .touch, id: "diag-intro", text: t(.diagIntroBody))
        card(&b, cards[1], icon: .handshake, id: "diag-intro-help", text: t(.diagIntroHelp))
        b.button(
            id: "diag-start", label: t(.diagStart), icon: .arrowForward, frame: start, style: .primary,
            action: .diagnostic(.start))
    }

    private static func card(_ b: inout SceneBuilder, _ frame: Rect, icon: Icon, id: String, text: String) {
        let theme = b.theme
        b.bordered(frame, fill: b.palette.panel, border: b.palette.border, width: theme.px(3))
        var inner = frame.inset(by: theme.px(32))
        let iconBox = inner.sliceLeft(theme.px(110), gap: theme.gap)
        b.icon(icon, in: Rect(x: iconBox.x, y: iconBox.y, width: iconBox.width, height: theme.px(110)), size: theme.px(96), b.palette.primary)
        b.label(text, id: id, in: inner, size: theme.bodySize, b.palette.text)
    }

    // MARK: - An item

    static func drawItem(_ b: inout SceneBuilder, in area: Rect, journey: DiagnosticJourney, language: Language, t: Texts) {
        guard let item = journey.session.currentItem else { return }
        let theme = b.theme
        var rest = area

        // Progress: dots only (spoken as "step 3 of 9"), never a score.
        let progress = journey.session.progress
        let dotsRow = rest.sliceTop(theme.px(44), gap: theme.gap)
        drawDots(&b, in: dotsRow, done: progress.done, total: max(progress.expectedTotal, progress.done + 1))
        b.add(SemanticNode(
            id: "diag-progress", role: .status,
            label: t(.diagProgress, ["done": "\(progress.done + 1)", "total": "\(max(progress.expectedTotal, progress.done + 1))"]),
            frame: dotsRow))

        // Pictogram and prompt.
        let promptHeight = min(theme.px(260 * theme.textScale), rest.height / 4)
        var promptRow = rest.sliceTop(promptHeight, gap: theme.gap)
        // The scroll task shows what to look for; others show the item's own pictogram.
        var pictogramName = item.pictogram
        if case .scroll(let scroll) = item.kind { pictogramName = scroll.answer }
        let pictogram = Icon(material: pictogramName) ?? .quiz
        let iconSide = min(theme.px(130), promptRow.height)
        b.icon(pictogram, in: promptRow.sliceLeft(iconSide, gap: theme.gap), size: iconSide, b.palette.primary)
        b.label(item.prompt[language], id: "diag-prompt", role: .heading, in: promptRow, size: theme.bodySize, weight: .bold, b.palette.text, centerVertically: true)

        // "I don't know", always: at the bottom, or under the word in a landscape typing task
        // (the keyboard takes the right-hand side's full height).
        var isTyping = false
        if case .typeWord = item.kind { isTyping = !theme.size.isPortrait }
        var bottomArea = rest
        if isTyping { bottomArea = Rect(x: rest.x, y: rest.y, width: rest.width * 2 / 5 - theme.gap, height: rest.height) }
        let bottom = bottomArea.sliceBottom(theme.buttonHeight, gap: theme.gap)
        if !isTyping { rest = bottomArea }
        b.button(
            id: "diag-dont-know", label: t(.diagDontKnow), icon: .dontKnow, frame: bottom, style: .secondary,
            action: .diagnostic(.dontKnow))

        if journey.task.tryAgain {
            let note = rest.sliceBottom(b.lineHeight(t(.diagTryAgain), size: theme.bodySize) + theme.px(8), gap: theme.px(12))
            b.label(t(.diagTryAgain), id: "diag-try-again", role: .status, in: note, size: theme.bodySize, weight: .bold, b.palette.problem, align: .center)
        }

        switch item.kind {
        case .tapTarget(let target): drawTapTarget(&b, in: rest, target: target, task: journey.task, t: t)
        case .drag(let drag): drawDrag(&b, in: rest, drag: drag, task: journey.task, t: t)
        case .scroll(let scroll): drawScroll(&b, in: rest, scroll: scroll, task: journey.task)
        case .typeWord(let word): drawTypeWord(&b, in: rest, word: word.word[language], task: journey.task, language: language, t: t)
        case .findIcon(let find): drawFindIcon(&b, in: rest, find: find)
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
                b.bordered(frame, fill: b.palette.background, border: b.palette.border, width: theme.px(3), radius: dot / 2)
            }
        }
    }

    /// Pixels for a physical length, taking the screen as a 24-inch full-HD panel
    /// (1080 px ≈ 299 mm): tasks are sized in millimetres, as a finger is.
    static func millimetres(_ mm: Int, _ theme: Theme) -> Int { theme.px(Double(mm) * 3.61) }

    // MARK: Hands-on tasks

    private static func drawTapTarget(_ b: inout SceneBuilder, in area: Rect, target: DiagnosticItem.TapTarget, task: TaskState, t: Texts) {
        let theme = b.theme
        b.bordered(area, fill: b.palette.panel, border: b.palette.border, width: theme.px(3))
        b.add(SemanticNode(id: "task-area", role: .image, label: "", frame: area, action: .diagnostic(.missed)))
        let side = max(theme.px(24), min(millimetres(target.sizeMillimetres, theme), area.width / 2, area.height / 2))
        // The target moves after each touch, to places far apart.
        let places: [(Double, Double)] = [(0.5, 0.5), (0.2, 0.25), (0.78, 0.72), (0.75, 0.22), (0.25, 0.78)]
        let (fx, fy) = places[task.hits % places.count]
        let inner = area.inset(by: theme.px(20))
        let frame = Rect(
            x: inner.x + Int(Double(inner.width - side) * fx), y: inner.y + Int(Double(inner.height - side) * fy),
            width: side, height: side)
        b.rounded(frame, b.palette.primary, radius: side / 2)
        b.icon(Icon(material: target.target) ?? .touch, in: frame, size: side * 3 / 4, b.palette.onPrimary)
        b.add(SemanticNode(id: "task-target", role: .button, label: t(.diagTarget), frame: frame, action: .diagnostic(.targetHit)))
    }

    private static func drawDrag(_ b: inout SceneBuilder, in area: Rect, drag: DiagnosticItem.Drag, task: TaskState, t: Texts) {
        let theme = b.theme
        b.bordered(area, fill: b.palette.panel, border: b.palette.border, width: theme.px(3))
        let side = max(theme.minimumTarget, min(millimetres(drag.sizeMillimetres, theme), area.width / 3, area.height / 3))
        let inner = area.inset(by: theme.px(40))
        // The box bottom-right (bottom-left in Arabic, once mirrored), the object top-left.
        let boxSide = side * 3 / 2
        let box = Rect(x: inner.maxX - boxSide, y: inner.maxY - boxSide, width: boxSide, height: boxSide)
        b.bordered(box, fill: b.palette.background, border: b.palette.text, width: theme.px(6))
        b.icon(Icon(material: drag.box) ?? .check, in: box, size: boxSide / 2, b.palette.mutedText)
        b.add(SemanticNode(id: "drag-box", role: .image, label: t(.diagDropBox), frame: box))
        var (dx, dy) = task.dragOffset ?? (0, 0)
        if b.rightToLeft { dx = -dx }  // the scene is mirrored after layout
        let object = Rect(x: inner.x + dx, y: inner.y + dy, width: side, height: side)
        b.rounded(object, b.palette.primary)
        b.icon(Icon(material: drag.object) ?? .touch, in: object, size: side * 2 / 3, b.palette.onPrimary)
        b.add(SemanticNode(id: "drag-object", role: .image, label: t(.diagDragObject), frame: object, draggable: true))
    }

    private static func drawScroll(_ b: inout SceneBuilder, in area: Rect, scroll: DiagnosticItem.Scroll, task: TaskState) {
        let theme = b.theme
        b.bordered(area, fill: b.palette.panel, border: b.palette.border, width: theme.px(3))
        let viewport = area.inset(by: theme.px(12))
        let rowHeight = max(theme.minimumTarget, theme.px(150))
        let total = scroll.entries.count * rowHeight
        let offset = min(max(0, task.currentScroll), max(0, total - viewport.height))
        b.add(SemanticNode(id: "scroll-list", role: .image, label: "", frame: viewport, draggable: true))
        b.pushClip(viewport)
        for (index, name) in scroll.entries.enumerated() {
            let frame = Rect(x: viewport.x, y: viewport.y + index * rowHeight - offset, width: viewport.width, height: rowHeight)
            guard frame.intersects(viewport) else { continue }
            let row = frame.inset(dx: theme.px(12), dy: theme.px(8))
            b.bordered(row, fill: b.palette.secondary, border: b.palette.border, width: theme.px(2))
            let icon = Icon(material: name) ?? .quiz
            b.icon(icon, in: Rect(x: row.x + theme.px(20), y: row.y, width: row.height, height: row.height), size: row.height * 2 / 3, b.palette.text)
            let visible = frame.intersection(viewport)
            if visible.height >= theme.minimumTarget {
                b.add(SemanticNode(
                    id: "scroll-entry-\(index)", role: .button, label: name.replacingOccurrences(of: "_", with: " "),
                    frame: visible, action: .diagnostic(.choice(index)), draggable: true))
            }
        }
        b.popClip()
        // A bar on the edge shows there is more below.
        if total > viewport.height {
            let barHeight = max(theme.px(60), viewport.height * viewport.height / total)
            let y = viewport.y + (viewport.height - barHeight) * offset / max(1, total - viewport.height)
            b.rounded(Rect(x: viewport.maxX - theme.px(14), y: y, width: theme.px(10), height: barHeight), b.palette.border, radius: theme.px(5))
        }
    }

    private static func drawTypeWord(_ b: inout SceneBuilder, in area: Rect, word: String, task: TaskState, language: Language, t: Texts) {
        let theme = b.theme
        let layout = KeyboardLayout.for(language)
        var left = area
        var right = area
        if !theme.size.isPortrait {
            right = left.sliceRight(area.width * 3 / 5, gap: theme.gap)
            left.height -= theme.buttonHeight + theme.gap  // "I don't know" sits below
        }
        // The word to copy, large.
        let wordRow = left.sliceTop(theme.px(110 * theme.textScale), gap: theme.gap / 2)
        b.label(word, id: "diag-word", role: .text, in: wordRow, size: theme.px(72 * theme.textScale), weight: .bold, b.palette.primary, align: .center, centerVertically: true)
        let fieldRow = left.sliceTop(theme.px(130), gap: theme.gap / 2)
        var field = fieldRow
        let validate = field.sliceRight(max(theme.px(260), fieldRow.width / 3), gap: theme.px(16))
        Keyboard.drawField(&b, id: "diag-field", in: field, text: task.entry.text, placeholder: "")
        b.button(
            id: "diag-validate", label: t(.diagValidate), icon: .check, frame: validate, style: .primary,
            action: .diagnostic(.submitWord), enabled: !task.entry.text.isEmpty)
        if theme.size.isPortrait { right = left }
        let height = Keyboard.height(for: layout, width: right.width, theme: theme)
        let keyboardArea = Rect(x: right.x, y: right.maxY - min(height, right.height), width: right.width, height: min(height, right.height))
        Keyboard.draw(&b, in: keyboardArea, layout: layout, shifted: task.entry.shifted, t: t)
    }

    private static func drawFindIcon(_ b: inout SceneBuilder, in area: Rect, find: DiagnosticItem.FindIcon) {
        let theme = b.theme
        let count = find.choices.count
        let columns = count <= 4 ? 2 : 3
        let rowsNeeded = (count + columns - 1) / columns
        let side = min((area.width - (columns - 1) * theme.gap) / columns, (area.height - (rowsNeeded - 1) * theme.gap) / rowsNeeded, theme.px(300))
        let gridWidth = columns * side + (columns - 1) * theme.gap
        let gridHeight = rowsNeeded * side + (rowsNeeded - 1) * theme.gap
        for (index, name) in find.choices.enumerated() {
            var c = index % columns
            if b.rightToLeft { c = columns - 1 - c }  // the scene mirrors: keep the pack's order on screen
            let r = index / columns
            let frame = Rect(
                x: area.midX - gridWidth / 2 + c * (side + theme.gap), y: area.midY - gridHeight / 2 + r * (side + theme.gap),
                width: side, height: side)
            b.bordered(frame, fill: b.palette.secondary, border: b.palette.border, width: theme.px(3))
            // Icons are not mirrored: a "send" arrow must look as it does on a phone.
            if let icon = Icon(material: name) {
                b.unmirroredIcon(icon, in: frame, size: side / 2, b.palette.text)
            }
            b.add(SemanticNode(
                id: "choice-\(index)", role: .button, label: name.replacingOccurrences(of: "_", with: " "), frame: frame,
                action: .diagnostic(.choice(index))))
        }
    }

    private static func drawFraud(_ b: inout SceneBuilder, in area: Rect, fraud: DiagnosticItem.SpotFraud, language: Language, t: Texts) {
        let theme = b.theme
        var rest = area
        if fraud.isJudge {
            let halves: [Rect]
            if theme.size.isPortrait {
                halves = rest.sliceBottom(theme.buttonHeight, gap: theme.gap).columns(2, gap: theme.gap)
            } else {
                let side = rest.sliceRight(rest.width / 3, gap: theme.gap)
                let height = min(side.height, theme.buttonHeight * 2 + theme.gap)
                halves = Rect(x: side.x, y: side.midY - height / 2, width: side.width, height: height).rows(2, gap: theme.gap)
            }
            b.button(id: "diag-trust", label: t(.diagTrust), icon: .thumbUp, frame: halves[0], style: .secondary, action: .diagnostic(.trust(true)))
            b.button(id: "diag-distrust", label: t(.diagDistrust), icon: .warning, frame: halves[1], style: .secondary, action: .diagnostic(.trust(false)))
            message(&b, fraud.messages[0], in: rest, id: "message-0", action: nil, language: language)
        } else {
            let frames = theme.size.isPortrait ? rest.rows(fraud.messages.count, gap: theme.gap) : rest.columns(fraud.messages.count, gap: theme.gap)
            for (index, frame) in frames.enumerated() {
                message(&b, fraud.messages[index], in: frame, id: "message-\(index)", action: .diagnostic(.choice(index)), language: language)
            }
        }
    }

    /// A message as a phone shows it: who it claims to be from, the channel, the text.
    private static func message(_ b: inout SceneBuilder, _ m: DiagnosticItem.SpotFraud.Message, in frame: Rect, id: String, action: Action?, language: Language) {
        let theme = b.theme
        b.bordered(frame, fill: b.palette.panel, border: b.palette.text, width: theme.px(4))
        var inner = frame.inset(by: theme.px(24))
        var head = inner.sliceTop(min(theme.px(90), inner.height / 3), gap: theme.px(10))
        b.icon(Icon(material: m.pictogram) ?? .info, in: head.sliceLeft(head.height, gap: theme.px(16)), size: head.height * 4 / 5, b.palette.primary)
        b.text(m.from[language], in: head, size: theme.bodySize, weight: .bold, b.palette.text, centerVertically: true, maxLines: 1)
        b.text(m.text[language], in: inner, size: theme.bodySize, b.palette.text)
        let label = m.from[language] + " : " + m.text[language]
        b.add(SemanticNode(id: id, role: action == nil ? .text : .button, label: label, frame: frame, action: action))
    }

    private static func drawQuestion(_ b: inout SceneBuilder, in area: Rect, t: Texts) {
        let theme = b.theme
        let answers: [(Answer, TextKey, Icon)] = [(.yes, .diagYes, .check), (.sometimes, .diagSometimes, .schedule), (.no, .diagNo, .close)]
        let frames = choiceFrames(b.theme, in: area, count: 3)
        for (i, frame) in frames.enumerated() {
            let (answer, key, icon) = answers[i]
            b.button(id: "answer-\(answer.rawValue)", label: t(key), icon: icon, frame: frame, style: .secondary, action: .diagnostic(.answer(answer)),
                     shape: theme.size.isPortrait ? .row : .stacked)
        }
    }

    private static func drawRating(_ b: inout SceneBuilder, in area: Rect, rating: DiagnosticItem.SelfRating, language: Language) {
        let theme = b.theme
        for (i, frame) in choiceFrames(theme, in: area, count: rating.steps.count).enumerated() {
            let step = rating.steps[i]
            b.button(
                id: "rating-\(i + 1)", label: step.label[language], icon: Icon(material: step.pictogram) ?? .check, frame: frame,
                style: .secondary, action: .diagnostic(.choice(i)), shape: theme.size.isPortrait ? .row : .stacked)
        }
    }

    /// Big answer buttons: stacked in portrait, side by side (and taller) in landscape.
    static func choiceFrames(_ theme: Theme, in area: Rect, count: Int) -> [Rect] {
        if theme.size.isPortrait {
            let height = min(area.height, count * theme.buttonHeight * 5 / 4 + (count - 1) * theme.gap)
            return Rect(x: area.x, y: area.midY - height / 2, width: area.width, height: height).rows(count, gap: theme.gap)
        }
        let height = min(area.height, theme.buttonHeight * 2)
        return Rect(x: area.x, y: area.midY - height / 2, width: area.width, height: height).columns(count, gap: theme.gap)
    }

    // MARK: - Result

    static func drawResult(_ b: inout SceneBuilder, in area: Rect, journey: DiagnosticJourney, content: KioskContent, language: Language, t: Texts) {
        let theme = b.theme
        let report = journey.report
        var rest = area
        let titleHeight = b.lineHeight(t(.diagResultTitle), size: theme.titleSize, weight: .bold)
        b.label(t(.diagResultTitle), id: "diag-result-title", role: .heading, in: rest.sliceTop(titleHeight, gap: theme.gap), size: theme.titleSize, weight: .bold, b.palette.text)

        // The big button first (bottom), so the rest shares what is left.
        let support = report.support
        let (label, icon, action): (String, Icon, Action) = {
            if support.isBookable && content.booking?.service(for: support) != nil { return (t(.diagBookIt), .event, .diagnostic(.followHelp)) }
            if support == .autonomyResources { return (t(.diagPrintList), .print, .diagnostic(.followHelp)) }
            return (t(.diagAskPerson), .supportAgent, .diagnostic(.followHelp))
        }()
        // Landscape: the path and strengths on the left, the help and its button on the right.
        var helpArea: Rect? = nil
        if !theme.size.isPortrait {
            helpArea = rest.sliceRight(rest.width * 9 / 20, gap: theme.gap)
        }
        var buttonArea = helpArea ?? rest
        let button = buttonArea.sliceBottom(theme.buttonHeight * 5 / 4, gap: theme.gap)
        b.button(id: "diag-follow", label: label, icon: icon, frame: button, style: .primary, action: action)
        if let printed = journey.resourcesPrinted {
            let note = buttonArea.sliceBottom(theme.px(110), gap: theme.px(12))
            b.label(printed ? t(.diagPrinted) : t(.diagPrintFailed), id: "diag-print-outcome", role: .status, in: note, size: theme.smallSize, weight: .bold, printed ? b.palette.text : b.palette.problem, align: .center)
        }
        if helpArea != nil { helpArea = buttonArea } else { rest = buttonArea }

        // The three-step path, the current step marked.
        let pathHeight = theme.size.isPortrait ? theme.px(130) : theme.px(90)
        let path = rest.sliceTop(pathHeight, gap: theme.px(12))
        let stepIndex = min(max(report.step, 1), 3)
        let circles = path.inset(dx: theme.px(60), dy: 0).columns(3, gap: theme.gap)
        b.fill(Rect(x: circles[0].midX, y: path.midY - theme.px(4), width: circles[2].midX - circles[0].midX, height: theme.px(8)), b.palette.border)
        for (i, cell) in circles.enumerated() {
            let here = i + 1 == stepIndex
            let side = here ? pathHeight : pathHeight * 2 / 3
            let circle = Rect(x: cell.midX - side / 2, y: path.midY - side / 2, width: side, height: side)
            let icon = Icon(material: report.stepText.pictogram) ?? .person
            if here {
                b.rounded(circle, b.palette.primary, radius: side / 2)
                b.icon(icon, in: circle, size: side * 3 / 5, b.palette.onPrimary)
            } else {
                b.bordered(circle, fill: b.palette.background, border: i + 1 < stepIndex ? b.palette.primary : b.palette.border, width: theme.px(5), radius: side / 2)
            }
        }
        b.add(SemanticNode(id: "diag-path", role: .status, label: t(.diagPathStep, ["step": "\(stepIndex)"]), frame: path))
        let stepTitle = rest.sliceTop(b.lineHeight(report.stepText.title[language], size: theme.bodySize, weight: .bold) * 2, gap: theme.px(8))
        b.label(report.stepText.title[language], id: "diag-step-title", role: .heading, in: stepTitle, size: theme.bodySize, weight: .bold, b.palette.primary, align: .center, centerVertically: true)

        // What they already do well, and the help that fits.
        let blocks = helpArea.map { [rest, $0] } ?? rest.rows(2, gap: theme.gap)
        b.bordered(blocks[0], fill: b.palette.panel, border: b.palette.border, width: theme.px(3))
        var strengths = blocks[0].inset(by: theme.px(24))
        let headHeight = b.lineHeight(t(.diagYouCan), size: theme.bodySize, weight: .bold)
        b.label(t(.diagYouCan), id: "diag-you-can", role: .heading, in: strengths.sliceTop(headHeight, gap: theme.px(8)), size: theme.bodySize, weight: .bold, b.palette.text)
        let lines = report.strengths.isEmpty ? [report.encouragement?[language] ?? ""] : report.strengths.map { $0[language] }
        for (i, row) in strengths.rows(max(lines.count, 1), gap: theme.px(8)).enumerated() where i < lines.count {
            var r = row
            b.icon(.check, in: r.sliceLeft(theme.px(56), gap: theme.px(12)), size: theme.px(48), b.palette.primary)
            b.label(lines[i], id: "diag-strength-\(i)", in: r, size: theme.bodySize, b.palette.text, centerVertically: true)
        }
        b.bordered(blocks[1], fill: b.palette.panel, border: b.palette.primary, width: theme.px(5))
        var help = blocks[1].inset(by: theme.px(24))
        let helpIcon = Icon(material: report.help.pictogram) ?? .supportAgent
        var helpHead = help.sliceTop(max(theme.px(80), b.lineHeight(report.help.title[language], size: theme.bodySize, weight: .bold)), gap: theme.px(8))
        b.icon(helpIcon, in: helpHead.sliceLeft(theme.px(80), gap: theme.px(16)), size: theme.px(72), b.palette.primary)
        b.label(report.help.title[language], id: "diag-help-title", role: .heading, in: helpHead, size: theme.bodySize, weight: .bold, b.palette.text, centerVertically: true)
        b.label(report.help.text[language], id: "diag-help-text", in: help, size: theme.bodySize, b.palette.text)
    }
}
