import KioskCore

/// The large on-screen keyboards: AZERTY with the French accents, QWERTY for English, and an
/// Arabic layout in Arabic; a phone keypad. Keys are semantic nodes of role `key`, labelled
/// with what they type, so touch, a physical keypad, speech and scenarios all use them.
public enum KeyboardLayout: Equatable, Sendable {
    case azerty, qwerty, arabic

    public static func `for`(_ language: Language) -> KeyboardLayout {
        switch language {
        case .fr: return .azerty
        case .en: return .qwerty
        case .ar: return .arabic
        }
    }

    /// One key: what it types (or does), and its width in units.
    enum Key: Equatable {
        case character(String)
        case shift, erase, space

        var id: String {
            switch self {
            case .character(let c): return "key-\(c)"
            case .shift: return "key-shift"
            case .erase: return "key-erase"
            case .space: return "key-space"
            }
        }
    }

    /// Rows of (key, width in units); every row is 11 units wide at most.
    var rows: [[(Key, Double)]] {
        func chars(_ s: String) -> [(Key, Double)] { s.split(separator: " ").map { (.character(String($0)), 1) } }
        switch self {
        case .azerty:
            return [
                chars("é è ê à â ç ù ô î ï"),
                chars("a z e r t y u i o p"),
                chars("q s d f g h j k l m"),
                [(.shift, 1.5)] + chars("w x c v b n - '") + [(.erase, 1.5)],
                [(.space, 6)],
            ]
        case .qwerty:
            return [
                chars("é è ê à â ç ù ô î ï"),
                chars("q w e r t y u i o p"),
                chars("a s d f g h j k l '"),
                [(.shift, 1.5)] + chars("z x c v b n m -") + [(.erase, 1.5)],
                [(.space, 6)],
            ]
        case .arabic:
            // The usual Arabic keyboard, ض at the top left as on a physical one.
            return [
                chars("ض ص ث ق ف غ ع ه خ ح ج"),
                chars("ش س ي ب ل ا ت ن م ك ط"),
                chars("ئ ء ؤ ر ى ة و ز ظ د ذ"),
                chars("أ إ آ") + [(.space, 5), (.erase, 2)],
            ]
        }
    }

    var hasShift: Bool { self != .arabic }
}

enum Keyboard {
    /// The height the keyboard wants for `width` (keys stay roughly square).
    static func height(for layout: KeyboardLayout, width: Int, theme: Theme) -> Int {
        let rows = layout.rows.count
        return rows * keyHeight(width: width, theme: theme) + (rows - 1) * theme.px(12)
    }

    static func keyHeight(width: Int, theme: Theme) -> Int {
        min(theme.px(112), max(theme.minimumKey, width / 11))
    }

    /// Draws the keyboard at the top of `area`; returns the rect it used.
    @discardableResult
    static func draw(_ b: inout SceneBuilder, in area: Rect, layout: KeyboardLayout, shifted: Bool, t: Texts) -> Rect {
        let theme = b.theme
        let gap = theme.px(12)
        let unit = Double(area.width + gap) / 11
        let rowCount = layout.rows.count
        // Square-ish keys, lower when the area is short (landscape), never below the minimum.
        let keyHeight = max(
            theme.minimumKey,
            min(keyHeight(width: area.width, theme: theme), (area.height - (rowCount - 1) * gap) / rowCount))
        // The layout is drawn in reading order; a right-to-left scene is mirrored as a whole,
        // so the Arabic rows are laid out reversed to keep ض at the top left.
        let reversed = b.rightToLeft
        var y = area.y
        for row in layout.rows {
            let units = row.reduce(0) { $0 + $1.1 }
            var x = Double(area.x) + (11 - units) * unit / 2
            let keys = reversed ? Array(row.reversed()) : row
            for (key, width) in keys {
                let frame = Rect(
                    x: Int(x.rounded()), y: y, width: Int((width * unit).rounded()) - gap, height: keyHeight)
                drawKey(&b, key, frame: frame, shifted: shifted && layout.hasShift, t: t)
                x += width * unit
            }
            y += keyHeight + gap
        }
        return Rect(x: area.x, y: area.y, width: area.width, height: y - gap - area.y)
    }

