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
        case SDL_MOUSEMOTION:
            let m = event.motion
            // 1 is SDL_BUTTON_LMASK (a macro Swift cannot import): only drags with the main button.
            guard m.which != touchMouseID, (m.state & 1) != 0 else { return nil }
            return .pointerMoved(
                window?.framebufferPoint(x: m.x, y: m.y, framebuffer: size) ?? Point(x: Int(m.x), y: Int(m.y)))
        case SDL_FINGERMOTION:
            let f = event.tfinger
            return .pointerMoved(
                Point(
                    x: min(size.width - 1, max(0, Int(f.x * Float(size.width)))),
                    y: min(size.height - 1, max(0, Int(f.y * Float(size.height))))))
        case SDL_KEYDOWN:
            return .key(key(event.key.keysym))
        case SDL_TEXTINPUT:
            // Space stays a navigation key (it activates the focused control); a barcode
            // scanner or a keyboard types everything else.
            let text = withUnsafeBytes(of: event.text.text) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !text.isEmpty, text != " " else { return nil }
            return .text(text)
        default:
            return nil
        }
    }

    /// The numeric keypad's navigation keys, by their place (scancode), so NumLock changes
    /// nothing: 8 2 4 6 move, 5 and Enter activate, 7 and 9 go to the previous and next
    /// control in reading order (docs/keypad.md).
    static let keypadKeys: [UInt32: Key] = [
        SDL_SCANCODE_KP_8.rawValue: .up, SDL_SCANCODE_KP_2.rawValue: .down, SDL_SCANCODE_KP_4.rawValue: .left,
        SDL_SCANCODE_KP_6.rawValue: .right, SDL_SCANCODE_KP_5.rawValue: .enter, SDL_SCANCODE_KP_ENTER.rawValue: .enter,
        SDL_SCANCODE_KP_7.rawValue: .shiftTab, SDL_SCANCODE_KP_9.rawValue: .tab,
    ]

    /// Whether the key is on the numeric keypad (SDL's keypad scancodes, `/` to `.`).
    static func isKeypad(_ keysym: SDL_Keysym) -> Bool {
        (SDL_SCANCODE_KP_DIVIDE.rawValue...SDL_SCANCODE_KP_PERIOD.rawValue).contains(keysym.scancode.rawValue)
    }

    /// Keys that move or activate; every other key (Escape, Alt+F4, Ctrl+Q…) is `.other`:
    /// it counts as presence and does nothing else.
    static func key(_ keysym: SDL_Keysym) -> Key {
        let shift = (UInt32(keysym.mod) & UInt32(KMOD_SHIFT.rawValue)) != 0
        let modifiers = UInt32(keysym.mod) & UInt32(KMOD_CTRL.rawValue | KMOD_ALT.rawValue | KMOD_GUI.rawValue)
        if modifiers != 0 { return .other }
        if let key = keypadKeys[keysym.scancode.rawValue] { return key }
        switch Int(keysym.sym) {
        case Int(SDLK_TAB.rawValue): return shift ? .shiftTab : .tab
        case Int(SDLK_UP.rawValue), Int(SDLK_KP_8.rawValue): return .up
        case Int(SDLK_DOWN.rawValue), Int(SDLK_KP_2.rawValue): return .down
        case Int(SDLK_LEFT.rawValue), Int(SDLK_KP_4.rawValue): return .left
        case Int(SDLK_RIGHT.rawValue), Int(SDLK_KP_6.rawValue): return .right
        case Int(SDLK_RETURN.rawValue), Int(SDLK_KP_ENTER.rawValue), Int(SDLK_KP_5.rawValue): return .enter
        case Int(SDLK_SPACE.rawValue): return .space
        case Int(SDLK_BACKSPACE.rawValue): return .backspace
        // The speech key and the volume: where a tactile keypad has them, and a keyboard's own.
        case Int(SDLK_KP_MULTIPLY.rawValue), Int(SDLK_F1.rawValue), Int(SDLK_HELP.rawValue): return .speech
        case Int(SDLK_KP_PLUS.rawValue), Int(SDLK_VOLUMEUP.rawValue): return .volumeUp
        case Int(SDLK_KP_MINUS.rawValue), Int(SDLK_VOLUMEDOWN.rawValue): return .volumeDown
        default: return .other
        }
    }
}

/// With NumLock on, SDL follows a keypad key with its digit as text (SDL_TEXTINPUT, right
/// after the SDL_KEYDOWN it comes from). The keypad is the kiosk's navigation pad whatever
/// NumLock says, so that text is dropped: a key never both moves the focus and types. Digits
/// are typed with the on-screen keys, or a keyboard's digit row (where a scanner types too).
public struct KeypadTextFilter {
    private var afterKeypadKey = false

    public init() {}

    /// Whether `event` goes on to the kiosk.
    public mutating func admits(_ event: SDL_Event) -> Bool {
        switch SDL_EventType(rawValue: event.type) {
        case SDL_KEYDOWN:
            afterKeypadKey = EventTranslator.isKeypad(event.key.keysym)
            return true
        case SDL_TEXTINPUT:
            defer { afterKeypadKey = false }
            return !afterKeypadKey
        case SDL_KEYUP:
            return true
        default:
            afterKeypadKey = false
            return true
        }
    }
}
