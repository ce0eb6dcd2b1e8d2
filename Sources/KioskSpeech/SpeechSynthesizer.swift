import CEspeakNG
import Foundation
import KioskCore

/// Text to speech with espeak-ng (Debian `libespeak-ng1`, GPL-3+), synthesised into memory:
/// 16-bit mono samples at `sampleRate`, which the kiosk queues on its audio device.
/// espeak-ng is a process-wide singleton, so every call is serialised by one lock; callers
/// use it from the speech queue, never from the render loop.
public final class SpeechSynthesizer: @unchecked Sendable {
    public enum Problem: Error, CustomStringConvertible, Equatable {
        case initialisation(String)
        case voice(language: String, status: Int32)
        case synthesis(status: Int32)

        public var description: String {
            switch self {
            case .initialisation(let why): return "espeak-ng could not start: \(why)"
            case .voice(let language, let status):
                return "espeak-ng has no usable voice for \"\(language)\" (status \(status))"
            case .synthesis(let status): return "espeak-ng failed to synthesise (status \(status))"
            }
        }
    }

    public private(set) var sampleRate: Int = 22050
    /// Words per minute; espeak-ng's default is 175, slower is easier to follow.
    public var rate: Int

    private static let lock = NSLock()
    nonisolated(unsafe) private static var started = false
    nonisolated(unsafe) private static var buffer: [Int16] = []
    nonisolated(unsafe) private static var cancelled = false

    public init(rate: Int = 145) throws(Problem) {
        self.rate = rate
        Self.lock.lock()
        defer { Self.lock.unlock() }
        if !Self.started {
            espeak_ng_InitializePath(nil)
            var status = espeak_ng_Initialize(nil)
            guard status == ENS_OK else { throw .initialisation("espeak_ng_Initialize returned \(status.rawValue)") }
            status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nil)
            guard status == ENS_OK else {
                throw .initialisation("espeak_ng_InitializeOutput returned \(status.rawValue)")
            }
            espeak_SetSynthCallback { samples, count, _ in
                if let samples, count > 0 {
                    SpeechSynthesizer.buffer.append(contentsOf: UnsafeBufferPointer(start: samples, count: Int(count)))
                }
                // Returning 1 stops the synthesis: a newer announcement replaced this one.
                return SpeechSynthesizer.cancelled ? 1 : 0
            }
            Self.started = true
        }
        sampleRate = Int(espeak_ng_GetSampleRate())
    }

    /// The espeak-ng voice for a kiosk language.
    public static func voiceName(for language: Language) -> String {
        switch language {
        case .fr: return "fr"
        case .en: return "en"
        case .ar: return "ar"
        }
    }

    /// Speaks `text` into samples. Blocks for roughly a tenth of the spoken duration.
    public func synthesize(_ text: String, language: Language) throws(Problem) -> [Int16] {
        Self.lock.lock()
        defer { Self.lock.unlock() }
        let voice = Self.voiceName(for: language)
        var status = espeak_ng_SetVoiceByName(voice)
        guard status == ENS_OK else { throw .voice(language: voice, status: Int32(bitPattern: status.rawValue)) }
        espeak_SetParameter(espeakRATE, Int32(rate), 0)
        Self.buffer = []
        Self.cancelled = false
        let bytes = Array(text.utf8CString)
        status = bytes.withUnsafeBytes { raw in
            espeak_ng_Synthesize(raw.baseAddress, raw.count, 0, POS_CHARACTER, 0, UInt32(espeakCHARS_UTF8), nil, nil)
        }
        guard status == ENS_OK else { throw .synthesis(status: Int32(bitPattern: status.rawValue)) }
        let samples = Self.buffer
        Self.buffer = []
        return samples
    }
}

extension SpeechSynthesizer {
    /// Asks the synthesis under way (on another thread) to stop early. Safe from any thread.
    public static func cancelCurrent() { cancelled = true }
}
