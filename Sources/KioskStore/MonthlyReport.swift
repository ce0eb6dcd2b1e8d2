// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation

/// A one-page HTML report of a month for elected officials: key figures first, then simple bar
/// charts (inline SVG). Self-contained: no script, no font, no image to fetch; prints on A4.
public struct MonthlyReport: Sendable {
    /// Days of the month (for the visits chart).
    public var daily: Indicators
    /// The place name in the title ("Mairie de …"), or nil.
    public var placeName: String?

    public init(daily: Indicators, placeName: String? = nil) {
        self.daily = daily
        self.placeName = placeName
    }

    /// The month's daily indicators, ready for `html()`. `month` is "YYYY-MM".
    public static func load(from database: AppDatabase, month: String, placeName: String? = nil) throws(StoreProblem)
        -> MonthlyReport
    {
        guard let first = AppDatabase.parseDay(month + "-01"), let firstDate = ParisCalendar.calendar.date(from: first)
        else {
            throw .rejected(rule: "month must be YYYY-MM")
        }
        let last = ParisCalendar.calendar.date(byAdding: DateComponents(month: 1, day: -1), to: firstDate)!
        let daily = try database.indicators(from: month + "-01", to: AppDatabase.dayLabel(last), by: .day)
        return MonthlyReport(daily: daily, placeName: placeName)
    }

