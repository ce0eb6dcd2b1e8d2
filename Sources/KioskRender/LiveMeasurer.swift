import CSDL2TTF
import KioskUI

/// Measures text with the fonts the renderer draws with (TTF_SizeUTF8, shaped by
/// HarfBuzz). Widths are cached; `forget()` drops the cache with the person's traces.
public final class LiveMeasurer: TextMeasurer {
    private struct Key: Hashable { var text: String; var style: TextStyle }
    private let fonts: FontBook
    private var widths: [Key: Int] = [:]
    private static let capacity = 4096

    public init(fonts: FontBook) { self.fonts = fonts }

    public func width(of text: String, style: TextStyle) -> Int {
        let key = Key(text: text, style: style)
        if let w = widths[key] { return w }
        var w: Int32 = 0
        var h: Int32 = 0
        TTF_SizeUTF8(fonts.font(for: style), text, &w, &h)
        if widths.count >= Self.capacity { widths.removeAll(keepingCapacity: true) }
        widths[key] = Int(w)
        return Int(w)
    }

    /// Latin: the font's own line skip. Arabic: Noto Sans Arabic's skip (≈ 2.1 × size) leaves
    /// room for marks that everyday words do not use, so lines are set closer (1.6 × size)
    /// and the renderer centres each line's raster on its box.
    public func lineHeight(_ style: TextStyle) -> Int {
        if style.rightToLeft { return Int((Double(style.size) * 1.6).rounded(.up)) }
        return fonts.lineSkip(for: style)
    }

    /// Number of cached widths (tests check it is empty after a reset).
    public var cachedCount: Int { widths.count }

    public func forget() { widths.removeAll() }
}
