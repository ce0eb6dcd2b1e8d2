import Dispatch
import Foundation
import KioskCore
import KioskRender
import KioskSpeech

/// Says the kiosk's texts aloud: espeak-ng synthesises on a queue of its own and the audio
/// device plays; a newer utterance interrupts the one before, and `silence()` stops
/// everything at once (an idle reset: nothing of the last person may still be heard).
public final class Speaker: @unchecked Sendable {
    private let synthesizer: SpeechSynthesizer
    private let output: AudioOutput
    private let queue = DispatchQueue(label: "passerelle.speech", qos: .userInitiated)
    private let lock = NSLock()
    private var generation = 0

    public init(synthesizer: SpeechSynthesizer, output: AudioOutput) {
        self.synthesizer = synthesizer
        self.output = output
    }

    /// A speaker, or nil (with the reason on stderr) when espeak-ng cannot start.
    public static func make(output: AudioOutput, rate: Int) -> Speaker? {
        do {
            return Speaker(synthesizer: try SpeechSynthesizer(rate: rate), output: output)
        } catch {
            FileHandle.standardError.write(Data("passerelle: speech is off: \(error)\n".utf8))
            return nil
        }
    }

    public func say(_ text: String, language: Language) {
        let mine = bump()
        SpeechSynthesizer.cancelCurrent()
        queue.async { [self] in
            guard isCurrent(mine) else { return }
            do {
                let samples = try synthesizer.synthesize(text, language: language)
                guard isCurrent(mine) else { return }
                output.play(samples)
            } catch {
                FileHandle.standardError.write(Data("passerelle: speech: \(error)\n".utf8))
            }
        }
    }

    public func silence() {
        _ = bump()
        SpeechSynthesizer.cancelCurrent()
        output.stop()
    }

    private func bump() -> Int {
        lock.lock()
        defer { lock.unlock() }
        generation += 1
        return generation
    }

    private func isCurrent(_ g: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return g == generation
    }
}
