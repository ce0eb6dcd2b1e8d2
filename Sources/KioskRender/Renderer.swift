import CSDL2
import CSDL2Image
import KioskUI

/// Executes scenes with SDL2's software renderer into one canonical ARGB8888 framebuffer.
/// The same pixels go to a window, to PNG screenshots and (later) to remote viewers.
/// Not thread-safe: one thread renders.
public final class Renderer {
    public let size: Size
    /// The canonical framebuffer.
    public let surface: UnsafeMutablePointer<SDL_Surface>
    let renderer: OpaquePointer
    public let fonts: FontBook
    public let measurer: LiveMeasurer
    let textCache: TextCache
    private var corners: [Int: [OpaquePointer]] = [:]
    private var clips: [Rect] = []
    private var lastScene: Scene?

    /// Frames drawn since start (benchmarks check idle draws nothing).
    public private(set) var framesDrawn = 0

    public init(size: Size, fonts: FontBook) throws {
        guard let surface = SDL_CreateRGBSurfaceWithFormat(
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
        self.textCache = TextCache(renderer: renderer, fonts: fonts)
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
        let full = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let damage = damageRect(from: lastScene, to: scene) ?? full
        lastScene = scene
        if damage.isEmpty { return [] }
        framesDrawn += 1
        clips = [damage]
        applyClip()
        for command in scene.commands { execute(command) }
        SDL_RenderFlush(renderer)
        clips = []
        SDL_RenderSetClipRect(renderer, nil)
        return [damage]
    }

    /// Forget the last scene so the next draw repaints everything (after a window expose).
    public func invalidate() { lastScene = nil }

    /// The union of the commands that differ, or nil when everything must be redrawn.
    private func damageRect(from old: Scene?, to new: Scene) -> Rect? {
        guard let old, old.size == new.size, old.commands.count == new.commands.count,
            old.background == new.background
        else { return nil }
        var damage = Rect.zero
        for (a, b) in zip(old.commands, new.commands) where a != b {
            guard let ra = a.bounds(measure: measurer), let rb = b.bounds(measure: measurer) else { return nil }
            damage = damage.union(ra).union(rb)
        }
        return damage.intersection(Rect(x: 0, y: 0, width: size.width, height: size.height))
    }

    private func execute(_ command: DrawCommand) {
        switch command {
        case .rect(let r, let c):
            fill(r, c)
        case .roundedRect(let r, let radius, let c):
            fillRounded(r, radius: radius, c)
        case .text(let s, let origin, let style, let c):
            guard let (texture, w, h) = textCache.texture(.text(s, style), c) else { return }
            // Centre the raster on the line box (they differ for Arabic, see LiveMeasurer).
            let offset = (Int32(measurer.lineHeight(style)) - h) / 2
            var dst = SDL_Rect(x: Int32(origin.x), y: Int32(origin.y) + offset, w: w, h: h)
            SDL_RenderCopy(renderer, texture, nil, &dst)
        case .icon(let icon, let frame, let size, let c):
            guard let (texture, w, h) = textCache.texture(.icon(icon, size), c) else { return }
            var dst = SDL_Rect(
                x: Int32(frame.midX) - w / 2, y: Int32(frame.midY) - h / 2, w: w, h: h)
            SDL_RenderCopy(renderer, texture, nil, &dst)
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
    private func fill(_ r: Rect, _ c: Color) {
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
    private func setColor(_ c: Color) {
        SDL_SetRenderDrawBlendMode(renderer, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND)
        SDL_SetRenderDrawColor(renderer, c.r, c.g, c.b, c.a)
    }

    private func sdl(_ r: Rect) -> SDL_Rect {
        SDL_Rect(x: Int32(r.x), y: Int32(r.y), w: Int32(r.width), h: Int32(r.height))
    }

    // MARK: - Rounded rectangles with anti-aliased corners

    /// Three plain rects and four quarter-disc coverage textures (one per corner), tinted.
    /// The corners are plain copies: SDL's software RenderCopyEx flips through a temporary
    /// surface on every call.
    private func fillRounded(_ r: Rect, radius: Int, _ c: Color) {
        let rad = max(0, min(radius, r.width / 2, r.height / 2))
        guard rad > 0, let corner = cornerTextures(rad) else {
            fill(r, c)
            return
        }
        fill(Rect(x: r.x + rad, y: r.y, width: r.width - 2 * rad, height: r.height), c)
        fill(Rect(x: r.x, y: r.y + rad, width: rad, height: r.height - 2 * rad), c)
        fill(Rect(x: r.maxX - rad, y: r.y + rad, width: rad, height: r.height - 2 * rad), c)
        let placements = [(r.x, r.y), (r.maxX - rad, r.y), (r.x, r.maxY - rad), (r.maxX - rad, r.maxY - rad)]
        for (texture, (x, y)) in zip(corner, placements) {
            SDL_SetTextureColorMod(texture, c.r, c.g, c.b)
            SDL_SetTextureAlphaMod(texture, c.a)
            var dst = SDL_Rect(x: Int32(x), y: Int32(y), w: Int32(rad), h: Int32(rad))
            SDL_RenderCopy(renderer, texture, nil, &dst)
        }
    }

    /// White quarter discs whose alpha is the pixel's coverage (4×4 samples): top-left,
    /// top-right, bottom-left, bottom-right.
    private func cornerTextures(_ rad: Int) -> [OpaquePointer]? {
        if let t = corners[rad] { return t }
        let r = Double(rad)
        var coverage = [UInt32](repeating: 0, count: rad * rad)  // top-left corner
        for y in 0..<rad {
            for x in 0..<rad {
                var inside = 0
                for sy in 0..<4 {
                    for sx in 0..<4 {
                        let dx = r - (Double(x) + (Double(sx) + 0.5) / 4)
                        let dy = r - (Double(y) + (Double(sy) + 0.5) / 4)
                        if dx * dx + dy * dy <= r * r { inside += 1 }
                    }
                }
                coverage[y * rad + x] = UInt32((inside * 255 + 8) / 16)
            }
        }
        var textures: [OpaquePointer] = []
        for (flipX, flipY) in [(false, false), (true, false), (false, true), (true, true)] {
            guard let s = SDL_CreateRGBSurfaceWithFormat(0, Int32(rad), Int32(rad), 32, UInt32(SDL_PIXELFORMAT_ARGB8888.rawValue))
            else { break }
            defer { SDL_FreeSurface(s) }
            let pitch = Int(s.pointee.pitch) / 4
            let pixels = s.pointee.pixels.assumingMemoryBound(to: UInt32.self)
            for y in 0..<rad {
                for x in 0..<rad {
                    let alpha = coverage[(flipY ? rad - 1 - y : y) * rad + (flipX ? rad - 1 - x : x)]
                    pixels[y * pitch + x] = (alpha << 24) | 0x00FF_FFFF
                }
            }
            guard let t = SDL_CreateTextureFromSurface(renderer, s) else { break }
            SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND)
            textures.append(t)
        }
        guard textures.count == 4 else {
            textures.forEach { SDL_DestroyTexture($0) }
            return nil
        }
        corners[rad] = textures
        return textures
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
        guard let rgba = SDL_CreateRGBSurfaceWithFormatFrom(
            pixels, Int32(width), Int32(height), 32, Int32(pitch), UInt32(SDL_PIXELFORMAT_ABGR8888.rawValue))  // R, G, B, A bytes (little-endian)
        else { throw SDLError("SDL_CreateRGBSurfaceWithFormatFrom") }
        defer { SDL_FreeSurface(rgba) }
        if IMG_SavePNG(rgba, path) != 0 { throw SDLError("IMG_SavePNG(\(path))") }
    }
}
