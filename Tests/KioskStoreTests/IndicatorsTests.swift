// Passerelle — KioskStore tests. Licensed under the EUPL-1.2.
import Foundation
import XCTest
@testable import KioskStore

final class IndicatorsTests: XCTestCase {
    func test_figures_are_counted_per_paris_day_across_midnight_and_dst() throws {
        let clock = ManualClock(paris("2025-10-25 23:30"))  // Saturday before the switch to winter time
        let database = try AppDatabase.inMemory(clock: clock.storeClock)
        _ = try database.startVisit(language: "fr")  // 25 Oct, Paris
        clock.advance(by: 3600)
        _ = try database.startVisit(language: "ar")  // 26 Oct 00:30 Paris, still 25 Oct in UTC
        let daily = try database.indicators(from: "2025-10-25", to: "2025-10-26", by: .day)
        XCTAssertEqual(daily.rows.map(\.period), ["2025-10-25", "2025-10-26"])
        XCTAssertEqual(daily.rows.map(\.visits), [1, 1])
        XCTAssertEqual(daily.totals.visitsByLanguage, ["fr": 1, "ar": 1])
    }

    func test_appointments_diagnostics_and_help_are_counted_with_national_codes() throws {
        let clock = ManualClock(paris("2025-11-03 10:00"))
        let database = try AppDatabase.inMemory(clock: clock.storeClock)
        let agenda = try Agenda(database)
        let honoured = try database.bookAppointment(agenda.request(at: paris("2025-11-04 10:00")))
        let cancelled = try database.bookAppointment(agenda.request(at: paris("2025-11-04 11:00")))
        try database.cancelAppointment(cancelled.uuid, byPerson: true)
        _ = try database.recordDiagnostic(
            DiagnosticResult(visitID: nil, completedAt: clock.now, language: "fr", autonomie: .autonome))
        _ = try database.recordDiagnostic(
            DiagnosticResult(visitID: nil, completedAt: clock.now, language: "fr", autonomie: .entierementAccompagne))
        _ = try database.recordHelpRequest(channel: .desk, thematique: "argent_impots")
        clock.advance(by: 86_400)
        try database.markAppointment(honoured.uuid, honoured: true)

        let weekly = try database.indicators(from: "2025-11-03", to: "2025-11-09", by: .week)
        XCTAssertEqual(weekly.rows.count, 1)
        let week = weekly.rows[0]
        XCTAssertEqual(week.period, "2025-W45")
        XCTAssertEqual(week.appointmentsBooked, 2)
        XCTAssertEqual(week.appointmentsCancelled, 1)
        XCTAssertEqual(week.appointmentsHonoured, 1)
        XCTAssertEqual(week.diagnostics, [.autonome: 1, .entierementAccompagne: 1])
        XCTAssertEqual(week.helpRequests, 1)
        XCTAssertEqual(week.thematiques, ["logement": 2, "argent_impots": 1])

        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(weekly.json().utf8)) as? [String: Any])
        let totals = try XCTUnwrap(json["totals"] as? [String: Any])
        let diagnostics = try XCTUnwrap(totals["diagnostics"] as? [String: Any])
        XCTAssertEqual(
            diagnostics["autonomie"] as? [String: Int],
            ["autonome": 1, "entierement_accompagne": 1, "partiellement_autonome": 0])
        let csv = weekly.csv().split(separator: "\r\n").map(String.init)
        XCTAssertEqual(csv.count, 3)
        XCTAssertTrue(csv[0].hasPrefix("period,first_day,visits,diagnostics,autonomie_entierement_accompagne"))
        XCTAssertTrue(csv[0].hasSuffix("thematique_argent_impots,thematique_logement"))
        XCTAssertEqual(csv[1].split(separator: ",").count, csv[0].split(separator: ",").count)
    }

    func test_months_have_one_row_and_empty_periods_are_listed() throws {
        let database = try AppDatabase.inMemory(clock: .fixed(paris("2025-11-03 10:00")))
        _ = try database.startVisit(language: "fr")
        let monthly = try database.indicators(from: "2025-10-01", to: "2025-12-31", by: .month)
        XCTAssertEqual(monthly.rows.map(\.period), ["2025-10", "2025-11", "2025-12"])
        XCTAssertEqual(monthly.rows.map(\.visits), [0, 1, 0])
    }

    func test_a_simulated_month_gives_a_readable_self_contained_report() throws {
        let dir = makeTemporaryDirectory(self)
        let visits = try DemoScenario.run(dataDir: dir, firstDay: "2025-11-01", days: 30)
        let database = try AppDatabase.open(dataDir: dir)
        let report = try MonthlyReport.load(from: database, month: "2025-11", placeName: "Mairie de Lunel")
        XCTAssertEqual(report.daily.totals.visits, visits)
        let html = report.html()
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("bilan de novembre 2025"))
        XCTAssertEqual(
            html.components(separatedBy: "<svg ").count - 1, 5, "visits, autonomy, appointments, themes, languages")
        XCTAssertFalse(html.contains("http://") && html.contains("src="), "nothing to fetch")
        XCTAssertFalse(html.contains("Personne "), "no personal data in the report")
        XCTAssertEqual(html.components(separatedBy: "<svg").count, html.components(separatedBy: "</svg>").count)
    }
}
