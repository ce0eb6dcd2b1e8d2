import CSDL2
import CSDL2TTF
import KioskUI

/// Rasterised text and icons as textures, keyed by (string, style, colour). Bounded (LRU by
/// last use) and emptied by `forget()` after each person, so nothing they typed lingers.
/// Owned by the render thread.
final class TextCache {
    enum Content: Hashable {
        case text(String, TextStyle)
        case icon(Icon, Int)
    }
    private struct Key: Hashable { var content: Content; var color: Color }
    private struct Entry {
        var texture: OpaquePointer; var width: Int32; var height: Int32; var lastUse: UInt64
        var bytes: Int { Int(width) * Int(height) * 4 }
    }

    private let renderer: OpaquePointer
    private let fonts: FontBook
    private var entries: [Key: Entry] = [:]
    private var clock: UInt64 = 0
    let capacity: Int
    /// Pixels held by all cached textures, at most `byteBudget` (4 bytes a pixel): large text
    /// on a 1080×1920 screen makes big rasters, and memory is the appliance's scarcest thing.
    /// The largest screen's text takes 2.3 MB (make bench prints it): 4 MB keeps one screen
    /// and most of the one before.
    let byteBudget: Int
    private(set) var bytes = 0
    private(set) var misses = 0

    init(renderer: OpaquePointer, fonts: FontBook, capacity: Int = 512, byteBudget: Int = 4 << 20) {
        self.renderer = renderer
        self.fonts = fonts
        self.capacity = capacity
        self.byteBudget = byteBudget
    }

    deinit { forget() }

    var count: Int { entries.count }

    /// The cached texture for `content` in `color`, rasterising it on a miss.
    func texture(_ content: Content, _ color: Color) -> (OpaquePointer, Int32, Int32)? {
        clock += 1
        let key = Key(content: content, color: color)
        if var entry = entries[key] {
            entry.lastUse = clock
            entries[key] = entry
            return (entry.texture, entry.width, entry.height)
        }
        misses += 1
        let sdlColor = SDL_Color(r: color.r, g: color.g, b: color.b, a: 255)
        let surface: UnsafeMutablePointer<SDL_Surface>?
        switch content {
        case .text(let string, let style):
            guard !string.isEmpty else { return nil }
            let shaped = style.rightToLeft ? BidiDigits.forRightToLeftShaping(string) : string
            surface = TTF_RenderUTF8_Blended(fonts.font(for: style), shaped, sdlColor)
        case .icon(let icon, let size):
            surface = TTF_RenderGlyph32_Blended(fonts.font(.icons, size: size), icon.codepoint, sdlColor)
        }
        guard let surface else { return nil }
        defer { SDL_FreeSurface(surface) }
        guard let texture = SDL_CreateTextureFromSurface(renderer, surface) else { return nil }
        SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND)
        if color.a < 255 { SDL_SetTextureAlphaMod(texture, color.a) }
        let entry = Entry(texture: texture, width: surface.pointee.w, height: surface.pointee.h, lastUse: clock)
        if entries.count >= capacity || bytes + entry.bytes > byteBudget { evictOldest(making: entry.bytes) }
        entries[key] = entry
        bytes += entry.bytes
        return (texture, surface.pointee.w, surface.pointee.h)
    }

    /// Drops the least recently used entries: a quarter of them at least, and enough to fit
    /// `room` more bytes under the budget (what the current frame uses was touched last).
    private func evictOldest(making room: Int) {
        let sorted = entries.sorted { $0.value.lastUse < $1.value.lastUse }
        var dropped = 0
        for (key, entry) in sorted {
            let enough = dropped >= max(1, capacity / 4) || entries.count < capacity
            if enough && bytes + room <= byteBudget { break }
            SDL_DestroyTexture(entry.texture)
            entries[key] = nil
            bytes -= entry.bytes
            dropped += 1
        }
    }

    func forget() {
        for entry in entries.values { SDL_DestroyTexture(entry.texture) }
        entries.removeAll()
        bytes = 0
    }

    /// Whether any cached text contains `fragment` (privacy tests).
    func containsText(_ fragment: String) -> Bool {
        entries.keys.contains { key in
            if case .text(let s, _) = key.content { return s.contains(fragment) }
            return false
        }
    }
}