    /// "novembre 2025".
    var monthTitle: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "fr_FR")
        formatter.timeZone = ParisCalendar.timeZone
        formatter.dateFormat = "LLLL yyyy"
        let first = ParisCalendar.calendar.date(from: AppDatabase.parseDay(daily.from)!)!
        return formatter.string(from: first)
    }

    // MARK: - HTML

    /// One figure of the report's header, with its label and a hint.
    private func card(_ label: String, _ value: Int, _ hint: String) -> String {
        "<div class=\"card\"><div class=\"value\">\(value)</div><div class=\"label\">\(escape(label))</div>"
            + "<div class=\"hint\">\(escape(hint))</div></div>\n"
    }

    /// What the report's figures are, said under its title.
    private static let lead =
        "Chiffres anonymes, comptés par la borne du 1er au dernier jour du mois (heure de Paris)."

    /// What the report holds and where it comes from, said at its foot.
    private static let footnote =
        "Aucune donnée personnelle dans ce document. "
        + "Les noms et téléphones des rendez-vous sont effacés 7 jours après le rendez-vous. "
        + "Produit par passerellectl report."

    public func html() -> String {
        let t = daily.totals
        let title = "Passerelle — bilan de \(monthTitle)" + (placeName.map { " — \($0)" } ?? "")
        let cards = [
            ("Visites", t.visits, "personnes ont utilisé la borne"),
            ("Diagnostics", t.diagnosticsTotal, "diagnostics numériques faits"),
            ("Rendez-vous pris", t.appointmentsBooked, "avec un·e aidant·e"),
            ("Rendez-vous honorés", t.appointmentsHonoured, "personnes reçues"),
            ("Demandes d’aide", t.helpRequests, "appels à un humain"),
            ("Aides à distance", t.remoteSessions, "sessions avec un·e aidant·e"),
        ]
        var body = "<h1>\(escape(title))</h1>\n"
        body += "<p class=\"lead\">\(Self.lead)</p>\n"
        body += "<div class=\"cards\">\n"
        for (label, value, hint) in cards { body += card(label, value, hint) }
        body += "</div>\n"

        body += "<h2>Visites par jour</h2>\n"
        body += columnChart(
            daily.rows.map { (String($0.firstDay.suffix(2)), $0.visits) }, color: "#000091",
            caption: "Nombre de visites chaque jour du mois")

        body += "<h2>Autonomie numérique des personnes diagnostiquées</h2>\n"
        body += barChart(
            Autonomie.allCases.map { ($0.label, t.diagnostics[$0] ?? 0) }, color: "#6a6af4",
            caption: "Diagnostics par niveau d’autonomie (échelle nationale CRA)")

        body += "<h2>Rendez-vous</h2>\n"
        body += barChart(
            [
                ("Pris", t.appointmentsBooked), ("Honorés", t.appointmentsHonoured),
                ("Annulés", t.appointmentsCancelled), ("Absences (non venus)", t.appointmentsNoShow),
            ], color: "#18753c", caption: "Rendez-vous du mois")

        let themes = t.thematiques.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(8)
        if !themes.isEmpty {
            body += "<h2>Pour quoi les personnes viennent</h2>\n"
            body += barChart(
                themes.map { (Thematique.label(of: $0.key), $0.value) }, color: "#b34000",
                caption: "Thématiques des rendez-vous et demandes d’aide (les 8 premières)")
        }
        let languages = t.visitsByLanguage.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        if languages.count > 1 {
            body += "<h2>Langues utilisées</h2>\n"
            body += barChart(
                languages.map { (languageName($0.key), $0.value) }, color: "#695240",
                caption: "Visites par langue de l’interface")
        }
        body += "<p class=\"foot\">\(Self.footnote)</p>\n"
        return """
            <!DOCTYPE html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>
            body { font-family: "Marianne", "Noto Sans", Arial, sans-serif; color: #161616; max-width: 60rem; \
            margin: 2rem auto; padding: 0 1rem; }
            h1 { font-size: 1.9rem; margin-bottom: .2rem; }
            h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid #000091; padding-bottom: .2rem; }
            .lead { color: #3a3a3a; }
            .cards { display: flex; flex-wrap: wrap; gap: .8rem; }
            .card { flex: 1 1 12rem; border: 1px solid #ddd; border-left: 6px solid #000091; padding: .6rem .9rem; }
            .value { font-size: 2.4rem; font-weight: bold; }
            .label { font-weight: bold; }
            .hint, .foot, figcaption { color: #555; font-size: .9rem; }
            svg { max-width: 100%; height: auto; }
            @media print { body { margin: 0; } h2 { break-after: avoid; } }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    // MARK: - Charts (inline SVG)

    /// Vertical bars, one per label (e.g. days of the month).
    func columnChart(_ data: [(String, Int)], color: String, caption: String) -> String {
        let width = 900.0, height = 260.0, left = 40.0, bottom = 30.0, top = 20.0
        let maxValue = max(1, data.map(\.1).max() ?? 1)
        let slot = (width - left) / Double(max(1, data.count))
        var svg =
            "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
            + "role=\"img\" aria-label=\"\(escape(caption))\">\n"
        svg +=
            "<line x1=\"\(left)\" y1=\"\(height - bottom)\" "
            + "x2=\"\(width)\" y2=\"\(height - bottom)\" stroke=\"#999\"/>\n"
        svg += "<text x=\"\(left - 6)\" y=\"\(top + 4)\" font-size=\"12\" text-anchor=\"end\">\(maxValue)</text>\n"
        svg += "<text x=\"\(left - 6)\" y=\"\(height - bottom)\" font-size=\"12\" text-anchor=\"end\">0</text>\n"
        for (index, (label, value)) in data.enumerated() {
            let barHeight = (height - bottom - top) * Double(value) / Double(maxValue)
            let x = left + Double(index) * slot + slot * 0.15
            svg +=
                "<rect x=\"\(fmt(x))\" y=\"\(fmt(height - bottom - barHeight))\" "
                + "width=\"\(fmt(slot * 0.7))\" height=\"\(fmt(barHeight))\" fill=\"\(color)\">"
                + "<title>\(escape(label)) : \(value)</title></rect>\n"
            svg +=
                "<text x=\"\(fmt(x + slot * 0.35))\" y=\"\(fmt(height - bottom + 16))\" "
                + "font-size=\"11\" text-anchor=\"middle\">\(escape(label))</text>\n"
        }
        svg += "</svg><figcaption>\(escape(caption))</figcaption></figure>\n"
        return svg
    }

    /// Horizontal bars with the label on the left and the value at the end of the bar.
    func barChart(_ data: [(String, Int)], color: String, caption: String) -> String {
        let width = 900.0, rowHeight = 36.0, labelWidth = 300.0
        let height = rowHeight * Double(data.count) + 10
        let maxValue = max(1, data.map(\.1).max() ?? 1)
        var svg =
            "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
            + "role=\"img\" aria-label=\"\(escape(caption))\">\n"
        for (index, (label, value)) in data.enumerated() {
            let y = Double(index) * rowHeight + 5
            let barWidth = (width - labelWidth - 60) * Double(value) / Double(maxValue)
            svg +=
                "<text x=\"\(fmt(labelWidth - 10))\" y=\"\(fmt(y + rowHeight * 0.6))\" "
                + "font-size=\"16\" text-anchor=\"end\">\(escape(label))</text>\n"
            svg +=
                "<rect x=\"\(fmt(labelWidth))\" y=\"\(fmt(y + 4))\" "
                + "width=\"\(fmt(barWidth))\" height=\"\(fmt(rowHeight - 12))\" fill=\"\(color)\"/>\n"
            svg +=
                "<text x=\"\(fmt(labelWidth + barWidth + 8))\" y=\"\(fmt(y + rowHeight * 0.6))\" "
                + "font-size=\"16\" font-weight=\"bold\">\(value)</text>\n"
        }
        svg += "</svg><figcaption>\(escape(caption))</figcaption></figure>\n"
        return svg
    }

    private func fmt(_ value: Double) -> String { String(format: "%.1f", value) }

    private func languageName(_ code: String) -> String {
        let names = [
            "fr": "Français", "en": "Anglais", "ar": "Arabe", "es": "Espagnol", "pt": "Portugais",
            "uk": "Ukrainien", "ru": "Russe", "tr": "Turc", "de": "Allemand", "it": "Italien", "ro": "Roumain",
        ]
        return names[code] ?? code
    }
}

/// Escapes text for HTML and SVG.
func escape(_ text: String) -> String {
    var out = ""
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(character)
        }
    }
    return out
}
