import Foundation
import KioskCore

/// `[speech]`: whether the kiosk can speak, how fast, whether each person starts with the
/// voice on, at what volume, and where the headphone jack's switch is (docs/voice.md).
extension KioskConfig {
    static let speechKeys = [
        "speech.enabled", "speech.rate", "speech.voice_at_start", "speech.volume", "speech.headset",
    ]

    /// Sets a `[speech]` key; false if `key` is not one.
    mutating func setSpeech(_ key: String, _ value: String) throws -> Bool {
        switch key {
        case "speech.enabled": speech = try Self.bool(value)
        case "speech.rate":
            guard let rate = Int(value), (80...300).contains(rate) else {
                throw ValueError(text: "\"\(value)\" is not a speaking rate; write words per minute, 80 to 300")
            }
            speechRate = rate
        case "speech.voice_at_start": voiceAtStart = try Self.bool(value)
        case "speech.volume":
            guard let level = Int(value), (1...Voice.levels).contains(level) else {
                throw ValueError(text: "\"\(value)\" is not a volume; write a level from 1 to \(Voice.levels)")
            }
            speechVolume = level
        case "speech.headset":
            guard value == "auto" || value == "none" || value.hasPrefix("/") else {
                throw ValueError(
                    text: "\"\(value)\" is not a headset switch; write auto, none or a device path like "
                        + "/dev/input/event5")
            }
            headsetSwitch = value
        default:
            return false
        }
        return true
    }
}
