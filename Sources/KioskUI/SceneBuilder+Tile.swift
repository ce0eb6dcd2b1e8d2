import KioskCore

extension SceneBuilder {
    /// Where a tile puts its pictogram and its words.
    struct TileLayout {
        /// The pictogram beside the words (a wide tile) or above them.
        var beside: Bool
        var iconBox: Rect
        var iconSide: Int
        var textBox: Rect
    }

    /// The size a tile asks for its words.
    var tileTextSize: Int { theme.px(52 * theme.textScale) }

    func tileLayout(_ frame: Rect) -> TileLayout {
        var inner = frame.inset(by: theme.px(24))
        if frame.width > frame.height * 2 {
            // A wide, short tile of larger text gives its words the height it has.
            if theme.textScale > 1 {
                inner = frame.inset(dx: theme.px(24), dy: min(theme.px(24), max(theme.px(8), frame.height / 10)))
            }
            let iconSide = min(inner.height, theme.px(150))
            let iconBox = inner.sliceLeft(iconSide, gap: theme.gap)
            return TileLayout(beside: true, iconBox: iconBox, iconSide: iconSide, textBox: inner)
        }
        // Larger text takes room from the pictogram, never the other way round.
        let iconSide = min(inner.height / (theme.textScale > 1 ? 3 : 2), inner.width / 2, theme.px(180))
        let iconBox = inner.sliceTop(iconSide, gap: theme.px(12))
        return TileLayout(beside: false, iconBox: iconBox, iconSide: iconSide, textBox: inner)
    }

    /// Whether a tile of this frame shows `label` whole, at the smallest size it may take.
    func tileFits(_ label: String, frame: Rect) -> Bool {
        let box = tileLayout(frame).textBox
        let style = TextStyle(
            size: minimumSize(for: tileTextSize), weight: .bold, rightToLeft: TextDirection.isRightToLeft(label))
        let lines = TextWrapper.wrap(label, width: box.width, style: style, measurer: measurer)
        return lines.count <= 3 && lines.count * measurer.lineHeight(style) <= box.height
            && !TextWrapper.cutsWords(label, into: lines)
            && lines.allSatisfy { measurer.width(of: $0, style: style) <= box.width }
    }

    /// A journey tile on the home screen: a large pictogram and two to four words, the
    /// pictogram above the words in portrait and beside them in landscape.
    mutating func tile(id: String, label: String, icon: Icon, frame: Rect, action: Action) {
        // The focus ring is drawn over every control at the end (SceneBuilder.build).
        bordered(frame, fill: palette.primary, border: palette.primary, width: theme.px(3))
        let layout = tileLayout(frame)
        // Words that would not fit whole beside or under the pictogram take its room.
        let withIcon = tileFits(label, frame: frame)
        if withIcon { self.icon(icon, in: layout.iconBox, size: layout.iconSide, palette.onPrimary) }
        text(
            label, in: withIcon ? layout.textBox : frame.inset(by: theme.px(24)), size: tileTextSize, weight: .bold,
            palette.onPrimary,
            align: layout.beside ? .leading : .center, centerVertically: true, maxLines: 3)
        add(SemanticNode(id: id, role: .button, label: label, frame: frame, action: action))
    }
}
