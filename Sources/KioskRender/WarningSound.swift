import CSDL2
import Foundation

/// A two-tone chime for the idle warning, queued on the default audio device.
/// If there is no audio device the kiosk stays silent and says so once on stderr.
public final class WarningSound {
    private var device: SDL_AudioDeviceID = 0
    private let samples: [Int16]

    public init() {
        let rate = 22050
        var samples: [Int16] = []
        for (frequency, duration) in [(880.0, 0.25), (660.0, 0.35)] {
            let count = Int(Double(rate) * duration)
            for i in 0..<count {
                let t = Double(i) / Double(rate)
                let envelope = min(1, Double(i) / 200) * min(1, Double(count - i) / 2000)
                samples.append(Int16(sin(2 * .pi * frequency * t) * 12000 * envelope))
            }
        }
        self.samples = samples
        if SDL_WasInit(SDL_INIT_AUDIO) == 0 && SDL_InitSubSystem(SDL_INIT_AUDIO) != 0 {
            FileHandle.standardError.write(Data("passerelle: no audio (\(SDLError("SDL_InitSubSystem(AUDIO)"))); the idle warning will be silent\n".utf8))
            return
        }
        var want = SDL_AudioSpec()
        want.freq = Int32(rate)
        want.format = SDL_AudioFormat(AUDIO_S16SYS)
        want.channels = 1
        want.samples = 1024
        var have = SDL_AudioSpec()
        device = SDL_OpenAudioDevice(nil, 0, &want, &have, 0)
        if device == 0 {
            FileHandle.standardError.write(Data("passerelle: no audio device (\(SDLError("SDL_OpenAudioDevice"))); the idle warning will be silent\n".utf8))
        }
    }

    deinit { if device != 0 { SDL_CloseAudioDevice(device) } }

    public func play() {
        guard device != 0 else { return }
        SDL_ClearQueuedAudio(device)
        samples.withUnsafeBytes { SDL_QueueAudio(device, $0.baseAddress, UInt32($0.count)) }
        SDL_PauseAudioDevice(device, 0)
    }
}
