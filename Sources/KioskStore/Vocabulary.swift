// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation

// The national vocabularies, spelled as the national tools spell them, so the figures the
// store produces can be compared with other territories' without a translation table.

/// CRA v2 `autonomie` (La Coop de la médiation numérique): how autonomous the person is.
public enum Autonomie: String, CaseIterable, Codable, Sendable {
    /// "Avec guidage": the person needs someone with them.
    case entierementAccompagne = "entierement_accompagne"
    /// "Autonome avec guidage en cas de besoin".
    case partiellementAutonome = "partiellement_autonome"
    /// "Autonome".
    case autonome

    /// The French label used in reports.
    public var label: String {
        switch self {
        case .entierementAccompagne: return "Avec guidage"
        case .partiellementAutonome: return "Autonome avec aide si besoin"
        case .autonome: return "Autonome"
        }
    }
}

/// The three profiles of the 2018 national strategy (CNV).
public enum InclusionProfile: String, CaseIterable, Codable, Sendable {
    case proche, eloigne, exclu
}

/// RDV Service Public appointment statuses.
public enum AppointmentStatus: String, CaseIterable, Codable, Sendable {
    /// Booked, not yet happened (or not yet marked).
    case unknown
    /// The person came: honoured.
    case seen
    /// Cancelled by the person.
    case excused
    /// Cancelled by the helper or the town hall.
    case revoked
    /// The person did not come.
    case noshow

    /// Whether the appointment still holds its helper's slot.
    public var holdsSlot: Bool { self == .unknown || self == .seen || self == .noshow }
}

/// RDV Service Public motif location types.
public enum LocationType: String, CaseIterable, Codable, Sendable {
    case publicOffice = "public_office", phone, home, visio
}

/// A national theme code: CRA v2 `thematiques` (médiation numérique) and the ten démarche
/// administrative categories. The schema only accepts codes listed in its `thematique` table.
public struct Thematique: Hashable, Sendable {
    public let code: String
    public let label: String
    public let isDemarche: Bool

    /// Every code the first migration knows, with its French label.
    public static let all: [Thematique] = mediation + demarches

    public static let mediation: [Thematique] = [
        ("diagnostic_numerique", "Diagnostic numérique"),
        ("prendre_en_main_du_materiel", "Prendre en main du matériel"),
        ("navigation_sur_internet", "Navigation sur internet"),
        ("email", "E-mail"),
        ("bureautique", "Bureautique"),
        ("reseaux_sociaux", "Réseaux sociaux"),
        ("sante", "Santé"),
        ("banque_et_achats_en_ligne", "Banque et achats en ligne"),
        ("entrepreneuriat", "Entrepreneuriat"),
        ("insertion_professionnelle", "Insertion professionnelle"),
        ("securite_numerique", "Sécurité numérique"),
        ("parentalite", "Parentalité"),
        ("scolarite_et_numerique", "Scolarité et numérique"),
        ("creer_avec_le_numerique", "Créer avec le numérique"),
        ("culture_numerique", "Culture numérique"),
    ].map { Thematique(code: $0.0, label: $0.1, isDemarche: false) }

    public static let demarches: [Thematique] = [
        ("papiers_elections_citoyennete", "Papiers, élections, citoyenneté"),
        ("famille_scolarite", "Famille, scolarité"),
        ("social_sante", "Social, santé"),
        ("travail_formation", "Travail, formation"),
        ("logement", "Logement"),
        ("transports_mobilite", "Transports, mobilité"),
        ("argent_impots", "Argent, impôts"),
        ("justice", "Justice"),
        ("etrangers_europe", "Étrangers, Europe"),
        ("loisirs_sports_culture", "Loisirs, sports, culture"),
    ].map { Thematique(code: $0.0, label: $0.1, isDemarche: true) }

    /// The French label of `code`, or the code itself when unknown.
    public static func label(of code: String) -> String {
        all.first { $0.code == code }?.label ?? code
    }
}
