// Passerelle — KioskCore places of help. Licensed under the EUPL-1.2.
import Foundation

/// Validates the rows of a places file one at a time.
///
/// A row is **refused** when the kiosk could not send a person there or could not show it
/// safely: a required field missing or malformed (`id`, `nom`, `adresse`, `commune`,
/// `code_postal`, at least one known `services`), a control character or an over-long text
/// anywhere, coordinates that are not numbers or come alone, an id already used above.
/// A row is **imported with a warning** when an optional value is unusable: that value is
/// dropped (a phone that is no number, an unknown list value, a bad link) or, for `horaires`
/// the kiosk cannot evaluate, kept as text.
struct PlaceRowReader {
    let file: String
    var places: [PlaceOfHelp] = []
    var refused: [ContentProblem] = []
    var refusedIDs = Set<String>()
    var warnings: [ContentProblem] = []
    /// id → line, to name the first row of a duplicate.
    var seen: [String: Int] = [:]

    /// A refused row: the first problem found stops it.
    struct Refusal: Error {
        let field: String
        let message: String
    }

    init(file: String) { self.file = file }

    static let shortText = 300, summaryLength = 280, detailLength = 4000, idLength = 100, maxListValues = 50

    mutating func read(_ row: PlaceRow) {
        let id = row.values["id"].map(Self.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        do {
            if let problem = row.problem { throw Refusal(field: "", message: problem) }
            let place = try place(row)
            if let first = seen[place.id] {
                throw Refusal(
                    field: "id",
                    message: "\"\(place.id)\" is already the id of the place on line \(first); ids must be unique")
            }
            seen[place.id] = row.line
            places.append(place)
        } catch let refusal as Refusal {
            refused.append(ContentProblem(file: file, line: row.line, path: refusal.field, message: refusal.message))
            if let id, seen[id] == nil { refusedIDs.insert(id) }
        } catch {
            refused.append(ContentProblem(file: file, line: row.line, path: "", message: "\(error)"))
        }
    }

    mutating func place(_ row: PlaceRow) throws -> PlaceOfHelp {
        var fields = Fields(row: row)
        let id = try fields.required("id", max: Self.idLength)
        var place = PlaceOfHelp(
            id: id, name: try fields.required("nom"), commune: try fields.required("commune"),
            postalCode: try fields.postalCode(), address: try fields.required("adresse"))
        place.pivot = try fields.optional("pivot", max: 40)
        place.inseeCode = try fields.inseeCode()
        place.addressComplement = try fields.optional("complement_adresse")
        place.location = try fields.location()
        place.phone = try fields.phone()
        place.emails = try fields.list("courriels").filter {
            fields.check("courriels", $0, Self.isEmail($0), "is not an e-mail address")
        }
        place.websites = try fields.list("site_web").filter {
            fields.check("site_web", $0, Self.isWebLink($0), "is not an http(s) link")
        }
        place.hours = try fields.hours()
        place.summary = try fields.optional("presentation_resume", max: Self.summaryLength, lineBreaksAsSpaces: true)
        place.detail = try fields.optional("presentation_detail", max: Self.detailLength, lineBreaksAsSpaces: true)
        place.source = try fields.optional("source")
        place.parentStructure = try fields.optional("structure_parente")
        place.updatedOn = try fields.day("date_maj")
        place.types = try fields.list("typologie")
        place.services = try fields.vocabulary("services", HelpService.self)
        guard !place.services.isEmpty else {
            throw Refusal(
                field: "services",
                message:
                    "no known service; give at least one of: "
                    + "\(HelpService.allCases.map(\.rawValue).joined(separator: "; "))"
            )
        }
        place.audiences = try fields.list("publics_specifiquement_adresses")
        place.specificSupport = try fields.vocabulary("prise_en_charge_specifique", SpecificSupport.self)
        place.fees = try fields.list("frais_a_charge")
        place.nationalSchemes = try fields.list("dispositif_programmes_nationaux")
        place.labels = try fields.list("formations_labels")
        place.otherLabels = try fields.list("autres_formations_labels")
        place.accessModes = try fields.list("modalites_acces")
        place.supportModes = try fields.vocabulary("modalites_accompagnement", SupportMode.self)
        place.roaming = try fields.list("itinerance")
        place.accessibilityURL = try fields.link("fiche_acces_libre")
        place.bookingURL = try fields.link("prise_rdv")
        // Only for rows that are imported: a refused row's report is its refusal.
        warnings += fields.warnings.map {
            ContentProblem(file: file, line: row.line, path: $0.field, message: "warning: \($0.message)")
        }
        return place
    }

    // MARK: - Checks shared with `Fields`

    static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces) }

    /// Control characters (a newline, NUL, ESC, U+2028…) would break or forge what the screen
    /// and the exports show after them.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
    }

    static func isWebLink(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && text.count > 10 && !text.contains(" ")
    }
}
