// Passerelle — KioskUI, the places of help. Licensed under the EUPL-1.2.
import Foundation
import KioskCore

/// How the places' facts are said and pictured, in the person's language: a service's few
/// words and pictogram, today's hours in words, a distance, free or not, a phone number as
/// people write it. Shared by the screens and the printed ticket.
enum PlacesWords {
    static func key(_ service: HelpService) -> TextKey {
        switch service {
        case .administrativeProcedures: return .placesServiceProcedures
        case .everydayTools: return .placesServiceTools
        case .employment: return .placesServiceJob
        case .safeUse: return .placesServiceSafety
        case .parenting: return .placesServiceParenting
        case .leisure: return .placesServiceLeisure
        case .understanding: return .placesServiceUnderstanding
        case .internetAccess: return .placesServiceInternet
        case .affordableEquipment: return .placesServiceEquipment
        }
    }

    static func icon(_ service: HelpService) -> Icon {
        switch service {
        case .administrativeProcedures: return .description_
        case .everydayTools: return material("devices")
        case .employment: return material("work")
        case .safeUse: return material("security")
        case .parenting: return material("family_restroom")
        case .leisure: return material("palette")
        case .understanding: return material("lightbulb")
        case .internetAccess: return material("wifi")
        case .affordableEquipment: return material("savings")
        }
    }

    static func key(_ support: SpecificSupport) -> TextKey {
        switch support {
        case .english: return .placesSupportEnglish
        case .otherLanguages: return .placesSupportLanguages
        case .deafness: return .placesSupportDeaf
        case .motorDisability: return .placesSupportMotor
        case .mentalDisability: return .placesSupportMental
        case .visualImpairment: return .placesSupportVisual
        case .illiteracy: return .placesSupportReading
        }
    }

    static func icon(_ support: SpecificSupport) -> Icon {
        switch support {
        case .english: return material("translate")
        case .otherLanguages: return .language
        case .deafness: return material("hearing")
        case .motorDisability: return material("accessible")
        case .mentalDisability: return material("psychology")
        case .visualImpairment: return material("visibility")
        case .illiteracy: return material("menu_book")
        }
    }

    /// The order of the support screen: languages first, then disabilities.
    static let supportOrder: [SpecificSupport] = [
        .english, .otherLanguages, .deafness, .motorDisability, .visualImpairment, .mentalDisability, .illiteracy,
    ]

    static let fees = material("euro")
    static let everyPlace = material("map")
    static let saturday = material("calendar_month")
    static let specialNeeds = material("accessibility_new")

    /// A glyph of the icon font (every name here is in the generated table; the tests check).
    static func material(_ name: String) -> Icon { Icon(material: name) ?? .info }

    static var icons: [Icon] {
        HelpService.allCases.map(icon) + SpecificSupport.allCases.map(icon) + [
            fees, everyPlace, saturday, specialNeeds,
        ]
    }

    // MARK: - Phrases

    /// "de 9:00 à 12:00 et de 14:00 à 17:00" (the catalogue's "and" has its own spaces: the
    /// Arabic "و" is joined to the next word).
    static func ranges(_ ranges: [OpeningHours.TimeRange], t: Texts) -> String {
        ranges.map { t(.placesRange, ["from": clock($0.start), "to": clock($0.end)]) }
            .joined(separator: t(.placesAnd))
    }

    static func clock(_ minute: Int) -> String { String(format: "%d:%02d", minute / 60 % 24, minute % 60) }

    /// A day's hours in words, and whether they are the place's own words (as written).
    static func day(_ hours: DayHours, t: Texts) -> (text: String, asWritten: String?) {
        switch hours {
        case .open(let list): return (t(.placesToday, ["hours": ranges(list, t: t)]), nil)
        case .closed: return (t(.placesClosedToday), nil)
        case .holidayNotStated: return (t(.placesHoliday), nil)
        case .asWritten(let text): return (t(.placesHoursWritten), text)
        case .notGiven: return (t(.placesNoHours), nil)
        }
    }

    /// One day of the week on the ticket: "lundi : de 9:00 à 12:00", "dimanche : fermé".
    static func weekDay(_ day: LocalDay, _ hours: DayHours, language: Language, t: Texts) -> String {
        let noon = ParisTime.date(day, minute: 12 * 60) ?? Date(timeIntervalSince1970: 0)
        // French sets a space before the colon; English and Arabic do not.
        let name = SpokenDates.formatter("EEEE", language).string(from: noon) + (language == .fr ? " : " : ": ")
        switch hours {
        case .open(let list): return name + ranges(list, t: t)
        case .closed: return name + t(.placesClosedDay)
        case .holidayNotStated: return name + t(.placesHoliday)
        case .asWritten, .notGiven: return name.trimmingCharacters(in: CharacterSet(charactersIn: " :"))
        }
    }

    /// "à 350 m", "à 2,3 km".
    static func distance(_ metres: Double, language: Language, t: Texts) -> String {
        let amount: String
        if metres < 1000 {
            amount = t(.placesMetres, ["n": "\(max(10, Int((metres / 10).rounded()) * 10))"])
        } else {
            let km = metres < 10_000 ? String(format: "%.1f", metres / 1000) : "\(Int((metres / 1000).rounded()))"
            amount = t(.placesKilometres, ["n": language == .en ? km : km.replacingOccurrences(of: ".", with: ",")])
        }
        return t(.placesDistance, ["distance": amount])
    }

    /// Free or not, from `frais_a_charge` (Gratuit, Gratuit sous condition, Payant, Adhésion).
    static func fees(_ place: PlaceOfHelp, t: Texts) -> String {
        let values = Set(place.fees.map { $0.lowercased().folding(options: .diacriticInsensitive, locale: nil) })
        if values.contains("gratuit") { return t(.placesFree) }
        if values.contains(where: { $0.hasPrefix("gratuit sous condition") }) { return t(.placesFreeConditions) }
        if values.contains("adhesion") { return t(.placesMembership) }
        if values.contains(where: { $0.hasPrefix("payant") }) { return t(.placesPaid) }
        return t(.placesFeesUnknown)
    }

    /// Between two facts on one line; the Arabic fonts have no middle dot.
    static func separator(_ language: Language) -> String { language == .ar ? "، " : " · " }

    /// "+33467000101" as people write it: "04 67 00 01 01" (other numbers as stored).
    static func phone(_ e164: String) -> String {
        guard e164.hasPrefix("+33"), e164.count == 12 else { return e164 }
        let digits = Array("0" + e164.dropFirst(3))
        return stride(from: 0, to: 10, by: 2).map { String(digits[$0..<$0 + 2]) }.joined(separator: " ")
    }

    /// The postal address on one line: "12 place des Martyrs, 34400 Lunel".
    static func address(_ place: PlaceOfHelp) -> String {
        "\(place.address), \(place.postalCode) \(place.commune)"
    }

    /// What a QR code of the place's position holds: a `geo:` URI (RFC 5870) a phone opens in
    /// its map.
    static func geoURI(_ point: GeoPoint) -> String {
        String(format: "geo:%.5f,%.5f", point.latitude, point.longitude)
    }
}

extension Icon {
    /// The pictograms of the places' screens (tests check each is a glyph of the font).
    public static var placesIcons: [Icon] { PlacesWords.icons }
}
