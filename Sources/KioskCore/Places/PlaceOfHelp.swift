// Passerelle — KioskCore places of help. Licensed under the EUPL-1.2.
import Foundation

/// A place where a person can get help with digital tools, as the national open data
/// ("schéma des lieux de médiation numérique" v1.0.2, etalab-2.0) describes it: what
/// `passerellectl places import` stores and the "Where can I get help?" screen shows.
///
/// Closed lists the kiosk filters on are typed (`services`, `specificSupport`,
/// `supportModes`); the other lists are kept as the file wrote them.
public struct PlaceOfHelp: Equatable, Sendable {
    /// The file's `id`: the key an import updates by.
    public var id: String
    /// SIRET or RNA.
    public var pivot: String?
    public var name: String
    public var commune: String
    public var postalCode: String
    public var inseeCode: String?
    public var address: String
    public var addressComplement: String?
    public var location: GeoPoint?
    /// E.164 ("+33…").
    public var phone: String?
    public var emails: [String] = []
    public var websites: [String] = []
    public var hours: PlaceHours = .notGiven
    /// At most 280 characters.
    public var summary: String?
    public var detail: String?
    /// `source`: who collected the data.
    public var source: String?
    public var parentStructure: String?
    /// `date_maj`.
    public var updatedOn: LocalDay?
    /// `typologie` (CCAS, ASSO, BIB…).
    public var types: [String] = []
    public var services: [HelpService] = []
    /// `publics_specifiquement_adresses`.
    public var audiences: [String] = []
    public var specificSupport: [SpecificSupport] = []
    /// `frais_a_charge`.
    public var fees: [String] = []
    /// `dispositif_programmes_nationaux` (France Services, Conseillers numériques…).
    public var nationalSchemes: [String] = []
    public var labels: [String] = []
    public var otherLabels: [String] = []
    /// `modalites_acces` (Se présenter, Téléphoner…).
    public var accessModes: [String] = []
    public var supportModes: [SupportMode] = []
    /// `itinerance` (Itinérant, Fixe).
    public var roaming: [String] = []
    /// `fiche_acces_libre`: the accessibility sheet.
    public var accessibilityURL: String?
    /// `prise_rdv`: where to book.
    public var bookingURL: String?

    public init(id: String, name: String, commune: String, postalCode: String, address: String) {
        self.id = id
        self.name = name
        self.commune = commune
        self.postalCode = postalCode
        self.address = address
    }
}

/// A position in WGS 84 degrees.
public struct GeoPoint: Equatable, Sendable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Metres along the Earth's surface (haversine on the mean radius, 6 371 008.8 m): within
    /// 0.5 % of the ellipsoid, far better than a person needs to pick the nearest place.
    public func distance(to other: GeoPoint) -> Double {
        let radians = Double.pi / 180
        let phi1 = latitude * radians, phi2 = other.latitude * radians
        let dPhi = (other.latitude - latitude) * radians, dLambda = (other.longitude - longitude) * radians
        let a = sin(dPhi / 2) * sin(dPhi / 2) + cos(phi1) * cos(phi2) * sin(dLambda / 2) * sin(dLambda / 2)
        return 2 * 6_371_008.8 * asin(min(1, a.squareRoot()))
    }
}

/// A place's `horaires`: evaluated when the kiosk can, kept as text when it cannot, so a
/// place is never dropped for its hours (the screen then shows the text).
public enum PlaceHours: Equatable, Sendable {
    case notGiven
    case rules(OpeningRules, text: String)
    /// `reason` names the part the kiosk cannot evaluate ("column 19: comments … are not supported").
    case asWritten(String, reason: String)

    public init(text: String?) {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            self = .notGiven
            return
        }
        do {
            self = .rules(try OpeningRules.parse(text), text: text)
        } catch {
            self = .asWritten(text, reason: error.description)
        }
    }

    /// The text as the file wrote it.
    public var text: String? {
        switch self {
        case .notGiven: return nil
        case .rules(_, let text), .asWritten(let text, _): return text
        }
    }
}
