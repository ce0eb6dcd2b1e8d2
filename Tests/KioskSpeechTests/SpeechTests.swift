import KioskCore
import XCTest

@testable import KioskSpeech

/// Real espeak-ng: each kiosk language has a voice, and a sentence becomes audible speech of
/// a plausible length.
final class SpeechTests: XCTestCase {
    func test_every_kiosk_language_is_spoken() throws {
        let synthesizer = try SpeechSynthesizer(rate: 145)
        XCTAssertEqual(synthesizer.sampleRate, 22050)
        let sentences: [(Language, String)] = [
            (.fr, "Bonjour. Touchez le bouton bleu."),
            (.en, "Hello. Touch the blue button."),
            (.ar, "مرحبا. المس الزر الأزرق."),
        ]
        for (language, sentence) in sentences {
            let samples = try synthesizer.synthesize(sentence, language: language)
            let seconds = Double(samples.count) / Double(synthesizer.sampleRate)
            XCTAssertGreaterThan(seconds, 1.0, "\(language): \(seconds) s")
            XCTAssertLessThan(seconds, 8.0, "\(language): \(seconds) s")
            // Loud enough to be speech, not silence: RMS over the whole utterance.
            let rms = (samples.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(samples.count)).squareRoot()
            XCTAssertGreaterThan(rms, 500, "\(language) is too quiet: RMS \(rms)")
        }
    }

    func test_a_slower_rate_speaks_longer() throws {
        let synthesizer = try SpeechSynthesizer(rate: 200)
        let fast = try synthesizer.synthesize("Votre rendez-vous est enregistré.", language: .fr).count
        synthesizer.rate = 100
        let slow = try synthesizer.synthesize("Votre rendez-vous est enregistré.", language: .fr).count
        XCTAssertGreaterThan(Double(slow), Double(fast) * 1.4)
    }
}
