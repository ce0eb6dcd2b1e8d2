/// Colours and sizes for one screen size and the person's choices (larger text, high
/// contrast). Every text/background pair meets WCAG AAA (7:1); the tests check it.
public struct Theme: Equatable, Sendable {
    public struct Palette: Equatable, Sendable {
        public var background: Color
        public var text: Color
        public var mutedText: Color
        public var primary: Color
        public var onPrimary: Color
        public var secondary: Color
        public var onSecondary: Color
        public var border: Color
        public var selected: Color
        public var onSelected: Color
        public var focus: Color
        public var topBar: Color
        public var onTopBar: Color
        public var scrim: Color
        public var panel: Color
        public var problem: Color

        /// Warm paper and deep blue: calm, readable, not "administration grey".
        public static let standard = Palette(
            background: Color(hex: 0xF7F4EE), text: Color(hex: 0x1B1B1F), mutedText: Color(hex: 0x3A3A44),
            primary: Color(hex: 0x1D3F8F), onPrimary: Color(hex: 0xFFFFFF),
            secondary: Color(hex: 0xFFFFFF), onSecondary: Color(hex: 0x1B1B1F),
            border: Color(hex: 0x5A5A66), selected: Color(hex: 0x1D3F8F), onSelected: Color(hex: 0xFFFFFF),
            focus: Color(hex: 0xC2410C), topBar: Color(hex: 0xFFFFFF), onTopBar: Color(hex: 0x1B1B1F),
            scrim: Color(hex: 0x000000, alpha: 150), panel: Color(hex: 0xFFFFFF), problem: Color(hex: 0x9F1C1C))

        /// Black, white and yellow for low vision.
        public static let highContrast = Palette(
            background: Color(hex: 0x000000), text: Color(hex: 0xFFFFFF), mutedText: Color(hex: 0xFFFFFF),
            primary: Color(hex: 0xFFE600), onPrimary: Color(hex: 0x000000),
            secondary: Color(hex: 0x000000), onSecondary: Color(hex: 0xFFFFFF),
            border: Color(hex: 0xFFFFFF), selected: Color(hex: 0xFFE600), onSelected: Color(hex: 0x000000),
            focus: Color(hex: 0x00E5FF), topBar: Color(hex: 0x000000), onTopBar: Color(hex: 0xFFFFFF),
            scrim: Color(hex: 0x000000, alpha: 200), panel: Color(hex: 0x000000), problem: Color(hex: 0xFF8A8A))
    }

    public var palette: Palette
    public var size: Size
    /// 1.0 at 1080 pixels on the short side.
    public var scale: Double
    /// Multiplies text sizes in the larger-text mode.
    public var textScale: Double
    /// `scale` of the whole screen, when a screen is laid out in a part of it (low reach):
    /// lengths in millimetres stay millimetres.
    public var physicalScale: Double

    public init(size: Size, largeText: Bool, highContrast: Bool) {
        self.size = size
        self.palette = highContrast ? .highContrast : .standard
        self.scale = Double(min(size.width, size.height)) / 1080
        self.textScale = largeText ? 1.3 : 1.0
        self.physicalScale = scale
    }

    /// A length in pixels for a design length at 1080 px.
    public func px(_ design: Double) -> Int { max(1, Int((design * scale).rounded())) }

    /// Pixels for a physical length, taking the screen as a 24-inch full-HD panel (1080 px ≈
    /// 299 mm), on the whole screen even when a screen is laid out in a part of it.
    public func millimetres(_ mm: Int) -> Int { max(1, Int((Double(mm) * 3.61 * physicalScale).rounded())) }

    // MARK: - Type scale (design pixels at 1080 px; capital H ≈ 0.71 × size)

    public var titleSize: Int { px(64 * textScale) }
    public var bodySize: Int { px(42 * textScale) }
    public var buttonSize: Int { px(42 * textScale) }
    public var smallSize: Int { px(34 * textScale) }
    /// Below this a text is an overflow, not a smaller text.
    public var minimumTextSize: Int { px(30) }

    // MARK: - Metrics

    public var margin: Int { px(40) }
    public var gap: Int { px(28) }
    public var radius: Int { px(28) }
    public var topBarHeight: Int { px(170) }
    public var buttonHeight: Int { px(130 * max(1, textScale * 0.9)) }
    /// No target is smaller than this on either side (≈ 15 mm on a 24" full-HD screen).
    public var minimumTarget: Int { px(110) }
    /// Keys of the on-screen keyboards: eleven to a row, still ≈ 20 mm on a 24" screen.
    public var minimumKey: Int { px(76) }
    public var iconSize: Int { px(64) }
    public var focusWidth: Int { px(8) }
}
