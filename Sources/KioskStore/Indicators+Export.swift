// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation

// MARK: - JSON and CSV
//
// Field names follow the national vocabularies: `autonomie` values of CRA v2, `thematiques`
// codes of La Coop de la médiation numérique, RDV Service Public statuses.

extension Indicators {
    /// Pretty JSON with sorted keys (stable, diffable).
    public func json() -> String {
        let object: [String: Any] = [
            "from": from, "to": to, "by": bucketing.rawValue, "timeZone": "Europe/Paris",
            "periods": rows.map(Self.jsonObject), "totals": Self.jsonObject(totals),
        ]
        let data = try! JSONSerialization.data(
            withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func jsonObject(_ row: IndicatorRow) -> [String: Any] {
        [
            "period": row.period, "firstDay": row.firstDay,
            "visits": ["total": row.visits, "byLanguage": row.visitsByLanguage],
            "diagnostics": [
                "total": row.diagnosticsTotal,
                "autonomie": Dictionary(
                    uniqueKeysWithValues: Autonomie.allCases.map { ($0.rawValue, row.diagnostics[$0] ?? 0) }),
            ],
            "appointments": [
                "booked": row.appointmentsBooked, "cancelled": row.appointmentsCancelled,
                "honoured": row.appointmentsHonoured, "noshow": row.appointmentsNoShow,
            ],
            "helpRequests": row.helpRequests, "remoteSessions": row.remoteSessions,
            "thematiques": row.thematiques,
        ]
    }

    /// RFC 4180 CSV, one line per period then a `total` line. One `thematique_<code>` column
    /// per theme that occurs in the range.
    public func csv() -> String {
        let themes = totals.thematiques.keys.sorted()
        var header = [
            "period", "first_day", "visits", "diagnostics",
        ]
        header += Autonomie.allCases.map { "autonomie_\($0.rawValue)" }
        header += [
            "appointments_booked", "appointments_cancelled", "appointments_honoured", "appointments_noshow",
            "help_requests", "remote_sessions",
        ]
        header += themes.map { "thematique_\($0)" }
        var lines = [header.joined(separator: ",")]
        for row in rows + [totals] {
            var fields = [row.period, row.firstDay, String(row.visits), String(row.diagnosticsTotal)]
            fields += Autonomie.allCases.map { String(row.diagnostics[$0] ?? 0) }
            fields += [
                row.appointmentsBooked, row.appointmentsCancelled, row.appointmentsHonoured, row.appointmentsNoShow,
                row.helpRequests, row.remoteSessions,
            ].map(String.init)
            fields += themes.map { String(row.thematiques[$0] ?? 0) }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
