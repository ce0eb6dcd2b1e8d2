// Passerelle — KioskCore places of help. Licensed under the EUPL-1.2.

/// Writes places as a CSV of the national schema (RFC 4180, comma, LF, UTF-8 without BOM):
/// what `passerellectl places export` prints, and what `PlacesFile` reads back unchanged.
public enum PlacesCSV {
    public static func text(_ places: [PlaceOfHelp]) -> String {
        var lines = [PlacesFile.columns.joined(separator: ",")]
        for place in places {
            lines.append(PlacesFile.columns.map { field(named: $0, of: place) }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func field(named name: String, of place: PlaceOfHelp) -> String {
        func list(_ values: [String]) -> String { quoted(values.joined(separator: "|")) }
        switch name {
        case "id": return quoted(place.id)
        case "pivot": return quoted(place.pivot)
        case "nom": return quoted(place.name)
        case "commune": return quoted(place.commune)
        case "code_postal": return quoted(place.postalCode)
        case "code_insee": return quoted(place.inseeCode)
        case "adresse": return quoted(place.address)
        case "complement_adresse": return quoted(place.addressComplement)
        case "latitude": return place.location.map { String($0.latitude) } ?? ""
        case "longitude": return place.location.map { String($0.longitude) } ?? ""
        case "typologie": return list(place.types)
        case "telephone": return quoted(place.phone)
        case "courriels": return list(place.emails)
        case "site_web": return list(place.websites)
        case "horaires": return quoted(place.hours.text)
        case "presentation_resume": return quoted(place.summary)
        case "presentation_detail": return quoted(place.detail)
        case "source": return quoted(place.source)
        case "itinerance": return list(place.roaming)
        case "structure_parente": return quoted(place.parentStructure)
        case "date_maj": return quoted(place.updatedOn?.description)
        case "services": return list(place.services.map(\.rawValue))
        case "publics_specifiquement_adresses": return list(place.audiences)
        case "prise_en_charge_specifique": return list(place.specificSupport.map(\.rawValue))
        case "frais_a_charge": return list(place.fees)
        case "dispositif_programmes_nationaux": return list(place.nationalSchemes)
        case "formations_labels": return list(place.labels)
        case "autres_formations_labels": return list(place.otherLabels)
        case "modalites_acces": return list(place.accessModes)
        case "modalites_accompagnement": return list(place.supportModes.map(\.rawValue))
        case "fiche_acces_libre": return quoted(place.accessibilityURL)
        case "prise_rdv": return quoted(place.bookingURL)
        default: return ""
        }
    }

    /// Every text in double quotes (a quote doubled); nothing for an absent or empty value.
    static func quoted(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "" }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
