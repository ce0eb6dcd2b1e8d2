import CSDL2
import Foundation
import CSDL2Image
import KioskUI

/// Executes scenes with SDL2's software renderer into one canonical ARGB8888 framebuffer.
/// The same pixels go to a window, to PNG screenshots and (later) to remote viewers.
/// Not thread-safe: one thread renders — the main thread, for every renderer, because the
/// fonts (SDL_ttf, FreeType, HarfBuzz) they share are not thread-safe either.
/// Per row of a top-left quarter disc: the coverage of each pixel (4×4 samples) up to the
/// first fully covered one, from which the row is solid to the corner's edge.
struct CornerRow {
    var alphas: [UInt8]
    var firstFull: Int
}

public final class Renderer {
    /// Draws made on a thread other than the main one since start. A program error that the
    /// kiosk survives (it must not stop in front of a person) but that tests assert is zero.
    public static var drawsOffMainThread: Int {
        offMainLock.lock()
        defer { offMainLock.unlock() }
        return offMainCount
    }
    nonisolated(unsafe) private static var offMainCount = 0
    private static let offMainLock = NSLock()

    public let size: Size
    /// The canonical framebuffer.
    public let surface: UnsafeMutablePointer<SDL_Surface>
    let renderer: OpaquePointer
    public let fonts: FontBook
    public let measurer: LiveMeasurer
    let textCache: TextCache
    /// Corner coverage textures by radius (Renderer+Corners.swift).
    var corners: [Int: [OpaquePointer]] = [:]
    var clips: [Rect] = []
    /// Per radius, the rows of a top-left quarter disc (Renderer+Corners.swift).
    var cornerMasks: [Int: [CornerRow]] = [:]
    private var lastScene: Scene?

    /// Frames drawn since start (benchmarks check idle draws nothing).
    public private(set) var framesDrawn = 0

