import CSDL2
import KioskUI

/// SDL events to platform-free input. Mouse events that SDL synthesises from touch are
/// dropped (the finger events already carry them); fingers are scaled from 0…1.
public enum EventTranslator {
    /// `SDL_TOUCH_MOUSEID`: the `which` of mouse events synthesised from touch.
    static let touchMouseID = UInt32.max

    public static func translate(_ event: SDL_Event, window: Window?, size: Size) -> InputEvent? {
        switch SDL_EventType(rawValue: event.type) {
        case SDL_MOUSEBUTTONDOWN, SDL_MOUSEBUTTONUP:
            let b = event.button
            guard b.which != touchMouseID, b.button == UInt8(SDL_BUTTON_LEFT) else { return nil }
            let p = window?.framebufferPoint(x: b.x, y: b.y, framebuffer: size) ?? Point(x: Int(b.x), y: Int(b.y))
            return event.type == SDL_MOUSEBUTTONDOWN.rawValue ? .pointerDown(p) : .pointerUp(p)
        case SDL_FINGERDOWN, SDL_FINGERUP:
            let f = event.tfinger
            let p = Point(
                x: min(size.width - 1, max(0, Int(f.x * Float(size.width)))),
                y: min(size.height - 1, max(0, Int(f.y * Float(size.height)))))
            return event.type == SDL_FINGERDOWN.rawValue ? .pointerDown(p) : .pointerUp(p)
        case SDL_KEYDOWN:
            return .key(key(event.key.keysym))
        default:
            return nil
        }
    }

    /// Keys that move or activate; every other key (Escape, Alt+F4, Ctrl+Q…) is `.other`:
    /// it counts as presence and does nothing else.
    static func key(_ keysym: SDL_Keysym) -> Key {
        let shift = (UInt32(keysym.mod) & UInt32(KMOD_SHIFT.rawValue)) != 0
        let modifiers = UInt32(keysym.mod) & UInt32(KMOD_CTRL.rawValue | KMOD_ALT.rawValue | KMOD_GUI.rawValue)
        if modifiers != 0 { return .other }
        switch Int(keysym.sym) {
        case Int(SDLK_TAB.rawValue): return shift ? .shiftTab : .tab
        case Int(SDLK_UP.rawValue), Int(SDLK_KP_8.rawValue): return .up
        case Int(SDLK_DOWN.rawValue), Int(SDLK_KP_2.rawValue): return .down
        case Int(SDLK_LEFT.rawValue), Int(SDLK_KP_4.rawValue): return .left
        case Int(SDLK_RIGHT.rawValue), Int(SDLK_KP_6.rawValue): return .right
        case Int(SDLK_RETURN.rawValue), Int(SDLK_KP_ENTER.rawValue), Int(SDLK_KP_5.rawValue): return .enter
        case Int(SDLK_SPACE.rawValue): return .space
        default: return .other
        }
    }
}
