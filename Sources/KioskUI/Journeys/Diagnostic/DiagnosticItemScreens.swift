import KioskCore

/// The hands-on tasks and questions of the diagnostic, one drawing per item type.
extension DiagnosticScreens {
    // MARK: Hands-on tasks

    static func drawTapTarget(
        _ b: inout SceneBuilder, in area: Rect, target: DiagnosticItem.TapTarget, task: TaskState, t: Texts
    ) {
        let theme = b.theme
        b.bordered(area, fill: b.palette.panel, border: b.palette.border, width: theme.px(3))
        b.add(
            SemanticNode(
                id: "task-area", role: .image, label: t(.diagTaskArea), frame: area, action: .diagnostic(.besideTapped))
        )
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
        b.add(
            SemanticNode(
                id: "task-target", role: .button, label: t(.diagTarget), frame: frame,
                action: .diagnostic(.targetTapped)))
    }

    static func drawDrag(_ b: inout SceneBuilder, in area: Rect, drag: DiagnosticItem.Drag, task: TaskState, t: Texts) {
        let theme = b.theme
        b.bordered(area, fill: b.palette.panel, border: b.palette.border, width: theme.px(3))
        let side = max(
            theme.minimumTarget, min(millimetres(drag.sizeMillimetres, theme), area.width / 3, area.height / 3))
        let inner = area.inset(by: theme.px(40))
        // The box bottom-right (bottom-left in Arabic, once mirrored), the object top-left.
        let boxSide = side * 3 / 2
        let box = Rect(x: inner.maxX - boxSide, y: inner.maxY - boxSide, width: boxSide, height: boxSide)
        b.bordered(box, fill: b.palette.background, border: b.palette.text, width: theme.px(6))
        b.icon(Icon(material: drag.box) ?? .check, in: box, size: boxSide / 2, b.palette.mutedText)
        b.add(SemanticNode(id: TaskNode.dropBox, role: .image, label: t(.diagDropBox), frame: box))
        var (dx, dy) = task.dragOffset ?? (0, 0)
        if b.rightToLeft { dx = -dx }  // the scene is mirrored after layout
        let object = Rect(x: inner.x + dx, y: inner.y + dy, width: side, height: side)
        b.rounded(object, b.palette.primary)
        b.icon(Icon(material: drag.object) ?? .touch, in: object, size: side * 2 / 3, b.palette.onPrimary)
        b.add(
            SemanticNode(
                id: TaskNode.dragObject, role: .image, label: t(.diagDragObject), frame: object, draggable: true))
    }

    static func drawScroll(
        _ b: inout SceneBuilder, in area: Rect, scroll: DiagnosticItem.Scroll, task: TaskState, language: Language,
        t: Texts
    ) {
        let theme = b.theme
        b.bordered(area, fill: b.palette.panel, border: b.palette.border, width: theme.px(3))
        let viewport = area.inset(by: theme.px(12))
        let rowHeight = max(theme.minimumTarget, theme.px(150))
        let total = scroll.entries.count * rowHeight
        let offset = min(max(0, task.currentScroll), max(0, total - viewport.height))
        b.add(
            SemanticNode(
                id: TaskNode.scrollList, role: .image, label: t(.diagScrollList), frame: viewport, draggable: true))
        b.pushClip(viewport)
        for (index, name) in scroll.entries.enumerated() {
            let frame = Rect(
                x: viewport.x, y: viewport.y + index * rowHeight - offset, width: viewport.width, height: rowHeight)
            guard frame.intersects(viewport) else { continue }
            let row = frame.inset(dx: theme.px(12), dy: theme.px(8))
            b.bordered(row, fill: b.palette.secondary, border: b.palette.border, width: theme.px(2))
            let icon = Icon(material: name) ?? .quiz
            b.icon(
                icon, in: Rect(x: row.x + theme.px(20), y: row.y, width: row.height, height: row.height),
                size: row.height * 2 / 3, b.palette.text)
            let visible = frame.intersection(viewport)
            if visible.height >= theme.minimumTarget {
                b.add(
                    SemanticNode(
                        id: TaskNode.scrollEntry(index), role: .button,
                        label: PictogramNames.name(name, language, position: index + 1),
                        frame: visible, action: .diagnostic(.choiceTapped(index)), draggable: true))
            }
        }
        b.popClip()
        // A bar on the edge shows there is more below.
        if total > viewport.height {
            let barHeight = max(theme.px(60), viewport.height * viewport.height / total)
            let y = viewport.y + (viewport.height - barHeight) * offset / max(1, total - viewport.height)
            b.rounded(
                Rect(x: viewport.maxX - theme.px(14), y: y, width: theme.px(10), height: barHeight), b.palette.border,
                radius: theme.px(5))
        }
    }

