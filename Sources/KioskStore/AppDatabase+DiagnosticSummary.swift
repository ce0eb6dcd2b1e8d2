// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation
import GRDB

// What a helper reads about a person's diagnostic, with their consent: in the calendar
// event's description and on the ticket. Only diagnostics linked to an appointment (which
// the schema allows only with `sharingConsentAt`) are ever summarised.

extension AppDatabase {
    /// The words for DigComp areas and levels in the helper's summary (French: the helpers' language).
    static let areaNames = [
        "1": "Information", "2": "Communication", "3": "Contenus", "4": "Sécurité", "5": "Résolution de problèmes",
    ]

    /// A short French summary of the diagnostic shared with `appointment`, or nil when the
    /// person did not consent (no link).
    public func diagnosticSummary(appointment: UUID) throws(StoreProblem) -> String? {
        try read { db in try Self.diagnosticSummary(appointment: appointment, in: db) }
    }

    static func diagnosticSummary(appointment: UUID, in db: Database) throws -> String? {
        do {
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT d.autonomie, d.profile, d.scores FROM diagnostic d
                        JOIN appointment a ON a.id = d.appointmentId
                        WHERE a.uuid = ? AND d.sharingConsentAt IS NOT NULL
                        ORDER BY d.completedAt DESC LIMIT 1
                        """, arguments: [appointment.uuidString])
            else { return nil }
            let autonomie = Autonomie(rawValue: row["autonomie"]).map(\.label) ?? (row["autonomie"] as String)
            var parts = ["Diagnostic à la borne : \(autonomie)."]
            if let profile: String = row["profile"] { parts.append("Profil : \(profile).") }
            let json: String = row["scores"]
            let scores = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Double] ?? [:]
            let areas = scores.keys.filter { Self.areaNames[$0] != nil }.sorted().map { key -> String in
                let score = scores[key] ?? 0
                let level = score >= 0.75 ? "à l'aise" : score >= 0.4 ? "en progrès" : "à découvrir"
                return "\(Self.areaNames[key]!) : \(level)"
            }
            if !areas.isEmpty { parts.append("Domaines : " + areas.joined(separator: " ; ") + ".") }
            let done = scores.keys.filter { $0.hasPrefix("done:") }.sorted().map { String($0.dropFirst(5)) }
            let notDone = scores.keys.filter { $0.hasPrefix("not_done:") }.sorted().map { String($0.dropFirst(9)) }
            if !done.isEmpty { parts.append("Réussi : " + done.joined(separator: ", ") + ".") }
            if !notDone.isEmpty { parts.append("Pas encore : " + notDone.joined(separator: ", ") + ".") }
            let leftOut = scores.keys.filter { $0.hasPrefix("needs_touch:") }.sorted().map { String($0.dropFirst(12)) }
            if !leftOut.isEmpty {
                parts.append(
                    "Fait au clavier, sans les exercices au toucher : " + leftOut.joined(separator: ", ") + ".")
            }
            return parts.joined(separator: " ")
        }
    }
}
