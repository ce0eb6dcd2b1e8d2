import CSDL2
import CSDL2TTF
import KioskUI

/// Rasterised text and icons as coverage masks (one byte a pixel, trimmed to the ink),
/// keyed by (string, style): the colour is applied when drawing, so one raster serves every
/// colour. Bounded (LRU by last use) and emptied by `forget()` after each person, so nothing
/// they typed lingers. Owned by the render thread.
final class TextCache {
    enum Content: Hashable {
        case text(String, TextStyle)
        case icon(Icon, Int)
    }

    /// A raster: `width`×`height` as laid out, of which only `ink` (relative to the raster's
    /// top-left corner) has coverage, stored row by row in `coverage`.
    final class Raster {
        let width: Int, height: Int
        let ink: Rect
        let coverage: UnsafeMutablePointer<UInt8>

        init(width: Int, height: Int, ink: Rect, coverage: UnsafeMutablePointer<UInt8>) {
            self.width = width
            self.height = height
            self.ink = ink
            self.coverage = coverage
        }
        deinit { coverage.deallocate() }
        var bytes: Int { max(ink.width * ink.height, 0) }
    }

    private struct Entry { var raster: Raster; var lastUse: UInt64 }

    private let fonts: FontBook
    private var entries: [Content: Entry] = [:]
    private var clock: UInt64 = 0
    let capacity: Int
    /// Bytes held by all cached rasters, at most `byteBudget`. Large text on a 1080×1920
    /// screen makes big rasters, and memory is the appliance's scarcest thing; `make bench`
    /// prints what the largest screen needs.
    let byteBudget: Int
    private(set) var bytes = 0
    private(set) var misses = 0

    init(fonts: FontBook, capacity: Int = 512, byteBudget: Int = 2 << 20) {
        self.fonts = fonts
        self.capacity = capacity
        self.byteBudget = byteBudget
    }

    var count: Int { entries.count }

    /// The cached raster for `content`, rasterising it on a miss; nil for empty text.
    func raster(_ content: Content) -> Raster? {
        clock += 1
        if var entry = entries[content] {
            entry.lastUse = clock
            entries[content] = entry
            return entry.raster
        }
        misses += 1
        let white = SDL_Color(r: 255, g: 255, b: 255, a: 255)
        let surface: UnsafeMutablePointer<SDL_Surface>?
        switch content {
        case .text(let string, let style):
            guard !string.isEmpty else { return nil }
            let shaped = style.rightToLeft ? BidiDigits.forRightToLeftShaping(string) : string
            surface = TTF_RenderUTF8_Blended(fonts.font(for: style), shaped, white)
        case .icon(let icon, let size):
            surface = TTF_RenderGlyph32_Blended(fonts.font(.icons, size: size), icon.codepoint, white)
        }
        guard let surface else { return nil }
        defer { SDL_FreeSurface(surface) }
        guard let raster = Self.coverage(of: surface) else { return nil }
        if entries.count >= capacity || bytes + raster.bytes > byteBudget { evictOldest(making: raster.bytes) }
        entries[content] = Entry(raster: raster, lastUse: clock)
        bytes += raster.bytes
        return raster
    }

    /// The alpha channel of SDL_ttf's ARGB8888 output, trimmed to the pixels that have ink.
    private static func coverage(of surface: UnsafeMutablePointer<SDL_Surface>) -> Raster? {
        guard surface.pointee.format.pointee.format == UInt32(SDL_PIXELFORMAT_ARGB8888.rawValue) else { return nil }
        let w = Int(surface.pointee.w), h = Int(surface.pointee.h)
        let pitch = Int(surface.pointee.pitch) / 4
        let pixels = surface.pointee.pixels.assumingMemoryBound(to: UInt32.self)
        var minX = w, minY = h, maxX = -1, maxY = -1
        for y in 0..<h {
            let row = pixels + y * pitch
            for x in 0..<w where row[x] >> 24 != 0 {
                minX = min(minX, x)
                maxX = max(maxX, x)
                minY = min(minY, y)
                maxY = y
            }
        }
        let ink =
            maxX < 0
            ? Rect(x: 0, y: 0, width: 0, height: 0)
            : Rect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1)
        let coverage = UnsafeMutablePointer<UInt8>.allocate(capacity: max(ink.width * ink.height, 1))
        for y in 0..<ink.height {
            let row = pixels + (ink.y + y) * pitch + ink.x
            let out = coverage + y * ink.width
            for x in 0..<ink.width { out[x] = UInt8(truncatingIfNeeded: row[x] >> 24) }
        }
        return Raster(width: w, height: h, ink: ink, coverage: coverage)
    }

    /// Drops the least recently used entries: a quarter of them at least, and enough to fit
    /// `room` more bytes under the budget (what the current frame uses was touched last).
    private func evictOldest(making room: Int) {
        let sorted = entries.sorted { $0.value.lastUse < $1.value.lastUse }
        var dropped = 0
        for (key, entry) in sorted {
            let enough = dropped >= max(1, capacity / 4) || entries.count < capacity
            if enough && bytes + room <= byteBudget { break }
            entries[key] = nil
            bytes -= entry.raster.bytes
            dropped += 1
        }
    }

    func forget() {
        entries.removeAll()
        bytes = 0
    }

    /// Whether any cached text contains `fragment` (privacy tests).
    func containsText(_ fragment: String) -> Bool {
        entries.keys.contains { key in
            if case .text(let s, _) = key { return s.contains(fragment) }
            return false
        }
    }
}
