import CSDL2
import Foundation
import KioskUI

/// Rounded rectangles with anti-aliased corners, and the text rasters painted the same way:
/// coverage masks blended by our own loops where SDL's would cost a copy per call.
extension Renderer {
    /// Three plain rects and four corners. Opaque corners are written directly (see
    /// `opaqueCorners`); translucent ones are four pre-flipped coverage textures tinted by SDL
    /// (plain copies: SDL's software RenderCopyEx flips through a temporary surface each call).
    func fillRounded(_ r: Rect, radius: Int, _ c: Color) {
        let rad = max(0, min(radius, r.width / 2, r.height / 2))
        guard rad > 0 else {
            fill(r, c)
            return
        }
        fill(Rect(x: r.x + rad, y: r.y, width: r.width - 2 * rad, height: r.height), c)
        fill(Rect(x: r.x, y: r.y + rad, width: rad, height: r.height - 2 * rad), c)
        fill(Rect(x: r.maxX - rad, y: r.y + rad, width: rad, height: r.height - 2 * rad), c)
        if c.a == 255 {
            opaqueCorners(r, rad: rad, c)
            return
        }
        guard let corner = cornerTextures(rad) else { return }
        let placements = [(r.x, r.y), (r.maxX - rad, r.y), (r.x, r.maxY - rad), (r.maxX - rad, r.maxY - rad)]
        for (texture, (x, y)) in zip(corner, placements) {
            SDL_SetTextureColorMod(texture, c.r, c.g, c.b)
            SDL_SetTextureAlphaMod(texture, c.a)
            var dst = SDL_Rect(x: Int32(x), y: Int32(y), w: Int32(rad), h: Int32(rad))
            SDL_RenderCopy(renderer, texture, nil, &dst)
        }
    }

    /// Text or an icon: the colour blended into the framebuffer by the raster's coverage.
    func paint(_ raster: TextCache.Raster, x: Int, y: Int, _ c: Color) {
        let ink = Rect(x: x + raster.ink.x, y: y + raster.ink.y, width: raster.ink.width, height: raster.ink.height)
        let screen = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let area = ink.intersection(clips.last ?? screen).intersection(screen)
        guard !area.isEmpty, c.a > 0 else { return }
        SDL_RenderFlush(renderer)
        let pitch = Int(surface.pointee.pitch) / 4
        let base = surface.pointee.pixels.assumingMemoryBound(to: UInt32.self)
        let value = 0xFF00_0000 | UInt32(c.r) << 16 | UInt32(c.g) << 8 | UInt32(c.b)
        let redBlue = value & 0x00FF_00FF, green = UInt32(c.g)
        let opacity = UInt32(c.a)
        for y in area.y..<area.maxY {
            let source = raster.coverage + (y - ink.y) * ink.width + (area.x - ink.x)
            let line = base + y * pitch + area.x
            for i in 0..<area.width {
                var a = UInt32(source[i])
                if a == 0 { continue }
                if opacity < 255 { a = (a * opacity + 127) / 255 }
                if a == 255 {
                    line[i] = value
                    continue
                }
                // Red and blue side by side in one word, then green: d + (c - d) × a / 255.
                let d = line[i], inverse = 255 - a
                var rb = redBlue &* a &+ (d & 0x00FF_00FF) &* inverse &+ 0x0080_0080
                rb = ((rb &+ ((rb >> 8) & 0x00FF_00FF)) >> 8) & 0x00FF_00FF
                var g = green &* a &+ ((d >> 8) & 0xFF) &* inverse &+ 0x80
                g = ((g &+ (g >> 8)) >> 8) & 0xFF
                line[i] = 0xFF00_0000 | rb | g << 8
            }
        }
    }

    /// The four corners of an opaque rounded rectangle, written straight into the framebuffer:
    /// inside the arc a plain fill, on it the colour blended by the pixel's coverage. (SDL's
    /// colour-modulated blits of the corner textures took a third of a keyboard's frame.)
    func opaqueCorners(_ r: Rect, rad: Int, _ c: Color) {
        let mask = cornerMask(rad)
        let screen = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let clip = (clips.last ?? screen).intersection(screen)
        guard !clip.isEmpty else { return }
        SDL_RenderFlush(renderer)
        let pitch = Int(surface.pointee.pitch) / 4
        let base = surface.pointee.pixels.assumingMemoryBound(to: UInt32.self)
        let value = 0xFF00_0000 | UInt32(c.r) << 16 | UInt32(c.g) << 8 | UInt32(c.b)
        let cr = UInt32(c.r), cg = UInt32(c.g), cb = UInt32(c.b)
        for corner in 0..<4 {
            let right = corner == 1 || corner == 3, bottom = corner >= 2
            let x0 = right ? r.maxX - rad : r.x
            let y0 = bottom ? r.maxY - rad : r.y
            for row in 0..<rad {
                let y = y0 + row
                guard y >= clip.y, y < clip.maxY else { continue }
                // Row `row` of the top-left corner; the others are mirror images.
                let m = mask[bottom ? rad - 1 - row : row]
                let line = base + y * pitch
                for i in 0..<rad {
                    let alpha = i < m.firstFull ? m.alphas[i] : 255
                    guard alpha > 0 else { continue }
                    let x = x0 + (right ? rad - 1 - i : i)
                    guard x >= clip.x, x < clip.maxX else { continue }
                    if alpha == 255 {
                        line[x] = value
                    } else {
                        let a = UInt32(alpha), d = line[x]
                        let red = (cr * a + ((d >> 16) & 0xFF) * (255 - a) + 127) / 255
                        let green = (cg * a + ((d >> 8) & 0xFF) * (255 - a) + 127) / 255
                        let blue = (cb * a + (d & 0xFF) * (255 - a) + 127) / 255
                        line[x] = 0xFF00_0000 | red << 16 | green << 8 | blue
                    }
                }
            }
        }
    }

    func cornerMask(_ rad: Int) -> [CornerRow] {
        if let m = cornerMasks[rad] { return m }
        let coverage = Self.quarterDiscCoverage(rad)
        let rows = (0..<rad).map { y -> CornerRow in
            let alphas = (0..<rad).map { UInt8(coverage[y * rad + $0]) }
            let firstFull = (0..<rad).first { x in (x..<rad).allSatisfy { alphas[$0] == 255 } } ?? rad
            return CornerRow(alphas: alphas, firstFull: firstFull)
        }
        cornerMasks[rad] = rows
        return rows
    }

    /// Coverage (0…255) of each pixel of a top-left quarter disc of radius `rad`, 4×4 samples.
    static func quarterDiscCoverage(_ rad: Int) -> [UInt32] {
        let r = Double(rad)
        var coverage = [UInt32](repeating: 0, count: rad * rad)
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
        return coverage
    }

    /// For translucent colours: white quarter discs whose alpha is the pixel's coverage,
    /// tinted by SDL: top-left, top-right, bottom-left, bottom-right.
    func cornerTextures(_ rad: Int) -> [OpaquePointer]? {
        if let t = corners[rad] { return t }
        let coverage = Self.quarterDiscCoverage(rad)  // top-left corner
        var textures: [OpaquePointer] = []
        for (flipX, flipY) in [(false, false), (true, false), (false, true), (true, true)] {
            guard
                let s = SDL_CreateRGBSurfaceWithFormat(
                    0, Int32(rad), Int32(rad), 32, UInt32(SDL_PIXELFORMAT_ARGB8888.rawValue))
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
}
