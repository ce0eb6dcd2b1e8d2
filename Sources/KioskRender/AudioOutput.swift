import CSDL2
import Foundation

/// The kiosk's one audio device: 16-bit mono at 22050 Hz (espeak-ng's rate), fed by
/// `SDL_QueueAudio`. Speech and the idle chime share it; a new sound replaces the old one.
/// Without an audio device the kiosk stays silent and says so once on stderr.
public final class AudioOutput: @unchecked Sendable {
    public static let sampleRate = 22050
    private var device: SDL_AudioDeviceID = 0
    private let lock = NSLock()
    private var gain = 1.0

    public init() {
        if SDL_WasInit(SDL_INIT_AUDIO) == 0 && SDL_InitSubSystem(SDL_INIT_AUDIO) != 0 {
            FileHandle.standardError.write(
                Data(
                    ("passerelle: no audio (\(SDLError("SDL_InitSubSystem(AUDIO)"))); "
                        + "speech and the idle chime will be silent\n")
                        .utf8))
            return
        }
        var want = SDL_AudioSpec()
        want.freq = Int32(Self.sampleRate)
        want.format = SDL_AudioFormat(AUDIO_S16SYS)
        want.channels = 1
        want.samples = 1024
        var have = SDL_AudioSpec()
        device = SDL_OpenAudioDevice(nil, 0, &want, &have, 0)
        if device == 0 {
            FileHandle.standardError.write(
                Data(
                    ("passerelle: no audio device (\(SDLError("SDL_OpenAudioDevice"))); "
                        + "speech and the idle chime will be silent\n")
                        .utf8))
        }
    }

    deinit { if device != 0 { SDL_CloseAudioDevice(device) } }

    public var isAvailable: Bool { device != 0 }

    /// The gain of everything played from now on (1: as synthesised; 0.5: −6 dB). Any thread.
    public func setGain(_ value: Double) {
        lock.lock()
        defer { lock.unlock() }
        gain = min(max(value, 0), 1)
    }

    /// `samples` scaled by `gain` (never louder than they were: no clipping).
    public static func scaled(_ samples: [Int16], gain: Double) -> [Int16] {
        guard gain < 1 else { return samples }
        return samples.map { Int16((Double($0) * gain).rounded()) }
    }

    /// Stops what is playing and plays `samples`. Any thread.
    public func play(_ samples: [Int16]) {
        lock.lock()
        defer { lock.unlock() }
        guard device != 0 else { return }
        SDL_ClearQueuedAudio(device)
        let samples = Self.scaled(samples, gain: gain)
        samples.withUnsafeBytes { _ = SDL_QueueAudio(device, $0.baseAddress, UInt32($0.count)) }
        SDL_PauseAudioDevice(device, 0)
    }

    /// Silence now (a reset: nothing of the last person may still be heard).
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        if device != 0 { SDL_ClearQueuedAudio(device) }
    }
}
