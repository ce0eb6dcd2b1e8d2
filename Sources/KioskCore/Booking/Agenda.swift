// Passerelle — KioskCore booking engine. Licensed under the EUPL-1.2.
import Foundation

// The agenda in RDV Service Public vocabulary, as plain values. The store builds an
// `AgendaSnapshot`; the slot finder and the screens only read it. Places, services and helpers
// are named by the stable `key` of the agenda file ("fs-lunel", "demarches", "amina").

// `LocalizedText` (fr, en, ar) is shared with the content packs (Diagnostic/LocalizedText.swift).

/// Where the appointment happens (RDV Service Public `location_type`, without home visits).
public enum LocationKind: String, CaseIterable, Sendable, Codable {
    /// At the place, in person (`public_office`).
    case onSite = "on_site"
    /// The helper calls the person.
    case phone
    /// A video call (`visio`).
    case video
}

/// A place (`lieu`).
public struct AgendaPlace: Hashable, Sendable {
    public var key: String
    public var name: String
    public var address: String
    /// E.164 ("+33…").
    public var phone: String?
    public var latitude: Double?
    public var longitude: Double?
    public var isActive: Bool

    public init(
        key: String, name: String, address: String, phone: String? = nil, latitude: Double? = nil,
        longitude: Double? = nil, isActive: Bool = true
    ) {
        self.key = key
        self.name = name
        self.address = address
        self.phone = phone
        self.latitude = latitude
        self.longitude = longitude
        self.isActive = isActive
    }
}

/// A type of appointment (`motif`).
public struct AgendaService: Hashable, Sendable {
    public var key: String
    public var name: LocalizedText
    public var support: SupportKind
    public var durationMinutes: Int
    /// No slot starts sooner than this after "now".
    public var minNoticeMinutes: Int
    /// No slot starts later than this many days after "now".
    public var maxNoticeDays: Int
    public var location: LocationKind
    public var whatToBring: LocalizedText?
    /// The person may cancel or move it herself (RDVSP motif setting); otherwise only the place.
    public var cancellableByPerson: Bool
    public var isActive: Bool

    public init(
        key: String, name: LocalizedText, support: SupportKind, durationMinutes: Int, minNoticeMinutes: Int = 0,
        maxNoticeDays: Int = 60, location: LocationKind = .onSite, whatToBring: LocalizedText? = nil,
        cancellableByPerson: Bool = true, isActive: Bool = true
    ) {
        self.key = key
        self.name = name
        self.support = support
        self.durationMinutes = durationMinutes
        self.minNoticeMinutes = minNoticeMinutes
        self.maxNoticeDays = maxNoticeDays
        self.location = location
        self.whatToBring = whatToBring
        self.cancellableByPerson = cancellableByPerson
        self.isActive = isActive
    }
}

/// A helper (`agent`). Only a first name is shown to the person.
public struct AgendaHelper: Hashable, Sendable {
    public var key: String
    public var firstName: String
    public var isActive: Bool

    public init(key: String, firstName: String, isActive: Bool = true) {
        self.key = key
        self.firstName = firstName
        self.isActive = isActive
    }
}

/// An opening range (`plage_ouverture`) in Europe/Paris wall-clock time: from `firstDay`, on
/// the `weekdays` of every week until `untilDay` (included), or on `firstDay` only when
/// `weekdays` is empty.
public struct AgendaOpeningRange: Hashable, Sendable {
    public var helper: String
    public var place: String
    public var services: Set<String>
    public var firstDay: LocalDay
    public var untilDay: LocalDay?
    public var weekdays: WeekdaySet
    /// Minutes after local midnight.
    public var startMinute: Int
    public var endMinute: Int

