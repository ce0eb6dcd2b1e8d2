import Foundation

/// A two-tone chime for the idle warning, so the warning reaches more than one sense.
public enum WarningSound {
    public static let samples: [Int16] = {
        let rate = Double(AudioOutput.sampleRate)
        var samples: [Int16] = []
        for (frequency, duration) in [(880.0, 0.25), (660.0, 0.35)] {
            let count = Int(rate * duration)
            for i in 0..<count {
                let t = Double(i) / rate
                let envelope = min(1, Double(i) / 200) * min(1, Double(count - i) / 2000)
                samples.append(Int16(sin(2 * .pi * frequency * t) * 12000 * envelope))
            }
        }
        return samples
    }()
}
