// Passerelle — KioskUI, the places of help. Licensed under the EUPL-1.2.
import Foundation
import KioskCore

// MARK: - From the other journeys

extension PlacesScreens {
    /// "Other places for help": where the kiosk's own helpers are full (no free time) or do
    /// not give the help that fits (the diagnostic's result without a booking). It opens the
    /// list for `need` directly.
    static func otherPlaces(_ b: inout SceneBuilder, frame: Rect, need: HelpService?, t: Texts) {
        b.button(
            id: "other-places", label: t(.placesOther), icon: .place, frame: frame, style: .secondary,
            action: .journeyTapped(.places(need)))
    }

    /// On the diagnostic's result, with its button (unless it books the kiosk's own help, or
    /// no place gives that help): above it in portrait, beside it in landscape.
    static func otherPlaces(
        _ b: inout SceneBuilder, nextTo button: inout Rect, in area: inout Rect, need: HelpService?, unless: Bool,
        places: [PlaceOfHelp], t: Texts
    ) {
        guard !unless, anyPlace(for: need, in: places) else { return }
        let frame =
            b.theme.size.isPortrait
            ? area.sliceBottom(b.theme.buttonHeight, gap: b.theme.gap)
            : button.sliceRight(button.width / 2, gap: b.theme.gap)
        otherPlaces(&b, frame: frame, need: need, t: t)
    }

    /// The same at the foot of a screen that leaves it free (booking's "no free time"), when
    /// a place gives that help.
    static func otherPlaces(_ b: inout SceneBuilder, in area: Rect, need: HelpService?, context: ViewContext, t: Texts)
    {
        guard anyPlace(for: need, in: context.content.places) else { return }
        var foot = area
        otherPlaces(&b, frame: foot.sliceBottom(b.theme.buttonHeight, gap: b.theme.gap), need: need, t: t)
    }

    /// Whether a door to the places would open on at least one place.
    static func anyPlace(for need: HelpService?, in places: [PlaceOfHelp]) -> Bool {
        places.contains { place in need.map { place.services.contains($0) } ?? true }
    }

    /// A place whose printing failed stays readable under the idle warning, like a ticket.
    static func keepsVisible(_ state: KioskState) -> Bool {
        if case .places(.place) = state.screen { return state.places?.print != nil }
        return false
    }
}

// MARK: - Samples

extension PlacesScreens {
    /// Every step with the content's places: the needs, the list (all places, its second
    /// page), nothing found, two special needs chosen, and the place with the longest name
    /// and texts after a print that could not be made.
    static func sampleStates(home: KioskState, content: KioskContent, now: Date) -> [(String, KioskState)] {
        guard !content.places.isEmpty else { return [] }
        var policy = KioskPolicy()
        policy.placesPosition = GeoPoint(latitude: 43.6747, longitude: 4.1360)
        var journey = PlacesJourney(today: ParisTime.day(of: now))
        journey.matches = PlacesFinder.find(content.places, journey.query(policy: policy), now: now)
        journey.page = 1
        journey.print = .unavailable
        var none = journey
        none.need = .parenting
        none.open = .now
        none.support = [.deafness]
        none.matches = []
        let longest = content.places.sorted { $0.id < $1.id }.max {
            ($0.name.count + $0.address.count + $0.services.count * 20)
                < ($1.name.count + $1.address.count + $1.services.count * 20)
        }
        var support = journey
        support.support = [.english, .motorDisability]
        let steps: [(String, PlacesStep, PlacesJourney)] = [
            ("places-need", .need, journey), ("places-list", .list, journey), ("places-none", .list, none),
            ("places-support", .support, support),
            ("places-place", .place(longest?.id ?? ""), journey),
        ]
        return steps.map { name, step, journey in
            var s = home
            s.places = journey
            s.screen = .places(step)
            return (name, s)
        }
    }
}

extension DiagnosticFollowUp {
    /// Whether the result's button books the kiosk's own help (then no other place is offered).
    var isBooking: Bool {
        if case .book = self { return true }
        return false
    }
}
