// Passerelle — KioskCore places of help. Licensed under the EUPL-1.2.
import Foundation

// The closed lists of the national "schéma des lieux de médiation numérique" (v1.0.2) that the
// kiosk filters on. Raw values are the schema's exact French labels (what the file and the
// export carry); files are matched ignoring case, accents and spacing, because real exports
// write "Comprehension du monde numerique" or "handicaps moteurs".

/// A closed list of the schema, read leniently.
public protocol PlaceVocabulary: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
    /// Misspellings seen in real exports, folded (see `fold`), with what they mean.
    static var aliases: [String: Self] { get }
}

extension PlaceVocabulary {
    public static var aliases: [String: Self] { [:] }

    /// The value `text` names, or nil.
    public static func matching(_ text: String) -> Self? {
        let folded = fold(text)
        return allCases.first { fold($0.rawValue) == folded } ?? aliases[folded]
    }
}

/// Lower case, no accents, one space between words, typographic apostrophes as "'".
func fold(_ text: String) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "fr_FR"))
        .replacingOccurrences(of: "\u{2019}", with: "'")
        .split(whereSeparator: { $0 == " " || $0 == "\u{A0}" || $0 == "\t" }).joined(separator: " ")
}

/// `services`: the kinds of help a place gives.
public enum HelpService: String, PlaceVocabulary {
    case administrativeProcedures = "Aide aux démarches administratives"
    case everydayTools = "Maîtrise des outils numériques du quotidien"
    case employment = "Insertion professionnelle via le numérique"
    case safeUse = "Utilisation sécurisée du numérique"
    case parenting = "Parentalité et éducation avec le numérique"
    case leisure = "Loisirs et créations numériques"
    case understanding = "Compréhension du monde numérique"
    case internetAccess = "Accès internet et matériel informatique"
    case affordableEquipment = "Acquisition de matériel informatique à prix solidaire"
}

/// `modalites_accompagnement`: how the help is given.
public enum SupportMode: String, PlaceVocabulary {
    case onYourOwn = "En autonomie"
    case oneToOne = "Accompagnement individuel"
    case workshop = "Dans un atelier collectif"
    case remote = "À distance"
}

/// `prise_en_charge_specifique`: the people a place is equipped to help.
public enum SpecificSupport: String, PlaceVocabulary {
    case deafness = "Surdité"
    case motorDisability = "Handicaps moteurs"
    case mentalDisability = "Handicaps mentaux"
    case illiteracy = "Illettrisme"
    case english = "Langues étrangères (anglais)"
    case otherLanguages = "Langues étrangères (autres)"
    case visualImpairment = "Déficience visuelle"

    /// The schema's own example once wrote "Illetrisme".
    public static var aliases: [String: SpecificSupport] { ["illetrisme": .illiteracy] }
}
