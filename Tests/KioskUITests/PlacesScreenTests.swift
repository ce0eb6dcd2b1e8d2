// Passerelle — KioskUI places tests. Licensed under the EUPL-1.2.
import Foundation
import KioskCore
import KioskUI
import XCTest

/// The places screens beyond their snapshots: what is said aloud, and the "other places"
/// doors from the diagnostic's result and booking's "no free time".
final class PlacesScreenTests: XCTestCase {
    let content = JourneySnapshotTests.content
    let states = Dictionary(
        uniqueKeysWithValues: LayoutAudit.journeyStates(content: JourneySnapshotTests.content, language: .fr))

    func scene(_ state: KioskState) -> Scene { JourneySnapshotTests.scene(state) }

    func test_every_pictogram_of_the_places_is_a_glyph_of_the_font() {
        XCTAssertFalse(Icon.placesIcons.contains(.info), "a name missing from the generated table falls back to info")
        XCTAssertEqual(Set(Icon.placesIcons.map(\.name)).count, Icon.placesIcons.count)
    }

    func test_a_place_is_read_aloud_and_so_is_a_print_that_cannot_be_made() throws {
        var list = try XCTUnwrap(states["places-list"])
        list.places?.print = nil
        var place = try XCTUnwrap(states["places-place"])
        place.places?.print = nil
        let id = try XCTUnwrap(place.places?.matches.first { place.screen == .places(.place($0.place.id)) }?.place.id)
        let said = try XCTUnwrap(
            Announcement.text(
                after: .places(.placeTapped(id)), before: list, state: place, beforeScene: scene(list),
                scene: scene(place), catalogue: Fixtures.catalogue))
        XCTAssertTrue(said.contains("On vous aide pour"), said)
        XCTAssertTrue(said.contains("Gratuit") || said.contains("Payant") || said.contains("Adhésion"), said)
        var failed = place
        failed.places?.print = .unavailable
        XCTAssertEqual(
            Announcement.text(
                after: .places(.printFinished(.unavailable)), before: place, state: failed, beforeScene: scene(place),
                scene: scene(failed), catalogue: Fixtures.catalogue),
            "Pas d'impression possible. Prenez cet écran en photo, ou notez l'adresse.")
    }

    func test_with_larger_text_the_needs_come_a_page_at_a_time_each_word_whole() throws {
        var need = try XCTUnwrap(states["places-need"])
        let all = scene(need).interactiveNodes.filter { $0.id.hasPrefix("need-") }.map(\.id)
        XCTAssertEqual(all.count, 10, "nine services and every place, on one page")
        need.largeText = true
        var seen: [String] = []
        for page in 0..<all.count {
            need.places?.needPage = page
            let shown = JourneySnapshotTests.scene(need, size: Size(width: 1280, height: 800))
            XCTAssertEqual(shown.overflows, [], "page \(page)")
            let next = try XCTUnwrap(shown.node(id: "need-next"), "a page at a time")
            XCTAssertEqual(shown.node(id: "need-previous")?.enabled, page > 0)
            seen += shown.interactiveNodes.map(\.id).filter { $0.hasPrefix("need-") && !$0.hasSuffix("-next") }
                .filter { !$0.hasSuffix("-previous") }
            if !next.enabled { break }
        }
        XCTAssertEqual(seen, all, "every need once, in order, across the pages")
    }

    func test_the_list_names_each_place_with_its_status_and_hours_for_the_voice() throws {
        let list = scene(try XCTUnwrap(states["places-list"]))
        let cards = list.interactiveNodes.filter { $0.id.hasPrefix("place-") }
        XCTAssertGreaterThan(cards.count, 1)
        for card in cards {
            XCTAssertTrue(card.label.contains("maintenant"), card.label)
            XCTAssertGreaterThanOrEqual(
                card.label.components(separatedBy: ". ").count, 4, "name, status, distance, hours")
        }
    }

    func test_other_places_are_offered_when_the_kiosks_helpers_cannot_help() throws {
        // Booking with no free time: the places that fit the same need.
        var booking = try XCTUnwrap(states["booking-booking-when"])
        booking.booking?.slots = []
        booking.booking?.support = .procedureHelp
        let other = try XCTUnwrap(scene(booking).node(id: "other-places"))
        XCTAssertEqual(other.action, .journeyTapped(.places(.administrativeProcedures)))
        XCTAssertNil(scene(try XCTUnwrap(states["booking-booking-when"])).node(id: "other-places"), "free times: none")
        var noPlaces = booking
        noPlaces.places = nil
        XCTAssertNil(
            JourneySnapshotTests.scene(noPlaces, content: KioskContent(agenda: content.agenda)).node(
                id: "other-places"),
            "no places loaded: no door")
        let elsewhere = KioskContent(
            agenda: content.agenda, places: content.places.filter { !$0.services.contains(.administrativeProcedures) })
        XCTAssertNil(
            JourneySnapshotTests.scene(booking, content: elsewhere).node(id: "other-places"),
            "no place gives that help: no door to an empty list")
        // The diagnostic's result whose help the agenda has no service for.
        let result = try XCTUnwrap(states["diagnostic-result"])
        let withoutAgenda = KioskContent(diagnosticPack: content.diagnosticPack, places: content.places)
        let follow = try XCTUnwrap(result.diagnostic?.followUp(content: withoutAgenda))
        XCTAssertNotEqual(follow, .book(result.diagnostic!.report.support))
        XCTAssertNotNil(JourneySnapshotTests.scene(result, content: withoutAgenda).node(id: "other-places"))
    }
}