    public init(
        helper: String, place: String, services: Set<String>, firstDay: LocalDay, untilDay: LocalDay?,
        weekdays: WeekdaySet, startMinute: Int, endMinute: Int
    ) {
        precondition(
            startMinute >= 0 && endMinute <= 1440 && startMinute < endMinute, "an opening range ends after it starts")
        self.helper = helper
        self.place = place
        self.services = services
        self.firstDay = firstDay
        self.untilDay = untilDay
        self.weekdays = weekdays
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// Whether the range is open on `day` (holidays aside).
    public func occurs(on day: LocalDay) -> Bool {
        if day < firstDay { return false }
        if weekdays.isEmpty { return day == firstDay }
        if let untilDay, untilDay < day { return false }
        return weekdays.contains(day.isoWeekday)
    }
}

/// A time when a helper cannot take an appointment: an absence or an appointment already booked.
public struct BusyInterval: Hashable, Sendable {
    public var helper: String
    public var start: Date
    public var end: Date

    public init(helper: String, start: Date, end: Date) {
        self.helper = helper
        self.start = start
        self.end = end
    }
}

/// Everything the slot finder needs, read from the store in one transaction.
public struct AgendaSnapshot: Sendable {
    public private(set) var places: [String: AgendaPlace]
    public private(set) var services: [String: AgendaService]
    public private(set) var helpers: [String: AgendaHelper]
    public private(set) var ranges: [AgendaOpeningRange]
    /// Absences and booked appointments (status holding a slot), any order.
    public private(set) var busy: [BusyInterval]
    /// Add Good Friday and 26 December (Bas-Rhin, Haut-Rhin, Moselle).
    public var alsaceMoselle: Bool
    /// Days closed besides public holidays (bridges, local events).
    public var closedDays: Set<LocalDay>

    /// Per helper: busy time as sorted, merged [start, end) pairs in seconds since 1970.
    let busyByHelper: [String: [(start: Double, end: Double)]]
    /// Per service key: indexes into `ranges` of the ranges that serve it.
    let rangesByService: [String: [Int]]

    public init(
        places: [AgendaPlace], services: [AgendaService], helpers: [AgendaHelper],
        ranges: [AgendaOpeningRange], busy: [BusyInterval] = [], alsaceMoselle: Bool = false,
        closedDays: Set<LocalDay> = []
    ) {
        self.places = Dictionary(places.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
        self.services = Dictionary(services.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
        self.helpers = Dictionary(helpers.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
        self.ranges = ranges
        self.busy = busy
        self.alsaceMoselle = alsaceMoselle
        self.closedDays = closedDays

        var byHelper: [String: [(start: Double, end: Double)]] = [:]
        for interval in busy where interval.end > interval.start {
            byHelper[interval.helper, default: []].append(
                (interval.start.timeIntervalSince1970, interval.end.timeIntervalSince1970))
        }
        for (helper, intervals) in byHelper {
            var merged: [(start: Double, end: Double)] = []
            for interval in intervals.sorted(by: { $0.start < $1.start }) {
                if let last = merged.last, interval.start <= last.end {
                    merged[merged.count - 1].end = max(last.end, interval.end)
                } else {
                    merged.append(interval)
                }
            }
            byHelper[helper] = merged
        }
        busyByHelper = byHelper

        var byService: [String: [Int]] = [:]
        for (index, range) in ranges.enumerated() {
            for service in range.services { byService[service, default: []].append(index) }
        }
        rangesByService = byService
    }

    /// Returns a snapshot with one more busy interval (e.g. right after a booking).
    public func adding(busy interval: BusyInterval) -> AgendaSnapshot {
        AgendaSnapshot(
            places: Array(places.values), services: Array(services.values), helpers: Array(helpers.values),
            ranges: ranges, busy: busy + [interval], alsaceMoselle: alsaceMoselle, closedDays: closedDays)
    }

    /// The holiday on `day`, if any, with the snapshot's Alsace-Moselle option.
    public func holiday(on day: LocalDay) -> FrenchHoliday? {
        FrenchHoliday.holiday(on: day, alsaceMoselle: alsaceMoselle)
    }
}
