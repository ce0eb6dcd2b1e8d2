import CSDL2
import CSDL2Image
import Foundation

/// A copy of drawn pixels (ARGB8888, row by row), free of SDL and of any renderer: it can
/// cross threads. The render thread draws a ticket and hands this to the worker, which
/// encodes and prints it while the screen goes on drawing.
public struct PixelImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// `width * height` ARGB values, top row first.
    public let pixels: [UInt32]

    public init(width: Int, height: Int, pixels: [UInt32]) {
        precondition(pixels.count == width * height, "a PixelImage holds width × height pixels")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The ARGB value at (x, y).
    public func pixel(x: Int, y: Int) -> UInt32 { pixels[y * width + x] }

    /// Writes the image as a PNG. Uses SDL_image on a surface of its own (SDL's pixel format
    /// table is locked, libpng keeps no global state), so any thread may call it.
    public func savePNG(to path: String) throws {
        // SDL_image wants R, G, B, A bytes: ABGR8888 on a little-endian machine.
        var rgba = pixels.map { ($0 & 0xFF00_FF00) | (($0 & 0xFF) << 16) | (($0 >> 16) & 0xFF) }
        try rgba.withUnsafeMutableBytes { buffer in
            guard
                let surface = SDL_CreateRGBSurfaceWithFormatFrom(
                    buffer.baseAddress, Int32(width), Int32(height), 32, Int32(width * 4),
                    UInt32(SDL_PIXELFORMAT_ABGR8888.rawValue))
            else { throw SDLError("SDL_CreateRGBSurfaceWithFormatFrom") }
            defer { SDL_FreeSurface(surface) }
            if IMG_SavePNG(surface, path) != 0 { throw SDLError("IMG_SavePNG(\(path))") }
        }
    }
}
