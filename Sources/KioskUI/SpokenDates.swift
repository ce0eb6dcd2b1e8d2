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

    /// A day near `today` as people say it: "aujourd'hui", "demain" (from the catalogue);
    /// others by name.
    static func day(_ day: LocalDay, today: LocalDay?, t: Texts) -> String {
        switch today.map({ day.dayNumber - $0.dayNumber }) {
        case 0?: return t(.dayToday)
        case 1?: return t(.dayTomorrow)
        default: return Self.day(day, t.language)
        }
    }

    public static func day(_ day: LocalDay, _ language: Language) -> String {
        guard let noon = ParisTime.date(day, minute: 12 * 60) else { return day.description }
        return Self.day(noon, language)
    }

    /// 24-hour time, as on French signs: "9:00", "14:30".
    public static func time(_ date: Date, _ language: Language) -> String {
        let minute = ParisTime.minuteOfDay(date)
        return String(format: "%d:%02d", minute / 60, minute % 60)
    }
}
