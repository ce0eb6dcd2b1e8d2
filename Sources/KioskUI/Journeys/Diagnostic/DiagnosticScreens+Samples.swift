import Foundation
import KioskCore

// MARK: - Samples

extension DiagnosticScreens {
    /// The introduction, every item of the pack as a person meets it (answers replayed; the
    /// items a confident person skips shown too, on their own), the result, and the resources
    /// list on screen.
    static func sampleStates(home: KioskState, content: KioskContent, now: Date) -> [(String, KioskState)] {
        guard let pack = content.diagnosticPack else { return [] }
        var states: [(String, KioskState)] = []
        var intro = home
        intro.diagnostic = DiagnosticJourney(pack: pack, now: now)
        intro.screen = .diagnostic(.intro)
        states.append(("diagnostic-intro", intro))
        var journey = DiagnosticJourney(pack: pack, now: now)
        var seen = Set<String>()
        for _ in 0..<pack.items.count {
            guard let item = journey.session.currentItem else { break }
            if seen.insert(item.id).inserted {
                var s = home
                s.diagnostic = journey
                s.screen = .diagnostic(.item)
                s.diagnostic?.task.tryAgain = true
                states.append(("diagnostic-\(item.id)", s))
            }
            _ =
                journey.session.record(.task(success: true, seconds: 3, misses: 0), at: now)
                || journey.session.record(.answer(.yes), at: now) || journey.session.record(.rating(3), at: now)
        }
        for item in pack.items where !seen.contains(item.id) {
            var s = home
            s.diagnostic = DiagnosticJourney(pack: pack.restricted(to: [item]), now: now)
            s.screen = .diagnostic(.item)
            states.append(("diagnostic-\(item.id)", s))
        }
        var result = home
        result.diagnostic = journey
        result.diagnostic?.resourcesPrinted = true
        result.screen = .diagnostic(.result)
        states.append(("diagnostic-result", result))
        // The list on screen: the printing failed (the longer note).
        var resources = result
        resources.diagnostic?.resourcesPrinted = false
        resources.screen = .diagnostic(.resources)
        states.append(("diagnostic-resources", resources))
        return states
    }
}
