/// The closed set of things a screen can ask the renderer to draw. Screens produce these;
/// only KioskRender turns them into pixels.
public enum DrawCommand: Equatable, Sendable {
    /// A filled rectangle.
    case rect(Rect, Color)
    /// A filled rectangle with anti-aliased corners of `radius` pixels.
    case roundedRect(Rect, radius: Int, Color)
    /// One line of shaped text whose top-left corner is `origin`. Lines are wrapped by the
    /// layout, so the renderer never wraps. `rightToLeft` sets HarfBuzz's direction.
    case text(String, origin: Point, style: TextStyle, Color)
    /// A Material Icons glyph centred in `frame`, `size` pixels high.
    case icon(Icon, frame: Rect, size: Int, Color)
    /// Restrict drawing to the intersection of `Rect` with the current clip.
    case pushClip(Rect)
    case popClip

    /// The pixels the command may touch (for damage tracking); `nil` for clip commands.
    public func bounds(measure: TextMeasurer) -> Rect? {
        switch self {
        case .rect(let r, _), .roundedRect(let r, _, _): return r
        case .text(let s, let origin, let style, _):
            // A raster may overhang its line box (tall Arabic marks): allow half a size.
            let overhang = style.size / 2
            return Rect(
                x: origin.x, y: origin.y - overhang, width: measure.width(of: s, style: style),
                height: measure.lineHeight(style) + 2 * overhang)
        case .icon(_, let frame, _, _): return frame
        case .pushClip, .popClip: return nil
        }
    }
}

public enum FontWeight: String, Equatable, Hashable, Sendable {
    case regular, bold
}

/// How a run of text is set: size in pixels, weight, and direction.
public struct TextStyle: Equatable, Hashable, Sendable {
    public var size: Int
    public var weight: FontWeight
    public var rightToLeft: Bool

    public init(size: Int, weight: FontWeight = .regular, rightToLeft: Bool = false) {
        self.size = size; self.weight = weight; self.rightToLeft = rightToLeft
    }
}

/// Measures text as the renderer will draw it. The live one wraps `TTF_SizeUTF8`; tests use
/// a fixed-advance one so layout snapshots need no font library.
public protocol TextMeasurer {
    /// Width in pixels of `text` on one line.
    func width(of text: String, style: TextStyle) -> Int
    /// Distance between two baselines, in pixels.
    func lineHeight(_ style: TextStyle) -> Int
}

/// A measurer with a fixed advance per character: deterministic for snapshots.
public struct FixedAdvanceMeasurer: TextMeasurer {
    public init() {}
    public func width(of text: String, style: TextStyle) -> Int {
        let advance = style.weight == .bold ? 0.6 : 0.55
        return Int((Double(text.count) * Double(style.size) * advance).rounded(.up))
    }
    public func lineHeight(_ style: TextStyle) -> Int { Int((Double(style.size) * 1.37).rounded(.up)) }
}
