import CSDL2
import KioskUI
import XCTest

@testable import KioskRender

/// A numeric keypad is the navigation pad, NumLock on or off (docs/keypad.md).
final class KeypadKeysTests: XCTestCase {
    func keyDown(_ scancode: SDL_Scancode, _ sym: SDL_KeyCode, numLock: Bool) -> SDL_Event {
        var event = SDL_Event()
        event.type = SDL_KEYDOWN.rawValue
        event.key.keysym.scancode = scancode
        event.key.keysym.sym = SDL_Keycode(sym.rawValue)
        event.key.keysym.mod = UInt16(numLock ? KMOD_NUM.rawValue : 0)
        return event
    }

    func text(_ string: String) -> SDL_Event {
        var event = SDL_Event()
        event.type = SDL_TEXTINPUT.rawValue
        withUnsafeMutableBytes(of: &event.text.text) { raw in
            for (i, byte) in string.utf8.enumerated() { raw[i] = byte }
        }
        return event
    }

    func test_the_keypad_moves_and_activates_whatever_numlock_says() {
        // With NumLock off some systems report the arrow's keysym, with it on the digit's:
        // the place of the key decides.
        let cases: [(SDL_Scancode, SDL_KeyCode, SDL_KeyCode, Key)] = [
            (SDL_SCANCODE_KP_8, SDLK_KP_8, SDLK_UP, .up), (SDL_SCANCODE_KP_2, SDLK_KP_2, SDLK_DOWN, .down),
            (SDL_SCANCODE_KP_4, SDLK_KP_4, SDLK_LEFT, .left), (SDL_SCANCODE_KP_6, SDLK_KP_6, SDLK_RIGHT, .right),
            (SDL_SCANCODE_KP_5, SDLK_KP_5, SDLK_KP_5, .enter),
            (SDL_SCANCODE_KP_ENTER, SDLK_KP_ENTER, SDLK_KP_ENTER, .enter),
            (SDL_SCANCODE_KP_9, SDLK_KP_9, SDLK_PAGEUP, .tab), (SDL_SCANCODE_KP_7, SDLK_KP_7, SDLK_HOME, .shiftTab),
        ]
        for (scancode, on, off, key) in cases {
            let size = Size(width: 100, height: 100)
            XCTAssertEqual(
                EventTranslator.translate(keyDown(scancode, on, numLock: true), window: nil, size: size), .key(key))
            XCTAssertEqual(
                EventTranslator.translate(keyDown(scancode, off, numLock: false), window: nil, size: size), .key(key))
        }
    }

    func test_the_digit_numlock_types_after_a_keypad_key_is_dropped_but_a_keyboard_still_types() {
        var filter = KeypadTextFilter()
        XCTAssertTrue(filter.admits(keyDown(SDL_SCANCODE_KP_8, SDLK_KP_8, numLock: true)))
        XCTAssertFalse(filter.admits(text("8")), "the keypad moved the focus: it does not type too")
        XCTAssertTrue(filter.admits(keyDown(SDL_SCANCODE_8, SDLK_8, numLock: true)))
        XCTAssertTrue(filter.admits(text("8")), "the digit row of a keyboard (or a scanner) types")
        XCTAssertTrue(filter.admits(text("PASSERELLE:RDV:1")), "text with no key before it")
        XCTAssertEqual(
            EventTranslator.translate(text("8"), window: nil, size: Size(width: 10, height: 10)), .text("8"))
    }
}
