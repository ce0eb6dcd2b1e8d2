// Passerelle — KioskCore places of help. Licensed under the EUPL-1.2.
import Foundation

/// What a person asks on the "Where can I get help?" screen.
public struct PlaceQuery: Equatable, Sendable {
    /// The place gives every one of these (empty: any).
    public var services: Set<HelpService>
    /// The place is equipped for every one of these (languages, disabilities).
    public var specificSupport: Set<SpecificSupport>
    /// The place offers at least one of these ways (empty: any).
    public var supportModes: Set<SupportMode>
    public var open: OpenFilter?
    /// The kiosk's position: nearest first when known.
    public var from: GeoPoint?
    /// Bas-Rhin, Haut-Rhin, Moselle: Good Friday and 26 December are holidays too.
    public var alsaceMoselle: Bool

    public enum OpenFilter: Equatable, Sendable {
        /// Open at this very minute.
        case now
        /// Opens some time on the coming Saturday (today when it is Saturday).
        case comingSaturday
        /// Opens some time on that day.
        case on(LocalDay)
    }

    public init(
        services: Set<HelpService> = [], specificSupport: Set<SpecificSupport> = [],
        supportModes: Set<SupportMode> = [],
        open: OpenFilter? = nil, from: GeoPoint? = nil, alsaceMoselle: Bool = false
    ) {
        self.services = services
        self.specificSupport = specificSupport
        self.supportModes = supportModes
        self.open = open
        self.from = from
        self.alsaceMoselle = alsaceMoselle
    }
}

/// A day's hours, as the screen will phrase them ("ouvert de 9 h à 12 h et de 14 h à 17 h").
public enum DayHours: Equatable, Sendable {
    /// Sorted, not overlapping.
    case open([OpeningHours.TimeRange])
    case closed
    /// A public holiday that the hours say nothing about ("PH off" or "PH 10:00-12:00" would):
    /// the weekly hours of that weekday, which the place may well not keep. Say "jour férié :
    /// appelez avant de venir"; never count it as open.
    case holidayNotStated(weekly: [OpeningHours.TimeRange])
    /// Hours the kiosk cannot evaluate: show them as written.
    case asWritten(String)
    case notGiven
}

/// A place that answers the query, with what the screen shows beside it.
public struct PlaceMatch: Equatable, Sendable {
    public let place: PlaceOfHelp
    /// Metres from the kiosk, when both positions are known.
    public let distance: Double?
    public let today: DayHours
    public let isOpenNow: Bool
}

/// The query behind the places screen: pure, "now" is an argument.
public enum PlacesFinder {
    /// The places that answer `query`, nearest first (those without a position after, by
    /// name), with today's hours.
    public static func find(_ places: [PlaceOfHelp], _ query: PlaceQuery, now: Date) -> [PlaceMatch] {
        let today = ParisTime.day(of: now)
        var matches: [PlaceMatch] = []
        for place in places {
            guard query.services.isSubset(of: place.services),
                query.specificSupport.isSubset(of: place.specificSupport),
                query.supportModes.isEmpty || !query.supportModes.isDisjoint(with: place.supportModes)
            else { continue }
            let openNow = isOpen(place, at: now, alsaceMoselle: query.alsaceMoselle)
            switch query.open {
            case .none: break
            case .now?: guard openNow else { continue }
            case .comingSaturday?:
                guard opens(place, on: comingSaturday(from: today), alsaceMoselle: query.alsaceMoselle) else {
                    continue
                }
            case .on(let day)?: guard opens(place, on: day, alsaceMoselle: query.alsaceMoselle) else { continue }
            }
            let distance = query.from.flatMap { from in place.location.map { from.distance(to: $0) } }
            matches.append(
                PlaceMatch(
                    place: place, distance: distance,
                    today: hours(of: place, on: today, alsaceMoselle: query.alsaceMoselle),
                    isOpenNow: openNow))
        }
        return matches.sorted(by: order)
    }

    /// The hours of `place` on `day`.
    public static func hours(of place: PlaceOfHelp, on day: LocalDay, alsaceMoselle: Bool = false) -> DayHours {
        switch place.hours {
        case .notGiven: return .notGiven
        case .asWritten(let text, _): return .asWritten(text)
        case .rules(let rules, _):
            let isHoliday = FrenchHoliday.holiday(on: day, alsaceMoselle: alsaceMoselle) != nil
            let ranges = rules.ranges(on: day, isHoliday: isHoliday)
            if isHoliday, !rules.mentionsHolidays { return .holidayNotStated(weekly: ranges) }
            return ranges.isEmpty ? .closed : .open(ranges)
        }
    }

    /// The next seven days from `day`, for a "this week" panel.
    public static func week(of place: PlaceOfHelp, from day: LocalDay, alsaceMoselle: Bool = false) -> [(
        day: LocalDay, hours: DayHours
    )] {
        (0..<7).map { offset in
            let d = day.adding(days: offset)
            return (d, hours(of: place, on: d, alsaceMoselle: alsaceMoselle))
        }
    }

    /// Open at `date`'s wall-clock minute in Paris (so on a clock-change day, 03:30 is 03:30).
    public static func isOpen(_ place: PlaceOfHelp, at date: Date, alsaceMoselle: Bool = false) -> Bool {
        guard case .open(let ranges) = hours(of: place, on: ParisTime.day(of: date), alsaceMoselle: alsaceMoselle)
        else { return false }
        let minute = ParisTime.minuteOfDay(date)
        return ranges.contains { $0.start <= minute && minute < $0.end }
    }

    static func opens(_ place: PlaceOfHelp, on day: LocalDay, alsaceMoselle: Bool) -> Bool {
        if case .open = hours(of: place, on: day, alsaceMoselle: alsaceMoselle) { return true }
        return false
    }

    /// Today when it is Saturday, else the next one.
    public static func comingSaturday(from day: LocalDay) -> LocalDay {
        day.adding(days: (6 - day.isoWeekday + 7) % 7)
    }

    /// Nearest first; places without a known distance after, by name, then id.
    static func order(_ a: PlaceMatch, _ b: PlaceMatch) -> Bool {
        switch (a.distance, b.distance) {
        case let (x?, y?) where x != y: return x < y
        case (.some, .none): return true
        case (.none, .some): return false
        default:
            let (x, y) = (fold(a.place.name), fold(b.place.name))
            return x != y ? x < y : a.place.id < b.place.id
        }
    }
}
