// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation

// Plain value types the store takes and returns. They hold no GRDB type, so the kiosk can
// keep them in its State without importing GRDB.

/// The id of an anonymous visit (one person's session at the kiosk, from first touch to idle).
public struct VisitID: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
    public var description: String { String(rawValue) }
}

/// Why a visit ended.
public enum VisitEndReason: String, CaseIterable, Sendable {
    /// The person reached the end of a journey (or said goodbye).
    case completed
    /// Nobody touched the screen for the idle delay; the kiosk reset itself.
    case idleTimeout = "idle_timeout"
    /// The person pressed "finish" / left before the end of a journey.
    case left
    /// A human helper took over at the desk.
    case handedToHelper = "handed_to_helper"
}

/// One anonymous visit as stored.
public struct Visit: Equatable, Sendable {
    public var id: VisitID
    public var startedAt: Date
    public var endedAt: Date?
    public var language: String
    public var journeys: [String]
    public var endReason: VisitEndReason?
}

/// How a person asked for help.
public enum HelpChannel: String, CaseIterable, Sendable {
    /// A person at the desk of the town hall.
    case desk
    /// A remote aidant through the kiosk.
    case remote
}

/// How a help request ended.
public enum HelpOutcome: String, CaseIterable, Sendable {
    case helped
    case noHelper = "no_helper"
    case abandoned
}

/// Why a remote-help session ended.
public enum RemoteSessionEndReason: String, CaseIterable, Sendable {
    case completed
    case personStopped = "person_stopped"
    case helperStopped = "helper_stopped"
    case connectionLost = "connection_lost"
    case timeout
}

// MARK: - Booking

/// A place (RDV Service Public `lieu`).
public struct PlaceDraft: Sendable {
    public var name: String
    public var address: String?
    public var latitude: Double?
    public var longitude: Double?
    /// E.164 ("+33…").
    public var phone: String?
    /// OpenStreetMap `opening_hours` syntax.
    public var openingHours: String?

    public init(
        name: String, address: String? = nil, latitude: Double? = nil, longitude: Double? = nil,
        phone: String? = nil, openingHours: String? = nil
    ) {
        self.name = name
        self.address = address
        self.latitude = latitude
        self.longitude = longitude
        self.phone = phone
        self.openingHours = openingHours
    }
}

/// A type of appointment (RDV Service Public `motif`).
public struct ServiceDraft: Sendable {
    public var name: String
    public var locationType: LocationType
    public var durationMinutes: Int
    public var minNoticeMinutes: Int
    public var maxNoticeDays: Int
    public var cancellableByPerson: Bool
    /// A `Thematique` code, or nil.
    public var thematique: String?

    public init(
        name: String, locationType: LocationType = .publicOffice, durationMinutes: Int,
        minNoticeMinutes: Int = 0, maxNoticeDays: Int = 60, cancellableByPerson: Bool = true,
        thematique: String? = nil
    ) {
        self.name = name
        self.locationType = locationType
        self.durationMinutes = durationMinutes
        self.minNoticeMinutes = minNoticeMinutes
        self.maxNoticeDays = maxNoticeDays
        self.cancellableByPerson = cancellableByPerson
        self.thematique = thematique
    }
}

/// An opening range (RDV Service Public `plage_ouverture`), in local Europe/Paris wall time.
public struct OpeningRangeDraft: Sendable {
    public var helperID: Int64
    public var placeID: Int64
    /// "YYYY-MM-DD".
    public var firstDay: String
    /// "HH:MM".
    public var startTime: String
    /// "HH:MM", after `startTime`.
    public var endTime: String
    /// Empty: on `firstDay` only. Otherwise ISO weekdays 1 (Monday) … 7 (Sunday), every week.
    public var weekdays: Set<Int>
    /// "YYYY-MM-DD", last day of a weekly range, or nil for no end.
    public var untilDay: String?
    public var serviceIDs: [Int64]

    public init(
        helperID: Int64, placeID: Int64, firstDay: String, startTime: String, endTime: String,
        weekdays: Set<Int> = [], untilDay: String? = nil, serviceIDs: [Int64]
    ) {
        self.helperID = helperID
        self.placeID = placeID
        self.firstDay = firstDay
        self.startTime = startTime
        self.endTime = endTime
        self.weekdays = weekdays
        self.untilDay = untilDay
        self.serviceIDs = serviceIDs
    }
}

/// What the booking screen asks the store to save.
public struct BookingRequest: Sendable {
    public var serviceID: Int64
    public var helperID: Int64
    public var placeID: Int64?
    public var visitID: VisitID?
    public var startsAt: Date
    /// A `Thematique` code (the démarche the person needs help with), or nil.
    public var thematique: String?
    /// Personal data, erased by the retention purge 7 days (default) after the appointment.
    public var personName: String?
    /// E.164. With `remindBySMS`, an SMS reminder is queued 48 h before.
    public var personPhone: String?
    public var remindBySMS: Bool

    public init(
        serviceID: Int64, helperID: Int64, placeID: Int64? = nil, visitID: VisitID? = nil,
        startsAt: Date, thematique: String? = nil, personName: String? = nil,
        personPhone: String? = nil, remindBySMS: Bool = false
    ) {
        self.serviceID = serviceID
        self.helperID = helperID
        self.placeID = placeID
        self.visitID = visitID
        self.startsAt = startsAt
        self.thematique = thematique
        self.personName = personName
        self.personPhone = personPhone
        self.remindBySMS = remindBySMS
    }
}

/// A stored appointment.
public struct Appointment: Equatable, Sendable {
    public var uuid: UUID
    public var serviceID: Int64
    public var helperID: Int64
    public var placeID: Int64?
    public var startsAt: Date
    public var endsAt: Date
    public var bookedAt: Date
    public var status: AppointmentStatus
    public var thematique: String?
    public var personName: String?
    public var personPhone: String?
    public var anonymisedAt: Date?
}

// MARK: - Diagnostic

/// An anonymous diagnostic result, as the diagnostic engine computed it.
public struct DiagnosticResult: Sendable {
    public var visitID: VisitID?
    public var completedAt: Date
    public var language: String
    public var autonomie: Autonomie
    public var profile: InclusionProfile?
    /// DigComp area code ("1" … "5") → score in 0…1.
    public var scores: [String: Double]

    public init(
        visitID: VisitID?, completedAt: Date, language: String, autonomie: Autonomie,
        profile: InclusionProfile? = nil, scores: [String: Double] = [:]
    ) {
        self.visitID = visitID
        self.completedAt = completedAt
        self.language = language
        self.autonomie = autonomie
        self.profile = profile
        self.scores = scores
    }
}
