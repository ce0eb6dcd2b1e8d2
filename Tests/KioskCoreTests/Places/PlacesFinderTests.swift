// Passerelle — KioskCore places tests. Licensed under the EUPL-1.2.
import XCTest
@testable import KioskCore

final class PlacesFinderTests: XCTestCase {
    /// The kiosk at Lunel's town hall.
    private let kiosk = GeoPoint(latitude: 43.6747, longitude: 4.1360)

    private func place(
        _ id: String, _ services: [HelpService], hours: String?, at location: GeoPoint? = nil,
        support: [SpecificSupport] = [], modes: [SupportMode] = []
    ) -> PlaceOfHelp {
        var p = PlaceOfHelp(id: id, name: id.capitalized, commune: "Lunel", postalCode: "34400", address: "1 place")
        p.services = services
        p.hours = PlaceHours(text: hours)
        p.location = location
        p.specificSupport = support
        p.supportModes = modes
        return p
    }

    private var places: [PlaceOfHelp] {
        [
            place(
                "montpellier", [.administrativeProcedures], hours: "Mo-Fr 08:30-16:30; PH off",
                at: GeoPoint(latitude: 43.6101, longitude: 3.8541),
                support: [.english]),
            place(
                "lunel", [.administrativeProcedures, .everydayTools],
                hours: "Mo-Fr 09:00-12:00, 14:00-17:00; Sa 09:00-12:00; PH off",
                at: GeoPoint(latitude: 43.6756, longitude: 4.1357), support: [.english, .motorDisability],
                modes: [.oneToOne]),
            place(
                "marsillargues", [.administrativeProcedures], hours: "Th 14:00-17:00",
                at: GeoPoint(latitude: 43.6631, longitude: 4.1786),
                modes: [.workshop]),
            place(
                "sans-position", [.administrativeProcedures, .leisure], hours: "Mo-Fr 10:00-12:00 \"sur rendez-vous\""),
            place(
                "atelier", [.leisure], hours: "We 14:00-19:00; Sa 10:00-17:00",
                at: GeoPoint(latitude: 43.6794, longitude: 3.9857)),
        ]
    }

    private func ids(_ query: PlaceQuery, at now: String) -> [String] {
        PlacesFinder.find(places, query, now: paris(now)).map(\.place.id)
    }

    func test_filters_and_nearest_first_as_a_table() {
        // Monday 23 November 2026, 10:30, unless said.
        let cases: [(query: PlaceQuery, now: String, expected: [String])] = [
            (
                PlaceQuery(from: kiosk), "2026-11-23 10:30",
                ["lunel", "marsillargues", "atelier", "montpellier", "sans-position"]
            ),
            (PlaceQuery(), "2026-11-23 10:30", ["atelier", "lunel", "marsillargues", "montpellier", "sans-position"]),
            (
                PlaceQuery(services: [.administrativeProcedures], from: kiosk), "2026-11-23 10:30",
                ["lunel", "marsillargues", "montpellier", "sans-position"]
            ),
            (
                PlaceQuery(services: [.administrativeProcedures, .leisure], from: kiosk), "2026-11-23 10:30",
                ["sans-position"]
            ),
            (PlaceQuery(specificSupport: [.english], from: kiosk), "2026-11-23 10:30", ["lunel", "montpellier"]),
            (PlaceQuery(specificSupport: [.english, .motorDisability]), "2026-11-23 10:30", ["lunel"]),
            (
                PlaceQuery(supportModes: [.oneToOne, .workshop], from: kiosk), "2026-11-23 10:30",
                ["lunel", "marsillargues"]
            ),
            (PlaceQuery(open: .now, from: kiosk), "2026-11-23 10:30", ["lunel", "montpellier"]),
            (PlaceQuery(open: .now, from: kiosk), "2026-11-23 12:30", ["montpellier"]),
            (PlaceQuery(open: .now, from: kiosk), "2026-11-26 16:45", ["lunel", "marsillargues"]),
            (PlaceQuery(open: .now, from: kiosk), "2026-11-23 17:00", [],),
            (PlaceQuery(open: .comingSaturday, from: kiosk), "2026-11-23 10:30", ["lunel", "atelier"]),
            (PlaceQuery(open: .comingSaturday, from: kiosk), "2026-11-28 16:00", ["lunel", "atelier"]),
            // Wednesday 11 November 2026, Armistice: "PH off" closes Lunel and Montpellier;
            // the atelier says nothing of holidays, so it is not called open either.
            (PlaceQuery(open: .now, from: kiosk), "2026-11-11 15:00", []),
            (PlaceQuery(open: .on(day("2026-11-11")), from: kiosk), "2026-11-09 10:00", []),
            (
                PlaceQuery(open: .on(day("2026-11-12")), from: kiosk), "2026-11-09 10:00",
                ["lunel", "marsillargues", "montpellier"]
            ),
        ]
        for (query, now, expected) in cases {
            XCTAssertEqual(ids(query, at: now), expected, "\(query) at \(now)")
        }
    }

