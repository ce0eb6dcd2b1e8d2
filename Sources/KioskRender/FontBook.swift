import CSDL2
import CSDL2TTF
import Foundation
import KioskUI

/// Where the fonts are. Defaults are Debian's `fonts-noto-core` and
/// `fonts-material-design-icons-iconfont`.
public struct FontPaths: Sendable {
    public var latinRegular: String
    public var latinBold: String
    public var arabicRegular: String
    public var arabicBold: String
    public var icons: String

    public static let debian = FontPaths(
        latinRegular: "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        latinBold: "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
        arabicRegular: "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
        arabicBold: "/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf",
        icons: "/usr/share/fonts/truetype/material-design-icons-iconfont/MaterialIcons-Regular.ttf")

    var all: [String] { [latinRegular, latinBold, arabicRegular, arabicBold, icons] }
}

/// Opens each (face, size) once and keeps it. Fonts are chosen by the text's script:
/// Arabic text gets Noto Sans Arabic shaped right to left by HarfBuzz, the rest Noto Sans.
/// Not thread-safe: the render thread owns it.
public final class FontBook {
    enum Face: Hashable { case latinRegular, latinBold, arabicRegular, arabicBold, icons }
    private struct Key: Hashable { var face: Face; var size: Int }

    private let paths: FontPaths
    /// One open font per face, resized on demand: a TTF_Font per (face, size) costs a FreeType
    /// face and HarfBuzz's copy of the shaping tables each, and the screens use some twenty
    /// sizes (about 8 MB in all). Rasters and widths are cached above, so resizing is rare.
    private var fonts: [Face: OpaquePointer] = [:]
    private var sizes: [Face: Int] = [:]
    private var lineSkips: [Key: Int] = [:]

    public init(paths: FontPaths = .debian) throws {
        for path in paths.all where !FileManager.default.fileExists(atPath: path) {
            throw SDLError(
                "TTF_OpenFont",
                message:
                    "font file \(path) is missing "
                    + "(Debian packages fonts-noto-core and fonts-material-design-icons-iconfont)"
            )
        }
        if TTF_WasInit() == 0 && TTF_Init() != 0 { throw SDLError("TTF_Init") }
        self.paths = paths
    }

    deinit {
        for font in fonts.values { TTF_CloseFont(font) }
    }

    func font(_ face: Face, size: Int) -> OpaquePointer {
        if let font = fonts[face] {
            if sizes[face] != size {
                // Only fails for a size of zero or less, which no style has.
                if TTF_SetFontSize(font, Int32(size)) != 0 {
                    preconditionFailure("\(SDLError("TTF_SetFontSize(\(size))"))")
                }
                sizes[face] = size
            }
            return font
        }
        let path: String
        switch face {
        case .latinRegular: path = paths.latinRegular
        case .latinBold: path = paths.latinBold
        case .arabicRegular: path = paths.arabicRegular
        case .arabicBold: path = paths.arabicBold
        case .icons: path = paths.icons
        }
        // The files were checked at init; a font that then fails to open is a broken install.
        guard let font = TTF_OpenFont(path, Int32(size)) else {
            preconditionFailure("\(SDLError("TTF_OpenFont(\(path))"))")
        }
        TTF_SetFontHinting(font, TTF_HINTING_LIGHT)
        fonts[face] = font
        sizes[face] = size
        return font
    }

    /// The font's line skip at the style's size, remembered (drawing asks for it per line).
    func lineSkip(for style: TextStyle) -> Int {
        let key = Key(face: Self.face(for: style), size: style.size)
        if let skip = lineSkips[key] { return skip }
        let skip = Int(TTF_FontLineSkip(font(for: style)))
        lineSkips[key] = skip
        return skip
    }

    private static func face(for style: TextStyle) -> Face {
        if style.rightToLeft { return style.weight == .bold ? .arabicBold : .arabicRegular }
        return style.weight == .bold ? .latinBold : .latinRegular
    }

    func font(for style: TextStyle) -> OpaquePointer {
        let font = font(Self.face(for: style), size: style.size)
        if style.rightToLeft {
            TTF_SetFontDirection(font, TTF_DIRECTION_RTL)
            TTF_SetFontScriptName(font, "Arab")
        } else {
            TTF_SetFontDirection(font, TTF_DIRECTION_LTR)
            TTF_SetFontScriptName(font, "Latn")
        }
        return font
    }

    /// Whether the icon font has a glyph for every icon we use.
    public func missingIcons() -> [Icon] {
        let font = font(.icons, size: 32)
        return Icon.shellIcons.filter { TTF_GlyphIsProvided32(font, $0.codepoint) == 0 }
    }

    /// Whether the font chosen for `text` can draw each of its characters.
    public func missingGlyphs(in text: String, style: TextStyle) -> [Character] {
        let font = font(for: style)
        return text.filter { ch in
            ch.unicodeScalars.contains { s in
                s.value > 0x20 && !(0x200E...0x200F).contains(s.value) && TTF_GlyphIsProvided32(font, s.value) == 0
            }
        }.map { $0 }
    }
}