    private static func drawKey(
        _ b: inout SceneBuilder, _ key: KeyboardLayout.Key, frame: Rect, shifted: Bool, t: Texts
    ) {
        let theme = b.theme
        switch key {
        case .character(let c):
            let label = shifted ? c.uppercased() : c
            b.button(
                id: key.id, label: label, icon: nil, frame: frame, style: .secondary, action: .keyTyped(label),
                role: .key, textSize: theme.px(48))
        case .shift:
            b.button(
                id: key.id, label: t(.keyShift), icon: .shift, frame: frame, style: shifted ? .selected : .secondary,
                action: .shiftTapped, shape: .iconOnly, role: .key, selected: shifted)
        case .erase:
            b.button(
                id: key.id, label: t(.keyErase), icon: .backspace, frame: frame, style: .secondary, action: .keyErased,
                shape: .iconOnly, role: .key)
        case .space:
            b.button(
                id: key.id, label: t(.keySpace), icon: .space, frame: frame, style: .secondary, action: .keyTyped(" "),
                shape: .iconOnly, role: .key)
        }
    }

    /// A phone keypad: 1–9, erase, 0. Digits keep their usual order in Arabic too.
    @discardableResult
    static func drawKeypad(_ b: inout SceneBuilder, in area: Rect, t: Texts) -> Rect {
        let theme = b.theme
        let width = min(area.width, theme.px(660))
        let rowHeight = min(theme.px(130), (area.height - 3 * theme.px(16)) / 4)
        let pad = Rect(x: area.midX - width / 2, y: area.y, width: width, height: rowHeight * 4 + 3 * theme.px(16))
        let labels = [["1", "2", "3"], ["4", "5", "6"], ["7", "8", "9"], ["", "0", "erase"]]
        for (r, row) in pad.rows(4, gap: theme.px(16)).enumerated() {
            var cells = row.columns(3, gap: theme.px(16))
            if b.rightToLeft { cells.reverse() }
            for (c, cell) in cells.enumerated() {
                let label = labels[r][c]
                switch label {
                case "": continue
                case "erase":
                    b.button(
                        id: "key-erase", label: t(.keyErase), icon: .backspace, frame: cell, style: .secondary,
                        action: .keyErased, shape: .iconOnly, role: .key)
                default:
                    b.button(
                        id: "key-\(label)", label: label, icon: nil, frame: cell, style: .secondary,
                        action: .keyTyped(label), role: .key, textSize: theme.px(56))
                }
            }
        }
        return pad
    }

    /// The typed text in a large box, with a caret; the placeholder when empty.
    static func drawField(_ b: inout SceneBuilder, id: String, in frame: Rect, text: String, placeholder: String) {
        // A phone number is read in pairs, as French people say and write it.
        let text = id.hasSuffix("phone-field") ? PhonePairs.format(text) : text
        let theme = b.theme
        b.bordered(frame, fill: b.palette.panel, border: b.palette.primary, width: theme.px(5))
        let inner = frame.inset(dx: theme.px(28), dy: theme.px(8))
        let size = theme.px(56 * theme.textScale)
        if text.isEmpty {
            b.text(
                placeholder, in: inner, size: theme.bodySize, b.palette.mutedText, centerVertically: true, maxLines: 1)
        } else {
            let used = b.text(
                text, in: inner, size: size, weight: .bold, b.palette.text, centerVertically: true, maxLines: 1)
            // Caret after the text (before it, once mirrored, in Arabic).
            let caret = Rect(
                x: min(inner.maxX - theme.px(6), used.maxX + theme.px(6)), y: inner.y + theme.px(10),
                width: theme.px(6), height: inner.height - theme.px(20))
            b.fill(caret, b.palette.primary)
        }
        b.add(SemanticNode(id: id, role: .status, label: text, frame: frame))
        // A first name or a phone number; the diagnostic's word to copy is nobody's.
        if id != "diag-field" { b.markPersonal(id) }
    }
}
