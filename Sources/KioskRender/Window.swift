import CSDL2
import KioskUI

/// A real window (X11, Wayland) or the whole screen (KMSDRM) that shows the framebuffer.
public final class Window {
    let window: OpaquePointer
    public let size: Size

    /// Opens a window of `size`, or a fullscreen one at the display's size when `size` is nil.
    public init(size: Size?, fullscreen: Bool, title: String) throws {
        var flags = SDL_WINDOW_SHOWN.rawValue
        var target = size ?? Size(width: 1080, height: 1920)
        if fullscreen {
            flags |= SDL_WINDOW_FULLSCREEN_DESKTOP.rawValue
            var mode = SDL_DisplayMode()
            if size == nil, SDL_GetDesktopDisplayMode(0, &mode) == 0 {
                target = Size(width: Int(mode.w), height: Int(mode.h))
            }
        }
        let centered = Int32(bitPattern: UInt32(SDL_WINDOWPOS_CENTERED_MASK))
        guard let window = SDL_CreateWindow(title, centered, centered, Int32(target.width), Int32(target.height), flags)
        else {
            throw SDLError("SDL_CreateWindow")
        }
        self.window = window
        if fullscreen { SDL_SetWindowKeyboardGrab(window, SDL_TRUE) }
        var w: Int32 = 0, h: Int32 = 0
        SDL_GetWindowSize(window, &w, &h)
        self.size = Size(width: Int(w), height: Int(h))
    }

    deinit { SDL_DestroyWindow(window) }

    /// Copies the damaged parts of `framebuffer` to the window and shows them.
    public func present(_ framebuffer: UnsafeMutablePointer<SDL_Surface>, damage: [Rect]) throws {
        guard let target = SDL_GetWindowSurface(window) else { throw SDLError("SDL_GetWindowSurface") }
        if target.pointee.w == framebuffer.pointee.w && target.pointee.h == framebuffer.pointee.h {
            var rects = damage.map { SDL_Rect(x: Int32($0.x), y: Int32($0.y), w: Int32($0.width), h: Int32($0.height)) }
            for i in rects.indices {
                var src = rects[i]
                if SDL_UpperBlit(framebuffer, &src, target, &rects[i]) != 0 { throw SDLError("SDL_BlitSurface") }
            }
            if SDL_UpdateWindowSurfaceRects(window, &rects, Int32(rects.count)) != 0 {
                throw SDLError("SDL_UpdateWindowSurfaceRects")
            }
        } else {
            // The window is not the framebuffer's size (a window manager resized it): scale all.
            if SDL_UpperBlitScaled(framebuffer, nil, target, nil) != 0 { throw SDLError("SDL_BlitScaled") }
            if SDL_UpdateWindowSurface(window) != 0 { throw SDLError("SDL_UpdateWindowSurface") }
        }
    }

    /// How the frames reach the screen: SDL's video driver and, where SDL shows the window's
    /// surface through a texture (KMSDRM), the renderer it took ("opengles2", "software").
    /// Said once in the journal: a wrong one there means a black screen (kiosk-image/README.md).
    public var outputDescription: String {
        let driver = SDL_GetCurrentVideoDriver().map { String(cString: $0) } ?? "none"
        var info = SDL_RendererInfo()
        guard let renderer = SDL_GetRenderer(window), SDL_GetRendererInfo(renderer, &info) == 0,
            let name = info.name
        else {
            return "video driver \(driver), the window's own surface"
        }
        let accelerated = info.flags & SDL_RENDERER_ACCELERATED.rawValue != 0
        return "video driver \(driver), renderer \(String(cString: name))\(accelerated ? " (accelerated)" : "")"
    }

    /// Maps a window point to a framebuffer point.
    public func framebufferPoint(x: Int32, y: Int32, framebuffer: Size) -> Point {
        var w: Int32 = 0, h: Int32 = 0
        SDL_GetWindowSize(window, &w, &h)
        guard w > 0, h > 0 else { return Point(x: Int(x), y: Int(y)) }
        return Point(x: Int(x) * framebuffer.width / Int(w), y: Int(y) * framebuffer.height / Int(h))
    }
}
