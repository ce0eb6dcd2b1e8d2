import Foundation
import KioskCore

/// KioskUI's side of the journey registry: each journey's screens in sample states with the
/// content's longest texts. The layout audit, the draw-list snapshots and the help-button
/// test walk through them, so a new journey is checked as soon as it is listed here (the
/// switch is exhaustive: the compiler asks for it).
enum JourneySamples {
    static func states(_ id: JourneyID, home: KioskState, content: KioskContent, now: Date) -> [(String, KioskState)] {
        switch id {
        case .diagnostic: return DiagnosticScreens.sampleStates(home: home, content: content, now: now)
        case .booking: return BookingScreens.sampleStates(home: home, content: content, now: now)
        case .myAppointment: return MyAppointmentScreens.sampleStates(home: home, content: content, now: now)
        case .help: return HelpScreens.sampleStates(home: home, now: now)
        case .places: return PlacesScreens.sampleStates(home: home, content: content, now: now)
        }
    }
}

/// The agenda entries with the longest texts (ties by key: dictionaries have no order), and
/// free times over two weeks, for the booking journeys' samples.
struct AgendaSamplePicks {
    var service: AgendaService
    var helper: AgendaHelper
    var place: AgendaPlace
    var day: LocalDay
    var slots: [Slot]

    init?(content: KioskContent, language: Language, now: Date) {
        guard let catalogue = content.agenda,
            let service = catalogue.services.sorted(by: { $0.key < $1.key }).max(by: {
                $0.name[language].count < $1.name[language].count
            }),
            let helper = catalogue.helpers.values.sorted(by: { $0.key < $1.key }).first,
            let place = catalogue.places.values.sorted(by: { $0.key < $1.key }).max(by: {
                $0.address.count < $1.address.count
            })
        else { return nil }
        self.service = service
        self.helper = helper
        self.place = place
        let day = ParisTime.day(of: now).adding(days: 6)
        self.day = day
        slots =
            (0..<16).map { i -> Slot in
                let start = ParisTime.date(day.adding(days: i / 8), minute: 9 * 60 + (i % 8) * 45)!
                return Slot(
                    service: service.key, helper: helper.key, place: place.key, start: start,
                    end: start.addingTimeInterval(2700))
            }
            + (1...6).map { d -> Slot in
                let start = ParisTime.date(day.adding(days: d + 1), minute: 14 * 60)!
                return Slot(
                    service: service.key, helper: helper.key, place: place.key, start: start,
                    end: start.addingTimeInterval(2700))
            }
    }
}
