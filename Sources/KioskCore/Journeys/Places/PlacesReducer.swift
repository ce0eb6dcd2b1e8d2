// Passerelle — KioskCore, the "Where can I get help?" journey. Licensed under the EUPL-1.2.
import Foundation

extension KioskState {
    mutating func reducePlaces(_ action: Action, env: Environment) -> [Effect] {
        let all = env.content.places
        guard !all.isEmpty else { return [] }
        switch action {
        case .journeyTapped(.places(let need)):
            // From home: what do you need? From the diagnostic or booking: the need is known.
            var journey = PlacesJourney(need: need, today: ParisTime.day(of: env.now))
            if need == nil, screen == .home {
                self.places = journey
                go(to: .places(.need))
                return []
            }
            journey.refresh(all, env)
            self.places = journey
            go(to: .places(.list))
            return []

        case .places(.needChosen(let need)):
            guard screen == .places(.need) else { return [] }
            update(all, env) { $0.need = need }
            go(to: .places(.list))
            return []

        case .places(.openFilterTapped(let filter)):
            guard screen == .places(.list) else { return [] }
            update(all, env) { $0.open = $0.open == filter ? nil : filter }
            return []

        case .places(.supportTapped):
            guard screen == .places(.list) else { return [] }
            go(to: .places(.support))
            return []

        case .places(.supportToggled(let support)):
            guard screen == .places(.support) else { return [] }
            update(all, env) { journey in
                if journey.support.remove(support) == nil { journey.support.insert(support) }
            }
            return []

        case .places(.supportDoneTapped):
            guard screen == .places(.support) else { return [] }
            show(history.popLast() ?? .places(.list))
            return []

        case .places(.nextPageTapped), .places(.previousPageTapped):
            guard screen == .places(.list) || screen == .places(.need), var journey = self.places else { return [] }
            let step = action == .places(.nextPageTapped) ? 1 : -1
            if screen == .places(.need) {
                journey.needPage = max(0, journey.needPage + step)
            } else {
                journey.page = max(0, journey.page + step)
            }
            self.places = journey
            focus = nil
            return []

        case .places(.placeTapped(let id)):
            guard screen == .places(.list), self.places?.match(id: id) != nil else { return [] }
            self.places?.print = nil
            go(to: .places(.place(id)))
            return []

        case .places(.printTapped):
            guard case .places(.place(let id)) = screen, var journey = self.places,
                let match = journey.match(id: id), journey.print != .printing
            else { return [] }
            journey.print = .printing
            self.places = journey
            return [.printPlace(match.place, today: journey.today, language: language)]

        case .places(.printFinished(let outcome)):
            self.places?.print = outcome
            return []

        default:
            return []
        }
    }

    /// Changes what the person asked and computes the answer again, as of now.
    private mutating func update(
        _ all: [PlaceOfHelp], _ env: Environment, _ change: (inout PlacesJourney) -> Void
    ) {
        guard var journey = self.places else { return }
        change(&journey)
        journey.page = 0
        journey.refresh(all, env)
        self.places = journey
    }
}

extension PlacesJourney {
    /// The places that answer, as of `env.now`.
    mutating func refresh(_ all: [PlaceOfHelp], _ env: Environment) {
        today = ParisTime.day(of: env.now)
        matches = PlacesFinder.find(all, query(policy: env.policy), now: env.now)
    }
}