    public init(size: Size, fonts: FontBook) throws {
        // Screens stop at 7680 (config), tickets are 576 wide and grow with their text.
        guard (1...16_384).contains(size.width), (1...65_536).contains(size.height) else {
            throw SDLError("Renderer(size:)", message: "\(size) is not a framebuffer size this kiosk draws")
        }
        guard
            let surface = SDL_CreateRGBSurfaceWithFormat(
                0, Int32(size.width), Int32(size.height), 32, UInt32(SDL_PIXELFORMAT_ARGB8888.rawValue))
        else { throw SDLError("SDL_CreateRGBSurfaceWithFormat") }
        guard let renderer = SDL_CreateSoftwareRenderer(surface) else {
            SDL_FreeSurface(surface)
            throw SDLError("SDL_CreateSoftwareRenderer")
        }
        SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND)
        self.size = size
        self.surface = surface
        self.renderer = renderer
        self.fonts = fonts
        self.measurer = LiveMeasurer(fonts: fonts)
        self.textCache = TextCache(fonts: fonts)
    }

    deinit {
        textCache.forget()
        for textures in corners.values { textures.forEach { SDL_DestroyTexture($0) } }
        SDL_DestroyRenderer(renderer)
        SDL_FreeSurface(surface)
    }

    // MARK: - Drawing

    /// Draws `scene` and returns the damaged rectangles (empty if nothing changed).
    @discardableResult
    public func draw(_ scene: Scene) -> [Rect] {
        if !Thread.isMainThread {
            Self.offMainLock.lock()
            Self.offMainCount += 1
            Self.offMainLock.unlock()
        }
        let full = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let damage = damageRects(from: lastScene, to: scene) ?? [full]
        lastScene = scene
        if damage.isEmpty { return [] }
        framesDrawn += 1
        // Each damaged region on its own: a ring leaving a control at the bottom and reaching
        // one at the top repaints two small rectangles, not the band between them.
        for region in damage {
            clips = [region]
            applyClip()
            for command in scene.commands { execute(command) }
        }
        SDL_RenderFlush(renderer)
        clips = []
        SDL_RenderSetClipRect(renderer, nil)
        return damage
    }

    /// Forget the last scene so the next draw repaints everything (after a window expose).
    public func invalidate() { lastScene = nil }

    /// The union of the commands that differ, or nil when everything must be redrawn.
    /// Commands added or removed (a focus ring, a status line) are found by walking both lists
    /// together with a short look-ahead: a focus ring moving repaints the two controls it
    /// leaves and reaches, not the screen (and a remote viewer is sent those alone). Any
    /// alignment is correct: outside the damage only commands common to both lists paint, in
    /// the same order.
    private func damageRects(from old: Scene?, to new: Scene) -> [Rect]? {
        guard let old, old.size == new.size, old.background == new.background else { return nil }
        let screen = Rect(x: 0, y: 0, width: size.width, height: size.height)
        var regions: [Rect] = []
        for command in Self.changedCommands(old.commands, new.commands) {
            // A clip changes what every later command may touch: repaint all.
            guard let bounds = command.bounds(measure: measurer) else { return nil }
            let clipped = bounds.intersection(screen)
            guard !clipped.isEmpty else { continue }
            regions = Self.merge(clipped, into: regions)
        }
        // Past a few regions one rectangle costs less than drawing the scene again for each.
        if regions.count > 4 { return [regions.dropFirst().reduce(regions[0]) { $0.union($1) }] }
        return regions
    }

    /// Adds a rectangle to a set of regions, joining those it touches or nearly touches.
    static func merge(_ rect: Rect, into regions: [Rect]) -> [Rect] {
        var joined = rect
        var rest: [Rect] = []
        var changed = true
        var pool = regions
        while changed {
            changed = false
            rest = []
            for region in pool {
                let union = joined.union(region)
                let near =
                    union.width * union.height <= (joined.width * joined.height + region.width * region.height) * 3 / 2
                if joined.intersects(region) || near {
                    joined = union
                    changed = true
                } else {
                    rest.append(region)
                }
            }
            pool = rest
        }
        return rest + [joined]
    }

    /// The commands of either list that the other does not have at the same place in order.
    static func changedCommands(_ a: [DrawCommand], _ b: [DrawCommand], lookAhead: Int = 8) -> [DrawCommand] {
        var changed: [DrawCommand] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                i += 1
                j += 1
                continue
            }
            // The fewest commands removed from `a` or inserted into `b` that bring them level.
            var step: (removed: Int, inserted: Int)?
            for k in 1...lookAhead {
                if i + k < a.count, j < b.count, a[i + k] == b[j] { step = (k, 0); break }
                if j + k < b.count, i < a.count, a[i] == b[j + k] { step = (0, k); break }
            }
            let (removed, inserted) = step ?? (min(1, a.count - i), min(1, b.count - j))
            changed += a[i..<(i + removed)] + b[j..<(j + inserted)]
            i += removed
            j += inserted
        }
        return changed
    }

    private func execute(_ command: DrawCommand) {
        switch command {
        case .rect(let r, let c):
            fill(r, c)
        case .roundedRect(let r, let radius, let c):
            fillRounded(r, radius: radius, c)
        case .text(let s, let origin, let style, let c):
            guard let raster = textCache.raster(.text(s, style)) else { return }
            // Centre the raster on the line box (they differ for Arabic, see LiveMeasurer).
            let offset = (measurer.lineHeight(style) - raster.height) / 2
            paint(raster, x: origin.x, y: origin.y + offset, c)
        case .icon(let icon, let frame, let size, let c):
            guard let raster = textCache.raster(.icon(icon, size)) else { return }
            paint(raster, x: frame.midX - raster.width / 2, y: frame.midY - raster.height / 2, c)
        case .pushClip(let r):
            clips.append((clips.last ?? r).intersection(r))
            applyClip()
        case .popClip:
            if clips.count > 1 { clips.removeLast() }
            applyClip()
        }
    }

    private func applyClip() {
        guard let clip = clips.last else { SDL_RenderSetClipRect(renderer, nil); return }
        var rect = sdl(clip)
        SDL_RenderSetClipRect(renderer, &rect)
    }

    /// Opaque fills are written straight into the framebuffer, row by row with ordinary
    /// stores: SDL_FillRect's streaming stores bypass the cache, and a frame fills about twice
    /// the screen's area before blending text over it (they were two thirds of a frame's time).
    /// Translucent fills (the scrim) go through SDL's blending.
    func fill(_ r: Rect, _ c: Color) {
        guard c.a == 255 else {
            setColor(c)
            var rect = sdl(r)
            SDL_RenderFillRect(renderer, &rect)
            return
        }
        let screen = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let area = r.intersection(clips.last ?? screen).intersection(screen)
        guard !area.isEmpty else { return }
        SDL_RenderFlush(renderer)  // SDL's queued drawing lands first
        let value = 0xFF00_0000 | UInt32(c.r) << 16 | UInt32(c.g) << 8 | UInt32(c.b)
        let pitch = Int(surface.pointee.pitch) / 4
        let base = surface.pointee.pixels.assumingMemoryBound(to: UInt32.self) + area.x
        for y in area.y..<area.maxY {
            (base + y * pitch).update(repeating: value, count: area.width)
        }
    }

    /// Opaque fills are plain copies; only translucent ones (the scrim) pay for blending.
    func setColor(_ c: Color) {
        SDL_SetRenderDrawBlendMode(renderer, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND)
        SDL_SetRenderDrawColor(renderer, c.r, c.g, c.b, c.a)
    }

    func sdl(_ r: Rect) -> SDL_Rect {
        SDL_Rect(x: Int32(r.x), y: Int32(r.y), w: Int32(r.width), h: Int32(r.height))
    }

    // MARK: - Privacy

    /// Drops every rasterised text and measured width: called on each idle reset.
    public func forgetPerson() {
        textCache.forget()
        measurer.forget()
    }

    /// Whether any cached raster or measurement holds `fragment` (privacy tests).
    public func cachesContain(_ fragment: String) -> Bool { textCache.containsText(fragment) }
    public var cachedTextCount: Int { textCache.count }
    /// Bytes of pixels the text cache holds (benchmarks).
    public var cachedTextBytes: Int { textCache.bytes }
    public var textCacheMisses: Int { textCache.misses }

    // MARK: - Pixels

    /// The ARGB8888 value at (x, y).
    public func pixel(x: Int, y: Int) -> UInt32 {
        let pitch = Int(surface.pointee.pitch) / 4
        return surface.pointee.pixels.assumingMemoryBound(to: UInt32.self)[y * pitch + x]
    }

    /// A copy of the framebuffer that can leave the render thread.
    public func image() -> PixelImage {
        let width = Int(surface.pointee.w), height = Int(surface.pointee.h)
        let pitch = Int(surface.pointee.pitch) / 4
        let base = surface.pointee.pixels.assumingMemoryBound(to: UInt32.self)
        var pixels: [UInt32] = []
        pixels.reserveCapacity(width * height)
        for y in 0..<height {
            pixels.append(contentsOf: UnsafeBufferPointer(start: base + y * pitch, count: width))
        }
        return PixelImage(width: width, height: height, pixels: pixels)
    }

    /// Writes the framebuffer as a PNG (SDL_image), without a second framebuffer: SDL_image
    /// wants RGBA bytes and would convert into a full-size copy (8 MB at 1080×1920, the
    /// kiosk's peak memory). Red and blue are swapped in place, written, and swapped back;
    /// one thread renders, so nobody sees the swapped pixels.
    public func savePNG(to path: String) throws {
        let width = Int(surface.pointee.w), height = Int(surface.pointee.h)
        let pitch = Int(surface.pointee.pitch)
        let pixels = surface.pointee.pixels!
        func swapRedAndBlue() {
            for y in 0..<height {
                let row = (pixels + y * pitch).assumingMemoryBound(to: UInt32.self)
                for x in 0..<width {
                    let v = row[x]
                    row[x] = (v & 0xFF00_FF00) | ((v & 0xFF) << 16) | ((v >> 16) & 0xFF)
                }
            }
        }
        swapRedAndBlue()
        defer { swapRedAndBlue() }
        // R, G, B, A bytes (little-endian).
        guard
            let rgba = SDL_CreateRGBSurfaceWithFormatFrom(
                pixels, Int32(width), Int32(height), 32, Int32(pitch), UInt32(SDL_PIXELFORMAT_ABGR8888.rawValue))
        else { throw SDLError("SDL_CreateRGBSurfaceWithFormatFrom") }
        defer { SDL_FreeSurface(rgba) }
        if IMG_SavePNG(rgba, path) != 0 { throw SDLError("IMG_SavePNG(\(path))") }
    }
}
