// Passerelle — KioskCore booking engine. Licensed under the EUPL-1.2.

/// French public holidays (jours fériés), computed for any year: no table to update.
///
/// Eleven national days (Code du travail, art. L3133-1), three of them moving with Easter.
/// Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle) adds Good Friday and 26 December under its
/// local law. The kiosk never offers a slot on a holiday, whatever the opening ranges say.
public enum FrenchHoliday: String, CaseIterable, Sendable {
    case newYear = "new_year"  // 1 January
    case goodFriday = "good_friday"  // Alsace-Moselle only
    case easterMonday = "easter_monday"
    case labourDay = "labour_day"  // 1 May
    case victoryDay = "victory_day"  // 8 May
    case ascension  // Easter + 39 days
    case whitMonday = "whit_monday"  // Easter + 50 days
    case bastilleDay = "bastille_day"  // 14 July
    case assumption  // 15 August
    case allSaints = "all_saints"  // 1 November
    case armistice  // 11 November
    case christmas  // 25 December
    case saintStephen = "saint_stephen"  // 26 December, Alsace-Moselle only

    /// The French name, for admin output and the helpers' calendars.
    public var frenchName: String {
        switch self {
        case .newYear: return "Jour de l'an"
        case .goodFriday: return "Vendredi saint"
        case .easterMonday: return "Lundi de Pâques"
        case .labourDay: return "Fête du Travail"
        case .victoryDay: return "Victoire 1945"
        case .ascension: return "Ascension"
        case .whitMonday: return "Lundi de Pentecôte"
        case .bastilleDay: return "Fête nationale"
        case .assumption: return "Assomption"
        case .allSaints: return "Toussaint"
        case .armistice: return "Armistice 1918"
        case .christmas: return "Noël"
        case .saintStephen: return "Saint-Étienne"
        }
    }

    /// Whether the day is a holiday only in Alsace-Moselle.
    public var isAlsaceMoselleOnly: Bool { self == .goodFriday || self == .saintStephen }

    /// Easter Sunday of `year` (Gregorian; anonymous algorithm, Meeus/Jones/Butcher).
    public static func easterSunday(_ year: Int) -> LocalDay {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDay(year: year, month: month, day: day)!
    }

    /// Every holiday of `year`, in date order.
    public static func all(in year: Int, alsaceMoselle: Bool = false) -> [(day: LocalDay, holiday: FrenchHoliday)] {
        let easter = easterSunday(year)
        func fixed(_ m: Int, _ d: Int) -> LocalDay { LocalDay(year: year, month: m, day: d)! }
        var days: [(LocalDay, FrenchHoliday)] = [
            (fixed(1, 1), .newYear), (easter.adding(days: 1), .easterMonday), (fixed(5, 1), .labourDay),
            (fixed(5, 8), .victoryDay), (easter.adding(days: 39), .ascension), (easter.adding(days: 50), .whitMonday),
            (fixed(7, 14), .bastilleDay), (fixed(8, 15), .assumption), (fixed(11, 1), .allSaints),
            (fixed(11, 11), .armistice), (fixed(12, 25), .christmas),
        ]
        if alsaceMoselle {
            days += [(easter.adding(days: -2), .goodFriday), (fixed(12, 26), .saintStephen)]
        }
        return days.sorted { $0.0 < $1.0 }.map { (day: $0.0, holiday: $0.1) }
    }

    /// The holiday on `day`, or nil for a working day.
    public static func holiday(on day: LocalDay, alsaceMoselle: Bool = false) -> FrenchHoliday? {
        all(in: day.year, alsaceMoselle: alsaceMoselle).first { $0.day == day }?.holiday
    }
}
