import Foundation
import KioskCore

/// Days and times as a person says them: "mardi 24 novembre", "14:30", in Paris time.
public enum SpokenDates {
    static func formatter(_ template: String, _ language: Language) -> DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: language == .fr ? "fr_FR" : language == .en ? "en_GB" : "ar")
        f.timeZone = ParisTime.timeZone
        f.setLocalizedDateFormatFromTemplate(template)
        return f
    }

    public static func day(_ date: Date, _ language: Language) -> String {
        formatter("EEEEdMMMM", language).string(from: date)
    }

    /// A day near `today` as people say it, its date kept (a photo of the screen is read
    /// later): "Demain, jeudi 19 novembre"; other days by name. `inSentence`: "demain, …".
    static func day(_ day: LocalDay, today: LocalDay?, t: Texts, inSentence: Bool = false) -> String {
        let named = Self.day(day, t.language)
        let near: String
        switch today.map({ day.dayNumber - $0.dayNumber }) {
        case 0?: near = t(.dayToday)
        case 1?: near = t(.dayTomorrow)
        default: return named
        }
        let word = inSentence && t.language != .ar ? near.prefix(1).lowercased() + near.dropFirst() : near
        return word + (t.language == .ar ? "، " : ", ") + named
    }

    static func day(_ date: Date, today: LocalDay?, t: Texts, inSentence: Bool = false) -> String {
        day(ParisTime.day(of: date), today: today, t: t, inSentence: inSentence)
    }

    public static func day(_ day: LocalDay, _ language: Language) -> String {
        guard let noon = ParisTime.date(day, minute: 12 * 60) else { return day.description }
        return Self.day(noon, language)
    }

    /// 24-hour time as each language writes it: French "9 h", "14 h 30" (as on French signs
    /// and as said); English and Arabic "9:00", "14:30".
    public static func time(_ date: Date, _ language: Language) -> String {
        let minute = ParisTime.minuteOfDay(date)
        if language == .fr {
            return minute % 60 == 0 ? "\(minute / 60) h" : String(format: "%d h %02d", minute / 60, minute % 60)
        }
        return String(format: "%d:%02d", minute / 60, minute % 60)
    }
}