    static func drawTypeWord(
        _ b: inout SceneBuilder, in area: Rect, word: String, task: TaskState, language: Language, t: Texts
    ) {
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
        b.label(
            word, id: "diag-word", role: .text, in: wordRow, size: theme.px(72 * theme.textScale), weight: .bold,
            b.palette.primary, align: .center, centerVertically: true)
        let fieldRow = left.sliceTop(theme.px(130), gap: theme.gap / 2)
        var field = fieldRow
        let validate = field.sliceRight(max(theme.px(260), fieldRow.width / 3), gap: theme.px(16))
        Keyboard.drawField(&b, id: "diag-field", in: field, text: task.entry.text, placeholder: "")
        b.button(
            id: "diag-validate", label: t(.diagValidate), icon: .check, frame: validate, style: .primary,
            action: .diagnostic(.wordSubmitted), enabled: !task.entry.text.isEmpty,
            missing: t(.missingWord))
        if theme.size.isPortrait { right = left }
        let height = Keyboard.height(for: layout, width: right.width, theme: theme)
        let keyboardArea = Rect(
            x: right.x, y: right.maxY - min(height, right.height), width: right.width, height: min(height, right.height)
        )
        Keyboard.draw(&b, in: keyboardArea, layout: layout, shifted: task.entry.shifted, t: t)
    }

    static func drawFindIcon(
        _ b: inout SceneBuilder, in area: Rect, find: DiagnosticItem.FindIcon, language: Language
    ) {
        let theme = b.theme
        let count = find.choices.count
        let columns = count <= 4 ? 2 : 3
        let rowsNeeded = (count + columns - 1) / columns
        let side = min(
            (area.width - (columns - 1) * theme.gap) / columns,
            (area.height - (rowsNeeded - 1) * theme.gap) / rowsNeeded, theme.px(300))
        let gridWidth = columns * side + (columns - 1) * theme.gap
        let gridHeight = rowsNeeded * side + (rowsNeeded - 1) * theme.gap
        for (index, name) in find.choices.enumerated() {
            var c = index % columns
            if b.rightToLeft { c = columns - 1 - c }  // the scene mirrors: keep the pack's order on screen
            let r = index / columns
            let frame = Rect(
                x: area.midX - gridWidth / 2 + c * (side + theme.gap),
                y: area.midY - gridHeight / 2 + r * (side + theme.gap),
                width: side, height: side)
            b.bordered(frame, fill: b.palette.secondary, border: b.palette.border, width: theme.px(3))
            // Icons are not mirrored: a "send" arrow must look as it does on a phone.
            if let icon = Icon(material: name) {
                b.unmirroredIcon(icon, in: frame, size: side / 2, b.palette.text)
            }
            b.add(
                SemanticNode(
                    id: "choice-\(index)", role: .button,
                    label: PictogramNames.name(name, language, position: index + 1),
                    frame: frame,
                    action: .diagnostic(.choiceTapped(index))))
        }
    }

