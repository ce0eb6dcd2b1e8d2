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
    private var corners: [Int: OpaquePointer] = [:]
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
        for texture in corners.values { SDL_DestroyTexture(texture) }
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
            setColor(c)
            var rect = sdl(r)
            SDL_RenderFillRect(renderer, &rect)
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

    /// Opaque fills are plain copies; only translucent ones (the scrim) pay for blending.
    private func setColor(_ c: Color) {
        SDL_SetRenderDrawBlendMode(renderer, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND)
        SDL_SetRenderDrawColor(renderer, c.r, c.g, c.b, c.a)
    }

    private func sdl(_ r: Rect) -> SDL_Rect {
        SDL_Rect(x: Int32(r.x), y: Int32(r.y), w: Int32(r.width), h: Int32(r.height))
    }

    // MARK: - Rounded rectangles with anti-aliased corners

    /// Three plain rects and four copies of one quarter-disc coverage texture, tinted.
    private func fillRounded(_ r: Rect, radius: Int, _ c: Color) {
        let rad = max(0, min(radius, r.width / 2, r.height / 2))
        guard rad > 0, let corner = cornerTexture(rad) else {
            setColor(c)
            var rect = sdl(r)
            SDL_RenderFillRect(renderer, &rect)
            return
        }
        setColor(c)
        var rects = [
            SDL_Rect(x: Int32(r.x + rad), y: Int32(r.y), w: Int32(r.width - 2 * rad), h: Int32(r.height)),
            SDL_Rect(x: Int32(r.x), y: Int32(r.y + rad), w: Int32(rad), h: Int32(r.height - 2 * rad)),
            SDL_Rect(x: Int32(r.maxX - rad), y: Int32(r.y + rad), w: Int32(rad), h: Int32(r.height - 2 * rad)),
        ]
        SDL_RenderFillRects(renderer, &rects, 3)
        SDL_SetTextureColorMod(corner, c.r, c.g, c.b)
        SDL_SetTextureAlphaMod(corner, c.a)
        let placements: [(Int, Int, UInt32)] = [
            (r.x, r.y, SDL_FLIP_NONE.rawValue),
            (r.maxX - rad, r.y, SDL_FLIP_HORIZONTAL.rawValue),
            (r.x, r.maxY - rad, SDL_FLIP_VERTICAL.rawValue),
            (r.maxX - rad, r.maxY - rad, SDL_FLIP_HORIZONTAL.rawValue | SDL_FLIP_VERTICAL.rawValue),
        ]
        for (x, y, flip) in placements {
            var dst = SDL_Rect(x: Int32(x), y: Int32(y), w: Int32(rad), h: Int32(rad))
            SDL_RenderCopyEx(renderer, corner, nil, &dst, 0, nil, SDL_RendererFlip(rawValue: flip))
        }
    }

    /// A white quarter disc (top-left corner) whose alpha is the pixel's coverage, 4×4 samples.
    private func cornerTexture(_ rad: Int) -> OpaquePointer? {
        if let t = corners[rad] { return t }
        guard let s = SDL_CreateRGBSurfaceWithFormat(0, Int32(rad), Int32(rad), 32, UInt32(SDL_PIXELFORMAT_ARGB8888.rawValue))
        else { return nil }
        defer { SDL_FreeSurface(s) }
        let pitch = Int(s.pointee.pitch) / 4
        let pixels = s.pointee.pixels.assumingMemoryBound(to: UInt32.self)
        let r = Double(rad)
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
                let alpha = UInt32((inside * 255 + 8) / 16)
                pixels[y * pitch + x] = (alpha << 24) | 0x00FF_FFFF
            }
        }
        guard let t = SDL_CreateTextureFromSurface(renderer, s) else { return nil }
        SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND)
        corners[rad] = t
        return t
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
    public var textCacheMisses: Int { textCache.misses }

    // MARK: - Pixels

    /// The ARGB8888 value at (x, y).
    public func pixel(x: Int, y: Int) -> UInt32 {
        let pitch = Int(surface.pointee.pitch) / 4
        return surface.pointee.pixels.assumingMemoryBound(to: UInt32.self)[y * pitch + x]
    }

    /// Writes the framebuffer as a PNG (SDL_image).
    public func savePNG(to path: String) throws {
        if IMG_SavePNG(surface, path) != 0 { throw SDLError("IMG_SavePNG(\(path))") }
    }
}
