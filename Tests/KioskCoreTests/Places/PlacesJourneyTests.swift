// Passerelle — KioskCore places tests. Licensed under the EUPL-1.2.
import XCTest

@testable import KioskCore

/// The "Where can I get help?" journey as a reducer: the whole state asserted, the clock fixed.
final class PlacesJourneyTests: XCTestCase {
    /// Wednesday 25 November 2026, 14:30 in Paris.
    var now = paris("2026-11-25 14:30")
    var policy: KioskPolicy = {
        var policy = KioskPolicy()
        policy.placesPosition = GeoPoint(latitude: 43.6747, longitude: 4.1360)
        return policy
    }()
    var state: KioskState!

    private func place(
        _ id: String, _ services: [HelpService], hours: String, at location: GeoPoint?,
        support: [SpecificSupport] = []
    ) -> PlaceOfHelp {
        var p = PlaceOfHelp(id: id, name: id.capitalized, commune: "Lunel", postalCode: "34400", address: "1 place")
        p.services = services
        p.hours = PlaceHours(text: hours)
        p.location = location
        p.specificSupport = support
        return p
    }

    private var places: [PlaceOfHelp] {
        [
            place(
                "lunel", [.administrativeProcedures, .everydayTools], hours: "Mo-Fr 09:00-12:00, 14:00-17:00; PH off",
                at: GeoPoint(latitude: 43.6756, longitude: 4.1357), support: [.english]),
            place(
                "ccas", [.administrativeProcedures], hours: "Mo, Tu, Th 08:30-12:00",
                at: GeoPoint(latitude: 43.6712, longitude: 4.1401)),
            place(
                "montpellier", [.administrativeProcedures], hours: "Mo-Fr 08:30-16:30; Sa 09:00-12:00",
                at: GeoPoint(latitude: 43.6101, longitude: 3.8541), support: [.english]),
            place(
                "atelier", [.leisure], hours: "We 14:00-19:00; Sa 10:00-17:00",
                at: GeoPoint(latitude: 43.6794, longitude: 3.9857)),
        ]
    }

    override func setUp() {
        state = KioskState.initial(now: now, policy: policy)
    }

    @discardableResult
    func send(_ action: Action) -> [Effect] {
        reduce(&state, action, Environment(now: now, policy: policy, content: KioskContent(places: places)))
    }

    private var shown: [String] { state.places?.matches.map(\.place.id) ?? [] }

    func test_an_open_place_for_a_need_is_three_taps_from_home() {
        XCTAssertEqual(KioskContent(places: places).journeys, [.places(nil)], "the tile, only with places")
        XCTAssertEqual(KioskContent().journeys, [], "no places, no tile")
        send(.journeyTapped(.places(nil)))
        XCTAssertEqual(state.screen, .places(.need))
        send(.places(.needChosen(.administrativeProcedures)))
        XCTAssertEqual(state.screen, .places(.list))
        XCTAssertEqual(shown, ["lunel", "ccas", "montpellier"], "nearest first")
        send(.places(.openFilterTapped(.now)))
        XCTAssertEqual(shown, ["lunel", "montpellier"], "open at 14:30 on a Wednesday")
        XCTAssertEqual(state.places?.matches.allSatisfy(\.isOpenNow), true)
        XCTAssertEqual(state.history, [.home, .places(.need)])
        XCTAssertEqual(state.visit?.journeys, ["places"], "counted in the visit's figures")
    }

    func test_filters_toggle_and_start_again_on_the_first_page() {
        send(.journeyTapped(.places(nil)))
        send(.places(.needChosen(nil)))
        XCTAssertEqual(shown.count, 4, "every place")
        send(.places(.nextPageTapped))
        send(.places(.nextPageTapped))
        send(.places(.previousPageTapped))
        XCTAssertEqual(state.places?.page, 1)
        send(.places(.openFilterTapped(.saturday)))
        XCTAssertEqual(state.places?.page, 0)
        XCTAssertEqual(shown, ["atelier", "montpellier"], "open on Saturday 28th, nearest first")
        send(.places(.openFilterTapped(.saturday)))
        XCTAssertNil(state.places?.open, "a second tap takes the filter off")
        XCTAssertEqual(shown.count, 4)
    }