    static func drawFraud(
        _ b: inout SceneBuilder, in area: Rect, fraud: DiagnosticItem.SpotFraud, language: Language, t: Texts
    ) {
        let theme = b.theme
        var rest = area
        if fraud.isJudge {
            let halves: [Rect]
            if theme.size.isPortrait {
                halves = rest.sliceBottom(theme.buttonHeight, gap: theme.gap).columns(2, gap: theme.gap)
            } else {
                let side = rest.sliceRight(rest.width / 3, gap: theme.gap)
                let height = min(side.height, theme.buttonHeight * 2 + theme.gap)
                halves = Rect(x: side.x, y: side.midY - height / 2, width: side.width, height: height).rows(
                    2, gap: theme.gap)
            }
            b.button(
                id: "diag-trust", label: t(.diagTrust), icon: .thumbUp, frame: halves[0], style: .secondary,
                action: .diagnostic(.trustTapped(true)))
            b.button(
                id: "diag-distrust", label: t(.diagDistrust), icon: .warning, frame: halves[1], style: .secondary,
                action: .diagnostic(.trustTapped(false)))
            message(&b, fraud.messages[0], in: rest, id: "message-0", action: nil, language: language)
        } else {
            let frames =
                theme.size.isPortrait
                ? rest.rows(fraud.messages.count, gap: theme.gap) : rest.columns(fraud.messages.count, gap: theme.gap)
            for (index, frame) in frames.enumerated() {
                message(
                    &b, fraud.messages[index], in: frame, id: "message-\(index)",
                    action: .diagnostic(.choiceTapped(index)), language: language)
            }
        }
    }

    /// A message as a phone shows it: who it claims to be from, the channel, the text.
    static func message(
        _ b: inout SceneBuilder, _ m: DiagnosticItem.SpotFraud.Message, in frame: Rect, id: String, action: Action?,
        language: Language
    ) {
        let theme = b.theme
        b.bordered(frame, fill: b.palette.panel, border: b.palette.text, width: theme.px(4))
        var inner = frame.inset(by: theme.px(24))
        var head = inner.sliceTop(min(theme.px(90), inner.height / 3), gap: theme.px(10))
        b.icon(
            Icon(material: m.pictogram) ?? .info, in: head.sliceLeft(head.height, gap: theme.px(16)),
            size: head.height * 4 / 5, b.palette.primary)
        b.text(
            m.from[language], in: head, size: theme.bodySize, weight: .bold, b.palette.text, centerVertically: true,
            maxLines: 1)
        b.text(m.text[language], in: inner, size: theme.bodySize, b.palette.text)
        let label = m.from[language] + " : " + m.text[language]
        b.add(SemanticNode(id: id, role: action == nil ? .text : .button, label: label, frame: frame, action: action))
    }

    static func drawQuestion(_ b: inout SceneBuilder, in area: Rect, t: Texts) {
        let theme = b.theme
        let answers: [(Answer, TextKey, Icon)] = [
            (.yes, .diagYes, .check), (.sometimes, .diagSometimes, .schedule), (.no, .diagNo, .close),
        ]
        let frames = choiceFrames(b.theme, in: area, count: 3)
        for (i, frame) in frames.enumerated() {
            let (answer, key, icon) = answers[i]
            b.button(
                id: "answer-\(answer.rawValue)", label: t(key), icon: icon, frame: frame, style: .secondary,
                action: .diagnostic(.answerTapped(answer)),
                shape: theme.size.isPortrait ? .row : .stacked)
        }
    }

    static func drawRating(
        _ b: inout SceneBuilder, in area: Rect, rating: DiagnosticItem.SelfRating, language: Language
    ) {
        let theme = b.theme
        for (i, frame) in choiceFrames(theme, in: area, count: rating.steps.count).enumerated() {
            let step = rating.steps[i]
            b.button(
                id: "rating-\(i + 1)", label: step.label[language], icon: Icon(material: step.pictogram) ?? .check,
                frame: frame,
                style: .secondary, action: .diagnostic(.choiceTapped(i)), shape: theme.size.isPortrait ? .row : .stacked
            )
        }
    }

    /// Big answer buttons: stacked in portrait, side by side (and taller) in landscape.
    static func choiceFrames(_ theme: Theme, in area: Rect, count: Int) -> [Rect] {
        if theme.size.isPortrait {
            let height = min(area.height, count * theme.buttonHeight * 5 / 4 + (count - 1) * theme.gap)
            return Rect(x: area.x, y: area.midY - height / 2, width: area.width, height: height).rows(
                count, gap: theme.gap)
        }
        let height = min(area.height, theme.buttonHeight * 2)
        return Rect(x: area.x, y: area.midY - height / 2, width: area.width, height: height).columns(
            count, gap: theme.gap)
    }
}