    func test_todays_hours_are_data_for_the_screen_to_phrase() {
        func hours(_ id: String, _ date: String) -> DayHours {
            PlacesFinder.hours(of: places.first { $0.id == id }!, on: day(date))
        }
        XCTAssertEqual(
            hours("lunel", "2026-11-23"), .open([.init(start: 540, end: 720), .init(start: 840, end: 1020)]))
        XCTAssertEqual(hours("lunel", "2026-11-29"), .closed)
        XCTAssertEqual(hours("lunel", "2026-11-11"), .closed, "PH off")
        XCTAssertEqual(hours("atelier", "2026-11-11"), .holidayNotStated(weekly: [.init(start: 840, end: 1140)]))
        XCTAssertEqual(hours("sans-position", "2026-11-23"), .asWritten("Mo-Fr 10:00-12:00 \"sur rendez-vous\""))
        XCTAssertEqual(PlacesFinder.hours(of: place("x", [.leisure], hours: nil), on: day("2026-11-23")), .notGiven)
        let week = PlacesFinder.week(of: places[1], from: day("2026-11-26"))
        XCTAssertEqual(week.map(\.day.description).first, "2026-11-26")
        XCTAssertEqual(
            week.map { if case .open = $0.hours { return true } else { return false } },
            [true, true, true, false, true, true, true])
        let match = PlacesFinder.find(places, PlaceQuery(from: kiosk), now: paris("2026-11-23 10:30")).first!
        XCTAssertEqual(match.distance ?? 0, 100, accuracy: 5, "about 100 m from the kiosk")
        XCTAssertTrue(match.isOpenNow)
        XCTAssertEqual(match.today, hours("lunel", "2026-11-23"))
    }

    func test_open_now_uses_the_wall_clock_across_both_clock_changes() {
        let night = place("nuit", [.leisure], hours: "Su 01:00-02:00,03:00-04:00")
        // Sunday 29 March 2026: 02:00 CET jumps to 03:00 CEST.
        XCTAssertTrue(PlacesFinder.isOpen(night, at: utc("2026-03-29T00:30Z")), "01:30 CET")
        XCTAssertTrue(PlacesFinder.isOpen(night, at: utc("2026-03-29T01:00Z")), "03:00 CEST")
        XCTAssertFalse(PlacesFinder.isOpen(night, at: utc("2026-03-29T02:00Z")), "04:00 CEST")
        // Sunday 25 October 2026: 03:00 CEST goes back to 02:00 CET; 01:30 happens once, 02:30 twice.
        XCTAssertTrue(PlacesFinder.isOpen(night, at: utc("2026-10-24T23:30Z")), "01:30 CEST")
        XCTAssertFalse(PlacesFinder.isOpen(night, at: utc("2026-10-25T00:30Z")), "02:30 CEST")
        XCTAssertFalse(PlacesFinder.isOpen(night, at: utc("2026-10-25T01:30Z")), "02:30 CET")
        XCTAssertTrue(PlacesFinder.isOpen(night, at: utc("2026-10-25T02:30Z")), "03:30 CET")
        XCTAssertEqual(PlacesFinder.comingSaturday(from: day("2026-03-29")), day("2026-04-04"))
        XCTAssertEqual(PlacesFinder.comingSaturday(from: day("2026-03-28")), day("2026-03-28"))
    }

    func test_the_haversine_distance_matches_known_ones() {
        let lunel = GeoPoint(latitude: 43.6756, longitude: 4.1357),
            montpellier = GeoPoint(latitude: 43.6108, longitude: 3.8767)
        XCTAssertEqual(lunel.distance(to: montpellier) / 1000, 22.0, accuracy: 0.5)
        XCTAssertEqual(
            GeoPoint(latitude: 0, longitude: 0).distance(to: GeoPoint(latitude: 0, longitude: 1)), 111_195, accuracy: 1)
        XCTAssertEqual(lunel.distance(to: lunel), 0)
    }
}