    func test_the_needs_turn_their_own_pages_and_leave_the_list_on_its_first() {
        send(.journeyTapped(.places(nil)))
        send(.places(.nextPageTapped))
        send(.places(.nextPageTapped))
        send(.places(.previousPageTapped))
        XCTAssertEqual(state.places?.needPage, 1, "larger text shows the needs a page at a time")
        XCTAssertEqual(state.places?.page, 0)
        send(.places(.previousPageTapped))
        send(.places(.previousPageTapped))
        XCTAssertEqual(state.places?.needPage, 0, "never before the first page")
        send(.places(.nextPageTapped))
        send(.places(.needChosen(nil)))
        XCTAssertEqual(state.places?.page, 0, "the list starts on its first page")
        send(.places(.nextPageTapped))
        XCTAssertEqual(state.places?.page, 1)
        XCTAssertEqual(state.places?.needPage, 1, "the list's pages leave the needs' page alone")
    }

    func test_special_needs_are_chosen_on_their_screen_and_apply_at_once() {
        send(.journeyTapped(.places(nil)))
        send(.places(.needChosen(.administrativeProcedures)))
        send(.places(.supportTapped))
        XCTAssertEqual(state.screen, .places(.support))
        send(.places(.supportToggled(.english)))
        XCTAssertEqual(shown, ["lunel", "montpellier"])
        send(.places(.supportToggled(.motorDisability)))
        XCTAssertEqual(shown, [], "equipped for both: none")
        send(.places(.supportToggled(.motorDisability)))
        send(.places(.supportDoneTapped))
        XCTAssertEqual(state.screen, .places(.list))
        XCTAssertEqual(state.places?.support, [.english])
        XCTAssertEqual(state.history, [.home, .places(.need)], "the support screen is not stacked")
    }

    func test_a_place_prints_and_without_a_printer_stays_on_screen_as_long_as_a_ticket() {
        send(.journeyTapped(.places(nil)))
        send(.places(.needChosen(.administrativeProcedures)))
        send(.places(.placeTapped("nowhere")))
        XCTAssertEqual(state.screen, .places(.list), "an id not in the list does nothing")
        send(.places(.placeTapped("lunel")))
        XCTAssertEqual(state.screen, .places(.place("lunel")))
        XCTAssertEqual(state.idleTimeout(policy: policy), policy.idleTimeout)
        let effects = send(.places(.printTapped))
        let lunel = places[0]
        XCTAssertEqual(effects, [.printPlace(lunel, today: LocalDay(year: 2026, month: 11, day: 25)!, language: .fr)])
        XCTAssertEqual(state.places?.print, .printing)
        XCTAssertEqual(send(.places(.printTapped)), [], "one print at a time")
        send(.places(.printFinished(.unavailable)))
        XCTAssertEqual(state.places?.print, .unavailable)
        XCTAssertEqual(state.idleTimeout(policy: policy), policy.ticketTimeout)
        send(.backTapped)
        XCTAssertEqual(state.screen, .places(.list))
        send(.places(.placeTapped("lunel")))
        XCTAssertNil(state.places?.print, "a place shown again has not been printed")
    }

    func test_from_the_diagnostic_or_booking_the_list_opens_for_the_need_and_back_returns() {
        state.screen = .booking(.when)
        state.history = [.home]
        send(.journeyTapped(.places(.fitting(.procedureHelp))))
        XCTAssertEqual(state.screen, .places(.list))
        XCTAssertEqual(state.places?.need, .administrativeProcedures)
        XCTAssertEqual(shown, ["lunel", "ccas", "montpellier"])
        send(.backTapped)
        XCTAssertEqual(state.screen, .booking(.when))
        XCTAssertEqual(HelpService.fitting(.talkToConseiller), nil, "a talk can happen anywhere")
    }

    func test_without_places_the_journey_does_not_start_and_a_reset_forgets_it() {
        var empty = state!
        _ = reduce(&empty, .journeyTapped(.places(nil)), Environment(now: now, policy: policy))
        XCTAssertEqual(empty.screen, .home)
        XCTAssertNil(empty.places)
        send(.journeyTapped(.places(nil)))
        send(.places(.needChosen(nil)))
        now = now.addingTimeInterval(policy.idleTimeout + policy.warningDuration + 1)
        send(.timeElapsed)
        send(.timeElapsed)
        XCTAssertEqual(state.screen, .home)
        XCTAssertNil(state.places, "the person's search is forgotten")
    }

    func test_the_list_is_computed_again_at_each_action_from_the_clock() {
        send(.journeyTapped(.places(nil)))
        send(.places(.needChosen(.administrativeProcedures)))
        send(.places(.openFilterTapped(.now)))
        XCTAssertEqual(shown, ["lunel", "montpellier"])
        now = paris("2026-11-25 16:45")
        send(.places(.supportTapped))
        send(.places(.supportToggled(.english)))
        XCTAssertEqual(shown, ["lunel"], "Montpellier closed at 16:30")
        XCTAssertEqual(
            state.places?.matches.first?.today, .open([.init(start: 540, end: 720), .init(start: 840, end: 1020)]))
    }
}
