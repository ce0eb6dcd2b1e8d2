import Foundation
import KioskCore

extension BookingScreens {
    /// Every step with the longest texts, a taken slot, an invalid phone and no printer.
    static func sampleStates(home: KioskState, content: KioskContent, now: Date) -> [(String, KioskState)] {
        guard let picks = AgendaSamplePicks(content: content, language: home.language, now: now) else { return [] }
        var booking = BookingJourney()
        booking.service = picks.service
        booking.slots = picks.slots
        booking.slotWasTaken = true
        booking.chosen = picks.slots[0]
        booking.name.type("Marie-Christine")
        booking.phone.type("0612345678")
        booking.phoneInvalid = true
        booking.print = .unavailable
        let steps: [BookingStep] = [
            .need, .when, .time(picks.day), .name, .phone, .consent, .confirm, .ticket, .failed,
        ]
        return steps.map { step in
            var s = home
            s.booking = booking
            s.screen = .booking(step)
            return ("booking-\(s.screen.id)", s)
        }
    }
}
